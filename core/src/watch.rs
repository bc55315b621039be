//! The group-mail watcher as a sans-IO state machine: "when a new email arrives in a group",
//! every new post handed out once with its thread and conversation. A transport runs it:
//!
//! ```text
//! let mut watch = GroupMailWatch::new(&ep, group_id, interval)?      // or ::resume(.., saved)
//! loop {
//!     let step = match send(watch.request()?) {                       // with the retry policy
//!         Ok(response) => watch.absorb(&response)?,
//!         Err(transport_error) => watch.failed(transport_error)?,
//!     };
//!     hand out step.posts; store watch.state(); sleep(step.wait)
//! }
//! ```
//!
//! Graph has no delta for group conversations, so the watcher polls, with as few requests as Graph
//! allows: a round is one `GET /groups/{id}/threads?$filter=lastDeliveredDateTime ge {floor}` (with
//! `$select`), which is all a quiet round costs, and one `GET .../threads/{id}/posts` per thread
//! that may hold a post not yet handed out.
//!
//! What makes it exact:
//! - Every time it compares is the server's: the `Date` of Graph's answers and the posts' own
//!   timestamps, never the caller's clock (which may be off by minutes).
//! - Timestamps have whole seconds, so several posts share one. What a thread's posts listing
//!   held is complete only for the seconds before the answer's `Date`; a thread delivered since
//!   then, or within [`MARGIN_SECS`] of it (clocks of Exchange's servers differ, and a post may
//!   show a moment after its stamp), has its posts read again, and the posts of those last
//!   seconds already handed out are remembered by id, so none is handed out twice.
//! - The state ([`GroupMailWatch::state`]) holds the floor (every post received before it was
//!   handed out), the threads delivered since, and those ids: a caller that stores it after
//!   handling a step's posts resumes without losing or repeating one. Killed between handing out
//!   posts and storing the state, it hands them out again on resume (at least once; the post ids
//!   tell them apart).
//! - A new watch starts from the server's time of its first answer: posts received before it
//!   are not new.
//! - Throttling (429), 503/504 and unreadable answers are retried after `Retry-After` or a
//!   backoff, from where the round was; a thread deleted meanwhile (404) is skipped. The machine
//!   always says how long to wait: the interval between rounds, never zero between rounds.

use crate::datetime::{format_utc, parse_epoch};
use crate::decode::checked::check;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::http::{Request, Response};
use crate::model::schema::{HasSchema, Schema};
use crate::model::{ConversationThread, GroupMail, Post};
use crate::odata::{next_page_request, Query};
use crate::ops::{ListGroupThreads, ListPosts, Operation};
use crate::retry::Policy;
use crate::OpKind;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::time::Duration;

/// How often the Logic Apps trigger polls, and the default here.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(60);
/// The shortest interval accepted: a watcher never busy-loops.
pub const MIN_INTERVAL: Duration = Duration::from_millis(50);
/// How far back each round looks beyond what it has seen complete: for the clocks of Exchange's
/// servers, which differ by a little, and for a post that shows a moment after its stamp.
pub const MARGIN_SECS: i64 = 15;
/// Failed requests in a row (throttled, unavailable, unreadable, no connection) after which the
/// watch gives up and returns the error; its state stays good to resume from.
pub const MAX_FAILURES: u32 = 8;
/// When an answer has no `Date` (a browser hides it unless CORS exposes it), the caller's clock
/// stands in, this much earlier to allow for its being fast.
const CLOCK_DOUBT_SECS: i64 = 300;

/// `o365kit-watch/1 {group} {floor | -} [t:{delivered}:{complete_before}:{thread} [p:{post}]...]...`
const STATE_TAG: &str = "o365kit-watch/1";
/// The thread properties a round asks for: what the handed-out thread carries.
const THREAD_FIELDS: &[&str] = &["id", "topic", "lastDeliveredDateTime", "hasAttachments", "preview", "uniqueSenders"];

