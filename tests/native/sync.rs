//! Delta sync end to end: the native `Syncer` keeps a local copy in step with the emulator's
//! mailbox through throttling, failures, cut-off bodies and crashes, picks up every kind of
//! change in the next round, and announces a resync when its token is no longer known.

use o365kit::model::{MailFolder, Message};
use o365kit::{Change, Client, Endpoint, Error, Query, SyncEvent};
use o365kit_e2e::{Env, MARKETING, MEMBER, OWNER};
use o365kit_emulator::{Config, Tenant};
use serde_json::json;
use std::collections::HashMap;
use std::time::Duration;

const SYNCER: &str = "emulator:sync@contoso.test";
/// The seed's outsider@contoso.test, not a member of Contoso Marketing.
const OUTSIDER_ID: &str = "973137be-a645-4737-89fb-51870a0326a5";
const DELTA_PATH: &str = "/v1.0/me/mailFolders/inbox/messages/delta";

/// A tenant with one user whose Inbox holds `n` messages.
fn mailbox_of(n: usize) -> Env {
    let messages: Vec<_> = (0..n)
        .map(|i| {
            json!({
                "subject": format!("Message {i:04}"),
                "from": "news@northwind.example",
                "receivedDateTime": format!("2026-01-{:02}T{:02}:{:02}:00Z", 1 + i / 1440, (i / 60) % 24, i % 60),
                "body": { "contentType": "text", "content": format!("Body of message {i}") },
            })
        })
        .collect();
    let tenant = json!({
        "users": [{ "id": "5a1c2b3d-0000-4000-8000-000000000001", "displayName": "Sync Tester",
                    "mail": "sync@contoso.test", "userPrincipalName": "sync@contoso.test" }],
        "groups": [],
        "mailboxes": [{ "user": "sync@contoso.test", "messages": messages }],
    });
    let tenant = Tenant::from_json(&tenant.to_string()).expect("fixture loads");
    Env::with_config(Config { tenant, ..Config::default() })
}

/// A deterministic generator for the test's random choices.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// The caller's side: a local copy and the sync state, written together (as one transaction of
/// a database would) after each page.
#[derive(Default)]
struct Local {
    items: HashMap<String, Message>,
    state: Option<String>,
    /// How often each id arrived as an upsert.
    upserts: HashMap<String, usize>,
    removals: Vec<(String, String)>,
    resyncs: Vec<String>,
}

impl Local {
    fn apply(&mut self, changes: Vec<Change<Message>>, state: String) {
        for c in changes {
            match c {
                Change::Upserted(m) => {
                    let id = m.id.clone().expect("items have ids");
                    *self.upserts.entry(id.clone()).or_default() += 1;
                    self.items.insert(id, m);
                }
                Change::Removed { id, reason } => {
                    self.items.remove(&id);
                    self.removals.push((id, reason));
                }
            }
        }
        self.state = Some(state);
    }

    /// Runs the sync until a round is complete, in one go.
    async fn round(&mut self, client: &Client, query: Query) -> Result<(), Error> {
        let mut sync = client.sync_messages("inbox", query);
        if let Some(s) = &self.state {
            sync = sync.resume(s)?;
        }
        loop {
            match sync.next().await? {
                SyncEvent::Changes { changes, caught_up } => {
                    self.apply(changes, sync.state()?);
                    if caught_up {
                        return Ok(());
                    }
                }
                SyncEvent::Resync { reason } => {
                    // Everything follows again: start the copy afresh.
                    self.items.clear();
                    self.state = Some(sync.state()?);
                    self.resyncs.push(reason);
                }
            }
        }
    }

    /// The local copy as (id, subject, isRead), sorted.
    fn view(&self) -> Vec<(String, Option<String>, Option<bool>)> {
        let mut v: Vec<_> =
            self.items.values().map(|m| (m.id.clone().unwrap(), m.subject.clone(), m.is_read)).collect();
        v.sort();
        v
    }
}

