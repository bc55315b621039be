//! calendarView and instances: the window is required, recurring series expand into
//! occurrences with their own ids, exceptions and cancellations show, and times follow
//! `Prefer: outlook.timezone` across daylight-saving changes.

mod common;
use common::*;
use serde_json::{json, Value};

fn prefer(emu: &Emu, user: &str, target: &str, zone: &str) -> Reply {
    let auth = format!("Bearer emulator:{user}");
    let pref = format!("outlook.timezone=\"{zone}\"");
    send(&emu.base(), "GET", target, &[("Authorization", &auth), ("Prefer", &pref)], None)
}

/// A weekly Monday 09:00-09:30 Paris series over March and April 2025 (Paris and New York
/// change clocks on different dates: 9 March in New York, 30 March in Paris).
fn weekly_paris(emu: &Emu) -> String {
    let body = json!({
        "subject": "Weekly sync",
        "start": { "dateTime": "2025-03-03T09:00:00", "timeZone": "Europe/Paris" },
        "end": { "dateTime": "2025-03-03T09:30:00", "timeZone": "Europe/Paris" },
        "recurrence": {
            "pattern": { "type": "weekly", "interval": 1, "daysOfWeek": ["monday"], "firstDayOfWeek": "monday" },
            "range": { "type": "endDate", "startDate": "2025-03-03", "endDate": "2025-04-28" }
        }
    });
    let r = emu.call(MEMBER, "POST", "/v1.0/me/events", Some(&body.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["type"], "seriesMaster");
    r.json()["id"].as_str().unwrap().to_string()
}

const WINDOW: &str = "startDateTime=2025-03-01T00:00:00Z&endDateTime=2025-05-01T00:00:00Z";

fn starts(v: &Value) -> Vec<String> {
    v["value"].as_array().unwrap().iter().map(|e| e["start"]["dateTime"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_window_is_required() {
    let emu = Emu::start();
    for q in ["", "?startDateTime=2025-03-01T00:00:00Z", "?endDateTime=2025-03-01T00:00:00Z"] {
        let r = emu.get(MEMBER, &format!("/v1.0/me/calendarView{q}"));
        assert_eq!(r.status, 400, "{q}");
        let e = r.error();
        assert_eq!(e["code"], "ErrorInvalidParameter");
        assert_eq!(e["message"], "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
    }
    let r = emu.get(MEMBER, "/v1.0/me/calendarView?startDateTime=soon&endDateTime=later");
    assert_eq!(r.status, 400);
}

#[test]
fn a_weekly_series_keeps_paris_wall_time_across_both_dst_changes() {
    let emu = Emu::start();
    let master = weekly_paris(&emu);
    let url = format!("/v1.0/me/calendarView?{WINDOW}&$top=20");
    let paris = prefer(&emu, MEMBER, &url, "Europe/Paris");
    assert_eq!(paris.header("preference-applied"), Some("outlook.timezone=\"Europe/Paris\""));
    let p = paris.json();
    let series: Vec<String> = starts(&p).into_iter().filter(|s| s.ends_with("T09:00:00.0000000")).collect();
    assert_eq!(series.len(), 9, "{p}");
    assert!(p["value"].as_array().unwrap().iter().all(|e| e["start"]["timeZone"] == "Europe/Paris"));

    let ny = prefer(&emu, MEMBER, &url, "America/New_York").json();
    let mine: Vec<&Value> =
        ny["value"].as_array().unwrap().iter().filter(|e| e["seriesMasterId"] == master.as_str()).collect();
    let ny_starts: Vec<&str> = mine.iter().map(|e| e["start"]["dateTime"].as_str().unwrap()).collect();
    assert_eq!(
        ny_starts,
        [
            "2025-03-03T03:00:00.0000000", // both on standard time: 6 hours apart
            "2025-03-10T04:00:00.0000000", // New York moved on 9 March: 5 hours
            "2025-03-17T04:00:00.0000000",
            "2025-03-24T04:00:00.0000000",
            "2025-03-31T03:00:00.0000000", // Paris moved on 30 March: 6 hours again
            "2025-04-07T03:00:00.0000000",
            "2025-04-14T03:00:00.0000000",
            "2025-04-21T03:00:00.0000000",
            "2025-04-28T03:00:00.0000000",
        ]
    );
    assert!(mine.iter().all(|e| e["type"] == "occurrence" && e["recurrence"].is_null()));
    // The Windows name of the same zone gives the same times, and is echoed as given.
    let windows = prefer(&emu, MEMBER, &url, "Eastern Standard Time");
    assert_eq!(windows.header("preference-applied"), Some("outlook.timezone=\"Eastern Standard Time\""));
    let w = windows.json();
    let w_starts: Vec<&str> = w["value"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["seriesMasterId"] == master.as_str())
        .map(|e| e["start"]["dateTime"].as_str().unwrap())
        .collect();
    assert_eq!(w_starts, ny_starts);
    assert_eq!(w["value"][0]["start"]["timeZone"], "Eastern Standard Time");
    let ids: std::collections::HashSet<&str> = mine.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 9);

    let utc = emu.get(MEMBER, &url);
    assert!(utc.header("preference-applied").is_none());
    assert!(starts(&utc.json()).contains(&"2025-03-31T07:00:00.0000000".to_string()));
}

#[test]
fn occurrences_can_be_read_changed_and_cancelled() {
    let emu = Emu::start();
    let master = weekly_paris(&emu);
    let inst = format!("/v1.0/me/events/{}/instances?{WINDOW}", enc(&master));
    let all = emu.get(MEMBER, &inst).json();
    assert!(all["@odata.context"].as_str().unwrap().ends_with(&format!("/events('{master}')/instances")));
    let list = all["value"].as_array().unwrap().clone();
    assert_eq!(list.len(), 9);
    let second = list[1]["id"].as_str().unwrap().to_string();
    let third = list[2]["id"].as_str().unwrap().to_string();
    let one = emu.get(MEMBER, &format!("/v1.0/me/events/{}", enc(&second))).json();
    assert_eq!((one["type"].clone(), one["seriesMasterId"].clone()), (json!("occurrence"), json!(master)));

    let moved = json!({ "subject": "Weekly sync (moved)", "start": { "dateTime": "2025-03-10T14:00:00", "timeZone": "Europe/Paris" }, "end": { "dateTime": "2025-03-10T14:30:00", "timeZone": "Europe/Paris" } });
    let r = emu.call(MEMBER, "PATCH", &format!("/v1.0/me/events/{}", enc(&second)), Some(&moved.to_string()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["type"], "exception");
    assert_eq!(emu.call(MEMBER, "DELETE", &format!("/v1.0/me/events/{}", enc(&third)), None).status, 204);

    let after = emu.get(MEMBER, &inst).json();
    let list = after["value"].as_array().unwrap();
    assert_eq!(list.len(), 8);
    assert_eq!(list[1]["start"]["dateTime"], "2025-03-10T13:00:00.0000000");
    assert_eq!(list[1]["subject"], "Weekly sync (moved)");
    assert!(list.iter().all(|e| e["id"] != third.as_str()));
    assert_eq!(emu.get(MEMBER, &format!("/v1.0/me/events/{}", enc(&third))).status, 404);
}

#[test]
fn views_page_by_ten_with_skip_and_keep_the_window() {
    let emu = Emu::start();
    let body = json!({
        "subject": "Standup",
        "start": { "dateTime": "2025-03-03T09:00:00", "timeZone": "UTC" },
        "end": { "dateTime": "2025-03-03T09:15:00", "timeZone": "UTC" },
        "recurrence": { "pattern": { "type": "daily" }, "range": { "type": "numbered", "startDate": "2025-03-03", "numberOfOccurrences": 25 } }
    });
    assert_eq!(emu.call(OUTSIDER, "POST", "/v1.0/me/events", Some(&body.to_string())).status, 201);
    let first = emu.get(OUTSIDER, &format!("/v1.0/me/calendarView?{WINDOW}")).json();
    let next = first["@odata.nextLink"].as_str().unwrap();
    assert!(next.contains("startDateTime=") && next.contains("$skip=10"), "{next}");
    let pages = emu.pages(OUTSIDER, &format!("/v1.0/me/calendarView?{WINDOW}"));
    let standups: Vec<Value> = pages.into_iter().flatten().filter(|e| e["subject"] == "Standup").collect();
    assert_eq!(standups.len(), 25);
    assert_eq!(standups[24]["start"]["dateTime"], "2025-03-27T09:00:00.0000000");
}

/// Found by fuzzing (`fuzz/`, target `emulator_request`): a reminderView from 2025 to 4050 expanded
/// every weekly series over two thousand years (250 MB for one request). Graph refuses windows
/// over 1825 days, on calendarView, instances and reminderView alike.
#[test]
fn a_window_over_five_years_is_refused_as_graph_does() {
    let emu = Emu::start();
    let master = weekly_paris(&emu);
    for target in [
        "/v1.0/me/calendarView?startDateTime=2025-01-01T00:00:00Z&endDateTime=4050-02-01T00:00:00Z".to_string(),
        format!(
            "/v1.0/me/events/{master}/instances?startDateTime=2025-01-01T00:00:00Z&endDateTime=2030-01-02T00:00:00Z"
        ),
        "/v1.0/me/reminderView(startDateTime='2025-01-01T00:00:00Z',endDateTime='4050-02-01T00:00:00Z')".to_string(),
    ] {
        let r = emu.get(MEMBER, &target);
        assert_eq!(r.status, 400, "{target}");
        let e = r.error();
        assert_eq!(e["code"], "ErrorInvalidRequest");
        assert_eq!(
            e["message"],
            "Your request can't be completed. The range between the start and end dates is greater than the allowed range. Maximum number of days: 1825"
        );
    }
    // Exactly 1825 days is still answered.
    let r =
        emu.get(MEMBER, "/v1.0/me/calendarView?startDateTime=2025-01-01T00:00:00Z&endDateTime=2029-12-31T00:00:00Z");
    assert_eq!(r.status, 200);
}
