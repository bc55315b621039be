//! The Graph v1.0 docs' examples for events (user-list-events, calendar-list-events, event-get,
//! user-post-events, calendar-post-events, event-update, event-delete): the request built from the
//! docs' values equals the docs' request, and the docs' response parses and round-trips (see
//! `common::docs`). Where the docs write `{id}`, the sample ids of `cases_calendar` stand in.
mod common;

use common::cases_calendar::{CAL, E};
use common::docs::*;
use common::*;
use o365kit::model::Event;
use o365kit::ops::*;
use o365kit::{Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

fn request_body(page: &str, n: usize) -> Value {
    fixture(&format!("calendar/requests/{page}.{n}.json"))
}

#[test]
fn list_events() {
    let query = Query::new()
        .select(["subject", "body", "bodyPreview", "organizer", "attendees", "start", "end", "location"])
        .timezone("Pacific Standard Time");
    let make = |mailbox| ListEvents { mailbox, query: query.clone() };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Get,
            path: "/events?$select=subject,body,bodyPreview,organizer,attendees,start,end,location",
            body: None,
        },
    );
    let req = make(Mailbox::Me).request(&ep()).unwrap();
    assert_eq!(req.header_value("prefer"), Some("outlook.timezone=\"Pacific Standard Time\""));
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/list_events.json");
    let e = &page.value[0];
    assert_eq!(e.subject.as_deref(), Some("Orientation "));
    assert_eq!(e.start.as_ref().unwrap().time_zone.as_deref(), Some("Pacific Standard Time"));
    assert_eq!(e.attendees.as_ref().unwrap().len(), 2);
}

#[test]
fn list_calendar_events() {
    // The docs' example lists the default calendar (`/me/calendar/events`); the operation takes a
    // calendar id, so the docs' other route, `/me/calendars/{id}/events`, is the one checked.
    let make = |mailbox| ListCalendarEvents { mailbox, calendar_id: CAL.into(), query: Query::new() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Get, path: &format!("/calendars/{CAL}/events"), body: None },
    );
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/list_calendar_events.json");
    // The docs' answer is placeholders ("datetime-value" as a time): a listing keeps them as text.
    assert_eq!(page.value[0].i_cal_u_id.as_deref(), Some("iCalUId-value"));
    assert_eq!(page.value[0].response_status.as_ref().unwrap().time.as_deref(), Some("datetime-value"));
}

#[test]
fn get_event() {
    let make = |id: &'static str, select: &'static [&'static str]| {
        move |mailbox| GetEvent { mailbox, event_id: id.into(), query: Query::new().select(select.iter().copied()) }
    };
    const ONE: &[&str] =
        &["subject", "body", "bodyPreview", "organizer", "attendees", "start", "end", "location", "hideAttendees"];
    assert_docs_request(
        make("AAMkAGIAAAoZDOFAAA=", ONE),
        DocsRequest {
            method: Method::Get,
            path: &format!("/events/AAMkAGIAAAoZDOFAAA=?$select={}", ONE.join(",")),
            body: None,
        },
    );
    let e = parse_docs_response(&make("AAMkAGIAAAoZDOFAAA=", ONE)(Mailbox::Me), 200, "calendar/get_event.json");
    assert_eq!(e.hide_attendees, Some(false));
    let tentative = &e.attendees.as_ref().unwrap()[1];
    assert_eq!(tentative.status.as_ref().unwrap().response.as_deref(), Some("tentativelyAccepted"));
    let proposed = tentative.proposed_new_time.as_ref().unwrap();
    assert_eq!(proposed.start.as_ref().unwrap().date_time.as_deref(), Some("2019-08-16T12:00:00.0000000"));

    const TWO: &[&str] =
        &["subject", "body", "bodyPreview", "organizer", "attendees", "start", "end", "location", "locations"];
    assert_docs_request(
        make("AAMkADAGAADDdm4NAAA=", TWO),
        DocsRequest {
            method: Method::Get,
            path: &format!("/events/AAMkADAGAADDdm4NAAA=?$select={}", TWO.join(",")),
            body: None,
        },
    );
    let e =
        parse_docs_response(&make("AAMkADAGAADDdm4NAAA=", TWO)(Mailbox::Me), 200, "calendar/get_event_locations.json");
    assert!(e.locations.as_ref().unwrap().len() > 1);
}

