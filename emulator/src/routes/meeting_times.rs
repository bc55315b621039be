//! `POST P/findMeetingTimes`: slots in the time constraint (every 30 minutes; `work` keeps to the
//! organizer's working hours) when the organizer is free and enough attendees are, ranked by
//! confidence (the share of attendees free, tentative counting half), then by time.

use super::calendar::{open, CalAt, Need};
use super::calendar_items::applied;
use super::{not_allowed, Call};
use crate::calendar::freebusy::{busy, status_in, Busy};
use crate::calendar::tz::{self, View};
use crate::clock;
use crate::errors::{Family, GraphError, Result};
use crate::respond::json;
use crate::tenant::{Obj, Tenant};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use jiff::{SignedDuration, Timestamp, ToSpan};
use serde_json::{json, Value};

fn invalid(msg: String) -> GraphError {
    GraphError::new(400, "ErrorInvalidParameter", msg)
}

/// Whether `[s, e)` lies inside the working hours of `settings`.
fn in_working_hours(settings: &Obj, s: Timestamp, e: Timestamp) -> bool {
    let Some(h) = settings.get("workingHours") else { return true };
    let zone =
        h.pointer("/timeZone/name").and_then(Value::as_str).and_then(tz::zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let (zs, ze) = (s.to_zoned(zone.clone()), e.to_zoned(zone));
    let day = format!("{:?}", zs.weekday()).to_ascii_lowercase();
    let days = h["daysOfWeek"].as_array().into_iter().flatten().filter_map(Value::as_str);
    let time = |k: &str| h[k].as_str().and_then(|t| t.get(..8)).and_then(|t| t.parse::<jiff::civil::Time>().ok());
    let (Some(open_at), Some(close_at)) = (time("startTime"), time("endTime")) else { return true };
    days.into_iter().any(|d| d.eq_ignore_ascii_case(&day))
        && zs.date() == ze.date()
        && zs.time() >= open_at
        && ze.time() <= close_at
}

fn windows(body: &Obj) -> Result<(Vec<(Timestamp, Timestamp)>, String)> {
    let c = body.get("timeConstraint");
    let domain = c.and_then(|c| c.get("activityDomain")).and_then(Value::as_str).unwrap_or("work").to_string();
    let slots = c.and_then(|c| c.get("timeSlots")).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut out = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        let at = |k: &str| {
            s.get(k)
                .and_then(tz::instant)
                .ok_or_else(|| invalid(format!("timeConstraint.timeSlots[{i}].{k} is not a valid dateTimeTimeZone.")))
        };
        out.push((at("start")?, at("end")?));
    }
    if out.is_empty() {
        // Without slots: the next two days from now.
        let now = clock::now_iso().parse::<Timestamp>().unwrap_or(Timestamp::UNIX_EPOCH);
        out.push((now, now.checked_add(48.hours()).unwrap_or(now)));
    }
    Ok((out, domain))
}

fn availability(items: Option<&Vec<Busy>>, s: Timestamp, e: Timestamp) -> &str {
    items.map_or("unknown", |b| status_in(b, s, e))
}

pub(super) fn handle(call: &Call, at: &CalAt) -> Result<Response> {
    if call.method != Method::POST {
        return not_allowed(Family::Exchange, "POST");
    }
    let body = if call.body.iter().all(u8::is_ascii_whitespace) { Obj::new() } else { call.json_body()? };
    let duration = match body.get("meetingDuration").and_then(Value::as_str) {
        None => SignedDuration::from_mins(30),
        Some(d) => d
            .parse::<SignedDuration>()
            .ok()
            .filter(|d| d.is_positive())
            .ok_or_else(|| invalid(format!("The value '{d}' of 'meetingDuration' is not a valid duration.")))?,
    };
    let max = body.get("maxCandidates").and_then(Value::as_u64).unwrap_or(5) as usize;
    let minimum = body.get("minimumAttendeePercentage").and_then(Value::as_f64).unwrap_or(50.0);
    let organizer_optional = body.get("isOrganizerOptional") == Some(&Value::Bool(true));
    let reasons = body.get("returnSuggestionReasons") == Some(&Value::Bool(true));
    let attendees: Vec<Value> = body.get("attendees").and_then(Value::as_array).cloned().unwrap_or_default();
    let (slots, domain) = windows(&body)?;
    let view = View::from_headers(call.headers);
    let mut t = call.app.tenant();
    let store = open(&mut t, &at.owner, &call.caller, Need::Read)?;
    let result =
        suggest(&t, store, &attendees, &slots, &domain, duration, (max, minimum, organizer_optional, reasons), &view);
    let mut result = result;
    result["@odata.context"] = json!(call.ctx.context("microsoft.graph.meetingTimeSuggestionsResult"));
    Ok(applied(json(StatusCode::OK, &result), &view))
}

