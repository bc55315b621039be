//! The Graph v1.0 docs' examples for a group's calendar (group-list-events, group-get-event,
//! group-post-events, group-update-event, group-delete-event; group-list-calendarview is in
//! `calendar_docs_views`): requests built from the docs' values equal the docs' requests; the
//! docs' responses parse and round-trip (see `common::docs`).
mod common;

use common::docs::*;
use common::*;
use o365kit::model::Event;
use o365kit::ops::*;
use o365kit::{Method, Operation, Query};
use serde_json::Value;

/// The event id of group-get-event and group-delete-event (base64 with `_` and `==`).
const GE: &str = "AQMkAGI5MWY5ZmUyLTJiNzYtNDE0ZC04OWEwLWM3M2FjYmM3NwAzZWYARgAAA_b2VnUAiWNLj0xeSOs499YHAMT2RdsuOqRIlQZ4vOzp66YAAAIBDQAAAMT2RdsuOqRIlQZ4vOzp66YAAAIJOgAAAA==";
/// The group of group-post-events and group-update-event.
const G2: &str = "01d4ee64-15ce-491e-bad1-b91aa3223df4";

fn check<O: Operation>(op: &O, method: Method, path: &str, body: Option<Value>) {
    assert_request(&op.request(&ep()).unwrap(), BASE, "", &DocsRequest { method, path, body });
}

#[test]
fn list_group_events() {
    let op = ListGroupEvents { group_id: G.into(), query: Query::new() };
    check(&op, Method::Get, &format!("/groups/{G}/events"), None);
    let page = parse_docs_response(&op, 200, "calendar/list_group_events.json");
    let e = &page.value[0];
    assert_eq!(e.subject.as_deref(), Some("New Training Plans"));
    assert_eq!(e.location.as_ref().unwrap().display_name.as_deref(), Some("HR Taskforce / Facilities"));
}

#[test]
fn get_and_delete_group_event() {
    let op = GetGroupEvent { group_id: G.into(), event_id: GE.into(), query: Query::new() };
    check(&op, Method::Get, &format!("/groups/{G}/events/{GE}"), None);
    // The id goes out as one segment, its `==` escaped.
    assert!(op.request(&ep()).unwrap().url.ends_with("AAAIJOgAAAA%3D%3D"));
    let e = parse_docs_response(&op, 200, "calendar/get_group_event.json");
    assert_eq!(e.subject.as_deref(), Some("Continuing Education Sync"));
    let delete = DeleteGroupEvent { group_id: G.into(), event_id: GE.into() };
    check(&delete, Method::Delete, &format!("/groups/{G}/events/{GE}"), None);
    delete.parse(&ep(), empty_response(204)).unwrap();
}

#[test]
fn create_group_event() {
    let docs = fixture("calendar/requests/group-post-events.0.json");
    let event: Event = serde_json::from_value(docs.clone()).unwrap();
    let op = CreateGroupEvent { group_id: G2.into(), event };
    check(&op, Method::Post, &format!("/groups/{G2}/events"), Some(docs));
    let e = parse_docs_response(&op, 201, "calendar/create_group_event.json");
    assert_eq!(e.subject.as_deref(), Some("Let's go for lunch"));
    assert_eq!(e.is_organizer, Some(true));
}

#[test]
fn update_group_event() {
    // Docs: PATCH /groups/{id}/calendar/events/{id}; the operation sends the docs' other route,
    // /groups/{id}/events/{id}, the same event.
    let docs = fixture("calendar/requests/group-update-event.0.json");
    let event: Event = serde_json::from_value(docs.clone()).unwrap();
    let op = UpdateGroupEvent { group_id: G2.into(), event_id: "AAMkADZlAAAAABERAAA=".into(), event };
    check(&op, Method::Patch, &format!("/groups/{G2}/events/AAMkADZlAAAAABERAAA="), Some(docs));
    let e = parse_docs_response(&op, 200, "calendar/update_group_event.json");
    assert_eq!(e.location.as_ref().unwrap().display_name.as_deref(), Some("Conf Room 2"));
}
