//! The seed's calendars: a weekly team meeting with its attendees' copies, all-day events,
//! events written in several zones, a hostile HTML body kept as written, and a group's week.

mod common;
use common::*;
use serde_json::Value;

fn view(emu: &Emu, user: &str, target: &str) -> Vec<Value> {
    emu.pages(user, target).into_iter().flatten().collect()
}

#[test]
fn the_group_week_has_its_stand_ups_and_the_team_meeting_reaches_attendees() {
    let emu = Emu::start();
    let week = "startDateTime=2025-05-19T00:00:00Z&endDateTime=2025-05-26T00:00:00Z";
    let group = view(&emu, OUTSIDER, &format!("/v1.0/groups/{PUBLIC}/calendarView?{week}"));
    let subjects: Vec<&str> = group.iter().map(|e| e["subject"].as_str().unwrap()).collect();
    assert_eq!(subjects, ["Brand workshop", "Campaign stand-up", "Campaign stand-up"]);
    // 09:30 New York daylight time is 13:30 UTC; the workshop is 13:00 London summer time.
    assert_eq!(group[1]["start"]["dateTime"], "2025-05-20T13:30:00.0000000");
    assert_eq!(group[0]["start"]["dateTime"], "2025-05-20T12:00:00.0000000");
    assert!(group[0]["body"]["content"].as_str().unwrap().contains("onerror"), "bodies are stored as written");

    let member = view(&emu, MEMBER, &format!("/v1.0/me/calendarView?{week}"));
    let weekly = member.iter().find(|e| e["subject"] == "Marketing team weekly").expect("the attendee's occurrence");
    assert_eq!(weekly["start"]["dateTime"], "2025-05-19T08:00:00.0000000");
    assert_eq!(weekly["isOrganizer"], false);
    assert_eq!(weekly["type"], "occurrence");
}

#[test]
fn all_day_and_cross_zone_events_read_back() {
    let emu = Emu::start();
    let flight = emu.get(MEMBER, "/v1.0/me/events/AAMkAGMemberFlight0001").json();
    assert_eq!(flight["start"]["dateTime"], "2025-06-10T10:00:00.0000000");
    assert_eq!(flight["end"]["dateTime"], "2025-06-10T18:05:00.0000000");
    assert_eq!(
        (flight["originalStartTimeZone"].as_str(), flight["originalEndTimeZone"].as_str()),
        (Some("Europe/London"), Some("America/New_York"))
    );
    let launch = emu.get(OWNER, "/v1.0/me/events/AAMkAGOwnerLaunchDay0001").json();
    assert_eq!(launch["isAllDay"], true);
    let cals = emu.get(OWNER, "/v1.0/me/calendars").json();
    assert_eq!(cals["value"].as_array().unwrap().len(), 2);
    let quarterly = view(&emu, OUTSIDER, "/v1.0/me/events/AAMkAGOutsiderQuarterly0001/instances?startDateTime=2025-01-01T00:00:00Z&endDateTime=2026-01-01T00:00:00Z");
    let dates: Vec<&str> = quarterly.iter().map(|e| &e["start"]["dateTime"].as_str().unwrap()[..10]).collect();
    assert_eq!(dates, ["2025-01-06", "2025-04-07", "2025-07-07", "2025-10-06"]);
}

#[test]
fn all_day_events_keep_their_dates_in_every_zone() {
    let emu = Emu::start();
    for zone in ["UTC", "Pacific/Auckland", "America/Los_Angeles"] {
        let auth = format!("Bearer emulator:{MEMBER}");
        let pref = format!("outlook.timezone=\"{zone}\"");
        let r = send(
            &emu.base(),
            "GET",
            "/v1.0/me/events/AAMkAGMemberVacation0001",
            &[("Authorization", &auth), ("Prefer", &pref)],
            None,
        );
        let v = r.json();
        assert_eq!(v["start"], serde_json::json!({ "dateTime": "2025-08-04T00:00:00.0000000", "timeZone": zone }));
        assert_eq!(v["end"]["dateTime"], "2025-08-16T00:00:00.0000000");
    }
}
