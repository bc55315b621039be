//! getSchedule, findMeetingTimes, rooms and room lists, answered from the seed's real calendars
//! (the Monday team meeting is 08:00-08:45 UTC in June, in Room A-101).

mod common;
use common::*;
use serde_json::{json, Value};

fn utc(s: &str) -> Value {
    json!({ "dateTime": s, "timeZone": "UTC" })
}

#[test]
fn rooms_and_room_lists_come_from_the_fixture() {
    let emu = Emu::start();
    let rooms = emu.get(MEMBER, "/v1.0/places/microsoft.graph.room").json();
    let list = rooms["value"].as_array().unwrap();
    assert_eq!(list.len(), 4);
    assert!(list.iter().all(|r| r["@odata.type"] == "#microsoft.graph.room" && r["emailAddress"].is_string()));
    assert!(rooms["@odata.context"].as_str().unwrap().ends_with("$metadata#places/microsoft.graph.room"));
    let lists = emu.get(MEMBER, "/v1.0/places/microsoft.graph.roomlist").json();
    let names: Vec<&str> =
        lists["value"].as_array().unwrap().iter().map(|l| l["displayName"].as_str().unwrap()).collect();
    assert_eq!(names, ["Building A", "Building B"]);
    let b = emu
        .get(MEMBER, "/v1.0/places/building-b@contoso.test/microsoft.graph.roomlist/rooms?$select=displayName,capacity")
        .json();
    let b_rooms: Vec<(&str, i64)> = b["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["displayName"].as_str().unwrap(), r["capacity"].as_i64().unwrap()))
        .collect();
    assert_eq!(b_rooms, [("Room B-100 Seine", 4), ("Room B-300 Atelier", 30)]);
    assert_eq!(emu.get(MEMBER, "/v1.0/places/nowhere@contoso.test/microsoft.graph.roomlist/rooms").status, 404);
}

#[test]
fn get_schedule_reports_real_free_busy_for_people_and_rooms() {
    let emu = Emu::start();
    let body = json!({
        "schedules": [MEMBER, "room-a101@contoso.test", "room-b100@contoso.test", "ghost@contoso.test"],
        "startTime": utc("2025-06-02T08:00:00"), "endTime": utc("2025-06-02T10:00:00"), "availabilityViewInterval": 30,
    });
    let r = emu.call(OWNER, "POST", "/v1.0/me/calendar/getSchedule", Some(&body.to_string()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert!(v["@odata.context"]
        .as_str()
        .unwrap()
        .ends_with("$metadata#Collection(microsoft.graph.scheduleInformation)"));
    let views: Vec<&str> =
        v["value"].as_array().unwrap().iter().map(|s| s["availabilityView"].as_str().unwrap()).collect();
    assert_eq!(views, ["2200", "2200", "0000", ""]);
    let member = &v["value"][0];
    assert_eq!(member["scheduleItems"][0]["subject"], "Marketing team weekly");
    assert_eq!(member["scheduleItems"][0]["start"]["dateTime"], "2025-06-02T08:00:00.0000000");
    assert_eq!(member["workingHours"]["startTime"], "08:00:00.0000000");
    assert_eq!(v["value"][3]["error"]["responseCode"], "ErrorMailRecipientNotFound");
}

fn find(emu: &Emu, start: &str, end: &str) -> Value {
    let body = json!({
        "attendees": [ { "type": "required", "emailAddress": { "address": MEMBER } }, { "type": "required", "emailAddress": { "address": OUTSIDER } } ],
        "timeConstraint": { "activityDomain": "unrestricted", "timeSlots": [ { "start": utc(start), "end": utc(end) } ] },
        "meetingDuration": "PT1H", "maxCandidates": 3, "returnSuggestionReasons": true,
    });
    let r = emu.call(OWNER, "POST", "/v1.0/me/findMeetingTimes", Some(&body.to_string()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    r.json()
}

#[test]
fn find_meeting_times_avoids_busy_time() {
    let emu = Emu::start();
    let v = find(&emu, "2025-06-02T08:00:00", "2025-06-02T10:00:00");
    assert!(v["@odata.context"].as_str().unwrap().ends_with("$metadata#microsoft.graph.meetingTimeSuggestionsResult"));
    assert_eq!(v["emptySuggestionsReason"], "");
    let s = v["meetingTimeSuggestions"].as_array().unwrap();
    assert_eq!(s.len(), 1, "{v}");
    assert_eq!(s[0]["meetingTimeSlot"]["start"]["dateTime"], "2025-06-02T09:00:00.0000000");
    assert_eq!(s[0]["confidence"], 100.0);
    assert_eq!(s[0]["organizerAvailability"], "free");
    assert!(s[0]["attendeeAvailability"].as_array().unwrap().iter().all(|a| a["availability"] == "free"));
    assert!(s[0]["suggestionReason"].as_str().unwrap().contains("all attendees"));

    let busy = find(&emu, "2025-06-02T08:00:00", "2025-06-02T09:00:00");
    assert_eq!(busy["emptySuggestionsReason"], "OrganizerUnavailable");
    assert!(busy["meetingTimeSuggestions"].as_array().unwrap().is_empty());
}

/// Found by fuzzing (`fuzz/`, target `emulator_request`): a getSchedule window to the year 4050
/// expanded every series in it (200 MB for one request). Graph answers at most 62 days.
#[test]
fn get_schedule_refuses_windows_over_62_days_as_graph_does() {
    let emu = Emu::start();
    let ask = |end: &str| {
        let body = json!({ "schedules": ["owner@contoso.test"], "startTime": utc("2026-01-01T00:00:00"),
                           "endTime": utc(end), "availabilityViewInterval": 60 });
        emu.call(OWNER, "POST", "/v1.0/me/calendar/getSchedule", Some(&body.to_string()))
    };
    for (end, days) in [("2026-03-05T00:00:00", 63), ("4050-01-02T00:00:00", 739_252)] {
        let r = ask(end);
        assert_eq!(r.status, 400, "{end}");
        let e = r.error();
        assert_eq!(e["code"], "ErrorTimeIntervalTooBig");
        assert_eq!(
            e["message"],
            format!("The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = 62 days; the actual limit = {days} days.")
        );
    }
    assert_eq!(ask("2026-03-04T00:00:00").status, 200);
}
