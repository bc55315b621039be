//! WebAssembly binding of o365kit (npm `o365kit`).
//!
//! The binding only moves bytes: the core builds every request, parses every response, decides on
//! retries, redirects and paging. This file converts JS arguments into operations and outputs and
//! errors back; it is synchronous: a call, a sync step or an upload is a `Machine` (machine.rs)
//! that js/core.js runs with the host's `fetch` and `setTimeout`. One generic `call` serves every
//! operation of the table; `js/core.js` turns the table (`operations()`) into camelCase methods.

use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use o365kit::decode::checked::{check, Checked};
use o365kit::decode::FromJson;
use o365kit::model::schema::Schema;
use o365kit::model::{Photo, Post, Recipient};
use o365kit::odata::next_page_request;
use o365kit::sync::Links;
use o365kit::{ApiVersion, Cloud, Endpoint, Error, Mailbox, OpKind, Policy, Query, Request, Response};
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: the module is single-threaded (no atomics), as TalckWasm requires.
static ALLOC: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

mod dispatch;
pub mod dts;
mod json_args;
mod machine;

use dispatch::Conv;
use json_args::{AsArg, AsModel, AsValue, Boxing};
use machine::{Job, Machine};
use o365kit::ops::route::Routing;

#[cfg(feature = "debug-panics")]
#[wasm_bindgen(start)]
pub fn start() {
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console, js_name = error)]
        fn console_error(s: &str);
    }
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
}

struct Inner {
    endpoint: Endpoint,
    policy: Policy,
}

/// The wasm half of `Client` (js/core.js wraps it; users never see it).
#[wasm_bindgen]
pub struct RawClient {
    inner: Rc<Inner>,
    /// Whose mailbox the mail operations work on; never a positional argument.
    mailbox: Mailbox,
}

#[wasm_bindgen]
impl RawClient {
    #[wasm_bindgen(constructor)]
    pub fn new(
        base_url: Option<String>,
        version: Option<String>,
        cloud: Option<String>,
        max_attempts: Option<u32>,
        mailbox: Option<String>,
    ) -> Result<RawClient, JsValue> {
        let version = match version.as_deref() {
            Some(v) => ApiVersion::parse(v).map_err(error_to_js)?,
            None => ApiVersion::V1,
        };
        let endpoint = match (base_url.as_deref(), cloud.as_deref()) {
            (Some(_), Some(_)) => {
                return Err(error_to_js(Error::invalid("base_url", "give either baseUrl or cloud, not both")))
            }
            (Some(url), None) => Endpoint::custom(url, version).map_err(error_to_js)?,
            (None, Some(c)) => Endpoint::graph(Cloud::parse(c).map_err(error_to_js)?, version),
            (None, None) => Endpoint::graph(Cloud::Global, version),
        };
        let mut policy = Policy::default();
        if let Some(n) = max_attempts {
            if n == 0 {
                return Err(error_to_js(Error::invalid("max_attempts", "must be at least 1")));
            }
            policy.max_attempts = n;
        }
        o365kit::clock::set_source(js_now);
        let mailbox = checked_mailbox(&endpoint, mailbox)?;
        Ok(RawClient { inner: Rc::new(Inner { endpoint, policy }), mailbox })
    }

    /// The same transport and token source on another mailbox (`"me"` for the signed-in user's).
    #[wasm_bindgen(js_name = withMailbox)]
    pub fn with_mailbox(&self, mailbox: String) -> Result<RawClient, JsValue> {
        let mailbox = checked_mailbox(&self.inner.endpoint, Some(mailbox))?;
        Ok(RawClient { inner: self.inner.clone(), mailbox })
    }

    /// `"me"`, the user id or principal name given, or `"groups/{id}"`.
    #[wasm_bindgen(getter, js_name = mailboxId)]
    pub fn mailbox_id(&self) -> String {
        self.mailbox.to_string()
    }

