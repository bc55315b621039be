//! The group-mail watcher end to end: mail delivered to a group (by an external sender through the
//! emulator's control route, or posted by a member) is handed out once, with its thread and
//! conversation, through throttling, failures, dropped connections, cut-off bodies and restarts
//! from the saved state.

use o365kit::model::GroupMail;
use o365kit_e2e::{Env, MEMBER, OWNER};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;

const INTERVAL: Duration = Duration::from_millis(50);

fn post_id(m: &GroupMail) -> String {
    m.post.as_ref().and_then(|p| p.id.clone()).expect("posts have ids")
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_else(|| panic!("{key} in {v}")).to_string()
}

#[tokio::test]
async fn new_posts_are_handed_out_once_with_thread_and_conversation() {
    let env = Env::start();
    let (group, _) = env.groups().await;
    let client = env.client(MEMBER);
    let mut watch = client.watch_group_mail(&group, INTERVAL).expect("watch");
    watch.start().await.expect("started");
    assert!(watch.poll().await.expect("a round").is_empty(), "the seed's posts came before the watch");

    // A new conversation and two replies, likely within one second.
    let first = env
        .deliver(json!({ "groupId": group, "from": { "emailAddress": { "name": "Ada Vendor", "address": "ada@vendor.example" } },
                         "topic": "Invoice 42", "body": "Please find the invoice." }))
        .await;
    let thread = text(&first, "threadId");
    let second = env
        .deliver(json!({ "groupId": group, "from": "bob@vendor.example", "threadId": thread, "body": "Reminder" }))
        .await;
    let third =
        env.deliver(json!({ "groupId": group, "from": "cy@elsewhere.example", "topic": "Hello", "body": "Hi" })).await;

    let got = watch.poll().await.expect("a round");
    let mut by_id: HashMap<String, GroupMail> = got.iter().map(|m| (post_id(m), m.clone())).collect();
    assert_eq!(got.len(), 3, "{:?}", got.iter().map(post_id).collect::<Vec<_>>());
    let m = by_id.remove(&text(&first, "postId")).expect("the first post");
    assert_eq!(m.thread.as_ref().and_then(|t| t.id.clone()), Some(thread.clone()));
    assert_eq!(m.thread.as_ref().and_then(|t| t.topic.clone()).as_deref(), Some("Invoice 42"));
    assert_eq!(m.conversation.as_ref().and_then(|c| c.id.clone()), Some(text(&first, "conversationId")));
    assert_eq!(m.conversation.as_ref().and_then(|c| c.topic.clone()).as_deref(), Some("Invoice 42"));
    let post = m.post.expect("post");
    let from = post.from.and_then(|f| f.email_address).expect("from");
    assert_eq!((from.name.as_deref(), from.address.as_deref()), (Some("Ada Vendor"), Some("ada@vendor.example")));
    assert_eq!(post.body.and_then(|b| b.content).as_deref(), Some("Please find the invoice."));
    assert!(by_id.contains_key(&text(&second, "postId")) && by_id.contains_key(&text(&third, "postId")));

    // Nothing is handed out twice; a member's reply through Graph is mail too.
    assert!(watch.poll().await.expect("a round").is_empty());
    env.client(OWNER).reply_to_thread(group.as_str(), thread.as_str(), "<p>Paid</p>").await.expect("reply");
    let got = tokio::time::timeout(Duration::from_secs(20), watch.next()).await;
    let got = got.expect("the reply arrives within 20 s").expect("next waits for mail");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].thread.as_ref().and_then(|t| t.id.clone()), Some(thread));
    assert!(watch.poll().await.expect("a round").is_empty());

    // A watch resumed from the saved state goes on from there.
    let saved = watch.state();
    drop(watch);
    let late =
        env.deliver(json!({ "groupId": group, "from": "dee@vendor.example", "topic": "Late", "body": "x" })).await;
    let mut resumed = client.watch_group_mail(&group, INTERVAL).unwrap().resume(&saved).expect("resume");
    let got = resumed.poll().await.expect("a round");
    assert_eq!(got.iter().map(post_id).collect::<Vec<_>>(), [text(&late, "postId")]);

    // Another group's state, or junk, is refused by name.
    let (_, private) = env.groups().await;
    let other = client.watch_group_mail(&private, INTERVAL).unwrap().resume(&saved);
    assert!(matches!(other, Err(o365kit::Error::InvalidInput { param, .. }) if param == "state"));
    assert!(
        matches!(client.watch_group_mail(&group, Duration::ZERO), Err(o365kit::Error::InvalidInput { param, .. }) if param == "interval")
    );
}