/// What one answer meant for the watch.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchStep {
    /// New posts, in the order they arrived: hand them out, then store [`GroupMailWatch::state`].
    /// Each is a [`GroupMail`] as JSON (`{conversation, thread, post}`, the thread and the post
    /// as Graph sent them, checked against their models): what the npm and Python packages hand
    /// out as it is; [`WatchStep::mails`] reads them as `GroupMail`s. (The machine keeps to JSON
    /// so that the npm package carries no typed decoder for it: 8 KB gzip.)
    pub posts: Vec<Value>,
    /// How long to wait before sending [`GroupMailWatch::request`]: zero inside a round, the
    /// interval after one, a `Retry-After` or backoff after a failure.
    pub wait: Duration,
    /// The round is over: every post delivered until it began has been handed out.
    pub caught_up: bool,
}

impl WatchStep {
    /// The new posts as typed [`GroupMail`]s.
    pub fn mails(&self) -> Result<Vec<GroupMail>, Error> {
        self.posts
            .iter()
            .map(|m| serde_json::from_value(m.clone()).map_err(|e| Error::decode("GroupMail", "", e)))
            .collect()
    }
}

/// A listed thread: what the watch compares, and the thread as Graph sent it.
#[derive(Debug, Clone, PartialEq)]
struct Thread {
    id: String,
    /// Its `lastDeliveredDateTime`.
    delivered: Option<i64>,
    json: Value,
}

/// A post read: what the watch compares, and the post as Graph sent it.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    id: Option<String>,
    /// Its `receivedDateTime`, else its `createdDateTime`.
    received: Option<i64>,
    json: Value,
}

/// A thread delivered since the floor, as last read.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    id: String,
    /// Its `lastDeliveredDateTime` when its posts were read.
    delivered: i64,
    /// The `Date` of that read: its posts listing was complete for the seconds before.
    complete_before: i64,
    /// Posts received from `complete_before - MARGIN_SECS` on that were handed out.
    posts: Vec<String>,
}

/// Where a round is. Not stored: a resumed watch starts its round again, which repeats nothing
/// since each thread's reading is committed to `threads` as it completes.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    /// A new watch: one answer tells the server's time, from which posts are new.
    Start,
    /// Listing the threads delivered since the floor.
    List { link: Option<String>, now: Option<i64>, listed: Vec<Thread> },
    /// Reading the posts of the threads that may have new ones, the first in `queue` now.
    Posts { now: i64, queue: VecDeque<Thread>, link: Option<String>, read_at: Option<i64>, posts: Vec<Item> },
}

/// The watcher of one group's conversations.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMailWatch {
    endpoint: Endpoint,
    group_id: String,
    interval: Duration,
    policy: Policy,
    /// Every post received before this instant (server time, seconds) was handed out or came
    /// before the watch started; `None` until the first answer.
    floor: Option<i64>,
    threads: Vec<Seen>,
    phase: Phase,
    failures: u32,
}

impl GroupMailWatch {
    /// A new watch of `group_id`, a round every `interval` (at least [`MIN_INTERVAL`]). Posts
    /// received from its first answer on are new.
    pub fn new(endpoint: &Endpoint, group_id: &str, interval: Duration) -> Result<GroupMailWatch, Error> {
        if interval < MIN_INTERVAL {
            return Err(Error::invalid("interval", format!("must be at least {} ms", MIN_INTERVAL.as_millis() as u64)));
        }
        // Checks the id (empty, control characters...) before any request exists.
        ListGroupThreads { group_id: group_id.to_string(), query: Query::new() }.request(endpoint)?;
        Ok(GroupMailWatch {
            endpoint: endpoint.clone(),
            group_id: group_id.to_string(),
            interval,
            policy: Policy::default(),
            floor: None,
            threads: Vec::new(),
            phase: Phase::Start,
            failures: 0,
        })
    }

