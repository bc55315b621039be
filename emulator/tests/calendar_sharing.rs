//! Calendar permissions: the organization's free/busy entry, sharing with a colleague by role,
//! and what the share opens (reading with `read`, writing with `write`, nothing before or after).

mod common;
use common::*;
use serde_json::json;

#[test]
fn a_calendar_starts_shared_for_free_busy_with_the_organization() {
    let emu = Emu::start();
    let r = emu.get(OUTSIDER, "/v1.0/me/calendar/calendarPermissions").json();
    let list = r["value"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0]["role"].as_str(), list[0]["isRemovable"].as_bool()), (Some("freeBusyRead"), Some(false)));
    assert_eq!(list[0]["emailAddress"]["name"], "My Organization");
    let pid = list[0]["id"].as_str().unwrap();
    let r = emu.call(OUTSIDER, "DELETE", &format!("/v1.0/me/calendar/calendarPermissions/{}", enc(pid)), None);
    assert_eq!(r.status, 400);
}

#[test]
fn sharing_by_role_opens_the_calendar_and_removing_it_closes_it() {
    let emu = Emu::start();
    let events = format!("/v1.0/users/{OUTSIDER}/events");
    assert_eq!(emu.get(MEMBER, &events).status, 403);

    let share = json!({ "emailAddress": { "name": "Miguel Mendes", "address": MEMBER }, "role": "read" });
    let r = emu.call(OUTSIDER, "POST", "/v1.0/me/calendar/calendarPermissions", Some(&share.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let p = r.json();
    assert!(r.header("location").unwrap().contains("/calendar/calendarPermissions/"));
    assert_eq!((p["role"].as_str(), p["isInsideOrganization"].as_bool()), (Some("read"), Some(true)));
    let pid = p["id"].as_str().unwrap().to_string();
    assert_eq!(
        emu.call(OUTSIDER, "POST", "/v1.0/me/calendar/calendarPermissions", Some(&share.to_string())).status,
        409
    );

    let r = emu.get(MEMBER, &events);
    assert_eq!(r.status, 200);
    assert!(r.json()["value"].as_array().unwrap().iter().any(|e| e["subject"] == "Quarterly planning"));
    let new = json!({ "subject": "Slipped in", "start": { "dateTime": "2025-06-02T10:00:00", "timeZone": "UTC" }, "end": { "dateTime": "2025-06-02T11:00:00", "timeZone": "UTC" } });
    assert_eq!(emu.call(MEMBER, "POST", &events, Some(&new.to_string())).status, 403);
    assert_eq!(emu.get(MEMBER, &format!("/v1.0/users/{OUTSIDER}/calendar/calendarPermissions")).status, 403);

    let perm = format!("/v1.0/me/calendar/calendarPermissions/{}", enc(&pid));
    let r = emu.call(OUTSIDER, "PATCH", &perm, Some(r#"{"role": "write"}"#));
    assert_eq!((r.status, r.json()["role"].clone()), (200, json!("write")));
    assert_eq!(emu.call(MEMBER, "POST", &events, Some(&new.to_string())).status, 201);
    let r = emu.call(OUTSIDER, "PATCH", &perm, Some(r#"{"role": "owner"}"#));
    assert_eq!(r.status, 400);

    assert_eq!(emu.call(OUTSIDER, "DELETE", &perm, None).status, 204);
    assert_eq!(emu.get(MEMBER, &events).status, 403);
}
