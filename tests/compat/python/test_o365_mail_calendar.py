"""python-o365 beyond groups: sending and reading mail, creating and listing events."""

import datetime as dt
from zoneinfo import ZoneInfo
import uuid

from conftest import MEMBER, OWNER
from test_o365 import account


def test_send_and_read_mail(base_url):
    subject = f"O365 mail {uuid.uuid4()}"
    message = account(base_url, OWNER).mailbox().new_message()
    message.to.add(MEMBER)
    message.subject = subject
    message.body = "hello from python-o365"
    assert message.send()
    inbox = account(base_url, MEMBER).mailbox().inbox_folder()
    got = [m for m in inbox.get_messages(limit=50) if m.subject == subject]
    assert len(got) == 1
    assert got[0].sender.address == OWNER


def test_create_and_list_events(base_url):
    schedule = account(base_url, MEMBER).schedule()
    calendar = schedule.get_default_calendar()
    subject = f"O365 event {uuid.uuid4()}"
    event = calendar.new_event()
    event.subject = subject
    event.start = dt.datetime(2032, 5, 6, 9, 0, tzinfo=ZoneInfo("UTC"))
    event.end = dt.datetime(2032, 5, 6, 10, 0, tzinfo=ZoneInfo("UTC"))
    assert event.save()
    window = {
        "start_recurring": dt.datetime(2032, 5, 6, tzinfo=ZoneInfo("UTC")),
        "end_recurring": dt.datetime(2032, 5, 7, tzinfo=ZoneInfo("UTC")),
    }
    found = [e.subject for e in calendar.get_events(include_recurring=True, **window)]
    assert subject in found
