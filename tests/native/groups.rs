//! Groups, membership and photos through the native client against the emulator.

use o365kit::model::{Group, Photo};
use o365kit::{ops, Query};
use o365kit_e2e::{Env, MEMBER, OUTSIDER, OWNER};

#[tokio::test(flavor = "multi_thread")]
async fn list_get_and_filter_groups() {
    let env = Env::start();
    let client = env.client(MEMBER);
    let (public, private) = env.groups().await;

    let all = client.all(ops::ListGroups { query: Query::new() }).await.unwrap();
    let ids: Vec<_> = all.iter().filter_map(|g| g.id.clone()).collect();
    assert!(ids.contains(&public) && ids.contains(&private), "tenant users see every group: {ids:?}");

    let g = client.get_group(public.as_str(), Query::new().select(["id", "displayName"])).await.unwrap();
    assert_eq!(g.id.as_deref(), Some(public.as_str()));
    assert!(g.display_name.is_some());
    assert!(g.visibility.is_none(), "$select leaves visibility out");

    let page = client.list_groups(Query::new().filter("visibility eq 'Private'")).await.unwrap();
    assert!(!page.value.is_empty());
    assert!(page.value.iter().all(|g| g.visibility.as_deref() == Some("Private")));
}

#[tokio::test(flavor = "multi_thread")]
async fn joined_groups_are_the_callers() {
    let env = Env::start();
    let (public, private) = env.groups().await;
    let member = env.client(MEMBER).all(ops::ListJoinedGroups { query: Query::new() }).await.unwrap();
    let ids: Vec<_> = member.iter().filter_map(|g| g.id.clone()).collect();
    assert!(ids.contains(&public));
    assert!(!ids.contains(&private));
    let owner = env.client(OWNER).all(ops::ListJoinedGroups { query: Query::new() }).await.unwrap();
    assert_eq!(owner.len(), 2);
    let outsider = env.client(OUTSIDER).list_joined_groups(Query::new()).await.unwrap();
    assert!(outsider.value.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn create_update_delete_group() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let mut new = Group::unified("Launch team", "launchteam");
    new.description = Some("Planning the launch".into());
    new.visibility = Some("Private".into());
    let created = owner.create_group(new).await.unwrap();
    let id = created.id.clone().expect("created group has an id");
    assert_eq!(created.display_name.as_deref(), Some("Launch team"));
    assert!(created.is_unified());

    let patch = Group { description: Some("Launch in May".into()), ..Default::default() };
    owner.update_group(id.as_str(), patch).await.unwrap();
    let read = owner.get_group(id.as_str(), Query::new()).await.unwrap();
    assert_eq!(read.description.as_deref(), Some("Launch in May"));
    assert_eq!(read.display_name.as_deref(), Some("Launch team"), "PATCH keeps other properties");

    owner.delete_group(id.as_str()).await.unwrap();
    let err = owner.get_group(id.as_str(), Query::new()).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
}

#[tokio::test(flavor = "multi_thread")]
async fn members_and_owners() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let (public, _) = env.groups().await;
    let members = owner.all(ops::ListGroupMembers { group_id: public.clone(), query: Query::new() }).await.unwrap();
    let outsider_id = {
        let me =
            env.client(OUTSIDER).execute(&o365kit::Request::get(format!("{}/v1.0/me", env.base_url()))).await.unwrap();
        let v: serde_json::Value = serde_json::from_slice(&me.body).unwrap();
        v["id"].as_str().unwrap().to_string()
    };
    assert!(members.iter().all(|m| m.id.as_deref() != Some(outsider_id.as_str())));
    assert!(members.iter().all(|m| m.is_user()));

    owner.add_group_member(public.as_str(), outsider_id.as_str()).await.unwrap();
    let after = owner.all(ops::ListGroupMembers { group_id: public.clone(), query: Query::new() }).await.unwrap();
    assert_eq!(after.len(), members.len() + 1);
    let again = owner.add_group_member(public.as_str(), outsider_id.as_str()).await.unwrap_err();
    assert_eq!(again.status(), Some(400), "adding twice is refused as Graph does");
    owner.remove_group_member(public.as_str(), outsider_id.as_str()).await.unwrap();
    let back = owner.all(ops::ListGroupMembers { group_id: public.clone(), query: Query::new() }).await.unwrap();
    assert_eq!(back.len(), members.len());

    let owners = owner.list_group_owners(public.as_str(), Query::new()).await.unwrap();
    assert_eq!(owners.value.len(), 1);
    owner.add_group_owner(public.as_str(), outsider_id.as_str()).await.unwrap();
    assert_eq!(owner.list_group_owners(public.as_str(), Query::new()).await.unwrap().value.len(), 2);
    owner.remove_group_owner(public.as_str(), outsider_id.as_str()).await.unwrap();
    assert_eq!(owner.list_group_owners(public.as_str(), Query::new()).await.unwrap().value.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn group_photo_round_trip() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let (public, private) = env.groups().await;
    let photo = owner.get_group_photo(public.as_str()).await.unwrap();
    assert!(photo.content_type.starts_with("image/"), "{}", photo.content_type);
    assert!(!photo.bytes.is_empty());

    let missing = owner.get_group_photo(private.as_str()).await.unwrap_err();
    assert_eq!(missing.status(), Some(404));

    let png = Photo { content_type: "image/png".into(), bytes: b"\x89PNG\r\n\x1a\n-pretend-image".to_vec() };
    owner.set_group_photo(private.as_str(), png.clone()).await.unwrap();
    let read = owner.get_group_photo(private.as_str()).await.unwrap();
    assert_eq!(read.bytes, png.bytes);
    assert!(read.content_type.starts_with("image/png"));
}
