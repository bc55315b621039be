//! The Graph v1.0 docs' examples for messages (user-list-messages, message-get, user-post-messages,
//! message-update, message-delete, user-sendmail, message-send, message-reply, message-replyall,
//! message-forward, message-createreply(all), message-createforward, message-move, message-copy,
//! beta message-unsubscribe): the request built from the docs' values equals the docs' request, and
//! the docs' response parses and round-trips (see `common::docs`). Where the docs write `{id}`,
//! the sample ids of `cases_mail` stand in.
mod common;

use common::cases_mail::{F, M};
use common::docs::*;
use common::*;
use o365kit::model::{Message, Recipient};
use o365kit::ops::*;
use o365kit::{ApiVersion, BodyType, Cloud, Endpoint, Error, Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

fn message(v: Value) -> Message {
    serde_json::from_value(v).expect("the docs' message is a Message")
}

fn recipients(v: Value) -> Vec<Recipient> {
    serde_json::from_value(v).expect("the docs' recipients")
}

#[test]
fn list_messages() {
    // Docs: GET /me/messages?$select=sender,subject
    let query = Query::new().select(["sender", "subject"]);
    assert_docs_request(
        |mailbox| ListMessages { mailbox, query: query.clone() },
        DocsRequest { method: Method::Get, path: "/messages?$select=sender,subject", body: None },
    );
    let op = ListMessages { mailbox: Mailbox::Me, query };
    let page = parse_docs_response(&op, 200, "mail/list_messages.json");
    assert_eq!(page.value.len(), 1);
    assert_eq!(page.value[0].subject.as_deref(), Some("You have late tasks!"));
    assert_eq!(page.value[0].sender.as_ref().unwrap().address(), Some("noreply@Planner.Office365.com"));
    assert_eq!(page.value[0].extra["@odata.etag"], "W/\"CQAAABYAAADHcgC8Hl9tRZ/hc1wEUs1TAAAwR4Hg\"");
    assert!(!page.has_more());
}

#[test]
fn list_folder_messages() {
    let query = Query::new();
    assert_docs_request(
        |mailbox| ListFolderMessages { mailbox, folder_id: F.into(), query: query.clone() },
        DocsRequest { method: Method::Get, path: &format!("/mailFolders/{F}/messages"), body: None },
    );
    let op = ListFolderMessages { mailbox: Mailbox::Me, folder_id: F.into(), query };
    let page = parse_docs_response(&op, 200, "mail/list_folder_messages.json");
    let m = &page.value[0];
    assert_eq!(m.subject.as_deref(), Some("MyAnalytics | Your past week"));
    assert_eq!(m.has_attachments, Some(true));
    assert!(m.body.as_ref().unwrap().is_html());
}

#[test]
fn get_message() {
    assert_docs_request(
        |mailbox| GetMessage { mailbox, message_id: M.into(), query: Query::new() },
        DocsRequest { method: Method::Get, path: "/messages/AAMkADhMGAAA=", body: None },
    );
    let op = GetMessage { mailbox: Mailbox::Me, message_id: M.into(), query: Query::new() };
    let m = parse_docs_response(&op, 200, "mail/get_message.json");
    assert_eq!(m.id.as_deref(), Some(M));
    assert_eq!(m.importance.as_deref(), Some("normal"));
    assert_eq!((m.is_read, m.is_draft), (Some(true), Some(false)));
    assert_eq!(m.inference_classification.as_deref(), Some("focused"));
    assert_eq!(m.to_recipients.as_ref().unwrap()[0].address(), Some("AlexW@contoso.OnMicrosoft.com"));
    assert_eq!(m.cc_recipients, Some(vec![]));
    assert_eq!(m.flag.as_ref().unwrap().flag_status.as_deref(), Some("notFlagged"));
    assert!(m.extra.keys().all(|k| k.starts_with('@')), "every property is typed: {:?}", m.extra.keys());
}

#[test]
fn get_message_internet_headers() {
    // Docs: GET /me/messages/AAMkADhAAAW-VPeAAA=/?$select=internetMessageHeaders (the core leaves
    // out the "/" before "?", the same resource).
    let query = Query::new().select(["internetMessageHeaders"]);
    assert_docs_request(
        |mailbox| GetMessage { mailbox, message_id: "AAMkADhAAAW-VPeAAA=".into(), query: query.clone() },
        DocsRequest {
            method: Method::Get,
            path: "/messages/AAMkADhAAAW-VPeAAA=?$select=internetMessageHeaders",
            body: None,
        },
    );
    let op = GetMessage { mailbox: Mailbox::Me, message_id: "AAMkADhAAAW-VPeAAA=".into(), query };
    let m = parse_docs_response(&op, 200, "mail/get_message_headers.json");
    let headers = m.internet_message_headers.unwrap();
    assert_eq!(headers.len(), 4);
    assert_eq!(headers[3].name.as_deref(), Some("x-custom-header-group-id"));
    assert_eq!(headers[3].value.as_deref(), Some("WA001"));
}

#[test]
fn get_message_body_as_text() {
    let query = Query::new().select(["subject", "body", "bodyPreview", "uniqueBody"]).body_type(BodyType::Text);
    let id = "AAMkAGI1AAAoZCfHAAA=";
    assert_docs_request(
        |mailbox| GetMessage { mailbox, message_id: id.into(), query: query.clone() },
        DocsRequest {
            method: Method::Get,
            path: "/messages/AAMkAGI1AAAoZCfHAAA=?$select=subject,body,bodyPreview,uniqueBody",
            body: None,
        },
    );
    let op = GetMessage { mailbox: Mailbox::Me, message_id: id.into(), query };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.header_value("prefer"), Some("outlook.body-content-type=\"text\""));
    let m = parse_docs_response(&op, 200, "mail/get_message_text.json");
    assert_eq!(m.body.as_ref().unwrap().content_type.as_deref(), Some("text"));
    // JSON's surrogate-pair escapes arrive as one character.
    assert!(m.unique_body.unwrap().content.unwrap().contains("[\u{1F60A}]"));
}

