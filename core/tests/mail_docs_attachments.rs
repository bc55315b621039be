//! The Graph v1.0 docs' examples for message attachments (message-list-attachments,
//! attachment-get, message-post-attachments, attachment-delete): requests built from the docs'
//! values equal the docs' requests; the docs' responses parse and round-trip (see `common::docs`).
mod common;

use common::docs::*;
use common::*;
use o365kit::model::{Attachment, AttachmentKind};
use o365kit::ops::*;
use o365kit::{Mailbox, Method, Operation, Query, Response};
use serde_json::json;

const M: &str = "AAMkADhMGAAA=";

#[test]
fn list_message_attachments() {
    assert_docs_request(
        |mailbox| ListMessageAttachments { mailbox, message_id: M.into(), query: Query::new() },
        DocsRequest { method: Method::Get, path: &format!("/messages/{M}/attachments"), body: None },
    );
    let op = ListMessageAttachments { mailbox: Mailbox::Me, message_id: M.into(), query: Query::new() };
    // The docs' "contentBytes": "contentBytes-value" is no base64; the fixture holds that text
    // base64-encoded ("Y29udGVudEJ5dGVzLXZhbHVl"). The placeholder itself is a decode error.
    let page = parse_docs_response(&op, 200, "mail/list_message_attachments.json");
    let a = &page.value[0];
    // "microsoft.graph.fileAttachment", without the docs' usual "#", is still a file.
    assert_eq!(a.kind(), AttachmentKind::File);
    assert_eq!(a.content_bytes.as_deref(), Some(&b"contentBytes-value"[..]));
    assert_eq!(a.content_id.as_deref(), Some("null"), "the docs' contentId is the string \"null\"");
    assert_eq!((a.size, a.is_inline), (Some(99), Some(false)));

    let mut verbatim = fixture("mail/list_message_attachments.json");
    verbatim["value"][0]["contentBytes"] = json!("contentBytes-value");
    let res = json_response(200, serde_json::to_vec(&verbatim).unwrap());
    assert_eq!(expect_decode(op.parse(&ep(), res)), "value[0].contentBytes");
}

fn get(message_id: &str, attachment_id: &str, query: Query) -> impl Fn(Mailbox) -> GetMessageAttachment {
    let (m, a) = (message_id.to_string(), attachment_id.to_string());
    move |mailbox| GetMessageAttachment {
        mailbox,
        message_id: m.clone(),
        attachment_id: a.clone(),
        query: query.clone(),
    }
}

#[test]
fn get_file_attachment() {
    let make = get("AAMkAGUzY5QKjAAA=", "AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=", Query::new());
    assert_docs_request(
        &make,
        DocsRequest {
            method: Method::Get,
            path: "/messages/AAMkAGUzY5QKjAAA=/attachments/AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=",
            body: None,
        },
    );
    let a = parse_docs_response(&make(Mailbox::Me), 200, "mail/get_message_attachment.json");
    assert_eq!(a.kind(), AttachmentKind::File);
    assert_eq!(a.name.as_deref(), Some("Draft sales invoice template.docx"));
    assert!(a.content_bytes.unwrap().starts_with(b"PK\x03\x04"), "a .docx is a zip");
    // "contentId": null and "contentLocation": null read as absent, and are written back as null.
    assert_eq!((a.content_id, a.content_location), (None, None));
}

#[test]
fn get_item_attachment_plain_and_expanded() {
    let plain = get("AAMkADA1M-zAAA=", "AAMkADA1M-CJKtzmnlcqVgqI=", Query::new());
    assert_docs_request(
        &plain,
        DocsRequest {
            method: Method::Get,
            path: "/messages/AAMkADA1M-zAAA=/attachments/AAMkADA1M-CJKtzmnlcqVgqI=",
            body: None,
        },
    );
    let a = parse_docs_response(&plain(Mailbox::Me), 200, "mail/get_message_attachment_item.json");
    assert_eq!((a.kind(), a.item.is_none(), a.size), (AttachmentKind::Item, true, Some(32005)));

    // Docs: .../attachments/AAMkADA1M-CJKtzmnlcqVgqI=/?$expand=microsoft.graph.itemattachment/item
    // (the core leaves out the "/" before "?").
    let expanded = get(
        "AAMkADA1M-zAAA=",
        "AAMkADA1M-CJKtzmnlcqVgqI=",
        Query::new().expand(["microsoft.graph.itemattachment/item"]),
    );
    assert_docs_request(
        &expanded,
        DocsRequest {
            method: Method::Get,
            path: "/messages/AAMkADA1M-zAAA=/attachments/AAMkADA1M-CJKtzmnlcqVgqI=?$expand=microsoft.graph.itemattachment/item",
            body: None,
        },
    );
    let a = parse_docs_response(&expanded(Mailbox::Me), 200, "mail/get_message_attachment_item_expanded.json");
    let item = a.item.as_ref().unwrap();
    assert_eq!(item["subject"], "Reminder - please bring laptop");
    assert!(a.extra.contains_key("item@odata.context"));
    // The item's own attachments, nested, stay as sent.
    let a = parse_docs_response(&expanded(Mailbox::Me), 200, "mail/get_message_attachment_item_nested.json");
    assert_eq!(a.item.as_ref().unwrap()["attachments"][0]["name"], "Info.pdf");
}

#[test]
fn get_reference_attachment() {
    let make = get("AAMkAGUzY5QKgAAA=", "AAMkAGUzY5QKgAAABEgAQAISJOe1FEqdNsMEQmpZjRW8=", Query::new());
    assert_docs_request(
        &make,
        DocsRequest {
            method: Method::Get,
            path: "/messages/AAMkAGUzY5QKgAAA=/attachments/AAMkAGUzY5QKgAAABEgAQAISJOe1FEqdNsMEQmpZjRW8=",
            body: None,
        },
    );
    let a = parse_docs_response(&make(Mailbox::Me), 200, "mail/get_message_attachment_reference.json");
    assert_eq!((a.kind(), a.is_inline, a.size), (AttachmentKind::Reference, Some(true), Some(1060)));
}

