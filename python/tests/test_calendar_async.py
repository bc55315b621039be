"""The calendar's async twins: the same view, event and free/busy, awaited."""

import asyncio
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import o365kit
from conftest import OWNER, PUBLIC


def run(coro):
    return asyncio.run(coro)


def test_async_view_create_and_find(emulator):
    client = o365kit.AsyncClient(token=OWNER, base_url=emulator.url)
    start = datetime(2026, 3, 2, tzinfo=timezone.utc)

    async def go():
        view = client.list_calendar_view(start, start + timedelta(days=7), timezone="Europe/Paris")
        frame = await view.to_pandas()
        created = await client.create_event(o365kit.Event(
            subject="Async sync",
            start=o365kit.DateTimeTimeZone(date_time="2026-03-03T11:00:00", time_zone="Europe/Paris"),
            end=o365kit.DateTimeTimeZone(date_time="2026-03-03T11:30:00", time_zone="Europe/Paris"),
        ))
        again = [e.subject async for e in client.list_calendar_view(start, start + timedelta(days=7))]
        group = await client.list_group_calendar_view(PUBLIC, start, start + timedelta(days=7)).to_list()
        return frame, created, again, group

    frame, created, again, group = run(go())
    weekly = frame.loc[frame["subject"] == "Marketing team weekly", "start"].tolist()
    assert weekly == [datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Europe/Paris"))]
    assert str(weekly[0].tzinfo) == "Europe/Paris"
    assert created.subject == "Async sync" and "Async sync" in again
    assert [e.subject for e in group].count("Campaign stand-up") == 2


def test_async_naive_window_is_refused(emulator):
    client = o365kit.AsyncClient(token=OWNER, base_url=emulator.url)
    with pytest.raises(o365kit.InvalidInput) as err:
        run(client.list_calendar_view(datetime(2026, 3, 2), datetime(2026, 3, 9, tzinfo=timezone.utc)).first_page())
    assert err.value.param == "start"