#[test]
fn create_message() {
    let docs = json!({
        "subject": "Did you see last night's game?",
        "importance": "Low",
        "body": { "contentType": "HTML", "content": "They were <b>awesome</b>!" },
        "toRecipients": [{ "emailAddress": { "address": "AdeleV@contoso.onmicrosoft.com" } }]
    });
    assert_docs_request(
        |mailbox| CreateMessage { mailbox, message: message(docs.clone()) },
        DocsRequest { method: Method::Post, path: "/messages", body: Some(docs.clone()) },
    );
    // The same body from the typed constructor, but for its casing of "html" and the importance.
    let typed = Message {
        importance: Some("Low".into()),
        ..Message::new(
            "Did you see last night's game?",
            "They were <b>awesome</b>!",
            ["AdeleV@contoso.onmicrosoft.com"],
        )
    };
    let mut lower = docs.clone();
    lower["body"]["contentType"] = json!("html");
    assert_eq!(json_body(&CreateMessage { mailbox: Mailbox::Me, message: typed }.request(&ep()).unwrap()), lower);

    let op = CreateMessage { mailbox: Mailbox::Me, message: message(docs) };
    let m = parse_docs_response(&op, 201, "mail/create_message.json");
    assert_eq!((m.is_draft, m.importance.as_deref()), (Some(true), Some("low")));
    assert_eq!(m.conversation_index.as_deref(), Some("AQHTe7/VAniOJVgCxEmtF1z6ZY1rFQ=="));
    assert_eq!(m.to_recipients.unwrap()[0].email_address.as_ref().unwrap().name.as_deref(), Some("Adele Vance"));
}

#[test]
fn create_message_with_internet_headers() {
    let docs = json!({
        "subject": "9/8/2018: concert",
        "body": { "contentType": "HTML", "content": "The group represents Washington." },
        "toRecipients": [{ "emailAddress": { "address": "AlexW@contoso.OnMicrosoft.com" } }],
        "internetMessageHeaders": [
            { "name": "x-custom-header-group-name", "value": "Washington" },
            { "name": "x-custom-header-group-id", "value": "WA001" }
        ]
    });
    assert_docs_request(
        |mailbox| CreateMessage { mailbox, message: message(docs.clone()) },
        DocsRequest { method: Method::Post, path: "/messages", body: Some(docs.clone()) },
    );
    let m = parse_docs_response(
        &CreateMessage { mailbox: Mailbox::Me, message: message(docs) },
        201,
        "mail/create_message_headers.json",
    );
    assert_eq!(m.id.as_deref(), Some("AAMkADhNmAAA="));
}

