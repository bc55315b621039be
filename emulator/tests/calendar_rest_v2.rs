//! The Outlook REST v2.0 dialect of the calendar routes: PascalCase bodies (enum values too),
//! PascalCase answers, v2.0 contexts.

mod common;
use common::*;
use serde_json::json;

#[test]
fn events_and_views_speak_pascal_case() {
    let emu = Emu::start();
    let body = json!({
        "Subject": "REST series",
        "Start": { "DateTime": "2025-03-03T09:00:00", "TimeZone": "Romance Standard Time" },
        "End": { "DateTime": "2025-03-03T09:30:00", "TimeZone": "Romance Standard Time" },
        "Recurrence": {
            "Pattern": { "Type": "Weekly", "Interval": 1, "DaysOfWeek": ["Monday"] },
            "Range": { "Type": "Numbered", "StartDate": "2025-03-03", "NumberOfOccurrences": 3 }
        }
    });
    let r = emu.call(OUTSIDER, "POST", "/api/v2.0/me/events", Some(&body.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let e = r.json();
    assert_eq!(e["Subject"], "REST series");
    assert_eq!(e["Start"]["DateTime"], "2025-03-03T08:00:00.0000000");
    assert!(e["@odata.context"].as_str().unwrap().contains("/api/v2.0/$metadata#Users("));
    assert!(r.header("location").unwrap().contains("/api/v2.0/users/"));

    let view = emu.get(OUTSIDER, "/api/v2.0/me/calendarview?StartDateTime=2025-03-01T00:00:00Z&EndDateTime=2025-04-01T00:00:00Z&$select=Subject,Start");
    assert_eq!(view.status, 200, "{}", String::from_utf8_lossy(&view.body));
    let v = view.json();
    let mine: Vec<_> = v["value"].as_array().unwrap().iter().filter(|x| x["Subject"] == "REST series").collect();
    assert_eq!(mine.len(), 3);
    assert_eq!(mine[2]["Start"]["DateTime"], "2025-03-17T08:00:00.0000000");
    assert!(v["@odata.context"].as_str().unwrap().contains("/CalendarView(Subject,Start)"));
    let cals = emu.get(OUTSIDER, "/api/v2.0/me/calendars").json();
    assert_eq!(cals["value"][0]["Name"], "Calendar");
}
