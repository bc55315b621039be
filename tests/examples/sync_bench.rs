//! Delta sync against a plain paged read of the same 10,000-message folder on the emulator: the
//! requests each makes and the time each takes, for the first round and for a round after ten
//! changes (where a plain read has to read everything again).
//!
//! `cargo run -p o365kit-e2e --example sync_bench [--release]`

use o365kit::{Client, Query, SyncEvent, TokenProvider};
use o365kit_emulator::{spawn, Config, Tenant};
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

const N: usize = 10_000;
const PAGE: u32 = 200;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let messages: Vec<_> = (0..N)
        .map(|i| {
            json!({ "subject": format!("Message {i}"), "from": "news@northwind.example",
                    "receivedDateTime": format!("2026-01-01T00:00:{:02}Z", i % 60),
                    "body": { "contentType": "text", "content": format!("Body {i}") } })
        })
        .collect();
    let tenant = json!({
        "users": [{ "id": "5a1c2b3d-0000-4000-8000-000000000001", "displayName": "Bench",
                    "mail": "bench@contoso.test", "userPrincipalName": "bench@contoso.test" }],
        "groups": [], "mailboxes": [{ "user": "bench@contoso.test", "messages": messages }],
    });
    let emulator = spawn(Config { tenant: Tenant::from_json(&tenant.to_string())?, ..Config::default() })?;
    // The token provider is asked before every attempt: it counts the requests.
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    let token = TokenProvider::callback(move || {
        counter.fetch_add(1, Ordering::Relaxed);
        async { Ok("emulator:bench@contoso.test".to_string()) }
    });
    let client = Client::builder().base_url(&emulator.base_url()).token(token).build()?;
    let query = || Query::new().max_page_size(PAGE);

    let plain = || async {
        let op = o365kit::ops::ListFolderMessages {
            mailbox: client.current_mailbox().clone(),
            folder_id: "inbox".into(),
            query: query(),
        };
        client.all(op).await.map(|v| v.len())
    };
    let measure = |what: &str, items: usize, requests: usize, started: Instant| {
        println!(
            "{what:<44} {items:>6} items {requests:>5} requests {:>8.0} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
    };

    let (start, before) = (Instant::now(), sent.load(Ordering::Relaxed));
    let n = plain().await?;
    measure("plain paged read", n, sent.load(Ordering::Relaxed) - before, start);

    let (start, before) = (Instant::now(), sent.load(Ordering::Relaxed));
    let mut sync = client.sync_messages("inbox", query());
    let mut changes = 0;
    loop {
        match sync.next().await? {
            SyncEvent::Changes { changes: c, caught_up } => {
                changes += c.len();
                if caught_up {
                    break;
                }
            }
            SyncEvent::Resync { reason } => return Err(reason.into()),
        }
    }
    measure("delta sync, first round", changes, sent.load(Ordering::Relaxed) - before, start);
    let state = sync.state()?;

    let page = client.list_folder_messages("inbox", Query::new().top(10).select(["id"])).await?;
    for m in &page.value {
        let patch = o365kit::model::Message { is_read: Some(true), ..Default::default() };
        client.update_message(m.id.clone().unwrap_or_default(), patch).await?;
    }

    let (start, before) = (Instant::now(), sent.load(Ordering::Relaxed));
    let n = plain().await?;
    measure("plain paged read again, after 10 changes", n, sent.load(Ordering::Relaxed) - before, start);

    let (start, before) = (Instant::now(), sent.load(Ordering::Relaxed));
    let mut sync = client.sync_messages("inbox", query()).resume(&state)?;
    let SyncEvent::Changes { changes: c, caught_up } = sync.next().await? else { return Err("resync".into()) };
    assert!(caught_up);
    measure("delta sync, next round (10 changes)", c.len(), sent.load(Ordering::Relaxed) - before, start);
    Ok(())
}