#[test]
fn create_folder_message() {
    // The docs' request body is the response's placeholder message, read-only properties and all.
    let docs = json!({
        "receivedDateTime": "datetime-value",
        "sentDateTime": "datetime-value",
        "hasAttachments": true,
        "subject": "subject-value",
        "body": { "contentType": "", "content": "content-value" },
        "bodyPreview": "bodyPreview-value"
    });
    assert_docs_request(
        |mailbox| CreateFolderMessage { mailbox, folder_id: F.into(), message: message(docs.clone()) },
        DocsRequest { method: Method::Post, path: &format!("/mailFolders/{F}/messages"), body: Some(docs.clone()) },
    );
    // The docs say 200 OK here (user-post-messages says 201 Created): both are success.
    let op = CreateFolderMessage { mailbox: Mailbox::Me, folder_id: F.into(), message: message(docs) };
    let m = parse_docs_response(&op, 200, "mail/create_folder_message.json");
    assert_eq!(m.subject.as_deref(), Some("subject-value"));
    parse_docs_response(&op, 201, "mail/create_folder_message.json");
}

#[test]
fn update_message() {
    let docs = json!({
        "subject": "subject-value",
        "body": { "contentType": "", "content": "content-value" },
        "inferenceClassification": "other"
    });
    assert_docs_request(
        |mailbox| UpdateMessage { mailbox, message_id: M.into(), message: message(docs.clone()) },
        DocsRequest { method: Method::Patch, path: &format!("/messages/{M}"), body: Some(docs.clone()) },
    );
    let op = UpdateMessage { mailbox: Mailbox::Me, message_id: M.into(), message: message(docs) };
    let m = parse_docs_response(&op, 200, "mail/update_message.json");
    assert_eq!(m.inference_classification.as_deref(), Some("other"));
    assert_eq!(m.body.unwrap().content_type.as_deref(), Some(""));
}

#[test]
fn delete_message() {
    assert_docs_request(
        |mailbox| DeleteMessage { mailbox, message_id: M.into() },
        DocsRequest { method: Method::Delete, path: &format!("/messages/{M}"), body: None },
    );
    DeleteMessage { mailbox: Mailbox::Me, message_id: M.into() }.parse(&ep(), empty_response(204)).unwrap();
}

#[test]
fn send_mail() {
    let docs_message = json!({
        "subject": "Meet for lunch?",
        "body": { "contentType": "Text", "content": "The new cafeteria is open." },
        "toRecipients": [{ "emailAddress": { "address": "fannyd@contoso.onmicrosoft.com" } }],
        "ccRecipients": [{ "emailAddress": { "address": "danas@contoso.onmicrosoft.com" } }]
    });
    // The docs send "saveToSentItems": "false", a string; the parameter is an Edm.Boolean and the
    // core sends the JSON boolean.
    assert_docs_request(
        |mailbox| SendMail { mailbox, message: message(docs_message.clone()), save_to_sent_items: Some(false) },
        DocsRequest {
            method: Method::Post,
            path: "/sendMail",
            body: Some(json!({ "message": docs_message, "saveToSentItems": false })),
        },
    );
    let op = SendMail { mailbox: Mailbox::Me, message: message(docs_message), save_to_sent_items: Some(false) };
    op.parse(&ep(), empty_response(202)).unwrap();
}

