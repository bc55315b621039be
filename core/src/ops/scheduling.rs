//! Scheduling: meeting time suggestions, free/busy, rooms and room lists.

use super::check::Check;
use super::route::Args;
use super::*;
use crate::model::LocationConstraint;

impl Check for LocationConstraint {}

fn meeting_times(a: &Args) -> Result<(), Error> {
    if let Some(d) = a.get::<Option<String>>("meeting_duration")? {
        super::events::check_duration("meeting_duration", d)?;
    }
    if a.get::<Option<i64>>("max_candidates")?.is_some_and(|n| n < 1) {
        return Err(Error::invalid("max_candidates", "must be at least 1"));
    }
    if a.get::<Option<f64>>("minimum_attendee_percentage")?.is_some_and(|p| !(0.0..=100.0).contains(&p)) {
        return Err(Error::invalid("minimum_attendee_percentage", "must be between 0 and 100"));
    }
    Ok(())
}

fn schedule(a: &Args) -> Result<(), Error> {
    let schedules: &Vec<String> = a.get("schedules")?;
    if schedules.is_empty() {
        return Err(Error::invalid("schedules", "needs at least one user or room address"));
    }
    for (i, s) in schedules.iter().enumerate() {
        if !s.contains('@') || s.trim() != s {
            return Err(Error::invalid(&format!("schedules[{i}]"), "must be an email address"));
        }
    }
    if a.get::<Option<i64>>("availability_view_interval")?.is_some_and(|m| !(5..=1440).contains(&m)) {
        return Err(Error::invalid("availability_view_interval", "must be 5 to 1440 minutes"));
    }
    super::event_checks::ordered(("start_time", &a.json("start_time")?), ("end_time", &a.json("end_time")?))
}

routes! {
    FindMeetingTimes: POST mailbox / "findMeetingTimes" <- {
        attendees, location_constraint, time_constraint, meeting_duration, max_candidates,
        is_organizer_optional, return_suggestion_reasons, minimum_attendee_percentage
    } if meeting_times;
    GetSchedule: POST mailbox / "calendar" / "getSchedule" <- { schedules, start_time, end_time, availability_view_interval }
        if schedule;
    ListRoomLists: GET root / "places" / "microsoft.graph.roomlist" ? query;
    // Every room, or the rooms of one room list (by its email address).
    ListRooms: GET root / "places" / (room_list ? "microsoft.graph.room" : "{}/microsoft.graph.roomlist/rooms") ? query;
}