    /// A watch resumed from a state stored by [`GroupMailWatch::state`] (of the same group).
    pub fn resume(
        endpoint: &Endpoint,
        group_id: &str,
        interval: Duration,
        state: &str,
    ) -> Result<GroupMailWatch, Error> {
        let mut watch = GroupMailWatch::new(endpoint, group_id, interval)?;
        let bad = || Error::invalid("state", "is not a group-mail watch state saved by o365kit");
        let mut words = state.split_whitespace();
        if words.next() != Some(STATE_TAG) {
            return Err(bad());
        }
        let group = words.next().map(unescape).ok_or_else(bad)?;
        if group != group_id {
            return Err(Error::invalid("state", format!("was saved by the watch of another group ({group})")));
        }
        watch.floor = match words.next().ok_or_else(bad)? {
            "-" => None,
            n => Some(n.parse().map_err(|_| bad())?),
        };
        for word in words {
            if let Some(rest) = word.strip_prefix("t:") {
                let mut parts = rest.splitn(3, ':');
                let mut num = || parts.next().and_then(|n| n.parse::<i64>().ok()).ok_or_else(bad);
                let (delivered, complete_before) = (num()?, num()?);
                let id = parts.next().filter(|id| !id.is_empty()).map(unescape).ok_or_else(bad)?;
                watch.threads.push(Seen { id, delivered, complete_before, posts: Vec::new() });
            } else if let Some(post) = word.strip_prefix("p:").filter(|p| !p.is_empty()) {
                watch.threads.last_mut().ok_or_else(bad)?.posts.push(unescape(post));
            } else {
                return Err(bad());
            }
        }
        if watch.floor.is_none() && !watch.threads.is_empty() {
            return Err(bad());
        }
        if watch.floor.is_some() {
            watch.phase = Phase::List { link: None, now: None, listed: Vec::new() };
        }
        Ok(watch)
    }

    /// The retry policy whose backoff spaces requests after a failure (the transport's own).
    pub fn with_policy(mut self, policy: Policy) -> GroupMailWatch {
        self.policy = policy;
        self
    }

    /// The opaque state to store after handing out a step's posts: one line of text.
    pub fn state(&self) -> String {
        let mut s = format!("{STATE_TAG} {}", escape(&self.group_id));
        match self.floor {
            Some(f) => s.push_str(&format!(" {f}")),
            None => s.push_str(" -"),
        }
        for t in &self.threads {
            s.push_str(&format!(" t:{}:{}:{}", t.delivered, t.complete_before, escape(&t.id)));
            for p in &t.posts {
                s.push_str(" p:");
                s.push_str(&escape(p));
            }
        }
        s
    }

    /// Whether the watch has yet to learn the server's time (its first answer).
    pub fn is_starting(&self) -> bool {
        self.floor.is_none()
    }

    /// The group watched.
    pub fn group_id(&self) -> &str {
        &self.group_id
    }

    /// The interval between rounds.
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// The request to send now (after the wait the last step gave).
    pub fn request(&self) -> Result<Request, Error> {
        match &self.phase {
            Phase::Start => self.list_threads(Query::new().top(1).select(["id"])),
            Phase::List { link, .. } => {
                let first = self.list_threads(self.round_query()?)?;
                match link {
                    None => Ok(first),
                    Some(link) => next_page_request(&self.endpoint, &first, link),
                }
            }
            Phase::Posts { queue, link, .. } => {
                let thread = queue.front().ok_or_else(|| Error::invalid("watch", "has no thread to read"))?;
                let first = self.list_posts(thread).request(&self.endpoint)?;
                match link {
                    None => Ok(first),
                    Some(link) => next_page_request(&self.endpoint, &first, link),
                }
            }
        }
    }

