//! Calendar operations: windows as typed date-times, the default calendar, group calendars,
//! scheduling bodies, and the bad events refused before any request exists.
mod common;

use common::cases_calendar::{event, CAL, E};
use common::*;
use o365kit::model::{DateTimeTimeZone, Event, PatternedRecurrence, TimeSlot};
use o365kit::ops::*;
use o365kit::{DateTime, Error, Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

fn body(req: &o365kit::Request) -> Value {
    serde_json::from_slice(req.body.as_deref().expect("a body")).expect("JSON body")
}

fn invalid(e: Error) -> (String, String) {
    match e {
        Error::InvalidInput { param, why } => (param, why),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

fn at(s: &str) -> DateTime {
    DateTime::parse("test", s).unwrap()
}

#[test]
fn calendar_view_takes_its_window_as_parameters() {
    let op = ListCalendarView {
        mailbox: Mailbox::Me,
        start: at("2026-03-01T00:00:00Z"),
        end: at("2026-03-08T00:00:00+01:00"),
        query: Query::new().select(["subject"]).timezone("Europe/Paris"),
    };
    let req = op.request(&ep()).unwrap();
    assert_eq!(
        req.url,
        format!("{BASE}/me/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-08T00:00:00%2B01:00&$select=subject")
    );
    assert_eq!(req.header_value("Prefer"), Some("outlook.timezone=\"Europe/Paris\""));
    let backwards = ListCalendarView { start: at("2026-03-08T00:00:00Z"), end: at("2026-03-01T00:00:00Z"), ..op };
    assert_eq!(invalid(backwards.request(&ep()).unwrap_err()).0, "end");
}

#[test]
fn window_times_need_an_offset() {
    let (param, why) = invalid(DateTime::parse("start", "2026-03-01T09:00:00").unwrap_err());
    assert_eq!(param, "start");
    assert!(why.contains("no offset"), "{why}");
    let args = json!({ "start": "2026-03-01T09:00:00", "end": "2026-03-02T09:00:00Z", "query": {} });
    let err = serde_json::from_value::<ListCalendarView>(args).unwrap_err().to_string();
    assert!(err.contains("no offset"), "{err}");
    assert!(DateTime::parse("start", "2026-02-30T09:00:00Z").is_err());
}

#[test]
fn reminder_view_puts_the_window_in_the_function_call() {
    let op = ReminderView {
        mailbox: Mailbox::Me,
        start: at("2017-06-05T10:00:00Z"),
        end: at("2017-06-11T11:00:00Z"),
        query: Query::new(),
    };
    assert_eq!(
        op.request(&ep()).unwrap().url,
        format!("{BASE}/me/reminderView(startDateTime='2017-06-05T10:00:00Z',endDateTime='2017-06-11T11:00:00Z')")
    );
}

#[test]
fn the_default_calendar_or_one_by_id() {
    let get = |calendar_id: Option<&str>| GetCalendar {
        mailbox: Mailbox::Me,
        calendar_id: calendar_id.map(Into::into),
        query: Query::new(),
    };
    assert_eq!(get(None).request(&ep()).unwrap().url, format!("{BASE}/me/calendar"));
    assert_eq!(get(Some(CAL)).request(&ep()).unwrap().url, format!("{BASE}/me/calendars/AAMkAGI2TGuLAAA%3D"));
    let shared =
        ListCalendarPermissions { mailbox: Mailbox::user("adele@contoso.com"), calendar_id: None, query: Query::new() };
    assert_eq!(
        shared.request(&ep()).unwrap().url,
        format!("{BASE}/users/adele%40contoso.com/calendar/calendarPermissions")
    );
}

#[test]
fn group_calendars_live_under_the_group() {
    let ev: Event = serde_json::from_value(event()).unwrap();
    let req = CreateGroupEvent { group_id: G.into(), event: ev }.request(&ep()).unwrap();
    assert_eq!((req.method, req.url.clone()), (Method::Post, format!("{BASE}/groups/{G}/events")));
    assert_eq!(body(&req)["start"], json!({ "dateTime": "2017-04-15T12:00:00", "timeZone": "Pacific Standard Time" }));
}

#[test]
fn responses_send_only_what_is_given() {
    let op = AcceptEvent { mailbox: Mailbox::Me, event_id: E.into(), comment: None, send_response: Some(false) };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/me/events/AAMkAGI1AAAt9AHjAAA%3D/accept"));
    assert_eq!(body(&req), json!({ "sendResponse": false }));
    let slot: TimeSlot = serde_json::from_value(json!({
        "start": { "dateTime": "2026-03-02T10:00:00", "timeZone": "UTC" },
        "end": { "dateTime": "2026-03-02T09:00:00", "timeZone": "UTC" }
    }))
    .unwrap();
    let decline = DeclineEvent {
        mailbox: Mailbox::Me,
        event_id: E.into(),
        comment: None,
        send_response: None,
        proposed_new_time: Some(slot),
    };
    assert_eq!(invalid(decline.request(&ep()).unwrap_err()).0, "proposed_new_time.end");
}

fn create(event: Value) -> Result<o365kit::Request, Error> {
    CreateEvent { mailbox: Mailbox::Me, event: serde_json::from_value(event).unwrap() }.request(&ep())
}

#[test]
fn bad_events_are_refused_naming_the_field() {
    let mut e = event();
    e["end"]["dateTime"] = json!("2017-04-15T11:00:00");
    assert_eq!(invalid(create(e).unwrap_err()).0, "event.end");
    let mut e = event();
    e["start"]["dateTime"] = json!("2017-04-15T12:00:00Z");
    assert_eq!(invalid(create(e).unwrap_err()).0, "event.start.date_time");
    let mut e = event();
    e["start"]["timeZone"] = json!(" ");
    assert_eq!(invalid(create(e).unwrap_err()).0, "event.start.time_zone");
    let mut e = event();
    e["attendees"][0]["emailAddress"] = json!({ "name": "No address" });
    assert_eq!(invalid(create(e).unwrap_err()).0, "event.attendees[0].email_address.address");
    let mut e = event();
    e.as_object_mut().unwrap().remove("end");
    assert_eq!(invalid(create(e).unwrap_err()).0, "event.end");
    assert!(create(event()).is_ok());
}

#[test]
fn recurrence_patterns_carry_what_their_type_needs() {
    let recurrence = |pattern: Value, range: Value| -> Result<(), (String, String)> {
        let r: PatternedRecurrence = serde_json::from_value(json!({ "pattern": pattern, "range": range })).unwrap();
        let mut e = event();
        e["recurrence"] = serde_json::to_value(r).unwrap();
        create(e).map(drop).map_err(invalid)
    };
    let range = json!({ "type": "endDate", "startDate": "2017-04-15", "endDate": "2017-06-30" });
    assert!(recurrence(json!({ "type": "weekly", "interval": 1, "daysOfWeek": ["monday"] }), range.clone()).is_ok());
    // Graph takes day names in any case (user-post-events sends "Monday" and answers "monday").
    assert!(recurrence(json!({ "type": "weekly", "interval": 1, "daysOfWeek": ["Monday"] }), range.clone()).is_ok());
    let cases = [
        (json!({ "type": "weekly", "interval": 1 }), range.clone(), "event.recurrence.pattern.days_of_week"),
        (
            json!({ "type": "weekly", "interval": 1, "daysOfWeek": ["mon"] }),
            range.clone(),
            "event.recurrence.pattern.days_of_week",
        ),
        (json!({ "type": "daily", "interval": 0 }), range.clone(), "event.recurrence.pattern.interval"),
        (json!({ "type": "absoluteMonthly", "interval": 1 }), range.clone(), "event.recurrence.pattern.day_of_month"),
        (
            json!({ "type": "absoluteYearly", "interval": 1, "dayOfMonth": 3 }),
            range.clone(),
            "event.recurrence.pattern.month",
        ),
        (json!({ "type": "hourly", "interval": 1 }), range.clone(), "event.recurrence.pattern.type"),
        (
            json!({ "type": "daily", "interval": 1 }),
            json!({ "type": "endDate", "startDate": "2017-04-15" }),
            "event.recurrence.range.end_date",
        ),
        (
            json!({ "type": "daily", "interval": 1 }),
            json!({ "type": "numbered", "startDate": "2017-04-15", "numberOfOccurrences": 0 }),
            "event.recurrence.range.number_of_occurrences",
        ),
        (
            json!({ "type": "daily", "interval": 1 }),
            json!({ "type": "noEnd", "startDate": "15/04/2017" }),
            "event.recurrence.range.start_date",
        ),
    ];
    for (pattern, range, param) in cases {
        assert_eq!(recurrence(pattern.clone(), range).unwrap_err().0, param, "{pattern}");
    }
}

#[test]
fn find_meeting_times_sends_the_constraints() {
    let op: FindMeetingTimes = serde_json::from_value(json!({
        "attendees": [{ "type": "required", "emailAddress": { "address": "alexw@contoso.com" } }],
        "meeting_duration": "PT1H", "max_candidates": 2, "time_constraint": null, "location_constraint": null,
        "is_organizer_optional": null, "return_suggestion_reasons": null, "minimum_attendee_percentage": null
    }))
    .unwrap();
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/me/findMeetingTimes"));
    assert_eq!(
        body(&req),
        json!({ "attendees": [{ "type": "required", "emailAddress": { "address": "alexw@contoso.com" } }], "meetingDuration": "PT1H", "maxCandidates": 2 })
    );
    let bad = FindMeetingTimes { meeting_duration: Some("1 hour".into()), ..op };
    assert_eq!(invalid(bad.request(&ep()).unwrap_err()).0, "meeting_duration");
}

#[test]
fn schedules_need_addresses_and_an_ordered_window() {
    let z = |t: &str| DateTimeTimeZone::new(t, "UTC");
    let op = GetSchedule {
        mailbox: Mailbox::Me,
        schedules: vec!["adelev@contoso.com".into()],
        start_time: z("2019-03-15T09:00:00"),
        end_time: z("2019-03-15T18:00:00"),
        availability_view_interval: Some(60),
    };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/me/calendar/getSchedule"));
    assert_eq!(body(&req)["availabilityViewInterval"], 60);
    let backwards = GetSchedule { end_time: z("2019-03-15T08:00:00"), ..op.clone() };
    assert_eq!(invalid(backwards.request(&ep()).unwrap_err()).0, "end_time");
    let nobody = GetSchedule { schedules: vec!["adele".into()], ..op };
    assert_eq!(invalid(nobody.request(&ep()).unwrap_err()).0, "schedules[0]");
}

#[test]
fn rooms_of_the_tenant_or_of_one_list() {
    let op = ListRooms { room_list: None, query: Query::new() };
    assert_eq!(op.request(&ep()).unwrap().url, format!("{BASE}/places/microsoft.graph.room"));
    let of = ListRooms { room_list: Some("bldg2@contoso.com".into()), query: Query::new() };
    assert_eq!(
        of.request(&ep()).unwrap().url,
        format!("{BASE}/places/bldg2%40contoso.com/microsoft.graph.roomlist/rooms")
    );
}

#[test]
fn events_round_trip_with_their_recurrence() {
    let wire = json!({
        "id": "e1", "type": "seriesMaster", "subject": "Standup", "isAllDay": false,
        "start": { "dateTime": "2026-03-02T09:00:00.0000000", "timeZone": "Europe/Paris" },
        "end": { "dateTime": "2026-03-02T09:15:00.0000000", "timeZone": "Europe/Paris" },
        "recurrence": {
            "pattern": { "type": "weekly", "interval": 1, "daysOfWeek": ["monday", "wednesday"], "firstDayOfWeek": "sunday", "index": "first", "month": 0, "dayOfMonth": 0 },
            "range": { "type": "noEnd", "startDate": "2026-03-02", "endDate": "0001-01-01", "recurrenceTimeZone": "Romance Standard Time", "numberOfOccurrences": 0 }
        },
        "location": { "displayName": "Room 1", "coordinates": { "latitude": 48.85, "longitude": 2.35 } },
        "onlineMeeting": null
    });
    let page = ListEvents { mailbox: Mailbox::Me, query: Query::new() }
        .parse(&ep(), json_response(200, serde_json::to_vec(&json!({ "value": [wire.clone()] })).unwrap()))
        .unwrap();
    let e = &page.value[0];
    assert_eq!(e.type_.as_deref(), Some("seriesMaster"));
    assert_eq!(e.location.as_ref().unwrap().coordinates.as_ref().unwrap().latitude, Some(48.85));
    assert_eq!(serde_json::to_value(e).unwrap(), wire);
}

#[test]
fn a_group_is_a_mailbox_too() {
    let group = Mailbox::user(format!("groups/{G}"));
    assert_eq!(group, Mailbox::group(G));
    assert_eq!(group.to_string(), format!("groups/{G}"));
    let op = AcceptEvent { mailbox: group, event_id: E.into(), comment: None, send_response: None };
    assert_eq!(op.request(&ep()).unwrap().url, format!("{BASE}/groups/{G}/events/AAMkAGI1AAAt9AHjAAA%3D/accept"));
    let view = ListCalendarView {
        mailbox: Mailbox::group(G),
        start: at("2026-03-01T00:00:00Z"),
        end: at("2026-03-02T00:00:00Z"),
        query: Query::new(),
    };
    assert!(view.request(&ep()).unwrap().url.starts_with(&format!("{BASE}/groups/{G}/calendarView?")));
    assert_eq!(serde_json::to_value(Mailbox::group("g1")).unwrap(), json!("groups/g1"));
    assert_eq!(serde_json::from_value::<Mailbox>(json!("groups/g1")).unwrap(), Mailbox::group("g1"));
}
