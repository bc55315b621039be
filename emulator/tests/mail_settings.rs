//! Mailbox settings, mail tips, supported languages and time zones, unsubscribe, who may open
//! which mailbox, case-insensitive action parameters, and reset.

mod common;
use common::*;
use serde_json::{json, Value};

#[test]
fn mailbox_settings_read_and_patch() {
    let emu = Emu::start();
    let r = emu.get(MEMBER, "/v1.0/me/mailboxSettings");
    assert_eq!(r.status, 200);
    let s = r.json();
    assert_eq!(s["@odata.context"], format!("{}/v1.0/$metadata#users('{MEMBER_ID}')/mailboxSettings", emu.base()));
    assert_eq!(s["language"], json!({ "locale": "pt-BR", "displayName": "Portuguese (Brazil)" }));
    assert_eq!(s["userPurpose"], "user");
    assert_eq!(s["automaticRepliesSetting"]["status"], "disabled");
    assert_eq!(s["archiveFolder"], emu.get(MEMBER, "/v1.0/me/mailFolders/archive").json()["id"]);
    for key in ["timeZone", "workingHours", "dateFormat", "timeFormat", "delegateMeetingMessageDeliveryOptions"] {
        assert!(!s[key].is_null(), "{key}");
    }

    let patch = json!({ "automaticRepliesSetting": { "status": "Scheduled",
        "scheduledStartDateTime": { "dateTime": "2020-01-01T00:00:00", "timeZone": "UTC" },
        "scheduledEndDateTime": { "dateTime": "2099-01-01T00:00:00", "timeZone": "UTC" },
        "internalReplyMessage": "Back soon" }, "timeZone": "Europe/Berlin" });
    let r = emu.call(MEMBER, "PATCH", "/v1.0/me/mailboxSettings", Some(&patch.to_string()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let changed = r.json();
    assert_eq!(changed["timeZone"], "Europe/Berlin");
    assert!(changed.get("language").is_none(), "only the updated properties come back");
    let auto = emu.get(MEMBER, "/v1.0/me/mailboxSettings/automaticRepliesSetting").json();
    assert_eq!(auto["status"], "scheduled");
    assert_eq!(auto["externalAudience"], "all", "a partial update keeps the rest");
    assert!(auto["@odata.context"].as_str().unwrap().ends_with("/mailboxSettings/automaticRepliesSetting"));

    for bad in [
        r#"{"timeZone": "Mars/Olympus"}"#,
        r#"{"userPurpose": "shared"}"#,
        r#"{"colour": 1}"#,
        r#"{"automaticRepliesSetting": {"status": "sometimes"}}"#,
    ] {
        assert_eq!(emu.call(MEMBER, "PATCH", "/v1.0/me/mailboxSettings", Some(bad)).status, 400, "{bad}");
    }
    assert_eq!(emu.get(MEMBER, "/v1.0/users/support@contoso.test/mailboxSettings").json()["userPurpose"], "shared");
}

#[test]
fn mail_tips_from_state() {
    let emu = Emu::start();
    let body = json!({ "EmailAddresses": [OWNER, MEMBER, "partner@external.example", "ghost@contoso.test"],
        "MailTipsOptions": "automaticReplies, mailboxFullStatus, recipientScope, maxMessageSize" });
    let r = emu.call(MEMBER, "POST", "/v1.0/me/getMailTips", Some(&body.to_string()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert_eq!(v["@odata.context"], format!("{}/v1.0/$metadata#Collection(microsoft.graph.mailTips)", emu.base()));
    let tips = v["value"].as_array().unwrap();
    assert_eq!(tips.len(), 4);
    assert_eq!(tips[0]["emailAddress"]["address"], OWNER);
    assert!(tips[0]["automaticReplies"]["message"].as_str().unwrap().contains("offsite"), "owner's reply is always on");
    assert_eq!(tips[0]["automaticReplies"]["messageLanguage"]["locale"], "en-US");
    assert_eq!(tips[0]["mailboxFull"], false);
    assert_eq!(tips[0]["recipientScope"], "internal");
    assert_eq!(tips[1]["automaticReplies"], json!({ "message": "" }));
    assert_eq!(tips[2]["recipientScope"], "external");
    assert_eq!(tips[3]["error"]["code"], "ErrorRecipientNotFound");

    // The metadata's names work too, and a scheduled reply shows its window.
    let patch = json!({ "automaticRepliesSetting": { "status": "scheduled", "externalReplyMessage": "Away",
        "scheduledStartDateTime": { "dateTime": "2020-01-01T00:00:00.0000000", "timeZone": "UTC" },
        "scheduledEndDateTime": { "dateTime": "2099-01-01T00:00:00.0000000", "timeZone": "UTC" } } });
    assert_eq!(emu.call(OUTSIDER, "PATCH", "/v1.0/me/mailboxSettings", Some(&patch.to_string())).status, 200);
    let body = json!({ "emailAddresses": [OUTSIDER], "mailTipsOptions": "automaticReplies" });
    let t = emu.call(MEMBER, "POST", "/v1.0/me/getMailTips", Some(&body.to_string())).json();
    assert_eq!(t["value"][0]["automaticReplies"]["scheduledEndTime"]["dateTime"], "2099-01-01T00:00:00.0000000");
    assert!(t["value"][0].get("mailboxFull").is_none(), "only requested tips");
    let bad = json!({ "emailAddresses": [OWNER], "mailTipsOptions": "everything" });
    assert_eq!(emu.call(MEMBER, "POST", "/v1.0/me/getMailTips", Some(&bad.to_string())).status, 400);
}

#[test]
fn languages_and_time_zones() {
    let emu = Emu::start();
    let langs = emu.get(MEMBER, "/v1.0/me/outlook/supportedLanguages()");
    assert_eq!(langs.status, 200);
    let langs = langs.json();
    assert_eq!(
        langs["@odata.context"],
        format!("{}/v1.0/$metadata#Collection(microsoft.graph.localeInfo)", emu.base())
    );
    assert!(langs["value"].as_array().unwrap().iter().any(|l| l["locale"] == "en-US"));
    let windows = emu.get(MEMBER, "/v1.0/me/outlook/supportedTimeZones").json();
    assert!(windows["value"].as_array().unwrap().iter().any(|z| z["alias"] == "Pacific Standard Time"));
    let iana =
        emu.get(MEMBER, "/v1.0/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')");
    assert_eq!(iana.status, 200);
    let iana = iana.json();
    assert!(iana["value"].as_array().unwrap().iter().any(|z| z["alias"] == "America/Los_Angeles"));
    assert_eq!(
        iana["@odata.context"],
        format!("{}/v1.0/$metadata#Collection(microsoft.graph.timeZoneInformation)", emu.base())
    );
}

#[test]
fn unsubscribe_needs_a_mailto_list_header() {
    let emu = Emu::start();
    let r = emu.call(MEMBER, "POST", "/v1.0/me/messages/AAMkAGMemberNewsletter0001/unsubscribe", None);
    assert_eq!(r.status, 202, "{}", String::from_utf8_lossy(&r.body));
    let r = emu.call(MEMBER, "POST", "/v1.0/me/messages/AAMkAGMemberKickoff0001/unsubscribe", None);
    assert_eq!(r.status, 400);
    assert_eq!(r.code(), "ErrorInvalidRequest");
}

#[test]
fn who_may_open_which_mailbox() {
    let emu = Emu::start();
    let me = emu.get(MEMBER, "/v1.0/me/messages?$top=1").json();
    let by_upn = emu.get(MEMBER, &format!("/v1.0/users/{MEMBER}/messages?$top=1")).json();
    let by_id = emu.get(MEMBER, &format!("/v1.0/users/{MEMBER_ID}/messages?$top=1")).json();
    assert_eq!(me["value"], by_upn["value"]);
    assert_eq!(me["value"], by_id["value"]);
    for path in [
        "/v1.0/users/owner@contoso.test/messages",
        "/v1.0/users/owner@contoso.test/mailFolders/inbox",
        "/v1.0/users/owner@contoso.test/mailboxSettings",
    ] {
        let r = emu.get(MEMBER, path);
        assert_eq!(r.status, 403, "{path}");
        let e = r.error();
        assert_eq!(
            (e["code"].as_str(), e["message"].as_str()),
            (Some("ErrorAccessDenied"), Some("Access is denied. Check credentials and try again."))
        );
    }
    let r = emu.get(MEMBER, "/v1.0/users/nobody@contoso.test/messages");
    assert_eq!(r.status, 404);
    assert_eq!(r.error()["message"], "The requested user 'nobody@contoso.test' is invalid.");
    assert_eq!(r.code(), "ErrorInvalidUser");
    assert_eq!(
        emu.get(MEMBER, "/v1.0/users/SUPPORT@contoso.test/messages/AAMkAGSupportTicket0001").status,
        200,
        "the delegate reads the shared mailbox"
    );
    assert_eq!(emu.get(OWNER, "/v1.0/users/support@contoso.test/messages/AAMkAGSupportTicket0001").status, 403);
    assert_eq!(emu.get(MEMBER, "/v1.0/me/messages/AAMkAGSupportTicket0001").status, 404, "ids are per mailbox");
    assert_eq!(emu.get(MEMBER, "/v1.0/me/messagez").code(), "BadRequest");
}

#[test]
fn action_parameters_match_without_case_on_group_posts_too() {
    let emu = Emu::start();
    let thread = format!("/v1.0/groups/{PUBLIC}/threads/{}", enc(KICKOFF_THREAD));
    let body = json!({ "Post": { "body": { "contentType": "text", "content": "Pascal-cased" } } });
    let r = emu.call(MEMBER, "POST", &format!("{thread}/reply"), Some(&body.to_string()));
    assert_eq!(r.status, 202, "{}", String::from_utf8_lossy(&r.body));
    let posts = emu.get(MEMBER, &format!("{thread}/posts")).json();
    let last: &Value = posts["value"].as_array().unwrap().last().unwrap();
    assert_eq!(last["body"]["content"], "Pascal-cased");
    let post = format!("{thread}/posts/{}", enc(last["id"].as_str().unwrap()));
    let fwd = json!({ "Comment": "fyi", "ToRecipients": [{ "emailAddress": { "address": "x@contoso.test" } }] });
    assert_eq!(emu.call(MEMBER, "POST", &format!("{post}/forward"), Some(&fwd.to_string())).status, 202);
    let r = emu.call(MEMBER, "POST", &format!("{thread}/reply"), Some(r#"{"Posts": {}}"#));
    assert_eq!(r.status, 400);
}

#[test]
fn reset_restores_mailboxes() {
    let emu = Emu::start();
    // Deleted Items gives the message a new id, so it is gone from its old one.
    assert_eq!(emu.call(MEMBER, "DELETE", "/v1.0/me/messages/AAMkAGMemberKickoff0001", None).status, 204);
    assert_eq!(emu.get(MEMBER, "/v1.0/me/messages/AAMkAGMemberKickoff0001").status, 404);
    assert_eq!(send(&emu.base(), "POST", "/_emulator/reset", &[], None).status, 204);
    assert_eq!(emu.get(MEMBER, "/v1.0/me/messages/AAMkAGMemberKickoff0001").status, 200);
}
