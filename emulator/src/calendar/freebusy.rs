//! Free/busy from the store: a mailbox's events (occurrences included) and a room's bookings
//! (organizers' events that invite the room or name it as their location), and the working
//! hours of a mailbox's settings.

use super::tz::{self, View};
use super::views;
use crate::tenant::{text, Obj, Tenant};
use jiff::Timestamp;
use serde_json::Value;

/// One busy stretch: start, end, `showAs`, and the event as read in UTC.
pub(crate) struct Busy {
    pub start: Timestamp,
    pub end: Timestamp,
    pub show_as: String,
    pub event: Obj,
}

fn invites(e: &Obj, address: &str) -> bool {
    let attendee = e.get("attendees").and_then(Value::as_array).into_iter().flatten().any(|a| {
        a.pointer("/emailAddress/address").and_then(Value::as_str).is_some_and(|x| x.eq_ignore_ascii_case(address))
    });
    let location = e.get("location").and_then(|l| l.get("locationEmailAddress")).and_then(Value::as_str);
    attendee || location.is_some_and(|x| x.eq_ignore_ascii_case(address))
}

/// What `address` has between `from` and `to`; `None` when it is neither a mailbox nor a room.
pub(crate) fn busy(t: &Tenant, address: &str, from: Timestamp, to: Timestamp) -> Option<Vec<Busy>> {
    let utc = View::utc();
    let items: Vec<Obj> = if let Some(mb) = t.mailbox(address) {
        let owner = mb.owner_id();
        t.calendars
            .iter()
            .filter(|s| s.owner.eq_ignore_ascii_case(owner))
            .flat_map(|s| s.events.iter().flat_map(|e| views::in_window(e, from, to, &utc)))
            .collect()
    } else if t
        .places
        .rooms
        .iter()
        .any(|(r, _)| text(r, "emailAddress").is_some_and(|a| a.eq_ignore_ascii_case(address)))
    {
        t.calendars
            .iter()
            .filter(|s| !s.is_group)
            .flat_map(|s| s.events.iter().filter(|e| e.props.get("isOrganizer") == Some(&Value::Bool(true))))
            .flat_map(|e| views::in_window(e, from, to, &utc))
            .filter(|e| invites(e, address))
            .collect()
    } else {
        return None;
    };
    let mut out: Vec<Busy> = items
        .into_iter()
        .filter(|e| e.get("isCancelled") != Some(&Value::Bool(true)))
        .filter_map(|e| {
            let start = tz::instant(e.get("start")?)?;
            let end = tz::instant(e.get("end")?)?;
            let show_as = text(&e, "showAs").unwrap_or("busy").to_string();
            (show_as != "free").then_some(Busy { start, end, show_as, event: e })
        })
        .collect();
    out.sort_by_key(|b| b.start);
    Some(out)
}

/// The availability digit Graph's `availabilityView` uses for a status.
pub(crate) fn digit(show_as: &str) -> char {
    match show_as {
        "tentative" => '1',
        "oof" => '3',
        "workingElsewhere" => '4',
        "free" => '0',
        _ => '2',
    }
}

/// The strongest status among `busy` overlapping `[from, to)`, or `free`.
pub(crate) fn status_in(busy: &[Busy], from: Timestamp, to: Timestamp) -> &str {
    let rank = |s: &str| "01234".find(digit(s)).unwrap_or(0);
    busy.iter()
        .filter(|b| b.start < to && b.end > from)
        .map(|b| b.show_as.as_str())
        .max_by_key(|s| if *s == "workingElsewhere" { 0 } else { rank(s) + 1 })
        .unwrap_or("free")
}