    /// Reads the answer to [`GroupMailWatch::request`] (after the transport's own retries).
    pub fn absorb(&mut self, res: &Response) -> Result<WatchStep, Error> {
        if !res.is_success() {
            let err = Error::from_response(res);
            if matches!(res.status, 429 | 500 | 502 | 503 | 504) {
                let after = match &err {
                    Error::Api(a) => a.retry_after,
                    _ => None,
                };
                return self.retry(err, after);
            }
            if res.status == 404 && matches!(self.phase, Phase::Posts { .. }) {
                // The thread was deleted since it was listed: nothing of it is left to hand out.
                self.failures = 0;
                if let Phase::Posts { queue, .. } = &self.phase {
                    if let Some(gone) = queue.front().map(|t| t.id.clone()) {
                        self.threads.retain(|t| t.id != gone);
                    }
                }
                return Ok(self.next_thread(Vec::new()));
            }
            return Err(err);
        }
        let now = server_time(res);
        // A clone, so that an error leaves the round where it was.
        match self.phase.clone() {
            Phase::Start => {
                let Some(now) = now else {
                    return self.retry(no_clock(), None);
                };
                self.failures = 0;
                self.floor = Some(now);
                self.phase = Phase::List { link: None, now: None, listed: Vec::new() };
                Ok(WatchStep { posts: Vec::new(), wait: self.interval, caught_up: true })
            }
            Phase::List { now: round_now, mut listed, .. } => {
                let (items, next_link) = match self.read_page(ConversationThread::table(), res) {
                    Ok(page) => page,
                    Err(e) => return self.unreadable(e),
                };
                let page_threads: Result<Vec<Thread>, Error> = items.into_iter().map(Thread::new).collect();
                let round_now = match round_now.or(now) {
                    Some(n) => n,
                    None => return self.retry(no_clock(), None),
                };
                self.failures = 0;
                listed.extend(page_threads?);
                if let Some(next) = next_link {
                    self.endpoint.check_link(&next)?;
                    self.phase = Phase::List { link: Some(next), now: Some(round_now), listed };
                    return Ok(WatchStep { posts: Vec::new(), wait: Duration::ZERO, caught_up: false });
                }
                // Oldest delivery first, so that posts come out in the order they arrived (Graph
                // lists threads newest first, and the later-created first among equal times).
                listed.reverse();
                listed.sort_by_key(|t| t.delivered.unwrap_or(i64::MAX));
                // Paging by offset while mail arrives can list a thread twice (it moved to the
                // top between two pages): it is read once, at its newest.
                let mut queue = VecDeque::new();
                for (i, t) in listed.iter().enumerate() {
                    let again_later = listed[i + 1..].iter().any(|u| u.id == t.id);
                    if !again_later && self.may_hold_new(t) {
                        queue.push_back(t.clone());
                    }
                }
                if queue.is_empty() {
                    return Ok(self.end_round(round_now, Vec::new()));
                }
                self.phase = Phase::Posts { now: round_now, queue, link: None, read_at: None, posts: Vec::new() };
                Ok(WatchStep { posts: Vec::new(), wait: Duration::ZERO, caught_up: false })
            }
            Phase::Posts { now: round_now, queue, read_at, mut posts, .. } => {
                if queue.is_empty() {
                    return Err(Error::invalid("watch", "has no thread to read"));
                }
                let (items, next_link) = match self.read_page(Post::table(), res) {
                    Ok(page) => page,
                    Err(e) => return self.unreadable(e),
                };
                self.failures = 0;
                // A listing is complete for the seconds before its first page was asked for.
                let read_at = read_at.or(now).unwrap_or(round_now);
                posts.extend(items.into_iter().map(Item::new));
                if let Some(next) = next_link {
                    self.endpoint.check_link(&next)?;
                    self.phase =
                        Phase::Posts { now: round_now, queue, link: Some(next), read_at: Some(read_at), posts };
                    return Ok(WatchStep { posts: Vec::new(), wait: Duration::ZERO, caught_up: false });
                }
                self.phase = Phase::Posts { now: round_now, queue, link: None, read_at: None, posts: Vec::new() };
                let new = self.take_new(posts, read_at);
                Ok(self.next_thread(new))
            }
        }
    }

    /// A request that got no answer (a dropped connection, a timeout): sent again after a
    /// backoff, up to [`MAX_FAILURES`] in a row. Any other error is returned as it is.
    pub fn failed(&mut self, err: Error) -> Result<WatchStep, Error> {
        match err {
            Error::Transport(_) => self.retry(err, None),
            other => Err(other),
        }
    }

    fn retry(&mut self, err: Error, after: Option<Duration>) -> Result<WatchStep, Error> {
        self.failures += 1;
        if self.failures >= MAX_FAILURES {
            self.failures = 0;
            return Err(err);
        }
        let wait = after.unwrap_or_else(|| self.policy.backoff(self.failures, &self.group_id));
        Ok(WatchStep { posts: Vec::new(), wait: wait.max(MIN_INTERVAL), caught_up: false })
    }

    fn unreadable(&mut self, e: Error) -> Result<WatchStep, Error> {
        match e {
            Error::Decode { .. } => self.retry(e, None),
            other => Err(other),
        }
    }

    fn list_threads(&self, query: Query) -> Result<Request, Error> {
        ListGroupThreads { group_id: self.group_id.clone(), query }.request(&self.endpoint)
    }

    fn list_posts(&self, thread: &Thread) -> ListPosts {
        ListPosts { group_id: self.group_id.clone(), thread_id: thread.id.clone(), query: Query::new() }
    }

