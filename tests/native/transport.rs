//! Paging, retries, errors and token hygiene of the native transport against the emulator.

use o365kit::{ops, Error, Policy, Query};
use o365kit_e2e::{Env, MEMBER};
use serde_json::json;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn pages_follow_next_links_to_the_end() {
    let env = Env::start();
    let (public, _) = env.groups().await;
    let client = env.client(MEMBER);
    let everything =
        client.all(ops::ListConversations { group_id: public.clone(), query: Query::new() }).await.unwrap();
    assert!(everything.len() >= 3, "seed has at least three conversations");

    let mut pager = client.pages(ops::ListConversations { group_id: public.clone(), query: Query::new().top(1) });
    let mut seen = Vec::new();
    let mut pages = 0;
    while let Some(page) = pager.next_page().await {
        let page = page.unwrap();
        assert_eq!(page.value.len(), 1, "$top=1 gives one item per page");
        pages += 1;
        seen.extend(page.value.into_iter().filter_map(|c| c.id));
    }
    assert!(pages >= 3);
    let all_ids: Vec<_> = everything.into_iter().filter_map(|c| c.id).collect();
    assert_eq!(seen, all_ids, "paging yields every item once, in order");
}

#[tokio::test(flavor = "multi_thread")]
async fn throttling_is_retried_after_retry_after() {
    let env = Env::start();
    let (public, _) = env.groups().await;
    env.inject_fault(json!({"status": 429, "retryAfter": 1, "count": 1})).await;
    let started = Instant::now();
    let page = env.client(MEMBER).list_group_threads(public.as_str(), Query::new()).await.unwrap();
    assert!(!page.value.is_empty());
    assert!(started.elapsed() >= Duration::from_millis(950), "waited for Retry-After: {:?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread")]
async fn throttling_surfaces_when_retries_are_off() {
    let env = Env::start();
    let (public, _) = env.groups().await;
    env.inject_fault(json!({"status": 429, "retryAfter": 7, "count": 1})).await;
    let client = env.client_without_retries(MEMBER);
    let err = client.list_group_threads(public.as_str(), Query::new()).await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!(api.status, 429);
    assert_eq!(api.retry_after, Some(Duration::from_secs(7)));
}

#[tokio::test(flavor = "multi_thread")]
async fn service_unavailable_is_retried_for_reads() {
    let env = Env::start();
    let (public, _) = env.groups().await;
    env.inject_fault(json!({"status": 503, "retryAfter": 1, "count": 2})).await;
    let page = env.client(MEMBER).list_conversations(public.as_str(), Query::new()).await.unwrap();
    assert!(!page.value.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_truncated_body_is_an_error_not_a_panic() {
    let env = Env::start();
    let (public, _) = env.groups().await;
    env.inject_fault(json!({"truncate": true, "count": 1})).await;
    let client = env.client_without_retries(MEMBER);
    let err = client.list_group_threads(public.as_str(), Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. } | Error::Transport(_)), "{err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_ids_fail_before_any_request() {
    let env = Env::start();
    let err = env.client(MEMBER).get_thread("", "x", Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref param, .. } if param == "group_id"), "{err:?}");
    let err = env.client(MEMBER).get_thread("g", "..", Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref param, .. } if param == "thread_id"), "{err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_ids_stay_inside_one_path_segment() {
    let env = Env::start();
    let (public, _) = env.groups().await;
    let err = env.client(MEMBER).get_thread(public.as_str(), "../../groups?$top=1#", Query::new()).await.unwrap_err();
    // One id, not a path: one that Exchange refuses as malformed, as it would.
    let api = err.api().unwrap_or_else(|| panic!("an API error, got {err:?}"));
    assert_eq!((api.status, api.code.as_str()), (400, "ErrorInvalidIdMalformed"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn unreachable_server_is_a_transport_error_without_the_token() {
    let token = "emulator:member@contoso.test-secret-123";
    let client = o365kit::Client::builder()
        .base_url("http://127.0.0.1:9")
        .token(token)
        .retry_policy(Policy::no_retries())
        .build()
        .unwrap();
    let err = client.list_groups(Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(!err.to_string().contains(token));
    assert!(!format!("{err:?}").contains(token));
    assert!(!format!("{client:?}").contains(token));
}

#[tokio::test(flavor = "multi_thread")]
async fn token_callback_is_asked_per_request() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let env = Env::start();
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let provider = o365kit::TokenProvider::callback(move || {
        counter.fetch_add(1, Ordering::SeqCst);
        async { Ok(MEMBER.to_string()) }
    });
    let client = o365kit::Client::builder().base_url(&env.base_url()).token(provider).build().unwrap();
    client.list_joined_groups(Query::new()).await.unwrap();
    client.list_groups(Query::new()).await.unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_request_carries_a_fresh_client_request_id() {
    let env = Env::start();
    let client = env.client(MEMBER);
    let req = o365kit::Request::get(format!("{}/v1.0/me", env.base_url()));
    let ids: Vec<String> = {
        let mut ids = Vec::new();
        for _ in 0..2 {
            let res = client.execute(&req).await.unwrap();
            ids.push(res.header("client-request-id").expect("echoed by the server").to_string());
        }
        ids
    };
    for id in &ids {
        let parts: Vec<_> = id.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12], "a GUID: {id}");
        assert_eq!(&id[14..15], "4", "version 4: {id}");
    }
    assert_ne!(ids[0], ids[1]);
    let pinned = req.clone().header("client-request-id", "11111111-2222-4333-8444-555555555555");
    let res = client.execute(&pinned).await.unwrap();
    assert_eq!(res.header("client-request-id"), Some("11111111-2222-4333-8444-555555555555"));
}
