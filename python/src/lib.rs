//! Python binding of o365kit (pip `o365kit`). It only moves bytes: one generic `call` runs any
//! operation of the core's table on the core's native transport with the GIL released; the Python
//! methods and models around it are generated from the same table (`o365kit/_generated.py`).

use aio::Mode;
use o365kit::odata::next_page_request;
use o365kit::sync::Step;
use o365kit::{Client, Endpoint, Error, OpKind, Operation, Request, Response, TokenProvider};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::Value;
use std::sync::{Arc, Mutex, OnceLock};

mod aio;
mod args;
mod check;
#[cfg(feature = "emulator")]
mod emulator;
mod errors;
mod upload;
mod watch;

fn runtime() -> PyResult<&'static tokio::runtime::Runtime> {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    if let Some(rt) = RT.get() {
        return Ok(rt);
    }
    // Two workers carry every request of the process, awaited ones included (`aio`).
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("o365kit-io")
        .enable_all()
        .build()
        .map_err(|e| errors::transport(format!("cannot start the I/O runtime: {e}")))?;
    Ok(RT.get_or_init(|| rt))
}

/// The Rust half of `o365kit.Client`; Python code resolves the token and hands it over per call.
#[pyclass(module = "o365kit._native", frozen)]
struct NativeClient {
    client: Client,
    token: Arc<Mutex<String>>,
}

#[pymethods]
impl NativeClient {
    #[new]
    #[pyo3(signature = (base_url=None, version=None, cloud=None, max_attempts=None, mailbox=None, api=None))]
    fn new(
        base_url: Option<&str>,
        version: Option<&str>,
        cloud: Option<&str>,
        max_attempts: Option<u32>,
        mailbox: Option<&str>,
        api: Option<&str>,
    ) -> PyResult<Self> {
        let token = Arc::new(Mutex::new(String::new()));
        let source = token.clone();
        let provider = TokenProvider::callback(move || {
            let t = source.lock().map(|t| t.clone()).unwrap_or_default();
            async move { Ok(t) }
        });
        let mut builder = Client::builder().token(provider);
        if let Some(v) = version {
            builder = builder.version(o365kit::ApiVersion::parse(v).map_err(errors::to_py)?);
        }
        if let Some(c) = cloud {
            builder = builder.cloud(o365kit::Cloud::parse(c).map_err(errors::to_py)?);
        }
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        match api {
            None | Some("graph") => {}
            // Outlook REST v2.0 has one version and no national clouds; its root is the server's.
            Some("outlook") => {
                if let Some((param, _)) =
                    [("version", version), ("cloud", cloud)].into_iter().find(|(_, v)| v.is_some())
                {
                    return Err(errors::to_py(Error::invalid(
                        param,
                        "does not apply to the Outlook REST API (api=\"outlook\")",
                    )));
                }
                let root = base_url.unwrap_or("https://outlook.office.com");
                builder = builder.endpoint(o365kit::Endpoint::outlook_rest(root).map_err(errors::to_py)?);
            }
            Some(other) => {
                return Err(errors::to_py(Error::invalid(
                    "api",
                    format!("unknown API {other:?}; expected \"graph\" or \"outlook\""),
                )));
            }
        }
        if let Some(n) = max_attempts {
            if n == 0 {
                return Err(errors::to_py(Error::invalid("max_attempts", "must be at least 1")));
            }
            builder = builder.retry_policy(o365kit::Policy { max_attempts: n, ..Default::default() });
        }
        let client = builder.build().map_err(errors::to_py)?;
        let native = NativeClient { client, token };
        match mailbox {
            Some(m) => native.with_mailbox(m),
            None => Ok(native),
        }
    }

    /// The same client (transport and token) on another mailbox, by user id or UPN ("me": the
    /// signed-in user's). The id is checked now, not at the first call.
    fn with_mailbox(&self, mailbox: &str) -> PyResult<Self> {
        let client = self.client.mailbox(mailbox);
        client.current_mailbox().path(client.endpoint()).map_err(errors::to_py)?;
        Ok(NativeClient { client, token: self.token.clone() })
    }

    /// The server's root (`https://graph.microsoft.com`), whose `/.default` scope a credential asks for.
    #[getter]
    fn root(&self) -> String {
        self.client.endpoint().root().to_string()
    }

