//! Events of a mailbox's calendars and of group calendars: CRUD, calendar views, instances,
//! responses, reminders, attachments.

use super::event_checks::new_event;
use super::*;

fn created(op_event: &crate::model::Event) -> Result<(), Error> {
    new_event("event", op_event)
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
    CreateEvent: POST mailbox / "events" <- event if |op: &CreateEvent| created(&op.event);
    CreateCalendarEvent: POST mailbox / "calendars" / calendar_id / "events" <- event
        if |op: &CreateCalendarEvent| created(&op.event);
    UpdateEvent: PATCH mailbox / "events" / event_id <- event;
    DeleteEvent: DELETE mailbox / "events" / event_id;
    AcceptEvent: POST mailbox / "events" / event_id / "accept" <- { comment, send_response };
    TentativelyAcceptEvent: POST mailbox / "events" / event_id / "tentativelyAccept"
        <- { comment, send_response, proposed_new_time };
    DeclineEvent: POST mailbox / "events" / event_id / "decline" <- { comment, send_response, proposed_new_time };
    ForwardEvent: POST mailbox / "events" / event_id / "forward" <- { to_recipients, comment }
        if |op: &ForwardEvent| if op.to_recipients.is_empty() {
            Err(Error::invalid("to_recipients", "needs at least one recipient"))
        } else {
            Ok(())
        };
    CancelEvent: POST mailbox / "events" / event_id / "cancel" <- { comment };
    SnoozeReminder: POST mailbox / "events" / event_id / "snoozeReminder" <- { new_reminder_time };
    DismissReminder: POST mailbox / "events" / event_id / "dismissReminder";
    ListEventAttachments: GET mailbox / "events" / event_id / "attachments" ? query;
    GetEventAttachment: GET mailbox / "events" / event_id / "attachments" / attachment_id ? query;
    AddEventAttachment: POST mailbox / "events" / event_id / "attachments" <- attachment;
    DeleteEventAttachment: DELETE mailbox / "events" / event_id / "attachments" / attachment_id;
    ListGroupEvents: GET root / "groups" / {group_id} / "events" ? query;
    GetGroupEvent: GET root / "groups" / {group_id} / "events" / {event_id} ? query;
    CreateGroupEvent: POST root / "groups" / {group_id} / "events" <- event if |op: &CreateGroupEvent| created(&op.event);
    UpdateGroupEvent: PATCH root / "groups" / {group_id} / "events" / {event_id} <- event;
    DeleteGroupEvent: DELETE root / "groups" / {group_id} / "events" / {event_id};
}

impl BuildRequest for ListCalendarView {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get_window(self.mailbox.path(ep)?.seg("calendarView"), &self.start, &self.end, &self.query)
    }
}

impl BuildRequest for ListCalendarViewOf {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = self.mailbox.path(ep)?.seg("calendars").item_id("calendar_id", &self.calendar_id)?;
        get_window(path.seg("calendarView"), &self.start, &self.end, &self.query)
    }
}

impl BuildRequest for ListEventInstances {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = self.mailbox.path(ep)?.seg("events").item_id("event_id", &self.event_id)?;
        get_window(path.seg("instances"), &self.start, &self.end, &self.query)
    }
}

impl BuildRequest for ListGroupCalendarView {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = ep.path().seg("groups").id("group_id", &self.group_id)?.seg("calendarView");
        get_window(path, &self.start, &self.end, &self.query)
    }
}

/// `/me/reminderView(startDateTime='...',endDateTime='...')`: the window is the function's arguments.
impl BuildRequest for ReminderView {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        crate::datetime::check_window(&self.start, &self.end)?;
        let args = [("startDateTime", self.start.as_str()), ("endDateTime", self.end.as_str())];
        get(self.mailbox.path(ep)?.function("reminderView", &args), &self.query, false)
    }
}