#[tokio::test]
async fn the_delivery_route_refuses_what_exchange_would_not_deliver() {
    let env = Env::start();
    let (group, _) = env.groups().await;
    let route = "/_emulator/groups/deliver";
    let unknown_group = json!({ "groupId": "no-such-group", "from": "a@b.example", "topic": "x", "body": "x" });
    assert_eq!(env.control(route, unknown_group).await, 404);
    let unknown_thread = json!({ "groupId": group, "from": "a@b.example", "threadId": "nope", "body": "x" });
    assert_eq!(env.control(route, unknown_thread).await, 404);
    for bad in [
        json!({ "groupId": group, "topic": "x", "body": "x" }),
        json!({ "groupId": group, "from": "not an address", "topic": "x", "body": "x" }),
        json!({ "groupId": group, "from": "a@b.example", "body": "x" }),
        json!({ "groupId": group, "from": "a@b.example", "topic": "x", "threadId": "t", "body": "x" }),
        json!({ "groupId": group, "from": "a@b.example", "topic": "x" }),
        json!({ "groupId": group, "from": "a@b.example", "topic": "x", "body": "x", "extra": 1 }),
        json!({ "groupId": group, "from": "a@b.example", "topic": "x", "body": "x", "receivedDateTime": "soon" }),
    ] {
        assert_eq!(env.control(route, bad.clone()).await, 400, "{bad}");
    }
    // A locked thread takes no mail.
    let first = env.deliver(json!({ "groupId": group, "from": "a@b.example", "topic": "Lock me", "body": "x" })).await;
    let thread = text(&first, "threadId");
    let lock = o365kit::model::ConversationThread { is_locked: Some(true), ..Default::default() };
    env.client(OWNER).update_thread(group.as_str(), thread.as_str(), lock).await.expect("owner locks");
    let reply = json!({ "groupId": group, "from": "a@b.example", "threadId": thread, "body": "x" });
    assert_eq!(env.control(route, reply).await, 403);
}

/// A deterministic generator for the test's random choices.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[tokio::test]
async fn no_post_is_lost_or_repeated_through_faults_and_restarts() {
    let env = Env::start();
    let (group, _) = env.groups().await;
    // Without the transport's own retries, every fault reaches the watch's machine.
    let client = env.client_without_retries(MEMBER);
    let mut watch = client.watch_group_mail(&group, INTERVAL).expect("watch");
    watch.start().await.expect("started");
    // The consumer: what it handled and the state, stored together after each step.
    let mut saved = watch.state();
    let mut handled: HashMap<String, usize> = HashMap::new();
    let mut delivered: Vec<String> = Vec::new();
    let mut threads: Vec<String> = Vec::new();
    let mut rng = Lcg(9);
    let threads_path = format!("/v1.0/groups/{group}/threads");
    for round in 0..40 {
        // Mail arrives: new conversations and replies, several in one second.
        for _ in 0..rng.below(3) {
            let body = if threads.is_empty() || rng.below(2) == 0 {
                json!({ "groupId": group, "from": "x@ext.example", "topic": format!("Topic {round}"), "body": "new" })
            } else {
                let t = &threads[rng.below(threads.len() as u64) as usize];
                json!({ "groupId": group, "from": "y@ext.example", "threadId": t, "body": "reply" })
            };
            let ids = env.deliver(body).await;
            threads.push(text(&ids, "threadId"));
            delivered.push(text(&ids, "postId"));
        }
        // Faults on the listing or the posts reads.
        let fault = match rng.below(6) {
            0 => Some(json!({ "status": 429, "retryAfter": 0, "count": 2, "pathPrefix": threads_path })),
            1 => Some(json!({ "status": 503, "pathPrefix": threads_path })),
            2 => Some(json!({ "drop": true, "pathPrefix": threads_path })),
            3 => Some(json!({ "truncate": true, "pathPrefix": threads_path })),
            _ => None,
        };
        if let Some(f) = fault {
            env.inject_fault(f).await;
        }
        // A few steps, then (sometimes) a crash: the watch is dropped and resumed from the state.
        for _ in 0..1 + rng.below(6) {
            let step = watch.step().await.expect("the watch survives faults");
            for m in &step.mails().expect("the posts read as GroupMail") {
                *handled.entry(post_id(m)).or_default() += 1;
            }
            saved = watch.state();
        }
        if rng.below(3) == 0 {
            watch = client.watch_group_mail(&group, INTERVAL).unwrap().resume(&saved).expect("resume");
        }
    }
    // Catch up: a clean round after the faults.
    assert_eq!(reqwest_delete_faults(&env).await, 204);
    watch = client.watch_group_mail(&group, INTERVAL).unwrap().resume(&saved).expect("resume");
    for m in watch.poll().await.expect("a round") {
        *handled.entry(post_id(&m)).or_default() += 1;
    }
    assert!(delivered.len() > 20, "the test delivered enough mail: {}", delivered.len());
    let repeated: Vec<_> = handled.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeated.is_empty(), "handed out twice: {repeated:?}");
    let lost: Vec<_> = delivered.iter().filter(|id| !handled.contains_key(*id)).collect();
    assert!(lost.is_empty(), "lost: {lost:?}");
    assert_eq!(handled.len(), delivered.len());
}

async fn reqwest_delete_faults(env: &Env) -> u16 {
    let url = format!("{}/_emulator/faults", env.base_url());
    let client = env.client_without_retries("unused");
    client.execute(&o365kit::Request::delete(url)).await.map(|r| r.status).unwrap_or(0)
}
