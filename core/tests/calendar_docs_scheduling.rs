//! The Graph v1.0 docs' examples for scheduling (user-findmeetingtimes, calendar-getschedule,
//! place-list): requests built from the docs' values equal the docs' requests; the docs'
//! responses parse and round-trip (see `common::docs`).
mod common;

use common::docs::*;
use common::*;
use o365kit::ops::*;
use o365kit::{Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

fn request_body(page: &str) -> Value {
    fixture(&format!("calendar/requests/{page}.0.json"))
}

#[test]
fn find_meeting_times() {
    // The docs send "isOrganizerOptional": "false", "returnSuggestionReasons": "true" and
    // "minimumAttendeePercentage": "100" as strings; the operation takes a bool, a bool and a
    // number, and sends them as JSON booleans and a number.
    let docs = request_body("user-findmeetingtimes");
    assert_eq!(
        (&docs["isOrganizerOptional"], &docs["returnSuggestionReasons"], &docs["minimumAttendeePercentage"]),
        (&json!("false"), &json!("true"), &json!("100"))
    );
    let mut sent = docs.clone();
    sent["isOrganizerOptional"] = json!(false);
    sent["returnSuggestionReasons"] = json!(true);
    sent["minimumAttendeePercentage"] = json!(100.0);
    let args = json!({
        "attendees": docs["attendees"],
        "location_constraint": docs["locationConstraint"],
        "time_constraint": docs["timeConstraint"],
        "meeting_duration": docs["meetingDuration"],
        "max_candidates": null,
        "is_organizer_optional": false,
        "return_suggestion_reasons": true,
        "minimum_attendee_percentage": 100.0,
    });
    let make = |m: Mailbox| op_on::<FindMeetingTimes>(&m, args.clone());
    assert_docs_request(make, DocsRequest { method: Method::Post, path: "/findMeetingTimes", body: Some(sent) });
    // `confidence` is a Double: the docs' 100 comes back as 100.0, the same number; everything
    // else round-trips exactly.
    let wire = fixture("calendar/find_meeting_times.json");
    let r = make(Mailbox::Me).parse(&ep(), json_response(200, serde_json::to_vec(&wire).unwrap())).unwrap();
    let mut back = serde_json::to_value(&r).unwrap();
    for s in back["meetingTimeSuggestions"].as_array_mut().unwrap() {
        assert_eq!(s["confidence"], json!(100.0));
        s["confidence"] = json!(100);
    }
    assert_eq!(back, wire);
    assert_eq!(r.empty_suggestions_reason.as_deref(), Some(""));
    let s = &r.meeting_time_suggestions.as_ref().unwrap()[0];
    assert_eq!((s.confidence, s.order, s.organizer_availability.as_deref()), (Some(100.0), Some(1), Some("free")));
    let slot = s.meeting_time_slot.as_ref().unwrap();
    assert_eq!(slot.start.as_ref().unwrap().date_time.as_deref(), Some("2019-04-18T16:00:00.0000000"));
    // The docs' "PT1H" is checked as an ISO 8601 duration; "1 hour" is refused.
    let mut bad = args.clone();
    bad["meeting_duration"] = json!("1 hour");
    expect_invalid(op_on::<FindMeetingTimes>(&Mailbox::Me, bad).request(&ep()), "meeting_duration");
}

#[test]
fn get_schedule() {
    let docs = request_body("calendar-getschedule");
    let args = json!({
        "schedules": docs["schedules"],
        "start_time": docs["startTime"],
        "end_time": docs["endTime"],
        "availability_view_interval": docs["availabilityViewInterval"],
    });
    let make = |m: Mailbox| op_on::<GetSchedule>(&m, args.clone());
    assert_docs_request(make, DocsRequest { method: Method::Post, path: "/calendar/getSchedule", body: Some(docs) });
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/get_schedule.json");
    let adele = &page.value[0];
    assert_eq!(adele.availability_view.as_deref(), Some("000220000"));
    assert_eq!(adele.schedule_items.as_ref().unwrap()[0].status.as_deref(), Some("busy"));
    let hours = adele.working_hours.as_ref().unwrap();
    assert_eq!(hours.days_of_week.as_ref().unwrap().len(), 5);
}

#[test]
fn list_rooms_and_room_lists() {
    let rooms = || ListRooms { room_list: None, query: Query::new() };
    let lists = || ListRoomLists { query: Query::new() };
    let of_list = || ListRooms { room_list: Some("bldg2@contoso.com".into()), query: Query::new() };
    for (req, path) in [
        (rooms().request(&ep()), "/places/microsoft.graph.room"),
        (lists().request(&ep()), "/places/microsoft.graph.roomlist"),
        (of_list().request(&ep()), "/places/bldg2@contoso.com/microsoft.graph.roomlist/rooms"),
    ] {
        assert_request(&req.unwrap(), BASE, "", &DocsRequest { method: Method::Get, path, body: None });
    }
    let page = parse_docs_response(&rooms(), 200, "calendar/list_rooms.json");
    let r = &page.value[0];
    assert_eq!(
        (r.email_address.as_deref(), r.capacity, r.floor_number),
        (Some("cf100@contoso.com"), Some(50), Some(1))
    );
    assert_eq!(r.tags.as_deref(), Some(&["bean bags".to_string()][..]));
    assert_eq!(r.audio_device_name, None);
    let page = parse_docs_response(&lists(), 200, "calendar/list_room_lists.json");
    assert_eq!(page.value[1].email_address.as_deref(), Some("bldg2@contoso.com"));
    // The docs spell it "geocoordinates" here (`geoCoordinates` for rooms): kept as an extra.
    assert_eq!(page.value[0].geo_coordinates, None);
    assert_eq!(page.value[0].extra["geocoordinates"], Value::Null);
    let page = parse_docs_response(&of_list(), 200, "calendar/list_rooms_of_list.json");
    assert_eq!(page.value[0].building.as_deref(), Some("2"));
}
