//! Calendars, calendar groups and sharing through the native client: a shared default calendar
//! opens to a colleague through `client.mailbox(...)`, by role, and only while it is shared.

use o365kit::model::{Calendar, CalendarGroup, CalendarPermission, EmailAddress};
use o365kit::{Error, Query};
use o365kit_e2e::{address, at, event, Env, OUTSIDER, OWNER, WEEKLY};

fn code(err: &Error) -> Option<(u16, &str)> {
    err.api().map(|a| (a.status, a.code.as_str()))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_calendar_is_created_renamed_filled_and_deleted() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let default = owner.get_calendar(None::<String>, Query::new()).await.unwrap();
    assert_eq!((default.name.as_deref(), default.is_default_calendar), (Some("Calendar"), Some(true)));

    let travel = Calendar { color: Some("lightBlue".into()), ..Calendar::named("Travel") };
    let created = owner.create_calendar(travel).await.unwrap();
    let cid = created.id.clone().unwrap();
    assert_eq!((created.color.as_deref(), created.is_default_calendar), (Some("lightBlue"), Some(false)));
    let again = owner.create_calendar(Calendar::named("Travel")).await.unwrap_err();
    assert_eq!(code(&again), Some((409, "ErrorFolderExists")), "{again}");

    let renamed = owner.update_calendar(cid.as_str(), Calendar::named("Trips")).await.unwrap();
    assert_eq!(renamed.name.as_deref(), Some("Trips"));
    let trip =
        owner.create_calendar_event(cid.as_str(), event("Train to Lyon", "2031-05-02T07:00:00", "2031-05-02T09:00:00"));
    let trip_id = trip.await.unwrap().id.unwrap();
    let in_trips = owner.list_calendar_events(cid.as_str(), Query::new()).await.unwrap().value;
    assert_eq!(in_trips.iter().filter_map(|e| e.id.clone()).collect::<Vec<_>>(), std::slice::from_ref(&trip_id));
    let names: Vec<String> =
        owner.list_calendars(Query::new()).await.unwrap().value.into_iter().filter_map(|c| c.name).collect();
    assert!(names.contains(&"Trips".to_string()) && names.contains(&"Calendar".to_string()), "{names:?}");

    owner.delete_calendar(cid.as_str()).await.unwrap();
    assert_eq!(code(&owner.get_calendar(Some(cid), Query::new()).await.unwrap_err()).map(|c| c.0), Some(404));
    let err = owner.get_event(trip_id.as_str(), Query::new()).await.unwrap_err();
    assert_eq!(code(&err), Some((404, "ErrorItemNotFound")), "a calendar's events go with it");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_calendar_group_holds_calendars_and_is_renamed_and_deleted() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let groups = owner.list_calendar_groups(Query::new()).await.unwrap().value;
    assert!(groups.iter().any(|g| g.name.as_deref() == Some("My Calendars")), "the default group");

    let group = CalendarGroup { name: Some("Projects".into()), ..Default::default() };
    let gid = owner.create_calendar_group(group).await.unwrap().id.unwrap();
    let cal = owner.create_calendar_group_calendar(gid.as_str(), Calendar::named("Website relaunch")).await.unwrap();
    let inside = owner.list_calendar_group_calendars(gid.as_str(), Query::new()).await.unwrap().value;
    assert_eq!(inside.iter().filter_map(|c| c.name.clone()).collect::<Vec<_>>(), ["Website relaunch"]);

    let renamed = CalendarGroup { name: Some("Client projects".into()), ..Default::default() };
    owner.update_calendar_group(gid.as_str(), renamed).await.unwrap();
    let read = owner.get_calendar_group(gid.as_str(), Query::new()).await.unwrap();
    assert_eq!(read.name.as_deref(), Some("Client projects"));

    owner.delete_calendar(cal.id.unwrap()).await.unwrap();
    owner.delete_calendar_group(gid.as_str()).await.unwrap();
    let err = owner.get_calendar_group(gid.as_str(), Query::new()).await.unwrap_err();
    assert_eq!(code(&err).map(|c| c.0), Some(404), "{err}");
}

fn share_with(who: &str, role: &str) -> CalendarPermission {
    CalendarPermission {
        email_address: Some(EmailAddress { address: Some(who.into()), ..Default::default() }),
        role: Some(role.into()),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shared_calendar_opens_by_role_and_closes_when_unshared() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let theirs = env.client(OUTSIDER).mailbox(address(OWNER));
    let view = || theirs.list_calendar_view(at("2025-01-06T00:00:00Z"), at("2025-01-07T00:00:00Z"), Query::new());
    assert_eq!(code(&view().await.unwrap_err()), Some((403, "ErrorAccessDenied")), "not shared yet");

    let listed = owner.list_calendar_permissions(None::<String>, Query::new()).await.unwrap().value;
    let org = listed.iter().find(|p| p.is_removable == Some(false)).expect("the My Organization entry");
    assert_eq!(org.role.as_deref(), Some("freeBusyRead"));

    let granted =
        owner.create_calendar_permission(share_with(address(OUTSIDER), "read"), None::<String>).await.unwrap();
    let pid = granted.id.clone().unwrap();
    let twice = owner.create_calendar_permission(share_with(address(OUTSIDER), "read"), None::<String>).await;
    assert_eq!(code(&twice.unwrap_err()), Some((409, "ErrorItemAlreadyExists")));

    let seen = view().await.unwrap().value;
    assert!(seen.iter().any(|e| e.series_master_id.as_deref() == Some(WEEKLY)), "the weekly meeting is readable");
    let write = theirs.create_event(event("Booked by Oscar", "2031-05-06T10:00:00", "2031-05-06T11:00:00")).await;
    assert_eq!(code(&write.unwrap_err()), Some((403, "ErrorAccessDenied")), "read does not write");

    let role = CalendarPermission { role: Some("write".into()), ..Default::default() };
    owner.update_calendar_permission(pid.as_str(), role, None::<String>).await.unwrap();
    let booked =
        theirs.create_event(event("Booked by Oscar", "2031-05-06T10:00:00", "2031-05-06T11:00:00")).await.unwrap();
    let in_owner = owner.get_event(booked.id.unwrap(), Query::new()).await.unwrap();
    assert_eq!(in_owner.subject.as_deref(), Some("Booked by Oscar"), "written into the owner's calendar");

    owner.delete_calendar_permission(pid.as_str(), None::<String>).await.unwrap();
    assert_eq!(code(&view().await.unwrap_err()), Some((403, "ErrorAccessDenied")), "unshared again");
    let org_id = org.id.clone().unwrap();
    let err = owner.delete_calendar_permission(org_id.as_str(), None::<String>).await.unwrap_err();
    assert_eq!(code(&err), Some((400, "ErrorInvalidRequest")), "My Organization stays");
}
