//! JSON batching (`POST /$batch`): up to 20 requests in one round trip, each answered on its own.
//! Sans-IO: [`Batch`] holds typed operations; `requests` gives the `$batch` POSTs (20 requests
//! each), `absorb` reads their answers, and `retry` says which items to send again (those answered
//! 429/503 that the retry policy would resend) and after how long. Each item's answer is parsed by
//! its own operation ([`Batch::result`]): a typed output or a typed error per item.

use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::http::{Request, Response};
use crate::ops::Operation;
use crate::retry::{Decision, Policy};
use serde_json::Value;
use std::fmt::Write;
use std::marker::PhantomData;
use std::time::Duration;

/// Graph takes at most 20 requests in one batch.
pub const MAX_REQUESTS: usize = 20;

/// One operation's place in a batch; `Batch::result` parses its answer as `O::Output`.
#[derive(Debug)]
pub struct Handle<O> {
    index: usize,
    op: O,
    _output: PhantomData<fn() -> O>,
}

impl<O> Handle<O> {
    /// The item's `id` in the batch body ("1", "2", ...).
    pub fn id(&self) -> String {
        (self.index + 1).to_string()
    }
}

struct Item {
    request: Request,
    depends_on: Vec<usize>,
    response: Option<Response>,
    attempts: u32,
}

/// Operations to send together.
pub struct Batch {
    endpoint: Endpoint,
    items: Vec<Item>,
}

impl Batch {
    pub fn new(endpoint: &Endpoint) -> Self {
        Batch { endpoint: endpoint.clone(), items: Vec::new() }
    }

    /// Adds an operation; its request is built (and its arguments checked) now.
    pub fn add<O: Operation + Clone>(&mut self, op: &O) -> Result<Handle<O>, Error> {
        self.add_after(op, &[])
    }

    /// Adds an operation that runs only after `after` succeeded (Graph's `dependsOn`; a failed
    /// dependency answers 424). Dependent items always travel in the same `$batch` request.
    pub fn add_after<O: Operation + Clone>(&mut self, op: &O, after: &[usize]) -> Result<Handle<O>, Error> {
        let index = self.add_request(op.request(&self.endpoint)?, after)?;
        Ok(Handle { index, op: op.clone(), _output: PhantomData })
    }

    /// Adds a request an operation built (bindings that hold requests rather than typed
    /// operations); its index is what `after` and [`Batch::response`] take.
    pub fn add_request(&mut self, request: Request, after: &[usize]) -> Result<usize, Error> {
        let index = self.items.len();
        if let Some(bad) = after.iter().find(|&&i| i >= index) {
            return Err(Error::invalid("depends_on", format!("item {} is not an earlier item of this batch", bad + 1)));
        }
        self.items.push(Item { request, depends_on: after.to_vec(), response: None, attempts: 0 });
        Ok(index)
    }

    /// Item `index`'s answer, for its operation to parse.
    pub fn response(&self, index: usize) -> Result<Response, Error> {
        let item = self.items.get(index).ok_or_else(|| Error::invalid("index", "not an item of this batch"))?;
        item.response.clone().ok_or_else(|| Error::Transport(format!("batch item {} has no answer", index + 1)))
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The `$batch` POSTs for every item without an answer yet, at most 20 requests each; a chain
    /// of `dependsOn` stays in one POST (a chain longer than 20 is an error).
    pub fn requests(&self) -> Result<Vec<Request>, Error> {
        let pending: Vec<usize> = (0..self.items.len()).filter(|&i| self.items[i].response.is_none()).collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &i in &pending {
            let joined = self.items[i].depends_on.iter().find_map(|d| groups.iter().position(|g| g.contains(d)));
            match joined {
                Some(g) => groups[g].push(i),
                None => match groups.last_mut() {
                    Some(last) if last.len() < MAX_REQUESTS && self.items[i].depends_on.is_empty() => last.push(i),
                    _ => groups.push(vec![i]),
                },
            }
        }
        groups
            .iter()
            .map(|g| {
                if g.len() > MAX_REQUESTS {
                    return Err(Error::invalid("depends_on", "a chain of dependent requests is longer than 20"));
                }
                // Written as text: the items' JSON bodies go in as they are, not parsed again.
                let mut body = String::from("{\"requests\":[");
                for (n, &i) in g.iter().enumerate() {
                    if n > 0 {
                        body.push(',');
                    }
                    self.wire(i, g, &mut body);
                }
                body.push_str("]}");
                let url = self.endpoint.path().seg("$batch").build();
                Ok(Request::post(url).bytes("application/json", body.into_bytes()))
            })
            .collect()
    }

    /// One item as the batch body writes it: its URL relative to the versioned base, and its
    /// dependencies within `group` (one answered earlier needs no waiting for).
    fn wire(&self, i: usize, group: &[usize], out: &mut String) {
        let item = &self.items[i];
        let base = self.endpoint.base();
        let url = item.request.url.strip_prefix(&base).unwrap_or(&item.request.url);
        let _ = write!(out, "{{\"id\":\"{}\",\"method\":\"{}\",\"url\":", i + 1, item.request.method.as_str());
        push_string(out, url);
        if let Some(body) = &item.request.body {
            out.push_str(",\"body\":");
            let json_body = item.request.header_value("content-type").is_some_and(|t| t.contains("json"));
            match std::str::from_utf8(body) {
                // The core wrote it: JSON already.
                Ok(text) if json_body => out.push_str(text),
                // Binary bodies travel base64-encoded, with their own Content-Type.
                _ => push_string(out, &crate::base64::encode(body)),
            }
        }
        if !item.request.headers.is_empty() {
            out.push_str(",\"headers\":{");
            for (n, (k, v)) in item.request.headers.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                push_string(out, k);
                out.push(':');
                push_string(out, v);
            }
            out.push('}');
        }
        let deps: Vec<String> =
            item.depends_on.iter().filter(|d| group.contains(d)).map(|d| format!("\"{}\"", d + 1)).collect();
        if !deps.is_empty() {
            let _ = write!(out, ",\"dependsOn\":[{}]", deps.join(","));
        }
        out.push('}');
    }