    /// The versioned base URL requests go to.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.endpoint.base()
    }

    /// Operation `name` (snake_case, as in the table) with positional `args`, checked and built
    /// before anything is sent. List operations give their first page, or the page at `next_link`.
    pub fn call(&self, name: &str, args: Array, next_link: Option<String>) -> Result<Machine, JsValue> {
        let mut call = build(name, &args, &self.mailbox, &self.inner.endpoint)?;
        if let Some(link) = next_link {
            call.request = next_page_request(&self.inner.endpoint, &call.request, &link).map_err(error_to_js)?;
        }
        self.machine(Job::Call(call))
    }

    /// Uploads `size` bytes through an upload session (Graph's object, as `create*UploadSession`
    /// resolves it) with the core's machine; done with `{ kind: "driveItem" | "attachment", value }`.
    pub fn upload(
        &self,
        session: JsValue,
        size: f64,
        chunk_size: Option<u32>,
        resume: bool,
    ) -> Result<Machine, JsValue> {
        let session = json_args::model_json::<o365kit::model::UploadSession>("session", session)?;
        if !(size.is_finite() && size >= 0.0 && size.fract() == 0.0) {
            return Err(error_to_js(Error::invalid("size", "must be a whole number of bytes")));
        }
        let up = o365kit::Upload::from_json(&session, size as u64, resume);
        let mut up = up.map_err(error_to_js)?.with_policy(self.inner.policy.clone());
        if let Some(n) = chunk_size {
            up = up.with_chunk_size(n as usize).map_err(error_to_js)?;
        }
        let reported = up.progress();
        self.machine(Job::Upload { up, sending: None, reported })
    }

    /// Delta operation `name` until its next page or announced resync, from `state` (none: a new
    /// sync): done with `{ kind: "changes", changes, caughtUp, state }` or
    /// `{ kind: "resync", reason, state }`.
    #[wasm_bindgen(js_name = syncStep)]
    pub fn sync_step(&self, name: &str, args: Array, state: Option<String>) -> Result<Machine, JsValue> {
        let ep = &self.inner.endpoint;
        let call = build(name, &args, &self.mailbox, ep)?;
        let table = match (call.kind, call.table) {
            (OpKind::Delta, Some(table)) => table(),
            _ => return Err(error_to_js(Error::invalid("operation", "is not a sync"))),
        };
        let sync = match state {
            Some(s) => o365kit::DeltaSync::resume(ep, call.request, &s).map_err(error_to_js)?,
            None => o365kit::DeltaSync::start(ep, call.request),
        };
        let sync = sync.with_policy(self.inner.policy.clone());
        self.machine(Job::Sync { sync, table, what: call.what })
    }
}

#[wasm_bindgen]
impl RawClient {
    /// Operations together in JSON batches (20 per round trip; items answered 429/503 sent again
    /// after their Retry-After): `calls` is `[[name, args, dependsOn?]]`, `dependsOn` the indexes
    /// of earlier calls. Done with one `{ value }` or `{ error }` per call, in order; a bad call
    /// throws before anything is sent.
    pub fn batch(&self, calls: Array) -> Result<Machine, JsValue> {
        let ep = &self.inner.endpoint;
        let mut batch = o365kit::Batch::new(ep);
        let mut prepared = Vec::new();
        for (i, call) in calls.iter().enumerate() {
            let call: Array = call.unchecked_into();
            let name = call.get(0).as_string().unwrap_or_default();
            let after = call.get(2);
            let after: Vec<usize> = if missing(&after) {
                Vec::new()
            } else {
                let indexes = Array::is_array(&after).then(|| Array::from(&after));
                let indexes = indexes.and_then(|a| {
                    a.iter().map(|d| d.as_f64().filter(|n| n.fract() == 0.0 && *n >= 0.0).map(|n| n as usize)).collect()
                });
                indexes.ok_or_else(|| type_error(&format!("calls[{i}].depends_on"), "must be an array of indexes"))?
            };
            let call = build(&name, &Array::from(&call.get(1)), &self.mailbox, ep)?;
            batch.add_request(call.request.clone(), &after).map_err(error_to_js)?;
            prepared.push(call);
        }
        self.machine(Job::Batch { batch, calls: prepared, queue: Vec::new() })
    }
}

