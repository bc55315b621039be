//! Writing events: checking an event body (known properties, real time zones, end after start,
//! a recurrence with what its pattern needs) and filling in what Exchange sets on create.

use super::schema::{EVENT, EVENT_WRITABLE};
use super::{recur, tz, Event, Store};
use crate::errors::{GraphError, Result};
use crate::tenant::{text, Obj};
use crate::{clock, ids};
use serde_json::{json, Value};

fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::new(400, "BadRequest", msg)
}

fn invalid(msg: impl Into<String>) -> GraphError {
    GraphError::new(400, "ErrorInvalidRequest", msg)
}

fn one_of(v: &Value, allowed: &[&str], enum_name: &str) -> Result<Value> {
    let s = v.as_str().unwrap_or_default();
    match allowed.iter().find(|a| a.eq_ignore_ascii_case(s)) {
        Some(a) => Ok(json!(a)),
        None => Err(bad(format!("Requested value '{s}' was not found in the {enum_name} enumeration."))),
    }
}

fn date_time_zone(v: &Value, name: &str) -> Result<Value> {
    let zone = v.get("timeZone").and_then(Value::as_str).unwrap_or("UTC");
    if tz::zone(zone).is_none() {
        return Err(GraphError::new(
            400,
            "TimeZoneNotSupportedException",
            format!(
                "A valid TimeZone value must be specified. The following TimeZone value is not supported: '{zone}'."
            ),
        ));
    }
    let dt = v.get("dateTime").and_then(Value::as_str).and_then(tz::parse_local);
    let dt = dt.ok_or_else(|| {
        bad(format!(
            "Cannot convert the literal '{}' to the expected type 'Edm.DateTime' ('{name}').",
            v.get("dateTime").unwrap_or(&Value::Null)
        ))
    })?;
    Ok(json!({ "dateTime": tz::format(dt), "timeZone": zone }))
}

fn attendees(v: &Value) -> Result<Value> {
    let list = v.as_array().ok_or_else(|| bad("'attendees' must be a collection of attendees."))?;
    let mut out = Vec::new();
    for a in list {
        let address = a.pointer("/emailAddress/address").and_then(Value::as_str).filter(|s| !s.trim().is_empty());
        let address = address.ok_or_else(|| invalid("Each attendee needs an emailAddress with an address."))?;
        let name = a.pointer("/emailAddress/name").and_then(Value::as_str).unwrap_or(address);
        let kind =
            one_of(a.get("type").unwrap_or(&json!("required")), &["required", "optional", "resource"], "attendeeType")?;
        let status =
            a.get("status").cloned().unwrap_or_else(|| json!({ "response": "none", "time": "0001-01-01T00:00:00Z" }));
        out.push(json!({ "type": kind, "status": status, "emailAddress": { "name": name, "address": address } }));
    }
    Ok(Value::Array(out))
}

/// Checks the writable properties of an event body; read-only ones are ignored, unknown ones refused.
pub(crate) fn parse(v: &Value) -> Result<Obj> {
    let o = v.as_object().ok_or_else(|| bad("An event must be a JSON object."))?;
    let mut props = Obj::new();
    for (k, v) in o {
        let value = match k.as_str() {
            _ if k.starts_with('@') => continue,
            _ if crate::extended::is_extended(k) => {
                crate::extended::check(k, v)?;
                continue;
            }
            "start" | "end" => date_time_zone(v, k)?,
            "body" => {
                let content = v.get("content").and_then(Value::as_str).unwrap_or_default();
                let kind = one_of(v.get("contentType").unwrap_or(&json!("html")), &["text", "html"], "bodyType")?;
                json!({ "contentType": kind, "content": content })
            }
            "attendees" => attendees(v)?,
            "recurrence" if v.is_null() => v.clone(),
            "recurrence" => {
                recur::check(v).map_err(|p| invalid(format!("The recurrence pattern is not valid: '{p}' is missing or wrong.")))?;
                v.clone()
            }
            "importance" => one_of(v, &["low", "normal", "high"], "importance")?,
            "sensitivity" => one_of(v, &["normal", "personal", "private", "confidential"], "sensitivity")?,
            "showAs" => one_of(v, &["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"], "freeBusyStatus")?,
            "isAllDay" | "isReminderOn" | "isOnlineMeeting" | "responseRequested" | "allowNewTimeProposals" | "hideAttendees" | "isDraft" if v.is_boolean() => v.clone(),
            "reminderMinutesBeforeStart" if v.is_i64() => v.clone(),
            "subject" | "transactionId" if v.is_string() || v.is_null() => v.clone(),
            _ if EVENT_WRITABLE.contains(&k.as_str()) => v.clone(),
            _ if EVENT.contains(&k.as_str()) => continue,
            _ => {
                return Err(bad(format!(
                    "The property '{k}' does not exist on type 'microsoft.graph.event'. Make sure to only use property names that are defined by the type or mark the type as open type."
                )))
            }
        };
        props.insert(k.clone(), value);
    }
    Ok(props)
}

