//! The Outlook REST v2.0 dialect on the docs' Mail examples: the same paths under /api/v2.0,
//! PascalCase bodies out and PascalCase answers in, the same models in memory. The answers in
//! `fixtures/mail/outlook_rest/` are the Graph docs' answers with every property name's first
//! letter raised (annotations keep their spelling) and `@odata.type` names in the
//! `Microsoft.OutlookServices` namespace, as v2.0 writes them.
mod common;

use common::cases_mail::M;
use common::docs::*;
use common::*;
use o365kit::model::{AutomaticRepliesSetting, DateTimeTimeZone, InferenceClassificationOverride, MailFolder, Message};
use o365kit::ops::*;
use o365kit::{Dialect, Mailbox, Method, Operation, Query};
use serde::Serialize;
use serde_json::{json, Value};

const V2: &str = "https://outlook.office.com/api/v2.0";

fn check(req: o365kit::Request, method: Method, path: &str, body: Option<Value>) {
    assert_request(&req, V2, "/me", &DocsRequest { method, path, body });
}

/// The v2.0 answer parses to what the Graph answer parses to, and writes back as sent.
fn same_as_graph<O>(op: &O, name: &str) -> O::Output
where
    O: Operation,
    O::Output: Serialize + PartialEq + std::fmt::Debug,
{
    let pascal = fixture(&format!("mail/outlook_rest/{name}"));
    let from_v2 = op.parse(&outlook(), json_response(200, serde_json::to_vec(&pascal).unwrap())).unwrap();
    let from_graph = op.parse(&ep(), doc_response(200, &format!("mail/{name}"))).unwrap();
    let mut graph = serde_json::to_value(&from_graph).unwrap();
    let mut v2 = serde_json::to_value(&from_v2).unwrap();
    // Only the context URL differs between the two fixtures.
    for v in [&mut graph, &mut v2] {
        v.as_object_mut().unwrap().remove("@odata.context");
    }
    assert_eq!(v2, graph, "{name}");
    let back = Dialect::OutlookRest.to_wire(serde_json::to_value(&from_v2).unwrap());
    assert_eq!(back, pascal, "{name} round trip");
    from_v2
}

#[test]
fn get_message() {
    let op = GetMessage { mailbox: Mailbox::Me, message_id: M.into(), query: Query::new() };
    check(op.request(&outlook()).unwrap(), Method::Get, "/messages/AAMkADhMGAAA=", None);
    let m = same_as_graph(&op, "get_message.json");
    assert_eq!(m.subject.as_deref(), Some("9/9/2018: concert"));
    assert_eq!(m.to_recipients.unwrap()[0].address(), Some("AlexW@contoso.OnMicrosoft.com"));
}

#[test]
fn list_mail_folders() {
    let op = ListMailFolders { mailbox: Mailbox::Me, query: Query::new() };
    check(op.request(&outlook()).unwrap(), Method::Get, "/mailFolders", None);
    let page = same_as_graph(&op, "list_mail_folders.json");
    assert_eq!(page.value[4].unread_item_count, Some(70));
    // A search folder's own properties stay in extra, recased like every v2.0 name.
    assert_eq!(page.value[5].extra["filterQuery"], "contains(subject, 'weekly digest')");
}

#[test]
fn mailbox_settings_and_automatic_replies() {
    let op = GetMailboxSettings { mailbox: Mailbox::user(USER), query: Query::new() };
    assert_request(
        &op.request(&outlook()).unwrap(),
        V2,
        &format!("/users/{USER}"),
        &DocsRequest { method: Method::Get, path: "/mailboxSettings", body: None },
    );
    let s = same_as_graph(&op, "get_mailbox_settings.json");
    assert_eq!(s.working_hours.unwrap().time_zone.unwrap().name.as_deref(), Some("Pacific Standard Time"));

    let setting = AutomaticRepliesSetting {
        status: Some("Scheduled".into()),
        scheduled_start_date_time: Some(DateTimeTimeZone::new("2016-03-20T18:00:00.0000000", "UTC")),
        ..Default::default()
    };
    let set = SetAutomaticReplies { mailbox: Mailbox::Me, automatic_replies_setting: setting };
    check(
        set.request(&outlook()).unwrap(),
        Method::Patch,
        "/mailboxSettings",
        Some(json!({ "AutomaticRepliesSetting": {
            "Status": "Scheduled",
            "ScheduledStartDateTime": { "DateTime": "2016-03-20T18:00:00.0000000", "TimeZone": "UTC" }
        } })),
    );
}

