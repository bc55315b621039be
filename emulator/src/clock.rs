//! Timestamps in Graph's formats, without a date-time dependency.

use std::time::{SystemTime, UNIX_EPOCH};

pub(crate) fn now_secs() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// Days since 1970-01-01 -> (year, month, day); Howard Hinnant's civil_from_days.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 } as i64;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn format_secs(secs: i64, zulu: bool) -> String {
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    let z = if zulu { "Z" } else { "" };
    format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}{z}", s / 3600, s / 60 % 60, s % 60)
}

/// Now, as Graph writes item timestamps: `2026-03-01T12:00:00Z`.
pub(crate) fn now_iso() -> String {
    format_secs(now_secs(), true)
}

/// Now, as Graph writes `innerError.date`: `2026-03-01T12:00:00` (UTC, no zone designator).
pub(crate) fn now_inner_error() -> String {
    format_secs(now_secs(), false)
}

/// An ISO 8601 date-time (`2025-03-10T08:30:00Z`, fractions and `+01:00` offsets allowed, or a
/// bare date) as nanoseconds since the epoch, for comparisons in `$filter` and `$orderby`.
pub(crate) fn parse_iso(s: &str) -> Option<i128> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, mo, d) = (num(0..4)?, num(5..7)? as u32, num(8..10)? as u32);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let days = days_from_civil(y, mo, d) as i128;
    if b.len() == 10 {
        return Some(days * 86_400 * 1_000_000_000);
    }
    if !(b[10] == b'T' || b[10] == b't') || b.len() < 16 || b[13] != b':' {
        return None;
    }
    let (h, mi) = (num(11..13)?, num(14..16)?);
    let mut i = 16;
    let mut sec = 0;
    if b.get(i) == Some(&b':') {
        sec = num(i + 1..i + 3)?;
        i += 3;
    }
    let mut nanos: i128 = 0;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let frac = s.get(start..i.min(start + 9))?;
        if frac.is_empty() {
            return None;
        }
        nanos = frac.parse::<i128>().ok()? * 10i128.pow(9 - frac.len() as u32);
    }
    let offset_secs = match b.get(i) {
        None | Some(b'Z') | Some(b'z') if b.len() <= i + 1 => 0,
        Some(sign @ (b'+' | b'-')) if b.len() == i + 6 && b[i + 3] == b':' => {
            let off = num(i + 1..i + 3)? * 3600 + num(i + 4..i + 6)? * 60;
            if *sign == b'+' {
                off
            } else {
                -off
            }
        }
        _ => return None,
    };
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let secs = days * 86_400 + (h * 3600 + mi * 60 + sec - offset_secs) as i128;
    Some(secs * 1_000_000_000 + nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        assert_eq!(format_secs(0, true), "1970-01-01T00:00:00Z");
        assert_eq!(format_secs(1_741_595_400, true), "2025-03-10T08:30:00Z");
        assert_eq!(parse_iso("2025-03-10T08:30:00Z"), Some(1_741_595_400 * 1_000_000_000));
        assert_eq!(parse_iso("2025-03-10T09:30:00+01:00"), parse_iso("2025-03-10T08:30:00Z"));
        assert!(parse_iso("2025-03-10T08:30:00.5Z") > parse_iso("2025-03-10T08:30:00Z"));
        assert_eq!(parse_iso("2025-03-10"), Some(1_741_564_800 * 1_000_000_000));
        assert!(now_iso().ends_with('Z') && !now_inner_error().ends_with('Z'));
    }

    #[test]
    fn rejects_garbage() {
        for s in
            ["", "2025", "2025-13-01", "2025-03-10T", "2025-03-10T08:30:00Q", "abcd-ef-ghT00:00", "2025-03-10T08:3é"]
        {
            assert_eq!(parse_iso(s), None, "{s}");
        }
    }
}
