//! The Graph v1.0 docs' examples for Inbox rules, MailTips and the languages and time zones
//! Outlook supports (mailfolder-list/post-messagerules, messagerule-get/update/delete,
//! user-getmailtips, outlookuser-supportedlanguages, outlookuser-supportedtimezones): requests
//! built from the docs' values equal the docs' requests; the docs' responses parse and round-trip
//! (see `common::docs`).
mod common;

use common::docs::*;
use common::*;
use o365kit::model::MessageRule;
use o365kit::ops::*;
use o365kit::{Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

const RULE: &str = "AQAAAJ5dZqA=";

fn rule(v: &Value) -> MessageRule {
    serde_json::from_value(v.clone()).expect("the docs' rule is a MessageRule")
}

#[test]
fn list_message_rules() {
    let make = |mailbox| ListMessageRules { mailbox, query: Query::new() };
    assert_docs_request(make, DocsRequest { method: Method::Get, path: "/mailFolders/inbox/messageRules", body: None });
    let page = parse_docs_response(&make(Mailbox::Me), 200, "mail/list_message_rules.json");
    let spam = &page.value[0];
    assert_eq!(spam.conditions.as_ref().unwrap().subject_contains, Some(vec!["enter to win".to_string()]));
    let actions = spam.actions.as_ref().unwrap();
    assert_eq!((actions.delete, actions.stop_processing_rules), (Some(true), Some(true)));
    let partner = page.value[1].actions.as_ref().unwrap().forward_to.as_ref().unwrap();
    assert_eq!(partner[0].address(), Some("AlexW@contoso.onmicrosoft.com"));
}

#[test]
fn get_message_rule() {
    let make = |mailbox| GetMessageRule { mailbox, rule_id: RULE.into(), query: Query::new() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Get, path: "/mailFolders/inbox/messageRules/AQAAAJ5dZqA=", body: None },
    );
    let r = parse_docs_response(&make(Mailbox::Me), 200, "mail/get_message_rule.json");
    assert_eq!(
        (r.sequence, r.is_enabled, r.has_error, r.is_read_only),
        (Some(2), Some(true), Some(false), Some(false))
    );
}

#[test]
fn create_message_rule() {
    let docs = json!({
        "displayName": "From partner",
        "sequence": 2,
        "isEnabled": true,
        "conditions": { "senderContains": ["adele"] },
        "actions": {
            "forwardTo": [{ "emailAddress": { "name": "Alex Wilbur", "address": "AlexW@contoso.onmicrosoft.com" } }],
            "stopProcessingRules": true
        }
    });
    let make = |mailbox| CreateMessageRule { mailbox, rule: rule(&docs) };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Post, path: "/mailFolders/inbox/messageRules", body: Some(docs.clone()) },
    );
    let r = parse_docs_response(&make(Mailbox::Me), 201, "mail/create_message_rule.json");
    assert_eq!(r.id.as_deref(), Some(RULE));
    assert_eq!(r.conditions.unwrap().sender_contains, Some(vec!["ADELE".to_string()]));
}

#[test]
fn update_message_rule() {
    let docs = json!({ "displayName": "Important from partner", "actions": { "markImportance": "high" } });
    let make = |mailbox| UpdateMessageRule { mailbox, rule_id: RULE.into(), rule: rule(&docs) };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Patch,
            path: "/mailFolders/inbox/messageRules/AQAAAJ5dZqA=",
            body: Some(docs.clone()),
        },
    );
    let r = parse_docs_response(&make(Mailbox::Me), 200, "mail/update_message_rule.json");
    assert_eq!(r.actions.unwrap().mark_importance.as_deref(), Some("high"));
}

#[test]
fn delete_message_rule() {
    let make = |mailbox| DeleteMessageRule { mailbox, rule_id: "AQAAAJ5dZp8=".into() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Delete, path: "/mailFolders/inbox/messageRules/AQAAAJ5dZp8=", body: None },
    );
    make(Mailbox::Me).parse(&ep(), empty_response(204)).unwrap();
}

