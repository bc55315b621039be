//! What js/core.js runs: a call, one step of a sync, or an upload, each a core machine behind one
//! small interface. `step()` says what to do next: send a request (`fetch`), wait (`setTimeout`),
//! read a range of the caller's bytes, report progress, or take the result; `feed`, `fail` and
//! `chunk` hand back what that gave. JS decides nothing, and the wasm holds no futures.

use crate::{error_to_js, new_guid, object, read_changes, Prepared};
use js_sys::{Array, Uint8Array};
use o365kit::exchange::{Exchange, Next};
use o365kit::model::schema::Schema;
use o365kit::Batch;
use o365kit::{DeltaSync, Endpoint, Error, Policy, Request, Response, Upload};
use std::time::Duration;
use wasm_bindgen::prelude::*;

pub(crate) enum Job {
    Call(Prepared),
    Sync {
        sync: DeltaSync,
        table: &'static Schema,
        what: &'static str,
    },
    Upload {
        up: Upload,
        sending: Option<Request>,
        reported: u64,
    },
    /// Done at every step: `{ posts, waitMs, caughtUp, state }`; JS waits, then steps on.
    Watch(o365kit::watch::GroupMailWatch),
    /// The `$batch` POSTs not sent yet (last first) and each call, to read its answer.
    Batch {
        batch: Batch,
        calls: Vec<Prepared>,
        queue: Vec<Request>,
    },
}

#[wasm_bindgen]
pub struct Machine {
    job: Job,
    endpoint: Endpoint,
    policy: Policy,
    /// The retries and redirects of the request in flight (calls and syncs).
    exchange: Option<Exchange>,
    wait: Option<Duration>,
    done: Option<JsValue>,
}

impl Machine {
    pub(crate) fn new(job: Job, endpoint: Endpoint, policy: Policy) -> Result<Machine, JsValue> {
        let mut job = job;
        let first = match &mut job {
            Job::Call(p) => Some(p.request.clone()),
            Job::Sync { sync, .. } => Some(sync.request().map_err(error_to_js)?),
            Job::Upload { .. } | Job::Watch(_) => None,
            Job::Batch { batch, queue, .. } => {
                *queue = batch.requests().map_err(error_to_js)?;
                queue.reverse();
                queue.pop()
            }
        };
        let exchange = first.map(|req| Exchange::new(req, policy.clone(), &new_guid()));
        let mut m = Machine { job, endpoint, policy, exchange, wait: None, done: None };
        if m.exchange.is_none() {
            if let Job::Batch { batch, calls, .. } = &m.job {
                m.done = Some(answers(batch, calls, &m.endpoint));
            }
        }
        Ok(m)
    }

    fn absorb(&mut self, outcome: Result<Response, Error>) -> Result<(), JsValue> {
        if let Job::Watch(watch) = &mut self.job {
            let step = match outcome {
                Ok(res) => watch.absorb(&res),
                Err(e) => watch.failed(e),
            }
            .map_err(error_to_js)?;
            let posts = serde_json::to_vec(&step.posts).map_err(|e| error_to_js(Error::decode("GroupMail", "", e)))?;
            self.done = Some(object(&[
                ("posts", crate::json_parse(&posts)?),
                ("waitMs", (step.wait.as_secs_f64() * 1000.0).into()),
                ("caughtUp", step.caught_up.into()),
                ("state", watch.state().into()),
            ]));
            return Ok(());
        }
        if let Job::Upload { up, sending, .. } = &mut self.job {
            *sending = None;
            return match outcome {
                Ok(res) => up.absorb(res),
                Err(e) => up.failed(e),
            }
            .map_err(error_to_js);
        }
        let Some(x) = self.exchange.as_mut() else { return Ok(()) };
        let res = match x.absorb(outcome).map_err(error_to_js)? {
            Next::Send => return Ok(()),
            Next::Wait(wait) => {
                self.wait = Some(wait);
                return Ok(());
            }
            Next::Done(res) => res,
        };
        let ep = &self.endpoint;
        match &mut self.job {
            Job::Call(p) => self.done = Some(p.read(ep, res)?),
            Job::Sync { sync, table, what } => {
                let step = sync.absorb(&res, |r| read_changes(ep, what, table, r)).map_err(error_to_js)?;
                let out = match step {
                    o365kit::sync::Step::Page { page, caught_up } => object(&[
                        ("kind", "changes".into()),
                        ("changes", page),
                        ("caughtUp", caught_up.into()),
                        ("state", sync.state().into()),
                    ]),
                    o365kit::sync::Step::Resync { reason } => {
                        object(&[("kind", "resync".into()), ("reason", reason.into()), ("state", sync.state().into())])
                    }
                    o365kit::sync::Step::Retry(wait) => {
                        let again = sync.request().map_err(error_to_js)?;
                        self.exchange = Some(Exchange::new(again, self.policy.clone(), &new_guid()));
                        self.wait = Some(wait);
                        return Ok(());
                    }
                };
                self.done = Some(out);
            }
            Job::Batch { batch, calls, queue } => {
                batch.absorb(&res).map_err(error_to_js)?;
                if queue.is_empty() {
                    // Items answered 429/503 go again, after the longest Retry-After among them.
                    let Some(wait) = batch.retry(&self.policy) else {
                        self.exchange = None;
                        self.done = Some(answers(batch, calls, ep));
                        return Ok(());
                    };
                    *queue = batch.requests().map_err(error_to_js)?;
                    queue.reverse();
                    self.wait = Some(wait);
                }
                self.exchange = queue.pop().map(|req| Exchange::new(req, self.policy.clone(), &new_guid()));
            }
            Job::Upload { .. } | Job::Watch(_) => {}
        }
        Ok(())
    }
}

