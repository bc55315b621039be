"""The calendar view over an aware window: the seed's weekly series expanded, in the zone asked for,
across a DST change; naive windows refused before any request."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import o365kit

PARIS = ZoneInfo("Europe/Paris")
WEEKLY = "AAMkAGOwnerWeeklyTeamMeeting0001"


def weekly(events):
    return [e for e in events if e.series_master_id == WEEKLY]


def test_the_weekly_series_is_expanded_in_the_zone_asked_for(owner):
    start = datetime(2026, 3, 2, tzinfo=PARIS)
    events = owner.list_calendar_view(start, start + timedelta(days=14), timezone="Europe/Paris").to_list()
    occurrences = weekly(events)
    assert [e.type_ for e in occurrences] == ["occurrence", "occurrence"]
    assert [e.start.date_time[:16] for e in occurrences] == ["2026-03-02T10:00", "2026-03-09T10:00"]
    assert {e.start.time_zone for e in occurrences} == {"Europe/Paris"}
    assert all(e.subject == "Marketing team weekly" for e in occurrences)


def test_without_a_timezone_the_view_is_in_utc_and_the_wall_clock_holds_across_dst(owner):
    # Paris moves to summer time on 2026-03-29: 10:00 there is 09:00 UTC before, 08:00 after.
    start = datetime(2026, 3, 23, tzinfo=timezone.utc)
    occurrences = weekly(owner.list_calendar_view(start, start + timedelta(days=14)))
    assert [(e.start.date_time[:16], e.start.time_zone) for e in occurrences] == [
        ("2026-03-23T09:00", "UTC"),
        ("2026-03-30T08:00", "UTC"),
    ]
    frame = owner.list_calendar_view(start, start + timedelta(days=14)).to_pandas()
    mine = frame[frame["series_master_id"] == WEEKLY]
    assert [t.astimezone(PARIS).hour for t in mine["start"]] == [10, 10]


def test_a_naive_window_is_refused_naming_the_parameter_before_any_request(emulator):
    # A dead port: had the client sent anything, this would be a TransportError.
    client = o365kit.Client(token="emulator:owner@contoso.test", base_url="http://127.0.0.1:9")
    with pytest.raises(o365kit.InvalidInput) as err:
        client.list_calendar_view(datetime(2026, 3, 2, tzinfo=PARIS), datetime(2026, 3, 9)).first_page()
    assert err.value.param == "end"
    with pytest.raises(o365kit.InvalidInput) as err:
        client.list_group_calendar_view("g", datetime(2026, 3, 2), datetime(2026, 3, 9, tzinfo=PARIS)).first_page()
    assert err.value.param == "start"


def test_instances_of_the_series_and_rfc3339_text_windows(owner):
    instances = owner.list_event_instances(WEEKLY, "2026-03-02T00:00:00+01:00", "2026-03-16T00:00:00+01:00").to_list()
    assert len(instances) == 2 and all(e.series_master_id == WEEKLY for e in instances)
    assert owner.get_event(instances[0].id).subject == "Marketing team weekly"
