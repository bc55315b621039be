"""A group's calendar: its series expanded, events created by a member, and Graph's typed refusal
when anyone tries to answer a group event."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import o365kit
from conftest import PUBLIC

NEW_YORK = ZoneInfo("America/New_York")
WEEK = (datetime(2026, 3, 2, tzinfo=NEW_YORK), datetime(2026, 3, 9, tzinfo=NEW_YORK))


def test_the_group_week_expands_the_stand_up(member):
    frame = member.list_group_calendar_view(PUBLIC, *WEEK, timezone="America/New_York").to_pandas()
    standups = frame[frame["subject"] == "Campaign stand-up"]
    assert [t.strftime("%a %H:%M") for t in standups["start"]] == ["Tue 09:30", "Thu 09:30"]
    assert (standups["end"] - standups["start"]).tolist() == [timedelta(minutes=15)] * 2
    assert set(standups["type"]) == {"occurrence"}


def test_a_member_creates_updates_and_deletes_a_group_event(member):
    created = member.create_group_event(PUBLIC, o365kit.Event(
        subject="Launch retro",
        start=o365kit.DateTimeTimeZone(date_time="2026-03-04T15:00:00", time_zone="Eastern Standard Time"),
        end=o365kit.DateTimeTimeZone(date_time="2026-03-04T16:00:00", time_zone="Eastern Standard Time"),
    ))
    assert "Launch retro" in [e.subject for e in member.list_group_events(PUBLIC)]
    member.update_group_event(PUBLIC, created.id, o365kit.Event(subject="Launch retro (all hands)"))
    assert member.get_group_event(PUBLIC, created.id).subject == "Launch retro (all hands)"
    member.delete_group_event(PUBLIC, created.id)
    with pytest.raises(o365kit.NotFound):
        member.get_group_event(PUBLIC, created.id)


def test_a_group_event_is_not_in_the_members_own_calendar_to_answer(member):
    # The member's /me/events/{id}/accept does not find the group's event: Graph's 404, typed.
    with pytest.raises(o365kit.NotFound) as err:
        member.accept_event("AAMkAGMarketingWorkshop0001")
    assert err.value.code == "ErrorItemNotFound"


def test_answering_a_group_event_is_the_typed_bad_request(member):
    # On the group's mailbox ("groups/{id}"): POST /groups/{id}/events/{id}/accept, Graph's 400.
    with pytest.raises(o365kit.BadRequest) as err:
        member.mailbox(f"groups/{PUBLIC}").accept_event("AAMkAGMarketingWorkshop0001")
    assert err.value.code == "ErrorInvalidRequest" and "Group mailbox cannot respond" in str(err.value)