#[test]
fn send_mail_with_internet_headers_and_with_an_attachment() {
    let headers = json!({
        "subject": "9/9/2018: concert",
        "body": { "contentType": "HTML", "content": "The group represents Nevada." },
        "toRecipients": [{ "emailAddress": { "address": "AlexW@contoso.OnMicrosoft.com" } }],
        "internetMessageHeaders": [
            { "name": "x-custom-header-group-name", "value": "Nevada" },
            { "name": "x-custom-header-group-id", "value": "NV001" }
        ]
    });
    let attachment = json!({
        "subject": "Meet for lunch?",
        "body": { "contentType": "Text", "content": "The new cafeteria is open." },
        "toRecipients": [{ "emailAddress": { "address": "meganb@contoso.onmicrosoft.com" } }],
        "attachments": [{
            "@odata.type": "#microsoft.graph.fileAttachment",
            "name": "attachment.txt",
            "contentType": "text/plain",
            "contentBytes": "SGVsbG8gV29ybGQh"
        }]
    });
    for docs in [headers, attachment] {
        assert_docs_request(
            |mailbox| SendMail { mailbox, message: message(docs.clone()), save_to_sent_items: None },
            DocsRequest { method: Method::Post, path: "/sendMail", body: Some(json!({ "message": docs })) },
        );
    }
    let att = &message(json!({ "attachments": [{ "@odata.type": "#microsoft.graph.fileAttachment", "name": "a", "contentBytes": "SGVsbG8gV29ybGQh" }] })).attachments.unwrap()[0];
    assert_eq!(att.content_bytes.as_deref(), Some(&b"Hello World!"[..]));
}

#[test]
fn send_message() {
    assert_docs_request(
        |mailbox| SendMessage { mailbox, message_id: M.into() },
        DocsRequest { method: Method::Post, path: &format!("/messages/{M}/send"), body: None },
    );
    SendMessage { mailbox: Mailbox::Me, message_id: M.into() }.parse(&ep(), empty_response(202)).unwrap();
}

#[test]
fn reply_to_message() {
    let id = "AAMkADA1MTAAAAqldOAAA=";
    let docs_message = json!({ "toRecipients": [
        { "emailAddress": { "address": "samanthab@contoso.onmicrosoft.com", "name": "Samantha Booth" } },
        { "emailAddress": { "address": "randiw@contoso.onmicrosoft.com", "name": "Randi Welch" } }
    ] });
    let comment = "Samantha, Randi, would you name the group please?";
    let make = |mailbox| ReplyToMessage {
        mailbox,
        message_id: id.into(),
        comment: Some(comment.into()),
        message: Some(message(docs_message.clone())),
    };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Post,
            path: "/messages/AAMkADA1MTAAAAqldOAAA=/reply",
            body: Some(json!({ "message": docs_message, "comment": comment })),
        },
    );
    make(Mailbox::Me).parse(&ep(), empty_response(202)).unwrap();
}

#[test]
fn reply_all_to_message() {
    let make = |mailbox| ReplyAllToMessage {
        mailbox,
        message_id: M.into(),
        comment: Some("comment-value".into()),
        message: None,
    };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Post,
            path: &format!("/messages/{M}/replyAll"),
            body: Some(json!({ "comment": "comment-value" })),
        },
    );
    // The JSON example answers 200 OK, the MIME one 202 Accepted.
    make(Mailbox::Me).parse(&ep(), empty_response(200)).unwrap();
    make(Mailbox::Me).parse(&ep(), empty_response(202)).unwrap();
}

#[test]
fn forward_message() {
    // The docs' "address-value" is no address: the core refuses it before sending anything.
    let placeholder = ForwardMessage {
        mailbox: Mailbox::Me,
        message_id: M.into(),
        to_recipients: recipients(json!([{ "emailAddress": { "name": "name-value", "address": "address-value" } }])),
        comment: Some("comment-value".into()),
        message: None,
    };
    expect_invalid(placeholder.request(&ep()), "to_recipients[0]");

    let to = json!([{ "emailAddress": { "name": "name-value", "address": "address-value@contoso.com" } }]);
    let make = |mailbox| ForwardMessage {
        mailbox,
        message_id: M.into(),
        to_recipients: recipients(to.clone()),
        comment: Some("comment-value".into()),
        message: None,
    };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Post,
            path: &format!("/messages/{M}/forward"),
            body: Some(json!({ "comment": "comment-value", "toRecipients": to })),
        },
    );
    // 200 OK in the JSON example, 202 Accepted in the MIME one.
    make(Mailbox::Me).parse(&ep(), empty_response(200)).unwrap();
    make(Mailbox::Me).parse(&ep(), empty_response(202)).unwrap();
}

