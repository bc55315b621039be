//! The Graph v1.0 docs' examples for calendars, calendar groups and calendar sharing
//! (user-list-calendars, calendar-get, user-post-calendars, calendar-update, calendar-delete,
//! user-list-calendargroups, calendargroup-get, user-post-calendargroups, calendargroup-update,
//! calendargroup-delete, calendargroup-list-calendars, calendargroup-post-calendars,
//! calendar-list-calendarpermissions, calendar-post-calendarpermissions,
//! calendarpermission-update, calendarpermission-delete): requests built from the docs' values
//! equal the docs' requests; the docs' responses parse and round-trip (see `common::docs`).
//! `{id}` in the docs is `CAL` or `CG` here.
mod common;

use common::cases_calendar::{CAL, CG};
use common::docs::*;
use common::*;
use o365kit::model::{Calendar, CalendarGroup, CalendarPermission};
use o365kit::ops::*;
use o365kit::{Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

fn request_body(page: &str) -> Value {
    fixture(&format!("calendar/requests/{page}.0.json"))
}

#[test]
fn list_calendars() {
    let make = |mailbox| ListCalendars { mailbox, query: Query::new() };
    assert_docs_request(make, DocsRequest { method: Method::Get, path: "/calendars", body: None });
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/list_calendars.json");
    let c = &page.value[0];
    assert_eq!((c.name.as_deref(), c.color.as_deref(), c.can_share), (Some("Calendar"), Some("auto"), Some(true)));
    assert_eq!(c.owner.as_ref().unwrap().address.as_deref(), Some("samanthab@adatum.onmicrosoft.com"));
}

#[test]
fn get_calendar() {
    // Docs: GET /me/calendar, the default calendar: no id.
    let make = |mailbox| GetCalendar { mailbox, calendar_id: None, query: Query::new() };
    assert_docs_request(make, DocsRequest { method: Method::Get, path: "/calendar", body: None });
    let by_id = |mailbox| GetCalendar { mailbox, calendar_id: Some(CAL.into()), query: Query::new() };
    assert_docs_request(by_id, DocsRequest { method: Method::Get, path: &format!("/calendars/{CAL}"), body: None });
    let c = parse_docs_response(&make(Mailbox::Me), 200, "calendar/get_calendar.json");
    assert_eq!((c.is_default_calendar, c.hex_color.as_deref()), (Some(false), Some("")));
    assert_eq!(c.allowed_online_meeting_providers.as_deref(), Some(&["teamsForBusiness".to_string()][..]));
}

#[test]
fn create_calendar() {
    let docs = request_body("user-post-calendars");
    let make = |mailbox| CreateCalendar { mailbox, calendar: Calendar::named("Volunteer") };
    assert_docs_request(make, DocsRequest { method: Method::Post, path: "/calendars", body: Some(docs) });
    let c = parse_docs_response(&make(Mailbox::Me), 201, "calendar/create_calendar.json");
    assert_eq!(c.name.as_deref(), Some("Volunteer"));
}

#[test]
fn update_and_delete_calendar() {
    // The docs' example updates the default calendar (`PATCH /me/calendar`); the operation takes a
    // calendar id, so the docs' `/me/calendars/{id}` route is checked.
    let docs = request_body("calendar-update");
    let make =
        |mailbox| UpdateCalendar { mailbox, calendar_id: CAL.into(), calendar: Calendar::named("Social events") };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Patch, path: &format!("/calendars/{CAL}"), body: Some(docs) },
    );
    let c = parse_docs_response(&make(Mailbox::Me), 200, "calendar/update_calendar.json");
    assert_eq!(c.name.as_deref(), Some("Social events"));
    let delete = |mailbox| DeleteCalendar { mailbox, calendar_id: CAL.into() };
    assert_docs_request(delete, DocsRequest { method: Method::Delete, path: &format!("/calendars/{CAL}"), body: None });
    delete(Mailbox::Me).parse(&ep(), empty_response(204)).unwrap();
}

#[test]
fn calendar_groups() {
    let list = |mailbox| ListCalendarGroups { mailbox, query: Query::new() };
    assert_docs_request(list, DocsRequest { method: Method::Get, path: "/calendarGroups", body: None });
    let page = parse_docs_response(&list(Mailbox::Me), 200, "calendar/list_calendar_groups.json");
    assert_eq!(page.value[0].name.as_deref(), Some("My Calendars"));
    assert_eq!(page.value[0].class_id.as_deref(), Some("0006f0b7-0000-0000-c000-000000000046"));

    let get = |mailbox| GetCalendarGroup { mailbox, calendar_group_id: CG.into(), query: Query::new() };
    assert_docs_request(get, DocsRequest { method: Method::Get, path: &format!("/calendarGroups/{CG}"), body: None });
    let g = parse_docs_response(&get(Mailbox::Me), 200, "calendar/get_calendar_group.json");
    assert_eq!(g.id.as_deref(), Some("id-value"));

    let docs = request_body("user-post-calendargroups");
    let group: CalendarGroup = serde_json::from_value(docs.clone()).unwrap();
    let create = |mailbox| CreateCalendarGroup { mailbox, calendar_group: group.clone() };
    assert_docs_request(create, DocsRequest { method: Method::Post, path: "/calendarGroups", body: Some(docs) });
    let g = parse_docs_response(&create(Mailbox::Me), 201, "calendar/create_calendar_group.json");
    assert_eq!(g.name.as_deref(), Some("Personal events"));

    let docs = request_body("calendargroup-update");
    let group: CalendarGroup = serde_json::from_value(docs.clone()).unwrap();
    let update = |mailbox| UpdateCalendarGroup { mailbox, calendar_group_id: CG.into(), calendar_group: group.clone() };
    assert_docs_request(
        update,
        DocsRequest { method: Method::Patch, path: &format!("/calendarGroups/{CG}"), body: Some(docs) },
    );
    parse_docs_response(&update(Mailbox::Me), 200, "calendar/update_calendar_group.json");

    let delete = |mailbox| DeleteCalendarGroup { mailbox, calendar_group_id: CG.into() };
    assert_docs_request(
        delete,
        DocsRequest { method: Method::Delete, path: &format!("/calendarGroups/{CG}"), body: None },
    );
    delete(Mailbox::Me).parse(&ep(), empty_response(204)).unwrap();
}

