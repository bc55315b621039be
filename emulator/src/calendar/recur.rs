//! Expanding a `patternedRecurrence` into the dates of its occurrences, in the series' own zone:
//! daily, weekly, absolute/relative monthly and yearly patterns; endDate, noEnd and numbered
//! ranges. Errors name the property a pattern lacks.

use jiff::civil::{Date, Weekday};
use jiff::Span;
use serde_json::Value;

const DAYS: &[(&str, Weekday)] = &[
    ("sunday", Weekday::Sunday),
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
];

const INDEXES: &[&str] = &["first", "second", "third", "fourth", "last"];

/// More than a series of daily meetings over a decade: a guard, not a limit anyone meets.
const MAX_STEPS: usize = 10_000;

fn weekday(s: &str) -> Option<Weekday> {
    DAYS.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)).map(|(_, d)| *d)
}

fn days_of_week(p: &Value) -> Result<Vec<Weekday>, String> {
    let days: Vec<Weekday> =
        p["daysOfWeek"].as_array().into_iter().flatten().filter_map(|d| d.as_str().and_then(weekday)).collect();
    if days.is_empty() {
        return Err("daysOfWeek".into());
    }
    Ok(days)
}

fn date(v: &Value, name: &str) -> Result<Date, String> {
    v[name].as_str().and_then(|s| s.get(..10)).and_then(|s| s.parse::<Date>().ok()).ok_or_else(|| name.to_string())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().days(n)).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.first_of_month().checked_add(Span::new().months(n)).ok()
}

/// The nth (0-based; 4 is "last") day of `month` among `days`.
fn relative(month: Date, index: usize, days: &[Weekday]) -> Option<Date> {
    let hits: Vec<Date> = (0..i64::from(month.days_in_month()))
        .filter_map(|i| add_days(month.first_of_month(), i))
        .filter(|d| days.contains(&d.weekday()))
        .collect();
    if index == 4 {
        hits.last().copied()
    } else {
        hits.get(index).copied()
    }
}

fn index(p: &Value) -> Result<usize, String> {
    match p["index"].as_str() {
        None => Ok(0),
        Some(s) => INDEXES.iter().position(|i| i.eq_ignore_ascii_case(s)).ok_or_else(|| "index".to_string()),
    }
}

fn number(p: &Value, name: &str, range: std::ops::RangeInclusive<i64>) -> Result<i64, String> {
    p[name].as_i64().filter(|n| range.contains(n)).ok_or_else(|| name.to_string())
}

/// Checks a recurrence; `Err` names the missing or wrong property.
pub(crate) fn check(rec: &Value) -> Result<(), String> {
    dates(rec, Date::constant(1900, 1, 2)).map(|_| ())
}

