//! The Calendar operations' cases (see `cases.rs`), in table order.

use super::cases::{make, Case, Shape};
use super::G;
use o365kit::ops::*;
use serde_json::{json, Value};

/// An event id as the docs show them.
pub const E: &str = "AAMkAGI1AAAt9AHjAAA=";
/// A calendar id.
pub const CAL: &str = "AAMkAGI2TGuLAAA=";
/// A calendar group id.
pub const CG: &str = "AAMkADYAAAR6OvDAAA=";

fn zoned(date_time: &str) -> Value {
    json!({ "dateTime": date_time, "timeZone": "Pacific Standard Time" })
}

pub fn event() -> Value {
    json!({
        "subject": "Let's go for lunch",
        "body": { "contentType": "HTML", "content": "Does noon work for you?" },
        "start": zoned("2017-04-15T12:00:00"),
        "end": zoned("2017-04-15T14:00:00"),
        "location": { "displayName": "Harry's Bar" },
        "attendees": [{ "emailAddress": { "address": "samanthab@contoso.onmicrosoft.com", "name": "Samantha Booth" }, "type": "required" }]
    })
}

pub fn all() -> Vec<Case> {
    let q = json!({});
    let (start, end) = ("2017-01-01T19:00:00-08:00", "2017-01-07T19:00:00-08:00");
    let to = json!([{ "emailAddress": { "address": "danas@contoso.onmicrosoft.com" } }]);
    let a = "AAMkAGI1AAAt9AHjAAABEgAQAN1R4XbHFPNNnC-EwVlnn3A=";
    vec![
        case!(ListEvents, Json, Some("calendar/list_events.json"), json!({ "query": q })),
        case!(
            ListCalendarEvents,
            Json,
            Some("calendar/list_calendar_events.json"),
            json!({ "calendar_id": CAL, "query": q })
        ),
        case!(GetEvent, Json, Some("calendar/get_event.json"), json!({ "event_id": E, "query": q })),
        case!(CreateEvent, Json, Some("calendar/create_event.json"), json!({ "event": event() })),
        case!(
            CreateCalendarEvent,
            Json,
            Some("calendar/create_calendar_event.json"),
            json!({ "calendar_id": CAL, "event": event() })
        ),
        case!(
            UpdateEvent,
            Json,
            Some("calendar/update_event.json"),
            json!({ "event_id": E, "event": { "showAs": "busy" } })
        ),
        case!(DeleteEvent, Empty, None, json!({ "event_id": E })),
        case!(
            ListCalendarView,
            Json,
            Some("calendar/list_calendar_view.json"),
            json!({ "start": start, "end": end, "query": q })
        ),
        case!(
            ListCalendarViewOf,
            Json,
            Some("calendar/list_calendar_view_of.json"),
            json!({ "calendar_id": CAL, "start": start, "end": end, "query": q })
        ),
        case!(
            ListEventInstances,
            Json,
            Some("calendar/list_event_instances.json"),
            json!({ "event_id": E, "start": start, "end": end, "query": q })
        ),
        case!(AcceptEvent, Empty, None, json!({ "event_id": E, "comment": "OK", "send_response": true })),
        case!(
            TentativelyAcceptEvent,
            Empty,
            None,
            json!({ "event_id": E, "comment": null, "send_response": null, "proposed_new_time": null })
        ),
        case!(
            DeclineEvent,
            Empty,
            None,
            json!({ "event_id": E, "comment": "No", "send_response": true, "proposed_new_time": null })
        ),
        case!(ForwardEvent, Empty, None, json!({ "event_id": E, "to_recipients": to, "comment": "FYI" })),
        case!(CancelEvent, Empty, None, json!({ "event_id": E, "comment": "Cancelled" })),
        case!(
            ReminderView,
            Json,
            Some("calendar/reminder_view.json"),
            json!({ "start": start, "end": end, "query": q })
        ),
        case!(SnoozeReminder, Empty, None, json!({ "event_id": E, "new_reminder_time": zoned("2017-04-15T13:00:00") })),
        case!(DismissReminder, Empty, None, json!({ "event_id": E })),
        case!(
            ListEventAttachments,
            Json,
            Some("calendar/list_event_attachments.json"),
            json!({ "event_id": E, "query": q })
        ),
        case!(
            GetEventAttachment,
            Json,
            Some("calendar/get_event_attachment_file.json"),
            json!({ "event_id": E, "attachment_id": a, "query": q })
        ),
        case!(
            AddEventAttachment,
            Json,
            Some("calendar/add_event_attachment.json"),
            json!({ "event_id": E, "attachment": {
                "@odata.type": "#microsoft.graph.fileAttachment", "name": "menu.txt", "contentBytes": "bWFjIGFuZCBjaGVlc2UgdG9kYXk="
            } })
        ),
        case!(DeleteEventAttachment, Empty, None, json!({ "event_id": E, "attachment_id": a })),
        case!(ListCalendars, Json, Some("calendar/list_calendars.json"), json!({ "query": q })),
        case!(GetCalendar, Json, Some("calendar/get_calendar.json"), json!({ "calendar_id": CAL, "query": q })),
        case!(
            CreateCalendar,
            Json,
            Some("calendar/create_calendar.json"),
            json!({ "calendar": { "name": "Volunteer" } })
        ),
        case!(
            UpdateCalendar,
            Json,
            Some("calendar/update_calendar.json"),
            json!({ "calendar_id": CAL, "calendar": { "name": "Social events" } })
        ),
        case!(DeleteCalendar, Empty, None, json!({ "calendar_id": CAL })),
        case!(ListCalendarGroups, Json, Some("calendar/list_calendar_groups.json"), json!({ "query": q })),
        case!(
            GetCalendarGroup,
            Json,
            Some("calendar/get_calendar_group.json"),
            json!({ "calendar_group_id": CG, "query": q })
        ),
        case!(
            CreateCalendarGroup,
            Json,
            Some("calendar/create_calendar_group.json"),
            json!({ "calendar_group": { "name": "Personal events" } })
        ),
        case!(
            UpdateCalendarGroup,
            Json,
            Some("calendar/update_calendar_group.json"),
            json!({ "calendar_group_id": CG, "calendar_group": { "name": "x" } })
        ),
        case!(DeleteCalendarGroup, Empty, None, json!({ "calendar_group_id": CG })),
        case!(
            ListCalendarGroupCalendars,
            Json,
            Some("calendar/list_calendar_group_calendars.json"),
            json!({ "calendar_group_id": CG, "query": q })
        ),
        case!(
            CreateCalendarGroupCalendar,
            Json,
            Some("calendar/create_calendar_group_calendar.json"),
            json!({ "calendar_group_id": CG, "calendar": { "name": "Library schedule" } })
        ),
        case!(
            ListCalendarPermissions,
            Json,
            Some("calendar/list_calendar_permissions.json"),
            json!({ "calendar_id": CAL, "query": q })
        ),
        case!(
            CreateCalendarPermission,
            Json,
            Some("calendar/create_calendar_permission.json"),
            json!({ "calendar_id": CAL, "permission": {
                "emailAddress": { "name": "Samantha Booth", "address": "samanthab@contoso.com" }, "role": "write"
            } })
        ),
        case!(
            UpdateCalendarPermission,
            Json,
            Some("calendar/update_calendar_permission.json"),
            json!({ "calendar_id": CAL, "permission_id": "RXhjaGFuZ2VQ", "permission": { "role": "read" } })
        ),
        case!(DeleteCalendarPermission, Empty, None, json!({ "calendar_id": CAL, "permission_id": "RXhjaGFuZ2VQ" })),
        case!(
            FindMeetingTimes,
            Json,
            Some("calendar/find_meeting_times.json"),
            json!({
                "attendees": [{ "type": "required", "emailAddress": { "address": "alexw@contoso.com" } }],
                "time_constraint": { "activityDomain": "work", "timeSlots": [{
                    "start": zoned("2019-04-16T09:00:00"), "end": zoned("2019-04-18T17:00:00")
                }] },
                "meeting_duration": "PT1H", "location_constraint": null, "max_candidates": 3,
                "is_organizer_optional": false, "return_suggestion_reasons": true, "minimum_attendee_percentage": 100.0
            })
        ),
        case!(
            GetSchedule,
            Json,
            Some("calendar/get_schedule.json"),
            json!({
                "schedules": ["adelev@contoso.com", "meganb@contoso.com"],
                "start_time": zoned("2019-03-15T09:00:00"), "end_time": zoned("2019-03-15T18:00:00"),
                "availability_view_interval": 60
            })
        ),
        case!(ListRooms, Json, Some("calendar/list_rooms.json"), json!({ "room_list": null, "query": q })),
        case!(ListRoomLists, Json, Some("calendar/list_room_lists.json"), json!({ "query": q })),
        case!(ListGroupEvents, Json, Some("calendar/list_group_events.json"), json!({ "group_id": G, "query": q })),
        case!(
            GetGroupEvent,
            Json,
            Some("calendar/get_group_event.json"),
            json!({ "group_id": G, "event_id": E, "query": q })
        ),
        case!(
            CreateGroupEvent,
            Json,
            Some("calendar/create_group_event.json"),
            json!({ "group_id": G, "event": event() })
        ),
        case!(
            UpdateGroupEvent,
            Json,
            Some("calendar/update_group_event.json"),
            json!({ "group_id": G, "event_id": E, "event": { "subject": "x" } })
        ),
        case!(DeleteGroupEvent, Empty, None, json!({ "group_id": G, "event_id": E })),
        case!(
            ListGroupCalendarView,
            Json,
            Some("calendar/list_group_calendar_view.json"),
            json!({ "group_id": G, "start": start, "end": end, "query": q })
        ),
    ]
}