/// `{"EmailAddresses": ...}` -> `{"emailAddresses": ...}`: the top-level names, first letter lowered.
fn camel_keys(v: Value) -> Value {
    let m = v.as_object().expect("an object").clone();
    let lower = |k: &str| k[..1].to_ascii_lowercase() + &k[1..];
    Value::Object(m.into_iter().map(|(k, v)| (lower(&k), v)).collect())
}

#[test]
fn get_mail_tips() {
    let docs = json!({
        "EmailAddresses": ["danas@contoso.onmicrosoft.com", "fannyd@contoso.onmicrosoft.com"],
        "MailTipsOptions": "automaticReplies, mailboxFullStatus"
    });
    // The docs spell the action's parameters EmailAddresses and MailTipsOptions; the core sends
    // the metadata's emailAddresses and mailTipsOptions, as Microsoft's SDKs do (Graph matches
    // action parameter names without regard to case).
    let make = |mailbox| GetMailTips {
        mailbox,
        email_addresses: vec!["danas@contoso.onmicrosoft.com".into(), "fannyd@contoso.onmicrosoft.com".into()],
        mail_tips_options: vec!["automaticReplies".into(), "mailboxFullStatus".into()],
    };
    assert_docs_request(make, DocsRequest { method: Method::Post, path: "/getMailTips", body: Some(camel_keys(docs)) });
    let page = parse_docs_response(&make(Mailbox::Me), 200, "mail/get_mail_tips.json");
    let dana = &page.value[0];
    assert_eq!(dana.email_address.as_ref().unwrap().name.as_deref(), Some(""));
    let replies = dana.automatic_replies.as_ref().unwrap();
    assert!(replies.message.as_deref().unwrap().contains("I am on vacation"));
    assert_eq!(replies.message_language.as_ref().unwrap().locale.as_deref(), Some("en-US"));
    assert_eq!(replies.scheduled_end_time.as_ref().unwrap().date_time.as_deref(), Some("2018-08-09T02:00:00.0000000"));
    assert_eq!(dana.mailbox_full, Some(false));
    assert_eq!(page.value[1].automatic_replies.as_ref().unwrap().message.as_deref(), Some(""));
}

#[test]
fn list_supported_languages() {
    // Docs: GET /me/outlook/supportedLanguages (Graph also answers supportedLanguages()).
    let make = |mailbox| ListSupportedLanguages { mailbox, query: Query::new() };
    assert_docs_request(make, DocsRequest { method: Method::Get, path: "/outlook/supportedLanguages", body: None });
    let page = parse_docs_response(&make(Mailbox::Me), 200, "mail/list_supported_languages.json");
    let locales: Vec<_> = page.value.iter().map(|l| l.locale.as_deref().unwrap()).collect();
    assert_eq!(locales, ["af-ZA", "en-US", "en-CA"]);
}

#[test]
fn list_supported_time_zones() {
    let make = |standard: Option<&'static str>| {
        move |mailbox| ListSupportedTimeZones { mailbox, standard: standard.map(Into::into), query: Query::new() }
    };
    assert_docs_request(
        make(None),
        DocsRequest { method: Method::Get, path: "/outlook/supportedTimeZones", body: None },
    );
    let windows = parse_docs_response(&make(None)(Mailbox::Me), 200, "mail/list_supported_time_zones_windows.json");
    assert_eq!(windows.value[0].alias.as_deref(), Some("Dateline Standard Time"));
    assert_docs_request(
        make(Some("iana")),
        DocsRequest {
            method: Method::Get,
            path: "/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')",
            body: None,
        },
    );
    let iana = parse_docs_response(&make(Some("iana"))(Mailbox::Me), 200, "mail/list_supported_time_zones.json");
    assert_eq!(iana.value[3].display_name.as_deref(), Some("US/Aleutian"));
}
