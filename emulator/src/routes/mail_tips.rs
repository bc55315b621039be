//! Mail tips (`POST .../getMailTips`), answered from the tenant's state: automatic replies that
//! are on now, the recipient's scope (internal or external to the tenant's domains), mailbox
//! status, and Graph's error element for tenant addresses that have no mailbox.

use super::mail::{open, MailAt};
use super::mail_settings::{bad, with_context};
use super::Call;
use crate::errors::Result;
use crate::mail::settings;
use crate::params::action_params;
use crate::tenant::{Obj, Tenant};
use axum::response::Response;
use serde_json::{json, Value};

const TIP_OPTIONS: &[&str] = &[
    "automaticReplies",
    "customMailTip",
    "deliveryRestriction",
    "externalMemberCount",
    "mailboxFullStatus",
    "maxMessageSize",
    "moderationStatus",
    "recipientScope",
    "recipientSuggestions",
    "totalMemberCount",
];

pub(super) fn mail_tips(call: &Call, at: &MailAt) -> Result<Response> {
    let p = action_params(call.json_body()?, "getMailTips", &["emailAddresses", "mailTipsOptions"])?;
    let addresses: Vec<String> = match p.get("emailAddresses") {
        Some(Value::Array(a)) if a.iter().all(Value::is_string) => {
            a.iter().filter_map(Value::as_str).map(str::to_string).collect()
        }
        _ => return Err(bad("The parameter 'emailAddresses' must be a collection of strings.")),
    };
    let raw = p
        .get("mailTipsOptions")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("The parameter 'mailTipsOptions' is missing from the request payload."))?;
    let mut options = Vec::new();
    for o in raw.split(',').map(str::trim).filter(|o| !o.is_empty()) {
        let found = TIP_OPTIONS.iter().find(|x| x.eq_ignore_ascii_case(o));
        options.push(
            *found
                .ok_or_else(|| bad(format!("Requested value '{o}' was not found in the mailTipsType enumeration.")))?,
        );
    }
    let t = call.app.tenant();
    open(&t, at, &call.caller.id)?;
    let value: Vec<Value> = addresses.iter().map(|a| Value::Object(tips(&t, a, &options))).collect();
    Ok(with_context(
        call,
        "Collection(microsoft.graph.mailTips)",
        json!({ "value": value }).as_object().cloned().unwrap_or_default(),
    ))
}

/// One recipient's mail tips, as Graph shapes them: only the requested ones.
fn tips(t: &Tenant, address: &str, options: &[&str]) -> Obj {
    let mut o = Obj::new();
    o.insert("emailAddress".into(), json!({ "name": "", "address": address }));
    let internal = t.is_internal(address);
    let mb = t.mailbox_index_for(address).map(|i| &t.mailboxes[i]);
    if internal && mb.is_none() {
        o.insert(
            "error".into(),
            json!({ "message": "The recipient wasn't found in the directory.", "code": "ErrorRecipientNotFound" }),
        );
        return o;
    }
    for opt in options {
        let v = match *opt {
            "automaticReplies" => match mb.and_then(|m| settings::active_reply(&m.settings)) {
                Some(s) => {
                    let reply = if internal { &s["internalReplyMessage"] } else { &s["externalReplyMessage"] };
                    let mut r =
                        json!({ "message": reply, "messageLanguage": mb.map(|m| m.settings["language"].clone()) });
                    if s.get("status").and_then(Value::as_str) == Some("scheduled") {
                        r["scheduledStartTime"] = s["scheduledStartDateTime"].clone();
                        r["scheduledEndTime"] = s["scheduledEndDateTime"].clone();
                    }
                    r
                }
                None => json!({ "message": "" }),
            },
            "mailboxFullStatus" => {
                o.insert("mailboxFull".into(), json!(false));
                continue;
            }
            "maxMessageSize" => json!(37_748_736),
            "customMailTip" => continue,
            "deliveryRestriction" => {
                o.insert("deliveryRestricted".into(), json!(false));
                continue;
            }
            "moderationStatus" => {
                o.insert("isModerated".into(), json!(false));
                continue;
            }
            "externalMemberCount" => json!(0),
            "totalMemberCount" => json!(1),
            "recipientScope" => json!(if internal { "internal" } else { "external" }),
            "recipientSuggestions" => json!([]),
            _ => continue,
        };
        o.insert((*opt).to_string(), v);
    }
    o
}
