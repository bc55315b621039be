//! Meetings between tenant users: invitations land in attendees' calendars and inboxes,
//! responses reach the organizer (unless sendResponse is false), cancel and forward.

mod common;
use common::*;
use serde_json::{json, Value};

fn invite(emu: &Emu, subject: &str, attendees: &[&str]) -> String {
    let list: Vec<Value> =
        attendees.iter().map(|a| json!({ "emailAddress": { "address": a }, "type": "required" })).collect();
    let body = json!({
        "subject": subject,
        "start": { "dateTime": "2025-06-04T13:00:00", "timeZone": "UTC" },
        "end": { "dateTime": "2025-06-04T14:00:00", "timeZone": "UTC" },
        "attendees": list,
    });
    let r = emu.call(OWNER, "POST", "/v1.0/me/events", Some(&body.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    r.json()["id"].as_str().unwrap().to_string()
}

fn copy_of(emu: &Emu, user: &str, subject: &str) -> Option<Value> {
    let all = emu.get(user, "/v1.0/me/events?$top=50").json();
    all["value"].as_array().unwrap().iter().find(|e| e["subject"] == subject).cloned()
}

fn status_of(emu: &Emu, eid: &str, attendee: &str) -> Value {
    let e = emu.get(OWNER, &format!("/v1.0/me/events/{}", enc(eid))).json();
    let a = e["attendees"].as_array().unwrap().iter().find(|a| a["emailAddress"]["address"] == attendee).cloned();
    a.unwrap()["status"]["response"].clone()
}

#[test]
fn an_invitation_reaches_each_tenant_attendee() {
    let emu = Emu::start();
    let eid = invite(&emu, "Budget review", &[MEMBER, OUTSIDER, "partner@external.example"]);
    assert_eq!(status_of(&emu, &eid, MEMBER), "none");
    for user in [MEMBER, OUTSIDER] {
        let copy = copy_of(&emu, user, "Budget review").expect("a copy in the attendee's calendar");
        assert_ne!(copy["id"], eid.as_str());
        assert_eq!(copy["isOrganizer"], false);
        assert_eq!(copy["responseStatus"]["response"], "notResponded");
        assert_eq!(copy["organizer"]["emailAddress"]["address"], OWNER);
        let inbox = emu.get(user, "/v1.0/me/mailFolders/inbox/messages?$top=5").json();
        assert!(inbox["value"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["subject"] == "Budget review" && m["meetingMessageType"] == "meetingRequest"));
    }
}

#[test]
fn responses_update_the_organizer_unless_told_not_to() {
    let emu = Emu::start();
    let eid = invite(&emu, "Roadmap", &[MEMBER, OUTSIDER]);
    let member_copy = copy_of(&emu, MEMBER, "Roadmap").unwrap()["id"].as_str().unwrap().to_string();
    let r = emu.call(
        MEMBER,
        "POST",
        &format!("/v1.0/me/events/{}/accept", enc(&member_copy)),
        Some(r#"{"comment": "See you", "sendResponse": true}"#),
    );
    assert_eq!(r.status, 202);
    assert_eq!(status_of(&emu, &eid, MEMBER), "accepted");
    assert_eq!(copy_of(&emu, MEMBER, "Roadmap").unwrap()["responseStatus"]["response"], "accepted");
    let inbox = emu.get(OWNER, "/v1.0/me/mailFolders/inbox/messages?$top=5").json();
    assert!(inbox["value"].as_array().unwrap().iter().any(|m| m["subject"] == "Accepted: Roadmap"));

    let outsider_copy = copy_of(&emu, OUTSIDER, "Roadmap").unwrap()["id"].as_str().unwrap().to_string();
    let path = format!("/v1.0/me/events/{}/tentativelyAccept", enc(&outsider_copy));
    assert_eq!(emu.call(OUTSIDER, "POST", &path, Some(r#"{"sendResponse": false}"#)).status, 202);
    assert_eq!(copy_of(&emu, OUTSIDER, "Roadmap").unwrap()["responseStatus"]["response"], "tentativelyAccepted");
    assert_eq!(status_of(&emu, &eid, OUTSIDER), "none");

    let r = emu.call(OWNER, "POST", &format!("/v1.0/me/events/{}/decline", enc(&eid)), Some("{}"));
    assert_eq!(r.status, 400, "the organizer does not answer their own meeting");
}

#[test]
fn declining_removes_the_copy_and_cancel_removes_them_all() {
    let emu = Emu::start();
    let eid = invite(&emu, "Offsite planning", &[MEMBER, OUTSIDER]);
    let member_copy = copy_of(&emu, MEMBER, "Offsite planning").unwrap()["id"].as_str().unwrap().to_string();
    assert_eq!(
        emu.call(MEMBER, "POST", &format!("/v1.0/me/events/{}/decline", enc(&member_copy)), Some("{}")).status,
        202
    );
    assert!(copy_of(&emu, MEMBER, "Offsite planning").is_none());
    assert_eq!(status_of(&emu, &eid, MEMBER), "declined");

    let outsider_copy = copy_of(&emu, OUTSIDER, "Offsite planning").unwrap()["id"].as_str().unwrap().to_string();
    let r = emu.call(OUTSIDER, "POST", &format!("/v1.0/me/events/{}/cancel", enc(&outsider_copy)), Some("{}"));
    assert_eq!((r.status, r.code()), (400, "ErrorInvalidRequest".to_string()));
    let r =
        emu.call(OWNER, "POST", &format!("/v1.0/me/events/{}/cancel", enc(&eid)), Some(r#"{"comment": "Postponed"}"#));
    assert_eq!(r.status, 202);
    assert!(copy_of(&emu, OUTSIDER, "Offsite planning").is_none());
    assert_eq!(emu.get(OWNER, &format!("/v1.0/me/events/{}", enc(&eid))).status, 404);
}

#[test]
fn forwarding_adds_an_attendee_with_a_copy() {
    let emu = Emu::start();
    let eid = invite(&emu, "Hiring sync", &[MEMBER]);
    assert!(copy_of(&emu, OUTSIDER, "Hiring sync").is_none());
    let member_copy = copy_of(&emu, MEMBER, "Hiring sync").unwrap()["id"].as_str().unwrap().to_string();
    let body = json!({ "toRecipients": [{ "emailAddress": { "address": OUTSIDER } }], "comment": "Join us" });
    let r =
        emu.call(MEMBER, "POST", &format!("/v1.0/me/events/{}/forward", enc(&member_copy)), Some(&body.to_string()));
    assert_eq!(r.status, 202);
    assert!(copy_of(&emu, OUTSIDER, "Hiring sync").is_some());
    assert_eq!(status_of(&emu, &eid, OUTSIDER), "none");
}

#[test]
fn an_organizer_deleting_a_meeting_cancels_it_for_attendees() {
    let emu = Emu::start();
    let eid = invite(&emu, "Pricing sync", &[MEMBER]);
    assert!(copy_of(&emu, MEMBER, "Pricing sync").is_some());
    assert_eq!(emu.call(OWNER, "DELETE", &format!("/v1.0/me/events/{}", enc(&eid)), None).status, 204);
    assert!(copy_of(&emu, MEMBER, "Pricing sync").is_none());
    let inbox = emu.get(MEMBER, "/v1.0/me/mailFolders/inbox/messages?$top=5").json();
    assert!(inbox["value"].as_array().unwrap().iter().any(|m| m["subject"] == "Canceled: Pricing sync"));
}