    /// The mailbox mail and calendar operations work on: "me", a user's id or UPN, or "groups/{id}".
    #[getter]
    fn mailbox(&self) -> String {
        self.client.current_mailbox().to_string()
    }

    /// The versioned base URL requests go to.
    #[getter]
    fn base_url(&self) -> String {
        self.client.endpoint().base()
    }

    /// Runs operation `name` with `args` (JSON text of its parameters) and returns the output as
    /// JSON text. With `next_link`, fetches that page of a list operation instead.
    #[pyo3(signature = (name, args, token, next_link=None))]
    fn call(
        &self,
        py: Python<'_>,
        name: &str,
        args: &str,
        token: String,
        next_link: Option<String>,
    ) -> PyResult<PyObject> {
        self.call_in(py, Mode::Block, name, args, token, next_link)
    }

    /// `call` as an awaitable (an asyncio Future of the running loop).
    #[pyo3(signature = (name, args, token, next_link=None))]
    fn call_async(
        &self,
        py: Python<'_>,
        name: &str,
        args: &str,
        token: String,
        next_link: Option<String>,
    ) -> PyResult<PyObject> {
        self.call_in(py, Mode::Await, name, args, token, next_link)
    }

    /// Runs the core's upload machine through an upload session (`session`: its JSON text) for
    /// `size` bytes: `read(offset, length)` gives the bytes at an offset (the machine may ask for a
    /// range again after a failure), `progress(sent, total)` hears of each acknowledged chunk.
    /// Returns `{"kind": "driveItem" | "attachment", "value": {...}}` as JSON text.
    #[pyo3(signature = (session, size, read, progress=None, chunk_size=None, resume=false))]
    #[allow(clippy::too_many_arguments)] // a Python signature with keywords
    fn upload(
        &self,
        py: Python<'_>,
        session: &str,
        size: u64,
        read: PyObject,
        progress: Option<PyObject>,
        chunk_size: Option<usize>,
        resume: bool,
    ) -> PyResult<PyObject> {
        let up = upload::machine(&self.client, session, size, chunk_size, resume)?;
        upload::run(py, Mode::Block, self.client.clone(), up, read, progress)
    }

    /// `upload` as an awaitable; `read` and `progress` are called on the I/O runtime's threads.
    #[pyo3(signature = (session, size, read, progress=None, chunk_size=None, resume=false))]
    #[allow(clippy::too_many_arguments)] // a Python signature with keywords
    fn upload_async(
        &self,
        py: Python<'_>,
        session: &str,
        size: u64,
        read: PyObject,
        progress: Option<PyObject>,
        chunk_size: Option<usize>,
        resume: bool,
    ) -> PyResult<PyObject> {
        let up = upload::machine(&self.client, session, size, chunk_size, resume)?;
        upload::run(py, Mode::Await, self.client.clone(), up, read, progress)
    }

    /// Runs `calls` (`(name, JSON arguments, indexes of earlier calls it depends on)`) together in
    /// JSON batches; one result per call, in order: its output as JSON text, or its exception.
    /// A bad call raises before anything is sent.
    fn batch(&self, py: Python<'_>, calls: Vec<(String, String, Vec<usize>)>, token: String) -> PyResult<PyObject> {
        self.batch_in(py, Mode::Block, calls, token)
    }

    /// `batch` as an awaitable.
    fn batch_async(
        &self,
        py: Python<'_>,
        calls: Vec<(String, String, Vec<usize>)>,
        token: String,
    ) -> PyResult<PyObject> {
        self.batch_in(py, Mode::Await, calls, token)
    }

    /// Runs delta operation `name` until its next page (or announced resync), from `state` (none:
    /// a new sync). Gives JSON text: `{"kind": "changes", "changes": [{"upserted": item} |
    /// {"removed": {"id", "reason"}}], "caughtUp", "state"}` or `{"kind": "resync", "reason", "state"}`.
    #[pyo3(signature = (name, args, token, state=None))]
    fn sync_step(
        &self,
        py: Python<'_>,
        name: &str,
        args: &str,
        token: String,
        state: Option<String>,
    ) -> PyResult<PyObject> {
        self.sync_step_in(py, Mode::Block, name, args, token, state)
    }

