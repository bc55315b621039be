//! Mail operations: the requests they build, on `/me` and on another mailbox, in both dialects,
//! and the bad inputs they refuse before any request exists.
mod common;

use common::cases_mail::{F, M};
use common::*;
use o365kit::model::{Attachment, Message, Recipient};
use o365kit::ops::*;
use o365kit::{Error, Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

fn body(req: &o365kit::Request) -> Value {
    serde_json::from_slice(req.body.as_deref().expect("a body")).expect("JSON body")
}

fn invalid_param(e: Error) -> String {
    match e {
        Error::InvalidInput { param, .. } => param,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

#[test]
fn the_mailbox_is_me_or_a_user() {
    let op = ListFolderMessages { mailbox: Mailbox::Me, folder_id: "inbox".into(), query: Query::new().top(5) };
    assert_eq!(op.request(&ep()).unwrap().url, format!("{BASE}/me/mailFolders/inbox/messages?$top=5"));
    let shared = ListFolderMessages { mailbox: Mailbox::user("support@contoso.com"), ..op.clone() };
    assert_eq!(
        shared.request(&ep()).unwrap().url,
        format!("{BASE}/users/support%40contoso.com/mailFolders/inbox/messages?$top=5")
    );
    assert_eq!(Mailbox::user("ME"), Mailbox::Me);
    let bad = ListMessages { mailbox: Mailbox::user("a/b"), query: Query::new() };
    assert_eq!(invalid_param(bad.request(&ep()).unwrap_err()), "mailbox");
}

#[test]
fn send_mail_sends_the_message_and_the_sent_items_choice() {
    let message = Message::new("Lunch?", "<p>Noon</p>", ["adele@contoso.com"]);
    let op = SendMail { mailbox: Mailbox::Me, message, save_to_sent_items: Some(false) };
    let req = op.request(&ep()).unwrap();
    assert_eq!((req.method, req.url.as_str()), (Method::Post, format!("{BASE}/me/sendMail").as_str()));
    assert_eq!(
        body(&req),
        json!({
            "message": {
                "subject": "Lunch?",
                "body": { "contentType": "html", "content": "<p>Noon</p>" },
                "toRecipients": [{ "emailAddress": { "address": "adele@contoso.com" } }]
            },
            "saveToSentItems": false
        })
    );
    let default = SendMail { save_to_sent_items: None, ..op };
    assert!(body(&default.request(&ep()).unwrap()).get("saveToSentItems").is_none());
}

#[test]
fn actions_without_parameters_send_an_empty_body() {
    let req = SendMessage { mailbox: Mailbox::Me, message_id: M.into() }.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/me/messages/AAMkADhMGAAA%3D/send"));
    assert_eq!(req.body.as_deref(), Some(&b""[..]));
}

#[test]
fn reply_and_forward_send_only_what_is_given() {
    let reply =
        ReplyToMessage { mailbox: Mailbox::Me, message_id: M.into(), comment: Some("Thanks".into()), message: None };
    assert_eq!(body(&reply.request(&ep()).unwrap()), json!({ "comment": "Thanks" }));
    let fwd = ForwardMessage {
        mailbox: Mailbox::Me,
        message_id: M.into(),
        to_recipients: vec![Recipient::named("Alex", "alexw@contoso.com")],
        comment: None,
        message: None,
    };
    let req = fwd.request(&ep()).unwrap();
    assert!(req.url.ends_with("/forward"));
    assert_eq!(
        body(&req),
        json!({ "toRecipients": [{ "emailAddress": { "name": "Alex", "address": "alexw@contoso.com" } }] })
    );
    let nobody = ForwardMessage { to_recipients: vec![], ..fwd };
    assert_eq!(invalid_param(nobody.request(&ep()).unwrap_err()), "to_recipients");
}

#[test]
fn move_and_copy_name_the_destination_in_the_body() {
    let op = MoveMessage { mailbox: Mailbox::Me, message_id: M.into(), destination_id: "deleteditems".into() };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/me/messages/AAMkADhMGAAA%3D/move"));
    assert_eq!(body(&req), json!({ "destinationId": "deleteditems" }));
    for bad in ["", " ", "inbox/child", "a?b", ".."] {
        let op = CopyMailFolder { mailbox: Mailbox::Me, folder_id: F.into(), destination_id: bad.into() };
        assert_eq!(invalid_param(op.request(&ep()).unwrap_err()), "destination_id", "{bad:?}");
    }
}

#[test]
fn folder_ids_with_path_characters_are_refused() {
    for bad in ["inbox/childFolders", "a?b", "a#b", "a\\b", "..", ""] {
        let op = GetMailFolder { mailbox: Mailbox::Me, folder_id: bad.into(), query: Query::new() };
        assert_eq!(invalid_param(op.request(&ep()).unwrap_err()), "folder_id", "{bad:?}");
    }
}

#[test]
fn recipients_and_attachments_are_checked_before_sending() {
    let mut message = Message::new("s", "b", ["ok@contoso.com"]);
    message.cc_recipients = Some(vec![Recipient::default()]);
    let op = CreateMessage { mailbox: Mailbox::Me, message };
    assert_eq!(invalid_param(op.request(&ep()).unwrap_err()), "message.cc_recipients[0]");

    let add = |attachment: Attachment| AddMessageAttachment { mailbox: Mailbox::Me, message_id: M.into(), attachment };
    let nameless = Attachment::file("", "text/plain", b"x".to_vec());
    assert_eq!(invalid_param(add(nameless).request(&ep()).unwrap_err()), "attachment.name");
    let empty = Attachment { content_bytes: None, ..Attachment::file("a.txt", "text/plain", vec![]) };
    assert_eq!(invalid_param(add(empty).request(&ep()).unwrap_err()), "attachment.content_bytes");
    let big = Attachment::file("big.bin", "application/octet-stream", vec![0; MAX_INLINE_ATTACHMENT + 1]);
    assert_eq!(invalid_param(add(big).request(&ep()).unwrap_err()), "attachment.content_bytes");
    let kindless = Attachment { odata_type: None, ..Attachment::file("a.txt", "text/plain", b"x".to_vec()) };
    assert_eq!(invalid_param(add(kindless).request(&ep()).unwrap_err()), "attachment.odata_type");
    let ok = add(Attachment::file("a.txt", "text/plain", b"hi".to_vec())).request(&ep()).unwrap();
    assert_eq!(body(&ok)["contentBytes"], "aGk=");
}

#[test]
fn mail_tips_options_are_joined_and_checked() {
    let op = GetMailTips {
        mailbox: Mailbox::Me,
        email_addresses: vec!["danas@contoso.com".into()],
        mail_tips_options: vec!["automaticReplies".into(), "mailboxFullStatus".into()],
    };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/me/getMailTips"));
    assert_eq!(
        body(&req),
        json!({ "emailAddresses": ["danas@contoso.com"], "mailTipsOptions": "automaticReplies, mailboxFullStatus" })
    );
    let bad = GetMailTips { mail_tips_options: vec!["moods".into()], ..op.clone() };
    assert_eq!(invalid_param(bad.request(&ep()).unwrap_err()), "mail_tips_options[0]");
    let nobody = GetMailTips { email_addresses: vec![], ..op };
    assert_eq!(invalid_param(nobody.request(&ep()).unwrap_err()), "email_addresses");
}

#[test]
fn supported_time_zones_in_either_standard() {
    let op = |standard: Option<&str>| ListSupportedTimeZones {
        mailbox: Mailbox::Me,
        standard: standard.map(str::to_string),
        query: Query::new(),
    };
    assert_eq!(op(None).request(&ep()).unwrap().url, format!("{BASE}/me/outlook/supportedTimeZones"));
    assert_eq!(
        op(Some("IANA")).request(&ep()).unwrap().url,
        format!("{BASE}/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')")
    );
    assert_eq!(invalid_param(op(Some("posix")).request(&ep()).unwrap_err()), "standard");
}

#[test]
fn automatic_replies_are_set_through_mailbox_settings() {
    let setting = o365kit::model::AutomaticRepliesSetting {
        status: Some("scheduled".into()),
        scheduled_start_date_time: Some(o365kit::model::DateTimeTimeZone::new("2026-12-20T08:00:00", "UTC")),
        ..Default::default()
    };
    let req = SetAutomaticReplies { mailbox: Mailbox::Me, automatic_replies_setting: setting }.request(&ep()).unwrap();
    assert_eq!((req.method, req.url.clone()), (Method::Patch, format!("{BASE}/me/mailboxSettings")));
    assert_eq!(
        body(&req),
        json!({ "automaticRepliesSetting": {
            "status": "scheduled",
            "scheduledStartDateTime": { "dateTime": "2026-12-20T08:00:00", "timeZone": "UTC" }
        } })
    );
}

#[test]
fn outlook_rest_speaks_pascal_case_on_the_same_paths() {
    let message = Message::new("Hi", "<p>x</p>", ["a@contoso.com"]);
    let req = SendMail { mailbox: Mailbox::Me, message, save_to_sent_items: None }.request(&outlook()).unwrap();
    assert_eq!(req.url, "https://outlook.office.com/api/v2.0/me/sendMail");
    let b = body(&req);
    assert_eq!(b["Message"]["ToRecipients"][0]["EmailAddress"]["Address"], "a@contoso.com");
    let res = json_response(
        200,
        br#"{"Id":"m1","Subject":"Hi","IsRead":false,"From":{"EmailAddress":{"Address":"x@contoso.com"}}}"#.to_vec(),
    );
    let get = GetMessage { mailbox: Mailbox::Me, message_id: "m1".into(), query: Query::new() };
    let m = get.parse(&outlook(), res).unwrap();
    assert_eq!((m.subject.as_deref(), m.is_read), (Some("Hi"), Some(false)));
    assert_eq!(m.from.unwrap().address(), Some("x@contoso.com"));
}
