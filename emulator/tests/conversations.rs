//! Conversations, threads, posts and attachments: reads, creates, replies, locks and deletes,
//! and that every change shows in later reads.

mod common;
use common::*;
use serde_json::{json, Value};

fn post_body(html: &str) -> String {
    json!({ "post": { "body": { "contentType": "html", "content": html } } }).to_string()
}

#[test]
fn reply_to_a_thread_adds_a_post_and_moves_the_thread() {
    let emu = Emu::start();
    let thread = format!("/v1.0/groups/{PUBLIC}/threads/{}", enc(KICKOFF_THREAD));
    let before = emu.get(MEMBER, &format!("{thread}/posts")).json()["value"].as_array().unwrap().len();

    let r = emu.call(OUTSIDER, "POST", &format!("{thread}/reply"), Some(&post_body("<p>Count me in</p>")));
    assert_eq!(r.status, 202, "{}", String::from_utf8_lossy(&r.body));
    assert!(r.body.is_empty());

    let posts = emu.get(MEMBER, &format!("{thread}/posts")).json()["value"].as_array().unwrap().clone();
    assert_eq!(posts.len(), before + 1);
    let reply = posts.last().unwrap();
    assert_eq!(reply["from"]["emailAddress"]["address"], "outsider@contoso.test");
    assert_eq!(reply["sender"]["emailAddress"]["name"], "Oscar Ortega");
    assert_eq!(reply["body"]["content"], "<p>Count me in</p>");
    assert_eq!(reply["conversationThreadId"], KICKOFF_THREAD);
    assert_eq!(reply["conversationId"], KICKOFF_CONVERSATION);
    let received = reply["receivedDateTime"].as_str().unwrap().to_string();
    assert!(received.as_str() > "2026-01-01", "{received}");

    let t = emu.get(MEMBER, &thread).json();
    assert_eq!(t["lastDeliveredDateTime"], received.as_str());
    assert_eq!(t["preview"], "Count me in");
    assert!(t["uniqueSenders"].as_array().unwrap().contains(&json!("Oscar Ortega")));
    let convs = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/conversations")).json();
    assert_eq!(convs["value"][0]["id"], KICKOFF_CONVERSATION, "newest conversation first");
    assert_eq!(convs["value"][0]["lastDeliveredDateTime"], received.as_str());

    let expanded =
        emu.get(MEMBER, &format!("{thread}/posts/{}?$expand=inReplyTo", enc(reply["id"].as_str().unwrap()))).json();
    assert_eq!(expanded["inReplyTo"]["id"], posts[posts.len() - 2]["id"], "a thread reply answers its newest post");
}

