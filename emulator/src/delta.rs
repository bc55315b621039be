//! Change tracking for delta queries (`.../delta`, and Outlook REST's `Prefer: odata.track-changes`).
//!
//! The tracker learns changes by comparing: whenever a delta request reads a collection (a scope:
//! one folder's messages, a mailbox's folders, a calendar view, the groups), each item's
//! fingerprint is compared with the one seen last, and every item added, changed or gone gets the
//! next sequence number. So every way the emulator changes things (PATCH, moves, rules, delivery)
//! is seen without each of them reporting it.
//!
//! A round covers the changes with sequence numbers in `(from, to]`, `to` being fixed when the
//! round starts; its pages walk them in sequence order, and a `$skiptoken` holds where the walk
//! is. An item changed during the round gets a number above `to` and comes in the next round, so
//! a page asked for twice (a retry, a resumed client) gives the same items, and none is lost. The
//! `$deltatoken` is `to`. Tokens carry the tracker's generation: a token from before a reset, an
//! expiry (`POST /_emulator/delta/expire`) or another emulator is Graph's 410.

use crate::errors::{GraphError, Result};
use crate::odata::Query;
use crate::respond::{json, percent_decode, query_pairs};
use crate::routes::Call;
use crate::schema::Kind;
use crate::tenant::Obj;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

const SKIP_MAGIC: &[u8] = b"DSsk\x01";
const DELTA_MAGIC: &[u8] = b"DSdt\x01";

#[derive(Debug)]
pub(crate) struct Tracker {
    generation: u64,
    seq: u64,
    scopes: HashMap<String, Scope>,
}

#[derive(Debug, Default)]
struct Scope {
    live: HashMap<String, Seen>,
    /// Items gone from the scope: (id, sequence number).
    gone: Vec<(String, u64)>,
}

#[derive(Debug)]
struct Seen {
    fingerprint: u64,
    seq: u64,
    /// Members after each change (groups only), for `members@delta` against any earlier round.
    members: Vec<(u64, Vec<String>)>,
}

/// An item as the tracker sees it.
pub(crate) struct Item {
    pub id: String,
    pub fingerprint: u64,
    pub members: Option<Vec<String>>,
}

impl Item {
    pub fn new(id: &str, parts: &[&dyn HashPart]) -> Item {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for p in parts {
            p.feed(&mut h);
        }
        Item { id: id.to_string(), fingerprint: h.finish(), members: None }
    }
}

/// Something an item's fingerprint is made of.
pub(crate) trait HashPart {
    fn feed(&self, h: &mut dyn Hasher);
}

impl HashPart for Obj {
    fn feed(&self, h: &mut dyn Hasher) {
        struct W<'a>(&'a mut dyn Hasher);
        impl std::io::Write for W<'_> {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.write(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let _ = serde_json::to_writer(W(h), self);
    }
}

impl HashPart for String {
    fn feed(&self, h: &mut dyn Hasher) {
        h.write(self.as_bytes());
        h.write_u8(0xff);
    }
}

impl HashPart for usize {
    fn feed(&self, h: &mut dyn Hasher) {
        h.write_usize(*self);
    }
}

impl Default for Tracker {
    fn default() -> Self {
        Tracker { generation: crate::ids::random_u64(), seq: 0, scopes: HashMap::new() }
    }
}

/// One change of a round, by sequence number.
enum Change {
    Live(String),
    Gone(String),
}

impl Tracker {
    /// Forgets every token (they answer 410 from now on); what was seen stays.
    pub fn expire(&mut self) {
        self.generation = crate::ids::random_u64();
    }

    fn observe(&mut self, scope: &str, items: Vec<Item>) {
        let s = self.scopes.entry(scope.to_string()).or_default();
        let mut present = std::collections::HashSet::with_capacity(items.len());
        for item in items {
            present.insert(item.id.clone());
            match s.live.get_mut(&item.id) {
                Some(seen) if seen.fingerprint == item.fingerprint => {}
                Some(seen) => {
                    self.seq += 1;
                    seen.fingerprint = item.fingerprint;
                    seen.seq = self.seq;
                    if let Some(m) = item.members {
                        seen.members.push((self.seq, m));
                    }
                }
                None => {
                    self.seq += 1;
                    let members = item.members.map(|m| vec![(self.seq, m)]).unwrap_or_default();
                    s.live.insert(item.id, Seen { fingerprint: item.fingerprint, seq: self.seq, members });
                }
            }
        }
        let mut gone: Vec<String> = s.live.keys().filter(|k| !present.contains(*k)).cloned().collect();
        gone.sort();
        for id in gone {
            s.live.remove(&id);
            self.seq += 1;
            s.gone.retain(|(g, _)| g != &id);
            s.gone.push((id, self.seq));
        }
    }

