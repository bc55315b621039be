//! Scheduling through the native client: free/busy and meeting suggestions computed from what is
//! booked, rooms and room lists from the tenant's buildings.

use o365kit::model::{AttendeeBase, DateTimeTimeZone, EmailAddress, Location, TimeConstraint, TimeSlot};
use o365kit::Query;
use o365kit_e2e::{address, event, wall_clock, Env, MEMBER, OWNER};

const ROOM: &str = "room-a101@contoso.test";

fn utc(t: &str) -> DateTimeTimeZone {
    DateTimeTimeZone::new(t, "UTC")
}

fn attendee(who: &str) -> AttendeeBase {
    AttendeeBase {
        type_: Some("required".into()),
        email_address: Some(EmailAddress { address: Some(who.into()), ..Default::default() }),
        ..Default::default()
    }
}

fn between(start: &str, end: &str) -> TimeConstraint {
    TimeConstraint {
        activity_domain: Some("unrestricted".into()),
        time_slots: Some(vec![TimeSlot { start: Some(utc(start)), end: Some(utc(end)), ..Default::default() }]),
        ..Default::default()
    }
}

/// The member's dentist appointment, 14:00 to 15:00 UTC on Monday 2031-03-03, and the owner's
/// 13:00 meeting in Room A-101.
async fn book(env: &Env) {
    let dentist = event("Dentist", "2031-03-03T14:00:00", "2031-03-03T15:00:00");
    env.client(MEMBER).create_event(dentist).await.unwrap();
    let mut planning = event("Room planning", "2031-03-03T13:00:00", "2031-03-03T14:00:00");
    planning.location =
        Some(Location { location_email_address: Some(ROOM.into()), ..Location::named("Room A-101 Aurora") });
    env.client(OWNER).create_event(planning).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn get_schedule_shows_what_is_booked_for_people_and_rooms() {
    let env = Env::start();
    book(&env).await;
    let schedules = vec![address(MEMBER).to_string(), ROOM.to_string(), "nobody@contoso.test".to_string()];
    let answer = env
        .client(OWNER)
        .get_schedule(schedules, utc("2031-03-03T13:00:00"), utc("2031-03-03T16:00:00"), Some(60))
        .await
        .unwrap()
        .value;
    let by = |id: &str| answer.iter().find(|s| s.schedule_id.as_deref() == Some(id)).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(by(address(MEMBER)).availability_view.as_deref(), Some("020"), "busy 14:00 to 15:00");
    let items = by(address(MEMBER)).schedule_items.clone().unwrap_or_default();
    assert_eq!(items.len(), 1);
    assert_eq!((wall_clock(&items[0].start), items[0].status.as_deref()), ("2031-03-03T14:00:00".into(), Some("busy")));
    assert_eq!(by(ROOM).availability_view.as_deref(), Some("200"), "the room is booked 13:00 to 14:00");
    let err = by("nobody@contoso.test").error.clone().expect("an unknown address has an error");
    assert_eq!(err.response_code.as_deref(), Some("ErrorMailRecipientNotFound"));
}

#[tokio::test(flavor = "multi_thread")]
async fn find_meeting_times_avoids_a_colleagues_booking() {
    let env = Env::start();
    book(&env).await;
    let owner = env.client(OWNER);
    let found = owner
        .find_meeting_times(
            vec![attendee(address(MEMBER))],
            Some(between("2031-03-03T14:00:00", "2031-03-03T16:00:00")),
            Some("PT1H".to_string()),
            None,
            None,
            None,
            None,
            None,
        )
        .await
        .unwrap();
    let slots: Vec<(String, String)> = found
        .meeting_time_suggestions
        .unwrap_or_default()
        .iter()
        .filter_map(|s| s.meeting_time_slot.as_ref())
        .map(|t| (wall_clock(&t.start), wall_clock(&t.end)))
        .collect();
    assert_eq!(slots, [("2031-03-03T15:00:00".to_string(), "2031-03-03T16:00:00".to_string())], "the only free hour");

    let none = owner
        .find_meeting_times(
            vec![attendee(address(MEMBER))],
            Some(between("2031-03-03T14:00:00", "2031-03-03T15:00:00")),
            Some("PT1H".to_string()),
            None,
            None,
            None,
            None,
            Some(100.0),
        )
        .await
        .unwrap();
    assert!(none.meeting_time_suggestions.unwrap_or_default().is_empty());
    // Graph's reference lists the reasons in camelCase; the emulator writes them in PascalCase.
    let reason = none.empty_suggestions_reason.unwrap_or_default();
    assert!(reason.eq_ignore_ascii_case("attendeesUnavailable"), "{reason}");
}

#[tokio::test(flavor = "multi_thread")]
async fn rooms_and_room_lists_come_from_the_buildings() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let lists = member.list_room_lists(Query::new()).await.unwrap().value;
    let names: Vec<String> = lists.iter().filter_map(|l| l.display_name.clone()).collect();
    assert_eq!(names, ["Building A", "Building B"]);
    let all = member.list_rooms(None::<String>, Query::new()).await.unwrap().value;
    assert_eq!(all.len(), 4);
    let aurora = all.iter().find(|r| r.email_address.as_deref() == Some(ROOM)).expect("A-101");
    assert_eq!((aurora.capacity, aurora.building.as_deref()), (Some(8), Some("Building A")));
    let in_b = member.list_rooms(Some("building-b@contoso.test".to_string()), Query::new()).await.unwrap().value;
    let names: Vec<String> = in_b.into_iter().filter_map(|r| r.display_name).collect();
    assert_eq!(names, ["Room B-100 Seine", "Room B-300 Atelier"]);
}