/// The Inbox as the server has it now, in the same form as `Local::view`.
async fn inbox(client: &Client) -> Vec<(String, Option<String>, Option<bool>)> {
    let op = o365kit::ops::ListFolderMessages {
        mailbox: client.current_mailbox().clone(),
        folder_id: "inbox".into(),
        query: Query::new().max_page_size(500),
    };
    let mut v: Vec<_> =
        client.all(op).await.unwrap().into_iter().map(|m| (m.id.unwrap(), m.subject, m.is_read)).collect();
    v.sort();
    v
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_of_2000_messages_survives_faults_and_kills_without_losing_or_repeating_one() {
    let env = mailbox_of(2000);
    // Retries as the default policy makes them, only sooner: the test waits less.
    let quick = o365kit::Policy { base_delay: Duration::from_millis(10), ..o365kit::Policy::default() };
    let client = Client::builder().base_url(&env.base_url()).token(SYNCER).retry_policy(quick).build().unwrap();
    let mut rng = Lcg(0x5eed_2026);
    let mut local = Local::default();
    let (mut lives, mut faults, mut kills_mid_request) = (0, 0, 0);
    'life: loop {
        lives += 1;
        assert!(lives < 400, "the sync makes progress");
        let mut sync = client.sync_messages("inbox", Query::new().max_page_size(25));
        if let Some(s) = &local.state {
            sync = sync.resume(s).expect("a saved state resumes");
        }
        loop {
            // Faults the emulator injects: throttling, unavailability, a body cut in half, a
            // connection dropped before its body ends.
            let fault = match rng.below(9) {
                0 => Some(json!({ "status": 429, "retryAfter": 0, "pathPrefix": DELTA_PATH })),
                1 => Some(json!({ "status": 503, "retryAfter": 0, "pathPrefix": DELTA_PATH })),
                2 => Some(json!({ "truncate": true, "pathPrefix": DELTA_PATH })),
                3 => Some(json!({ "drop": true, "pathPrefix": DELTA_PATH })),
                _ => None,
            };
            if let Some(rule) = fault {
                assert_eq!(env.control("/_emulator/faults", rule).await, 200);
                faults += 1;
            }
            // The process dies: before asking for the next page, or while waiting for it.
            match rng.below(10) {
                0 => continue 'life,
                1 => {
                    let deadline = Duration::from_micros(rng.below(3000));
                    match tokio::time::timeout(deadline, sync.next()).await {
                        Err(_) => {
                            kills_mid_request += 1;
                            continue 'life;
                        }
                        Ok(event) => handle(&mut local, &mut sync, event.unwrap()).await,
                    }
                }
                _ => {
                    let event = sync.next().await.unwrap();
                    handle(&mut local, &mut sync, event).await
                }
            }
            if sync.is_caught_up() {
                break 'life;
            }
        }
    }
    assert!(
        lives >= 5 && faults >= 15 && kills_mid_request >= 1,
        "lives {lives}, faults {faults}, kills {kills_mid_request}"
    );
    assert!(local.resyncs.is_empty(), "no resync was needed: {:?}", local.resyncs);
    assert_eq!(local.items.len(), 2000);
    assert_eq!(local.upserts.len(), 2000);
    let repeated: Vec<_> = local.upserts.iter().filter(|(_, n)| **n != 1).collect();
    assert!(repeated.is_empty(), "items delivered more than once: {repeated:?}");
    assert_eq!(local.view(), inbox(&client).await);

    async fn handle(local: &mut Local, sync: &mut o365kit::Syncer<o365kit::ops::SyncMessages>, e: SyncEvent<Message>) {
        match e {
            SyncEvent::Changes { changes, .. } => local.apply(changes, sync.state().unwrap()),
            SyncEvent::Resync { reason } => panic!("unexpected resync: {reason}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_next_round_picks_up_additions_updates_deletions_and_moves() {
    let env = mailbox_of(30);
    let client = env.client(SYNCER);
    let mut local = Local::default();
    local.round(&client, Query::new().max_page_size(7)).await.unwrap();
    assert_eq!(local.view(), inbox(&client).await);
    let ids: Vec<String> = local.view().into_iter().map(|(id, ..)| id).collect();

    // Nothing changed: a round with nothing in it.
    let before = local.upserts.values().sum::<usize>();
    local.round(&client, Query::new()).await.unwrap();
    assert_eq!(local.upserts.values().sum::<usize>(), before);

    client.update_message(&ids[0], Message { is_read: Some(true), ..Default::default() }).await.unwrap();
    client.delete_message(&ids[1]).await.unwrap();
    client.move_message(&ids[2], "archive").await.unwrap();
    let archived = client.move_message(&ids[3], "archive").await.unwrap();
    let back = client.move_message(archived.id.unwrap(), "inbox").await.unwrap();
    client.send_mail(Message::new("Fresh mail", "<p>hello</p>", ["sync@contoso.test"]), false).await.unwrap();

    local.round(&client, Query::new().max_page_size(2)).await.unwrap();
    assert_eq!(local.view(), inbox(&client).await);
    assert_eq!(local.items[&ids[0]].is_read, Some(true));
    let removed: Vec<&str> = local.removals.iter().map(|(id, _)| id.as_str()).collect();
    assert!(
        removed.contains(&ids[1].as_str()) && removed.contains(&ids[2].as_str()) && removed.contains(&ids[3].as_str())
    );
    assert!(local.removals.iter().all(|(_, reason)| reason == "deleted"));
    assert!(local.items.contains_key(back.id.as_deref().unwrap()), "a message moved back in comes under its new id");
    assert!(local.items.values().any(|m| m.subject.as_deref() == Some("Fresh mail")));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_token_is_announced_as_a_resync_and_the_copy_is_rebuilt() {
    let env = mailbox_of(12);
    let client = env.client(SYNCER);
    let mut local = Local::default();
    local.round(&client, Query::new().max_page_size(5)).await.unwrap();
    let gone = local.view()[0].0.clone();
    client.delete_message(&gone).await.unwrap();
    // The server forgets its sync states (Graph: an expired token, a mailbox move).
    assert_eq!(env.control("/_emulator/delta/expire", json!({})).await, 204);
    local.round(&client, Query::new().max_page_size(5)).await.unwrap();
    assert_eq!(local.resyncs.len(), 1);
    assert!(local.resyncs[0].contains("410") && local.resyncs[0].contains("SyncStateNotFound"), "{}", local.resyncs[0]);
    assert_eq!(local.view(), inbox(&client).await);
    assert!(!local.items.contains_key(&gone));

    // A state from somewhere else, or from another sync, is refused before any request.
    let other = client.sync_messages("archive", Query::new()).resume(local.state.as_deref().unwrap());
    assert!(matches!(other, Err(Error::InvalidInput { param, .. }) if param == "state"));
    let junk = client.sync_messages("inbox", Query::new()).resume("not a state");
    assert!(matches!(junk, Err(Error::InvalidInput { param, .. }) if param == "state"));
}

#[tokio::test(flavor = "multi_thread")]
async fn outlook_rest_tracks_changes_on_the_collection() {
    let env = mailbox_of(9);
    let rest =
        Client::builder().endpoint(Endpoint::outlook_rest(&env.base_url()).unwrap()).token(SYNCER).build().unwrap();
    let mut local = Local::default();
    local.round(&rest, Query::new().max_page_size(4)).await.unwrap();
    assert_eq!(local.items.len(), 9);
    let state = local.state.clone().unwrap();
    assert!(!state.is_empty());
    let first = local.view()[0].0.clone();
    rest.delete_message(&first).await.unwrap();
    local.round(&rest, Query::new().max_page_size(4)).await.unwrap();
    assert_eq!(local.view(), inbox(&env.client(SYNCER)).await);
    assert_eq!(local.removals, vec![(first, "deleted".to_string())]);
}

#[tokio::test(flavor = "multi_thread")]
async fn groups_folders_and_calendar_views_have_their_rounds_too() {
    let env = Env::start();
    let owner = env.client(OWNER);

    // Groups with their membership changes.
    let mut groups = owner.sync_groups(Query::new().select(["displayName", "members"]));
    let mut seen = HashMap::new();
    loop {
        let SyncEvent::Changes { changes, caught_up } = groups.next().await.unwrap() else { panic!("resync") };
        for c in changes {
            if let Change::Upserted(g) = c {
                seen.insert(g.id.clone().unwrap(), g);
            }
        }
        if caught_up {
            break;
        }
    }
    let marketing = &seen[MARKETING];
    assert_eq!(marketing.extra["members@delta"].as_array().map(Vec::len), Some(2));
    let outsider = OUTSIDER_ID.to_string();
    owner.add_group_member(MARKETING, outsider.clone()).await.unwrap();
    let SyncEvent::Changes { changes, caught_up: true } = groups.next().await.unwrap() else { panic!("one page") };
    assert_eq!(changes.len(), 1);
    let Change::Upserted(g) = &changes[0] else { panic!("an update") };
    assert_eq!(g.extra["members@delta"], json!([{ "@odata.type": "#microsoft.graph.user", "id": outsider }]));

    // Mail folders: a new folder, then its deletion.
    let member = env.client(MEMBER);
    let mut folders = member.sync_mail_folders(Query::new());
    while !matches!(folders.next().await.unwrap(), SyncEvent::Changes { caught_up: true, .. }) {}
    let made = member
        .create_mail_folder(MailFolder { display_name: Some("Receipts".into()), ..Default::default() })
        .await
        .unwrap();
    let SyncEvent::Changes { changes, .. } = folders.next().await.unwrap() else { panic!("resync") };
    assert!(changes.iter().any(|c| matches!(c, Change::Upserted(f) if f.display_name.as_deref() == Some("Receipts"))));
    let made_id = made.id.unwrap();
    // Deleted, it moves to Deleted Items (still a folder of the mailbox); deleted there, it is gone.
    member.delete_mail_folder(&made_id).await.unwrap();
    let SyncEvent::Changes { changes, .. } = folders.next().await.unwrap() else { panic!("resync") };
    let deleted_items = member.get_mail_folder("deleteditems", Query::new()).await.unwrap().id;
    assert!(changes.iter().any(|c| matches!(c, Change::Upserted(f) if f.parent_folder_id == deleted_items)));
    member.delete_mail_folder(&made_id).await.unwrap();
    let SyncEvent::Changes { changes, .. } = folders.next().await.unwrap() else { panic!("resync") };
    assert!(changes.iter().any(|c| matches!(c, Change::Removed { id, .. } if *id == made_id)));

    // A calendar view: an event added inside the window arrives, one outside does not.
    let (start, end) = (o365kit_e2e::at("2031-03-01T00:00:00Z"), o365kit_e2e::at("2031-04-01T00:00:00Z"));
    let mut view = owner.sync_calendar_view(start, end, Query::new());
    while !matches!(view.next().await.unwrap(), SyncEvent::Changes { caught_up: true, .. }) {}
    owner.create_event(o365kit_e2e::event("Inside", "2031-03-03T14:00:00", "2031-03-03T15:00:00")).await.unwrap();
    owner.create_event(o365kit_e2e::event("Outside", "2031-05-03T14:00:00", "2031-05-03T15:00:00")).await.unwrap();
    let SyncEvent::Changes { changes, .. } = view.next().await.unwrap() else { panic!("resync") };
    let subjects: Vec<_> = changes
        .iter()
        .filter_map(|c| match c {
            Change::Upserted(e) => e.subject.clone(),
            Change::Removed { .. } => None,
        })
        .collect();
    assert_eq!(subjects, ["Inside"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_filtered_sync_tracks_only_what_its_filter_keeps() {
    let env = mailbox_of(30);
    let client = env.client(SYNCER);
    let recent = || Query::new().filter("receivedDateTime ge 2026-01-01T00:20:00Z").max_page_size(4);
    let mut local = Local::default();
    local.round(&client, recent()).await.unwrap();
    let mut subjects: Vec<_> = local.items.values().filter_map(|m| m.subject.clone()).collect();
    subjects.sort();
    assert_eq!(subjects, (20..30).map(|i| format!("Message {i:04}")).collect::<Vec<_>>());
    // An older message changes: outside the filter, so not in the next round.
    let old = inbox(&client).await.into_iter().find(|(_, s, _)| s.as_deref() == Some("Message 0003")).unwrap().0;
    client.update_message(&old, Message { is_read: Some(true), ..Default::default() }).await.unwrap();
    let before = local.upserts.values().sum::<usize>();
    local.round(&client, recent()).await.unwrap();
    assert_eq!(local.upserts.values().sum::<usize>(), before);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_connection_is_a_transport_error_that_a_sync_rides_out() {
    let env = mailbox_of(6);
    env.inject_fault(json!({ "drop": true, "pathPrefix": "/v1.0/me" })).await;
    let bare = env.client_without_retries(SYNCER);
    let err = bare.get_mail_folder("inbox", Query::new()).await.unwrap_err();
    assert!(matches!(&err, Error::Transport(why) if why.contains("connection closed")), "{err:?}");
    // With the client's retries, a sync goes through two dropped connections.
    env.inject_fault(json!({ "drop": true, "count": 2, "pathPrefix": DELTA_PATH })).await;
    let mut local = Local::default();
    local.round(&env.client(SYNCER), Query::new()).await.unwrap();
    assert_eq!(local.items.len(), 6);
}