    /// A page's items, checked against their model, and its next link.
    fn read_page(&self, table: &'static Schema, res: &Response) -> Result<(Vec<Value>, Option<String>), Error> {
        let body = check(&self.endpoint, table.name, OpKind::List, table, res.clone())?;
        let mut page: Map<String, Value> =
            crate::decode::text::value(&body.json).map_err(|e| Error::decode(table.name, "", e))?;
        let items = match page.remove("value") {
            Some(Value::Array(items)) => items,
            _ => return Err(Error::decode(table.name, "value", "not a list")),
        };
        Ok((items, body.next_link))
    }

    fn round_query(&self) -> Result<Query, Error> {
        let floor = self.floor.ok_or_else(|| Error::invalid("watch", "has not started"))?;
        Ok(Query::new()
            .filter(format!("lastDeliveredDateTime ge {}", format_utc(floor)))
            .select(THREAD_FIELDS.iter().copied()))
    }

    /// Whether a listed thread may hold a post not handed out: one never read, one delivered
    /// since it was read, or one whose reading may have missed a post of its last seconds.
    fn may_hold_new(&self, t: &Thread) -> bool {
        let Some(seen) = self.threads.iter().find(|s| s.id == t.id) else { return true };
        match t.delivered {
            Some(delivered) => delivered > seen.delivered || delivered >= seen.complete_before - MARGIN_SECS,
            None => true,
        }
    }

    /// The posts of the thread in front of the queue, read at `read_at`: those not handed out
    /// yet, oldest first; the thread's reading is committed.
    fn take_new(&mut self, mut posts: Vec<Item>, read_at: i64) -> Vec<Value> {
        let Phase::Posts { queue, .. } = &self.phase else { return Vec::new() };
        let Some(thread) = queue.front().cloned() else { return Vec::new() };
        let tid = thread.id.clone();
        let floor = self.floor.unwrap_or(i64::MIN);
        let at = self.threads.iter().position(|s| s.id == tid);
        let (lower, handed) = match at {
            Some(i) => (floor.max(self.threads[i].complete_before - MARGIN_SECS), self.threads[i].posts.clone()),
            None => (floor, Vec::new()),
        };
        posts.sort_by_key(|p| p.received.unwrap_or(i64::MAX));
        let mut delivered = thread.delivered.unwrap_or(i64::MIN);
        let mut recent = Vec::new();
        let mut new = Vec::new();
        for post in posts {
            let (Some(id), r) = (post.id.clone(), post.received) else { continue };
            delivered = delivered.max(r.unwrap_or(i64::MIN));
            // A post without a timestamp is kept by id for as long as its thread is tracked.
            if r.map_or(true, |r| r >= read_at - MARGIN_SECS) {
                recent.push(id.clone());
            }
            if r.map_or(true, |r| r >= lower) && !handed.contains(&id) {
                // The conversation: its id (the post's) and topic (the thread's), as Graph has them.
                let mut conversation = Map::new();
                for (key, from) in [("id", post.json.get("conversationId")), ("topic", thread.json.get("topic"))] {
                    if let Some(v) = from.filter(|v| !v.is_null()) {
                        conversation.insert(key.into(), v.clone());
                    }
                }
                let mut mail = Map::new();
                mail.insert("conversation".into(), Value::Object(conversation));
                mail.insert("thread".into(), thread.json.clone());
                mail.insert("post".into(), post.json);
                new.push(Value::Object(mail));
            }
        }
        let seen = Seen { id: tid, delivered, complete_before: read_at, posts: recent };
        match at {
            Some(i) => self.threads[i] = seen,
            None => self.threads.push(seen),
        }
        new
    }

    /// On to the next thread to read, or the end of the round.
    fn next_thread(&mut self, posts: Vec<Value>) -> WatchStep {
        let now = match &mut self.phase {
            Phase::Posts { now, queue, link, read_at, posts } => {
                queue.pop_front();
                if !queue.is_empty() {
                    (*link, *read_at) = (None, None);
                    posts.clear();
                    None
                } else {
                    Some(*now)
                }
            }
            _ => None,
        };
        match now {
            Some(now) => self.end_round(now, posts),
            None => WatchStep { posts, wait: Duration::ZERO, caught_up: false },
        }
    }

