"""Finding a time from real free/busy, the schedule of people and rooms, and the rooms themselves."""

from zoneinfo import ZoneInfo

import o365kit

PACIFIC = ZoneInfo("America/Los_Angeles")


def at(text):
    return o365kit.DateTimeTimeZone(date_time=text, time_zone="Pacific Standard Time")


def people(*addresses):
    return [o365kit.AttendeeBase(type_="required", email_address=o365kit.EmailAddress(address=a)) for a in addresses]


# The seed's outsider has "Quarterly planning" on the first Monday of every third month, 14:00-16:00
# Pacific: on Monday 2026-04-06 an afternoon for three leaves 13:00 and 16:00.
AFTERNOON = o365kit.TimeConstraint(
    activity_domain="work",
    time_slots=[o365kit.TimeSlot(start=at("2026-04-06T13:00:00"), end=at("2026-04-06T17:00:00"))],
)


def slots(result):
    return [s.meeting_time_slot.to_row() for s in result.meeting_time_suggestions]


def test_find_meeting_times_avoids_a_busy_attendee(owner):
    result = owner.find_meeting_times(
        people("member@contoso.test", "outsider@contoso.test"),
        time_constraint=AFTERNOON,
        meeting_duration="PT1H",
        minimum_attendee_percentage=100,
        max_candidates=10,
    )
    assert result.empty_suggestions_reason == ""
    starts = sorted(s["start"].astimezone(PACIFIC).strftime("%H:%M") for s in slots(result))
    assert starts == ["13:00", "16:00"]
    first = result.meeting_time_suggestions[0]
    assert {a.availability for a in first.attendee_availability} == {"free"}


def test_no_time_at_all_says_why(owner):
    busy = o365kit.TimeConstraint(
        time_slots=[o365kit.TimeSlot(start=at("2026-04-06T14:00:00"), end=at("2026-04-06T16:00:00"))],
    )
    result = owner.find_meeting_times(
        people("outsider@contoso.test"), time_constraint=busy, meeting_duration="PT1H", minimum_attendee_percentage=100,
    )
    assert result.meeting_time_suggestions == [] and result.empty_suggestions_reason == "AttendeesUnavailable"


def test_get_schedule_of_people_and_a_room(owner):
    owner.create_event(o365kit.Event(
        subject="Booked",
        start=at("2026-04-06T09:00:00"),
        end=at("2026-04-06T10:00:00"),
        location=o365kit.Location(display_name="Room A-101 Aurora", location_email_address="room-a101@contoso.test"),
    ))
    schedules = {
        s.schedule_id: s
        for s in owner.get_schedule(
            ["outsider@contoso.test", "room-a101@contoso.test", "nobody@contoso.test"],
            at("2026-04-06T08:00:00"), at("2026-04-06T17:00:00"), availability_view_interval=60,
        )
    }
    # one digit an hour from 08:00: the quarterly planning at 14:00-16:00, the booking at 09:00
    assert schedules["outsider@contoso.test"].availability_view == "000000220"
    assert schedules["room-a101@contoso.test"].availability_view == "020000000"
    assert schedules["outsider@contoso.test"].working_hours.start_time.startswith("08:00")
    assert schedules["nobody@contoso.test"].error.response_code == "ErrorMailRecipientNotFound"


def test_rooms_and_room_lists(member):
    lists = {r.email_address: r.display_name for r in member.list_room_lists()}
    assert lists == {"building-a@contoso.test": "Building A", "building-b@contoso.test": "Building B"}
    rooms = member.list_rooms().to_pandas()
    assert len(rooms) == 4 and {"display_name", "email_address", "capacity"} <= set(rooms.columns)
    paris = member.list_rooms("building-b@contoso.test").to_list()
    assert sorted(r.display_name for r in paris) == ["Room B-100 Seine", "Room B-300 Atelier"]
    assert max(paris, key=lambda r: r.capacity).display_device_name == "Projector"
