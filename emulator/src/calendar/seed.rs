//! The `calendars` section of a tenant fixture: per owner (a user's id, principal name or
//! address, a shared mailbox's, or a group's id), extra calendars and events. Events take the
//! body `POST /events` takes plus optional `id` and `calendar` (a calendar's name); attendees
//! in the tenant get their copies, without invitation mail.

use super::compose::{new_event, parse};
use super::invite;
use super::store::{calendar, default_permissions};
use super::Calendar;
use crate::ids;
use crate::tenant::{id, text, Tenant};
use serde_json::{json, Value};

fn store_for(t: &mut Tenant, owner: &str) -> Result<usize, String> {
    if let Some(i) = t.mailboxes.iter().position(|m| m.is(owner)) {
        return Ok(t.mailbox_calendar(i));
    }
    t.group_calendar(owner).ok_or_else(|| format!("no mailbox or group '{owner}'"))
}

pub(crate) fn load(t: &mut Tenant, section: Option<&Value>) -> Result<(), String> {
    let entries = match section {
        None => return Ok(()),
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return Err("\"calendars\" must be an array".into()),
    };
    for (i, e) in entries.iter().enumerate() {
        load_one(t, e).map_err(|err| format!("calendars[{i}]: {err}"))?;
    }
    Ok(())
}

fn load_one(t: &mut Tenant, e: &Value) -> Result<(), String> {
    let owner = e["owner"].as_str().ok_or("\"owner\" is required")?;
    let s = store_for(t, owner)?;
    for (i, c) in e["calendars"].as_array().into_iter().flatten().enumerate() {
        let name = c["name"].as_str().ok_or(format!("calendars[{i}]: \"name\" is required"))?;
        let cid = ids::stable("AAMkA", &format!("{owner}/calendar/{name}"), 60);
        let store = &t.calendars[s];
        let mut props = calendar(store, name, &cid, false);
        if let Some(color) = c["color"].as_str() {
            props.insert("color".into(), json!(color));
        }
        let group = id(&store.groups[0]).to_string();
        t.calendars[s].calendars.push(Calendar { props, group, permissions: default_permissions() });
    }
    for (i, ev) in e["events"].as_array().into_iter().flatten().enumerate() {
        let at = |err: String| format!("events[{i}]: {err}");
        let mut body = ev.as_object().cloned().ok_or_else(|| at("must be an object".into()))?;
        let given_id = body.remove("id").and_then(|v| v.as_str().map(str::to_string));
        let in_calendar = body.remove("calendar").and_then(|v| v.as_str().map(str::to_string));
        let props = parse(&Value::Object(body)).map_err(|err| at(err.message))?;
        let store = &t.calendars[s];
        let cid = match in_calendar {
            Some(name) => store
                .calendars
                .iter()
                .find(|c| text(&c.props, "name") == Some(name.as_str()))
                .map(|c| id(&c.props).to_string())
                .ok_or_else(|| at(format!("no calendar named '{name}'")))?,
            None => store.default_calendar(),
        };
        let mut event = new_event(store, &cid, props).map_err(|err| at(err.message))?;
        let eid = given_id.unwrap_or_else(|| ids::stable("AAMkA", &format!("{owner}/event/{i}"), 90));
        event.props.insert("id".into(), json!(eid));
        event.props.insert("webLink".into(), json!(super::compose::web_link(&eid)));
        t.calendars[s].events.push(event);
        if !t.calendars[s].is_group {
            invite::deliver(t, s, &eid, None, false);
        }
    }
    Ok(())
}
