//! How events are read: start and end in the caller's zone, what Exchange derives
//! (`bodyPreview`, `type`, `@odata.etag`), and recurring series expanded into occurrences
//! (with their exceptions and without their cancelled dates) for a time window.

use super::tz::{self, View};
use super::{recur, Event};
use crate::mail::views::preview;
use crate::tenant::{id, text, Obj};
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use serde_json::{json, Value};

fn finish(mut o: Obj, view: &View) -> Obj {
    if let Some(ck) = text(&o, "changeKey") {
        o.insert("@odata.etag".into(), Value::String(format!("W/\"{ck}\"")));
    }
    let body = o.get("body").cloned().unwrap_or_else(|| json!({ "contentType": "text", "content": "" }));
    o.insert("bodyPreview".into(), json!(preview(&body)));
    o.entry("hasAttachments").or_insert(Value::Bool(false));
    // All-day events float: the same midnights in whatever zone they are read in.
    let all_day = o.get("isAllDay") == Some(&Value::Bool(true));
    for k in ["start", "end"] {
        if all_day {
            if let Some(dt) = o.get(k).and_then(|v| v["dateTime"].as_str()).and_then(tz::parse_local) {
                o.insert(k.into(), json!({ "dateTime": tz::format(dt), "timeZone": view.name }));
            }
        } else if let Some(t) = o.get(k).and_then(tz::instant) {
            o.insert(k.into(), tz::render(t, view));
        }
    }
    o
}

/// A single event or series master.
pub(crate) fn event(e: &Event, view: &View) -> Obj {
    let mut o = e.props.clone();
    o.insert(
        "hasAttachments".into(),
        json!(e.attachments.iter().any(|a| a.get("isInline") != Some(&Value::Bool(true)))),
    );
    let master = o.get("recurrence").is_some_and(Value::is_object);
    o.insert("type".into(), json!(if master { "seriesMaster" } else { "singleInstance" }));
    finish(o, view)
}

fn span(e: &Event) -> Option<(Timestamp, Timestamp)> {
    Some((tz::instant(e.props.get("start")?)?, tz::instant(e.props.get("end")?)?))
}

/// One occurrence of a series, as of its original date, with an exception's changes applied.
pub(crate) fn occurrence(master: &Event, date: Date, view: &View) -> Option<Obj> {
    let start = master.props.get("start")?;
    let zone_name = start["timeZone"].as_str().unwrap_or("UTC");
    let zone = tz::zone(zone_name)?;
    let local = tz::parse_local(start["dateTime"].as_str()?)?;
    let (s, e) = span(master)?;
    let begin = date.to_datetime(local.time()).to_zoned(zone.clone()).ok()?.timestamp();
    let end = begin.checked_add((e.as_second() - s.as_second()).seconds()).ok()?;
    let mut o = master.props.clone();
    o.insert(
        "hasAttachments".into(),
        json!(master.attachments.iter().any(|a| a.get("isInline") != Some(&Value::Bool(true)))),
    );
    let key = date.to_string();
    let change = match master.exceptions.get(&key) {
        Some(None) => return None,
        Some(Some(c)) => Some(c),
        None => None,
    };
    let mid = id(&master.props).to_string();
    o.insert("id".into(), json!(format!("{mid}_{}", date.strftime("%Y%m%d"))));
    o.insert("seriesMasterId".into(), json!(mid));
    o.insert("recurrence".into(), Value::Null);
    o.insert("type".into(), json!(if change.is_some() { "exception" } else { "occurrence" }));
    o.insert("originalStart".into(), json!(begin.to_string()));
    // Written in the series' own zone, so an all-day occurrence keeps its dates.
    let own = View { name: zone_name.to_string(), tz: zone, preferred: false };
    o.insert("start".into(), tz::render(begin, &own));
    o.insert("end".into(), tz::render(end, &own));
    if let Some(c) = change {
        o.extend(c.clone());
    }
    Some(finish(o, view))
}

/// The occurrences of a series that overlap `[from, to)`.
pub(crate) fn occurrences(master: &Event, from: Timestamp, to: Timestamp, view: &View) -> Vec<Obj> {
    let Some(rec) = master.props.get("recurrence") else { return Vec::new() };
    let zone = master.props.get("start").and_then(|s| s["timeZone"].as_str()).and_then(tz::zone);
    let Some(zone) = zone else { return Vec::new() };
    let until = to.to_zoned(zone).date().tomorrow().unwrap_or(Date::MAX);
    let dates = recur::dates(rec, until).unwrap_or_default();
    dates.into_iter().filter_map(|d| occurrence(master, d, view)).filter(|o| overlaps(o, from, to)).collect()
}

fn overlaps(o: &Obj, from: Timestamp, to: Timestamp) -> bool {
    let at = |k: &str| o.get(k).and_then(tz::instant);
    match (at("start"), at("end")) {
        // A zero-length event at the window's start still shows, as in Outlook.
        (Some(s), Some(e)) => s < to && (e > from || (e == s && s >= from)),
        _ => false,
    }
}

/// What a calendar view shows of one stored event: itself, or its occurrences in the window.
pub(crate) fn in_window(e: &Event, from: Timestamp, to: Timestamp, view: &View) -> Vec<Obj> {
    if e.props.get("recurrence").is_some_and(Value::is_object) {
        return occurrences(e, from, to, view);
    }
    let o = event(e, view);
    if overlaps(&o, from, to) {
        vec![o]
    } else {
        Vec::new()
    }
}

/// Sorts a view by start instant, as calendarView lists.
pub(crate) fn by_start(items: &mut [Obj]) {
    items.sort_by_key(|o| o.get("start").and_then(tz::instant));
}
