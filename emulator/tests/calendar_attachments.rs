//! Event attachments: add, list, get, `$value`, delete, and `hasAttachments` on the event.

mod common;
use common::*;
use serde_json::json;

#[test]
fn event_attachments_round_trip() {
    let emu = Emu::start();
    let ev = "/v1.0/me/events/AAMkAGOwnerTokyoCall0001";
    assert_eq!(emu.get(OWNER, ev).json()["hasAttachments"], false);
    let file = json!({ "@odata.type": "#microsoft.graph.fileAttachment", "name": "agenda.txt", "contentType": "text/plain", "contentBytes": "QWdlbmRhOiBUb2t5byByb2xsb3V0" });
    let r = emu.call(OWNER, "POST", &format!("{ev}/attachments"), Some(&file.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let a = r.json();
    assert!(r.header("location").unwrap().contains("/events/AAMkAGOwnerTokyoCall0001/attachments/"));
    assert!(a["@odata.context"].as_str().unwrap().contains("/events('AAMkAGOwnerTokyoCall0001')/attachments/$entity"));
    let aid = a["id"].as_str().unwrap().to_string();
    assert_eq!(emu.get(OWNER, ev).json()["hasAttachments"], true);

    let list = emu.get(OWNER, &format!("{ev}/attachments")).json();
    assert_eq!(list["value"][0]["name"], "agenda.txt");
    let raw = emu.get(OWNER, &format!("{ev}/attachments/{}/$value", enc(&aid)));
    assert_eq!((raw.status, raw.header("content-type")), (200, Some("text/plain")));
    assert_eq!(raw.body, b"Agenda: Tokyo rollout");
    assert_eq!(
        emu.get(MEMBER, &format!("/v1.0/users/{OWNER}/events/AAMkAGOwnerTokyoCall0001/attachments")).status,
        403
    );

    assert_eq!(emu.call(OWNER, "DELETE", &format!("{ev}/attachments/{}", enc(&aid)), None).status, 204);
    assert_eq!(emu.get(OWNER, &format!("{ev}/attachments/{}", enc(&aid))).status, 404);
    assert_eq!(emu.get(OWNER, ev).json()["hasAttachments"], false);
}
