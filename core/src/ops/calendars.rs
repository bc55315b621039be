//! Calendars, calendar groups and calendar sharing.

use super::check::{address, text, Check};
use super::route::Args;
use super::*;
use crate::model::{Calendar, CalendarGroup, CalendarPermission};
use serde_json::Value;

impl Check for Calendar {}
impl Check for CalendarGroup {}

impl Check for CalendarPermission {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        match address(json) {
            Some(a) if !a.contains('@') => {
                Err(Error::invalid(&format!("{param}.email_address.address"), "needs an email address"))
            }
            _ => Ok(()),
        }
    }
}

/// A new calendar (or calendar group) has a name.
fn named(a: &Args, param: &str) -> Result<(), Error> {
    require_text(&format!("{param}.name"), text(&a.json(param)?, "name"))
}

/// A new permission names who to share with and the role.
fn new_permission(a: &Args) -> Result<(), Error> {
    let p = a.json("permission")?;
    CalendarPermission::check_json(&p, "permission")?;
    if address(&p).is_none() {
        return Err(Error::invalid("permission.email_address.address", "is required: who to share with"));
    }
    require_text("permission.role", text(&p, "role"))
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
    CreateCalendar: POST mailbox / "calendars" <- calendar if |a: &Args| named(a, "calendar");
    UpdateCalendar: PATCH mailbox / "calendars" / calendar_id <- calendar;
    DeleteCalendar: DELETE mailbox / "calendars" / calendar_id;
    ListCalendarGroups: GET mailbox / "calendarGroups" ? query;
    GetCalendarGroup: GET mailbox / "calendarGroups" / calendar_group_id ? query;
    CreateCalendarGroup: POST mailbox / "calendarGroups" <- calendar_group
        if |a: &Args| named(a, "calendar_group");
    UpdateCalendarGroup: PATCH mailbox / "calendarGroups" / calendar_group_id <- calendar_group;
    DeleteCalendarGroup: DELETE mailbox / "calendarGroups" / calendar_group_id;
    ListCalendarGroupCalendars: GET mailbox / "calendarGroups" / calendar_group_id / "calendars" ? query;
    CreateCalendarGroupCalendar: POST mailbox / "calendarGroups" / calendar_group_id / "calendars" <- calendar
        if |a: &Args| named(a, "calendar");
}
