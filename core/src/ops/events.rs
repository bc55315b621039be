//! Events of a mailbox's calendars and of group calendars: CRUD, calendar views, instances,
//! responses, reminders, attachments.

use super::event_checks::new_event;
use super::route::Args;
use super::*;

fn created(a: &Args) -> Result<(), Error> {
    new_event("event", &a.json("event")?)
}

/// `PT1H30M`, `P1D`: Graph's meeting durations are ISO 8601 durations.
pub(super) fn check_duration(param: &str, d: &str) -> Result<(), Error> {
    let ok = d.len() > 1
        && d.starts_with('P')
        && d[1..].bytes().all(|b| b.is_ascii_digit() || matches!(b, b'T' | b'D' | b'H' | b'M' | b'S' | b'W' | b'.'))
        && d.bytes().any(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(param, format!("{d:?} is not an ISO 8601 duration such as PT1H30M")))
    }
}

routes! {
    ListEvents: GET mailbox / "events" ? query;
    ListCalendarEvents: GET mailbox / "calendars" / calendar_id / "events" ? query;
    GetEvent: GET mailbox / "events" / event_id ? query;
    CreateEvent: POST mailbox / "events" <- event if created;
    CreateCalendarEvent: POST mailbox / "calendars" / calendar_id / "events" <- event
        if created;
    UpdateEvent: PATCH mailbox / "events" / event_id <- event;
    DeleteEvent: DELETE mailbox / "events" / event_id;
    AcceptEvent: POST mailbox / "events" / event_id / "accept" <- { comment, send_response };
    TentativelyAcceptEvent: POST mailbox / "events" / event_id / "tentativelyAccept"
        <- { comment, send_response, proposed_new_time };
    DeclineEvent: POST mailbox / "events" / event_id / "decline" <- { comment, send_response, proposed_new_time };
    ForwardEvent: POST mailbox / "events" / event_id / "forward" <- { to_recipients, comment }
        if super::posts::some_recipients;
    CancelEvent: POST mailbox / "events" / event_id / "cancel" <- { comment };
    SnoozeReminder: POST mailbox / "events" / event_id / "snoozeReminder" <- { new_reminder_time };
    DismissReminder: POST mailbox / "events" / event_id / "dismissReminder";
    ListEventAttachments: GET mailbox / "events" / event_id / "attachments" ? query;
    GetEventAttachment: GET mailbox / "events" / event_id / "attachments" / attachment_id ? query;
    AddEventAttachment: POST mailbox / "events" / event_id / "attachments" <- attachment;
    DeleteEventAttachment: DELETE mailbox / "events" / event_id / "attachments" / attachment_id;
    ListGroupEvents: GET root / "groups" / {group_id} / "events" ? query;
    GetGroupEvent: GET root / "groups" / {group_id} / "events" / {event_id} ? query;
    CreateGroupEvent: POST root / "groups" / {group_id} / "events" <- event if created;
    UpdateGroupEvent: PATCH root / "groups" / {group_id} / "events" / {event_id} <- event;
    DeleteGroupEvent: DELETE root / "groups" / {group_id} / "events" / {event_id};
    ListCalendarView: GET mailbox / "calendarView" ? window(start, end);
    ListCalendarViewOf: GET mailbox / "calendars" / calendar_id / "calendarView" ? window(start, end);
    ListEventInstances: GET mailbox / "events" / event_id / "instances" ? window(start, end);
    ListGroupCalendarView: GET root / "groups" / {group_id} / "calendarView" ? window(start, end);
    // The window is the function's arguments: `reminderView(startDateTime='...',endDateTime='...')`;
    // checked before the mailbox too, as it always was.
    ReminderView: GET mailbox / "reminderView" ? window_args(start, end)
        if |a: &Args| crate::datetime::check_window(a.get("start")?, a.get("end")?);
}