#[test]
fn get_mail_tips_sends_the_docs_parameter_names() {
    let op = GetMailTips {
        mailbox: Mailbox::Me,
        email_addresses: vec!["danas@contoso.onmicrosoft.com".into(), "fannyd@contoso.onmicrosoft.com".into()],
        mail_tips_options: vec!["automaticReplies".into(), "mailboxFullStatus".into()],
    };
    // In PascalCase the body is the Graph docs' example, letter for letter.
    check(
        op.request(&outlook()).unwrap(),
        Method::Post,
        "/getMailTips",
        Some(json!({
            "EmailAddresses": ["danas@contoso.onmicrosoft.com", "fannyd@contoso.onmicrosoft.com"],
            "MailTipsOptions": "automaticReplies, mailboxFullStatus"
        })),
    );
    let page = same_as_graph(&op, "get_mail_tips.json");
    assert_eq!(
        page.value[0].automatic_replies.as_ref().unwrap().scheduled_start_time.as_ref().unwrap().time_zone.as_deref(),
        Some("UTC")
    );
}

#[test]
fn list_message_rules() {
    let op = ListMessageRules { mailbox: Mailbox::Me, query: Query::new() };
    check(op.request(&outlook()).unwrap(), Method::Get, "/mailFolders/inbox/messageRules", None);
    let page = same_as_graph(&op, "list_message_rules.json");
    assert_eq!(
        page.value[1].actions.as_ref().unwrap().forward_to.as_ref().unwrap()[0].address(),
        Some("AlexW@contoso.onmicrosoft.com")
    );
}

#[test]
fn request_bodies_in_pascal_case() {
    let message: Message = serde_json::from_value(json!({
        "subject": "Meet for lunch?",
        "body": { "contentType": "Text", "content": "The new cafeteria is open." },
        "toRecipients": [{ "emailAddress": { "address": "fannyd@contoso.onmicrosoft.com" } }]
    }))
    .unwrap();
    let pascal_message = json!({
        "Subject": "Meet for lunch?",
        "Body": { "ContentType": "Text", "Content": "The new cafeteria is open." },
        "ToRecipients": [{ "EmailAddress": { "Address": "fannyd@contoso.onmicrosoft.com" } }]
    });
    let send = SendMail { mailbox: Mailbox::Me, message: message.clone(), save_to_sent_items: Some(false) };
    check(
        send.request(&outlook()).unwrap(),
        Method::Post,
        "/sendMail",
        Some(json!({ "Message": pascal_message, "SaveToSentItems": false })),
    );
    let create = CreateMessage { mailbox: Mailbox::Me, message };
    check(create.request(&outlook()).unwrap(), Method::Post, "/messages", Some(pascal_message));

    let mv = MoveMessage {
        mailbox: Mailbox::Me,
        message_id: "AAMkADhAAATs28OAAA=".into(),
        destination_id: "deleteditems".into(),
    };
    check(
        mv.request(&outlook()).unwrap(),
        Method::Post,
        "/messages/AAMkADhAAATs28OAAA=/move",
        Some(json!({ "DestinationId": "deleteditems" })),
    );
    let reply =
        CreateReply { mailbox: Mailbox::Me, message_id: M.into(), comment: Some("Thanks".into()), message: None };
    check(
        reply.request(&outlook()).unwrap(),
        Method::Post,
        &format!("/messages/{M}/createReply"),
        Some(json!({ "Comment": "Thanks" })),
    );

    let folder = CreateMailFolder {
        mailbox: Mailbox::Me,
        folder: MailFolder { is_hidden: Some(true), ..MailFolder::named("Clutter") },
    };
    check(
        folder.request(&outlook()).unwrap(),
        Method::Post,
        "/mailFolders",
        Some(json!({ "DisplayName": "Clutter", "IsHidden": true })),
    );
    let ov = CreateInferenceOverride {
        mailbox: Mailbox::Me,
        inference_override: InferenceClassificationOverride::new("samanthab@adatum.onmicrosoft.com", "focused"),
    };
    check(
        ov.request(&outlook()).unwrap(),
        Method::Post,
        "/inferenceClassification/overrides",
        Some(
            json!({ "ClassifyAs": "focused", "SenderEmailAddress": { "Address": "samanthab@adatum.onmicrosoft.com" } }),
        ),
    );
    let send_draft = SendMessage { mailbox: Mailbox::Me, message_id: M.into() };
    check(send_draft.request(&outlook()).unwrap(), Method::Post, &format!("/messages/{M}/send"), None);
}
