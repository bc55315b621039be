//! What an event must hold before it is sent: real zoned times in order, attendees with
//! addresses, and recurrence patterns that carry what their type needs.

use super::route::Check;
use super::*;
use crate::datetime::{check_date, naive_seconds};
use crate::model::{
    Attendee, AttendeeBase, DateTimeTimeZone, Event, Location, PatternedRecurrence, TimeConstraint, TimeSlot,
};

impl Check for DateTimeTimeZone {
    fn check(&self, param: &str) -> Result<(), Error> {
        let time =
            self.date_time.as_deref().ok_or_else(|| Error::invalid(&format!("{param}.date_time"), "is required"))?;
        naive_seconds(time).map_err(|why| Error::invalid(&format!("{param}.date_time"), why))?;
        require_text(&format!("{param}.time_zone"), self.time_zone.as_deref())?;
        let zone = self.time_zone.as_deref().unwrap_or("");
        if zone.chars().any(|c| c.is_control() || matches!(c, '"' | '\\')) {
            return Err(Error::invalid(&format!("{param}.time_zone"), "is not a time zone name"));
        }
        Ok(())
    }
}

/// `end` not before `start` when both are in the same zone (across zones Graph is the judge).
pub(super) fn ordered(start: (&str, &DateTimeTimeZone), end: (&str, &DateTimeTimeZone)) -> Result<(), Error> {
    start.1.check(start.0)?;
    end.1.check(end.0)?;
    if start.1.time_zone == end.1.time_zone {
        let seconds = |t: &DateTimeTimeZone| naive_seconds(t.date_time.as_deref().unwrap_or("")).unwrap_or(0);
        if seconds(end.1) < seconds(start.1) {
            return Err(Error::invalid(end.0, format!("must not be before {}", start.0)));
        }
    }
    Ok(())
}

impl Check for TimeSlot {
    fn check(&self, param: &str) -> Result<(), Error> {
        match (&self.start, &self.end) {
            (Some(s), Some(e)) => ordered((&format!("{param}.start"), s), (&format!("{param}.end"), e)),
            _ => Err(Error::invalid(param, "needs both start and end")),
        }
    }
}

fn address_of(param: &str, address: Option<&str>) -> Result<(), Error> {
    match address {
        Some(a) if a.contains('@') && a.trim() == a => Ok(()),
        _ => Err(Error::invalid(&format!("{param}.email_address.address"), "needs an email address")),
    }
}

impl Check for Attendee {
    fn check(&self, param: &str) -> Result<(), Error> {
        address_of(param, self.email_address.as_ref().and_then(|e| e.address.as_deref()))?;
        self.proposed_new_time.check(&format!("{param}.proposed_new_time"))
    }
}

impl Check for AttendeeBase {
    fn check(&self, param: &str) -> Result<(), Error> {
        address_of(param, self.email_address.as_ref().and_then(|e| e.address.as_deref()))
    }
}

impl Check for Location {}
impl Check for TimeConstraint {
    fn check(&self, param: &str) -> Result<(), Error> {
        self.time_slots.check(&format!("{param}.time_slots"))
    }
}

const PATTERNS: &[&str] =
    &["daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly"];
const DAYS: &[&str] = &["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

impl Check for PatternedRecurrence {
    fn check(&self, param: &str) -> Result<(), Error> {
        let pattern =
            self.pattern.as_ref().ok_or_else(|| Error::invalid(&format!("{param}.pattern"), "is required"))?;
        let at = |field: &str| format!("{param}.pattern.{field}");
        let kind = pattern.type_.as_deref().unwrap_or("");
        if !PATTERNS.contains(&kind) {
            return Err(Error::invalid(&at("type"), format!("must be one of {}", PATTERNS.join(", "))));
        }
        if !matches!(pattern.interval, Some(i) if i >= 1) {
            return Err(Error::invalid(&at("interval"), "must be at least 1"));
        }
        let days = pattern.days_of_week.as_deref().unwrap_or_default();
        if matches!(kind, "weekly" | "relativeMonthly" | "relativeYearly") && days.is_empty() {
            return Err(Error::invalid(&at("days_of_week"), format!("is required for a {kind} pattern")));
        }
        // Graph reads enum values without regard to case: its own docs send "Monday".
        if let Some(bad) = days.iter().find(|d| !DAYS.iter().any(|day| day.eq_ignore_ascii_case(d))) {
            return Err(Error::invalid(&at("days_of_week"), format!("{bad:?} is not a day of the week")));
        }
        if matches!(kind, "absoluteMonthly" | "absoluteYearly")
            && !pattern.day_of_month.is_some_and(|d| (1..=31).contains(&d))
        {
            return Err(Error::invalid(&at("day_of_month"), format!("must be 1 to 31 for a {kind} pattern")));
        }
        if matches!(kind, "absoluteYearly" | "relativeYearly") && !pattern.month.is_some_and(|m| (1..=12).contains(&m))
        {
            return Err(Error::invalid(&at("month"), format!("must be 1 to 12 for a {kind} pattern")));
        }
        let range = self.range.as_ref().ok_or_else(|| Error::invalid(&format!("{param}.range"), "is required"))?;
        let at = |field: &str| format!("{param}.range.{field}");
        let start = range.start_date.as_deref().ok_or_else(|| Error::invalid(&at("start_date"), "is required"))?;
        check_date(start).map_err(|why| Error::invalid(&at("start_date"), why))?;
        match range.type_.as_deref() {
            Some("noEnd") => Ok(()),
            Some("endDate") => {
                let end = range
                    .end_date
                    .as_deref()
                    .ok_or_else(|| Error::invalid(&at("end_date"), "is required for an endDate range"))?;
                check_date(end).map_err(|why| Error::invalid(&at("end_date"), why))?;
                if end < start {
                    return Err(Error::invalid(&at("end_date"), "must not be before start_date"));
                }
                Ok(())
            }
            Some("numbered") if range.number_of_occurrences.is_some_and(|n| n >= 1) => Ok(()),
            Some("numbered") => {
                Err(Error::invalid(&at("number_of_occurrences"), "must be at least 1 for a numbered range"))
            }
            _ => Err(Error::invalid(&at("type"), "must be endDate, noEnd or numbered")),
        }
    }
}

impl Check for Event {
    fn check(&self, param: &str) -> Result<(), Error> {
        let (start, end) = (format!("{param}.start"), format!("{param}.end"));
        self.start.check(&start)?;
        self.end.check(&end)?;
        if let (Some(s), Some(e)) = (&self.start, &self.end) {
            ordered((&start, s), (&end, e))?;
        }
        self.attendees.check(&format!("{param}.attendees"))?;
        self.recurrence.check(&format!("{param}.recurrence"))?;
        self.attachments.check(&format!("{param}.attachments"))
    }
}

/// A new event needs a subject-free minimum: when it starts and ends.
pub(super) fn new_event(param: &str, event: &Event) -> Result<(), Error> {
    for (name, v) in [("start", &event.start), ("end", &event.end)] {
        if v.is_none() {
            return Err(Error::invalid(&format!("{param}.{name}"), "is required for a new event"));
        }
    }
    Ok(())
}
