//! JSON batching through the native client against the emulator: 25 reads in two round trips,
//! throttled items retried after their Retry-After, a failed dependency answered 424.

use o365kit::ops::{GetMailFolder, GetMessage, ListFolderMessages};
use o365kit::{Error, Mailbox, Query};
use o365kit_e2e::{Env, MEMBER};
use serde_json::json;

fn get(id: &str) -> GetMessage {
    GetMessage { mailbox: Mailbox::Me, message_id: id.into(), query: Query::new().select(["subject"]) }
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_five_reads_come_back_typed_with_throttled_items_retried() {
    let env = Env::start();
    let client = env.client(MEMBER);
    let inbox = ListFolderMessages { mailbox: Mailbox::Me, folder_id: "inbox".into(), query: Query::new().top(25) };
    let listed = client.send(&inbox).await.unwrap().value;
    assert_eq!(listed.len(), 25, "the seed has enough mail");
    // Two of the batched reads are throttled once; their Retry-After is honoured.
    env.inject_fault(json!({ "status": 429, "retryAfter": 1, "count": 2, "pathPrefix": "/v1.0/me/messages/" })).await;

    let mut batch = client.batch();
    let handles: Vec<_> = listed.iter().map(|m| batch.add(&get(m.id.as_deref().unwrap())).unwrap()).collect();
    assert_eq!(batch.requests().unwrap().len(), 2, "20 + 5");
    let started = std::time::Instant::now();
    client.send_batch(&mut batch).await.unwrap();
    assert!(started.elapsed() >= std::time::Duration::from_secs(1), "waited for Retry-After");
    for (h, m) in handles.iter().zip(&listed) {
        assert_eq!(batch.result(h).unwrap().subject, m.subject);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn items_fail_on_their_own_and_a_failed_dependency_is_424() {
    let env = Env::start();
    let client = env.client(MEMBER);
    let mut batch = client.batch();
    let inbox =
        batch.add(&GetMailFolder { mailbox: Mailbox::Me, folder_id: "inbox".into(), query: Query::new() }).unwrap();
    let missing = batch.add(&get("AAMkAGNoSuchMessage0001")).unwrap();
    let after = batch.add_after(&get("AAMkAGMemberPlainText0001"), &[1]).unwrap();
    client.send_batch(&mut batch).await.unwrap();
    assert_eq!(batch.result(&inbox).unwrap().display_name.as_deref(), Some("Inbox"));
    match batch.result(&missing) {
        Err(Error::Api(e)) => assert_eq!((e.status, e.code.as_str()), (404, "ErrorItemNotFound")),
        other => panic!("{other:?}"),
    }
    match batch.result(&after) {
        Err(Error::Api(e)) => assert_eq!(e.status, 424),
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn another_users_mailbox_is_refused_per_item() {
    let env = Env::start();
    let client = env.client(MEMBER);
    let mut batch = client.batch();
    let mine = batch.add(&get("AAMkAGMemberPlainText0001")).unwrap();
    let theirs = GetMessage { mailbox: Mailbox::user("owner@contoso.test"), ..get("AAMkAGOwnerBudgetMail0001") };
    let theirs = batch.add(&theirs).unwrap();
    client.send_batch(&mut batch).await.unwrap();
    assert!(batch.result(&mine).is_ok());
    match batch.result(&theirs) {
        Err(Error::Api(e)) => assert_eq!((e.status, e.code.as_str()), (403, "ErrorAccessDenied")),
        other => panic!("{other:?}"),
    }
}