#[test]
fn get_attachment_content() {
    let make = |mailbox| GetMessageAttachmentContent {
        mailbox,
        message_id: "AAMkAGUzY5QKjAAA=".into(),
        attachment_id: "AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=".into(),
    };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Get,
            path: "/messages/AAMkAGUzY5QKjAAA=/attachments/AAMkAGUzY5QKjAAABEgAQAMkpJI_X-LBFgvrv1PlZYd8=/$value",
            body: None,
        },
    );
    // The docs' answers carry no Content-Type: the bytes come back as octet-stream, untouched.
    let vcard = b"BEGIN:VCARD\r\nPROFILE:VCARD\r\nVERSION:3.0\r\nFN:Alex Wilbur\r\nEND:VCARD\r\n".to_vec();
    let photo = make(Mailbox::Me).parse(&ep(), Response::new(200, vec![], vcard.clone())).unwrap();
    assert_eq!((photo.content_type.as_str(), photo.bytes), ("application/octet-stream", vcard));
    let typed = Response::new(200, vec![("Content-Type".into(), "text/calendar".into())], b"BEGIN:VCALENDAR".to_vec());
    assert_eq!(make(Mailbox::Me).parse(&ep(), typed).unwrap().content_type, "text/calendar");
}

#[test]
fn add_file_attachment() {
    // The docs' contentBytes "R0lGODdhEAYEAA7" is a cut GIF (15 characters, no padding): not
    // base64, so no Attachment holds it. Completed minimally: its last whole byte, padded
    // ("R0lGODdhEAYEAA=="), in the request and in the fixture's response.
    let verbatim =
        json!({ "@odata.type": "#microsoft.graph.fileAttachment", "name": "smile", "contentBytes": "R0lGODdhEAYEAA7" });
    assert!(serde_json::from_value::<Attachment>(verbatim).is_err());
    let docs = json!({ "@odata.type": "#microsoft.graph.fileAttachment", "name": "smile", "contentBytes": "R0lGODdhEAYEAA==" });
    let attachment: Attachment = serde_json::from_value(docs.clone()).unwrap();
    assert!(attachment.content_bytes.as_ref().unwrap().starts_with(b"GIF87a"));
    let make =
        |mailbox| AddMessageAttachment { mailbox, message_id: "AAMkpsDRVK".into(), attachment: attachment.clone() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Post, path: "/messages/AAMkpsDRVK/attachments", body: Some(docs) },
    );
    let a = parse_docs_response(&make(Mailbox::Me), 201, "mail/add_message_attachment.json");
    assert_eq!((a.content_type.as_deref(), a.size), (Some("image/gif"), Some(1008)));
    // The answer has no @odata.type: its kind is unknown, its bytes are there.
    assert_eq!(a.kind(), AttachmentKind::Unknown);
    assert_eq!(a.content_bytes, attachment.content_bytes);
}

#[test]
fn add_item_attachment() {
    let docs = json!({
        "@odata.type": "#microsoft.graph.itemAttachment",
        "name": "Holiday event",
        "item": {
            "@odata.type": "microsoft.graph.event",
            "subject": "Discuss gifts for children",
            "body": { "contentType": "HTML", "content": "Let's look for funding!" },
            "start": { "dateTime": "2016-12-02T18:00:00", "timeZone": "Pacific Standard Time" },
            "end": { "dateTime": "2016-12-02T19:00:00", "timeZone": "Pacific Standard Time" }
        }
    });
    let attachment: Attachment = serde_json::from_value(docs.clone()).unwrap();
    let make =
        |mailbox| AddMessageAttachment { mailbox, message_id: "AAMkpsDRVK".into(), attachment: attachment.clone() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Post, path: "/messages/AAMkpsDRVK/attachments", body: Some(docs) },
    );
    let a = parse_docs_response(&make(Mailbox::Me), 201, "mail/add_message_attachment_item.json");
    assert_eq!((a.name.as_deref(), a.content_type), (Some("Holiday event"), None));
}

#[test]
fn delete_message_attachment() {
    // The page's example deletes an event's attachment; its message form is in "HTTP request".
    let make = |mailbox| DeleteMessageAttachment {
        mailbox,
        message_id: M.into(),
        attachment_id: "AAMkADhAAAHtJ0BEgAQAL_b2VnUAiWNLj0xeSOs499Y=".into(),
    };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Delete,
            path: &format!("/messages/{M}/attachments/AAMkADhAAAHtJ0BEgAQAL_b2VnUAiWNLj0xeSOs499Y="),
            body: None,
        },
    );
    make(Mailbox::Me).parse(&ep(), empty_response(204)).unwrap();
}

#[test]
fn the_docs_answers_with_explicit_nulls() {
    // The answers with explicit nulls, so that the exact round trip above is known to cover some.
    let mut with_nulls: Vec<String> = std::fs::read_dir(fixture_path("mail"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json") && has_nulls(&fixture(&format!("mail/{n}"))))
        .collect();
    with_nulls.sort();
    assert_eq!(
        with_nulls,
        [
            "add_message_attachment.json",
            "add_message_attachment_item.json",
            "create_forward_mime.json",
            "get_message_attachment.json",
            "get_message_attachment_item.json",
            "get_message_attachment_item_expanded.json",
            "get_message_attachment_item_nested.json",
            "move_message.json",
        ]
    );
}
