//! The Outlook REST v2.0 dialect: `/api/v2.0/...` mail paths, PascalCase both ways.

mod common;
use common::*;
use serde_json::json;

#[test]
fn pascal_case_round_trip() {
    let emu = Emu::start();
    let r = emu
        .get(MEMBER, "/api/v2.0/Me/MailFolders/Inbox/Messages?$top=2&$select=Subject,From&$filter=IsRead%20eq%20false");
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let v = r.json();
    assert_eq!(
        v["@odata.context"],
        format!("{}/api/v2.0/$metadata#Users('{MEMBER_ID}')/MailFolders('Inbox')/Messages(Subject,From)", emu.base())
    );
    let next = v["@odata.nextLink"].as_str().unwrap();
    assert!(next.starts_with(&format!("{}/api/v2.0/", emu.base())), "{next}");
    let m = &v["value"][0];
    assert!(m["Subject"].is_string() && m["From"]["EmailAddress"]["Address"].is_string(), "{m}");
    assert!(m["Id"].is_string() && m["@odata.etag"].is_string());
    assert!(m.get("subject").is_none());
    assert_eq!(emu.get(MEMBER, next).status, 200, "next links work");

    let draft = json!({ "Subject": "From REST", "Body": { "ContentType": "HTML", "Content": "<p>hi</p>" },
        "ToRecipients": [{ "EmailAddress": { "Address": OWNER } }] });
    let r = emu.call(MEMBER, "POST", "/api/v2.0/me/messages", Some(&draft.to_string()));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let d = r.json();
    assert_eq!(d["Subject"], "From REST");
    assert_eq!(d["IsDraft"], true);
    assert_eq!(d["ToRecipients"][0]["EmailAddress"]["Address"], OWNER);
    assert!(d["@odata.context"].as_str().unwrap().ends_with("/Messages/$entity"));
    assert!(r.header("location").unwrap().contains("/api/v2.0/users/"));
    let id = d["Id"].as_str().unwrap();
    let r = emu.call(MEMBER, "POST", &format!("/api/v2.0/me/messages/{}/send", enc(id)), None);
    assert_eq!(r.status, 202);
    let got = emu.get(OWNER, "/v1.0/me/messages?$filter=subject%20eq%20'From%20REST'&$select=subject");
    assert_eq!(got.json()["value"].as_array().unwrap().len(), 1);

    let r = emu.call(
        MEMBER,
        "POST",
        "/api/v2.0/me/sendmail",
        Some(&json!({ "Message": { "Subject": "x" }, "SaveToSentItems": false }).to_string()),
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.code(), "ErrorInvalidRecipients", "errors keep their shape");
    assert_eq!(emu.get(MEMBER, "/api/v2.0/me/memberOf").status, 400, "only the mail routes speak v2.0");
    assert_eq!(emu.get(MEMBER, "/api/v3.0/me/messages").status, 400);
    let settings = emu.get(MEMBER, "/api/v2.0/me/MailboxSettings").json();
    assert_eq!(settings["AutomaticRepliesSetting"]["Status"], "disabled");
}
