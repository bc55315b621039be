//! The Graph v1.0 docs' examples for answering and handling events (event-accept,
//! event-tentativelyaccept, event-decline, event-forward, event-cancel, event-snoozereminder,
//! event-dismissreminder): the request built from the docs' values equals the docs' request; each
//! answers without a body (202 Accepted, or 200 OK for the reminders). `{id}` is `E` here.
mod common;

use common::cases_calendar::E;
use common::docs::*;
use common::*;
use o365kit::model::DateTimeTimeZone;
use o365kit::ops::*;
use o365kit::{Mailbox, Method, Operation};
use serde_json::{json, Value};

fn request_body(page: &str) -> Value {
    fixture(&format!("calendar/requests/{page}.0.json"))
}

fn post<O: Operation>(make: impl Fn(Mailbox) -> O, action: &str, body: Option<Value>, status: u16) {
    assert_docs_request(&make, DocsRequest { method: Method::Post, path: &format!("/events/{E}/{action}"), body });
    make(Mailbox::Me).parse(&ep(), empty_response(status)).unwrap_or_else(|e| panic!("{action}: {e}"));
}

#[test]
fn accept_event() {
    let docs = request_body("event-accept");
    post(
        |m| op_on::<AcceptEvent>(&m, json!({ "event_id": E, "comment": "comment-value", "send_response": true })),
        "accept",
        Some(docs),
        202,
    );
}

#[test]
fn tentatively_accept_and_decline_with_a_proposed_time() {
    for (page, action) in [("event-tentativelyaccept", "tentativelyAccept"), ("event-decline", "decline")] {
        let docs = request_body(page);
        let args = json!({
            "event_id": E,
            "comment": docs["comment"],
            "send_response": docs["sendResponse"],
            "proposed_new_time": docs["proposedNewTime"],
        });
        if action == "decline" {
            post(|m| op_on::<DeclineEvent>(&m, args.clone()), action, Some(docs), 202);
        } else {
            post(|m| op_on::<TentativelyAcceptEvent>(&m, args.clone()), action, Some(docs), 202);
        }
    }
}

#[test]
fn a_proposed_time_that_ends_before_it_starts_is_refused() {
    let mut slot = request_body("event-decline")["proposedNewTime"].clone();
    slot["end"]["dateTime"] = json!("2019-12-02T17:00:00");
    let op: DeclineEvent = op_on(
        &Mailbox::Me,
        json!({ "event_id": E, "comment": null, "send_response": null, "proposed_new_time": slot }),
    );
    expect_invalid(op.request(&ep()), "proposed_new_time.end");
}

#[test]
fn forward_event() {
    // The docs write `ToRecipients` and `Comment`; Graph reads property names without regard to
    // case, and the core sends them as the schema spells them.
    let docs = request_body("event-forward");
    let sent = json!({ "toRecipients": docs["ToRecipients"], "comment": docs["Comment"] });
    let args = json!({ "event_id": E, "to_recipients": docs["ToRecipients"], "comment": docs["Comment"] });
    post(|m| op_on::<ForwardEvent>(&m, args.clone()), "forward", Some(sent), 202);
    let none: ForwardEvent = op_on(&Mailbox::Me, json!({ "event_id": E, "to_recipients": [], "comment": null }));
    expect_invalid(none.request(&ep()), "to_recipients");
}

#[test]
fn cancel_event() {
    let docs = request_body("event-cancel");
    let args = json!({ "event_id": E, "comment": docs["Comment"] });
    post(|m| op_on::<CancelEvent>(&m, args.clone()), "cancel", Some(json!({ "comment": docs["Comment"] })), 202);
}

#[test]
fn snooze_reminder() {
    // The docs' body is placeholders ("dateTime-value", "timeZone-value"): refused, naming the field.
    let docs = request_body("event-snoozereminder");
    let placeholder: SnoozeReminder =
        op_on(&Mailbox::Me, json!({ "event_id": E, "new_reminder_time": docs["newReminderTime"] }));
    let why = expect_invalid(placeholder.request(&ep()), "new_reminder_time.date_time");
    assert!(why.contains("dateTime-value"), "{why}");
    let time = DateTimeTimeZone {
        date_time: Some("2017-04-15T13:00:00".into()),
        time_zone: Some("Pacific Standard Time".into()),
        ..Default::default()
    };
    let body = json!({ "newReminderTime": { "dateTime": "2017-04-15T13:00:00", "timeZone": "Pacific Standard Time" } });
    post(
        |mailbox| SnoozeReminder { mailbox, event_id: E.into(), new_reminder_time: time.clone() },
        "snoozeReminder",
        Some(body),
        200,
    );
}

#[test]
fn dismiss_reminder() {
    post(|mailbox| DismissReminder { mailbox, event_id: E.into() }, "dismissReminder", None, 200);
}
