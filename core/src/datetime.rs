//! An instant as calendar windows take it: RFC 3339 with an offset (`2026-03-15T09:00:00Z`,
//! `2026-03-15T10:00:00+01:00`). A time without an offset is refused rather than guessed: its
//! meaning depends on a time zone the caller did not name.

use crate::error::Error;

/// A checked RFC 3339 date-time with an offset, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateTime {
    text: String,
    /// Seconds since the Unix epoch (UTC), for ordering windows.
    epoch: i64,
}

impl DateTime {
    /// Parses `text`; errors name `param`.
    pub fn parse(param: &str, text: &str) -> Result<Self, Error> {
        DateTime::from_text(text).map_err(|why| Error::invalid(param, why))
    }

    fn from_text(text: &str) -> Result<Self, String> {
        let text = text.trim();
        Ok(DateTime { epoch: epoch_seconds(text)?, text: text.to_string() })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn epoch_seconds(&self) -> i64 {
        self.epoch
    }

    /// The instant `epoch` seconds after 1970-01-01T00:00:00Z, in UTC (`2026-03-15T09:00:00Z`).
    pub fn from_epoch_seconds(epoch: i64) -> DateTime {
        DateTime { text: format_utc(epoch), epoch }
    }
}

impl std::fmt::Display for DateTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::str::FromStr for DateTime {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        DateTime::parse("date_time", s)
    }
}

impl TryFrom<&str> for DateTime {
    type Error = Error;
    fn try_from(s: &str) -> Result<Self, Error> {
        s.parse()
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        DateTime::from_text(&text).map_err(serde::de::Error::custom)
    }
}

/// Seconds since the epoch of a date-time without offset (`DateTimeTimeZone.dateTime`, read as
/// if it were UTC): for ordering two times of the same zone.
pub(crate) fn naive_seconds(text: &str) -> Result<i64, String> {
    if text.ends_with(['Z', 'z']) || text.get(19..).is_some_and(|rest| rest.contains(['+', '-'])) {
        return Err(format!("{text:?} must not carry an offset: the time zone goes in time_zone"));
    }
    epoch_seconds(&format!("{text}Z"))
}

/// `YYYY-MM-DD`, as recurrence ranges give dates.
pub(crate) fn check_date(text: &str) -> Result<(), String> {
    if text.len() != 10 {
        return Err(format!("{text:?} is not a date such as 2026-03-15"));
    }
    epoch_seconds(&format!("{text}T00:00:00Z")).map(drop)
}

/// Both ends of a window, checked in order: `end` must come after `start`.
pub(crate) fn check_window(start: &DateTime, end: &DateTime) -> Result<(), Error> {
    if end.epoch <= start.epoch {
        return Err(Error::invalid("end", format!("must be after start ({start})")));
    }
    Ok(())
}

fn digits(s: &str, at: usize, n: usize) -> Result<i64, String> {
    let part = s.get(at..at + n).filter(|p| p.bytes().all(|b| b.is_ascii_digit()));
    part.and_then(|p| p.parse().ok())
        .ok_or_else(|| format!("{s:?} is not an RFC 3339 date-time such as 2026-03-15T09:00:00Z"))
}

/// `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)` -> seconds since the epoch.
fn epoch_seconds(s: &str) -> Result<i64, String> {
    let bad = || format!("{s:?} is not an RFC 3339 date-time such as 2026-03-15T09:00:00Z");
    let b = s.as_bytes();
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' {
        return Err(bad());
    }
    let (year, month, day) = (digits(s, 0, 4)?, digits(s, 5, 2)?, digits(s, 8, 2)?);
    let (hour, minute) = (digits(s, 11, 2)?, digits(s, 14, 2)?);
    let mut i = 16;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        second = digits(s, i + 1, 2)?;
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return Err(bad());
            }
        }
    }
    let offset = match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && b[i + 3] == b':' => {
            let (h, m) = (digits(s, i + 1, 2)?, digits(s, i + 4, 2)?);
            if h > 23 || m > 59 {
                return Err(bad());
            }
            let minutes = h * 60 + m;
            if *sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        None => return Err(format!("{s:?} has no offset: add Z (UTC) or one such as +01:00")),
        _ => return Err(bad()),
    };
    if !day_exists(year, month, day) {
        return Err(format!("{s:?} names a day that does not exist"));
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(bad());
    }
    Ok(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset * 60)
}

/// Seconds since the epoch as Graph writes UTC instants: `2026-03-15T09:00:00Z`.
pub(crate) fn format_utc(epoch: i64) -> String {
    // H. Hinnant's civil_from_days.
    let z = epoch.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let s = epoch.rem_euclid(86_400);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// Seconds since the epoch of an RFC 3339 instant with an offset, as Graph's timestamps are.
pub(crate) fn parse_epoch(text: &str) -> Option<i64> {
    epoch_seconds(text.trim()).ok()
}

fn day_exists(year: i64, month: i64, day: i64) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&month) && day >= 1 && day <= month_days[(month - 1) as usize]
}

