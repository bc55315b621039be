//! Calendars, calendar groups and events: CRUD, contexts, Location, access like mailboxes, and
//! group calendars open to members (and to everyone for a public group).

mod common;
use common::*;
use serde_json::{json, Value};

fn meeting(subject: &str) -> String {
    json!({
        "subject": subject,
        "body": { "contentType": "html", "content": "<p>Agenda</p>" },
        "start": { "dateTime": "2025-06-02T09:00:00", "timeZone": "Romance Standard Time" },
        "end": { "dateTime": "2025-06-02T10:00:00", "timeZone": "Romance Standard Time" },
    })
    .to_string()
}

#[test]
fn every_user_has_a_default_calendar_in_my_calendars() {
    let emu = Emu::start();
    let r = emu.get(MEMBER, "/v1.0/me/calendar");
    assert_eq!(r.status, 200);
    let cal = r.json();
    assert_eq!(cal["name"], "Calendar");
    assert_eq!(cal["isDefaultCalendar"], true);
    assert_eq!(cal["owner"]["address"], MEMBER);
    assert!(cal["@odata.context"]
        .as_str()
        .unwrap()
        .ends_with(&format!("$metadata#users('{MEMBER_ID}')/calendar/$entity")));
    let groups = emu.get(MEMBER, "/v1.0/me/calendarGroups").json();
    assert_eq!(groups["value"][0]["name"], "My Calendars");
    let gid = groups["value"][0]["id"].as_str().unwrap().to_string();
    let in_group = emu.get(MEMBER, &format!("/v1.0/me/calendarGroups/{}/calendars", enc(&gid))).json();
    assert_eq!(in_group["value"][0]["id"], cal["id"]);
}

