//! The Graph v1.0 docs' examples for Focused Inbox overrides and mailbox settings
//! (inferenceclassification-list/post-overrides, inferenceclassificationoverride-update/delete,
//! user-get-mailboxsettings, user-update-mailboxsettings): requests built from the docs' values
//! equal the docs' requests; the docs' responses parse and round-trip (see `common::docs`).
mod common;

use common::docs::*;
use common::*;
use o365kit::model::{
    AutomaticRepliesSetting, DateTimeTimeZone, InferenceClassificationOverride, MailboxSettings, WorkingHours,
};
use o365kit::ops::*;
use o365kit::{Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

const OVERRIDE: &str = "98f5bdef-576a-404d-a2ea-07a3cf34af4r";

fn parsed<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).expect("the docs' value parses")
}

#[test]
fn list_inference_overrides() {
    let make = |mailbox| ListInferenceOverrides { mailbox, query: Query::new() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Get, path: "/inferenceClassification/overrides", body: None },
    );
    let page = parse_docs_response(&make(Mailbox::Me), 200, "mail/list_inference_overrides.json");
    let classes: Vec<_> = page.value.iter().map(|o| o.classify_as.as_deref().unwrap()).collect();
    assert_eq!(classes, ["focused", "other"]);
    assert_eq!(page.value[1].id.as_deref(), Some(OVERRIDE));
}

#[test]
fn create_inference_override() {
    let docs = json!({
        "classifyAs": "focused",
        "senderEmailAddress": { "name": "Samantha Booth", "address": "samanthab@adatum.onmicrosoft.com" }
    });
    let make = |mailbox| CreateInferenceOverride { mailbox, inference_override: parsed(&docs) };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Post, path: "/inferenceClassification/overrides", body: Some(docs.clone()) },
    );
    // The typed constructor gives the same body but for the sender's name.
    let typed = InferenceClassificationOverride::new("samanthab@adatum.onmicrosoft.com", "focused");
    let mut unnamed = docs.clone();
    unnamed["senderEmailAddress"].as_object_mut().unwrap().remove("name");
    let req = CreateInferenceOverride { mailbox: Mailbox::Me, inference_override: typed }.request(&ep()).unwrap();
    assert_eq!(json_body(&req), unnamed);
    let o = parse_docs_response(&make(Mailbox::Me), 201, "mail/create_inference_override.json");
    assert_eq!(o.id.as_deref(), Some("98f5bdef-576a-404d-a2ea-07a3cf11a9b9"));
}

#[test]
fn update_inference_override() {
    let docs = json!({ "classifyAs": "focused" });
    let make =
        |mailbox| UpdateInferenceOverride { mailbox, override_id: OVERRIDE.into(), inference_override: parsed(&docs) };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Patch,
            path: &format!("/inferenceClassification/overrides/{OVERRIDE}"),
            body: Some(docs.clone()),
        },
    );
    let o = parse_docs_response(&make(Mailbox::Me), 200, "mail/update_inference_override.json");
    assert_eq!(o.sender_email_address.unwrap().name.as_deref(), Some("Randi Welch"));
}

#[test]
fn delete_inference_override() {
    let make = |mailbox| DeleteInferenceOverride { mailbox, override_id: OVERRIDE.into() };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Delete,
            path: "/inferenceClassification/overrides/98f5bdef-576a-404d-a2ea-07a3cf34af4r",
            body: None,
        },
    );
    make(Mailbox::Me).parse(&ep(), empty_response(204)).unwrap();
}

#[test]
fn get_mailbox_settings() {
    let make = |mailbox| GetMailboxSettings { mailbox, query: Query::new() };
    assert_docs_request(make, DocsRequest { method: Method::Get, path: "/mailboxSettings", body: None });
    let s = parse_docs_response(&make(Mailbox::Me), 200, "mail/get_mailbox_settings.json");
    let replies = s.automatic_replies_setting.unwrap();
    // Graph's enum values come back as sent, "Scheduled" here and "scheduled" elsewhere.
    assert_eq!((replies.status.as_deref(), replies.external_audience.as_deref()), (Some("Scheduled"), Some("All")));
    assert_eq!(replies.scheduled_end_date_time, Some(DateTimeTimeZone::new("2016-03-28T07:00:00.0000000", "UTC")));
    assert_eq!(s.language.unwrap().locale.as_deref(), Some("en-US"));
    let hours = s.working_hours.unwrap();
    assert_eq!(hours.days_of_week.unwrap().len(), 5);
    assert_eq!(hours.time_zone.unwrap().name.as_deref(), Some("Pacific Standard Time"));
    assert_eq!(s.delegate_meeting_message_delivery_options.as_deref(), Some("sendToDelegateOnly"));
}