#[wasm_bindgen]
impl RawClient {
    /// The group-mail watcher of `group_id`, from `state` (none: a new watch), a round every
    /// `interval_ms`: every step is done with the new posts and what to wait before the next.
    #[wasm_bindgen(js_name = watchGroupMail)]
    pub fn watch_group_mail(
        &self,
        group_id: &str,
        state: Option<String>,
        interval_ms: f64,
    ) -> Result<Machine, JsValue> {
        let interval = Duration::try_from_secs_f64(interval_ms / 1000.0)
            .map_err(|_| error_to_js(Error::invalid("interval_ms", "must be a number of milliseconds")))?;
        let ep = &self.inner.endpoint;
        let watch = match state {
            Some(s) => o365kit::watch::GroupMailWatch::resume(ep, group_id, interval, &s),
            None => o365kit::watch::GroupMailWatch::new(ep, group_id, interval),
        };
        let watch = watch.map_err(error_to_js)?.with_policy(self.inner.policy.clone());
        self.machine(Job::Watch(watch))
    }
}

impl RawClient {
    fn machine(&self, job: Job) -> Result<Machine, JsValue> {
        Machine::new(job, self.inner.endpoint.clone(), self.inner.policy.clone())
    }
}

/// The operation table as data: `[{ name, kind, output, params: [{ name, type, optional }] }]`.
#[wasm_bindgen]
pub fn operations() -> Array {
    let ops = Array::new();
    for o in o365kit::OPERATIONS {
        let params = Array::new();
        for p in o.params {
            params.push(&object(&[
                ("name", p.name.into()),
                ("type", p.ty.replace(' ', "").into()),
                ("optional", p.is_optional().into()),
            ]));
        }
        ops.push(&object(&[
            ("name", o.name.into()),
            ("kind", dts::kind_name(o.kind).into()),
            ("output", o.output.replace(' ', "").into()),
            ("mailbox", o.mailbox.into()),
            ("params", params.into()),
        ]));
    }
    ops
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

// ---------------------------------------------------------------- dispatch over the table

/// One operation, ready to send: the request the core built, and what its output is checked
/// against (no reader per operation, nor per output type: the core checks, the binding converts).
struct Prepared {
    request: Request,
    what: &'static str,
    kind: OpKind,
    table: Option<fn() -> &'static Schema>,
}

impl Prepared {
    /// The output for JS: a page's items as Graph sent them with its links, an item as sent, a
    /// photo, or nothing; each once the core has checked it against the output's model.
    fn read(&self, ep: &Endpoint, res: Response) -> Result<JsValue, JsValue> {
        let table = match (self.kind, self.table) {
            (OpKind::Binary, _) => return o365kit::ops::read_binary(res).map(photo_to_js).map_err(error_to_js),
            (OpKind::Empty, _) | (_, None) => {
                o365kit::ops::read_empty(&res).map_err(error_to_js)?;
                return Ok(JsValue::UNDEFINED);
            }
            (_, Some(table)) => table(),
        };
        let body = check(ep, self.what, self.kind, table, res).map_err(error_to_js)?;
        let json = json_parse(&body.json)?;
        if !matches!(self.kind, OpKind::List | OpKind::Delta) {
            return Ok(json);
        }
        let out = Object::new();
        let _ = Reflect::set(&out, &"value".into(), &Reflect::get(&json, &"value".into())?);
        for (k, v) in [("nextLink", body.next_link), ("deltaLink", body.delta_link)] {
            if let Some(v) = v {
                let _ = Reflect::set(&out, &k.into(), &v.into());
            }
        }
        if let Some(n) = body.count {
            let _ = Reflect::set(&out, &"count".into(), &(n as f64).into());
        }
        Ok(out.into())
    }
}

macro_rules! dispatch_table {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident ( $( $p:ident : $pty:ty ),* $(,)? ) -> $out:ty, $kind:ident = $op:ident $( @ $scope:ident )?;
    )*) => {
        /// How each operation's positional arguments become values for its route, in table
        /// order. Every operation has a route: the package builds none through its struct.
        static HOW: &[&[Conv]] = &[$( {
            const _: () = assert!(
                <o365kit::ops::$op as Routing>::ROUTED.is_some(),
                concat!(stringify!($op), " has no route: the npm package builds requests from routes only"),
            );
            &[$( |p, v| (&&Boxing::<$pty>(PhantomData)).boxed(p, v) ),*]
        } ),*];

        /// What each operation's output is checked against, in table order.
        static OUTPUTS: &[(&str, OpKind, Option<fn() -> &'static Schema>)] = &[$(
            (stringify!($out), OpKind::$kind, checked!($kind, $out))
        ),*];
    };
}

