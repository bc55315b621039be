//! Sending mail: delivery to to/cc/bcc recipients, Bcc privacy, Sent Items, drafts, replies,
//! forwards, move/copy and delete.

mod common;
use common::*;
use serde_json::{json, Value};

/// Every message of a folder (all pages), as `user` sees it.
fn folder(emu: &Emu, user: &str, box_: &str, folder: &str) -> Vec<Value> {
    let base = if box_ == "me" { "/v1.0/me".to_string() } else { format!("/v1.0/users/{box_}") };
    emu.pages(user, &format!("{base}/mailFolders/{folder}/messages?$select=subject,toRecipients,ccRecipients,bccRecipients,isRead,isDraft,body,conversationId,from,sender,inferenceClassification,categories,hasAttachments"))
        .into_iter()
        .flatten()
        .collect()
}

fn with_subject(list: &[Value], subject: &str) -> Vec<Value> {
    list.iter().filter(|m| m["subject"] == subject).cloned().collect()
}

fn rcpt(a: &str) -> Value {
    json!({ "emailAddress": { "address": a } })
}

#[test]
fn send_mail_delivers_to_to_cc_and_bcc_and_hides_bcc() {
    let emu = Emu::start();
    let body = json!({ "message": {
        "subject": "Offsite logistics",
        "body": { "contentType": "html", "content": "<p>Bus leaves at 8.</p>" },
        "toRecipients": [rcpt(MEMBER), rcpt("partner@external.example")],
        "ccRecipients": [rcpt(OUTSIDER)],
        "bccRecipients": [rcpt("support@contoso.test")],
    }, "saveToSentItems": true });
    let r = emu.call(OWNER, "POST", "/v1.0/me/sendMail", Some(&body.to_string()));
    assert_eq!(r.status, 202, "{}", String::from_utf8_lossy(&r.body));
    assert!(r.body.is_empty());

    for (reader, mailbox) in [(MEMBER, "me"), (OUTSIDER, "me"), (MEMBER, "support@contoso.test")] {
        let got = with_subject(&folder(&emu, reader, mailbox, "inbox"), "Offsite logistics");
        assert_eq!(got.len(), 1, "{mailbox} as {reader}");
        let m = &got[0];
        assert_eq!(m["isRead"], false);
        assert_eq!(m["isDraft"], false);
        assert_eq!(m["from"]["emailAddress"]["address"], OWNER);
        assert_eq!(m["bccRecipients"], json!([]), "Bcc is never visible to recipients");
        assert_eq!(m["ccRecipients"][0]["emailAddress"]["address"], OUTSIDER);
    }
    let sent = with_subject(&folder(&emu, OWNER, "me", "sentitems"), "Offsite logistics");
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0]["bccRecipients"][0]["emailAddress"]["address"], "support@contoso.test",
        "the sender keeps the Bcc line"
    );
    assert_eq!(sent[0]["isRead"], true);
}

