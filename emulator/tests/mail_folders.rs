//! Mail folders and attachments: well-known names, counts, create/rename/move/copy/delete,
//! attachments of every kind, `$value` and the 3 MB limit.

mod common;
use base64::Engine;
use common::*;
use serde_json::{json, Value};

fn values(r: &Reply) -> Vec<Value> {
    r.json()["value"].as_array().cloned().unwrap_or_default()
}

#[test]
fn well_known_folders_and_counts() {
    let emu = Emu::start();
    let r = emu.get(MEMBER, "/v1.0/me/mailFolders");
    assert_eq!(r.status, 200);
    let top = values(&r);
    let names: Vec<&str> = top.iter().map(|f| f["displayName"].as_str().unwrap()).collect();
    for n in ["Inbox", "Drafts", "Sent Items", "Deleted Items", "Archive", "Junk Email", "Outbox"] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    assert!(!names.contains(&"Finder"), "hidden folders need includeHiddenFolders");
    let hidden = values(&emu.get(MEMBER, "/v1.0/me/mailFolders?includeHiddenFolders=true"));
    assert!(hidden.iter().any(|f| f["isHidden"] == true));

    let inbox = emu.get(MEMBER, "/v1.0/me/mailFolders/INBOX").json();
    assert_eq!(
        inbox["@odata.context"],
        format!("{}/v1.0/$metadata#users('{MEMBER_ID}')/mailFolders/$entity", emu.base())
    );
    let by_id = emu.get(MEMBER, &format!("/v1.0/me/mailFolders/{}", enc(inbox["id"].as_str().unwrap()))).json();
    assert_eq!(by_id["id"], inbox["id"]);
    let root = emu.get(MEMBER, "/v1.0/me/mailFolders/msgfolderroot").json();
    assert_eq!(inbox["parentFolderId"], root["id"]);
    let msgs = emu.pages(MEMBER, "/v1.0/me/mailFolders/inbox/messages?$select=isRead").concat();
    assert_eq!(inbox["totalItemCount"], msgs.len());
    assert_eq!(inbox["unreadItemCount"], msgs.iter().filter(|m| m["isRead"] == false).count());
    assert_eq!(inbox["childFolderCount"], 2);
    // A name that is no well-known folder cannot be a folder id either: Exchange's 400.
    let r = emu.get(MEMBER, "/v1.0/me/mailFolders/clutterz");
    assert_eq!((r.status, r.code()), (400, "ErrorInvalidIdMalformed".to_string()));
    assert_eq!(r.error()["message"], "Id is malformed.");
    let r = emu.get(MEMBER, "/v1.0/me/mailFolders/AAMkAGI2TG93AAAAAAAAAAAAAAAAAAAAAAAAAA==");
    assert_eq!((r.status, r.code()), (404, "ErrorItemNotFound".to_string()));
}