/// The operation called `name`, from positional JS arguments (in table order), as the request
/// the core builds for it and what its output is checked against.
fn build(name: &str, args: &Array, mailbox: &Mailbox, ep: &Endpoint) -> Result<Prepared, JsValue> {
    let Some(i) = o365kit::OPERATIONS.iter().position(|o| o.name == name) else {
        return Err(js_sys::TypeError::new(&format!("unknown operation {name}")).into());
    };
    let request = dispatch::request(&o365kit::OPERATIONS[i], HOW[i], args, mailbox, ep)?;
    let (what, kind, table) = OUTPUTS[i];
    Ok(Prepared { request, what, kind, table })
}

macro_rules! checked {
    (Empty, $out:ty) => {
        None
    };
    (Binary, $out:ty) => {
        None
    };
    ($kind:ident, $out:ty) => {
        Some(<$out as Checked>::table)
    };
}

/// A delta page for JS: `[{kind, id, item | reason}]`, checked against its model, the core saying
/// which items were removed; the items go as Graph sent them.
fn read_changes(
    ep: &Endpoint,
    what: &'static str,
    table: &'static Schema,
    res: &Response,
) -> Result<(JsValue, Links), Error> {
    let body = check(ep, what, OpKind::List, table, res.clone())?;
    let sorted = o365kit::ops::delta::sort_items(what, &body.json)?;
    let items = json_parse(&body.json).and_then(|v| Reflect::get(&v, &"value".into()));
    let items: Array = items.map_err(|_| Error::decode(what, "value", "not a JSON array"))?.unchecked_into();
    let out = Array::new();
    for (i, (id, removed)) in sorted.into_iter().enumerate() {
        let change = match removed {
            None => object(&[("kind", "upserted".into()), ("id", id.into()), ("item", items.get(i as u32))]),
            Some(reason) => object(&[("kind", "removed".into()), ("id", id.into()), ("reason", reason.into())]),
        };
        out.push(&change);
    }
    Ok((out.into(), Links { next: body.next_link, delta: body.delta_link }))
}

use o365kit::ops::table::table_types::*;
o365kit::operation_table!(dispatch_table);

/// A mailbox checked when the client is made, so a bad one fails there and not at the first call.
fn checked_mailbox(ep: &Endpoint, id: Option<String>) -> Result<Mailbox, JsValue> {
    let mailbox = id.map(Mailbox::user).unwrap_or_default();
    mailbox.path(ep).map_err(error_to_js)?;
    Ok(mailbox)
}

pub(crate) fn check_arity(name: &str, n: usize, args: &Array) -> Result<(), JsValue> {
    if args.length() as usize > n {
        let msg = format!("{} takes at most {n} arguments, got {}", camel(name), args.length());
        return Err(js_sys::TypeError::new(&msg).into());
    }
    Ok(())
}

/// std has no clock on wasm32-unknown-unknown: the core resolves Retry-After dates with JS's.
fn js_now() -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(js_sys::Date::now().max(0.0) as u64)
}

pub(crate) fn json_parse(body: &[u8]) -> Result<JsValue, JsValue> {
    let text = std::str::from_utf8(body).map_err(|e| error_to_js(Error::decode("output", "", e)))?;
    js_sys::JSON::parse(text)
}

pub(crate) fn new_guid() -> String {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).ok();
    if let Some(c) = crypto.filter(|c| c.is_object()) {
        if let Ok(f) = Reflect::get(&c, &JsValue::from_str("randomUUID")) {
            if let Some(f) = f.dyn_ref::<Function>() {
                if let Some(s) = f.call0(&c).ok().and_then(|s| s.as_string()) {
                    return s;
                }
            }
        }
    }
    let hex: String =
        (0..32).map(|_| char::from_digit((js_sys::Math::random() * 16.0) as u32 % 16, 16).unwrap_or('0')).collect();
    format!("{}-{}-4{}-a{}-{}", &hex[0..8], &hex[8..12], &hex[13..16], &hex[17..20], &hex[20..32])
}

// ---------------------------------------------------------------- arguments

// How a JS argument becomes a value of the table: json_args.rs (models as checked JSON), `Arg`
// (the binding's own conversions below), and the core's decoder of plain values.

