//! Group lifecycle, membership and photos.

mod common;
use common::*;
use serde_json::json;

#[test]
fn create_update_delete_a_group() {
    let emu = Emu::start();
    let body = json!({
        "displayName": "Launch team", "mailNickname": "launchteam", "description": "Planning the launch",
        "visibility": "Private", "mailEnabled": true, "securityEnabled": false, "groupTypes": ["Unified"],
        "members@odata.bind": [format!("https://graph.microsoft.com/v1.0/users/{MEMBER_ID}")]
    });
    let r = emu.call(OUTSIDER, "POST", "/v1.0/groups", Some(&body.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let g = r.json();
    let id = g["id"].as_str().unwrap().to_string();
    assert_eq!(g["@odata.context"], format!("{}/v1.0/$metadata#groups/$entity", emu.base()));
    assert_eq!((g["displayName"].as_str(), g["mail"].as_str()), (Some("Launch team"), Some("launchteam@contoso.test")));
    assert_eq!((g["visibility"].as_str(), g["groupTypes"][0].as_str()), (Some("Private"), Some("Unified")));
    assert!(g["createdDateTime"].as_str().is_some_and(|d| d.ends_with('Z')));
    assert!(g["securityIdentifier"].as_str().is_some_and(|s| s.starts_with("S-1-12-1-")));
    assert_eq!(r.header("location").unwrap(), format!("{}/v1.0/groups/{id}", emu.base()));

    let group = format!("/v1.0/groups/{id}");
    let owners = emu.get(OUTSIDER, &format!("{group}/owners")).json();
    assert_eq!(owners["value"][0]["id"], OUTSIDER_ID, "the creator owns the group");
    assert_eq!(emu.ids(OUTSIDER, &format!("{group}/members")).len(), 2, "creator and bound member");
    assert_eq!(emu.get(MEMBER, &format!("{group}/threads")).status, 200, "members read a private group's threads");

    let again = emu.call(OWNER, "POST", "/v1.0/groups", Some(&body.to_string()));
    assert_eq!(again.status, 400, "mail nicknames are unique");

    assert_eq!(emu.call(OUTSIDER, "PATCH", &group, Some(r#"{"description": "Launch in May"}"#)).status, 204);
    let read = emu.get(MEMBER, &group).json();
    assert_eq!(
        (read["description"].as_str(), read["displayName"].as_str()),
        (Some("Launch in May"), Some("Launch team"))
    );
    let r = emu.call(OUTSIDER, "PATCH", &group, Some(r#"{"visibility": "Secret"}"#));
    assert_eq!(r.status, 400);
    assert_eq!(r.error()["message"], "Invalid value specified for property 'visibility' of resource 'Group'.");

    assert_eq!(emu.call(OUTSIDER, "DELETE", &group, None).status, 204);
    assert_eq!(emu.get(OUTSIDER, &group).status, 404);
    assert!(!emu.ids(OWNER, "/v1.0/groups").contains(&id));
}

#[test]
fn members_and_owners_by_reference() {
    let emu = Emu::start();
    let group = format!("/v1.0/groups/{PUBLIC}");
    let reference =
        json!({ "@odata.id": format!("https://graph.microsoft.com/v1.0/directoryObjects/{OUTSIDER_ID}") }).to_string();
    let before = emu.ids(OWNER, &format!("{group}/members"));
    assert!(!before.contains(&OUTSIDER_ID.to_string()));

    let r = emu.call(OWNER, "POST", &format!("{group}/members/$ref"), Some(&reference));
    assert_eq!(r.status, 204);
    assert!(r.body.is_empty());
    assert_eq!(emu.ids(OWNER, &format!("{group}/members")).len(), before.len() + 1);
    assert_eq!(
        emu.get(OWNER, &format!("{group}/members/{OUTSIDER_ID}")).json()["@odata.type"],
        "#microsoft.graph.user"
    );
    let twice = emu.call(OWNER, "POST", &format!("{group}/members/%24ref"), Some(&reference));
    assert_eq!(twice.status, 400);
    assert_eq!(twice.error()["code"], "Request_BadRequest");
    assert_eq!(
        twice.error()["message"],
        "One or more added object references already exist for the following modified properties: 'members'."
    );
    assert_eq!(emu.call(OWNER, "DELETE", &format!("{group}/members/{OUTSIDER_ID}/$ref"), None).status, 204);
    assert_eq!(emu.ids(OWNER, &format!("{group}/members")), before);
    let gone = emu.call(OWNER, "DELETE", &format!("{group}/members/{OUTSIDER_ID}/$ref"), None);
    assert_eq!((gone.status, gone.code().as_str()), (404, "Request_ResourceNotFound"));

    let nobody =
        r#"{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/00000000-0000-0000-0000-000000000000"}"#;
    assert_eq!(
        emu.call(OWNER, "POST", &format!("{group}/members/$ref"), Some(nobody)).code(),
        "Request_ResourceNotFound"
    );

    let by_users_path = json!({ "@odata.id": format!("http://localhost/v1.0/users/{OUTSIDER_ID}") }).to_string();
    assert_eq!(emu.call(OWNER, "POST", &format!("{group}/owners/$ref"), Some(&by_users_path)).status, 204);
    assert_eq!(emu.ids(OWNER, &format!("{group}/owners")).len(), 2);
    assert_eq!(
        emu.call(OUTSIDER, "PATCH", &group, Some(r#"{"displayName": "Marketing"}"#)).status,
        204,
        "a new owner may edit"
    );
    assert_eq!(emu.call(OWNER, "DELETE", &format!("{group}/owners/{OUTSIDER_ID}/$ref"), None).status, 204);
    let last =
        emu.call(OWNER, "DELETE", &format!("{group}/owners/{}/$ref", "ad48ecb5-c326-499b-b182-639363a98d2d"), None);
    assert_eq!(last.status, 400, "the last owner stays");
}

#[test]
fn group_photo_metadata_bytes_and_replacement() {
    let emu = Emu::start();
    let photo = format!("/v1.0/groups/{PUBLIC}/photo");
    let meta = emu.get(OUTSIDER, &photo).json();
    assert_eq!(meta["@odata.context"], format!("{}/v1.0/$metadata#groups('{PUBLIC}')/photo/$entity", emu.base()));
    assert_eq!((meta["@odata.mediaContentType"].as_str(), meta["id"].as_str()), (Some("image/png"), Some("default")));
    assert_eq!((meta["width"].as_u64(), meta["height"].as_u64()), (Some(48), Some(48)));
    let bytes = emu.get(OUTSIDER, &format!("{photo}/$value"));
    assert_eq!(bytes.status, 200);
    assert_eq!(bytes.header("content-type"), Some("image/png"));
    assert!(bytes.body.starts_with(b"\x89PNG\r\n\x1a\n"));

    let private = format!("/v1.0/groups/{PRIVATE}/photo/$value");
    let png = b"\x89PNG\r\n\x1a\n-pretend-image";
    let auth = [("Authorization", "Bearer emulator:owner@contoso.test"), ("Content-Type", "image/png")];
    let r = send(&emu.base(), "PUT", &private, &auth, Some(png));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let read = emu.get(MEMBER, &private);
    assert_eq!((read.body.as_slice(), read.header("content-type")), (&png[..], Some("image/png")));
    let text = [("Authorization", "Bearer emulator:owner@contoso.test"), ("Content-Type", "text/plain")];
    assert_eq!(send(&emu.base(), "PUT", &private, &text, Some(b"hello")).status, 400);
    // As Microsoft's SDKs send a photo stream: the image's header names its type.
    let octets =
        [("Authorization", "Bearer emulator:owner@contoso.test"), ("Content-Type", "application/octet-stream")];
    let gif = b"GIF89a\x02\x00\x03\x00-pretend";
    assert_eq!(send(&emu.base(), "PUT", &private, &octets, Some(gif)).status, 200);
    assert_eq!(emu.get(MEMBER, &private).header("content-type"), Some("image/gif"));
    assert_eq!(send(&emu.base(), "PUT", &private, &octets, Some(b"not an image")).status, 400);
    assert_eq!(emu.call(OWNER, "DELETE", &format!("/v1.0/groups/{PRIVATE}/photo"), None).status, 204);
    assert_eq!(emu.get(MEMBER, &private).code(), "ImageNotFound");
}

#[test]
fn me_and_users() {
    let emu = Emu::start();
    let me = emu.get(MEMBER, "/v1.0/me").json();
    assert_eq!(me["@odata.context"], format!("{}/v1.0/$metadata#users/$entity", emu.base()));
    assert_eq!((me["id"].as_str(), me["userPrincipalName"].as_str()), (Some(MEMBER_ID), Some(MEMBER)));
    assert_eq!(me["displayName"], "Miguel Mendes");
    assert_eq!(emu.get(MEMBER, &format!("/v1.0/users/{OUTSIDER}")).json()["id"], OUTSIDER_ID);
    assert_eq!(emu.ids(MEMBER, "/v1.0/users").len(), 3);
}