#[test]
fn folders_are_created_renamed_moved_copied_and_deleted() {
    let emu = Emu::start();
    let r = emu.call(OWNER, "POST", "/v1.0/me/mailFolders", Some(r#"{"displayName": "Vendors", "isHidden": false}"#));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let f = r.json();
    let fid = f["id"].as_str().unwrap().to_string();
    assert!(r.header("location").unwrap().ends_with(&enc(&fid)));
    assert_eq!((f["totalItemCount"].clone(), f["childFolderCount"].clone()), (json!(0), json!(0)));
    assert_eq!(emu.call(OWNER, "POST", "/v1.0/me/mailFolders", Some(r#"{"displayName": "vendors"}"#)).status, 409);
    let kid = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/mailFolders/{}/childFolders", enc(&fid)),
        Some(r#"{"displayName": "Acme"}"#),
    );
    assert_eq!(kid.status, 201);
    let kid = kid.json();
    assert_eq!(kid["parentFolderId"], fid.as_str());
    let list = emu.get(OWNER, &format!("/v1.0/me/mailFolders/{}/childFolders", enc(&fid)));
    assert!(list.json()["@odata.context"].as_str().unwrap().ends_with("/childFolders"));

    let r = emu.call(
        OWNER,
        "PATCH",
        &format!("/v1.0/me/mailFolders/{}", enc(&fid)),
        Some(r#"{"displayName": "Suppliers"}"#),
    );
    assert_eq!((r.status, r.json()["displayName"].clone()), (200, json!("Suppliers")));

    let r = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/mailFolders/{}/move", enc(&fid)),
        Some(r#"{"destinationId": "archive"}"#),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let archive = emu.get(OWNER, "/v1.0/me/mailFolders/archive").json();
    assert_eq!(r.json()["parentFolderId"], archive["id"]);
    let r = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/mailFolders/{}/move", enc(&fid)),
        Some(&json!({ "destinationId": kid["id"] }).to_string()),
    );
    assert_eq!(r.status, 400, "not into itself");
    let r = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/mailFolders/{}/copy", enc(&fid)),
        Some(r#"{"destinationId": "inbox"}"#),
    );
    assert_eq!(r.status, 200);
    let copy = r.json();
    assert_ne!(copy["id"], fid.as_str());
    assert_eq!(copy["childFolderCount"], 1);

    assert_eq!(emu.call(OWNER, "DELETE", "/v1.0/me/mailFolders/inbox", None).status, 400, "distinguished folders stay");
    let path = format!("/v1.0/me/mailFolders/{}", enc(&fid));
    assert_eq!(emu.call(OWNER, "DELETE", &path, None).status, 204);
    let deleted = emu.get(OWNER, "/v1.0/me/mailFolders/deleteditems").json();
    assert_eq!(emu.get(OWNER, &path).json()["parentFolderId"], deleted["id"]);
    assert_eq!(emu.call(OWNER, "DELETE", &path, None).status, 204);
    assert_eq!(emu.get(OWNER, &path).status, 404);
    assert_eq!(emu.call(OWNER, "PUT", &path, Some("{}")).status, 405);
}

#[test]
fn attachments_of_every_kind() {
    let emu = Emu::start();
    let draft = emu.call(MEMBER, "POST", "/v1.0/me/messages", Some(r#"{"subject": "With files"}"#)).json();
    let base = format!("/v1.0/me/messages/{}", enc(draft["id"].as_str().unwrap()));
    assert_eq!(draft["hasAttachments"], false);
    let bytes = b"name,qty\nbolts,12\n";
    let file = json!({ "@odata.type": "#microsoft.graph.fileAttachment", "name": "parts.csv", "contentType": "text/csv",
        "contentBytes": base64::engine::general_purpose::STANDARD.encode(bytes) });
    let r = emu.call(MEMBER, "POST", &format!("{base}/attachments"), Some(&file.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let a = r.json();
    assert_eq!(a["size"], bytes.len());
    assert!(a["@odata.context"].as_str().unwrap().ends_with("/attachments/$entity"));
    let aid = a["id"].as_str().unwrap().to_string();
    assert_eq!(emu.get(MEMBER, &base).json()["hasAttachments"], true);

    let raw = emu.get(MEMBER, &format!("{base}/attachments/{}/$value", enc(&aid)));
    assert_eq!(raw.status, 200);
    assert_eq!(raw.header("content-type"), Some("text/csv"));
    assert_eq!(raw.body, bytes);

    let item = json!({ "@odata.type": "#microsoft.graph.itemAttachment", "name": "Earlier mail",
        "item": { "@odata.type": "#microsoft.graph.message", "subject": "Earlier", "body": { "contentType": "text", "content": "x" } } });
    let item = emu.call(MEMBER, "POST", &format!("{base}/attachments"), Some(&item.to_string())).json();
    let item_path = format!("{base}/attachments/{}", enc(item["id"].as_str().unwrap()));
    assert!(emu.get(MEMBER, &item_path).json().get("item").is_none());
    let expanded = emu.get(MEMBER, &format!("{item_path}?$expand=microsoft.graph.itemattachment/item")).json();
    assert_eq!(expanded["item"]["subject"], "Earlier");
    let reference = json!({ "@odata.type": "#microsoft.graph.referenceAttachment", "name": "Plan.docx", "sourceUrl": "https://contoso.sharepoint.test/plan.docx" });
    assert_eq!(emu.call(MEMBER, "POST", &format!("{base}/attachments"), Some(&reference.to_string())).status, 201);
    let kinds: Vec<String> = values(&emu.get(MEMBER, &format!("{base}/attachments")))
        .iter()
        .map(|a| a["@odata.type"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        ["#microsoft.graph.fileAttachment", "#microsoft.graph.itemAttachment", "#microsoft.graph.referenceAttachment"]
    );

    let big = vec![b'x'; 3 * 1024 * 1024 + 1000];
    let huge = json!({ "@odata.type": "#microsoft.graph.fileAttachment", "name": "big.bin", "contentBytes": base64::engine::general_purpose::STANDARD.encode(big) });
    let r = emu.call(MEMBER, "POST", &format!("{base}/attachments"), Some(&huge.to_string()));
    assert_eq!(r.status, 413);
    assert_eq!(r.code(), "ErrorRequestEntityTooLarge");

    for a in values(&emu.get(MEMBER, &format!("{base}/attachments"))) {
        let r = emu.call(MEMBER, "DELETE", &format!("{base}/attachments/{}", enc(a["id"].as_str().unwrap())), None);
        assert_eq!(r.status, 204);
    }
    assert_eq!(emu.get(MEMBER, &base).json()["hasAttachments"], false);
    assert_eq!(emu.get(MEMBER, &format!("{base}/attachments/{}", enc(&aid))).status, 404);
}

#[test]
fn seeded_attachments_and_inline_images() {
    let emu = Emu::start();
    let m = emu.get(OWNER, "/v1.0/me/messages/AAMkAGOwnerBudgetMail0001?$expand=attachments").json();
    assert_eq!(m["hasAttachments"], true);
    let names: Vec<&str> = m["attachments"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["q2-budget.csv", "summary.pdf"]);
    let news = emu.get(MEMBER, "/v1.0/me/messages/AAMkAGMemberNewsletter0001").json();
    assert_eq!(news["hasAttachments"], false, "an inline image is not an attachment to Graph");
}