/// A JS argument the binding converts itself (rather than through JSON).
pub(crate) trait Arg: Sized {
    fn from_js(param: &'static str, v: JsValue) -> Result<Self, JsValue>;
}

pub(crate) fn missing(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

pub(crate) fn type_error(param: &str, why: &str) -> JsValue {
    js_sys::TypeError::new(&format!("{}: {why}", camel_path(param))).into()
}

thread_local! {
    /// js/core.js's `JSON.stringify` replacer: typed arrays and ArrayBuffers (an attachment's
    /// `contentBytes`) become the base64 text Graph's JSON carries.
    static BYTES_REPLACER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Set once by js/core.js when the module loads.
#[wasm_bindgen(js_name = setBytesReplacer)]
pub fn set_bytes_replacer(replacer: Function) {
    BYTES_REPLACER.with(|r| *r.borrow_mut() = Some(replacer));
}

/// JS value -> JSON text (`JSON.stringify`) -> `T`, with the core's one decoder of every model,
/// so the binding adds no decoder of its own; the message names the JSON path of a bad value.
pub(crate) fn from_js_json<T: FromJson>(param: &str, v: JsValue) -> Result<T, JsValue> {
    from_json_text(param, &json_text(param, v)?)
}

pub(crate) fn json_text(param: &str, v: JsValue) -> Result<String, JsValue> {
    let text = BYTES_REPLACER.with(|r| match &*r.borrow() {
        Some(f) => js_sys::JSON::stringify_with_replacer(&v, f),
        None => js_sys::JSON::stringify(&v),
    });
    // A function or a symbol stringifies to `undefined`; a cycle or a BigInt throws.
    let text = text.ok().and_then(|t| JsValue::from(t).as_string());
    text.ok_or_else(|| type_error(param, "cannot be written as JSON"))
}

fn from_json_text<T: FromJson>(param: &str, text: &str) -> Result<T, JsValue> {
    T::from_json(param, text.as_bytes()).map_err(|e| arg_error(param, e))
}

/// A bad argument as a JS error naming its path: `RangeError` for a bad value, else `TypeError`.
pub(crate) fn arg_error(param: &str, e: Error) -> JsValue {
    let (path, mut why) = match e {
        Error::Decode { path, source, .. } => (path, source),
        other => (String::new(), other.to_string()),
    };
    // serde_json's position is in JSON text the caller never saw.
    if let Some((head, pos)) = why.rsplit_once(" at line ") {
        if pos.split(" column ").all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
            why.truncate(head.len());
        }
    }
    let where_ = if path.is_empty() {
        param.to_string()
    } else if path.starts_with('[') {
        format!("{param}{path}")
    } else {
        format!("{param}.{path}")
    };
    let msg = format!("{}: {why}", camel_path(&where_));
    if why.starts_with("invalid value") {
        js_sys::RangeError::new(&msg).into()
    } else {
        js_sys::TypeError::new(&msg).into()
    }
}

/// `undefined` and `null` are `None`; anything else must be a `T`.
impl<T: Arg> Arg for Option<T> {
    fn from_js(param: &'static str, v: JsValue) -> Result<Self, JsValue> {
        if missing(&v) {
            return Ok(None);
        }
        T::from_js(param, v).map(Some)
    }
}

/// `Id` and `String`: a string is required.
impl Arg for String {
    fn from_js(param: &'static str, v: JsValue) -> Result<Self, JsValue> {
        if missing(&v) {
            return Err(type_error(param, "is required"));
        }
        v.as_string().ok_or_else(|| type_error(param, "must be a string"))
    }
}

impl Arg for bool {
    fn from_js(param: &'static str, v: JsValue) -> Result<Self, JsValue> {
        if missing(&v) {
            return Err(type_error(param, "is required"));
        }
        v.as_bool().ok_or_else(|| type_error(param, "must be a boolean"))
    }
}

/// The options bag: `{ select, filter, orderby, top, skip, expand, search, count, timezone,
/// bodyType, maxPageSize, immutableIds }` (the core's `Query` options, camelCased; the core reads
/// both spellings).
impl Arg for Query {
    fn from_js(param: &'static str, v: JsValue) -> Result<Self, JsValue> {
        if missing(&v) {
            return Ok(Query::default());
        }
        if !v.is_object() || Array::is_array(&v) {
            return Err(type_error(param, "must be an options object"));
        }
        let names: Vec<String> = Query::OPTIONS.iter().map(|k| camel(k)).collect();
        for key in Object::keys(v.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()) {
            if !names.contains(&key) {
                return Err(type_error(
                    param,
                    &format!("unknown option {key:?}; expected one of {}", names.join(", ")),
                ));
            }
        }
        from_js_json(param, v)
    }
}

/// Lists of plain strings (addresses, MailTips options): each element checked by index.
impl Arg for Vec<String> {
    fn from_js(param: &'static str, v: JsValue) -> Result<Self, JsValue> {
        if missing(&v) {
            return Err(type_error(param, "is required"));
        }
        if !Array::is_array(&v) {
            return Err(type_error(param, "must be an array of strings"));
        }
        let arr: Array = v.unchecked_into();
        let strings = arr
            .iter()
            .enumerate()
            .map(|(i, item)| item.as_string().ok_or_else(|| type_error(&format!("{param}[{i}]"), "must be a string")));
        strings.collect()
    }
}

/// A photo: `{ contentType, bytes }` with bytes as a Uint8Array (or ArrayBuffer).
impl Arg for Photo {
    fn from_js(param: &'static str, v: JsValue) -> Result<Self, JsValue> {
        if !v.is_object() {
            return Err(type_error(param, "must be { contentType, bytes }"));
        }
        let content_type = Reflect::get(&v, &JsValue::from_str("contentType"))?
            .as_string()
            .ok_or_else(|| type_error(&format!("{param}.content_type"), "must be a string"))?;
        let bytes = Reflect::get(&v, &JsValue::from_str("bytes"))?;
        if !(bytes.is_instance_of::<Uint8Array>() || bytes.is_instance_of::<js_sys::ArrayBuffer>()) {
            return Err(type_error(&format!("{param}.bytes"), "must be a Uint8Array or ArrayBuffer"));
        }
        Ok(Photo { content_type, bytes: Uint8Array::new(&bytes).to_vec() })
    }
}

// ---------------------------------------------------------------- outputs and errors

fn photo_to_js(p: Photo) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"contentType".into(), &p.content_type.into());
    let _ = Reflect::set(&o, &"bytes".into(), &Uint8Array::from(p.bytes.as_slice()).into());
    o.into()
}

