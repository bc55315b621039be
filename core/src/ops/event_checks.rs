//! What an event must hold before it is sent: real zoned times in order, attendees with
//! addresses, and recurrence patterns that carry what their type needs.

use super::check::{address, field, int, items, nested, text, Check};
use super::*;
use crate::datetime::{check_date, naive_seconds};
use crate::model::{
    Attachment, Attendee, AttendeeBase, DateTimeTimeZone, Event, Location, PatternedRecurrence, TimeConstraint,
    TimeSlot,
};
use serde_json::Value;

impl Check for DateTimeTimeZone {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        let time =
            text(json, "dateTime").ok_or_else(|| Error::invalid(&format!("{param}.date_time"), "is required"))?;
        naive_seconds(time).map_err(|why| Error::invalid(&format!("{param}.date_time"), why))?;
        let zone = text(json, "timeZone");
        require_text(&format!("{param}.time_zone"), zone)?;
        if zone.unwrap_or("").chars().any(|c| c.is_control() || matches!(c, '"' | '\\')) {
            return Err(Error::invalid(&format!("{param}.time_zone"), "is not a time zone name"));
        }
        Ok(())
    }
}

/// `end` not before `start` when both are in the same zone (across zones Graph is the judge).
pub(super) fn ordered(start: (&str, &Value), end: (&str, &Value)) -> Result<(), Error> {
    DateTimeTimeZone::check_json(start.1, start.0)?;
    DateTimeTimeZone::check_json(end.1, end.0)?;
    if text(start.1, "timeZone") == text(end.1, "timeZone") {
        let seconds = |t: &Value| naive_seconds(text(t, "dateTime").unwrap_or("")).unwrap_or(0);
        if seconds(end.1) < seconds(start.1) {
            return Err(Error::invalid(end.0, format!("must not be before {}", start.0)));
        }
    }
    Ok(())
}

impl Check for TimeSlot {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        match (field(json, "start"), field(json, "end")) {
            (Some(s), Some(e)) => ordered((&format!("{param}.start"), s), (&format!("{param}.end"), e)),
            _ => Err(Error::invalid(param, "needs both start and end")),
        }
    }
}

fn address_of(param: &str, json: &Value) -> Result<(), Error> {
    match address(json) {
        Some(a) if a.contains('@') && a.trim() == a => Ok(()),
        _ => Err(Error::invalid(&format!("{param}.email_address.address"), "needs an email address")),
    }
}

impl Check for Attendee {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        address_of(param, json)?;
        nested::<TimeSlot>(json, "proposedNewTime", param, "proposed_new_time")
    }
}

impl Check for AttendeeBase {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        address_of(param, json)
    }
}

impl Check for Location {}
impl Check for TimeConstraint {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        nested::<Vec<TimeSlot>>(json, "timeSlots", param, "time_slots")
    }
}

const PATTERNS: &[&str] =
    &["daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly"];
const DAYS: &[&str] = &["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

impl Check for PatternedRecurrence {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        let pattern =
            field(json, "pattern").ok_or_else(|| Error::invalid(&format!("{param}.pattern"), "is required"))?;
        let at = |name: &str| format!("{param}.pattern.{name}");
        let kind = text(pattern, "type").unwrap_or("");
        if !PATTERNS.contains(&kind) {
            return Err(Error::invalid(&at("type"), format!("must be one of {}", PATTERNS.join(", "))));
        }
        if !matches!(int(pattern, "interval"), Some(i) if i >= 1) {
            return Err(Error::invalid(&at("interval"), "must be at least 1"));
        }
        let days = items(pattern, "daysOfWeek");
        if matches!(kind, "weekly" | "relativeMonthly" | "relativeYearly") && days.is_empty() {
            return Err(Error::invalid(&at("days_of_week"), format!("is required for a {kind} pattern")));
        }
        // Graph reads enum values without regard to case: its own docs send "Monday".
        let day = |d: &Value| d.as_str().is_some_and(|d| DAYS.iter().any(|day| day.eq_ignore_ascii_case(d)));
        if let Some(bad) = days.iter().find(|d| !day(d)) {
            let bad = bad.as_str().unwrap_or_default();
            return Err(Error::invalid(&at("days_of_week"), format!("{bad:?} is not a day of the week")));
        }
        if matches!(kind, "absoluteMonthly" | "absoluteYearly")
            && !int(pattern, "dayOfMonth").is_some_and(|d| (1..=31).contains(&d))
        {
            return Err(Error::invalid(&at("day_of_month"), format!("must be 1 to 31 for a {kind} pattern")));
        }
        if matches!(kind, "absoluteYearly" | "relativeYearly")
            && !int(pattern, "month").is_some_and(|m| (1..=12).contains(&m))
        {
            return Err(Error::invalid(&at("month"), format!("must be 1 to 12 for a {kind} pattern")));
        }
        let range = field(json, "range").ok_or_else(|| Error::invalid(&format!("{param}.range"), "is required"))?;
        let at = |name: &str| format!("{param}.range.{name}");
        let start = text(range, "startDate").ok_or_else(|| Error::invalid(&at("start_date"), "is required"))?;
        check_date(start).map_err(|why| Error::invalid(&at("start_date"), why))?;
        match text(range, "type") {
            Some("noEnd") => Ok(()),
            Some("endDate") => {
                let end = text(range, "endDate")
                    .ok_or_else(|| Error::invalid(&at("end_date"), "is required for an endDate range"))?;
                check_date(end).map_err(|why| Error::invalid(&at("end_date"), why))?;
                if end < start {
                    return Err(Error::invalid(&at("end_date"), "must not be before start_date"));
                }
                Ok(())
            }
            Some("numbered") if int(range, "numberOfOccurrences").is_some_and(|n| n >= 1) => Ok(()),
            Some("numbered") => {
                Err(Error::invalid(&at("number_of_occurrences"), "must be at least 1 for a numbered range"))
            }
            _ => Err(Error::invalid(&at("type"), "must be endDate, noEnd or numbered")),
        }
    }
}

impl Check for Event {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        let (start, end) = (format!("{param}.start"), format!("{param}.end"));
        nested::<DateTimeTimeZone>(json, "start", param, "start")?;
        nested::<DateTimeTimeZone>(json, "end", param, "end")?;
        if let (Some(s), Some(e)) = (field(json, "start"), field(json, "end")) {
            ordered((&start, s), (&end, e))?;
        }
        nested::<Vec<Attendee>>(json, "attendees", param, "attendees")?;
        nested::<PatternedRecurrence>(json, "recurrence", param, "recurrence")?;
        nested::<Vec<Attachment>>(json, "attachments", param, "attachments")
    }
}

/// A new event needs a subject-free minimum: when it starts and ends.
pub(super) fn new_event(param: &str, event: &Value) -> Result<(), Error> {
    for name in ["start", "end"] {
        if field(event, name).is_none() {
            return Err(Error::invalid(&format!("{param}.{name}"), "is required for a new event"));
        }
    }
    Ok(())
}
