//! The Graph v1.0 docs' examples for time windows (user-list-calendarview,
//! calendar-list-calendarview, event-list-instances, user-reminderview, group-list-calendarview):
//! the request built from the docs' values equals the docs' request, and the docs' response parses
//! and round-trips (see `common::docs`). Two docs examples give a window without an offset, which
//! the core refuses (its meaning depends on a zone nobody named); they are checked with `Z` added.
mod common;

use common::cases_calendar::{CAL, E};
use common::docs::*;
use common::*;
use o365kit::ops::*;
use o365kit::{DateTime, Mailbox, Method, Operation, Query};

fn at(text: &str) -> DateTime {
    DateTime::parse("start", text).expect("an RFC 3339 time with an offset")
}

#[test]
fn list_calendar_view() {
    let (start, end) = (at("2020-01-01T19:00:00-08:00"), at("2020-01-02T19:00:00-08:00"));
    let make = |mailbox| ListCalendarView { mailbox, start: start.clone(), end: end.clone(), query: Query::new() };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Get,
            path: "/calendarView?startDateTime=2020-01-01T19:00:00-08:00&endDateTime=2020-01-02T19:00:00-08:00",
            body: None,
        },
    );
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/list_calendar_view.json");
    assert_eq!(page.value[0].reminder_minutes_before_start, Some(15));
}

#[test]
fn a_positive_offset_is_sent_escaped() {
    // `+` in a query string would be read as a space.
    let (start, end) = (at("2020-01-01T19:00:00+01:00"), at("2020-01-02T19:00:00+01:00"));
    let req = ListCalendarView { mailbox: Mailbox::Me, start, end, query: Query::new() }.request(&ep()).unwrap();
    assert!(
        req.url.ends_with("?startDateTime=2020-01-01T19:00:00%2B01:00&endDateTime=2020-01-02T19:00:00%2B01:00"),
        "{}",
        req.url
    );
    assert!(!req.url.contains('+'), "{}", req.url);
}

#[test]
fn list_calendar_view_of() {
    // The docs' example reads the default calendar (`/me/calendar/calendarView`); the operation
    // takes a calendar id, so the docs' other route, `/me/calendars/{id}/calendarView`, is checked.
    let (start, end) = (at("2017-01-01T19:00:00-08:00"), at("2017-01-07T19:00:00-08:00"));
    let make = |mailbox| ListCalendarViewOf {
        mailbox,
        calendar_id: CAL.into(),
        start: start.clone(),
        end: end.clone(),
        query: Query::new(),
    };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Get,
            path: &format!(
                "/calendars/{CAL}/calendarView?startDateTime=2017-01-01T19:00:00-08:00&endDateTime=2017-01-07T19:00:00-08:00"
            ),
            body: None,
        },
    );
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/list_calendar_view_of.json");
    assert!(!page.value.is_empty());
}

#[test]
fn list_event_instances() {
    // Docs: ?startDateTime=2019-04-08T09:00:00.0000000&endDateTime=2019-04-30T09:00:00.0000000
    let why = expect_invalid(DateTime::parse("start", "2019-04-08T09:00:00.0000000"), "start");
    assert!(why.contains("2019-04-08T09:00:00.0000000"), "{why}");
    let (start, end) = (at("2019-04-08T09:00:00.0000000Z"), at("2019-04-30T09:00:00.0000000Z"));
    let select = ["subject", "bodyPreview", "seriesMasterId", "type", "recurrence", "start", "end"];
    let make = |mailbox| ListEventInstances {
        mailbox,
        event_id: "AAMkAGUzYRgWAAA=".into(),
        start: start.clone(),
        end: end.clone(),
        query: Query::new().select(select),
    };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Get,
            path: "/events/AAMkAGUzYRgWAAA=/instances?startDateTime=2019-04-08T09:00:00.0000000Z\
                   &endDateTime=2019-04-30T09:00:00.0000000Z\
                   &$select=subject,bodyPreview,seriesMasterId,type,recurrence,start,end",
            body: None,
        },
    );
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/list_event_instances.json");
    let types: Vec<_> = page.value.iter().map(|e| e.type_.as_deref().unwrap()).collect();
    assert!(types.iter().all(|t| matches!(*t, "occurrence" | "exception")), "{types:?}");
    assert!(types.contains(&"exception"));
    assert!(page.value.iter().all(|e| e.series_master_id.is_some()));
    // A reversed window is refused before anything is sent.
    let reversed = ListEventInstances {
        mailbox: Mailbox::Me,
        event_id: E.into(),
        start: end.clone(),
        end: start.clone(),
        query: Query::new(),
    };
    expect_invalid(reversed.request(&ep()), "end");
}

#[test]
fn reminder_view() {
    // Docs: reminderView(startDateTime='2017-06-05T10:00:00.0000000',endDateTime='2017-06-11T11:00:00.0000000')
    expect_invalid(DateTime::parse("start", "2017-06-05T10:00:00.0000000"), "start");
    let (start, end) = (at("2017-06-05T10:00:00.0000000Z"), at("2017-06-11T11:00:00.0000000Z"));
    let make = |mailbox| ReminderView { mailbox, start: start.clone(), end: end.clone(), query: Query::new() };
    assert_docs_request(
        make,
        DocsRequest {
            method: Method::Get,
            path:
                "/reminderView(startDateTime='2017-06-05T10:00:00.0000000Z',endDateTime='2017-06-11T11:00:00.0000000Z')",
            body: None,
        },
    );
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/reminder_view.json");
    let r = &page.value[0];
    assert!(r.event_id.is_some());
    assert!(r.reminder_fire_time.as_ref().unwrap().date_time.is_some());
}

#[test]
fn list_group_calendar_view() {
    // Docs: endDateTime=2017-10-01T19:00:00.00-08:00 (two fraction digits, kept as written).
    let (start, end) = (at("2017-01-01T19:00:00-08:00"), at("2017-10-01T19:00:00.00-08:00"));
    let make =
        || ListGroupCalendarView { group_id: G.into(), start: start.clone(), end: end.clone(), query: Query::new() };
    let req = make().request(&ep()).unwrap();
    assert_request(
        &req,
        BASE,
        "",
        &DocsRequest {
            method: Method::Get,
            path: &format!("/groups/{G}/calendarView?startDateTime=2017-01-01T19:00:00-08:00&endDateTime=2017-10-01T19:00:00.00-08:00"),
            body: None,
        },
    );
    let page = parse_docs_response(&make(), 200, "calendar/list_group_calendar_view.json");
    assert!(!page.value.is_empty());
}
