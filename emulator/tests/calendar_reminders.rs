//! reminderView, snoozeReminder and dismissReminder.

mod common;
use common::*;
use serde_json::json;

const VIEW: &str = "/v1.0/me/reminderView(startDateTime='2025-06-02T00:00:00Z',endDateTime='2025-06-03T00:00:00Z')";

#[test]
fn reminders_fire_before_start_and_can_be_snoozed_or_dismissed() {
    let emu = Emu::start();
    let body = json!({ "subject": "Review", "reminderMinutesBeforeStart": 30,
        "start": { "dateTime": "2025-06-02T15:00:00", "timeZone": "UTC" }, "end": { "dateTime": "2025-06-02T16:00:00", "timeZone": "UTC" } });
    let eid = emu.call(OUTSIDER, "POST", "/v1.0/me/events", Some(&body.to_string())).json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let off = json!({ "subject": "Quiet", "isReminderOn": false,
        "start": { "dateTime": "2025-06-02T17:00:00", "timeZone": "UTC" }, "end": { "dateTime": "2025-06-02T18:00:00", "timeZone": "UTC" } });
    assert_eq!(emu.call(OUTSIDER, "POST", "/v1.0/me/events", Some(&off.to_string())).status, 201);

    // outsider is also invited to the seed's Monday team meeting.
    let mine = |emu: &Emu| -> Vec<serde_json::Value> {
        let r = emu.get(OUTSIDER, VIEW).json();
        r["value"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["eventSubject"] != "Marketing team weekly")
            .cloned()
            .collect()
    };
    let r = emu.get(OUTSIDER, VIEW).json();
    let list = mine(&emu);
    assert_eq!(list.len(), 1, "{r}");
    assert_eq!(list[0]["eventId"], eid.as_str());
    assert_eq!(list[0]["reminderFireTime"]["dateTime"], "2025-06-02T14:30:00.0000000");
    assert!(r["@odata.context"].as_str().unwrap().ends_with("$metadata#Collection(microsoft.graph.reminder)"));

    let snooze = json!({ "newReminderTime": { "dateTime": "2025-06-02T14:50:00", "timeZone": "UTC" } });
    let r =
        emu.call(OUTSIDER, "POST", &format!("/v1.0/me/events/{}/snoozeReminder", enc(&eid)), Some(&snooze.to_string()));
    assert_eq!(r.status, 200);
    assert_eq!(mine(&emu)[0]["reminderFireTime"]["dateTime"], "2025-06-02T14:50:00.0000000");
    assert_eq!(emu.call(OUTSIDER, "POST", &format!("/v1.0/me/events/{}/dismissReminder", enc(&eid)), None).status, 200);
    assert!(mine(&emu).is_empty());

    let r = emu.get(OUTSIDER, "/v1.0/me/reminderView(startDateTime='2025-06-02T00:00:00Z')");
    assert_eq!((r.status, r.code()), (400, "ErrorInvalidParameter".to_string()));
}

#[test]
fn series_occurrences_have_their_own_reminders() {
    let emu = Emu::start();
    // The seed's weekly team meeting: Mondays 10:00 Berlin time, a 10-minute reminder.
    let r = emu.get(MEMBER, VIEW).json();
    let list = r["value"].as_array().unwrap();
    let weekly: Vec<_> = list.iter().filter(|x| x["eventSubject"] == "Marketing team weekly").collect();
    assert_eq!(weekly.len(), 1, "{r}");
    assert_eq!(weekly[0]["reminderFireTime"]["dateTime"], "2025-06-02T07:50:00.0000000");
    assert!(weekly[0]["eventId"].as_str().unwrap().ends_with("_20250602"));
}
