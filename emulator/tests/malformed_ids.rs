//! Ids that cannot be ids get the 400 Graph gives before it looks anything up; well-formed ids
//! of nothing keep the 404. Directory objects (groups, and users named by id) are GUIDs:
//! `Request_BadRequest` "Invalid object identifier '<id>'.". Outlook items are Exchange ids:
//! `ErrorInvalidIdMalformed` "Id is malformed.".

mod common;
use common::*;

/// Well-formed (base64 of Exchange's length) and naming nothing.
const NO_ITEM: &str = "AAMkAGI2TG93AAAAAAAAAAAAAAAAAAAAAAAAAA==";
const NO_GUID: &str = "11111111-2222-3333-4444-555555555555";

fn malformed_item(r: &Reply, what: &str) {
    assert_eq!(r.status, 400, "{what}: {}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.error()["code"], "ErrorInvalidIdMalformed", "{what}");
    assert_eq!(r.error()["message"], "Id is malformed.", "{what}");
}

fn no_item(r: &Reply, what: &str) {
    assert_eq!(r.status, 404, "{what}: {}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.error()["code"], "ErrorItemNotFound", "{what}");
}

fn invalid_object(r: &Reply, id: &str, what: &str) {
    assert_eq!(r.status, 400, "{what}: {}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.error()["code"], "Request_BadRequest", "{what}");
    assert_eq!(r.error()["message"], format!("Invalid object identifier '{id}'."), "{what}");
}

fn first_id(emu: &Emu, user: &str, path: &str) -> String {
    emu.get(user, path).json()["value"][0]["id"].as_str().unwrap_or_else(|| panic!("an item at {path}")).to_string()
}

#[test]
fn outlook_ids_that_cannot_be_ids_are_400_and_unknown_ones_404() {
    let emu = Emu::start();
    let message = enc(&first_id(&emu, MEMBER, "/v1.0/me/messages?$top=1"));
    let event = enc(&first_id(&emu, MEMBER, "/v1.0/me/events?$top=1"));
    let thread = enc(KICKOFF_THREAD);
    for (template, what) in [
        ("/v1.0/me/messages/{}", "message"),
        ("/v1.0/me/mailFolders/{}", "mail folder"),
        ("/v1.0/me/mailFolders/{}/messages", "mail folder's messages"),
        (&format!("/v1.0/me/messages/{message}/attachments/{{}}"), "message attachment"),
        ("/v1.0/me/events/{}", "event"),
        (&format!("/v1.0/me/events/{event}/attachments/{{}}"), "event attachment"),
        ("/v1.0/me/calendars/{}", "calendar"),
        ("/v1.0/me/calendars/{}/events", "calendar's events"),
        ("/v1.0/me/calendarGroups/{}/calendars", "calendar group"),
        (&format!("/v1.0/groups/{PUBLIC}/conversations/{{}}"), "conversation"),
        (&format!("/v1.0/groups/{PUBLIC}/threads/{{}}"), "thread"),
        (&format!("/v1.0/groups/{PUBLIC}/threads/{thread}/posts/{{}}"), "post"),
    ] {
        for bad in ["nope", "does-not-exist", "AAMk%3D%3DAAMk", "a%20b", "..%2F..%2Fme"] {
            malformed_item(&emu.get(MEMBER, &template.replace("{}", bad)), &format!("{what} {bad}"));
        }
        no_item(&emu.get(MEMBER, &template.replace("{}", &enc(NO_ITEM))), what);
    }
    // Writes refuse such ids the same way, and change nothing.
    let body = r#"{"post": {"body": {"contentType": "text", "content": "x"}}}"#;
    let reply = emu.call(MEMBER, "POST", &format!("/v1.0/groups/{PUBLIC}/threads/nope/reply"), Some(body));
    malformed_item(&reply, "reply to a malformed thread id");
    malformed_item(&emu.call(MEMBER, "DELETE", "/v1.0/me/messages/nope", None), "delete a message");
    malformed_item(&emu.call(MEMBER, "PATCH", "/v1.0/me/events/nope", Some(r#"{"subject": "x"}"#)), "update an event");
    // Well-known folder names are names, not ids; an occurrence id is its series' id and a date.
    assert_eq!(emu.get(MEMBER, "/v1.0/me/mailFolders/Inbox").status, 200);
    assert_eq!(emu.get(MEMBER, "/v1.0/me/mailFolders/msgfolderroot").status, 200);
    no_item(&emu.get(MEMBER, &format!("/v1.0/me/events/{}_20310101", enc(NO_ITEM))), "occurrence of no series");
}

#[test]
fn directory_ids_that_are_not_guids_are_400_and_unknown_guids_404() {
    let emu = Emu::start();
    for path in ["/v1.0/groups/{}", "/v1.0/groups/{}/members", "/v1.0/groups/{}/threads", "/v1.0/groups/{}/photo"] {
        invalid_object(&emu.get(MEMBER, &path.replace("{}", "Marketing")), "Marketing", path);
        let r = emu.get(MEMBER, &path.replace("{}", NO_GUID));
        assert_eq!((r.status, r.code()), (404, "Request_ResourceNotFound".to_string()), "{path}");
    }
    // Group ids match without case; the other forms .NET reads as GUIDs are well-formed too.
    assert_eq!(emu.get(MEMBER, &format!("/v1.0/groups/{}", PUBLIC.to_uppercase())).status, 200);
    for form in [format!("{{{NO_GUID}}}"), format!("({NO_GUID})"), NO_GUID.replace('-', "")] {
        let r = emu.get(MEMBER, &format!("/v1.0/groups/{}", enc(&form)));
        assert_eq!((r.status, r.code()), (404, "Request_ResourceNotFound".to_string()), "{form}");
    }

    let group = format!("/v1.0/groups/{PUBLIC}");
    invalid_object(&emu.get(OWNER, &format!("{group}/members/nobody")), "nobody", "a member by a non-GUID");
    let r = emu.call(OWNER, "DELETE", &format!("{group}/members/nobody/$ref"), None);
    invalid_object(&r, "nobody", "removing a non-GUID member");
    let r = emu.call(OWNER, "DELETE", &format!("{group}/owners/{NO_GUID}/$ref"), None);
    assert_eq!((r.status, r.code()), (404, "Request_ResourceNotFound".to_string()), "an unknown GUID");
    let add = r#"{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/nobody"}"#;
    invalid_object(
        &emu.call(OWNER, "POST", &format!("{group}/members/$ref"), Some(add)),
        "nobody",
        "adding a non-GUID",
    );
    let add = format!(r#"{{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{NO_GUID}"}}"#);
    let r = emu.call(OWNER, "POST", &format!("{group}/members/$ref"), Some(&add));
    assert_eq!((r.status, r.code()), (404, "Request_ResourceNotFound".to_string()), "adding an unknown GUID");

    // Users may be named by userPrincipalName, so any text is a key to look up: 404 when absent.
    for key in ["nobody@contoso.test", "nope", NO_GUID] {
        let r = emu.get(MEMBER, &format!("/v1.0/users/{key}"));
        assert_eq!((r.status, r.code()), (404, "Request_ResourceNotFound".to_string()), "{key}");
    }
    assert_eq!(emu.get(MEMBER, &format!("/v1.0/users/{}", enc(OWNER))).status, 200);
    assert_eq!(emu.get(MEMBER, &format!("/v1.0/users/{MEMBER_ID}")).status, 200);
}
