//! The emulator's request parsing: whole requests (method, path and ids, OData query text,
//! headers, JSON bodies) through the same handler the server runs, and `$filter` texts parsed and
//! evaluated directly (the deepest parser, reached faster without the routing around it).
//!
//! Promises checked beyond "no panic": no 5xx but the documented 507 (there are no injected
//! faults here); a JSON answer is JSON; an error answer has Graph's `error.code` and `message`.

use crate::request_text::TextRequest;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Method, Request, Uri};
use o365kit_emulator::in_process::Emulator;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// The signed-in user of the seeds; the seed tenant's member of both groups.
pub const TOKEN: &str = "Bearer emulator:member@contoso.test";

struct Harness {
    runtime: tokio::runtime::Runtime,
    emulator: Emulator,
    /// `{g}`-style placeholders and the seed tenant's ids they stand for.
    ids: Vec<(&'static str, String)>,
    sent: std::sync::atomic::AtomicU64,
}

fn harness() -> &'static Harness {
    static H: OnceLock<Harness> = OnceLock::new();
    H.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        let emulator = Emulator::new(o365kit_emulator::Config::default(), 8080);
        let mut h = Harness { runtime, emulator, ids: Vec::new(), sent: Default::default() };
        // Ids of the seed tenant that are random per start (threads, posts, messages), looked up
        // as a client would, so that seeds can name them.
        let lookups: [(&'static str, &str); 10] = [
            ("{u}", "/v1.0/me?$select=id"),
            ("{g}", "/v1.0/me/memberOf?$top=1"),
            ("{c}", "/v1.0/groups/{g}/conversations?$top=1"),
            ("{t}", "/v1.0/groups/{g}/threads?$top=1"),
            ("{p}", "/v1.0/groups/{g}/threads/{t}/posts?$top=1"),
            ("{f}", "/v1.0/me/mailFolders?$top=1"),
            ("{m}", "/v1.0/me/messages?$top=1"),
            ("{e}", "/v1.0/me/events?$top=1"),
            ("{cal}", "/v1.0/me/calendars?$top=1"),
            ("{d}", "/v1.0/groups/{g}/drive/root/children?$top=1"),
        ];
        for (key, target) in lookups {
            let target = h.fill(target.as_bytes());
            let (status, body) = h.send(&text("GET", &String::from_utf8_lossy(&target), ""));
            let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let id = v["value"][0]["id"].as_str().or(v["id"].as_str()).map(str::to_string);
            h.ids.push((key, id.unwrap_or_else(|| format!("no-{key}-{status}"))));
        }
        h
    })
}

fn text(method: &str, target: &str, body: &str) -> TextRequest {
    TextRequest {
        method: method.into(),
        target: target.into(),
        headers: vec![("Authorization".into(), TOKEN.into()), ("Content-Type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
    }
}

/// Replaces placeholders in a request's bytes with the tenant's ids.
fn replace(ids: &[(&str, String)], bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for (key, id) in ids {
        let key = key.as_bytes();
        let mut at = 0;
        while let Some(i) = out[at..].windows(key.len()).position(|w| w == key) {
            let i = at + i;
            out.splice(i..i + key.len(), id.bytes());
            at = i + id.len();
        }
    }
    out
}

impl Harness {
    fn fill(&self, bytes: &[u8]) -> Vec<u8> {
        replace(&self.ids, bytes)
    }

    /// Sends a request to the emulator: its status and body, or `None` when the bytes are not
    /// an HTTP request at all (hyper refuses those before any handler runs).
    fn try_send(&self, req: &TextRequest) -> Option<(u16, Vec<u8>, Option<String>)> {
        let method = Method::from_bytes(req.method.as_bytes()).ok()?;
        let uri: Uri = req.target.parse().ok()?;
        // Control routes are not Graph: they inject faults and latency on purpose.
        let path = uri.path();
        if path.trim_start_matches('/').split('/').next().unwrap_or("").eq_ignore_ascii_case("_emulator") {
            return None;
        }
        let mut builder = Request::builder().method(method.clone()).uri(uri);
        for (name, value) in &req.headers {
            if let (Ok(n), Ok(v)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value)) {
                builder = builder.header(n, v);
            }
        }
        let request = builder.body(Body::from(req.body.clone())).ok()?;
        let (status, content_type, body) = self.runtime.block_on(async {
            let res = self.emulator.call(request).await;
            let status = res.status().as_u16();
            let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_string);
            let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("an in-memory body");
            (status, ct, body.to_vec())
        });
        // A write that succeeded starts the next request from the seed tenant again (the ids
        // stay valid, memory flat); so does every 256th request, for whatever reads or refused
        // writes keep (delta tokens). Cloning the tenant after every write took most of the time.
        let n = self.sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if (!matches!(method, Method::GET | Method::HEAD | Method::OPTIONS) && status < 400) || n % 256 == 255 {
            self.emulator.reset();
        }
        Some((status, body, content_type))
    }

    fn send(&self, req: &TextRequest) -> (u16, Vec<u8>) {
        let (status, body, _) = self.try_send(req).expect("a valid request");
        (status, body)
    }
}

