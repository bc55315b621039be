//! Mailbox-wide resources: mailboxSettings, inbox rules, Focused Inbox overrides, mail tips,
//! and the languages and time zones Outlook supports.

use super::mail::{open, owner_fragment, MailAt, MailPath};
use super::{not_allowed, Call};
use crate::errors::{Family, GraphError, Result};
use crate::ids;
use crate::mail::settings::{self, LANGUAGES, TIME_ZONES};
use crate::mail::{rules, Mailbox};
use crate::odata;
use crate::respond::{empty, json as json_response, key};
use crate::schema::Kind;
use crate::tenant::{id, Obj};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;

pub(super) fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::bad_request(EX, msg)
}

pub(super) fn with_context(call: &Call, fragment: &str, mut o: Obj) -> Response {
    o.insert("@odata.context".into(), json!(call.ctx.context(fragment)));
    json_response(StatusCode::OK, &Value::Object(o))
}

fn declared(body: &Obj, kind: Kind) -> Result<()> {
    match body.keys().find(|k| !k.starts_with('@') && !kind.properties().contains(&k.as_str())) {
        Some(k) => Err(bad(format!(
            "The property '{k}' does not exist on type 'microsoft.graph.{}'. Make sure to only use property names that are defined by the type or mark the type as open type.",
            kind.type_name()
        ))),
        None => Ok(()),
    }
}

pub(super) fn handle(call: &Call, at: &MailAt) -> Result<Response> {
    match &at.path {
        MailPath::Settings | MailPath::AutomaticReplies => mailbox_settings(call, at),
        MailPath::Rules(f) | MailPath::Rule(f, _) => {
            let rule = if let MailPath::Rule(_, r) = &at.path { Some(r.as_str()) } else { None };
            message_rules(call, at, f, rule)
        }
        MailPath::Overrides | MailPath::Override(_) => overrides(call, at),
        MailPath::MailTips if call.method == Method::POST => super::mail_tips::mail_tips(call, at),
        MailPath::Languages | MailPath::TimeZones(_) if call.method == Method::GET => {
            let t = call.app.tenant();
            open(&t, at, &call.caller.id)?;
            let (fragment, value): (&str, Vec<Value>) = match at.path {
                MailPath::Languages => (
                    "Collection(microsoft.graph.localeInfo)",
                    LANGUAGES.iter().map(|(l, _)| settings::language(l)).collect(),
                ),
                MailPath::TimeZones(iana) => (
                    "Collection(microsoft.graph.timeZoneInformation)",
                    TIME_ZONES
                        .iter()
                        .map(|(w, d)| {
                            let alias = if iana { o365kit::timezone::iana_name(w) } else { w };
                            json!({ "alias": alias, "displayName": d })
                        })
                        .collect(),
                ),
                _ => ("", Vec::new()),
            };
            Ok(with_context(call, fragment, json!({ "value": value }).as_object().cloned().unwrap_or_default()))
        }
        MailPath::MailTips => not_allowed(EX, "POST"),
        _ => not_allowed(EX, "GET"),
    }
}

fn mailbox_settings(call: &Call, at: &MailAt) -> Result<Response> {
    let auto = at.path == MailPath::AutomaticReplies;
    match *call.method {
        Method::GET => {
            let t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let s = &t.mailboxes[i].settings;
            let fragment = format!("{}/mailboxSettings", owner_fragment(&t, i));
            if auto {
                let o = s.get("automaticRepliesSetting").and_then(Value::as_object).cloned().unwrap_or_default();
                return Ok(with_context(call, &format!("{fragment}/automaticRepliesSetting"), o));
            }
            Ok(with_context(call, &fragment, s.clone()))
        }
        Method::PATCH if !auto => {
            let body = call.json_body()?;
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let fragment = format!("{}/mailboxSettings", owner_fragment(&t, i));
            let changed = settings::patch(&mut t.mailboxes[i].settings, body)?;
            Ok(with_context(call, &fragment, changed))
        }
        _ if auto => not_allowed(EX, "GET"),
        _ => not_allowed(EX, "GET, PATCH"),
    }
}

/// A checked rule body: declared properties, folders that exist, a numeric sequence.
fn check_rule(mb: &Mailbox, body: &Obj, create: bool) -> Result<()> {
    declared(body, Kind::MessageRule)?;
    if create && !body.get("displayName").is_some_and(Value::is_string) {
        return Err(bad("The property 'displayName' is required for a message rule."));
    }
    if create && !body.get("sequence").is_some_and(Value::is_u64) || body.get("sequence").is_some_and(|s| !s.is_u64()) {
        return Err(bad("The property 'sequence' must be a positive integer."));
    }
    for k in ["conditions", "actions", "exceptions"] {
        if body.get(k).is_some_and(|v| !v.is_object()) {
            return Err(bad(format!("The property '{k}' must be an object.")));
        }
    }
    rules::check_folders(mb, body).map_err(|e| GraphError::new(400, "ErrorInvalidArgument", e))
}

