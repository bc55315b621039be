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

/// `/me/calendar` (the default calendar) or `/me/calendars/{id}`.
fn calendar(ep: &Endpoint, mailbox: &crate::Mailbox, calendar_id: Option<&str>) -> Result<PathBuilder, Error> {
    let root = mailbox.path(ep)?;
    match calendar_id {
        None => Ok(root.seg("calendar")),
        Some(id) => root.seg("calendars").item_id("calendar_id", id),
    }
}

routes! {
    ListCalendars: GET mailbox / "calendars" ? query;
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

impl BuildRequest for GetCalendar {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(calendar(ep, &self.mailbox, self.calendar_id.as_deref())?, &self.query, false)
    }
}

impl BuildRequest for ListCalendarPermissions {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = calendar(ep, &self.mailbox, self.calendar_id.as_deref())?.seg("calendarPermissions");
        get(path, &self.query, false)
    }
}

impl BuildRequest for CreateCalendarPermission {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let p = &self.permission;
        p.check("permission")?;
        if p.email_address.as_ref().and_then(|e| e.address.as_deref()).is_none() {
            return Err(Error::invalid("permission.email_address.address", "is required: who to share with"));
        }
        require_text("permission.role", p.role.as_deref())?;
        let path = calendar(ep, &self.mailbox, self.calendar_id.as_deref())?.seg("calendarPermissions");
        with_json(ep, Request::post(path.build()), p)
    }
}

impl BuildRequest for UpdateCalendarPermission {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        self.permission.check("permission")?;
        let path = calendar(ep, &self.mailbox, self.calendar_id.as_deref())?.seg("calendarPermissions");
        with_json(ep, Request::patch(path.item_id("permission_id", &self.permission_id)?.build()), &self.permission)
    }
}

impl BuildRequest for DeleteCalendarPermission {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = calendar(ep, &self.mailbox, self.calendar_id.as_deref())?.seg("calendarPermissions");
        Ok(Request::delete(path.item_id("permission_id", &self.permission_id)?.build()))
    }
}

built_by_hand!(
    GetCalendar,
    ListCalendarPermissions,
    CreateCalendarPermission,
    UpdateCalendarPermission,
    DeleteCalendarPermission
);
