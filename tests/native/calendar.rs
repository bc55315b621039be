//! Events with the native client: create, read, update, delete, attachments, reminders, and bad
//! input refused by the core before any request.

use o365kit::model::{
    Attachment, Attendee, DateTimeTimeZone, Event, PatternedRecurrence, RecurrencePattern, RecurrenceRange,
};
use o365kit::{Client, Error, Query};
use o365kit_e2e::{at, event, events_titled, wall_clock, zone, Env, OWNER};

#[tokio::test(flavor = "multi_thread")]
async fn an_event_is_created_read_updated_and_deleted() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let mut new = event("Budget review", "2031-03-03T14:00:00", "2031-03-03T15:00:00");
    new.start = Some(DateTimeTimeZone::new("2031-03-03T14:00:00", "Pacific Standard Time"));
    new.end = Some(DateTimeTimeZone::new("2031-03-03T15:00:00", "Pacific Standard Time"));
    let created = owner.create_event(new).await.unwrap();
    let id = created.id.clone().expect("an id");
    assert_eq!(created.original_start_time_zone.as_deref(), Some("Pacific Standard Time"));
    assert_eq!(created.is_organizer, Some(true));

    // Read back in UTC (no preference): 14:00 PST is 22:00 UTC.
    let read = owner.get_event(id.as_str(), Query::new()).await.unwrap();
    assert_eq!((wall_clock(&read.start), zone(&read.start)), ("2031-03-03T22:00:00".to_string(), "UTC".to_string()));
    let read = owner.get_event(id.as_str(), Query::new().timezone("Pacific Standard Time")).await.unwrap();
    assert_eq!(wall_clock(&read.start), "2031-03-03T14:00:00");

    let change = Event {
        subject: Some("Budget review (moved)".into()),
        ..event("", "2031-03-04T09:00:00", "2031-03-04T09:30:00")
    };
    let updated = owner.update_event(id.as_str(), change).await.unwrap();
    assert_eq!(updated.subject.as_deref(), Some("Budget review (moved)"));
    assert_eq!(wall_clock(&updated.end), "2031-03-04T09:30:00");
    assert_eq!(events_titled(&owner, "Budget review (moved)").await.len(), 1);

    owner.delete_event(id.as_str()).await.unwrap();
    let err = owner.get_event(id.as_str(), Query::new()).await.unwrap_err();
    assert_eq!(err.api().map(|a| (a.status, a.code.as_str())), Some((404, "ErrorItemNotFound")), "{err}");
    assert!(events_titled(&owner, "Budget review (moved)").await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn an_event_attachment_is_added_listed_read_and_removed() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let created = owner.create_event(event("Design review", "2031-03-05T10:00:00", "2031-03-05T11:00:00")).await;
    let eid = created.unwrap().id.unwrap();
    let bytes: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
    let added = owner
        .add_event_attachment(eid.as_str(), Attachment::file("agenda.bin", "application/octet-stream", bytes.clone()))
        .await
        .unwrap();
    let aid = added.id.clone().expect("an id");
    let listed = owner.list_event_attachments(eid.as_str(), Query::new()).await.unwrap().value;
    assert_eq!(listed.iter().filter_map(|a| a.id.clone()).collect::<Vec<_>>(), std::slice::from_ref(&aid));
    let got = owner.get_event_attachment(eid.as_str(), aid.as_str(), Query::new()).await.unwrap();
    assert_eq!((got.name.as_deref(), got.size), (Some("agenda.bin"), Some(3000)));
    assert_eq!(got.content_bytes.as_deref(), Some(bytes.as_slice()));
    assert_eq!(owner.get_event(eid.as_str(), Query::new()).await.unwrap().has_attachments, Some(true));

    owner.delete_event_attachment(eid.as_str(), aid.as_str()).await.unwrap();
    assert!(owner.list_event_attachments(eid.as_str(), Query::new()).await.unwrap().value.is_empty());
    assert_eq!(owner.get_event(eid.as_str(), Query::new()).await.unwrap().has_attachments, Some(false));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reminder_fires_before_the_start_and_is_snoozed_and_dismissed() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let mut new = event("Call the printer", "2031-03-06T10:00:00", "2031-03-06T10:30:00");
    (new.is_reminder_on, new.reminder_minutes_before_start) = (Some(true), Some(20));
    let eid = owner.create_event(new).await.unwrap().id.unwrap();
    let window = || (at("2031-03-06T00:00:00Z"), at("2031-03-07T00:00:00Z"));
    let reminders = |client: Client| async move {
        let (s, e) = window();
        let all = client.reminder_view(s, e, Query::new()).await.unwrap().value;
        all.into_iter().filter(|r| r.event_subject.as_deref() == Some("Call the printer")).collect::<Vec<_>>()
    };

    let due = reminders(owner.clone()).await;
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].event_id.as_deref(), Some(eid.as_str()));
    assert_eq!(wall_clock(&due[0].reminder_fire_time), "2031-03-06T09:40:00", "20 minutes before 10:00 UTC");
    assert_eq!(wall_clock(&due[0].event_start_time), "2031-03-06T10:00:00");

    owner.snooze_reminder(eid.as_str(), DateTimeTimeZone::new("2031-03-06T09:55:00", "UTC")).await.unwrap();
    assert_eq!(wall_clock(&reminders(owner.clone()).await[0].reminder_fire_time), "2031-03-06T09:55:00");

    owner.dismiss_reminder(eid.as_str()).await.unwrap();
    assert!(reminders(owner.clone()).await.is_empty(), "a dismissed reminder leaves the view");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_seeded_weekly_meeting_reminds_ten_minutes_before_each_occurrence() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let view = owner.reminder_view(
        at("2025-03-03T00:00:00Z"),
        at("2025-03-04T00:00:00Z"),
        Query::new().timezone("Europe/Paris"),
    );
    let due: Vec<_> = view
        .await
        .unwrap()
        .value
        .into_iter()
        .filter(|r| r.event_subject.as_deref() == Some("Marketing team weekly"))
        .collect();
    assert_eq!(due.len(), 1);
    assert_eq!(wall_clock(&due[0].reminder_fire_time), "2025-03-03T09:50:00");
    assert_eq!(zone(&due[0].reminder_fire_time), "Europe/Paris");
}

