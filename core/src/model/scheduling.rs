//! Scheduling: meeting time suggestions, free/busy schedules, rooms and room lists.

use super::{AttendeeBase, DateTimeTimeZone, Location, OutlookGeoCoordinates, PhysicalAddress};
use super::{TimeSlot, WorkingHours};

model! {
    /// `find_meeting_times`' answer; `empty_suggestions_reason` says why there is none.
    pub struct MeetingTimeSuggestionsResult {
        meeting_time_suggestions: Vec<MeetingTimeSuggestion>,
        /// "attendeesUnavailable", "attendeesUnavailableOrUnknown", "locationsUnavailable",
        /// "organizerUnavailable" or "unknown".
        empty_suggestions_reason: String,
    }
}

model! {
    pub struct MeetingTimeSuggestion {
        confidence: f64,
        order: i64,
        organizer_availability: String,
        suggestion_reason: String,
        meeting_time_slot: TimeSlot,
        attendee_availability: Vec<AttendeeAvailability>,
        locations: Vec<Location>,
    }
}

model! {
    pub struct AttendeeAvailability {
        attendee: AttendeeBase,
        /// "free", "tentative", "busy", "oof", "workingElsewhere" or "unknown".
        availability: String,
    }
}

model! {
    /// When the meeting may take place: "work", "personal", "unrestricted" or "unknown" hours, in slots.
    pub struct TimeConstraint {
        activity_domain: String,
        time_slots: Vec<TimeSlot>,
    }
}

model! {
    /// Which rooms or places the meeting needs.
    pub struct LocationConstraint {
        is_required: bool,
        suggest_location: bool,
        locations: Vec<LocationConstraintItem>,
    }
}

model! {
    pub struct LocationConstraintItem {
        display_name: String,
        location_email_address: String,
        resolve_availability: bool,
    }
}

model! {
    /// One user's or room's free/busy over a window.
    pub struct ScheduleInformation {
        schedule_id: String,
        /// One digit per interval: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere.
        availability_view: String,
        schedule_items: Vec<ScheduleItem>,
        working_hours: WorkingHours,
        error: FreeBusyError,
    }
}

model! {
    pub struct ScheduleItem {
        start: DateTimeTimeZone,
        end: DateTimeTimeZone,
        is_private: bool,
        status: String,
        subject: String,
        location: String,
    }
}

model! {
    pub struct FreeBusyError {
        message: String,
        response_code: String,
    }
}

model! {
    /// A meeting room.
    pub struct Room {
        id: String,
        display_name: String,
        email_address: String,
        address: PhysicalAddress,
        geo_coordinates: OutlookGeoCoordinates,
        phone: String,
        nickname: String,
        building: String,
        floor_number: i64,
        floor_label: String,
        label: String,
        capacity: i64,
        /// "standard" or "reserved".
        booking_type: String,
        audio_device_name: String,
        video_device_name: String,
        display_device_name: String,
        is_wheel_chair_accessible: bool,
        tags: Vec<String>,
    }
}

model! {
    /// A list of rooms (usually a building).
    pub struct RoomList {
        id: String,
        display_name: String,
        email_address: String,
        address: PhysicalAddress,
        geo_coordinates: OutlookGeoCoordinates,
        phone: String,
    }
}
