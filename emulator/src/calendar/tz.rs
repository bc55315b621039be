//! Time zones for events: IANA names from the tz database bundled with `jiff`, Windows names
//! mapped to IANA ones by the core (`o365kit::timezone`, CLDR's windowsZones), and `Prefer:
//! outlook.timezone`. Graph writes date-times as `2025-03-10T09:00:00.0000000` plus a zone name.

use axum::http::HeaderMap;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::{json, Value};

/// A zone by Windows or IANA name (without regard to case for Windows names).
pub(crate) fn zone(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    if name.eq_ignore_ascii_case("utc") || name.eq_ignore_ascii_case("z") {
        return Some(TimeZone::UTC);
    }
    TimeZone::get(o365kit::timezone::iana_name(name)).ok()
}

/// A wall-clock date-time as Graph writes it (`2025-03-10T09:00:00`, fractions, or with an offset).
pub(crate) fn parse_local(s: &str) -> Option<DateTime> {
    s.trim()
        .parse::<DateTime>()
        .ok()
        .or_else(|| s.trim().parse::<Timestamp>().ok().map(|t| t.to_zoned(TimeZone::UTC).datetime()))
}

/// A `dateTimeTimeZone` as an instant; `None` when either part is missing or wrong.
pub(crate) fn instant(v: &Value) -> Option<Timestamp> {
    let tz = zone(v.get("timeZone").and_then(Value::as_str).unwrap_or("UTC"))?;
    let dt = parse_local(v.get("dateTime")?.as_str()?)?;
    dt.to_zoned(tz).ok().map(|z| z.timestamp())
}

pub(crate) fn format(dt: DateTime) -> String {
    format!("{}.0000000", dt.strftime("%Y-%m-%dT%H:%M:%S"))
}

/// An instant as a `dateTimeTimeZone` in the named zone.
pub(crate) fn render(t: Timestamp, view: &View) -> Value {
    json!({ "dateTime": format(t.to_zoned(view.tz.clone()).datetime()), "timeZone": view.name })
}

/// The zone a response writes event times in: `Prefer: outlook.timezone` or UTC.
#[derive(Debug, Clone)]
pub(crate) struct View {
    pub name: String,
    pub tz: TimeZone,
    /// Whether the caller asked for it (and so `Preference-Applied` names it).
    pub preferred: bool,
}

impl View {
    pub fn utc() -> View {
        View { name: "UTC".into(), tz: TimeZone::UTC, preferred: false }
    }

    /// Reads `Prefer: outlook.timezone="..."`; an unknown zone is ignored (UTC, not applied).
    pub fn from_headers(headers: &HeaderMap) -> View {
        for value in headers.get_all("prefer").iter().filter_map(|v| v.to_str().ok()) {
            for pref in value.split(',') {
                let Some((k, v)) = pref.split_once('=') else { continue };
                if k.trim().eq_ignore_ascii_case("outlook.timezone") {
                    let name = v.trim().trim_matches('"').to_string();
                    if let Some(tz) = zone(&name) {
                        return View { name, tz, preferred: true };
                    }
                }
            }
        }
        View::utc()
    }

    /// The `Preference-Applied` value, when the caller asked for a zone.
    pub fn applied(&self) -> Option<String> {
        self.preferred.then(|| format!("outlook.timezone=\"{}\"", self.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_and_iana_names_find_the_same_rules() {
        let at = |zone_name: &str| instant(&json!({"dateTime": "2025-07-01T09:00:00.0000000", "timeZone": zone_name}));
        assert_eq!(at("Romance Standard Time"), at("Europe/Paris"));
        assert_eq!(at("Europe/Paris").unwrap().to_string(), "2025-07-01T07:00:00Z");
        assert_eq!(at("Eastern Standard Time").unwrap().to_string(), "2025-07-01T13:00:00Z");
        assert!(at("Mars/Olympus").is_none());
        assert_eq!(at("UTC").unwrap().to_string(), "2025-07-01T09:00:00Z");
    }
}
