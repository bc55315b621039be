"""Calendar arguments are checked by the core before any request: windows are aware datetimes
(or RFC 3339 text with an offset) in order, events carry real zoned times and recurrences. List
pagers send, and so check, when first read."""

from datetime import datetime, timedelta, timezone

import pytest

import o365kit


def test_a_naive_datetime_is_refused_naming_the_parameter(member):
    with pytest.raises(o365kit.InvalidInput) as err:
        member.list_calendar_view(datetime(2026, 3, 1), datetime(2026, 3, 8, tzinfo=timezone.utc)).first_page()
    assert err.value.param == "start" and "offset" in str(err.value)


def test_a_window_must_end_after_it_starts(member):
    start = datetime(2026, 3, 8, tzinfo=timezone(timedelta(hours=1)))
    with pytest.raises(o365kit.InvalidInput) as err:
        member.list_calendar_view(start, "2026-03-01T00:00:00Z").first_page()
    assert err.value.param == "end"


def test_bad_events_name_the_field(member):
    event = {
        "subject": "Standup",
        "start": {"dateTime": "2026-03-02T09:00:00", "timeZone": "Europe/Paris"},
        "end": {"dateTime": "2026-03-02T08:45:00", "timeZone": "Europe/Paris"},
    }
    with pytest.raises(o365kit.InvalidInput) as err:
        member.create_event(event)
    assert err.value.param == "event.end"
    event["end"]["dateTime"] = "2026-03-02T09:15:00"
    event["recurrence"] = {
        "pattern": {"type": "weekly", "interval": 1},
        "range": {"type": "noEnd", "startDate": "2026-03-02"},
    }
    with pytest.raises(o365kit.InvalidInput) as err:
        member.create_event(event)
    assert err.value.param == "event.recurrence.pattern.days_of_week"
