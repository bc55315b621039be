//! Meeting requests through the native client: the invitee's copy, answers with and without a
//! response to the organizer, forwarding, and cancelling.

use o365kit::model::{Attendee, Event, Recipient};
use o365kit::{Client, Query};
use o365kit_e2e::{address, event, events_titled, messages_in, Env, MEMBER, OUTSIDER, OWNER};

/// The organizer's meeting with MEMBER (and any others) invited; returns its id.
async fn invite(owner: &Client, subject: &str, day: &str, invitees: &[&str]) -> String {
    let mut meeting = event(subject, &format!("{day}T13:00:00"), &format!("{day}T14:00:00"));
    meeting.attendees = Some(invitees.iter().map(|a| Attendee::required(*a)).collect());
    owner.create_event(meeting).await.unwrap().id.unwrap()
}

/// The one copy of a meeting in an invitee's calendar.
async fn copy_of(client: &Client, subject: &str) -> Event {
    let mut found = events_titled(client, subject).await;
    assert_eq!(found.len(), 1, "one {subject:?} in {:?}", client.current_mailbox());
    found.remove(0)
}

/// What the organizer's event says about an attendee's answer.
async fn answer_seen_by_organizer(owner: &Client, eid: &str, who: &str) -> String {
    let e = owner.get_event(eid, Query::new()).await.unwrap();
    let a = e
        .attendees
        .unwrap_or_default()
        .into_iter()
        .find(|a| a.email_address.as_ref().and_then(|m| m.address.as_deref()) == Some(who));
    a.and_then(|a| a.status).and_then(|s| s.response).unwrap_or_else(|| panic!("{who} is an attendee"))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_invitee_gets_a_copy_and_accepting_tells_the_organizer() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));
    let eid = invite(&owner, "Roadmap sync", "2031-04-01", &[address(MEMBER)]).await;
    assert_eq!(answer_seen_by_organizer(&owner, &eid, address(MEMBER)).await, "none");

    let copy = copy_of(&member, "Roadmap sync").await;
    assert_eq!(copy.is_organizer, Some(false));
    assert_eq!(copy.response_status.and_then(|s| s.response).as_deref(), Some("notResponded"));
    assert_eq!(copy.organizer.as_ref().and_then(Recipient::address), Some(address(OWNER)));
    assert_eq!(messages_in(&member, "inbox", "Roadmap sync").await.len(), 1, "the request is mailed too");

    member.accept_event(copy.id.unwrap(), Some("See you there".to_string()), None::<bool>).await.unwrap();
    let mine = copy_of(&member, "Roadmap sync").await;
    assert_eq!(mine.response_status.and_then(|s| s.response).as_deref(), Some("accepted"));
    assert_eq!(answer_seen_by_organizer(&owner, &eid, address(MEMBER)).await, "accepted");
    assert_eq!(messages_in(&owner, "inbox", "Accepted: Roadmap sync").await.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_answer_without_a_response_stays_with_the_invitee() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));
    let eid = invite(&owner, "Quiet sync", "2031-04-02", &[address(MEMBER)]).await;
    let copy = copy_of(&member, "Quiet sync").await.id.unwrap();
    member.tentatively_accept_event(copy.as_str(), None::<String>, Some(false), None).await.unwrap();
    let mine = copy_of(&member, "Quiet sync").await;
    assert_eq!(mine.response_status.and_then(|s| s.response).as_deref(), Some("tentativelyAccepted"));
    assert_eq!(answer_seen_by_organizer(&owner, &eid, address(MEMBER)).await, "none", "nothing was sent");
    assert!(messages_in(&owner, "inbox", "Tentative: Quiet sync").await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn declining_removes_the_copy_and_with_a_response_tells_the_organizer() {
    let env = Env::start();
    let (owner, member, outsider) = (env.client(OWNER), env.client(MEMBER), env.client(OUTSIDER));
    let eid = invite(&owner, "Vendor pitch", "2031-04-03", &[address(MEMBER), address(OUTSIDER)]).await;

    let copy = copy_of(&member, "Vendor pitch").await.id.unwrap();
    member.decline_event(copy.as_str(), Some("Clashes with launch".to_string()), None::<bool>, None).await.unwrap();
    assert!(events_titled(&member, "Vendor pitch").await.is_empty(), "a decline removes the copy");
    assert_eq!(answer_seen_by_organizer(&owner, &eid, address(MEMBER)).await, "declined");
    assert_eq!(messages_in(&owner, "inbox", "Declined: Vendor pitch").await.len(), 1);

    let copy = copy_of(&outsider, "Vendor pitch").await.id.unwrap();
    outsider.decline_event(copy.as_str(), None::<String>, Some(false), None).await.unwrap();
    assert!(events_titled(&outsider, "Vendor pitch").await.is_empty());
    assert_eq!(answer_seen_by_organizer(&owner, &eid, address(OUTSIDER)).await, "none", "a silent decline");
    assert_eq!(messages_in(&owner, "inbox", "Declined: Vendor pitch").await.len(), 1, "still only the member's");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_organizer_cannot_answer_her_own_meeting() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let eid = invite(&owner, "Own meeting", "2031-04-04", &[address(MEMBER)]).await;
    let err = owner.accept_event(eid.as_str(), None::<String>, None::<bool>).await.unwrap_err();
    assert_eq!(err.api().map(|a| (a.status, a.code.as_str())), Some((400, "ErrorInvalidRequest")), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn forwarding_invites_one_more_person() {
    let env = Env::start();
    let (owner, outsider) = (env.client(OWNER), env.client(OUTSIDER));
    let eid = invite(&owner, "Pricing workshop", "2031-04-07", &[address(MEMBER)]).await;
    assert!(events_titled(&outsider, "Pricing workshop").await.is_empty());
    owner
        .forward_event(eid.as_str(), vec![Recipient::new(address(OUTSIDER))], Some("Join us".to_string()))
        .await
        .unwrap();
    let copy = copy_of(&outsider, "Pricing workshop").await;
    assert_eq!(copy.is_organizer, Some(false));
    let attendees = owner.get_event(eid.as_str(), Query::new()).await.unwrap().attendees.unwrap_or_default();
    let addresses: Vec<_> = attendees.iter().filter_map(|a| a.email_address.as_ref()?.address.clone()).collect();
    assert!(addresses.contains(&address(OUTSIDER).to_string()), "{addresses:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn cancelling_removes_the_meeting_everywhere_and_tells_the_invitees() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));
    let eid = invite(&owner, "Offsite planning", "2031-04-08", &[address(MEMBER)]).await;
    let copy = copy_of(&member, "Offsite planning").await.id.unwrap();
    // Only the organizer cancels.
    let err = member.cancel_event(copy.as_str(), None::<String>).await.unwrap_err();
    assert_eq!(err.api().map(|a| (a.status, a.code.as_str())), Some((400, "ErrorInvalidRequest")), "{err}");

    owner.cancel_event(eid.as_str(), Some("Postponed to May".to_string())).await.unwrap();
    assert!(events_titled(&owner, "Offsite planning").await.is_empty());
    assert!(events_titled(&member, "Offsite planning").await.is_empty());
    let notice = messages_in(&member, "inbox", "Canceled: Offsite planning").await;
    assert_eq!(notice.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_organizers_changes_reach_the_copies_and_a_new_time_asks_again() {
    let env = Env::start();
    let (owner, member, outsider) = (env.client(OWNER), env.client(MEMBER), env.client(OUTSIDER));
    let eid = invite(&owner, "Launch review", "2031-04-07", &[address(MEMBER), address(OUTSIDER)]).await;
    let copy = copy_of(&member, "Launch review").await.id.unwrap();
    member.accept_event(copy.as_str(), None::<String>, None::<bool>).await.unwrap();

    // A new time and a new room: the copy follows, and the accepted answer no longer holds.
    let mut change = event("Launch review", "2031-04-08T15:00:00", "2031-04-08T16:00:00");
    change.location = Some(o365kit::model::Location { display_name: Some("Room 4".into()), ..Default::default() });
    owner.update_event(eid.as_str(), change).await.unwrap();
    let moved = copy_of(&member, "Launch review").await;
    assert_eq!(moved.start.and_then(|s| s.date_time).as_deref().map(|d| &d[..16]), Some("2031-04-08T15:00"));
    assert_eq!(moved.location.and_then(|l| l.display_name).as_deref(), Some("Room 4"));
    assert_eq!(moved.response_status.and_then(|s| s.response).as_deref(), Some("notResponded"));
    assert_eq!(answer_seen_by_organizer(&owner, &eid, address(MEMBER)).await, "none");
    assert_eq!(messages_in(&member, "inbox", "Launch review").await.len(), 2, "the request and its update");

    // The outsider is taken off the meeting: their copy goes, with a cancellation.
    let fewer = Event { attendees: Some(vec![Attendee::required(address(MEMBER))]), ..Default::default() };
    owner.update_event(eid.as_str(), fewer).await.unwrap();
    assert!(events_titled(&outsider, "Launch review").await.is_empty());
    assert_eq!(messages_in(&outsider, "inbox", "Canceled: Launch review").await.len(), 1);
    assert_eq!(events_titled(&member, "Launch review").await.len(), 1, "the others keep theirs");
}