#[test]
fn create_reply_and_reply_all() {
    // The docs send no body; with no comment and no message the core sends `{}`, which Graph
    // reads the same (both parameters are optional).
    let reply = |mailbox| CreateReply { mailbox, message_id: M.into(), comment: None, message: None };
    let reply_all = |mailbox| CreateReplyAll { mailbox, message_id: M.into(), comment: None, message: None };
    assert_docs_request(
        reply,
        DocsRequest { method: Method::Post, path: &format!("/messages/{M}/createReply"), body: Some(json!({})) },
    );
    assert_docs_request(
        reply_all,
        DocsRequest { method: Method::Post, path: &format!("/messages/{M}/createReplyAll"), body: Some(json!({})) },
    );
    // The JSON examples answer 200 OK, the MIME ones 201 Created.
    let m = parse_docs_response(&reply(Mailbox::Me), 200, "mail/create_reply.json");
    assert_eq!(m.body_preview.as_deref(), Some("bodyPreview-value"));
    let m = parse_docs_response(&reply_all(Mailbox::Me), 200, "mail/create_reply_all.json");
    assert_eq!(m.has_attachments, Some(true));
}

#[test]
fn create_forward() {
    let make =
        |mailbox| CreateForward { mailbox, message_id: M.into(), to_recipients: None, comment: None, message: None };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Post, path: &format!("/messages/{M}/createForward"), body: Some(json!({})) },
    );
    let m = parse_docs_response(&make(Mailbox::Me), 201, "mail/create_forward.json");
    assert_eq!(m.subject.as_deref(), Some("subject-value"));
    // The MIME example's answer is a whole draft, with an explicit null.
    let mime = fixture("mail/create_forward_mime.json");
    assert_eq!(mime["isDeliveryReceiptRequested"], Value::Null);
    let m = parse_docs_response(&make(Mailbox::Me), 201, "mail/create_forward_mime.json");
    assert_eq!(m.is_delivery_receipt_requested, None);
    assert_eq!(m.from.unwrap().address(), Some("AlexW@contoso.com"));
}

#[test]
fn move_message() {
    let id = "AAMkADhAAATs28OAAA=";
    let make = |mailbox| MoveMessage { mailbox, message_id: id.into(), destination_id: "deleteditems".into() };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Post,
            path: "/messages/AAMkADhAAATs28OAAA=/move",
            body: Some(json!({ "destinationId": "deleteditems" })),
        },
    );
    let m = parse_docs_response(&make(Mailbox::Me), 201, "mail/move_message.json");
    assert_eq!(m.id.as_deref(), Some("AAMkADhAAAW-VPeAAA="), "a moved message has a new id");
    assert_eq!(m.parent_folder_id.as_deref(), Some("AAMkADhAAAAAAEKAAA="));
    assert_eq!(m.extra["@odata.type"], "#microsoft.graph.message");
}

#[test]
fn copy_message() {
    let make = |mailbox| CopyMessage { mailbox, message_id: M.into(), destination_id: "destinationId-value".into() };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Post,
            path: &format!("/messages/{M}/copy"),
            body: Some(json!({ "destinationId": "destinationId-value" })),
        },
    );
    // The docs say 200 OK (message-move says 201 Created).
    let m = parse_docs_response(&make(Mailbox::Me), 200, "mail/copy_message.json");
    assert_eq!(m.sent_date_time.as_deref(), Some("datetime-value"));
}

#[test]
fn unsubscribe_message_is_beta() {
    let beta = Endpoint::graph(Cloud::Global, ApiVersion::Beta);
    let op = UnsubscribeMessage { mailbox: Mailbox::Me, message_id: M.into() };
    let docs = DocsRequest { method: Method::Post, path: &format!("/messages/{M}/unsubscribe"), body: None };
    assert_request(&op.request(&beta).unwrap(), "https://graph.microsoft.com/beta", "/me", &docs);
    op.parse(&beta, empty_response(202)).unwrap();
}