/// The core's error as a tagged plain object; js/core.js turns it into `GraphError`, `TypeError`
/// or `RangeError`. Built from the core's error only, so no token can be in it.
pub(crate) fn error_to_js(e: Error) -> JsValue {
    let text = e.to_string();
    let opt = |v: Option<String>| v.map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
    match e {
        Error::Api(a) => object(&[
            ("o365kitError", "api".into()),
            ("message", a.message.into()),
            ("status", a.status.into()),
            ("code", a.code.into()),
            ("innerCode", opt(a.inner_code)),
            ("requestId", opt(a.request_id)),
            ("clientRequestId", opt(a.client_request_id)),
            ("date", opt(a.date)),
            ("retryAfter", a.retry_after.map(|d| JsValue::from(d.as_secs_f64())).unwrap_or(JsValue::UNDEFINED)),
        ]),
        Error::Decode { path, .. } => object(&[
            ("o365kitError", "decode".into()),
            ("message", text.into()),
            ("code", "DecodeError".into()),
            ("path", path.into()),
        ]),
        Error::InvalidInput { param, why } => object(&[
            ("o365kitError", "invalid".into()),
            ("message", format!("{}: {why}", camel_path(&param)).into()),
            ("param", camel_path(&param).into()),
        ]),
        Error::Transport(why) => object(&[
            ("o365kitError", "transport".into()),
            ("message", why.into()),
            ("status", 0.into()),
            ("code", "TransportError".into()),
        ]),
        Error::UploadExpired { expiration_date_time } => object(&[
            ("o365kitError", "uploadExpired".into()),
            ("message", text.into()),
            ("code", "UploadExpired".into()),
            ("expirationDateTime", opt(expiration_date_time)),
        ]),
        _ => object(&[("o365kitError", "decode".into()), ("message", text.into())]),
    }
}

// ---------------------------------------------------------------- names

/// `list_group_threads` -> `listGroupThreads`.
pub fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `group.display_name` -> `group.displayName`, for messages.
fn camel_path(p: &str) -> String {
    camel(p)
}

/// `maxPageSize` -> `max_page_size`.
pub fn snake_case(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