#[test]
fn list_calendar_group_calendars() {
    let make = |mailbox| ListCalendarGroupCalendars { mailbox, calendar_group_id: CG.into(), query: Query::new() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Get, path: &format!("/calendarGroups/{CG}/calendars"), body: None },
    );
    // The docs answer `"color": {}`; a calendar's color is a string ("auto", "lightBlue", ...),
    // so the fixture says "auto" and the docs' object is a decode error naming the field.
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/list_calendar_group_calendars.json");
    assert_eq!(page.value[0].name.as_deref(), Some("name-value"));
    let mut verbatim = fixture("calendar/list_calendar_group_calendars.json");
    verbatim["value"][0]["color"] = json!({});
    let res = json_response(200, serde_json::to_vec(&verbatim).unwrap());
    assert_eq!(expect_decode(make(Mailbox::Me).parse(&ep(), res)), "value[0].color");
}

#[test]
fn create_calendar_group_calendar() {
    // Docs: POST /me/calendargroups/AAMkADYAAAR9NR5AAA=/calendars (the core spells the segment
    // `calendarGroups`, as the docs' HTTP request section does; Graph reads either).
    let docs = request_body("calendargroup-post-calendars");
    let id = "AAMkADYAAAR9NR5AAA=";
    let make = |mailbox| CreateCalendarGroupCalendar {
        mailbox,
        calendar_group_id: id.into(),
        calendar: Calendar::named("Marketing calendar"),
    };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Post, path: &format!("/calendarGroups/{id}/calendars"), body: Some(docs) },
    );
    let c = parse_docs_response(&make(Mailbox::Me), 201, "calendar/create_calendar_group_calendar.json");
    assert_eq!(c.name.as_deref(), Some("Marketing calendar"));
    // A calendar needs a name.
    let unnamed = CreateCalendarGroupCalendar {
        mailbox: Mailbox::Me,
        calendar_group_id: id.into(),
        calendar: Calendar::default(),
    };
    expect_invalid(unnamed.request(&ep()), "calendar.name");
}

#[test]
fn list_calendar_permissions() {
    // Docs: GET /users/{id}/calendar/calendarPermissions (the default calendar).
    let make = |mailbox| ListCalendarPermissions { mailbox, calendar_id: None, query: Query::new() };
    assert_docs_request(make, DocsRequest { method: Method::Get, path: "/calendar/calendarPermissions", body: None });
    let page = parse_docs_response(&make(Mailbox::Me), 200, "calendar/list_calendar_permissions.json");
    let org = &page.value[1];
    assert_eq!((org.id.as_deref(), org.role.as_deref()), (Some("RGVmYXVsdA=="), Some("freeBusyRead")));
    assert_eq!(org.email_address.as_ref().unwrap().address, None, "\"My Organization\" has no address");
}

#[test]
fn create_calendar_permission() {
    // Docs: POST /me/calendar/calendarPermissions, answered 200 OK (not 201).
    let docs = request_body("calendar-post-calendarpermissions");
    let permission: CalendarPermission = serde_json::from_value(docs.clone()).unwrap();
    let make = |mailbox| CreateCalendarPermission { mailbox, permission: permission.clone(), calendar_id: None };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Post, path: "/calendar/calendarPermissions", body: Some(docs) },
    );
    let p = parse_docs_response(&make(Mailbox::Me), 200, "calendar/create_calendar_permission.json");
    assert_eq!(p.allowed_roles.unwrap().len(), 3);
}

#[test]
fn update_and_delete_calendar_permission() {
    let docs = request_body("calendarpermission-update");
    let permission: CalendarPermission = serde_json::from_value(docs.clone()).unwrap();
    let make = |mailbox| UpdateCalendarPermission {
        mailbox,
        permission_id: "RGVmYXVsdA==".into(),
        permission: permission.clone(),
        calendar_id: None,
    };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Patch, path: "/calendar/calendarPermissions/RGVmYXVsdA==", body: Some(docs) },
    );
    let p = parse_docs_response(&make(Mailbox::Me), 200, "calendar/update_calendar_permission.json");
    assert_eq!(p.role.as_deref(), Some("write"));
    let delete =
        |mailbox| DeleteCalendarPermission { mailbox, permission_id: "RGVmYXVsdA==".into(), calendar_id: None };
    assert_docs_request(
        delete,
        DocsRequest { method: Method::Delete, path: "/calendar/calendarPermissions/RGVmYXVsdA==", body: None },
    );
    delete(Mailbox::Me).parse(&ep(), empty_response(204)).unwrap();
}