/// Checks what a whole event needs once `props` are applied: both ends, end not before start,
/// all-day events on midnights.
pub(crate) fn check_times(e: &Obj) -> Result<()> {
    let (Some(start), Some(end)) = (e.get("start"), e.get("end")) else {
        return Err(invalid("An event needs both 'start' and 'end'."));
    };
    let (s, en) = (tz::instant(start), tz::instant(end));
    if s.zip(en).is_some_and(|(s, en)| en < s) {
        return Err(invalid("The end time of the event can't be earlier than its start time."));
    }
    if e.get("isAllDay") == Some(&Value::Bool(true)) {
        let midnight = |v: &Value| v["dateTime"].as_str().is_some_and(|s| s.get(11..19) == Some("00:00:00"));
        if !midnight(start) || !midnight(end) {
            return Err(invalid("Start and End of an all-day event must be midnights (no time part)."));
        }
    }
    Ok(())
}

pub(crate) fn web_link(eid: &str) -> String {
    format!(
        "https://outlook.office365.com/owa/?itemid={}&exvsurl=1&path=/calendar/item",
        crate::respond::percent_encode(eid)
    )
}

/// A new event in `calendar` of `store`, organized by the store's owner.
pub(crate) fn new_event(store: &Store, calendar: &str, props: Obj) -> Result<Event> {
    let now = clock::now_iso();
    let eid = ids::mail_item_id();
    let zone = |k: &str| props.get(k).and_then(|v| v.get("timeZone")).cloned().unwrap_or(json!("UTC"));
    let mut e = super::store::obj(json!({
        "id": eid, "createdDateTime": now, "lastModifiedDateTime": now, "changeKey": ids::change_key(),
        "categories": [], "transactionId": null, "originalStartTimeZone": zone("start"), "originalEndTimeZone": zone("end"),
        "iCalUId": format!("040000008200E00074C5B7101A82E00800000000{}", ids::guid().replace('-', "").to_uppercase()),
        "reminderMinutesBeforeStart": 15, "isReminderOn": true, "subject": "", "importance": "normal",
        "sensitivity": "normal", "isAllDay": false, "isCancelled": false, "isOrganizer": true,
        "responseRequested": true, "seriesMasterId": null, "showAs": "busy", "webLink": web_link(&eid),
        "onlineMeetingUrl": null, "isOnlineMeeting": false, "onlineMeetingProvider": "unknown",
        "allowNewTimeProposals": true, "isDraft": false, "hideAttendees": false,
        "responseStatus": { "response": "organizer", "time": "0001-01-01T00:00:00Z" },
        "body": { "contentType": "html", "content": "" },
        "location": { "displayName": "", "locationType": "default", "uniqueIdType": "unknown", "address": {}, "coordinates": {} },
        "locations": [], "recurrence": null, "attendees": [], "organizer": { "emailAddress": store.owner_address },
        "onlineMeeting": null,
    }));
    e.extend(props);
    e.insert("uid".into(), e["iCalUId"].clone());
    check_times(&e)?;
    if text(&e, "subject").is_none() {
        e.insert("subject".into(), json!(""));
    }
    Ok(Event { props: e, calendar: calendar.to_string(), exceptions: Default::default(), attachments: Vec::new() })
}