#[allow(clippy::too_many_arguments)]
fn suggest(
    t: &Tenant,
    store: usize,
    attendees: &[Value],
    slots: &[(Timestamp, Timestamp)],
    domain: &str,
    duration: SignedDuration,
    (max, minimum, organizer_optional, reasons): (usize, f64, bool, bool),
    view: &View,
) -> Value {
    let owner = t.calendars[store].owner.clone();
    let organizer_box = t.mailboxes.iter().find(|m| m.owner_id().eq_ignore_ascii_case(&owner));
    let span = (slots.iter().map(|s| s.0).min(), slots.iter().map(|s| s.1).max());
    let (Some(from), Some(to)) = span else {
        return json!({ "emptySuggestionsReason": "Unknown", "meetingTimeSuggestions": [] });
    };
    let organizer_busy = organizer_box.and_then(|m| busy(t, m.address(), from, to));
    let addresses: Vec<String> = attendees
        .iter()
        .filter_map(|a| a.pointer("/emailAddress/address").and_then(Value::as_str))
        .map(str::to_string)
        .collect();
    let attendee_busy: Vec<Option<Vec<Busy>>> = addresses.iter().map(|a| busy(t, a, from, to)).collect();
    let (mut candidates, mut organizer_blocked, mut considered) = (Vec::new(), 0, 0);
    // A guard against constraints spanning years: about a year of half-hour steps.
    let mut steps = 0;
    for &(ws, we) in slots {
        let mut s = ws;
        while let Ok(e) = s.checked_add(duration) {
            steps += 1;
            if e > we || considered > 5_000 || steps > 20_000 {
                break;
            }
            let work_ok = domain != "work" || organizer_box.map_or(true, |m| in_working_hours(&m.settings, s, e));
            if work_ok {
                considered += 1;
                let mine = availability(organizer_busy.as_ref(), s, e).to_string();
                let each: Vec<String> =
                    attendee_busy.iter().map(|b| availability(b.as_ref(), s, e).to_string()).collect();
                let score: f64 = each
                    .iter()
                    .map(|a| match a.as_str() {
                        "free" => 1.0,
                        "tentative" | "unknown" => 0.5,
                        _ => 0.0,
                    })
                    .sum();
                let confidence = if each.is_empty() { 100.0 } else { 100.0 * score / each.len() as f64 };
                if mine != "free" && !organizer_optional {
                    organizer_blocked += 1;
                } else if confidence >= minimum {
                    candidates.push((confidence, s, e, mine, each));
                }
            }
            let Ok(n) = s.checked_add(30.minutes()) else { break };
            s = n;
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.truncate(max);
    let suggestions: Vec<Value> = candidates
        .into_iter()
        .map(|(confidence, s, e, mine, each)| {
            let attendee_availability: Vec<Value> = attendees.iter().zip(each).map(|(a, av)| json!({ "attendee": { "type": a.get("type").cloned().unwrap_or(json!("required")), "emailAddress": a["emailAddress"] }, "availability": av })).collect();
            let reason = if !reasons { "" } else if confidence >= 100.0 { "Suggested because it is one of the nearest times when all attendees are available." } else { "Suggested because it is one of the nearest times when most attendees are available." };
            json!({
                "confidence": confidence, "organizerAvailability": mine, "attendeeAvailability": attendee_availability,
                "locations": [], "suggestionReason": reason,
                "meetingTimeSlot": { "start": tz::render(s, view), "end": tz::render(e, view) },
            })
        })
        .collect();
    let reason = match (suggestions.is_empty(), considered, organizer_blocked) {
        (false, ..) => "",
        (true, 0, _) => "Unknown",
        (true, c, o) if o == c => "OrganizerUnavailable",
        _ => "AttendeesUnavailable",
    };
    json!({ "emptySuggestionsReason": reason, "meetingTimeSuggestions": suggestions })
}