/// Seconds since the epoch of an HTTP date (`Date`, `Retry-After`): the IMF-fixdate form
/// (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete ones a recipient must still read
/// (RFC 9110 §5.6.7): RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`). Read here rather than by a crate: 2 KB less in the npm package.
pub(crate) fn http_date(text: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let t: Vec<&str> = text.split([' ', ',', '-']).filter(|p| !p.is_empty()).collect();
    let (day, month, year, time) = match t.as_slice() {
        [_, d, m, y, time, "GMT"] => (d, m, y, time),
        [_, m, d, time, y] => (d, m, y, time),
        _ => return None,
    };
    if !t[0].bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let num = |p: &str, len: std::ops::RangeInclusive<usize>| {
        let ok = len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| p.parse::<i64>().ok()).flatten()
    };
    let month = MONTHS.iter().position(|m| m == month)? as i64 + 1;
    let day = num(day, 1..=2)?;
    let year = match num(year, 2..=4)? {
        // RFC 850's two-digit years, read as the nearer century (RFC 9110 says within 50 years).
        y if y < 70 && year.len() == 2 => 2000 + y,
        y if year.len() == 2 => 1900 + y,
        y => y,
    };
    let mut hms = time.split(':');
    let mut part = || hms.next().and_then(|p| num(p, 2..=2));
    let (hour, minute, second) = (part()?, part()?, part()?);
    if part().is_some() || hour > 23 || minute > 59 || second > 60 || !day_exists(year, month, day) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_dates_read_as_httpdate_reads_them_in_all_three_forms() {
        use std::time::{Duration, UNIX_EPOCH};
        let mut t = -86_400 * 365;
        while t < 4_102_444_800 {
            let at = UNIX_EPOCH + Duration::from_secs(t.max(0) as u64);
            let imf = httpdate::fmt_http_date(at);
            let secs = t.max(0);
            assert_eq!(http_date(&imf), Some(secs), "{imf}");
            // The same instant in the obsolete forms.
            let p: Vec<&str> = imf.split(' ').collect(); // [Sun,, 06, Nov, 1994, 08:49:37, GMT]
            let asctime = format!("{} {} {:>2} {} {}", &p[0][..3], p[2], p[1].trim_start_matches('0'), p[4], p[3]);
            assert_eq!(http_date(&asctime), httpdate::parse_http_date(&asctime).ok().map(|_| secs), "{asctime}");
            if (1970..2070).contains(&p[3].parse::<i64>().unwrap_or(0)) {
                let rfc850 = format!("Sunday, {}-{}-{} {} GMT", p[1], p[2], &p[3][2..], p[4]);
                assert_eq!(http_date(&rfc850), Some(secs), "{rfc850}");
            }
            t += 7_919_993;
        }
        for bad in [
            "",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 06 Nov 1994 08:49:37:00 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "1, 06 Nov 1994 08:49:37 GMT",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "120",
        ] {
            assert_eq!(http_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_instant_from_epoch_seconds_is_utc_and_reads_back() {
        for (epoch, text) in
            [(0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"), (-1, "1969-12-31T23:59:59Z")]
        {
            let t = DateTime::from_epoch_seconds(epoch);
            assert_eq!(t.as_str(), text);
            assert_eq!(DateTime::parse("t", text), Ok(t));
        }
    }

    #[test]
    fn offsets_and_fractions() {
        assert_eq!(epoch_seconds("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(epoch_seconds("1970-01-01T01:00:00+01:00"), Ok(0));
        assert_eq!(epoch_seconds("2000-03-01T00:00:00.1234567Z"), Ok(951_868_800));
        assert_eq!(epoch_seconds("2026-11-28T22:00Z"), Ok(1_795_903_200));
        assert!(epoch_seconds("2026-11-28T22:00:00").unwrap_err().contains("no offset"));
        for t in [0, 951_868_800, 1_795_903_200, 4_107_542_399] {
            assert_eq!(epoch_seconds(&format_utc(t)), Ok(t));
        }
        assert_eq!(format_utc(1_795_903_200), "2026-11-28T22:00:00Z");
        assert!(epoch_seconds("2026-02-29T00:00:00Z").unwrap_err().contains("does not exist"));
        for bad in ["", "2026-1-1T00:00Z", "2026-11-28T25:00Z", "2026-11-28T22:00:00+1:00", "x026-11-28T22:00Z"] {
            assert!(epoch_seconds(bad).is_err(), "{bad:?}");
        }
    }
}