/// A client whose every request would fail to connect: an answer other than `InvalidInput`
/// would mean a request was attempted.
fn nowhere() -> Client {
    Client::builder().base_url("http://127.0.0.1:9").token("emulator:owner@contoso.test").build().unwrap()
}

fn refused(err: Error, expected: &str) {
    match err {
        Error::InvalidInput { param, .. } => assert_eq!(param, expected),
        other => panic!("expected invalid {expected}, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_times_and_recurrences_are_refused_before_any_request() {
    let client = nowhere();
    // A window bound without an offset: its meaning depends on a zone nobody named.
    refused(o365kit::DateTime::parse("start", "2025-03-01T00:00:00").unwrap_err(), "start");
    refused(o365kit::DateTime::parse("end", "next tuesday").unwrap_err(), "end");

    let garbled =
        Event { start: Some(DateTimeTimeZone::new("tomorrow", "UTC")), ..event("x", "", "2031-01-01T10:00:00") };
    refused(client.create_event(garbled).await.unwrap_err(), "event.start.date_time");

    let backwards = event("x", "2031-01-01T10:00:00", "2031-01-01T09:00:00");
    refused(client.create_event(backwards).await.unwrap_err(), "event.end");

    let mut weekly = event("x", "2031-01-01T10:00:00", "2031-01-01T11:00:00");
    weekly.recurrence = Some(PatternedRecurrence {
        pattern: Some(RecurrencePattern { type_: Some("weekly".into()), interval: Some(1), ..Default::default() }),
        range: Some(RecurrenceRange {
            type_: Some("noEnd".into()),
            start_date: Some("2031-01-01".into()),
            ..Default::default()
        }),
        ..Default::default()
    });
    refused(client.create_event(weekly).await.unwrap_err(), "event.recurrence.pattern.days_of_week");

    let mut nameless = event("x", "2031-01-01T10:00:00", "2031-01-01T11:00:00");
    nameless.attendees = Some(vec![Attendee { type_: Some("required".into()), ..Default::default() }]);
    refused(client.create_event(nameless).await.unwrap_err(), "event.attendees[0].email_address.address");

    let no_end = Event { end: None, ..event("x", "2031-01-01T10:00:00", "2031-01-01T11:00:00") };
    refused(client.create_event(no_end).await.unwrap_err(), "event.end");

    let snooze = client.snooze_reminder("AAMkAGx", DateTimeTimeZone::new("2031-01-01T10:00:00", "")).await;
    refused(snooze.unwrap_err(), "new_reminder_time.time_zone");

    // The same client does send a good request: the refusals above were the core's, not the network's.
    let sent = client.create_event(event("x", "2031-01-01T10:00:00", "2031-01-01T11:00:00")).await.unwrap_err();
    assert!(matches!(sent, Error::Transport(..)), "{sent:?}");
}