/// A request in the `request_text` form, placeholders (`{g}` a group, `{t}` a thread, `{m}` a
/// message...) replaced by the seed tenant's ids.
pub fn request(data: &[u8]) {
    let h = harness();
    let Some(req) = TextRequest::parse(&h.fill(data)) else { return };
    let Some((status, body, content_type)) = h.try_send(&req) else { return };
    let shown = || format!("{} {} -> {status}: {}", req.method, req.target, String::from_utf8_lossy(&body));
    assert!(status < 500 || status == 507, "a server error: {}", shown());
    let json = content_type.is_some_and(|ct| ct.contains("json"));
    if json && !body.is_empty() {
        let v: Value = serde_json::from_slice(&body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", shown()));
        if status >= 400 {
            let e = &v["error"];
            assert!(e["code"].is_string() && e["message"].is_string(), "not Graph's error body: {}", shown());
        }
    }
}

/// Items of the shapes `$filter` meets: strings, numbers, booleans, nulls, date-times, arrays
/// of strings and of objects, nested objects.
fn items() -> &'static [Value] {
    static ITEMS: OnceLock<Vec<Value>> = OnceLock::new();
    ITEMS.get_or_init(|| {
        vec![
            json!({ "id": "g1", "displayName": "Contoso Marketing", "mail": "marketing@contoso.test",
                    "groupTypes": ["Unified"], "visibility": "Public", "mailEnabled": true, "securityEnabled": false,
                    "createdDateTime": "2024-03-04T09:12:44Z", "resourceProvisioningOptions": [] }),
            json!({ "id": "m1", "subject": "Q3 plan", "isRead": false, "importance": "high", "size": 12345,
                    "receivedDateTime": "2024-05-01T10:00:00Z", "hasAttachments": true, "categories": ["Red", "Blue"],
                    "from": { "emailAddress": { "name": "Olivia", "address": "owner@contoso.test" } },
                    "toRecipients": [{ "emailAddress": { "address": "member@contoso.test" } }],
                    "flag": { "flagStatus": "flagged" }, "parentFolderId": null }),
            json!({ "id": "e1", "subject": "Weekly", "isAllDay": false, "sensitivity": "normal",
                    "start": { "dateTime": "2024-05-02T16:00:00.0000000", "timeZone": "UTC" },
                    "attendees": [{ "type": "required", "status": { "response": "accepted" } }], "reminderMinutesBeforeStart": -1.5 }),
        ]
    })
}

/// A `$filter` text, parsed and (when it parses) evaluated on items of every JSON shape.
pub fn filter(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = o365kit_emulator::in_process::filter(&text, items());
}
