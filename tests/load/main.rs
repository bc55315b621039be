//! Load against one emulator: N concurrent clients (the native client) each sending a mix of
//! reads, new threads, replies and membership changes. Afterwards every write is checked to be
//! visible exactly once (or, under injected faults, exactly once if it succeeded and never if it
//! failed), and the process's memory is compared across rounds separated by a reset.
//!
//! `cargo run --release -p o365kit-e2e --example load -- [--clients 64] [--requests 10000]
//! [--fault-rate 0.2] [--rounds 2]` (requests per client). Prints throughput, p50/p99 latency,
//! errors by kind and resident memory; exits 1 if a check fails.

use o365kit::model::Post;
use o365kit::{ops, Client, Error, Policy, Query};
use o365kit_emulator::{spawn, Config, Tenant};
use serde_json::json;
use std::collections::HashMap;
use std::time::{Duration, Instant};

const THREADS_PER_CLIENT: usize = 5;
const GROUP: &str = "6a1f0c9e-2b7d-4c5e-9f3a-1d2e3f4a5b6c";

struct Args {
    clients: usize,
    requests: usize,
    fault_rate: f64,
    rounds: usize,
}

fn args() -> Result<Args, String> {
    let mut a = Args { clients: 64, requests: 10_000, fault_rate: 0.0, rounds: 2 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = || format!("{flag}: '{value}' is not a number");
        match flag.as_str() {
            "--clients" => a.clients = value.parse().map_err(|_| bad())?,
            "--requests" => a.requests = value.parse().map_err(|_| bad())?,
            "--fault-rate" => a.fault_rate = value.parse().map_err(|_| bad())?,
            "--rounds" => a.rounds = value.parse().map_err(|_| bad())?,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if a.clients == 0 || a.requests == 0 || a.rounds == 0 || !(0.0..1.0).contains(&a.fault_rate) {
        return Err("clients, requests and rounds must be positive, the fault rate in 0..1".into());
    }
    Ok(a)
}

/// A tenant with one owner, one user per client (each client adds and removes only its own
/// user, so membership changes never race) and one public group.
fn tenant(clients: usize) -> Tenant {
    let user = |i: usize| format!("load{i}@contoso.test");
    let mut users = vec![
        json!({"id": "00000000-0000-4000-8000-000000000000", "userPrincipalName": "owner@contoso.test", "displayName": "Owner"}),
    ];
    users.extend((0..clients).map(|i| {
        json!({"id": format!("00000000-0000-4000-8000-{:012}", i + 1), "userPrincipalName": user(i), "displayName": format!("Load {i}")})
    }));
    let group = json!({
        "id": GROUP, "displayName": "Load", "mail": "load@contoso.test", "mailNickname": "load",
        "visibility": "Public", "groupTypes": ["Unified"], "mailEnabled": true, "securityEnabled": false,
        "owners": ["owner@contoso.test"], "members": ["owner@contoso.test"], "conversations": []
    });
    Tenant::from_json(&json!({"users": users, "groups": [group]}).to_string()).expect("a valid tenant")
}

#[derive(Default)]
struct Outcome {
    latencies: Vec<Duration>,
    /// Latency by operation, to see which one a slow run spends its time on.
    by_op: HashMap<&'static str, Vec<Duration>>,
    errors: HashMap<String, usize>,
    /// Topics of threads this client created, and whether the create succeeded.
    threads: Vec<(String, bool)>,
    /// Thread id -> replies that succeeded.
    replies: HashMap<String, usize>,
    /// Whether this client's user should be a member at the end.
    member: bool,
}

fn kind(e: &Error) -> String {
    match e {
        Error::Api(a) => format!("{} {}", a.status, a.code),
        Error::Decode { what, .. } => format!("decode {what}"),
        Error::InvalidInput { param, .. } => format!("invalid {param}"),
        Error::Transport(_) => "transport".into(),
        _ => "other".into(),
    }
}

async fn client_run(base: String, i: usize, requests: usize, policy: Policy) -> Outcome {
    let me = format!("load{i}@contoso.test");
    let my_id = format!("00000000-0000-4000-8000-{:012}", i + 1);
    let poster =
        Client::builder().base_url(&base).token(format!("emulator:{me}")).retry_policy(policy.clone()).build().unwrap();
    let owner =
        Client::builder().base_url(&base).token("emulator:owner@contoso.test").retry_policy(policy).build().unwrap();
    let mut out = Outcome::default();
    let mut mine: Vec<String> = Vec::new();
    for k in 0..requests {
        let started = Instant::now();
        // Each client keeps to a few threads of its own (new posts go to them as replies), so
        // the group's size, and the cost of listing it, stays the same through a long run.
        let op = match k % 10 {
            0 | 5 if mine.len() < THREADS_PER_CLIENT => "create thread",
            0 | 1 | 5 | 6 if !mine.is_empty() => "reply",
            2 if !mine.is_empty() => "get thread",
            3 if !mine.is_empty() => "list posts",
            4 => "membership",
            7 => "list members",
            0 | 5 => "create thread",
            _ => "list threads",
        };
        let result: Result<(), Error> = match op {
            "create thread" => {
                let topic = format!("load c{i} n{k}");
                let r = poster.create_thread(GROUP, topic.clone(), Post::text(format!("first {k}"))).await;
                out.threads.push((topic, r.is_ok()));
                r.map(|t| mine.extend(t.id))
            }
            "reply" => {
                let thread = mine[k % mine.len()].clone();
                let r = poster.reply_to_thread(GROUP, thread.as_str(), Post::text(format!("reply {k}"))).await;
                if r.is_ok() {
                    *out.replies.entry(thread).or_default() += 1;
                }
                r
            }
            "get thread" => poster.get_thread(GROUP, mine[k % mine.len()].as_str(), Query::new()).await.map(drop),
            "list posts" => {
                poster.list_posts(GROUP, mine[k % mine.len()].as_str(), Query::new().top(5)).await.map(drop)
            }
            "membership" => {
                // Add, then remove next time: the owner toggles this client's own user.
                let r = if out.member {
                    owner.remove_group_member(GROUP, my_id.as_str()).await
                } else {
                    owner.add_group_member(GROUP, my_id.as_str()).await
                };
                if r.is_ok() {
                    out.member = !out.member;
                }
                r
            }
            "list members" => poster.list_group_members(GROUP, Query::new().top(20)).await.map(drop),
            _ => poster.list_group_threads(GROUP, Query::new().top(10)).await.map(drop),
        };
        out.latencies.push(started.elapsed());
        out.by_op.entry(op).or_default().push(started.elapsed());
        if let Err(e) = result {
            *out.errors.entry(kind(&e)).or_default() += 1;
        }
    }
    out
}

/// Every thread of the group (all pages): topic -> (id, post count). Read with retries enough to
/// outlast injected faults (20 attempts: at a fault rate of 0.2 a read fails 1 in 10^14), so the
/// check is of the writes, not of the reads; one task per thread, so that a round's thousands of
/// post pages do not queue behind each other's `Retry-After` waits.
async fn census(base: &str) -> Result<HashMap<String, Vec<(String, usize)>>, Error> {
    let patient = Policy { max_attempts: 20, ..Policy::default() };
    let c = Client::builder().base_url(base).token("emulator:owner@contoso.test").retry_policy(patient).build()?;
    let threads = c.all(ops::ListGroupThreads { group_id: GROUP.into(), query: Query::new().top(999) }).await?;
    let tasks: Vec<_> = threads
        .into_iter()
        .map(|t| {
            let c = c.clone();
            tokio::spawn(async move {
                let id = t.id.clone().unwrap_or_default();
                let list =
                    ops::ListPosts { group_id: GROUP.into(), thread_id: id.clone(), query: Query::new().top(100) };
                let posts = c.all(list).await?;
                Ok::<_, Error>((t.topic.unwrap_or_default(), id, posts.len()))
            })
        })
        .collect();
    let mut out: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    for task in tasks {
        let (topic, id, posts) = task.await.expect("a census task")?;
        out.entry(topic).or_default().push((id, posts));
    }
    Ok(out)
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> std::process::ExitCode {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("load: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let config = Config { tenant: tenant(a.clients), fault_rate: a.fault_rate, page_size: 100, ..Config::default() };
    let emulator = spawn(config).expect("the emulator starts");
    let base = emulator.base_url();
    // With faults the client retries as it does in production; without, any error is a failure.
    let policy = if a.fault_rate > 0.0 { Policy::default() } else { Policy::no_retries() };
    let mut ok = true;
    println!("load: {} clients x {} requests, fault rate {}, {} rounds", a.clients, a.requests, a.fault_rate, a.rounds);
    for round in 1..=a.rounds {
        let started = Instant::now();
        let tasks: Vec<_> =
            (0..a.clients).map(|i| tokio::spawn(client_run(base.clone(), i, a.requests, policy.clone()))).collect();
        let mut outcomes = Vec::new();
        for t in tasks {
            outcomes.push(t.await.expect("a client task"));
        }
        let elapsed = started.elapsed();
        let mut lat: Vec<Duration> = outcomes.iter().flat_map(|o| o.latencies.iter().copied()).collect();
        lat.sort();
        let mut errors: HashMap<String, usize> = HashMap::new();
        for o in &outcomes {
            for (k, n) in &o.errors {
                *errors.entry(k.clone()).or_default() += n;
            }
        }
        println!(
            "round {round}: {} requests in {:.1} s = {:.0} req/s; p50 {:.2} ms, p99 {:.2} ms; errors {:?}",
            lat.len(),
            elapsed.as_secs_f64(),
            lat.len() as f64 / elapsed.as_secs_f64(),
            pct(&lat, 0.5).as_secs_f64() * 1e3,
            pct(&lat, 0.99).as_secs_f64() * 1e3,
            errors
        );
        let mut by_op: HashMap<&str, Vec<Duration>> = HashMap::new();
        for o in &outcomes {
            for (op, l) in &o.by_op {
                by_op.entry(op).or_default().extend(l);
            }
        }
        let mut ops: Vec<_> = by_op.into_iter().collect();
        ops.sort_by_key(|(op, _)| *op);
        for (op, mut l) in ops {
            l.sort();
            let (p50, p99) = (pct(&l, 0.5).as_secs_f64() * 1e3, pct(&l, 0.99).as_secs_f64() * 1e3);
            println!("  {op}: {} requests, p50 {p50:.2} ms, p99 {p99:.2} ms", l.len());
        }
        let unexpected: usize = errors
            .iter()
            .filter(|(k, _)| a.fault_rate == 0.0 || !k.starts_with("429") && !k.starts_with("503"))
            .map(|(_, n)| n)
            .sum();
        if unexpected > 0 {
            println!("FAIL: {unexpected} errors other than the injected 429/503");
            ok = false;
        }

        // The emulator itself answers no 5xx but injected ones; reads see every write once.
        let seen = match census(&base).await {
            Ok(s) => s,
            Err(e) => {
                println!("FAIL: reading the threads back: {e}");
                return std::process::ExitCode::FAILURE;
            }
        };
        let (mut created, mut missing, mut doubled, mut ghost, mut wrong_posts) = (0, 0, 0, 0, 0);
        for o in &outcomes {
            for (topic, succeeded) in &o.threads {
                let found = seen.get(topic).map_or(0, Vec::len);
                match (succeeded, found) {
                    (true, 1) => created += 1,
                    (true, 0) => missing += 1,
                    (false, 0) => {}
                    (false, _) => ghost += 1,
                    (true, _) => doubled += 1,
                }
            }
            for (thread, replies) in &o.replies {
                let posts = seen.values().flatten().find(|(id, _)| id == thread).map(|(_, n)| *n);
                if posts != Some(1 + replies) {
                    wrong_posts += 1;
                }
            }
        }
        println!("  threads: {created} created and seen once; missing {missing}, doubled {doubled}, failed yet present {ghost}; threads with the wrong post count {wrong_posts}");
        if missing + doubled + ghost + wrong_posts > 0 {
            ok = false;
        }
        let patient = Policy { max_attempts: 20, ..Policy::default() };
        let owner = Client::builder()
            .base_url(&base)
            .token("emulator:owner@contoso.test")
            .retry_policy(patient)
            .build()
            .unwrap();
        let members = owner.all(ops::ListGroupMembers { group_id: GROUP.into(), query: Query::new().top(999) }).await;
        let members: Vec<String> = members.map(|m| m.into_iter().filter_map(|u| u.id).collect()).unwrap_or_default();
        let wrong = (0..a.clients)
            .filter(|i| outcomes[*i].member != members.contains(&format!("00000000-0000-4000-8000-{:012}", i + 1)))
            .count();
        println!("  membership: {} members, {wrong} clients' users in the wrong state", members.len());
        if wrong > 0 {
            ok = false;
        }
        println!("  resident memory after the round: {} MB", rss_kb() / 1024);
        let reset = o365kit::Request::post(format!("{base}/_emulator/reset")).bytes("application/json", b"{}".to_vec());
        let _ = owner.execute(&reset).await;
    }
    println!("  resident memory after the last reset: {} MB", rss_kb() / 1024);
    if ok {
        println!("load: all checks passed");
        std::process::ExitCode::SUCCESS
    } else {
        println!("load: FAILED");
        std::process::ExitCode::FAILURE
    }
}