    /// The changes of `scope` numbered in `(after, to]`, in order; removals only when `from > 0`
    /// (a first round lists what is there).
    fn changes(&self, scope: &str, from: u64, after: u64, to: u64) -> Vec<(u64, Change)> {
        let Some(s) = self.scopes.get(scope) else { return Vec::new() };
        let inside = |seq: u64| seq > after && seq <= to;
        let mut out: Vec<(u64, Change)> =
            s.live.iter().filter(|(_, v)| inside(v.seq)).map(|(k, v)| (v.seq, Change::Live(k.clone()))).collect();
        if from > 0 {
            out.extend(s.gone.iter().filter(|(_, seq)| inside(*seq)).map(|(k, seq)| (*seq, Change::Gone(k.clone()))));
        }
        out.sort_by_key(|(seq, _)| *seq);
        out
    }

    /// `members@delta` of a group against the round that started after `from`.
    fn members_delta(&self, scope: &str, id: &str, from: u64) -> Vec<Value> {
        let Some(seen) = self.scopes.get(scope).and_then(|s| s.live.get(id)) else { return Vec::new() };
        let now = seen.members.last().map(|(_, m)| m.clone()).unwrap_or_default();
        let before =
            seen.members.iter().rev().find(|(seq, _)| *seq <= from).map(|(_, m)| m.clone()).unwrap_or_default();
        let user = |m: &String| json!({ "@odata.type": "#microsoft.graph.user", "id": m });
        let mut out: Vec<Value> = now.iter().filter(|m| !before.contains(m)).map(user).collect();
        out.extend(before.iter().filter(|m| !now.contains(m)).map(|m| {
            let mut v = user(m);
            v["@removed"] = json!({ "reason": "deleted" });
            v
        }));
        out
    }

    fn token(&self, magic: &[u8], scope: &str, numbers: &[u64]) -> String {
        let mut b = magic.to_vec();
        b.extend_from_slice(&self.generation.to_le_bytes());
        b.extend_from_slice(&scope_hash(scope).to_le_bytes());
        for n in numbers {
            b.extend_from_slice(&n.to_le_bytes());
        }
        URL_SAFE_NO_PAD.encode(b)
    }

    /// A token's numbers, if it is this tracker's (same generation) and this scope's.
    fn read_token(&self, token: &str, magic: &[u8], scope: &str, n: usize) -> Option<Vec<u64>> {
        let bytes = URL_SAFE_NO_PAD.decode(token.trim()).ok()?;
        let rest = bytes.strip_prefix(magic)?;
        if rest.len() != 8 * (n + 2) {
            return None;
        }
        let words: Vec<u64> =
            rest.chunks(8).map(|c| u64::from_le_bytes(<[u8; 8]>::try_from(c).unwrap_or_default())).collect();
        (words[0] == self.generation && words[1] == scope_hash(scope)).then(|| words[2..].to_vec())
    }
}

fn scope_hash(scope: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    scope.hash(&mut h);
    h.finish()
}

/// Whether a request asks Outlook REST's way for tracked changes (`Prefer: odata.track-changes`).
pub(crate) fn track_changes(headers: &HeaderMap) -> bool {
    headers
        .get_all("prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|p| p.trim().eq_ignore_ascii_case("odata.track-changes"))
}

/// How one collection answers a delta request.
pub(crate) struct Collection<'a> {
    /// What is tracked, e.g. `messages/{mailbox}/{folder}`.
    pub scope: String,
    pub kind: Kind,
    /// The metadata fragment of the context.
    pub fragment: String,
    /// The `@odata.type` of removed items.
    pub type_name: &'a str,
    /// Graph's reason for an item gone: "deleted" (Outlook), "changed" (a directory object that
    /// may be restored).
    pub removed_reason: &'a str,
    /// Items per page when the client names none.
    pub default_page: usize,
    /// Whether to add `members@delta` (groups with `$select=members`).
    pub members: bool,
}