    /// `sync_step` as an awaitable.
    #[pyo3(signature = (name, args, token, state=None))]
    fn sync_step_async(
        &self,
        py: Python<'_>,
        name: &str,
        args: &str,
        token: String,
        state: Option<String>,
    ) -> PyResult<PyObject> {
        self.sync_step_in(py, Mode::Await, name, args, token, state)
    }

    /// A watch of a group's new posts (`interval` in seconds), new or resumed from `state`.
    #[pyo3(signature = (group_id, interval, state=None))]
    fn watch_group_mail(&self, group_id: &str, interval: f64, state: Option<&str>) -> PyResult<watch::NativeWatch> {
        watch::NativeWatch::new(self.client.clone(), self.token.clone(), group_id, interval, state)
    }

    fn __repr__(&self) -> String {
        format!("NativeClient(base_url={:?}, mailbox={:?})", self.client.endpoint().base(), self.mailbox())
    }
}

impl NativeClient {
    /// Runs `work` in `mode`, its requests carrying `token`; its JSON text is the answer.
    fn run<F, Fut>(&self, py: Python<'_>, mode: Mode, token: String, work: F) -> PyResult<PyObject>
    where
        F: FnOnce(Client) -> Fut,
        Fut: std::future::Future<Output = Result<String, Error>> + Send + 'static,
    {
        set_token(&self.token, token);
        mode.run(py, work(self.client.clone()), text)
    }

    fn call_in(
        &self,
        py: Python<'_>,
        mode: Mode,
        name: &str,
        args: &str,
        token: String,
        next_link: Option<String>,
    ) -> PyResult<PyObject> {
        let args = parse_args(args)?;
        let name = name.to_string();
        self.run(py, mode, token, move |client| async move { run(&client, &name, args, next_link).await })
    }

    fn sync_step_in(
        &self,
        py: Python<'_>,
        mode: Mode,
        name: &str,
        args: &str,
        token: String,
        state: Option<String>,
    ) -> PyResult<PyObject> {
        let args = parse_args(args)?;
        let name = name.to_string();
        self.run(py, mode, token, move |client| async move { dispatch_sync(&client, &name, args, state).await })
    }

    fn batch_in(
        &self,
        py: Python<'_>,
        mode: Mode,
        calls: Vec<(String, String, Vec<usize>)>,
        token: String,
    ) -> PyResult<PyObject> {
        let mut batch = self.client.batch();
        let mut reads = Vec::with_capacity(calls.len());
        for (i, (name, args, after)) in calls.into_iter().enumerate() {
            let args: Value =
                serde_json::from_str(&args).map_err(|e| PyValueError::new_err(format!("calls[{i}] arguments: {e}")))?;
            let call = prepare(&self.client, &name, args).map_err(errors::to_py)?;
            batch.add_request(call.request, &after).map_err(errors::to_py)?;
            reads.push(call.read);
        }
        set_token(&self.token, token);
        let client = self.client.clone();
        let work = async move {
            client.send_batch(&mut batch).await?;
            let ep = client.endpoint();
            let answers =
                reads.into_iter().enumerate().map(|(i, read)| batch.response(i).and_then(|res| read(ep, res)));
            Ok::<_, Error>(answers.collect::<Vec<_>>())
        };
        mode.run(py, work, |py, outcomes| {
            let items = outcomes.map_err(errors::to_py)?.into_iter().map(|o| match o {
                Ok(text) => PyString::new(py, &text).into_any().unbind(),
                Err(e) => errors::to_py(e).into_value(py).into_any(),
            });
            Ok(PyList::new(py, items)?.into_any().unbind())
        })
    }
}

/// The token the next requests carry (the client's `TokenProvider` reads it).
pub(crate) fn set_token(slot: &Mutex<String>, token: String) {
    if let Ok(mut t) = slot.lock() {
        *t = token;
    }
}

/// An answer's JSON text as a Python str, or its error as the matching exception.
pub(crate) fn text(py: Python<'_>, out: Result<String, Error>) -> PyResult<PyObject> {
    out.map(|t| PyString::new(py, &t).into_any().unbind()).map_err(errors::to_py)
}

/// An operation's arguments: JSON text of its parameters by name.
fn parse_args(args: &str) -> PyResult<Value> {
    serde_json::from_str(args).map_err(|e| PyValueError::new_err(format!("arguments: {e}")))
}

/// An operation ready to send: its request, and how its answer becomes the JSON text the Python
/// layer reads.
struct Prepared {
    request: Request,
    read: ReadOutput,
}

/// Reads an operation's answer as JSON text.
type ReadOutput = Box<dyn FnOnce(&Endpoint, Response) -> Result<String, Error> + Send>;

/// What an output is checked against: its type's name (for decode errors) and its model's table.
type CheckedBy = (&'static str, fn() -> &'static o365kit::model::schema::Schema);

/// `op`'s output as JSON text: for pages and items, Graph's JSON (re-cased from Outlook REST)
/// once the core has checked it against the output's model table, which keeps nothing (no model
/// built and written again: Python parses the text); otherwise the output written by the core.
fn output<O: Operation>(
    op: &O,
    ep: &Endpoint,
    kind: OpKind,
    checked: Option<CheckedBy>,
    res: Response,
) -> Result<String, Error>
where
    O::Output: serde::Serialize,
{
    if let (OpKind::List | OpKind::Item, Some((what, table))) = (kind, checked) {
        let body = o365kit::decode::checked::check(ep, what, kind, table(), res)?;
        return String::from_utf8(body.json).map_err(|e| Error::decode(what, "", e));
    }
    let raw = o365kit::decode::as_sent(ep, kind, &res);
    let out = op.parse(ep, res)?;
    match raw {
        Some(body) => String::from_utf8(body).map_err(|e| Error::decode("output", "", e)),
        None => serde_json::to_string(&out).map_err(|e| Error::decode("output", "", e)),
    }
}

/// Runs one operation, or fetches the page at `next_link` of a list operation.
async fn run(client: &Client, name: &str, args: Value, next_link: Option<String>) -> Result<String, Error> {
    let ep = client.endpoint();
    let call = prepare(client, name, args)?;
    let req = match next_link {
        Some(link) => next_page_request(ep, &call.request, &link)?,
        None => call.request,
    };
    let res = client.execute(&req).await?;
    (call.read)(ep, res)
}

/// One step of a delta sync: the core's `DeltaSync` runs until a page or a resync; each item is
/// sorted into an upsert or a removal by the core (`Change::of`).
async fn run_sync<O, T>(client: &Client, op: &O, state: Option<String>) -> Result<String, Error>
where
    O: Operation<Output = o365kit::DeltaPage<T>>,
    T: o365kit::ops::Tracked + serde::Serialize,
{
    let ep = client.endpoint();
    let first = op.request(ep)?;
    let sync = match state {
        Some(s) => o365kit::DeltaSync::resume(ep, first, &s)?,
        None => o365kit::DeltaSync::start(ep, first),
    };
    let mut sync = sync.with_policy(client.retry_policy().clone());
    loop {
        let res = client.execute(&sync.request()?).await?;
        let step = sync.absorb(&res, |r| {
            let page = op.parse(ep, r.clone())?;
            let links = o365kit::sync::Links::of(&page);
            let changes = page.value.into_iter().map(|item| match o365kit::Change::of(item)? {
                o365kit::Change::Upserted(item) => Ok(serde_json::json!({ "upserted": item })),
                o365kit::Change::Removed { id, reason } => {
                    Ok(serde_json::json!({ "removed": { "id": id, "reason": reason } }))
                }
            });
            Ok((changes.collect::<Result<Vec<_>, Error>>()?, links))
        })?;
        let out = match step {
            Step::Page { page, caught_up } => {
                serde_json::json!({ "kind": "changes", "changes": page, "caughtUp": caught_up, "state": sync.state() })
            }
            Step::Resync { reason } => serde_json::json!({ "kind": "resync", "reason": reason, "state": sync.state() }),
            Step::Retry(wait) => {
                tokio::time::sleep(wait).await;
                continue;
            }
        };
        return Ok(out.to_string());
    }
}

/// Runs a `Delta` row through `run_sync`; any other row is not a sync.
macro_rules! sync_arm {
    (Delta, $client:ident, $op:ident, $state:ident) => {
        run_sync($client, &$op, $state).await
    };
    ($kind:ident, $client:ident, $op:ident, $state:ident) => {{
        let _ = (&$op, $state);
        Err(Error::invalid("operation", "is not a sync (a delta operation)"))
    }};
}

/// The table an output is checked against: none for an empty or binary answer.
macro_rules! checked_table {
    (Empty, $out:ty) => {
        None
    };
    (Binary, $out:ty) => {
        None
    };
    ($kind:ident, $out:ty) => {
        Some(<$out as o365kit::decode::checked::Checked>::table as fn() -> &'static o365kit::model::schema::Schema)
    };
}

macro_rules! dispatch_table {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident ( $( $p:ident : $pty:ty ),* $(,)? ) -> $out:ty, $kind:ident = $op:ident $( @ $scope:ident )?;
    )*) => {
        fn prepare(client: &Client, name: &str, args: Value) -> Result<Prepared, Error> {
            match name {
                $( stringify!($name) => {
                    let op: o365kit::ops::$op = args::operation(stringify!($name), args, client.current_mailbox())?;
                    let request = op.request(client.endpoint())?;
                    let checked = checked_table!($kind, $out).map(|t| (stringify!($out), t));
                    Ok(Prepared { request, read: Box::new(move |ep, res| output(&op, ep, OpKind::$kind, checked, res)) })
                } )*
                other => Err(Error::invalid("operation", format!("unknown operation {other:?}"))),
            }
        }

        /// The tables of the operations' outputs (an item's, for a page), for `check`.
        fn output_tables() -> Vec<fn() -> &'static o365kit::model::schema::Schema> {
            let mut out = Vec::new();
            $( if let Some(t) = checked_table!($kind, $out) { out.push(t); } )*
            out
        }

