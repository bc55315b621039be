//! Inbox rules (CRUD, run on delivery in sequence order, stopProcessingRules, exceptions) and
//! Focused Inbox overrides (CRUD, classifying delivered mail).

mod common;
use common::*;
use serde_json::{json, Value};

const RULES: &str = "/v1.0/me/mailFolders/inbox/messageRules";

fn send(emu: &Emu, from: &str, to: &str, subject: &str) {
    let body = json!({ "message": { "subject": subject, "body": { "contentType": "text", "content": "body text" },
        "toRecipients": [{ "emailAddress": { "address": to } }] } });
    let r = emu.call(from, "POST", "/v1.0/me/sendMail", Some(&body.to_string()));
    assert_eq!(r.status, 202, "{}", String::from_utf8_lossy(&r.body));
}

fn received(emu: &Emu, user: &str, subject: &str) -> Vec<Value> {
    let url = format!("/v1.0/me/messages?$filter=subject%20eq%20'{}'&$select=subject,parentFolderId,isRead,categories,inferenceClassification", subject.replace(' ', "%20"));
    emu.pages(user, &url).into_iter().flatten().collect()
}

fn folder_id(emu: &Emu, user: &str, name: &str) -> String {
    emu.get(user, &format!("/v1.0/me/mailFolders/{name}")).json()["id"].as_str().unwrap().to_string()
}

