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
        case!(ListEvents, Json, None, json!({ "query": q })),
        case!(ListCalendarEvents, Json, None, json!({ "calendar_id": CAL, "query": q })),
        case!(GetEvent, Json, None, json!({ "event_id": E, "query": q })),
        case!(CreateEvent, Json, None, json!({ "event": event() })),
        case!(CreateCalendarEvent, Json, None, json!({ "calendar_id": CAL, "event": event() })),
        case!(UpdateEvent, Json, None, json!({ "event_id": E, "event": { "showAs": "busy" } })),
        case!(DeleteEvent, Empty, None, json!({ "event_id": E })),
        case!(ListCalendarView, Json, None, json!({ "start": start, "end": end, "query": q })),
        case!(ListCalendarViewOf, Json, None, json!({ "calendar_id": CAL, "start": start, "end": end, "query": q })),
        case!(ListEventInstances, Json, None, json!({ "event_id": E, "start": start, "end": end, "query": q })),
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
        case!(ReminderView, Json, None, json!({ "start": start, "end": end, "query": q })),
        case!(SnoozeReminder, Empty, None, json!({ "event_id": E, "new_reminder_time": zoned("2017-04-15T13:00:00") })),
        case!(DismissReminder, Empty, None, json!({ "event_id": E })),
        case!(ListEventAttachments, Json, None, json!({ "event_id": E, "query": q })),
        case!(GetEventAttachment, Json, None, json!({ "event_id": E, "attachment_id": a, "query": q })),
        case!(
            AddEventAttachment,
            Json,
            None,
            json!({ "event_id": E, "attachment": {
                "@odata.type": "#microsoft.graph.fileAttachment", "name": "menu.txt", "contentBytes": "bWFjIGFuZCBjaGVlc2UgdG9kYXk="
            } })
        ),
        case!(DeleteEventAttachment, Empty, None, json!({ "event_id": E, "attachment_id": a })),
        case!(ListCalendars, Json, None, json!({ "query": q })),
        case!(GetCalendar, Json, None, json!({ "calendar_id": CAL, "query": q })),
        case!(CreateCalendar, Json, None, json!({ "calendar": { "name": "Volunteer" } })),
        case!(UpdateCalendar, Json, None, json!({ "calendar_id": CAL, "calendar": { "name": "Social events" } })),
        case!(DeleteCalendar, Empty, None, json!({ "calendar_id": CAL })),
        case!(ListCalendarGroups, Json, None, json!({ "query": q })),
        case!(GetCalendarGroup, Json, None, json!({ "calendar_group_id": CG, "query": q })),
        case!(CreateCalendarGroup, Json, None, json!({ "calendar_group": { "name": "Personal events" } })),
        case!(UpdateCalendarGroup, Json, None, json!({ "calendar_group_id": CG, "calendar_group": { "name": "x" } })),
        case!(DeleteCalendarGroup, Empty, None, json!({ "calendar_group_id": CG })),
        case!(ListCalendarGroupCalendars, Json, None, json!({ "calendar_group_id": CG, "query": q })),
        case!(
            CreateCalendarGroupCalendar,
            Json,
            None,
            json!({ "calendar_group_id": CG, "calendar": { "name": "Library schedule" } })
        ),
        case!(ListCalendarPermissions, Json, None, json!({ "calendar_id": CAL, "query": q })),
        case!(
            CreateCalendarPermission,
            Json,
            None,
            json!({ "calendar_id": CAL, "permission": {
                "emailAddress": { "name": "Samantha Booth", "address": "samanthab@contoso.com" }, "role": "write"
            } })
        ),
        case!(
            UpdateCalendarPermission,
            Json,
            None,
            json!({ "calendar_id": CAL, "permission_id": "RXhjaGFuZ2VQ", "permission": { "role": "read" } })
        ),
        case!(DeleteCalendarPermission, Empty, None, json!({ "calendar_id": CAL, "permission_id": "RXhjaGFuZ2VQ" })),
        case!(
            FindMeetingTimes,
            Json,
            None,
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
            None,
            json!({
                "schedules": ["adelev@contoso.com", "meganb@contoso.com"],
                "start_time": zoned("2019-03-15T09:00:00"), "end_time": zoned("2019-03-15T18:00:00"),
                "availability_view_interval": 60
            })
        ),
        case!(ListRooms, Json, None, json!({ "room_list": null, "query": q })),
        case!(ListRoomLists, Json, None, json!({ "query": q })),
        case!(ListGroupEvents, Json, None, json!({ "group_id": G, "query": q })),
        case!(GetGroupEvent, Json, None, json!({ "group_id": G, "event_id": E, "query": q })),
        case!(CreateGroupEvent, Json, None, json!({ "group_id": G, "event": event() })),
        case!(UpdateGroupEvent, Json, None, json!({ "group_id": G, "event_id": E, "event": { "subject": "x" } })),
        case!(DeleteGroupEvent, Empty, None, json!({ "group_id": G, "event_id": E })),
        case!(ListGroupCalendarView, Json, None, json!({ "group_id": G, "start": start, "end": end, "query": q })),
    ]
}
