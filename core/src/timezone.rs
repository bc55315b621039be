//! Time zone names as Outlook writes them: Windows names ("Pacific Standard Time") or IANA ones
//! ("America/Los_Angeles"), and, with the `tz` feature, a `dateTimeTimeZone` read as an instant.

/// Windows zone names and their IANA equivalents (CLDR windowsZones, territory 001): the zones
/// Outlook offers.
pub const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("Dateline Standard Time", "Etc/GMT+12"),
    ("UTC-11", "Etc/GMT+11"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Pacific Standard Time (Mexico)", "America/Tijuana"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time (Mexico)", "America/Mazatlan"),
    ("Mountain Standard Time", "America/Denver"),
    ("Central America Standard Time", "America/Guatemala"),
    ("Central Standard Time", "America/Chicago"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Mexico Standard Time", "America/Mexico_City"),
    ("Canada Central Standard Time", "America/Regina"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Eastern Standard Time", "America/New_York"),
    ("US Eastern Standard Time", "America/Indianapolis"),
    ("Venezuela Standard Time", "America/Caracas"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("SA Western Standard Time", "America/La_Paz"),
    ("Pacific SA Standard Time", "America/Santiago"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("SA Eastern Standard Time", "America/Cayenne"),
    ("Greenland Standard Time", "America/Godthab"),
    ("UTC-02", "Etc/GMT+2"),
    ("Azores Standard Time", "Atlantic/Azores"),
    ("Cape Verde Standard Time", "Atlantic/Cape_Verde"),
    ("UTC", "Etc/UTC"),
    ("Coordinated Universal Time", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("Morocco Standard Time", "Africa/Casablanca"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Afghanistan Standard Time", "Asia/Kabul"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("West Asia Standard Time", "Asia/Tashkent"),
    ("India Standard Time", "Asia/Calcutta"),
    ("Sri Lanka Standard Time", "Asia/Colombo"),
    ("Nepal Standard Time", "Asia/Katmandu"),
    ("Central Asia Standard Time", "Asia/Almaty"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("Myanmar Standard Time", "Asia/Rangoon"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("AUS Central Standard Time", "Australia/Darwin"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("West Pacific Standard Time", "Pacific/Port_Moresby"),
    ("Tasmania Standard Time", "Australia/Hobart"),
    ("Central Pacific Standard Time", "Pacific/Guadalcanal"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("UTC+12", "Etc/GMT-12"),
    ("Fiji Standard Time", "Pacific/Fiji"),
    ("Tonga Standard Time", "Pacific/Tongatapu"),
    ("Samoa Standard Time", "Pacific/Apia"),
    ("Line Islands Standard Time", "Pacific/Kiritimati"),
];

/// The IANA name of a zone given by its Windows name (without regard to case); any other name
/// is returned as given (an IANA name, or one the tz database will not know).
pub fn iana_name(name: &str) -> &str {
    let name = name.trim();
    WINDOWS_ZONES.iter().find(|(w, _)| w.eq_ignore_ascii_case(name)).map_or(name, |(_, iana)| iana)
}

#[cfg(feature = "tz")]
mod instant {
    use crate::model::DateTimeTimeZone;
    use crate::{DateTime, Error};

    impl DateTimeTimeZone {
        /// The instant this wall-clock time names in its zone (Windows or IANA name; the tz
        /// database is bundled), as an RFC 3339 date-time in UTC. A time that does not exist in
        /// its zone (skipped by a daylight-saving change) is read as the instant after the gap,
        /// and an ambiguous one as the earlier of the two, as Outlook does.
        pub fn to_instant(&self) -> Result<DateTime, Error> {
            let zone_name = self.time_zone.as_deref().unwrap_or("UTC");
            let tz = jiff::tz::TimeZone::get(super::iana_name(zone_name))
                .map_err(|_| Error::invalid("time_zone", format!("{zone_name:?} is not a time zone name")))?;
            let text = self.date_time.as_deref().ok_or_else(|| Error::invalid("date_time", "is missing"))?;
            let civil: jiff::civil::DateTime = text
                .trim()
                .parse()
                .map_err(|e| Error::invalid("date_time", format!("{text:?} is not a date-time: {e}")))?;
            let zoned =
                civil.to_zoned(tz).map_err(|e| Error::invalid("date_time", format!("{text:?} in {zone_name}: {e}")))?;
            DateTime::parse("date_time", &zoned.timestamp().to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "tz")]
    use crate::Error;

    #[test]
    fn windows_names_map_to_iana_and_iana_names_stay() {
        assert_eq!(iana_name("Pacific Standard Time"), "America/Los_Angeles");
        assert_eq!(iana_name(" romance standard time"), "Europe/Paris");
        assert_eq!(iana_name("Europe/Paris"), "Europe/Paris");
        assert_eq!(iana_name("UTC"), "Etc/UTC");
    }

    #[cfg(feature = "tz")]
    #[test]
    fn wall_clock_times_become_instants_across_daylight_saving() {
        use crate::model::DateTimeTimeZone;
        let at = |dt: &str, tz: &str| DateTimeTimeZone::new(dt, tz).to_instant().map(|d| d.to_string());
        // New York: EST (UTC-5) before 2026-03-08, EDT (UTC-4) after.
        assert_eq!(at("2026-03-02T09:00:00.0000000", "Eastern Standard Time").unwrap(), "2026-03-02T14:00:00Z");
        assert_eq!(at("2026-03-09T09:00:00.0000000", "America/New_York").unwrap(), "2026-03-09T13:00:00Z");
        assert_eq!(at("2025-07-01T09:00:00", "Romance Standard Time").unwrap(), "2025-07-01T07:00:00Z");
        assert_eq!(at("2025-07-01T09:00:00.0000000", "UTC").unwrap(), "2025-07-01T09:00:00Z");
        // 02:30 does not exist in New York on 2026-03-08: the instant after the gap.
        assert_eq!(at("2026-03-08T02:30:00", "America/New_York").unwrap(), "2026-03-08T07:30:00Z");
        assert!(matches!(at("2025-07-01T09:00:00", "Mars/Olympus"), Err(Error::InvalidInput { .. })));
        assert!(matches!(at("next tuesday", "UTC"), Err(Error::InvalidInput { .. })));
    }
}
