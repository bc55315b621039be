//! `POST /v1.0/$batch`: each request answered on its own, in order, with Graph's checks on the
//! batch itself and 424 for a failed dependency.

mod common;
use common::*;
use serde_json::{json, Value};

fn batch(emu: &Emu, user: &str, requests: Value) -> (u16, Value) {
    let r = emu.call(user, "POST", "/v1.0/$batch", Some(&json!({ "requests": requests }).to_string()));
    let status = r.status;
    (status, r.json())
}

#[test]
fn each_request_gets_its_own_answer() {
    let emu = Emu::start();
    let (status, v) = batch(
        &emu,
        MEMBER,
        json!([
            { "id": "a", "method": "GET", "url": "/me/mailFolders/inbox" },
            { "id": "b", "method": "POST", "url": "/me/mailFolders", "headers": { "Content-Type": "application/json" },
              "body": { "displayName": "From a batch" } },
            { "id": "c", "method": "GET", "url": "/me/messages/AAMkAGNoSuchMessage0001" },
            { "id": "d", "method": "GET", "url": "/users/owner@contoso.test/messages" }
        ]),
    );
    assert_eq!(status, 200);
    let r = v["responses"].as_array().unwrap();
    let by_id = |id: &str| r.iter().find(|x| x["id"] == id).unwrap().clone();
    assert_eq!(by_id("a")["status"], 200);
    assert_eq!(by_id("a")["body"]["displayName"], "Inbox");
    assert_eq!(by_id("b")["status"], 201);
    assert!(by_id("b")["headers"]["location"].as_str().unwrap().contains("/mailFolders/"));
    assert_eq!(by_id("c")["status"], 404);
    assert_eq!(by_id("c")["body"]["error"]["code"], "ErrorItemNotFound");
    assert_eq!(by_id("d")["status"], 403, "the batch's caller, not a superuser");
    assert_eq!(
        emu.get(MEMBER, "/v1.0/me/mailFolders?$top=50").json()["value"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["displayName"] == "From a batch")
            .count(),
        1
    );
}

#[test]
fn a_failed_dependency_is_424_and_binary_bodies_are_base64() {
    let emu = Emu::start();
    let (_, v) = batch(
        &emu,
        OWNER,
        json!([
            { "id": "1", "method": "GET", "url": "/me/messages/AAMkAGNoSuchMessage0001" },
            { "id": "2", "method": "GET", "url": "/me/mailFolders/inbox", "dependsOn": ["1"] },
            { "id": "3", "method": "GET", "url": "/me/messages/AAMkAGOwnerBudgetMail0001/attachments" }
        ]),
    );
    let r = v["responses"].as_array().unwrap();
    assert_eq!(r[1]["status"], 424);
    let att = r[2]["body"]["value"][0]["id"].as_str().unwrap().to_string();
    let (_, v) = batch(
        &emu,
        OWNER,
        json!([{ "id": "1", "method": "GET", "url": format!("/me/messages/AAMkAGOwnerBudgetMail0001/attachments/{att}/$value") }]),
    );
    let one = &v["responses"][0];
    assert_eq!(one["status"], 200);
    assert!(!one["headers"]["content-type"].as_str().unwrap().contains("json"));
    assert!(one["body"].is_string(), "raw bytes travel as base64: {one}");
}

#[test]
fn the_batch_itself_is_checked_first() {
    let emu = Emu::start();
    let many: Vec<Value> = (0..21).map(|i| json!({ "id": i.to_string(), "method": "GET", "url": "/me" })).collect();
    let cases = [
        (json!(many), "maximum"),
        (json!([]), "format"),
        (
            json!([{ "id": "1", "method": "GET", "url": "/me" }, { "id": "1", "method": "GET", "url": "/me" }]),
            "duplicate",
        ),
        (json!([{ "id": "1", "method": "GET", "url": "/me", "dependsOn": ["2"] }]), "depends"),
        (json!([{ "id": "1", "method": "GET" }]), "url"),
    ];
    for (requests, word) in cases {
        let (status, v) = batch(&emu, MEMBER, requests.clone());
        assert_eq!(status, 400, "{requests}");
        assert_eq!(v["error"]["code"], "BadRequest");
        assert!(v["error"]["message"].as_str().unwrap().contains(word), "{v}");
    }
    assert_eq!(emu.call(MEMBER, "POST", "/v1.0/$batch", None).status, 400);
}
