//! JSON batching, sans-IO: the `$batch` bodies built, split at 20 with dependency chains kept
//! together, each item's answer parsed by its own operation, and throttled items retried.
mod common;

use common::*;
use o365kit::batch::MAX_REQUESTS;
use o365kit::ops::*;
use o365kit::{Batch, Error, Mailbox, Method, Policy, Query, Response};
use serde_json::{json, Value};

fn get(id: &str) -> GetMessage {
    GetMessage { mailbox: Mailbox::Me, message_id: id.into(), query: Query::new().select(["subject"]) }
}

fn body(req: &o365kit::Request) -> Value {
    serde_json::from_slice(req.body.as_deref().unwrap()).unwrap()
}

fn answer(responses: Value) -> Response {
    json_response(200, serde_json::to_vec(&json!({ "responses": responses })).unwrap())
}

#[test]
fn one_post_holds_the_items_with_urls_relative_to_the_version() {
    let mut batch = Batch::new(&ep());
    batch.add(&get("m1")).unwrap();
    let folder = o365kit::model::MailFolder::named("Receipts");
    batch.add(&CreateMailFolder { mailbox: Mailbox::user("support@contoso.com"), folder }).unwrap();
    let reqs = batch.requests().unwrap();
    assert_eq!(reqs.len(), 1);
    assert_eq!((reqs[0].method, reqs[0].url.as_str()), (Method::Post, format!("{BASE}/$batch").as_str()));
    assert_eq!(
        body(&reqs[0]),
        json!({ "requests": [
            { "id": "1", "method": "GET", "url": "/me/messages/m1?$select=subject" },
            { "id": "2", "method": "POST", "url": "/users/support%40contoso.com/mailFolders",
              "headers": { "Content-Type": "application/json" }, "body": { "displayName": "Receipts" } }
        ] })
    );
}

#[test]
fn more_than_twenty_items_take_several_posts_and_chains_stay_together() {
    let mut batch = Batch::new(&ep());
    for i in 0..MAX_REQUESTS + 5 {
        batch.add(&get(&format!("m{i}"))).unwrap();
    }
    let sizes: Vec<usize> =
        batch.requests().unwrap().iter().map(|r| body(r)["requests"].as_array().unwrap().len()).collect();
    assert_eq!(sizes, [20, 5]);

    let mut chained = Batch::new(&ep());
    let first = chained.add(&get("a")).unwrap();
    let after = chained.add_after(&get("b"), &[0]).unwrap();
    assert_eq!((first.id(), after.id()), ("1".to_string(), "2".to_string()));
    let b = body(&chained.requests().unwrap()[0]);
    assert_eq!(b["requests"][1]["dependsOn"], json!(["1"]));
    assert!(matches!(chained.add_after(&get("c"), &[7]), Err(Error::InvalidInput { .. })));
}

#[test]
fn each_answer_is_parsed_by_its_own_operation() {
    let mut batch = Batch::new(&ep());
    let found = batch.add(&get("m1")).unwrap();
    let missing = batch.add(&get("m2")).unwrap();
    let deleted = batch.add(&DeleteMessage { mailbox: Mailbox::Me, message_id: "m3".into() }).unwrap();
    batch
        .absorb(&answer(json!([
            { "id": "2", "status": 404, "headers": { "Content-Type": "application/json" },
              "body": { "error": { "code": "ErrorItemNotFound", "message": "The specified object was not found in the store." } } },
            { "id": "1", "status": 200, "headers": { "Content-Type": "application/json" }, "body": { "id": "m1", "subject": "Hi" } },
            { "id": "3", "status": 204, "headers": {} }
        ])))
        .unwrap();
    assert!(batch.is_done());
    assert_eq!(batch.result(&found).unwrap().subject.as_deref(), Some("Hi"));
    match batch.result(&missing) {
        Err(Error::Api(e)) => assert_eq!((e.status, e.code.as_str()), (404, "ErrorItemNotFound")),
        other => panic!("expected the item's own API error, got {other:?}"),
    }
    batch.result(&deleted).unwrap();
}

#[test]
fn throttled_items_are_sent_again_after_their_retry_after() {
    let mut batch = Batch::new(&ep());
    let a = batch.add(&get("m1")).unwrap();
    batch.add(&get("m2")).unwrap();
    batch
        .absorb(&answer(json!([
            { "id": "1", "status": 429, "headers": { "Retry-After": "3" }, "body": { "error": { "code": "TooManyRequests", "message": "x" } } },
            { "id": "2", "status": 200, "headers": { "Content-Type": "application/json" }, "body": { "id": "m2" } }
        ])))
        .unwrap();
    let wait = batch.retry(&Policy::default()).expect("one item to retry");
    assert_eq!(wait.as_secs(), 3);
    let again = body(&batch.requests().unwrap()[0]);
    assert_eq!(again["requests"].as_array().unwrap().len(), 1, "only the throttled item: {again}");
    assert_eq!(again["requests"][0]["id"], "1");
    batch
        .absorb(&answer(json!([{ "id": "1", "status": 200, "headers": { "Content-Type": "application/json" }, "body": { "id": "m1" } }])))
        .unwrap();
    assert!(batch.retry(&Policy::default()).is_none());
    assert_eq!(batch.result(&a).unwrap().id.as_deref(), Some("m1"));
}

#[test]
fn a_broken_batch_answer_is_a_decode_error_naming_where() {
    let mut batch = Batch::new(&ep());
    batch.add(&get("m1")).unwrap();
    for (bad, path) in [
        (json!({ "value": [] }), "responses"),
        (json!({ "responses": [{ "status": 200 }] }), "responses[0]"),
        (json!({ "responses": [{ "id": "9", "status": 200 }] }), "responses[0]"),
    ] {
        match batch.absorb(&json_response(200, serde_json::to_vec(&bad).unwrap())) {
            Err(Error::Decode { path: p, .. }) => assert_eq!(p, path, "{bad}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
}