    /// Reads a `$batch` answer: each item's status, headers and body become its own `Response`.
    pub fn absorb(&mut self, res: &Response) -> Result<(), Error> {
        res.ensure_success()?;
        let v: Value = crate::decode::text::value(&res.body).map_err(|e| Error::decode("batch response", "", e))?;
        let answers = v
            .get("responses")
            .and_then(Value::as_array)
            .ok_or_else(|| Error::decode("batch response", "responses", "missing the \"responses\" array"))?;
        for (n, a) in answers.iter().enumerate() {
            let at = format!("responses[{n}]");
            let id =
                a.get("id").and_then(Value::as_str).ok_or_else(|| Error::decode("batch response", &at, "no id"))?;
            let index = id.parse::<usize>().ok().filter(|i| (1..=self.items.len()).contains(i));
            let index = index.ok_or_else(|| Error::decode("batch response", &at, format!("unknown id {id:?}")))? - 1;
            let status = a.get("status").and_then(Value::as_u64).and_then(|s| u16::try_from(s).ok());
            let status = status.ok_or_else(|| Error::decode("batch response", &at, "no status"))?;
            let headers: Vec<(String, String)> = a
                .get("headers")
                .and_then(Value::as_object)
                .map(|h| {
                    h.iter()
                        .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_string)))
                        .collect()
                })
                .unwrap_or_default();
            let json_body = headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("content-type") && v.contains("json"));
            let body = match a.get("body") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::String(s)) if !json_body => {
                    crate::base64::decode(s).unwrap_or_else(|_| s.clone().into_bytes())
                }
                Some(b) => serde_json::to_vec(b).map_err(|e| Error::decode("batch response", &at, e))?,
            };
            let item = &mut self.items[index];
            item.attempts += 1;
            item.response = Some(Response::new(status, headers, body));
        }
        Ok(())
    }

    /// Items the policy would send again (throttled or unavailable), cleared so that `requests`
    /// includes them, and the longest wait their `Retry-After`s ask for; `None` when all is done.
    pub fn retry(&mut self, policy: &Policy) -> Option<Duration> {
        let mut wait: Option<Duration> = None;
        for item in &mut self.items {
            let Some(res) = &item.response else { continue };
            if let Decision::Retry(after) = policy.decide(res, item.attempts, item.request.is_idempotent()) {
                wait = Some(wait.map_or(after, |w| w.max(after)));
                item.response = None;
            }
        }
        wait
    }

    /// Whether every item has its answer.
    pub fn is_done(&self) -> bool {
        self.items.iter().all(|i| i.response.is_some())
    }

    /// The item's answer, parsed by its own operation (its typed output, or its typed error).
    pub fn result<O: Operation>(&self, handle: &Handle<O>) -> Result<O::Output, Error> {
        handle.op.parse(&self.endpoint, self.response(handle.index)?)
    }
}

/// `text` as a JSON string (writing a string cannot fail).
fn push_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::to_string(text).unwrap_or_default());
}