    /// Every thread delivered before the round began was read: the floor moves up to then, less
    /// the margin, and threads delivered before it are forgotten.
    fn end_round(&mut self, now: i64, posts: Vec<Value>) -> WatchStep {
        let floor = self.floor.unwrap_or(i64::MIN).max(now - MARGIN_SECS);
        self.floor = Some(floor);
        self.threads.retain(|t| t.delivered >= floor);
        self.phase = Phase::List { link: None, now: None, listed: Vec::new() };
        WatchStep { posts, wait: self.interval, caught_up: true }
    }
}

impl Thread {
    fn new(json: Value) -> Result<Thread, Error> {
        let id = json.get("id").and_then(Value::as_str).map(str::to_string);
        let id = id.ok_or_else(|| Error::decode("ConversationThread", "id", "a thread without id"))?;
        Ok(Thread { id, delivered: stamp(&json, "lastDeliveredDateTime"), json })
    }
}

impl Item {
    fn new(json: Value) -> Item {
        let id = json.get("id").and_then(Value::as_str).map(str::to_string);
        let received = stamp(&json, "receivedDateTime").or_else(|| stamp(&json, "createdDateTime"));
        Item { id, received, json }
    }
}

fn stamp(json: &Value, key: &str) -> Option<i64> {
    json.get(key).and_then(Value::as_str).and_then(parse_epoch)
}

/// The server's time of an answer (its `Date`), else the caller's clock, made earlier for doubt.
fn server_time(res: &Response) -> Option<i64> {
    let at = |t: std::time::SystemTime| t.duration_since(std::time::UNIX_EPOCH).ok().map(|d| d.as_secs() as i64);
    if let Some(date) = res.header("date").and_then(|d| crate::datetime::http_date(d.trim())) {
        return Some(date);
    }
    crate::clock::now().and_then(at).map(|now| now - CLOCK_DOUBT_SECS)
}

fn no_clock() -> Error {
    Error::decode("response", "Date", "an answer without a Date header, and no clock to stand in")
}