fn create(page: &str, n: usize, fixture_name: &str) -> Event {
    let docs = request_body(page, n);
    let event: Event = serde_json::from_value(docs.clone()).expect("the docs' event is an Event");
    let make = |mailbox| CreateEvent { mailbox, event: event.clone() };
    assert_docs_request(make, DocsRequest { method: Method::Post, path: "/events", body: Some(docs) });
    parse_docs_response(&make(Mailbox::Me), 201, fixture_name)
}

#[test]
fn create_event() {
    let e = create("user-post-events", 0, "calendar/create_event.json");
    assert_eq!(e.subject.as_deref(), Some("Let's go brunch"));
    assert_eq!(e.allow_new_time_proposals, Some(true));
    let e = create("user-post-events", 2, "calendar/create_event_locations.json");
    assert!(e.locations.as_ref().unwrap().len() > 1);
    let e = create("user-post-events", 4, "calendar/create_event_attendees.json");
    assert!(e.attendees.is_some());
    let e = create("user-post-events", 6, "calendar/create_event_online.json");
    assert_eq!(e.is_online_meeting, Some(true));
    assert!(e.online_meeting.as_ref().unwrap().join_url.is_some());
}

#[test]
fn create_calendar_event() {
    for (n, id, name) in [
        (0, "AAMkAGViNDU7zAAAAAGtlAAA=", "calendar/create_calendar_event.json"),
        (2, "AAMkAGViNDU9zAAAAAGtlAAA=", "calendar/create_calendar_event_online.json"),
    ] {
        let docs = request_body("calendar-post-events", n);
        let event: Event = serde_json::from_value(docs.clone()).unwrap();
        let make = |mailbox| CreateCalendarEvent { mailbox, calendar_id: id.into(), event: event.clone() };
        assert_docs_request(
            make,
            DocsRequest { method: Method::Post, path: &format!("/calendars/{id}/events"), body: Some(docs) },
        );
        let e = parse_docs_response(&make(Mailbox::Me), 201, name);
        assert!(e.id.is_some());
    }
}

#[test]
fn update_event() {
    // The docs' body holds placeholders ("datetime-value", an empty response): an update sends what
    // it is given, so the body goes out as the docs write it.
    let docs = request_body("event-update", 0);
    let event: Event = serde_json::from_value(docs.clone()).unwrap();
    let make = |mailbox| UpdateEvent { mailbox, event_id: E.into(), event: event.clone() };
    assert_docs_request(make, DocsRequest { method: Method::Patch, path: &format!("/events/{E}"), body: Some(docs) });
    let e = parse_docs_response(&make(Mailbox::Me), 200, "calendar/update_event.json");
    // The docs' answer does not echo the categories it set.
    assert_eq!((e.reminder_minutes_before_start, e.categories.as_ref()), (Some(99), None));
}

#[test]
fn delete_event() {
    let make = |mailbox| DeleteEvent { mailbox, event_id: E.into() };
    assert_docs_request(make, DocsRequest { method: Method::Delete, path: &format!("/events/{E}"), body: None });
    make(Mailbox::Me).parse(&ep(), empty_response(204)).unwrap();
}

#[test]
fn a_created_event_takes_the_docs_body_from_bindings_arguments() {
    let docs = request_body("user-post-events", 0);
    let op: CreateEvent = op_on(&Mailbox::Me, json!({ "event": docs.clone() }));
    assert_eq!(json_body(&op.request(&ep()).unwrap()), docs);
}