#[test]
fn save_to_sent_items_false_and_unknown_domains_and_no_recipients() {
    let emu = Emu::start();
    let before = folder(&emu, OWNER, "me", "sentitems").len();
    let body = json!({ "Message": { "subject": "Quiet", "toRecipients": [rcpt("someone@elsewhere.example")] }, "SaveToSentItems": false });
    let r = emu.call(OWNER, "POST", "/v1.0/me/sendMail", Some(&body.to_string()));
    assert_eq!(r.status, 202, "parameter names match without case: {}", String::from_utf8_lossy(&r.body));
    assert_eq!(folder(&emu, OWNER, "me", "sentitems").len(), before);

    let none = json!({ "message": { "subject": "Nobody", "body": { "content": "x" } } });
    let r = emu.call(OWNER, "POST", "/v1.0/me/sendMail", Some(&none.to_string()));
    assert_eq!(r.status, 400);
    let e = r.error();
    assert_eq!(e["code"], "ErrorInvalidRecipients");
    assert!(e["message"].as_str().unwrap().contains("no recipients"));
    let r = emu.call(OWNER, "POST", "/v1.0/me/sendMail", Some(r#"{"message": {"subject": "x"}, "colour": 1}"#));
    assert_eq!(r.status, 400);
    assert!(r.error()["message"].as_str().unwrap().contains("'colour'"));
}

#[test]
fn a_draft_is_created_updated_sent_and_leaves_drafts() {
    let emu = Emu::start();
    let r = emu.call(
        MEMBER,
        "POST",
        "/v1.0/me/messages",
        Some(r#"{"subject": "Draft one", "body": {"contentType": "text", "content": "hello"}}"#),
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let d = r.json();
    let id = d["id"].as_str().unwrap().to_string();
    assert_eq!(d["isDraft"], true);
    assert!(d["@odata.context"].as_str().unwrap().ends_with(&format!("users('{MEMBER_ID}')/messages/$entity")));
    assert!(r.header("location").unwrap().ends_with(&enc(&id)));
    let drafts = emu.get(MEMBER, "/v1.0/me/mailFolders/drafts").json();
    assert_eq!(d["parentFolderId"], drafts["id"]);

    let patched = emu.call(
        MEMBER,
        "PATCH",
        &format!("/v1.0/me/messages/{}", enc(&id)),
        Some(&json!({ "toRecipients": [rcpt(OWNER)], "importance": "high" }).to_string()),
    );
    assert_eq!(patched.status, 200);
    assert_eq!(patched.json()["importance"], "high");
    let r = emu.call(MEMBER, "POST", &format!("/v1.0/me/messages/{}/send", enc(&id)), None);
    assert_eq!(r.status, 202, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(emu.get(MEMBER, &format!("/v1.0/me/messages/{}", enc(&id))).status, 404, "the draft is gone");
    assert_eq!(with_subject(&folder(&emu, MEMBER, "me", "drafts"), "Draft one").len(), 0);
    assert_eq!(with_subject(&folder(&emu, MEMBER, "me", "sentitems"), "Draft one").len(), 1);
    let got = with_subject(&folder(&emu, OWNER, "me", "inbox"), "Draft one");
    assert_eq!(got[0]["body"]["content"], "hello");

    // A sent message's recipients can't change any more.
    let sent =
        with_subject(&folder(&emu, MEMBER, "me", "sentitems"), "Draft one")[0]["id"].as_str().unwrap().to_string();
    let r = emu.call(MEMBER, "PATCH", &format!("/v1.0/me/messages/{}", enc(&sent)), Some(r#"{"subject": "changed"}"#));
    assert_eq!(r.status, 400);
    let r = emu.call(
        MEMBER,
        "PATCH",
        &format!("/v1.0/me/messages/{}", enc(&sent)),
        Some(r#"{"isRead": false, "categories": ["Red category"]}"#),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["categories"], json!(["Red category"]));
}

#[test]
fn replies_thread_and_quote_the_original() {
    let emu = Emu::start();
    let orig = "AAMkAGOwnerBudgetMail0001";
    let o = emu.get(OWNER, &format!("/v1.0/me/messages/{orig}")).json();
    let r =
        emu.call(OWNER, "POST", &format!("/v1.0/me/messages/{orig}/createReply"), Some(r#"{"Comment": "Looks good"}"#));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let d = r.json();
    assert_eq!(d["isDraft"], true);
    assert_eq!(d["subject"], "RE: Q2 budget numbers");
    assert_eq!(d["conversationId"], o["conversationId"]);
    assert_eq!(d["toRecipients"][0]["emailAddress"]["address"], MEMBER);
    let content = d["body"]["content"].as_str().unwrap();
    assert!(content.contains("Looks good") && content.contains("Attached are the Q2 numbers"), "{content}");
    assert!(d["conversationIndex"].as_str().unwrap().len() > o["conversationIndex"].as_str().unwrap().len());

    let all = emu.call(OWNER, "POST", &format!("/v1.0/me/messages/{orig}/createReplyAll"), Some("{}")).json();
    let cc: Vec<&str> = all["ccRecipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["emailAddress"]["address"].as_str().unwrap())
        .collect();
    assert_eq!(cc, [OUTSIDER]);
    let fwd = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/messages/{orig}/createForward"),
        Some(&json!({ "toRecipients": [rcpt(OUTSIDER)] }).to_string()),
    );
    assert_eq!(fwd.status, 201);
    let fwd = fwd.json();
    assert_eq!(fwd["subject"], "FW: Q2 budget numbers");
    assert_eq!(fwd["hasAttachments"], true, "a forward keeps the attachments");

    let r = emu.call(OWNER, "POST", &format!("/v1.0/me/messages/{orig}/reply"), Some(r#"{"comment": "Approved."}"#));
    assert_eq!(r.status, 202);
    let got = with_subject(&folder(&emu, MEMBER, "me", "inbox"), "RE: Q2 budget numbers");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["conversationId"], o["conversationId"]);
    assert!(got[0]["body"]["content"].as_str().unwrap().contains("Approved."));

    let r = emu.call(OWNER, "POST", &format!("/v1.0/me/messages/{orig}/forward"), Some(r#"{"comment": "fyi"}"#));
    assert_eq!(r.status, 400, "a forward needs recipients");
    assert_eq!(r.code(), "ErrorInvalidRecipients");
    let r = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/messages/{orig}/forward"),
        Some(&json!({ "ToRecipients": [rcpt(OUTSIDER)], "Comment": "fyi" }).to_string()),
    );
    assert_eq!(r.status, 202);
    assert_eq!(with_subject(&folder(&emu, OUTSIDER, "me", "inbox"), "FW: Q2 budget numbers").len(), 1);
}

#[test]
fn move_and_copy_give_new_ids_and_delete_goes_through_deleted_items() {
    let emu = Emu::start();
    let orig = "AAMkAGOwnerBudgetMail0001";
    let r = emu.call(OWNER, "POST", &format!("/v1.0/me/messages/{orig}/copy"), Some(r#"{"destinationId": "Archive"}"#));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let copy = r.json();
    let archive = emu.get(OWNER, "/v1.0/me/mailFolders/archive").json();
    assert_ne!(copy["id"], orig);
    assert_eq!(copy["parentFolderId"], archive["id"]);
    assert_eq!(emu.get(OWNER, &format!("/v1.0/me/messages/{orig}")).status, 200, "a copy leaves the original");

    let r = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/messages/{orig}/move"),
        Some(&json!({ "DestinationId": archive["id"] }).to_string()),
    );
    assert_eq!(r.status, 201);
    let moved = r.json()["id"].as_str().unwrap().to_string();
    assert_ne!(moved, orig);
    assert_eq!(emu.get(OWNER, &format!("/v1.0/me/messages/{orig}")).status, 404, "a move takes the original id away");
    let r = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/messages/{}/move", enc(&moved)),
        Some(r#"{"destinationId": "nowhere"}"#),
    );
    assert_eq!((r.status, r.code()), (400, "ErrorInvalidIdMalformed".to_string()), "not a folder name nor an id");
    let r = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/messages/{}/move", enc(&moved)),
        Some(r#"{"destinationId": "AAMkAGI2TG93AAAAAAAAAAAAAAAAAAAAAAAAAA=="}"#),
    );
    assert_eq!((r.status, r.code()), (404, "ErrorItemNotFound".to_string()), "a well-formed id of no folder");

    let path = format!("/v1.0/me/messages/{}", enc(&moved));
    assert_eq!(emu.call(OWNER, "DELETE", &path, None).status, 204);
    assert_eq!(emu.get(OWNER, &path).status, 404, "the move to Deleted Items gives a new id, as Exchange does");
    let in_deleted = with_subject(&folder(&emu, OWNER, "me", "deleteditems"), "Q2 budget numbers");
    assert_eq!(in_deleted.len(), 1, "a delete moves to Deleted Items");
    let path = format!("/v1.0/me/messages/{}", enc(in_deleted[0]["id"].as_str().unwrap()));
    assert_eq!(emu.call(OWNER, "DELETE", &path, None).status, 204);
    assert_eq!(emu.get(OWNER, &path).status, 404, "a delete from Deleted Items is for good");
    assert!(with_subject(&folder(&emu, OWNER, "me", "deleteditems"), "Q2 budget numbers").is_empty());
}

#[test]
fn delegates_send_from_the_shared_mailbox() {
    let emu = Emu::start();
    let body = json!({ "message": { "subject": "Your ticket", "toRecipients": [rcpt(OWNER)] } });
    let r = emu.call(MEMBER, "POST", "/v1.0/users/support@contoso.test/sendMail", Some(&body.to_string()));
    assert_eq!(r.status, 202, "{}", String::from_utf8_lossy(&r.body));
    let got = with_subject(&folder(&emu, OWNER, "me", "inbox"), "Your ticket");
    assert_eq!(got[0]["from"]["emailAddress"]["address"], "support@contoso.test");
    assert_eq!(got[0]["sender"]["emailAddress"]["address"], MEMBER);
    assert_eq!(with_subject(&folder(&emu, MEMBER, "support@contoso.test", "sentitems"), "Your ticket").len(), 1);
    let r = emu.call(OUTSIDER, "POST", "/v1.0/users/support@contoso.test/sendMail", Some(&body.to_string()));
    assert_eq!(r.status, 403);
    assert_eq!(r.code(), "ErrorAccessDenied");
}

#[test]
fn replying_to_ones_own_sent_message_goes_to_its_recipients() {
    let emu = Emu::start();
    let body = json!({ "message": { "subject": "Agenda", "toRecipients": [rcpt(OWNER)] } });
    assert_eq!(emu.call(MEMBER, "POST", "/v1.0/me/sendMail", Some(&body.to_string())).status, 202);
    let sent = with_subject(&folder(&emu, MEMBER, "me", "sentitems"), "Agenda");
    let id = sent[0]["id"].as_str().unwrap();
    let r = emu.call(
        MEMBER,
        "POST",
        &format!("/v1.0/me/messages/{}/reply", enc(id)),
        Some(r#"{"comment": "One more item"}"#),
    );
    assert_eq!(r.status, 202);
    assert_eq!(
        with_subject(&folder(&emu, OWNER, "me", "inbox"), "RE: Agenda").len(),
        1,
        "the recipient gets the reply"
    );
    assert!(with_subject(&folder(&emu, MEMBER, "me", "inbox"), "RE: Agenda").is_empty(), "not the sender herself");
}

#[test]
fn immutable_ids_stay_across_moves_and_deletes() {
    let emu = Emu::start();
    let auth = format!("Bearer emulator:{OWNER}");
    let headers =
        [("Authorization", auth.as_str()), ("Content-Type", "application/json"), ("Prefer", r#"IdType="ImmutableId""#)];
    let orig = "AAMkAGOwnerBudgetMail0001";
    let path = format!("/v1.0/me/messages/{orig}");
    let r = send(&emu.base(), "POST", &format!("{path}/move"), &headers, Some(br#"{"destinationId": "archive"}"#));
    assert_eq!(r.status, 201);
    assert_eq!(r.json()["id"], orig);
    assert_eq!(r.header("preference-applied"), Some(r#"IdType="ImmutableId""#));
    assert_eq!(send(&emu.base(), "DELETE", &path, &headers, None).status, 204);
    let deleted = emu.get(OWNER, "/v1.0/me/mailFolders/deleteditems").json();
    assert_eq!(emu.get(OWNER, &format!("/v1.0/me/messages/{orig}")).json()["parentFolderId"], deleted["id"]);
}