/// One `{ value }` or `{ error }` per call, in order, each read by its own operation.
fn answers(batch: &Batch, calls: &[Prepared], ep: &Endpoint) -> JsValue {
    let out = Array::new();
    for (i, call) in calls.iter().enumerate() {
        let read = batch.response(i).map_err(error_to_js).and_then(|res| call.read(ep, res));
        out.push(&match read {
            Ok(value) => object(&[("value", value)]),
            Err(error) => object(&[("error", error)]),
        });
    }
    out.into()
}

#[wasm_bindgen]
impl Machine {
    /// `{ k: "send", method, url, headers, body, auth }` (`auth`: add the bearer token),
    /// `{ k: "wait", ms }`, `{ k: "read", offset, length }`, `{ k: "progress", sent, total }` or
    /// `{ k: "done", value }`.
    pub fn step(&mut self) -> Result<JsValue, JsValue> {
        if let Some(value) = self.done.take() {
            return Ok(object(&[("k", "done".into()), ("value", value)]));
        }
        if let Some(wait) = self.wait.take() {
            return Ok(object(&[("k", "wait".into()), ("ms", (wait.as_secs_f64() * 1000.0).into())]));
        }
        if let Some(x) = &self.exchange {
            return Ok(send(x.request()));
        }
        if let Job::Watch(watch) = &self.job {
            return Ok(send(&watch.request().map_err(error_to_js)?));
        }
        let Job::Upload { up, sending, reported } = &mut self.job else { return Err(error_to_js(finished())) };
        if up.progress() != *reported {
            *reported = up.progress();
            return Ok(object(&[
                ("k", "progress".into()),
                ("sent", (up.progress() as f64).into()),
                ("total", (up.size() as f64).into()),
            ]));
        }
        if let Some(req) = sending {
            return Ok(send(req));
        }
        Ok(match up.step().map_err(error_to_js)? {
            o365kit::Step::Read { offset, len } => {
                object(&[("k", "read".into()), ("offset", (offset as f64).into()), ("length", (len as f64).into())])
            }
            o365kit::Step::Send(req) => {
                let out = send(&req);
                *sending = Some(req);
                out
            }
            o365kit::Step::Wait(wait) => object(&[("k", "wait".into()), ("ms", (wait.as_secs_f64() * 1000.0).into())]),
            o365kit::Step::Done => object(&[("k", "done".into()), ("value", uploaded(up)?)]),
        })
    }

    /// A watch that has yet to learn the server's time, from which posts are new.
    #[wasm_bindgen(getter)]
    pub fn starting(&self) -> bool {
        matches!(&self.job, Job::Watch(w) if w.is_starting())
    }

    /// The answer to the last `send`: its status, its headers as `name:value` lines, its body.
    pub fn feed(&mut self, status: u16, headers: &str, body: Vec<u8>) -> Result<(), JsValue> {
        let headers = headers
            .lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        self.absorb(Ok(Response { status, headers, body }))
    }

    /// The last `send` got no whole answer (fetch's own words).
    pub fn fail(&mut self, message: String) -> Result<(), JsValue> {
        self.absorb(Err(Error::Transport(message)))
    }

    /// The bytes a `read` step asked for.
    pub fn chunk(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        match &mut self.job {
            Job::Upload { up, sending, .. } => *sending = Some(up.chunk(bytes).map_err(error_to_js)?),
            _ => return Err(error_to_js(finished())),
        }
        Ok(())
    }
}

fn finished() -> Error {
    Error::invalid("machine", "has nothing to send")
}

fn send(req: &Request) -> JsValue {
    let headers = Array::new();
    for (k, v) in &req.headers {
        headers.push(&Array::of2(&k.into(), &v.into()));
    }
    let body = req.body.as_deref().map_or(JsValue::UNDEFINED, |b| Uint8Array::from(b).into());
    object(&[
        ("k", "send".into()),
        ("method", req.method.as_str().into()),
        ("url", req.url.as_str().into()),
        ("headers", headers.into()),
        ("body", body),
        ("auth", (!req.pre_authenticated).into()),
    ])
}

/// `{ kind: "driveItem" | "attachment", value }`, as Graph wrote it.
fn uploaded(up: &Upload) -> Result<JsValue, JsValue> {
    let Some(done) = up.result() else {
        return Err(error_to_js(Error::Transport("upload finished without a result".into())));
    };
    let value = serde_json::to_vec(&done.json).map_err(|e| error_to_js(Error::decode("upload result", "", e)))?;
    Ok(object(&[("kind", done.kind.into()), ("value", crate::json_parse(&value)?)]))
}