#[test]
fn get_automatic_replies() {
    let make = |mailbox| GetAutomaticReplies { mailbox };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Get, path: "/mailboxSettings/automaticRepliesSetting", body: None },
    );
    let r = parse_docs_response(&make(Mailbox::Me), 200, "mail/get_automatic_replies.json");
    assert_eq!((r.status.as_deref(), r.external_audience.as_deref()), (Some("alwaysEnabled"), Some("None")));
    assert!(r.internal_reply_message.unwrap().contains("worldwide reunion"));
}

#[test]
fn working_hours_with_a_custom_time_zone_round_trip() {
    // Example 3 reads /mailboxSettings/workingHours, which has no operation of its own: the model
    // keeps a custom time zone's offsets.
    let wire = fixture("mail/get_mailbox_settings_working_hours.json");
    let hours: WorkingHours = parsed(&wire);
    let tz = hours.time_zone.as_ref().unwrap();
    assert_eq!(tz.odata_type.as_deref(), Some("#microsoft.graph.customTimeZone"));
    assert_eq!(tz.extra["standardOffset"]["dayOccurrence"], 4);
    assert_eq!(serde_json::to_value(&hours).unwrap(), wire);
}

fn scheduled_replies() -> Value {
    json!({
        "status": "Scheduled",
        "scheduledStartDateTime": { "dateTime": "2016-03-20T18:00:00.0000000", "timeZone": "UTC" },
        "scheduledEndDateTime": { "dateTime": "2016-03-28T18:00:00.0000000", "timeZone": "UTC" }
    })
}

#[test]
fn update_mailbox_settings_automatic_replies() {
    // Example 1 sends the GET's "@odata.context" back too; settings keep it, so it goes out again.
    let docs = json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Me/mailboxSettings",
        "automaticRepliesSetting": scheduled_replies()
    });
    let make = |mailbox| UpdateMailboxSettings { mailbox, settings: parsed(&docs) };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Patch, path: "/mailboxSettings", body: Some(docs.clone()) },
    );
    let s = parse_docs_response(&make(Mailbox::Me), 200, "mail/set_automatic_replies.json");
    assert_eq!(s.automatic_replies_setting.unwrap().status.as_deref(), Some("scheduled"));
}

#[test]
fn set_automatic_replies() {
    // The same PATCH as example 1, less the "@odata.context" annotation.
    let setting: AutomaticRepliesSetting = parsed(&scheduled_replies());
    let make = |mailbox| SetAutomaticReplies { mailbox, automatic_replies_setting: setting.clone() };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Patch,
            path: "/mailboxSettings",
            body: Some(json!({ "automaticRepliesSetting": scheduled_replies() })),
        },
    );
    let s = parse_docs_response(&make(Mailbox::Me), 200, "mail/set_automatic_replies.json");
    let r = s.automatic_replies_setting.unwrap();
    assert_eq!(r.scheduled_start_date_time, Some(DateTimeTimeZone::new("2016-03-20T02:00:00.0000000", "UTC")));
}

#[test]
fn update_mailbox_settings_working_hours() {
    let docs = json!({
        "workingHours": {
            "endTime": "18:30:00.0000000",
            "daysOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
            "timeZone": {
                "@odata.type": "#microsoft.graph.customTimeZone",
                "bias": -300,
                "name": "Customized Time Zone",
                "standardOffset": { "time": "02:00:00.0000000", "dayOccurrence": 2, "dayOfWeek": "Sunday", "month": 10, "year": 0 },
                "daylightOffset": { "daylightBias": 100, "time": "02:00:00.0000000", "dayOccurrence": 4, "dayOfWeek": "Sunday", "month": 5, "year": 0 }
            }
        }
    });
    let settings: MailboxSettings = parsed(&docs);
    let make = |mailbox| UpdateMailboxSettings { mailbox, settings: settings.clone() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Patch, path: "/mailboxSettings", body: Some(docs.clone()) },
    );
    let s = parse_docs_response(&make(Mailbox::Me), 200, "mail/update_mailbox_settings.json");
    assert_eq!(s.working_hours.unwrap().end_time.as_deref(), Some("18:30:00.0000000"));
}
