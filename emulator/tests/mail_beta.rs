//! Graph's beta endpoint for mail: @-mentions travel with a message, `mentionsPreview` says
//! whether the caller is mentioned (and filters on it), `$expand=mentions` lists them; v1.0 shows
//! neither, and links stay on the version asked for.

mod common;
use common::*;
use serde_json::{json, Value};

fn subjects(v: &Value) -> Vec<String> {
    v["value"].as_array().unwrap().iter().map(|m| m["subject"].as_str().unwrap_or("").to_string()).collect()
}

#[test]
fn mentions_reach_the_mentioned_and_filter_on_beta_only() {
    let emu = Emu::start();
    let message = json!({ "message": {
        "subject": "Q3 plan, @Owner please review",
        "toRecipients": [{ "emailAddress": { "address": OWNER } }, { "emailAddress": { "address": OUTSIDER } }],
        "mentions": [{ "mentioned": { "name": "Owner", "address": OWNER } }]
    } });
    let r = emu.call(MEMBER, "POST", "/beta/me/sendMail", Some(&message.to_string()));
    assert_eq!(r.status, 202);

    let flt = "/beta/me/mailFolders/inbox/messages?$filter=mentionsPreview/isMentioned%20eq%20true&$top=50";
    let mine = emu.get(OWNER, flt).json();
    assert_eq!(subjects(&mine), ["Q3 plan, @Owner please review"]);
    assert!(mine["@odata.context"].as_str().unwrap().contains("/beta/$metadata#"), "{}", mine["@odata.context"]);
    assert!(subjects(&emu.get(OUTSIDER, flt).json()).is_empty(), "the outsider was not mentioned");

    let id = mine["value"][0]["id"].as_str().unwrap();
    let expanded = emu.get(OWNER, &format!("/beta/me/messages/{}?$expand=mentions", enc(id))).json();
    assert_eq!(expanded["mentionsPreview"]["isMentioned"], true);
    assert_eq!(expanded["mentions"][0]["mentioned"]["address"], OWNER);
    assert!(expanded["mentions"][0]["id"].is_string());

    let v1 = emu.get(OWNER, &format!("/v1.0/me/messages/{}", enc(id))).json();
    assert!(v1.get("mentionsPreview").is_none() && v1.get("mentions").is_none(), "beta-only: {v1}");
    let bad = json!({ "subject": "x", "mentions": [{ "mentioned": { "name": "nobody" } }] });
    assert_eq!(emu.call(MEMBER, "POST", "/beta/me/messages", Some(&bad.to_string())).status, 400);
}