#[test]
fn rules_are_listed_created_updated_and_deleted() {
    let emu = Emu::start();
    let r = emu.get(MEMBER, RULES);
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(
        v["@odata.context"],
        format!("{}/v1.0/$metadata#users('{MEMBER_ID}')/mailFolders('inbox')/messageRules", emu.base())
    );
    let seqs: Vec<i64> = v["value"].as_array().unwrap().iter().map(|r| r["sequence"].as_i64().unwrap()).collect();
    assert_eq!(seqs, [1, 2]);

    let rule = json!({ "displayName": "From partner", "sequence": 3, "isEnabled": true,
        "conditions": { "senderContains": ["adatum"] }, "actions": { "markImportance": "high" } });
    let r = emu.call(MEMBER, "POST", RULES, Some(&rule.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let created = r.json();
    assert!(created["@odata.context"].as_str().unwrap().ends_with("/messageRules/$entity"));
    assert_eq!(created["hasError"], false);
    let path = format!("{RULES}/{}", enc(created["id"].as_str().unwrap()));
    let r = emu.call(MEMBER, "PATCH", &path, Some(r#"{"displayName": "From Adatum", "isEnabled": false}"#));
    assert_eq!(r.status, 200);
    assert_eq!(emu.get(MEMBER, &path).json()["displayName"], "From Adatum");
    assert_eq!(emu.call(MEMBER, "DELETE", &path, None).status, 204);
    assert_eq!(emu.get(MEMBER, &path).status, 404);

    let bad = json!({ "displayName": "x", "sequence": 1, "actions": { "moveToFolder": "no-such-folder" } });
    assert_eq!(emu.call(MEMBER, "POST", RULES, Some(&bad.to_string())).status, 400);
    assert_eq!(
        emu.call(MEMBER, "POST", RULES, Some(r#"{"displayName": "x", "sequence": 1, "colour": 1}"#)).status,
        400
    );
    assert_eq!(emu.call(MEMBER, "POST", RULES, Some(r#"{"sequence": 1}"#)).status, 400);
    assert_eq!(emu.get(MEMBER, "/v1.0/me/mailFolders/drafts/messageRules").status, 400);
}

#[test]
fn rules_run_in_sequence_and_stop_processing() {
    let emu = Emu::start();
    let inbox = folder_id(&emu, MEMBER, "inbox");
    let kids = emu.get(MEMBER, "/v1.0/me/mailFolders/inbox/childFolders").json();
    let finance =
        kids["value"].as_array().unwrap().iter().find(|f| f["displayName"] == "Finance").unwrap()["id"].clone();
    // The seed's rule 2 (budget -> Finance category, copy to Finance) applies...
    send(&emu, OWNER, MEMBER, "Budget for May");
    let got = received(&emu, MEMBER, "Budget for May");
    assert_eq!(got.len(), 2, "one in the Inbox, one copied to Finance: {got:?}");
    assert!(got.iter().all(|m| m["categories"] == json!(["Finance"])));
    assert!(got.iter().any(|m| m["parentFolderId"] == finance));
    assert!(got.iter().any(|m| m["parentFolderId"] == inbox.as_str()));
    // ...except for mail from outsider (the rule's exception).
    send(&emu, OUTSIDER, MEMBER, "Budget from Oscar");
    let got = received(&emu, MEMBER, "Budget from Oscar");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["categories"], json!([]));

    // A rule first in sequence that stops processing: the budget rule no longer runs.
    let archive = folder_id(&emu, MEMBER, "archive");
    let rule = json!({ "displayName": "Owner to archive", "sequence": 0,
        "conditions": { "fromAddresses": [{ "emailAddress": { "address": OWNER } }] },
        "actions": { "moveToFolder": archive, "markAsRead": true, "stopProcessingRules": true } });
    assert_eq!(emu.call(MEMBER, "POST", RULES, Some(&rule.to_string())).status, 201);
    send(&emu, OWNER, MEMBER, "Budget again");
    let got = received(&emu, MEMBER, "Budget again");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["parentFolderId"], archive.as_str());
    assert_eq!(got[0]["isRead"], true);
    assert_eq!(got[0]["categories"], json!([]), "stopProcessingRules kept rule 2 from running");

    // Without stopProcessingRules both run, lowest sequence first.
    let rules = emu.get(MEMBER, RULES).json();
    let first = rules["value"][0]["id"].as_str().unwrap().to_string();
    let r =
        emu.call(MEMBER, "PATCH", &format!("{RULES}/{}", enc(&first)), Some(r#"{"actions": {"markAsRead": true}}"#));
    assert_eq!(r.status, 200);
    send(&emu, OWNER, MEMBER, "Budget once more");
    let got = received(&emu, MEMBER, "Budget once more");
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|m| m["isRead"] == true && m["categories"] == json!(["Finance"])));
}

#[test]
fn overrides_classify_delivered_mail() {
    let emu = Emu::start();
    const OVERRIDES: &str = "/v1.0/me/inferenceClassification/overrides";
    send(&emu, OWNER, OUTSIDER, "Before override");
    assert_eq!(received(&emu, OUTSIDER, "Before override")[0]["inferenceClassification"], "focused");

    let body = json!({ "classifyAs": "other", "senderEmailAddress": { "name": "Olivia", "address": OWNER } });
    let r = emu.call(OUTSIDER, "POST", OVERRIDES, Some(&body.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let o = r.json();
    assert_eq!(o["classifyAs"], "other");
    assert!(o["@odata.context"].as_str().unwrap().ends_with("inferenceClassification/overrides/$entity"));
    send(&emu, OWNER, OUTSIDER, "After override");
    assert_eq!(received(&emu, OUTSIDER, "After override")[0]["inferenceClassification"], "other");

    // A second create for the same sender updates the one override.
    let again = json!({ "classifyAs": "focused", "senderEmailAddress": { "address": OWNER } });
    assert_eq!(emu.call(OUTSIDER, "POST", OVERRIDES, Some(&again.to_string())).json()["id"], o["id"]);
    assert_eq!(emu.get(OUTSIDER, OVERRIDES).json()["value"].as_array().unwrap().len(), 1);
    let path = format!("{OVERRIDES}/{}", enc(o["id"].as_str().unwrap()));
    let r = emu.call(OUTSIDER, "PATCH", &path, Some(r#"{"classifyAs": "other"}"#));
    assert_eq!((r.status, r.json()["classifyAs"].clone()), (200, json!("other")));
    assert_eq!(emu.call(OUTSIDER, "PATCH", &path, Some(r#"{"classifyAs": "maybe"}"#)).status, 400);
    assert_eq!(emu.call(OUTSIDER, "DELETE", &path, None).status, 204);
    send(&emu, OWNER, OUTSIDER, "Override gone");
    assert_eq!(received(&emu, OUTSIDER, "Override gone")[0]["inferenceClassification"], "focused");

    // The seed: member files Contoso Weekly under Other.
    let seeded = emu.get(MEMBER, OVERRIDES).json();
    assert_eq!(seeded["value"][0]["senderEmailAddress"]["address"], "news@northwind.example");
}

#[test]
fn rule_actions_forward_delete_and_mark_importance() {
    let emu = Emu::start();
    let rules = [
        json!({ "displayName": "Escalate", "sequence": 1, "conditions": { "subjectContains": ["urgent"] },
            "actions": { "markImportance": "high", "forwardTo": [{ "emailAddress": { "address": OWNER } }] } }),
        json!({ "displayName": "Bin spam", "sequence": 2, "conditions": { "bodyContains": ["lottery"] }, "actions": { "delete": true } }),
        json!({ "displayName": "Drop noise", "sequence": 3, "conditions": { "senderContains": ["owner@"], "subjectContains": ["noise"] },
            "actions": { "permanentDelete": true } }),
    ];
    for r in &rules {
        assert_eq!(emu.call(OUTSIDER, "POST", RULES, Some(&r.to_string())).status, 201);
    }
    send(&emu, MEMBER, OUTSIDER, "Urgent: server down");
    let got = emu
        .pages(OUTSIDER, "/v1.0/me/messages?$filter=subject%20eq%20'Urgent:%20server%20down'&$select=importance")
        .concat();
    assert_eq!(got[0]["importance"], "high");
    let fwd = received(&emu, OWNER, "FW: Urgent: server down");
    assert_eq!(fwd.len(), 1, "forwardTo sent a forward from the rule's mailbox");

    let body = json!({ "message": { "subject": "You won", "body": { "contentType": "text", "content": "Claim your lottery prize" },
        "toRecipients": [{ "emailAddress": { "address": OUTSIDER } }] } });
    assert_eq!(emu.call(MEMBER, "POST", "/v1.0/me/sendMail", Some(&body.to_string())).status, 202);
    assert_eq!(received(&emu, OUTSIDER, "You won")[0]["parentFolderId"], folder_id(&emu, OUTSIDER, "deleteditems"));

    send(&emu, OWNER, OUTSIDER, "more noise");
    assert!(received(&emu, OUTSIDER, "more noise").is_empty(), "permanentDelete drops it");
    send(&emu, MEMBER, OUTSIDER, "more noise");
    assert_eq!(received(&emu, OUTSIDER, "more noise").len(), 1, "both conditions must hold");

    assert_eq!(emu.call(OUTSIDER, "PUT", RULES, Some("{}")).status, 405);
    assert_eq!(emu.call(OUTSIDER, "DELETE", "/v1.0/me/mailboxSettings", None).status, 405);
    assert_eq!(emu.call(OUTSIDER, "GET", "/v1.0/me/sendMail", None).status, 405);
}