#[test]
fn create_conversation_returns_201_thread_ids_and_location() {
    let emu = Emu::start();
    let body = json!({
        "topic": "Take your wellness days and rest",
        "threads": [{ "posts": [{
            "body": { "contentType": "html", "content": "Contoso cares about you: Rest and Recharge" },
            "newParticipants": [{ "emailAddress": { "name": "Adele Vance", "address": "AdeleV@contoso.test" } }]
        }]}]
    });
    let r = emu.call(MEMBER, "POST", &format!("/v1.0/groups/{PUBLIC}/conversations"), Some(&body.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert_eq!(v["@odata.context"], format!("{}/v1.0/$metadata#groups('{PUBLIC}')/conversations/$entity", emu.base()));
    let cid = v["id"].as_str().unwrap().to_string();
    let tids: Vec<&str> = v["threads"].as_array().unwrap().iter().filter_map(|t| t["id"].as_str()).collect();
    assert_eq!(tids.len(), 1);
    assert_eq!(v["topic"], "Take your wellness days and rest");
    let location = r.header("location").unwrap();
    assert_eq!(location, format!("{}/v1.0/groups/{PUBLIC}/conversations/{}", emu.base(), enc(&cid)));

    let read = emu.get(OUTSIDER, location).json();
    assert_eq!(read["id"], cid.as_str());
    let threads = emu.get(MEMBER, &format!("{location}/threads?$select=id,toRecipients")).json();
    assert_eq!(threads["value"][0]["id"], tids[0]);
    let to = threads["value"][0]["toRecipients"].as_array().unwrap();
    assert!(to.iter().any(|r| r["emailAddress"]["address"] == "AdeleV@contoso.test"), "new participants join");
    let posts = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads/{}/posts", enc(tids[0]))).json();
    assert_eq!(posts["value"][0]["from"]["emailAddress"]["address"], "member@contoso.test");

    let more = json!({ "posts": [{ "body": { "contentType": "text", "content": "A second thread" } }] });
    let r = emu.call(MEMBER, "POST", &format!("{location}/threads"), Some(&more.to_string()));
    assert_eq!(r.status, 201);
    assert_eq!(r.json()["topic"], "Take your wellness days and rest", "a new thread takes the conversation topic");
    assert!(r.header("location").is_some());
    assert_eq!(emu.get(MEMBER, &format!("{location}/threads")).json()["value"].as_array().unwrap().len(), 2);

    assert_eq!(emu.call(MEMBER, "DELETE", location, None).status, 403, "deleting is for owners");
    assert_eq!(emu.call(OWNER, "DELETE", location, None).status, 204);
    assert_eq!(emu.get(MEMBER, location).status, 404);
}

#[test]
fn create_lock_and_delete_a_thread() {
    let emu = Emu::start();
    let threads = format!("/v1.0/groups/{PUBLIC}/threads");
    let before = emu.ids(MEMBER, &format!("/v1.0/groups/{PUBLIC}/conversations")).len();
    let body = json!({ "topic": "Office move", "posts": [{ "body": { "contentType": "html", "content": "<p>Boxes arrive Monday</p>" } }] });
    let r = emu.call(MEMBER, "POST", &threads, Some(&body.to_string()));
    assert_eq!(r.status, 201);
    let t = r.json();
    let tid = t["id"].as_str().unwrap().to_string();
    assert_eq!((t["topic"].as_str(), t["isLocked"].as_bool()), (Some("Office move"), Some(false)));
    assert!(t["toRecipients"].is_array() && t["ccRecipients"].is_array(), "the create response is whole: {t}");
    assert_eq!(r.header("location").unwrap(), format!("{}/v1.0/groups/{PUBLIC}/threads/{}", emu.base(), enc(&tid)));
    assert_eq!(
        emu.ids(MEMBER, &format!("/v1.0/groups/{PUBLIC}/conversations")).len(),
        before + 1,
        "a new conversation too"
    );

    let thread = format!("{threads}/{}", enc(&tid));
    assert_eq!(emu.call(MEMBER, "PATCH", &thread, Some(r#"{"isLocked": true}"#)).status, 403, "locking is for owners");
    let r = emu.call(OWNER, "PATCH", &thread, Some(r#"{"isLocked": true}"#));
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), json!({}));
    assert_eq!(emu.get(MEMBER, &thread).json()["isLocked"], true);
    let r = emu.call(MEMBER, "POST", &format!("{thread}/reply"), Some(&post_body("<p>Too late</p>")));
    assert_eq!(r.status, 403);
    assert_eq!(r.error()["code"], "ErrorAccessDenied");
    assert_eq!(emu.get(MEMBER, &format!("{thread}/posts")).json()["value"].as_array().unwrap().len(), 1);

    assert_eq!(emu.call(OWNER, "DELETE", &thread, None).status, 204);
    assert_eq!(emu.get(MEMBER, &thread).status, 404);
    assert_eq!(
        emu.ids(MEMBER, &format!("/v1.0/groups/{PUBLIC}/conversations")).len(),
        before,
        "its conversation went too"
    );
}

#[test]
fn posts_reply_forward_and_attachments() {
    let emu = Emu::start();
    let posts_url = format!("/v1.0/groups/{PUBLIC}/threads/{}/posts", enc(BUDGET_THREAD));
    let post = format!("{posts_url}/{}", enc(BUDGET_POST));
    let p = emu.get(MEMBER, &post).json();
    assert_eq!(p["id"], BUDGET_POST, "ids with + and = survive encoding");
    assert_eq!(p["hasAttachments"], true);
    assert_eq!(p["body"]["contentType"], "html");
    assert!(p["@odata.etag"].as_str().unwrap().starts_with("W/\""));

    let atts = emu.get(OUTSIDER, &format!("{post}/attachments")).json();
    let a = &atts["value"][0];
    assert_eq!(a["@odata.type"], "#microsoft.graph.fileAttachment");
    assert_eq!(
        (a["name"].as_str(), a["contentType"].as_str(), a["isInline"].as_bool()),
        (Some("q2-budget.csv"), Some("text/csv"), Some(false))
    );
    let one = emu.get(OUTSIDER, &format!("{post}/attachments/{}", enc(a["id"].as_str().unwrap()))).json();
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD.decode(one["contentBytes"].as_str().unwrap()).unwrap();
    assert_eq!(Value::from(bytes.len()), one["size"]);
    assert!(String::from_utf8(bytes).unwrap().starts_with("line,item,q1,q2"));

    let r = emu.call(MEMBER, "POST", &format!("{post}/reply"), Some(&post_body("Got the file")));
    assert_eq!(r.status, 202);
    let posts = emu.get(MEMBER, &format!("{posts_url}?$expand=inReplyTo")).json()["value"].as_array().unwrap().clone();
    let reply = posts.iter().find(|p| p["body"]["content"] == "Got the file").expect("the reply is listed");
    assert_eq!(reply["inReplyTo"]["id"], BUDGET_POST);

    let fwd = json!({ "comment": "FYI", "toRecipients": [{ "emailAddress": { "name": "Someone", "address": "someone@contoso.test" } }] });
    assert_eq!(emu.call(MEMBER, "POST", &format!("{post}/forward"), Some(&fwd.to_string())).status, 202);
    assert_eq!(emu.call(MEMBER, "POST", &format!("{post}/forward"), Some(r#"{"toRecipients": []}"#)).status, 400);

    let conv_form = format!(
        "/v1.0/groups/{PUBLIC}/conversations/AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgAQAFgFFW_aCZt4mwtt83PYIW3M%3D/threads/{}/posts/{}",
        enc(BUDGET_THREAD),
        enc(BUDGET_POST)
    );
    assert_eq!(emu.get(MEMBER, &conv_form).json()["id"], BUDGET_POST, "the conversation form reaches the same post");
}

#[test]
fn hostile_html_is_stored_and_served_verbatim() {
    let emu = Emu::start();
    let threads = emu.pages(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads?$expand=posts")).concat();
    let bodies: Vec<&str> = threads
        .iter()
        .flat_map(|t| t["posts"].as_array().unwrap())
        .filter_map(|p| p["body"]["content"].as_str())
        .collect();
    assert!(bodies.iter().any(|b| b.contains("<p>Look at this</p><img src=x onerror=\"window.__xss=1\">")));
    let r = send(
        &emu.base(),
        "GET",
        &format!("/v1.0/groups/{PUBLIC}/threads/{}/posts", enc(KICKOFF_THREAD)),
        &[("Authorization", "Bearer emulator:member@contoso.test"), ("Prefer", "outlook.body-content-type=\"text\"")],
        None,
    );
    assert_eq!(r.header("preference-applied"), Some("outlook.body-content-type=\"text\""));
    let first = &r.json()["value"][0]["body"];
    assert_eq!(first["contentType"], "text");
    assert!(!first["content"].as_str().unwrap().contains('<'));
}