#[test]
fn events_are_created_read_updated_and_deleted_in_utc_by_default() {
    let emu = Emu::start();
    let r = emu.call(MEMBER, "POST", "/v1.0/me/events", Some(&meeting("Design review")));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let e = r.json();
    let id = e["id"].as_str().unwrap().to_string();
    assert!(r.header("location").unwrap().ends_with(&format!("/v1.0/users/{MEMBER_ID}/events/{}", enc(&id))));
    assert_eq!(e["start"], json!({ "dateTime": "2025-06-02T07:00:00.0000000", "timeZone": "UTC" }));
    assert_eq!(e["originalStartTimeZone"], "Romance Standard Time");
    assert_eq!(e["type"], "singleInstance");
    assert_eq!(e["isOrganizer"], true);
    assert_eq!(e["bodyPreview"], "Agenda");
    assert_eq!(e["organizer"]["emailAddress"]["address"], MEMBER);

    let path = format!("/v1.0/me/events/{}", enc(&id));
    let r = emu.call(MEMBER, "PATCH", &path, Some(r#"{"subject": "Design review v2", "showAs": "tentative"}"#));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["subject"], "Design review v2");
    let listed = emu.get(MEMBER, "/v1.0/me/calendar/events?$select=subject,showAs").json();
    let mine = listed["value"].as_array().unwrap().iter().find(|e| e["id"] == id.as_str()).cloned().unwrap();
    assert_eq!(mine["showAs"], "tentative");
    assert!(listed["@odata.context"].as_str().unwrap().contains("/calendar/events(subject,showAs)"));

    assert_eq!(emu.call(MEMBER, "DELETE", &path, None).status, 204);
    let r = emu.get(MEMBER, &path);
    assert_eq!((r.status, r.code()), (404, "ErrorItemNotFound".to_string()));
}

#[test]
fn bad_events_are_refused_with_the_property_named() {
    let emu = Emu::start();
    let backwards = json!({ "start": { "dateTime": "2025-06-02T10:00:00", "timeZone": "UTC" }, "end": { "dateTime": "2025-06-02T09:00:00", "timeZone": "UTC" } });
    let r = emu.call(MEMBER, "POST", "/v1.0/me/events", Some(&backwards.to_string()));
    assert_eq!((r.status, r.code()), (400, "ErrorInvalidRequest".to_string()));
    let zone = json!({ "start": { "dateTime": "2025-06-02T10:00:00", "timeZone": "Mars/Olympus" }, "end": { "dateTime": "2025-06-02T11:00:00", "timeZone": "UTC" } });
    let r = emu.call(MEMBER, "POST", "/v1.0/me/events", Some(&zone.to_string()));
    assert_eq!(r.status, 400);
    assert!(r.error()["message"].as_str().unwrap().contains("Mars/Olympus"));
    let weekly = json!({ "start": { "dateTime": "2025-06-02T10:00:00", "timeZone": "UTC" }, "end": { "dateTime": "2025-06-02T11:00:00", "timeZone": "UTC" },
        "recurrence": { "pattern": { "type": "weekly" }, "range": { "type": "noEnd", "startDate": "2025-06-02" } } });
    let r = emu.call(MEMBER, "POST", "/v1.0/me/events", Some(&weekly.to_string()));
    assert!(r.error()["message"].as_str().unwrap().contains("daysOfWeek"));
    let r = emu.call(MEMBER, "POST", "/v1.0/me/events", Some(r#"{"subjekt": "x"}"#));
    assert!(r.error()["message"].as_str().unwrap().contains("'subjekt'"));
}

#[test]
fn calendars_and_groups_have_crud_with_unique_names() {
    let emu = Emu::start();
    let r = emu.call(OWNER, "POST", "/v1.0/me/calendarGroups", Some(r#"{"name": "Projects"}"#));
    assert_eq!(r.status, 201);
    let gid = r.json()["id"].as_str().unwrap().to_string();
    let r = emu.call(
        OWNER,
        "POST",
        &format!("/v1.0/me/calendarGroups/{}/calendars", enc(&gid)),
        Some(r#"{"name": "Launch", "color": "lightBlue"}"#),
    );
    assert_eq!(r.status, 201);
    let cal = r.json();
    assert!(r.header("location").is_some());
    assert_eq!((cal["color"].clone(), cal["isDefaultCalendar"].clone()), (json!("lightBlue"), json!(false)));
    let cid = cal["id"].as_str().unwrap().to_string();
    let dup = emu.call(OWNER, "POST", "/v1.0/me/calendars", Some(r#"{"name": "launch"}"#));
    assert_eq!((dup.status, dup.code()), (409, "ErrorFolderExists".to_string()));

    let r = emu.call(OWNER, "POST", &format!("/v1.0/me/calendars/{}/events", enc(&cid)), Some(&meeting("Launch prep")));
    assert_eq!(r.status, 201);
    let in_cal = emu.get(OWNER, &format!("/v1.0/me/calendars/{}/events", enc(&cid))).json();
    assert_eq!(in_cal["value"].as_array().unwrap().len(), 1);
    let default = emu.get(OWNER, "/v1.0/me/calendar/events").json();
    assert!(default["value"].as_array().unwrap().iter().all(|e| e["subject"] != "Launch prep"));

    let r = emu.call(OWNER, "PATCH", &format!("/v1.0/me/calendars/{}", enc(&cid)), Some(r#"{"name": "Launch 2"}"#));
    assert_eq!(r.json()["name"], "Launch 2");
    let busy = emu.call(OWNER, "DELETE", &format!("/v1.0/me/calendarGroups/{}", enc(&gid)), None);
    assert_eq!(busy.status, 400);
    assert_eq!(emu.call(OWNER, "DELETE", &format!("/v1.0/me/calendars/{}", enc(&cid)), None).status, 204);
    assert_eq!(emu.call(OWNER, "DELETE", &format!("/v1.0/me/calendarGroups/{}", enc(&gid)), None).status, 204);
    let default_id = emu.get(OWNER, "/v1.0/me/calendar").json()["id"].as_str().unwrap().to_string();
    assert_eq!(emu.call(OWNER, "DELETE", &format!("/v1.0/me/calendars/{}", enc(&default_id)), None).status, 400);
}

#[test]
fn other_calendars_open_like_mailboxes() {
    let emu = Emu::start();
    let r = emu.get(OUTSIDER, &format!("/v1.0/users/{MEMBER}/events"));
    assert_eq!((r.status, r.code()), (403, "ErrorAccessDenied".to_string()));
    let r = emu.get(MEMBER, "/v1.0/users/nobody@contoso.test/calendar");
    assert_eq!((r.status, r.code()), (404, "ErrorInvalidUser".to_string()));
    // member is the shared mailbox's delegate.
    let r = emu.call(MEMBER, "POST", "/v1.0/users/support@contoso.test/events", Some(&meeting("Support rota")));
    assert_eq!(r.status, 201);
    assert_eq!(r.json()["organizer"]["emailAddress"]["address"], "support@contoso.test");
    assert_eq!(emu.get(OWNER, "/v1.0/users/support@contoso.test/calendar").status, 403);
}

#[test]
fn group_events_follow_the_group_visibility() {
    let emu = Emu::start();
    let r = emu.call(MEMBER, "POST", &format!("/v1.0/groups/{PUBLIC}/events"), Some(&meeting("Campaign sync")));
    assert_eq!(r.status, 201);
    let e: Value = r.json();
    assert!(e["@odata.context"].as_str().unwrap().contains(&format!("groups('{PUBLIC}')/events")));
    assert!(emu.get(OUTSIDER, &format!("/v1.0/groups/{PUBLIC}/events")).json()["value"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["subject"] == "Campaign sync"));
    let r = emu.get(MEMBER, &format!("/v1.0/groups/{PRIVATE}/events"));
    assert_eq!((r.status, r.code()), (403, "ErrorAccessDenied".to_string()));
    assert_eq!(emu.get(OWNER, &format!("/v1.0/groups/{PRIVATE}/events")).status, 200);
    let accept = emu.call(
        MEMBER,
        "POST",
        &format!("/v1.0/groups/{PUBLIC}/events/{}/accept", enc(e["id"].as_str().unwrap())),
        Some("{}"),
    );
    assert_eq!((accept.status, accept.code()), (400, "ErrorInvalidRequest".to_string()));
    assert_eq!(accept.error()["message"], "Your request can't be completed. Group mailbox cannot respond to events.");
}

#[test]
fn extended_properties_sent_inline_are_taken_and_checked() {
    // As python-o365 saves every event and Graph accepts it.
    let emu = Emu::start();
    let mut event: Value = serde_json::from_str(&meeting("With extended properties")).unwrap();
    event["singleValueExtendedProperties"] =
        json!([{"id": "Boolean {00020329-0000-0000-C000-000000000046} Name DoNotForward", "value": "false"}]);
    let r = emu.call(MEMBER, "POST", "/v1.0/me/events", Some(&event.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert!(r.json().get("singleValueExtendedProperties").is_none(), "a navigation property, not returned");
    let message = json!({"subject": "x", "singleValueExtendedProperties": [{"id": "String 0x007D", "value": "h"}]});
    assert_eq!(emu.call(MEMBER, "POST", "/v1.0/me/messages", Some(&message.to_string())).status, 201);
    event["singleValueExtendedProperties"] = json!([{"id": "nonsense", "value": "x"}]);
    let r = emu.call(MEMBER, "POST", "/v1.0/me/events", Some(&event.to_string()));
    assert_eq!((r.status, r.code()), (400, "BadRequest".to_string()));
}