/// The dates of the occurrences up to `until` (inclusive).
pub(crate) fn dates(rec: &Value, until: Date) -> Result<Vec<Date>, String> {
    let p = &rec["pattern"];
    let r = &rec["range"];
    let start = date(r, "startDate")?;
    let interval = match p.get("interval") {
        None | Some(Value::Null) => 1,
        Some(_) => number(p, "interval", 1..=999)?,
    };
    // Outlook REST v2.0 writes enum values in PascalCase (`Weekly`, `EndDate`).
    let (last, count) = match r["type"].as_str().unwrap_or("").to_ascii_lowercase().as_str() {
        "enddate" => (date(r, "endDate")?.min(until), usize::MAX),
        "noend" => (until, usize::MAX),
        "numbered" => (until, number(r, "numberOfOccurrences", 1..=999)? as usize),
        _ => return Err("range.type".into()),
    };
    let mut out = Vec::new();
    let push = |d: Date, out: &mut Vec<Date>| {
        d >= start && d <= last && out.len() < count && {
            out.push(d);
            true
        }
    };
    let done = |cursor: Date, out: &Vec<Date>| cursor > last || out.len() >= count;
    match p["type"].as_str().unwrap_or("").to_ascii_lowercase().as_str() {
        "daily" => {
            let mut d = start;
            for _ in 0..MAX_STEPS {
                if done(d, &out) || !push(d, &mut out) {
                    break;
                }
                let Some(n) = add_days(d, interval) else { break };
                d = n;
            }
        }
        "weekly" => {
            let days = days_of_week(p)?;
            let first = match p.get("firstDayOfWeek").and_then(Value::as_str) {
                None => Weekday::Sunday,
                Some(s) => weekday(s).ok_or("firstDayOfWeek")?,
            };
            let back = i64::from(start.weekday().since(first));
            let mut week = add_days(start, -back).ok_or("range.startDate")?;
            for _ in 0..MAX_STEPS {
                if done(week, &out) {
                    break;
                }
                for d in (0..7).filter_map(|i| add_days(week, i)).filter(|d| days.contains(&d.weekday())) {
                    push(d, &mut out);
                }
                let Some(n) = add_days(week, 7 * interval) else { break };
                week = n;
            }
        }
        kind @ ("absolutemonthly" | "relativemonthly" | "absoluteyearly" | "relativeyearly") => {
            let yearly = kind.ends_with("yearly");
            let step = if yearly { 12 * interval } else { interval };
            let mut month = start.first_of_month();
            if yearly {
                let m = number(p, "month", 1..=12)? as i8;
                month = Date::new(start.year(), m, 1).map_err(|_| "month")?;
                if month < start.first_of_month() {
                    month = add_months(month, 12).ok_or("month")?;
                }
            }
            let relative_days = if kind.starts_with("relative") { Some((days_of_week(p)?, index(p)?)) } else { None };
            let day = if relative_days.is_none() { number(p, "dayOfMonth", 1..=31)? as i8 } else { 1 };
            for _ in 0..MAX_STEPS {
                if done(month, &out) {
                    break;
                }
                let hit = match &relative_days {
                    Some((days, i)) => relative(month, *i, days),
                    // A month without that day (the 31st in April) has no occurrence.
                    None => Date::new(month.year(), month.month(), day).ok(),
                };
                if let Some(d) = hit {
                    push(d, &mut out);
                }
                let Some(n) = add_months(month, step) else { break };
                month = n;
            }
        }
        _ => return Err("pattern.type".into()),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(pattern: Value, range: Value, until: &str) -> Vec<String> {
        let until: Date = until.parse().unwrap();
        dates(&json!({"pattern": pattern, "range": range}), until).unwrap().iter().map(ToString::to_string).collect()
    }

    #[test]
    fn patterns_expand() {
        let no_end = json!({"type": "noEnd", "startDate": "2025-03-03"});
        assert_eq!(
            run(
                json!({"type": "weekly", "interval": 2, "daysOfWeek": ["monday", "thursday"]}),
                no_end.clone(),
                "2025-03-20"
            ),
            ["2025-03-03", "2025-03-06", "2025-03-17", "2025-03-20"]
        );
        assert_eq!(
            run(
                json!({"type": "daily", "interval": 3}),
                json!({"type": "numbered", "startDate": "2025-03-03", "numberOfOccurrences": 3}),
                "2026-01-01"
            ),
            ["2025-03-03", "2025-03-06", "2025-03-09"]
        );
        assert_eq!(
            run(
                json!({"type": "absoluteMonthly", "dayOfMonth": 31}),
                json!({"type": "endDate", "startDate": "2025-01-01", "endDate": "2025-05-31"}),
                "2026-01-01"
            ),
            ["2025-01-31", "2025-03-31", "2025-05-31"]
        );
        assert_eq!(
            run(
                json!({"type": "relativeMonthly", "index": "last", "daysOfWeek": ["friday"]}),
                no_end.clone(),
                "2025-05-31"
            ),
            ["2025-03-28", "2025-04-25", "2025-05-30"]
        );
        assert_eq!(
            run(
                json!({"type": "relativeYearly", "month": 11, "index": "fourth", "daysOfWeek": ["thursday"]}),
                no_end.clone(),
                "2026-12-31"
            ),
            ["2025-11-27", "2026-11-26"]
        );
        assert_eq!(
            run(json!({"type": "absoluteYearly", "month": 2, "dayOfMonth": 14}), no_end, "2027-01-01"),
            ["2026-02-14"]
        );
    }

    #[test]
    fn missing_parts_are_named() {
        let rec = |p: Value| check(&json!({"pattern": p, "range": {"type": "noEnd", "startDate": "2025-01-01"}}));
        assert_eq!(rec(json!({"type": "weekly"})).unwrap_err(), "daysOfWeek");
        assert_eq!(rec(json!({"type": "absoluteMonthly"})).unwrap_err(), "dayOfMonth");
        assert_eq!(rec(json!({"type": "absoluteYearly", "dayOfMonth": 1})).unwrap_err(), "month");
        assert_eq!(rec(json!({"type": "hourly"})).unwrap_err(), "pattern.type");
        assert_eq!(
            check(&json!({"pattern": {"type": "daily"}, "range": {"type": "endDate", "startDate": "2025-01-01"}}))
                .unwrap_err(),
            "endDate"
        );
    }
}