/// Ids in the state are single words: `%` and whitespace are percent-encoded.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '%' || c.is_whitespace() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: &str = "g1";
    const T0: i64 = 1_795_903_200; // 2026-11-28T22:00:00Z

    fn at(secs: i64, status: u16, body: &str) -> Response {
        let date = httpdate::fmt_http_date(std::time::UNIX_EPOCH + Duration::from_secs(secs as u64));
        Response::new(status, vec![("Date".into(), date)], body.as_bytes().to_vec())
    }

    fn threads(list: &[(&str, i64)]) -> String {
        let items: Vec<String> = list
            .iter()
            .map(|(id, t)| {
                format!(r#"{{"id": "{id}", "topic": "Topic {id}", "lastDeliveredDateTime": "{}"}}"#, format_utc(*t))
            })
            .collect();
        format!(r#"{{"value": [{}]}}"#, items.join(","))
    }

    fn posts(list: &[(&str, i64)]) -> String {
        let items: Vec<String> = list
            .iter()
            .map(|(id, t)| {
                format!(r#"{{"id": "{id}", "conversationId": "c1", "receivedDateTime": "{}"}}"#, format_utc(*t))
            })
            .collect();
        format!(r#"{{"value": [{}]}}"#, items.join(","))
    }

    fn ids(step: &WatchStep) -> Vec<String> {
        step.mails().unwrap().iter().map(|m| m.post.as_ref().and_then(|p| p.id.clone()).unwrap_or_default()).collect()
    }

    fn started() -> GroupMailWatch {
        let ep = Endpoint::default();
        let mut w = GroupMailWatch::new(&ep, G, Duration::from_secs(60)).unwrap();
        let req = w.request().unwrap();
        assert_eq!(req.url, "https://graph.microsoft.com/v1.0/groups/g1/threads?$select=id&$top=1");
        let step = w.absorb(&at(T0, 200, r#"{"value": []}"#)).unwrap();
        assert_eq!((step.posts.len(), step.wait, step.caught_up), (0, Duration::from_secs(60), true));
        w
    }

    #[test]
    fn a_quiet_round_is_one_request_filtered_on_the_servers_time() {
        let mut w = started();
        let req = w.request().unwrap();
        assert!(req.url.contains("$filter=lastDeliveredDateTime%20ge%202026-11-28T22:00:00Z"), "{}", req.url);
        assert!(req.url.contains("$select=id,topic,lastDeliveredDateTime"), "{}", req.url);
        let step = w.absorb(&at(T0 + 60, 200, r#"{"value": []}"#)).unwrap();
        assert_eq!((step.posts.len(), step.wait, step.caught_up), (0, Duration::from_secs(60), true));
        // The floor moved to the round's server time, less the margin.
        assert!(w.request().unwrap().url.contains(&format_utc(T0 + 60 - MARGIN_SECS)));
    }

    #[test]
    fn posts_of_one_second_are_handed_out_once_each() {
        let mut w = started();
        // Round 1: a thread with a post from before the watch and two new ones in one second.
        w.absorb(&at(T0 + 30, 200, &threads(&[("t1", T0 + 30)]))).unwrap();
        assert_eq!(w.request().unwrap().url, "https://graph.microsoft.com/v1.0/groups/g1/threads/t1/posts");
        let step = w.absorb(&at(T0 + 30, 200, &posts(&[("old", T0 - 5), ("a", T0 + 30), ("b", T0 + 30)]))).unwrap();
        assert_eq!(ids(&step), ["a", "b"]);
        assert!(step.caught_up);
        let mail = &step.mails().unwrap()[0];
        assert_eq!(mail.conversation.as_ref().unwrap().id.as_deref(), Some("c1"));
        assert_eq!(mail.conversation.as_ref().unwrap().topic.as_deref(), Some("Topic t1"));
        assert_eq!(mail.thread.as_ref().unwrap().id.as_deref(), Some("t1"));

        // Round 2: a third post of that second came after the reading; the thread is read again
        // (delivered within the margin of its last reading) and only "c" is new.
        let saved = w.state();
        w.absorb(&at(T0 + 120, 200, &threads(&[("t1", T0 + 30)]))).unwrap();
        let step = w
            .absorb(&at(T0 + 121, 200, &posts(&[("old", T0 - 5), ("a", T0 + 30), ("b", T0 + 30), ("c", T0 + 30)])))
            .unwrap();
        assert_eq!(ids(&step), ["c"]);

        // The same from the state saved before round 2: nothing lost, nothing repeated.
        let mut resumed = GroupMailWatch::resume(&Endpoint::default(), G, Duration::from_secs(60), &saved).unwrap();
        resumed.absorb(&at(T0 + 120, 200, &threads(&[("t1", T0 + 30)]))).unwrap();
        let step = resumed
            .absorb(&at(T0 + 121, 200, &posts(&[("old", T0 - 5), ("a", T0 + 30), ("b", T0 + 30), ("c", T0 + 30)])))
            .unwrap();
        assert_eq!(ids(&step), ["c"]);
        assert_eq!(resumed.state(), w.state());

        // Round 3: quiet (Graph lists no thread delivered since the floor): one request.
        assert!(w.request().unwrap().url.contains(&format_utc(T0 + 120 - MARGIN_SECS)));
        let step = w.absorb(&at(T0 + 180, 200, r#"{"value": []}"#)).unwrap();
        assert!(step.caught_up && step.posts.is_empty());
        assert!(!w.state().contains("t:"), "threads before the floor are forgotten: {}", w.state());
        // Round 4: a reply arrives; the thread is read again and only the reply is new.
        w.absorb(&at(T0 + 240, 200, &threads(&[("t1", T0 + 200)]))).unwrap();
        let all = [("old", T0 - 5), ("a", T0 + 30), ("b", T0 + 30), ("c", T0 + 30), ("d", T0 + 200)];
        let step = w.absorb(&at(T0 + 241, 200, &posts(&all))).unwrap();
        assert_eq!(ids(&step), ["d"]);
    }

    #[test]
    fn throttling_faults_and_deleted_threads() {
        let mut w = started();
        let first = w.request().unwrap();
        let throttled = Response::new(
            429,
            vec![("Retry-After".into(), "7".into())],
            br#"{"error": {"code": "TooManyRequests", "message": "slow down"}}"#.to_vec(),
        );
        let step = w.absorb(&throttled).unwrap();
        assert_eq!((step.wait, step.caught_up), (Duration::from_secs(7), false));
        assert_eq!(w.request().unwrap(), first, "the same request again");
        let step = w.failed(Error::Transport("connection reset".into())).unwrap();
        assert!(step.wait >= MIN_INTERVAL);
        let cut = at(T0 + 60, 200, r#"{"value": [{"id": "t1", "top"#);
        assert!(w.absorb(&cut).unwrap().posts.is_empty());
        assert_eq!(w.request().unwrap(), first);

        w.absorb(&at(T0 + 60, 200, &threads(&[("gone", T0 + 10), ("t2", T0 + 20)]))).unwrap();
        let missing = at(
            T0 + 61,
            404,
            r#"{"error": {"code": "ErrorItemNotFound", "message": "The specified object was not found in the store."}}"#,
        );
        let step = w.absorb(&missing).unwrap();
        assert!(!step.caught_up && step.posts.is_empty());
        assert!(w.request().unwrap().url.ends_with("/threads/t2/posts"));
        let step = w.absorb(&at(T0 + 62, 200, &posts(&[("x", T0 + 20)]))).unwrap();
        assert_eq!(ids(&step), ["x"]);
        assert!(step.caught_up);

        // A thread listed twice (it moved to the top between two pages) is read once.
        let page1 = r#"{"value": [{"id": "t3", "lastDeliveredDateTime": "2026-11-28T22:01:00Z"}],
                        "@odata.nextLink": "https://graph.microsoft.com/v1.0/groups/g1/threads?$skip=1"}"#;
        assert!(!w.absorb(&at(T0 + 70, 200, page1)).unwrap().caught_up);
        assert!(w.request().unwrap().url.ends_with("$skip=1"));
        w.absorb(&at(T0 + 70, 200, &threads(&[("t3", T0 + 65)]))).unwrap();
        assert!(w.request().unwrap().url.ends_with("/threads/t3/posts"));
        let step = w.absorb(&at(T0 + 71, 200, &posts(&[("y", T0 + 60), ("z", T0 + 65)]))).unwrap();
        assert_eq!((ids(&step), step.caught_up), (vec!["y".to_string(), "z".to_string()], true));

        let denied = at(T0, 403, r#"{"error": {"code": "ErrorAccessDenied", "message": "no"}}"#);
        assert!(matches!(w.absorb(&denied), Err(Error::Api(a)) if a.status == 403));
        assert!(matches!(w.failed(Error::invalid("x", "y")), Err(Error::InvalidInput { .. })));
    }

    #[test]
    fn gives_up_after_failures_in_a_row_and_never_waits_zero_between_rounds() {
        let mut w = started();
        let unavailable = at(T0, 503, r#"{"error": {"code": "serviceNotAvailable", "message": "later"}}"#);
        for _ in 1..MAX_FAILURES {
            assert!(w.absorb(&unavailable).unwrap().wait >= MIN_INTERVAL);
        }
        assert!(matches!(w.absorb(&unavailable), Err(Error::Api(a)) if a.status == 503));
        assert!(matches!(
            GroupMailWatch::new(&Endpoint::default(), G, Duration::ZERO),
            Err(Error::InvalidInput { param, .. }) if param == "interval"
        ));
        assert!(matches!(
            GroupMailWatch::new(&Endpoint::default(), "", Duration::from_secs(1)),
            Err(Error::InvalidInput { .. })
        ));
    }

    #[test]
    fn states_resume_only_their_own_watch() {
        let ep = Endpoint::default();
        let iv = Duration::from_secs(60);
        let fresh = GroupMailWatch::new(&ep, "a b%", iv).unwrap();
        assert_eq!(fresh.state(), "o365kit-watch/1 a%20b%25 -");
        assert_eq!(GroupMailWatch::resume(&ep, "a b%", iv, &fresh.state()).unwrap(), fresh);
        let w = started();
        let err = GroupMailWatch::resume(&ep, "other", iv, &w.state()).unwrap_err();
        assert!(matches!(err, Error::InvalidInput { param, .. } if param == "state"));
        for junk in [
            "",
            "o365kit-watch/1",
            "o365kit-watch/1 g1",
            "o365kit-watch/1 g1 x",
            "o365kit-watch/1 g1 5 p:orphan",
            "o365kit-watch/1 g1 5 t:1:x:t1",
            "o365kit-watch/1 g1 5 t:1:2:",
            "o365kit-watch/1 g1 - t:1:2:t1",
            "o365kit-watch/1 g1 5 what",
            "o365kit-sync/1 done x",
        ] {
            let err = GroupMailWatch::resume(&ep, G, iv, junk).unwrap_err();
            assert!(matches!(err, Error::InvalidInput { ref param, .. } if param == "state"), "{junk}: {err:?}");
        }
    }
}