#[test]
fn mime_bodies_are_not_json_messages() {
    // The docs' MIME examples (Content-Type: text/plain, base64 MIME) have no operation here; a
    // 400 for bad MIME comes back as the API error it is.
    let body = br#"{"error":{"code":"ErrorMimeContentInvalidBase64String","message":"Invalid base64 string for MIME content."}}"#;
    let op = SendMessage { mailbox: Mailbox::Me, message_id: M.into() };
    match op.parse(&ep(), json_response(400, body.to_vec())) {
        Err(Error::Api(a)) => assert_eq!((a.status, a.code.as_str()), (400, "ErrorMimeContentInvalidBase64String")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn forward_recipients_go_in_the_parameter_or_in_the_message_not_both() {
    // message-forward: "Specify either the toRecipients parameter or the toRecipients property of
    // the message parameter. Specifying both or specifying neither will return an HTTP 400".
    let to = json!([{ "emailAddress": { "address": "alexw@contoso.com" } }]);
    let op = |to_recipients: Vec<Recipient>, message: Option<Message>| ForwardMessage {
        mailbox: Mailbox::Me,
        message_id: M.into(),
        to_recipients,
        comment: None,
        message,
    };
    let in_message = || Some(message(json!({ "toRecipients": to.clone() })));
    let req = op(vec![], in_message()).request(&ep()).unwrap();
    assert_eq!(json_body(&req), json!({ "message": { "toRecipients": to } }), "no empty toRecipients beside them");
    let why = expect_invalid(op(recipients(to.clone()), in_message()).request(&ep()), "to_recipients");
    assert!(why.contains("not both"), "{why}");
    expect_invalid(op(vec![], None).request(&ep()), "to_recipients");
    expect_invalid(op(vec![], Some(message(json!({ "toRecipients": [] })))).request(&ep()), "to_recipients");
    // Recipients in the message are checked as anywhere else.
    let bad = Some(message(json!({ "toRecipients": [{ "emailAddress": { "address": "nobody" } }] })));
    expect_invalid(op(vec![], bad).request(&ep()), "message.to_recipients[0]");
}

#[test]
fn replies_and_forwards_take_a_comment_or_a_body_not_both() {
    // message-reply, -replyAll, -forward, -createReply, -createReplyAll, -createForward: "Specify
    // either a comment or the body property of the message parameter. Specifying both will
    // return an HTTP 400".
    let comment = || Some("FYI".to_string());
    let with_body = || Some(message(json!({ "body": { "contentType": "text", "content": "x" } })));
    let to = || recipients(json!([{ "emailAddress": { "address": "alexw@contoso.com" } }]));
    let me = || Mailbox::Me;
    let id = || M.to_string();
    let both: Vec<Result<o365kit::Request, Error>> = vec![
        ReplyToMessage { mailbox: me(), message_id: id(), comment: comment(), message: with_body() }.request(&ep()),
        ReplyAllToMessage { mailbox: me(), message_id: id(), comment: comment(), message: with_body() }.request(&ep()),
        ForwardMessage {
            mailbox: me(),
            message_id: id(),
            to_recipients: to(),
            comment: comment(),
            message: with_body(),
        }
        .request(&ep()),
        CreateReply { mailbox: me(), message_id: id(), comment: comment(), message: with_body() }.request(&ep()),
        CreateReplyAll { mailbox: me(), message_id: id(), comment: comment(), message: with_body() }.request(&ep()),
        CreateForward {
            mailbox: me(),
            message_id: id(),
            to_recipients: None,
            comment: comment(),
            message: with_body(),
        }
        .request(&ep()),
    ];
    for res in both {
        assert!(expect_invalid(res, "comment").contains("not both"));
    }
    // Either one alone is fine.
    let body_only = ReplyToMessage { mailbox: me(), message_id: id(), comment: None, message: with_body() };
    assert_eq!(json_body(&body_only.request(&ep()).unwrap())["message"]["body"]["content"], "x");
    let in_message = Some(message(json!({ "toRecipients": [{ "emailAddress": { "address": "a@contoso.com" } }] })));
    let draft = |to_recipients| CreateForward {
        mailbox: me(),
        message_id: id(),
        to_recipients,
        comment: None,
        message: in_message.clone(),
    };
    draft(None).request(&ep()).unwrap();
    expect_invalid(draft(Some(to())).request(&ep()), "to_recipients");
}
