//! `POST P/calendar/getSchedule`: free/busy of users and rooms over a window, from the events in
//! the emulator: `scheduleItems`, an `availabilityView` string and the mailbox's working hours.

use super::calendar::{open, CalAt, Need};
use super::calendar_items::applied;
use super::{not_allowed, Call};
use crate::calendar::freebusy::{busy, digit, status_in};
use crate::calendar::tz::{self, View};
use crate::errors::{Family, GraphError, Result};
use crate::respond::json;
use crate::tenant::text;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use jiff::ToSpan;
use serde_json::{json, Value};

/// The longest getSchedule window Graph answers.
const MAX_SCHEDULE_DAYS: i64 = 62;

fn invalid(msg: &str) -> GraphError {
    GraphError::new(400, "ErrorInvalidParameter", msg)
}

pub(super) fn get_schedule(call: &Call, at: &CalAt) -> Result<Response> {
    if call.method != Method::POST {
        return not_allowed(Family::Exchange, "POST");
    }
    let body = call.json_body()?;
    let schedules: Vec<String> = body
        .get("schedules")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .filter(|a: &Vec<String>| !a.is_empty())
        .ok_or_else(|| invalid("The 'schedules' parameter must name at least one address."))?;
    let from =
        body.get("startTime").and_then(tz::instant).ok_or_else(|| invalid("A valid 'startTime' is required."))?;
    let to = body.get("endTime").and_then(tz::instant).ok_or_else(|| invalid("A valid 'endTime' is required."))?;
    if to <= from {
        return Err(invalid("The 'endTime' must be after the 'startTime'."));
    }
    // Graph's limit; without it a window to the year 4050 expanded every series in it (found by
    // fuzzing: 200 MB for one request).
    let days = (to.duration_since(from).as_secs() + 86_399) / 86_400;
    if days > MAX_SCHEDULE_DAYS {
        return Err(GraphError::new(
            400,
            "ErrorTimeIntervalTooBig",
            format!(
                "The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = {MAX_SCHEDULE_DAYS} days; the actual limit = {days} days."
            ),
        ));
    }
    let interval = match body.get("availabilityViewInterval") {
        None | Some(Value::Null) => 30,
        Some(v) => v
            .as_i64()
            .filter(|m| (5..=1440).contains(m))
            .ok_or_else(|| invalid("'availabilityViewInterval' must be 5 to 1440 minutes."))?,
    };
    let view = View::from_headers(call.headers);
    let mut t = call.app.tenant();
    open(&mut t, &at.owner, &call.caller, Need::Read)?;
    let mut value = Vec::new();
    for address in &schedules {
        let Some(items) = busy(&t, address, from, to) else {
            value.push(json!({ "scheduleId": address, "availabilityView": "", "scheduleItems": [], "error": {
                "message": "The specified object was not found in the store., The process failed to get the correct properties.",
                "responseCode": "ErrorMailRecipientNotFound" } }));
            continue;
        };
        let mut digits = String::new();
        let mut slot = from;
        while slot < to && digits.len() < 10_000 {
            let next = slot.checked_add(interval.minutes()).unwrap_or(to);
            digits.push(digit(status_in(&items, slot, next)));
            slot = next;
        }
        let schedule_items: Vec<Value> = items
            .iter()
            .map(|b| {
                let private = b.event.get("sensitivity").and_then(Value::as_str).is_some_and(|s| s == "private");
                let mut item = json!({
                    "isPrivate": private, "status": b.show_as,
                    "start": tz::render(b.start, &view), "end": tz::render(b.end, &view),
                });
                if !private {
                    item["subject"] = json!(text(&b.event, "subject").unwrap_or_default());
                    item["location"] =
                        b.event.get("location").and_then(|l| l.get("displayName")).cloned().unwrap_or(json!(""));
                }
                item
            })
            .collect();
        let mut info = json!({ "scheduleId": address, "availabilityView": digits, "scheduleItems": schedule_items });
        if let Some(hours) = t.mailbox(address).and_then(|m| m.settings.get("workingHours")) {
            info["workingHours"] = hours.clone();
        }
        value.push(info);
    }
    let context = call.ctx.context("Collection(microsoft.graph.scheduleInformation)");
    Ok(applied(json(StatusCode::OK, &json!({ "@odata.context": context, "value": value })), &view))
}
