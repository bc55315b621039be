//! Calendar views through the native client: a weekly series expanded in the zone the caller
//! prefers (across the weeks when the US and the EU disagree about DST), a series' instances, and
//! a group's calendar.

use o365kit::{Error, Query};
use o365kit_e2e::{at, event, wall_clock, zone, Env, MARKETING, MEMBER, OUTSIDER, OWNER, WEEKLY};

fn weekly_only(events: Vec<o365kit::model::Event>) -> Vec<o365kit::model::Event> {
    events.into_iter().filter(|e| e.series_master_id.as_deref() == Some(WEEKLY)).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_paris_weekly_meeting_seen_from_new_york_moves_while_only_the_us_is_on_summer_time() {
    let env = Env::start();
    let owner = env.client(OWNER);
    // Mondays from March 3 to April 7, 2025. The US springs forward on March 9, the EU on March 30.
    let (start, end) = (at("2025-03-01T00:00:00Z"), at("2025-04-08T00:00:00Z"));
    let query = Query::new().timezone("America/New_York");
    let page = owner.list_calendar_view(start.clone(), end.clone(), query).await.unwrap();
    let seen = weekly_only(page.value);
    let times: Vec<String> = seen.iter().map(|e| wall_clock(&e.start)).collect();
    assert_eq!(
        times,
        [
            "2025-03-03T04:00:00", // 10:00 CET = 09:00 UTC = 04:00 EST
            "2025-03-10T05:00:00", // 10:00 CET = 09:00 UTC = 05:00 EDT
            "2025-03-17T05:00:00",
            "2025-03-24T05:00:00",
            "2025-03-31T04:00:00", // 10:00 CEST = 08:00 UTC = 04:00 EDT
            "2025-04-07T04:00:00",
        ]
    );
    for e in &seen {
        assert_eq!(zone(&e.start), "America/New_York");
        assert_eq!(e.type_.as_deref(), Some("occurrence"));
        assert_eq!(e.subject.as_deref(), Some("Marketing team weekly"));
        let end_minutes = wall_clock(&e.end);
        assert!(end_minutes.ends_with(":45:00"), "45 minutes long: {end_minutes}");
    }

    // Without a preference the same occurrences read in UTC: the Paris wall clock held, so the
    // UTC hour moves once, on the EU change.
    let utc = weekly_only(owner.list_calendar_view(start, end, Query::new()).await.unwrap().value);
    let hours: Vec<String> = utc.iter().map(|e| wall_clock(&e.start)[11..16].to_string()).collect();
    assert_eq!(hours, ["09:00", "09:00", "09:00", "09:00", "08:00", "08:00"]);
    assert!(utc.iter().all(|e| zone(&e.start) == "UTC"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_windows_zone_name_and_the_paris_zone_keep_the_meeting_at_ten() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let query = Query::new().timezone("W. Europe Standard Time");
    let page = owner.list_calendar_view(at("2025-03-20T00:00:00Z"), at("2025-04-05T00:00:00Z"), query).await.unwrap();
    let seen = weekly_only(page.value);
    let times: Vec<String> = seen.iter().map(|e| wall_clock(&e.start)).collect();
    assert_eq!(times, ["2025-03-24T10:00:00", "2025-03-31T10:00:00"], "the organizer's wall clock holds across DST");
}

#[tokio::test(flavor = "multi_thread")]
async fn instances_list_the_series_occurrences_each_readable_by_id() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let query = Query::new().timezone("UTC");
    let page = owner.list_event_instances(WEEKLY, at("2025-01-01T00:00:00Z"), at("2025-01-31T00:00:00Z"), query).await;
    let instances = page.unwrap().value;
    let days: Vec<String> = instances.iter().map(|e| wall_clock(&e.start)[..10].to_string()).collect();
    assert_eq!(days, ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"]);
    let second = instances[1].id.clone().expect("occurrences have ids");
    let read = owner.get_event(second.as_str(), Query::new()).await.unwrap();
    assert_eq!((read.type_.as_deref(), read.series_master_id.as_deref()), (Some("occurrence"), Some(WEEKLY)));
    assert_eq!(wall_clock(&read.start), "2025-01-13T09:00:00", "10:00 in Paris is 09:00 UTC in January");

    let master = owner.get_event(WEEKLY, Query::new()).await.unwrap();
    assert_eq!(master.type_.as_deref(), Some("seriesMaster"));
    let pattern = master.recurrence.and_then(|r| r.pattern).expect("a pattern");
    assert_eq!(pattern.days_of_week, Some(vec!["monday".to_string()]));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cancelled_occurrence_leaves_the_view_and_an_edited_one_becomes_an_exception() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let (start, end) = (at("2025-02-01T00:00:00Z"), at("2025-02-20T00:00:00Z"));
    let before = weekly_only(owner.list_calendar_view(start.clone(), end.clone(), Query::new()).await.unwrap().value);
    assert_eq!(before.len(), 3, "Feb 3, 10 and 17");
    let (first, second) = (before[0].id.clone().unwrap(), before[1].id.clone().unwrap());
    owner.delete_event(first.as_str()).await.unwrap();
    let edit = o365kit::model::Event { subject: Some("Marketing weekly (short)".into()), ..Default::default() };
    owner.update_event(second.as_str(), edit).await.unwrap();

    let after = weekly_only(owner.list_calendar_view(start, end, Query::new()).await.unwrap().value);
    let kinds: Vec<(String, String)> =
        after.iter().map(|e| (wall_clock(&e.start)[..10].to_string(), e.type_.clone().unwrap_or_default())).collect();
    assert_eq!(kinds, [("2025-02-10".into(), "exception".into()), ("2025-02-17".into(), "occurrence".into())]);
    assert_eq!(after[0].subject.as_deref(), Some("Marketing weekly (short)"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_view_of_one_calendar_holds_only_that_calendars_events() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let calendars = owner.list_calendars(Query::new()).await.unwrap().value;
    let launches = calendars.iter().find(|c| c.name.as_deref() == Some("Marketing launches")).expect("seeded");
    let id = launches.id.clone().unwrap();
    let view =
        owner.list_calendar_view_of(id.as_str(), at("2025-03-30T00:00:00Z"), at("2025-04-08T00:00:00Z"), Query::new());
    let subjects: Vec<String> = view.await.unwrap().value.into_iter().filter_map(|e| e.subject).collect();
    assert_eq!(subjects, ["Spring campaign launch day"], "the weekly meeting is in the default calendar");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_window_ending_before_it_starts_is_refused_by_the_core() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let err = owner.list_calendar_view(at("2025-03-02T00:00:00Z"), at("2025-03-01T00:00:00Z"), Query::new()).await;
    let err = err.unwrap_err();
    assert!(matches!(&err, Error::InvalidInput { param, .. } if param == "end"), "{err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_group_calendar_is_listed_viewed_and_edited_by_members() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let listed = member.list_group_events(MARKETING, Query::new()).await.unwrap().value;
    let subjects: Vec<&str> = listed.iter().filter_map(|e| e.subject.as_deref()).collect();
    for s in ["Campaign stand-up", "Marketing offsite", "Brand workshop"] {
        assert!(subjects.contains(&s), "{s} in {subjects:?}");
    }

    // Tuesdays and Thursdays at 09:30 New York time; the week of March 10, 2025 has two.
    let query = Query::new().timezone("Eastern Standard Time");
    let view =
        member.list_group_calendar_view(MARKETING, at("2025-03-10T00:00:00Z"), at("2025-03-15T00:00:00Z"), query);
    let standups: Vec<String> = view
        .await
        .unwrap()
        .value
        .into_iter()
        .filter(|e| e.subject.as_deref() == Some("Campaign stand-up"))
        .map(|e| wall_clock(&e.start))
        .collect();
    assert_eq!(standups, ["2025-03-11T09:30:00", "2025-03-13T09:30:00"]);

    let created = member
        .create_group_event(MARKETING, event("Campaign retro", "2031-03-05T15:00:00", "2031-03-05T16:00:00"))
        .await
        .unwrap();
    let eid = created.id.clone().unwrap();
    let renamed = o365kit::model::Event { subject: Some("Campaign retrospective".into()), ..Default::default() };
    member.update_group_event(MARKETING, eid.as_str(), renamed).await.unwrap();
    // Another tenant user reads it: the group is public.
    let seen = env.client(OUTSIDER).get_group_event(MARKETING, eid.as_str(), Query::new()).await.unwrap();
    assert_eq!(seen.subject.as_deref(), Some("Campaign retrospective"));
    member.delete_group_event(MARKETING, eid.as_str()).await.unwrap();
    let gone = member.get_group_event(MARKETING, eid.as_str(), Query::new()).await.unwrap_err();
    assert_eq!(gone.api().map(|a| a.status), Some(404), "{gone:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn responding_to_a_group_event_is_graphs_400_as_a_typed_api_error() {
    let env = Env::start();
    let member = env.client(MEMBER);
    // A group id is no user: on a user mailbox the group's event is not found.
    let as_user = member.mailbox(MARKETING);
    let err = as_user.accept_event("AAMkAGMarketingStandup0001", None::<String>, None::<bool>).await.unwrap_err();
    assert_eq!(err.api().map(|a| (a.status, a.code.as_str())), Some((404, "ErrorInvalidUser")), "{err}");

    // On the group's mailbox (`groups/{id}`: `/groups/{id}/events/{id}/accept`), Graph's 400.
    let as_group = member.mailbox(format!("groups/{MARKETING}"));
    let err = as_group.accept_event("AAMkAGMarketingStandup0001", None::<String>, None::<bool>).await.unwrap_err();
    let api = err.api().unwrap_or_else(|| panic!("an API error, got {err:?}"));
    assert_eq!((api.status, api.code.as_str()), (400, "ErrorInvalidRequest"), "{err}");
    assert_eq!(api.message, "Your request can't be completed. Group mailbox cannot respond to events.");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_group_mailbox_reads_its_calendar_and_the_events_in_it() {
    let env = Env::start();
    let as_group = env.client(MEMBER).mailbox(format!("groups/{MARKETING}"));
    // `/groups/{id}/calendar`: the group's one calendar, which members may edit.
    let calendar = as_group.get_calendar(None::<String>, Query::new()).await.unwrap();
    assert_eq!(calendar.can_edit, Some(true));
    assert!(calendar.id.is_some(), "the group calendar has an id");
    let view = as_group.list_calendar_view(at("2025-05-19T00:00:00Z"), at("2025-05-26T00:00:00Z"), Query::new());
    let subjects: Vec<String> = view.await.unwrap().value.into_iter().filter_map(|e| e.subject).collect();
    assert!(subjects.iter().any(|s| s == "Campaign stand-up"), "{subjects:?}");
}
