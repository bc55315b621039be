//! One test per access rule of the emulator, seen through the native client.

use o365kit::model::Group;
use o365kit::{Error, Query};
use o365kit_e2e::{Env, MEMBER, OUTSIDER, OWNER};

#[tokio::test(flavor = "multi_thread")]
async fn public_group_conversations_are_readable_by_every_tenant_user() {
    let env = Env::start();
    let (public, _) = env.groups().await;
    let page = env.client(OUTSIDER).list_conversations(public.as_str(), Query::new()).await.unwrap();
    assert!(!page.value.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn private_group_conversations_are_forbidden_to_non_members() {
    let env = Env::start();
    let (_, private) = env.groups().await;
    for token in [OUTSIDER, MEMBER] {
        let err = env.client(token).list_group_threads(private.as_str(), Query::new()).await.unwrap_err();
        let api = err.api().expect("an API error");
        assert_eq!(api.status, 403, "{token}: {err}");
        assert!(!api.code.is_empty());
        assert!(api.request_id.is_some(), "Graph errors carry a request-id");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn private_group_conversations_are_readable_by_members() {
    let env = Env::start();
    let (_, private) = env.groups().await;
    let page = env.client(OWNER).list_group_threads(private.as_str(), Query::new()).await.unwrap();
    assert!(!page.value.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn only_owners_update_or_delete_a_group() {
    let env = Env::start();
    let (public, _) = env.groups().await;
    let patch = Group { description: Some("hijacked".into()), ..Default::default() };
    let err = env.client(MEMBER).update_group(public.as_str(), patch.clone()).await.unwrap_err();
    assert_eq!(err.status(), Some(403));
    let err = env.client(MEMBER).delete_group(public.as_str()).await.unwrap_err();
    assert_eq!(err.status(), Some(403));
    let err =
        env.client(MEMBER).add_group_member(public.as_str(), "00000000-0000-0000-0000-000000000000").await.unwrap_err();
    assert_eq!(err.status(), Some(403));
    env.client(OWNER).update_group(public.as_str(), patch).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_or_missing_tokens_are_unauthorized() {
    let env = Env::start();
    let secret = "emulator:nobody@contoso.test";
    let err = env.client(secret).list_groups(Query::new()).await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!((api.status, api.code.as_str()), (401, "InvalidAuthenticationToken"));
    assert!(!err.to_string().contains(secret) && !format!("{err:?}").contains(secret));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_blank_token_is_refused_before_any_request() {
    let env = Env::start();
    let err = env.client("   ").list_groups(Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref param, .. } if param == "token"), "{err:?}");
}