fn message_rules(call: &Call, at: &MailAt, folder: &str, rule: Option<&str>) -> Result<Response> {
    let mut t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    if !t.mailboxes[i].is_well_known(folder, "inbox") {
        return Err(GraphError::unknown_segment("messageRules"));
    }
    let fragment = format!("{}/mailFolders({})/messageRules", owner_fragment(&t, i), key(folder));
    let mb = &mut t.mailboxes[i];
    let index = |mb: &Mailbox, r: &str| mb.rules.iter().position(|x| id(x) == r).ok_or_else(GraphError::item_not_found);
    match (rule, call.method) {
        (None, &Method::GET) => {
            let q = call.query(Kind::MessageRule)?;
            let mut items = mb.rules.clone();
            items.sort_by_key(|r| r.get("sequence").and_then(Value::as_i64).unwrap_or(i64::MAX));
            drop(t);
            call.list(&q, Kind::MessageRule, &fragment, items)
        }
        (None, &Method::POST) => {
            let body = call.json_body()?;
            check_rule(mb, &body, true)?;
            let mut r = body;
            r.retain(|k, _| !k.starts_with('@'));
            r.insert("id".into(), json!(ids::stable("AQAAA", &ids::guid(), 6)));
            r.entry("isEnabled").or_insert(json!(true));
            r.insert("hasError".into(), json!(false));
            r.entry("isReadOnly").or_insert(json!(false));
            mb.rules.push(r.clone());
            Ok(odata::created(call.ctx, &fragment, r))
        }
        (Some(r), &Method::GET) => {
            let q = call.query(Kind::MessageRule)?;
            let item = mb.rules[index(mb, r)?].clone();
            odata::one(call.ctx, &q, Kind::MessageRule, &fragment, item, StatusCode::OK)
        }
        (Some(r), &Method::PATCH) => {
            let body = call.json_body()?;
            check_rule(mb, &body, false)?;
            let ri = index(mb, r)?;
            mb.rules[ri].extend(body.into_iter().filter(|(k, _)| !k.starts_with('@') && k != "id"));
            let item = mb.rules[ri].clone();
            Ok(with_context(call, &format!("{fragment}/$entity"), item))
        }
        (Some(r), &Method::DELETE) => {
            let ri = index(mb, r)?;
            mb.rules.remove(ri);
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (None, _) => not_allowed(EX, "GET, POST"),
        (Some(_), _) => not_allowed(EX, "GET, PATCH, DELETE"),
    }
}

fn classify_as(v: Option<&Value>) -> Result<Value> {
    match v.and_then(Value::as_str) {
        Some(s) if s.eq_ignore_ascii_case("focused") => Ok(json!("focused")),
        Some(s) if s.eq_ignore_ascii_case("other") => Ok(json!("other")),
        _ => Err(bad("The property 'classifyAs' must be 'focused' or 'other'.")),
    }
}

fn overrides(call: &Call, at: &MailAt) -> Result<Response> {
    let mut t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    let fragment = format!("{}/inferenceClassification/overrides", owner_fragment(&t, i));
    let mb = &mut t.mailboxes[i];
    let oid = if let MailPath::Override(o) = &at.path { Some(o.as_str()) } else { None };
    let index =
        |mb: &Mailbox, o: &str| mb.overrides.iter().position(|x| id(x) == o).ok_or_else(GraphError::item_not_found);
    match (oid, call.method) {
        (None, &Method::GET) => {
            let q = call.query(Kind::InferenceOverride)?;
            let items = mb.overrides.clone();
            drop(t);
            call.list(&q, Kind::InferenceOverride, &fragment, items)
        }
        (None, &Method::POST) => {
            let body = call.json_body()?;
            declared(&body, Kind::InferenceOverride)?;
            let class = classify_as(body.get("classifyAs"))?;
            let sender = body
                .get("senderEmailAddress")
                .filter(|s| s.get("address").and_then(Value::as_str).is_some_and(|a| a.contains('@')));
            let sender = sender.ok_or_else(|| bad("The property 'senderEmailAddress' needs an address."))?.clone();
            let address = sender["address"].as_str().unwrap_or_default().to_string();
            // One override per sender: a second create updates the first, as Exchange does.
            let existing = mb.overrides.iter().position(|o| {
                o.get("senderEmailAddress")
                    .and_then(|s| s.get("address"))
                    .and_then(Value::as_str)
                    .is_some_and(|a| a.eq_ignore_ascii_case(&address))
            });
            let o = match existing {
                Some(x) => {
                    mb.overrides[x].insert("classifyAs".into(), class);
                    mb.overrides[x].clone()
                }
                None => {
                    let o = json!({ "id": ids::stable("", &ids::guid(), 12), "classifyAs": class, "senderEmailAddress": sender });
                    let o = o.as_object().cloned().unwrap_or_default();
                    mb.overrides.push(o.clone());
                    o
                }
            };
            Ok(odata::created(call.ctx, &fragment, o))
        }
        (Some(o), &Method::PATCH) => {
            let body = call.json_body()?;
            declared(&body, Kind::InferenceOverride)?;
            let oi = index(mb, o)?;
            if body.contains_key("classifyAs") {
                mb.overrides[oi].insert("classifyAs".into(), classify_as(body.get("classifyAs"))?);
            }
            let item = mb.overrides[oi].clone();
            Ok(with_context(call, &format!("{fragment}/$entity"), item))
        }
        (Some(o), &Method::DELETE) => {
            let oi = index(mb, o)?;
            mb.overrides.remove(oi);
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (None, _) => not_allowed(EX, "GET, POST"),
        (Some(_), _) => not_allowed(EX, "PATCH, DELETE"),
    }
}
