//! Calendar events and what they are made of: places, attendees, recurrence, online meetings.

use super::{Attachment, DateTimeTimeZone, EmailAddress, ItemBody, Recipient};

model! {
    /// An event in a calendar: a meeting, an appointment, one occurrence of a series.
    pub struct Event {
        id: String,
        created_date_time: String,
        last_modified_date_time: String,
        change_key: String,
        categories: Vec<String>,
        transaction_id: String,
        original_start_time_zone: String,
        original_end_time_zone: String,
        i_cal_u_id: String,
        uid: String,
        reminder_minutes_before_start: i64,
        is_reminder_on: bool,
        has_attachments: bool,
        subject: String,
        body: ItemBody,
        body_preview: String,
        /// "low", "normal" or "high".
        importance: String,
        /// "normal", "personal", "private" or "confidential".
        sensitivity: String,
        start: DateTimeTimeZone,
        original_start: String,
        end: DateTimeTimeZone,
        location: Location,
        locations: Vec<Location>,
        is_all_day: bool,
        is_cancelled: bool,
        is_draft: bool,
        is_organizer: bool,
        is_online_meeting: bool,
        /// "teamsForBusiness", "skypeForBusiness", "skypeForConsumer" or "unknown".
        online_meeting_provider: String,
        online_meeting: OnlineMeetingInfo,
        online_meeting_url: String,
        recurrence: PatternedRecurrence,
        response_requested: bool,
        series_master_id: String,
        /// "free", "tentative", "busy", "oof", "workingElsewhere" or "unknown".
        show_as: String,
        /// "singleInstance", "occurrence", "exception" or "seriesMaster".
        type_: String,
        attendees: Vec<Attendee>,
        organizer: Recipient,
        web_link: String,
        response_status: ResponseStatus,
        allow_new_time_proposals: bool,
        hide_attendees: bool,
        attachments: Vec<Attachment>,
    }
}

model! {
    /// Where: a display name, an address, coordinates, a room's email address.
    pub struct Location {
        display_name: String,
        location_email_address: String,
        location_uri: String,
        /// "default", "conferenceRoom", "homeAddress", "businessAddress", "geoCoordinates", ...
        location_type: String,
        unique_id: String,
        unique_id_type: String,
        address: PhysicalAddress,
        coordinates: OutlookGeoCoordinates,
    }
}

impl Location {
    pub fn named(display_name: impl Into<String>) -> Self {
        Location { display_name: Some(display_name.into()), ..Default::default() }
    }
}

model! {
    pub struct PhysicalAddress {
        street: String,
        city: String,
        state: String,
        country_or_region: String,
        postal_code: String,
    }
}

model! {
    pub struct OutlookGeoCoordinates {
        latitude: f64,
        longitude: f64,
        altitude: f64,
        accuracy: f64,
        altitude_accuracy: f64,
    }
}

model! {
    /// Someone invited: "required", "optional" or "resource" (a room), with their answer.
    pub struct Attendee {
        /// "required", "optional" or "resource".
        type_: String,
        email_address: EmailAddress,
        status: ResponseStatus,
        /// The new time the attendee proposed, if any.
        proposed_new_time: TimeSlot,
    }
}

impl Attendee {
    /// A required attendee by address.
    pub fn required(address: impl Into<String>) -> Self {
        Attendee {
            type_: Some("required".into()),
            email_address: Some(EmailAddress { address: Some(address.into()), ..Default::default() }),
            ..Default::default()
        }
    }
}

model! {
    /// Who to consider in scheduling: an address and "required", "optional" or "resource".
    pub struct AttendeeBase {
        type_: String,
        email_address: EmailAddress,
    }
}

model! {
    /// An answer: "none", "organizer", "tentativelyAccepted", "accepted", "declined" or "notResponded".
    pub struct ResponseStatus {
        response: String,
        time: String,
    }
}

model! {
    /// A span of time between two zoned date-times.
    pub struct TimeSlot {
        start: DateTimeTimeZone,
        end: DateTimeTimeZone,
    }
}

model! {
    /// How a series repeats and for how long.
    pub struct PatternedRecurrence {
        pattern: RecurrencePattern,
        range: RecurrenceRange,
    }
}

model! {
    /// "daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly" or "relativeYearly",
    /// every `interval` units, with what the type needs (days of week, day of month, month, index).
    pub struct RecurrencePattern {
        type_: String,
        interval: i64,
        month: i64,
        day_of_month: i64,
        days_of_week: Vec<String>,
        first_day_of_week: String,
        /// "first", "second", "third", "fourth" or "last".
        index: String,
    }
}

model! {
    /// "endDate" (until `end_date`), "noEnd", or "numbered" (`number_of_occurrences`), from `start_date`.
    pub struct RecurrenceRange {
        type_: String,
        start_date: String,
        end_date: String,
        recurrence_time_zone: String,
        number_of_occurrences: i64,
    }
}

model! {
    /// How to join an online meeting.
    pub struct OnlineMeetingInfo {
        join_url: String,
        conference_id: String,
        toll_number: String,
        toll_free_numbers: Vec<String>,
        quick_dial: String,
        phones: Vec<serde_json::Value>,
    }
}

model! {
    /// A calendar of a user or group.
    pub struct Calendar {
        id: String,
        name: String,
        /// "auto", "lightBlue", "lightGreen", ...
        color: String,
        hex_color: String,
        is_default_calendar: bool,
        change_key: String,
        can_share: bool,
        can_view_private_items: bool,
        can_edit: bool,
        is_removable: bool,
        is_tallying_responses: bool,
        allowed_online_meeting_providers: Vec<String>,
        default_online_meeting_provider: String,
        owner: EmailAddress,
    }
}

impl Calendar {
    pub fn named(name: impl Into<String>) -> Self {
        Calendar { name: Some(name.into()), ..Default::default() }
    }
}

model! {
    /// A group of calendars ("My Calendars", "Other Calendars", ...).
    pub struct CalendarGroup {
        id: String,
        name: String,
        class_id: String,
        change_key: String,
    }
}

model! {
    /// Who a calendar is shared with, and their role ("read", "write", "freeBusyRead", ...).
    pub struct CalendarPermission {
        id: String,
        email_address: EmailAddress,
        is_removable: bool,
        is_inside_organization: bool,
        role: String,
        allowed_roles: Vec<String>,
    }
}

model! {
    /// A reminder due in a window (`reminder_view`).
    pub struct Reminder {
        event_id: String,
        event_start_time: DateTimeTimeZone,
        event_end_time: DateTimeTimeZone,
        change_key: String,
        event_subject: String,
        event_location: Location,
        event_web_link: String,
        reminder_fire_time: DateTimeTimeZone,
    }
}