/// A delta page: the round's next changes after the token in the query, and the link to go on.
/// `items` is the collection now; `render` shows one of its items.
pub(crate) fn respond(
    call: &Call,
    c: Collection,
    items: Vec<Item>,
    render: impl Fn(&str) -> Option<Obj>,
) -> Result<Response> {
    let raw = call.raw_query();
    let mut skiptoken = None;
    let mut deltatoken = None;
    let mut carry = Vec::new();
    let mut rest = Vec::new();
    for (k, v) in query_pairs(raw) {
        match percent_decode(&k, true).trim().to_ascii_lowercase().as_str() {
            "$skiptoken" => skiptoken = Some(percent_decode(&v, true)),
            "$deltatoken" => deltatoken = Some(percent_decode(&v, true)),
            _ => {
                carry.push(format!("{k}={v}"));
                rest.push(format!("{k}={v}"));
            }
        }
    }
    let q = Query::parse(&rest.join("&"), call.headers, c.kind)?;
    // A filtered delta (messages: `receivedDateTime ge ...`) tracks the items the filter keeps,
    // as a collection of its own.
    let mut scope = c.scope.clone();
    let mut items = items;
    if let Some(f) = call.param("$filter") {
        items.retain(|i| render(&i.id).is_some_and(|o| q.keeps(&o) != Some(false)));
        scope = format!("{scope}?{f}");
    }
    let c = Collection { scope, ..c };
    let mut tracker = call.app.delta();
    tracker.observe(&c.scope, items);
    let expired = || gone(call, c.kind);
    let (from, after, to) = match (&skiptoken, &deltatoken) {
        (Some(t), _) => {
            let n = tracker.read_token(t, SKIP_MAGIC, &c.scope, 3).ok_or_else(expired)?;
            (n[0], n[1], n[2])
        }
        (None, Some(t)) => {
            let n = tracker.read_token(t, DELTA_MAGIC, &c.scope, 1).ok_or_else(expired)?;
            (n[0], n[0], tracker.seq)
        }
        (None, None) => (0, 0, tracker.seq),
    };
    let size = q.page_size(c.default_page);
    let changes = tracker.changes(&c.scope, from, after, to);
    let more = changes.len() > size;
    let mut value = Vec::new();
    let mut last = after;
    for (seq, change) in changes.into_iter().take(size) {
        last = seq;
        match change {
            Change::Live(id) => {
                let Some(item) = render(&id) else { continue };
                let mut item = q.project(item, c.kind);
                if c.members {
                    item.insert("members@delta".into(), Value::Array(tracker.members_delta(&c.scope, &id, from)));
                }
                value.push(Value::Object(item));
            }
            Change::Gone(id) => value.push(json!({
                "@odata.type": c.type_name, "id": id, "@removed": { "reason": c.removed_reason }
            })),
        }
    }
    let link = |token: String, name: &str| {
        let mut pairs = carry.clone();
        pairs.push(format!("{name}={token}"));
        format!("{}{}?{}", call.ctx.base, call.path(), pairs.join("&"))
    };
    let mut body =
        json!({ "@odata.context": call.ctx.context(&format!("{}/delta", q.fragment(&c.fragment))), "value": value });
    if more {
        body["@odata.nextLink"] = json!(link(tracker.token(SKIP_MAGIC, &c.scope, &[from, last, to]), "$skiptoken"));
    } else {
        body["@odata.deltaLink"] = json!(link(tracker.token(DELTA_MAGIC, &c.scope, &[to]), "$deltatoken"));
    }
    drop(tracker);
    let mut res = json(StatusCode::OK, &body);
    q.headers(&mut res, Some(size));
    if track_changes(call.headers) {
        let applied = match res.headers().get("preference-applied").and_then(|v| v.to_str().ok()) {
            Some(v) => format!("odata.track-changes,{v}"),
            None => "odata.track-changes".to_string(),
        };
        if let Ok(v) = HeaderValue::from_str(&applied) {
            res.headers_mut().insert("preference-applied", v);
        }
    }
    Ok(res)
}

/// Graph's answer to a token it no longer knows: start again.
fn gone(call: &Call, kind: Kind) -> GraphError {
    let e = match kind.family() {
        crate::errors::Family::Directory => GraphError::new(410, "resyncRequired", "Resync is required."),
        crate::errors::Family::Exchange => GraphError::new(
            410,
            "SyncStateNotFound",
            "The sync state generation is not found. The delta token is expired and data must be synchronized again.",
        ),
    };
    let restart = format!("{}{}", call.ctx.base, call.path());
    e.with_header(axum::http::header::LOCATION, restart)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, v: &str) -> Item {
        Item::new(id, &[&v.to_string() as &dyn HashPart])
    }

    #[test]
    fn rounds_see_adds_changes_and_removals_once() {
        let mut t = Tracker::default();
        t.observe("s", vec![item("a", "1"), item("b", "1")]);
        let first = t.changes("s", 0, 0, t.seq);
        assert_eq!(first.len(), 2);
        let to = t.seq;
        t.observe("s", vec![item("a", "2"), item("c", "1")]);
        let next: Vec<String> = t
            .changes("s", to, to, t.seq)
            .into_iter()
            .map(|(_, c)| match c {
                Change::Live(id) => format!("+{id}"),
                Change::Gone(id) => format!("-{id}"),
            })
            .collect();
        assert_eq!(next, ["+a", "+c", "-b"]);
    }

    #[test]
    fn tokens_belong_to_their_scope_and_generation() {
        let mut t = Tracker::default();
        let tok = t.token(SKIP_MAGIC, "s", &[1, 2, 3]);
        assert_eq!(t.read_token(&tok, SKIP_MAGIC, "s", 3), Some(vec![1, 2, 3]));
        assert_eq!(t.read_token(&tok, SKIP_MAGIC, "other", 3), None);
        assert_eq!(t.read_token(&tok, DELTA_MAGIC, "s", 1), None);
        assert_eq!(t.read_token("garbage", SKIP_MAGIC, "s", 3), None);
        t.expire();
        assert_eq!(t.read_token(&tok, SKIP_MAGIC, "s", 3), None);
    }
}
