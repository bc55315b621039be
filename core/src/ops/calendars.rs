//! Calendars, calendar groups and calendar sharing.

use super::route::{Args, Check};
use super::*;
use crate::model::{Calendar, CalendarGroup, CalendarPermission};

impl Check for Calendar {}
impl Check for CalendarGroup {}

impl Check for CalendarPermission {
    fn check(&self, param: &str) -> Result<(), Error> {
        match self.email_address.as_ref().and_then(|e| e.address.as_deref()) {
            Some(a) if !a.contains('@') => {
                Err(Error::invalid(&format!("{param}.email_address.address"), "needs an email address"))
            }
            _ => Ok(()),
        }
    }
}

fn named_calendar(param: &str, c: &Calendar) -> Result<(), Error> {
    require_text(&format!("{param}.name"), c.name.as_deref())
}

/// A new permission names who to share with and the role.
fn new_permission(a: &Args) -> Result<(), Error> {
    let p: &CalendarPermission = a.get("permission")?;
    p.check("permission")?;
    if p.email_address.as_ref().and_then(|e| e.address.as_deref()).is_none() {
        return Err(Error::invalid("permission.email_address.address", "is required: who to share with"));
    }
    require_text("permission.role", p.role.as_deref())
}

routes! {
    ListCalendars: GET mailbox / "calendars" ? query;
    GetCalendar: GET mailbox / (calendar_id ? "calendar" : "calendars") ? query;
    ListCalendarPermissions: GET mailbox / (calendar_id ? "calendar" : "calendars") / "calendarPermissions" ? query;
    CreateCalendarPermission: POST mailbox / (calendar_id ? "calendar" : "calendars") / "calendarPermissions"
        <- permission if new_permission;
    UpdateCalendarPermission: PATCH mailbox / (calendar_id ? "calendar" : "calendars") / "calendarPermissions"
        / permission_id <- permission;
    DeleteCalendarPermission: DELETE mailbox / (calendar_id ? "calendar" : "calendars") / "calendarPermissions"
        / permission_id;
    CreateCalendar: POST mailbox / "calendars" <- calendar if |a: &Args| named_calendar("calendar", a.get("calendar")?);
    UpdateCalendar: PATCH mailbox / "calendars" / calendar_id <- calendar;
    DeleteCalendar: DELETE mailbox / "calendars" / calendar_id;
    ListCalendarGroups: GET mailbox / "calendarGroups" ? query;
    GetCalendarGroup: GET mailbox / "calendarGroups" / calendar_group_id ? query;
    CreateCalendarGroup: POST mailbox / "calendarGroups" <- calendar_group
        if |a: &Args| require_text("calendar_group.name", a.get::<CalendarGroup>("calendar_group")?.name.as_deref());
    UpdateCalendarGroup: PATCH mailbox / "calendarGroups" / calendar_group_id <- calendar_group;
    DeleteCalendarGroup: DELETE mailbox / "calendarGroups" / calendar_group_id;
    ListCalendarGroupCalendars: GET mailbox / "calendarGroups" / calendar_group_id / "calendars" ? query;
    CreateCalendarGroupCalendar: POST mailbox / "calendarGroups" / calendar_group_id / "calendars" <- calendar
        if |a: &Args| named_calendar("calendar", a.get("calendar")?);
}
