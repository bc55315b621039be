"""A Graph `dateTimeTimeZone` (wall-clock text and a zone name) as an aware `datetime`, for
DataFrames. Graph answers in UTC unless a `timezone=` (`Prefer: outlook.timezone`) was asked for,
and then echoes that name as given: an IANA name ("Europe/Paris") or a Windows one ("W. Europe
Standard Time"). zoneinfo reads IANA names; Windows names go through CLDR's windowsZones table
(the "001" territory: the zone Windows means by default), of which the common zones are below."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from typing import Any, Dict, Optional

# Windows name -> IANA name, from CLDR's windowsZones.xml (territory 001).
WINDOWS_ZONES: Dict[str, str] = {
    "Dateline Standard Time": "Etc/GMT+12",
    "Hawaiian Standard Time": "Pacific/Honolulu",
    "Alaskan Standard Time": "America/Anchorage",
    "Pacific Standard Time": "America/Los_Angeles",
    "US Mountain Standard Time": "America/Phoenix",
    "Mountain Standard Time": "America/Denver",
    "Central America Standard Time": "America/Guatemala",
    "Central Standard Time": "America/Chicago",
    "Canada Central Standard Time": "America/Regina",
    "Central Standard Time (Mexico)": "America/Mexico_City",
    "SA Pacific Standard Time": "America/Bogota",
    "Eastern Standard Time": "America/New_York",
    "US Eastern Standard Time": "America/Indianapolis",
    "Atlantic Standard Time": "America/Halifax",
    "SA Western Standard Time": "America/La_Paz",
    "Newfoundland Standard Time": "America/St_Johns",
    "E. South America Standard Time": "America/Sao_Paulo",
    "Argentina Standard Time": "America/Buenos_Aires",
    "UTC": "Etc/UTC",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "W. Europe Standard Time": "Europe/Berlin",
    "Central Europe Standard Time": "Europe/Budapest",
    "Romance Standard Time": "Europe/Paris",
    "Central European Standard Time": "Europe/Warsaw",
    "W. Central Africa Standard Time": "Africa/Lagos",
    "GTB Standard Time": "Europe/Bucharest",
    "FLE Standard Time": "Europe/Kiev",
    "E. Europe Standard Time": "Europe/Chisinau",
    "Egypt Standard Time": "Africa/Cairo",
    "South Africa Standard Time": "Africa/Johannesburg",
    "Israel Standard Time": "Asia/Jerusalem",
    "Turkey Standard Time": "Europe/Istanbul",
    "Russian Standard Time": "Europe/Moscow",
    "Arab Standard Time": "Asia/Riyadh",
    "E. Africa Standard Time": "Africa/Nairobi",
    "Arabian Standard Time": "Asia/Dubai",
    "Pakistan Standard Time": "Asia/Karachi",
    "India Standard Time": "Asia/Calcutta",
    "Bangladesh Standard Time": "Asia/Dhaka",
    "SE Asia Standard Time": "Asia/Bangkok",
    "China Standard Time": "Asia/Shanghai",
    "Singapore Standard Time": "Asia/Singapore",
    "W. Australia Standard Time": "Australia/Perth",
    "Taipei Standard Time": "Asia/Taipei",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Korea Standard Time": "Asia/Seoul",
    "Cen. Australia Standard Time": "Australia/Adelaide",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "E. Australia Standard Time": "Australia/Brisbane",
    "New Zealand Standard Time": "Pacific/Auckland",
}

# Graph matches Windows names without case and echoes the caller's spelling.
_WINDOWS_LOWER = {k.lower(): v for k, v in WINDOWS_ZONES.items()}
_cache: Dict[str, Optional[tzinfo]] = {}


def zone(name: str) -> Optional[tzinfo]:
    """The tzinfo for an IANA or Windows zone name, or None for a name neither knows."""
    if name in _cache:
        return _cache[name]
    found: Optional[tzinfo] = None
    if name.upper() in ("UTC", "ETC/UTC", "GMT"):
        found = timezone.utc
    else:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        for candidate in (name, _WINDOWS_LOWER.get(name.lower())):
            if not candidate:
                continue
            try:
                found = ZoneInfo(candidate)
                break
            except (ZoneInfoNotFoundError, ValueError):
                continue
    _cache[name] = found
    return found


def aware(date_time: Any, time_zone: Any) -> Optional[datetime]:
    """Graph's wall-clock text ("2025-01-06T10:00:00.0000000") in its zone, or None when the text
    or the zone cannot be read (the caller keeps the original value then)."""
    if not isinstance(date_time, str) or not isinstance(time_zone, str):
        return None
    tz = zone(time_zone)
    if tz is None:
        return None
    text = date_time.strip()
    if "." in text:
        head, frac = text.split(".", 1)
        text = f"{head}.{frac[:6].ljust(6, '0')}"
    try:
        wall = datetime.fromisoformat(text)
    except ValueError:
        return None
    if wall.tzinfo is not None:
        return None
    return wall.replace(tzinfo=tz)
