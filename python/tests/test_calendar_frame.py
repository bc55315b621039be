"""Events as a DataFrame: start and end as tz-aware datetime columns whatever zone name Graph
answered with, and the flat columns a week's table needs."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pandas

import o365kit

COLUMNS = {"subject", "start", "end", "organizer_address", "attendees", "location_display_name",
           "is_all_day", "show_as", "type"}


def test_event_columns(owner):
    start = datetime(2026, 3, 2, tzinfo=timezone.utc)
    end = datetime(2026, 3, 9, tzinfo=timezone.utc)
    frame = owner.list_calendar_view(start, end, timezone="Europe/Paris").to_pandas()
    assert COLUMNS <= set(frame.columns)
    assert isinstance(frame["start"].dtype, pandas.DatetimeTZDtype) and str(frame["start"].dt.tz) == "Europe/Paris"
    row = frame[frame["subject"] == "Marketing team weekly"].iloc[0]
    assert row["start"] == datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Europe/Paris"))
    assert row["end"] - row["start"] == pandas.Timedelta(minutes=45)
    assert row["organizer_address"] == "owner@contoso.test"
    assert sorted(row["attendees"]) == ["member@contoso.test", "outsider@contoso.test"]
    assert row["type"] == "occurrence" and not row["is_all_day"]


def test_a_windows_zone_name_becomes_the_same_instant(owner):
    event = "AAMkAGOwnerTokyoCall0001"
    windows = owner.list_events(timezone="Tokyo Standard Time").to_pandas().set_index("id").loc[event]
    utc = owner.list_events().to_pandas().set_index("id").loc[event]
    assert windows["start"] == utc["start"] == datetime(2025, 6, 3, 0, tzinfo=timezone.utc)
    assert windows["start"].utcoffset().total_seconds() == 9 * 3600


def test_all_day_events_float_to_local_midnights(member):
    august = (datetime(2025, 8, 1, tzinfo=timezone.utc), datetime(2025, 8, 31, tzinfo=timezone.utc))
    frame = member.list_calendar_view(*august, timezone="America/New_York").to_pandas()
    vacation = frame[frame["subject"] == "Vacation"].iloc[0]
    assert vacation["is_all_day"] and vacation["show_as"] == "oof"
    assert vacation["start"] == datetime(2025, 8, 4, tzinfo=ZoneInfo("America/New_York"))


def test_an_unknown_zone_name_is_kept_not_guessed():
    mars = o365kit.DateTimeTimeZone(date_time="2026-01-01T09:00:00", time_zone="Mars Standard Time")
    event = o365kit.Event(subject="x", start=mars)
    cell = event.to_row()["start"]
    assert isinstance(cell, o365kit.DateTimeTimeZone) and cell.time_zone == "Mars Standard Time"


def test_windows_names_are_read_without_case():
    event = o365kit.Event(start=o365kit.DateTimeTimeZone(date_time="2026-01-01T09:00:00", time_zone="tokyo standard time"))
    assert event.to_row()["start"] == datetime(2026, 1, 1, 0, tzinfo=timezone.utc)
