//! Reminders: `reminderView` lists the reminders of events (and occurrences) in a window that
//! have `isReminderOn`, firing `reminderMinutesBeforeStart` before the start or when snoozed to;
//! `snoozeReminder` moves one, `dismissReminder` drops it.

use super::calendar::{open, Act, CalAt, CalPath, Need};
use super::calendar_items::applied;
use super::{not_allowed, Call};
use crate::calendar::tz::{self, View};
use crate::calendar::views;
use crate::errors::{Family, GraphError, Result};
use crate::respond::{empty, json};
use crate::tenant::{text, Obj, Tenant};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use jiff::{Timestamp, ToSpan};
use serde_json::{json, Value};

fn missing() -> GraphError {
    GraphError::new(
        400,
        "ErrorInvalidParameter",
        "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.",
    )
}

fn instant_arg(v: Option<&String>) -> Result<Timestamp> {
    let v = v.ok_or_else(missing)?;
    v.parse::<Timestamp>()
        .ok()
        .or_else(|| tz::parse_local(v).and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok()).map(|z| z.timestamp()))
        .ok_or_else(|| {
            GraphError::new(400, "ErrorInvalidParameter", format!("The value '{v}' is not a valid date and time."))
        })
}

fn reminder(store: &crate::calendar::Store, e: &Obj, view: &View) -> Option<Value> {
    let eid = text(e, "id")?;
    if e.get("isReminderOn") != Some(&Value::Bool(true)) || store.dismissed.contains(eid) {
        return None;
    }
    let start = tz::instant(e.get("start")?)?;
    let minutes = e.get("reminderMinutesBeforeStart").and_then(Value::as_i64).unwrap_or(15);
    let fire = match store.snoozed.get(eid) {
        Some(t) => *t,
        None => start.checked_sub(minutes.minutes()).ok()?,
    };
    Some(json!({
        "eventId": eid,
        "eventStartTime": e["start"],
        "eventEndTime": e["end"],
        "changeKey": e["changeKey"],
        "eventSubject": e["subject"],
        "eventLocation": e["location"],
        "eventWebLink": e["webLink"],
        "reminderFireTime": tz::render(fire, view),
    }))
}

pub(super) fn handle(call: &Call, at: &CalAt) -> Result<Response> {
    let CalPath::Reminders(start, end) = &at.path else { return Err(GraphError::item_not_found()) };
    if call.method != Method::GET {
        return not_allowed(Family::Exchange, "GET");
    }
    let (from, to) = (instant_arg(start.as_ref())?, instant_arg(end.as_ref())?);
    super::calendar_items::check_span(from, to)?;
    let view = View::from_headers(call.headers);
    let mut t = call.app.tenant();
    let s = open(&mut t, &at.owner, &call.caller, Need::Read)?;
    let store = &t.calendars[s];
    let mut items: Vec<Obj> = store.events.iter().flat_map(|e| views::in_window(e, from, to, &view)).collect();
    views::by_start(&mut items);
    let value: Vec<Value> = items.iter().filter_map(|e| reminder(store, e, &view)).collect();
    let context = call.ctx.context("Collection(microsoft.graph.reminder)");
    Ok(applied(json(StatusCode::OK, &json!({ "@odata.context": context, "value": value })), &view))
}

/// `snoozeReminder {"newReminderTime"}` and `dismissReminder`: 200 with no body.
pub(super) fn act(t: &mut Tenant, store: usize, eid: &str, act: Act, body: &Obj) -> Result<Response> {
    let s = &mut t.calendars[store];
    if act == Act::Dismiss {
        s.dismissed.insert(eid.to_string());
        s.snoozed.remove(eid);
        return Ok(empty(StatusCode::OK));
    }
    let when = body.get("newReminderTime").and_then(tz::instant).ok_or_else(|| {
        GraphError::new(400, "ErrorInvalidRequest", "A valid 'newReminderTime' (dateTime and timeZone) is required.")
    })?;
    s.dismissed.remove(eid);
    s.snoozed.insert(eid.to_string(), when);
    Ok(empty(StatusCode::OK))
}
