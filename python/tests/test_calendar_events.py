"""Events built from keyword models: create, read, update, delete; a meeting request answered by the
colleague it was sent to."""

from datetime import datetime, timezone

import pytest

import o365kit
from conftest import MEMBER

# Tuesday to Wednesday: clear of the seed's Monday series
WINDOW = (datetime(2026, 4, 14, tzinfo=timezone.utc), datetime(2026, 4, 16, tzinfo=timezone.utc))


def review(**more):
    return o365kit.Event(
        subject="Budget review",
        start=o365kit.DateTimeTimeZone(date_time="2026-04-14T15:00:00", time_zone="Pacific Standard Time"),
        end=o365kit.DateTimeTimeZone(date_time="2026-04-14T16:00:00", time_zone="Pacific Standard Time"),
        location=o365kit.Location(display_name="Room A-101 Aurora", location_email_address="room-a101@contoso.test"),
        **more,
    )


def test_create_read_update_delete(owner):
    created = owner.create_event(review(body=o365kit.ItemBody(content_type="text", content="Q2 numbers")))
    assert created.id and created.subject == "Budget review" and created.is_organizer is True
    got = owner.get_event(created.id, timezone="America/Los_Angeles")
    assert got.start.date_time.startswith("2026-04-14T15:00") and got.location.display_name == "Room A-101 Aurora"
    # Pacific daylight time in April: 15:00 there is 22:00 UTC.
    assert owner.get_event(created.id).start.date_time.startswith("2026-04-14T22:00")
    updated = owner.update_event(created.id, o365kit.Event(subject="Budget review (moved)", show_as="tentative"))
    assert updated.subject == "Budget review (moved)" and updated.show_as == "tentative"
    assert [e.subject for e in owner.list_calendar_view(*WINDOW)] == ["Budget review (moved)"]
    owner.delete_event(created.id)
    with pytest.raises(o365kit.NotFound):
        owner.get_event(created.id)
    assert owner.list_calendar_view(*WINDOW).to_list() == []


def test_a_model_refuses_a_property_it_does_not_have():
    with pytest.raises(o365kit.InvalidInput) as err:
        o365kit.Event(subjekt="typo")
    assert err.value.param == "subjekt"


def test_a_meeting_request_accepted_by_the_colleague(owner, emulator):
    invite = owner.create_event(review(attendees=[
        o365kit.Attendee(type_="required", email_address=o365kit.EmailAddress(address="member@contoso.test")),
    ]))
    colleague = o365kit.Client(token=MEMBER, base_url=emulator.url)
    copy = next(e for e in colleague.list_calendar_view(*WINDOW) if e.subject == "Budget review")
    assert copy.id != invite.id and copy.is_organizer is False
    assert copy.response_status.response == "notResponded"
    assert copy.organizer.email_address.address == "owner@contoso.test"
    colleague.accept_event(copy.id, comment="See you there")
    assert colleague.get_event(copy.id).response_status.response == "accepted"
    statuses = {a.email_address.address: a.status.response for a in owner.get_event(invite.id).attendees}
    assert statuses == {"member@contoso.test": "accepted"}
    accepted = [m for m in owner.list_folder_messages("inbox") if (m.subject or "").startswith("Accepted:")]
    assert [m.from_.email_address.address for m in accepted] == ["member@contoso.test"]


def test_a_declined_meeting_leaves_the_colleagues_calendar(owner, member):
    invite = owner.create_event(review(attendees=[
        o365kit.Attendee(type_="required", email_address=o365kit.EmailAddress(address="member@contoso.test")),
    ]))
    copy = next(e for e in member.list_calendar_view(*WINDOW) if e.subject == "Budget review")
    member.decline_event(copy.id, send_response=False)
    assert [e for e in member.list_calendar_view(*WINDOW) if e.subject == "Budget review"] == []
    # sendResponse false: the organizer is not told
    assert owner.get_event(invite.id).attendees[0].status.response == "none"