        async fn dispatch_sync(client: &Client, name: &str, args: Value, state: Option<String>) -> Result<String, Error> {
            match name {
                $( stringify!($name) => {
                    let op: o365kit::ops::$op = args::operation(stringify!($name), args, client.current_mailbox())?;
                    sync_arm!($kind, client, op, state)
                } )*
                other => Err(Error::invalid("operation", format!("unknown operation {other:?}"))),
            }
        }
    };
}

#[allow(unused_imports)]
use o365kit::ops::table::table_types::*;
o365kit::operation_table!(dispatch_table);

/// The operation table, for the generated Python layer and its freshness test.
#[pyfunction]
fn operations(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    o365kit::OPERATIONS
        .iter()
        .map(|op| {
            let d = PyDict::new(py);
            d.set_item("name", op.name)?;
            d.set_item("output", op.output_type())?;
            d.set_item("doc", op.doc.trim())?;
            let params: Vec<(String, String)> = op.params.iter().map(|p| (p.name.to_string(), p.type_name())).collect();
            d.set_item("params", params)?;
            Ok(d)
        })
        .collect()
}

/// One known property: (python name, wire name, Rust type).
type FieldRow = (&'static str, String, String);

/// The models' known properties: (model, fields).
#[pyfunction]
fn models() -> Vec<(&'static str, Vec<FieldRow>)> {
    o365kit::model::MODELS
        .iter()
        .map(|m| (m.name, m.fields.iter().map(|f| (f.name, f.wire_name(), f.type_name())).collect()))
        .collect()
}

/// `value` (JSON text) with the plain strings that stand for a `ty` (a str body, a str recipient)
/// replaced as the core's constructors build them; for models built from keywords in Python.
#[pyfunction]
fn coerce(ty: &str, value: &str) -> PyResult<String> {
    let mut v: Value = serde_json::from_str(value).map_err(|e| PyValueError::new_err(format!("value: {e}")))?;
    args::coerce(ty, ty, &mut v, 0).map_err(errors::to_py)?;
    Ok(v.to_string())
}

/// The query options a list or get accepts as keywords (the fields of the core's `Query`).
#[pyfunction]
fn query_options() -> Vec<String> {
    match serde_json::to_value(o365kit::Query::default()) {
        Ok(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeClient>()?;
    #[cfg(feature = "emulator")]
    m.add_class::<emulator::NativeEmulator>()?;
    m.add_class::<watch::NativeWatch>()?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(models, m)?)?;
    m.add_function(wrap_pyfunction!(query_options, m)?)?;
    m.add_function(wrap_pyfunction!(coerce, m)?)?;
    m.add_function(wrap_pyfunction!(check::check, m)?)?;
    m.add_function(wrap_pyfunction!(check::check_start, m)?)?;
    m.add_class::<check::PendingCheck>()?;
    errors::register(m)?;
    Ok(())
}
