//! Checking Graph JSON against a model's table by the model's name, for `Model.from_json` and
//! `from_json_page`: the core checks the bytes and keeps nothing, while Python parses the same
//! bytes with `json.loads` and wraps the dicts lazily (as the npm package does with `JSON.parse`).
//! A large body is checked on a thread of its own, without the GIL, during the `json.loads`: the
//! result is handed over only once the check has passed.

use o365kit::decode::checked::check_json;
use o365kit::model::schema::Schema;
use o365kit::{Error, OpKind};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::thread::JoinHandle;

/// Below this size a thread costs more than it saves: the check runs in the call.
const ON_A_THREAD: usize = 128 * 1024;

/// Every model table reachable from the operations' outputs, by model name.
fn tables() -> &'static HashMap<&'static str, &'static Schema> {
    static TABLES: OnceLock<HashMap<&'static str, &'static Schema>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut found = HashMap::new();
        let mut todo: Vec<&'static Schema> = crate::output_tables().into_iter().map(|t| t()).collect();
        while let Some(table) = todo.pop() {
            if found.insert(table.name, table).is_none() {
                todo.extend(table.fields.iter().filter_map(|f| f.nested).map(|t| t()));
            }
        }
        found
    })
}

fn what(model: &str, page: bool) -> (String, OpKind) {
    if page {
        (format!("Page<{model}>"), OpKind::List)
    } else {
        (model.to_string(), OpKind::Item)
    }
}

/// Checks `data` as a `model` (or a page of them); a model no operation outputs has no table here
/// and is not checked (`False`).
#[pyfunction]
pub fn check(model: &str, page: bool, data: &[u8]) -> PyResult<bool> {
    let Some(table) = tables().get(model) else { return Ok(false) };
    let (what, kind) = what(model, page);
    check_json(&what, kind, table, data).map_err(crate::errors::to_py)?;
    Ok(true)
}

/// Starts checking `data` as `check` does: on a thread for a large body (wait for it with
/// `PendingCheck.wait()`), in the call otherwise (then `None`, or the error at once).
#[pyfunction]
pub fn check_start(model: &str, page: bool, data: Bound<'_, PyBytes>) -> PyResult<Option<PendingCheck>> {
    let Some(table) = tables().get(model) else { return Ok(None) };
    let (what, kind) = what(model, page);
    let bytes = data.as_bytes();
    if bytes.len() < ON_A_THREAD {
        check_json(&what, kind, table, bytes).map_err(crate::errors::to_py)?;
        return Ok(None);
    }
    let view = Borrowed(bytes.as_ptr(), bytes.len());
    let worker = std::thread::Builder::new()
        .name("o365kit-check".into())
        .spawn(move || {
            let view = view;
            // SAFETY: the bytes object is immutable and kept alive by the PendingCheck, which
            // joins this thread before it lets go of it (in `wait` or when dropped).
            let bytes = unsafe { std::slice::from_raw_parts(view.0, view.1) };
            check_json(&what, kind, table, bytes)
        })
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread to check the JSON: {e}")))?;
    Ok(Some(PendingCheck { worker: Some(worker), _data: data.unbind() }))
}

/// A pointer to the bytes of a Python `bytes` object that outlives the thread reading it.
struct Borrowed(*const u8, usize);

// SAFETY: see `check_start`: the bytes are immutable and outlive the one thread that reads them.
unsafe impl Send for Borrowed {}

/// A check running on its own thread.
#[pyclass(module = "o365kit._native")]
pub struct PendingCheck {
    worker: Option<JoinHandle<Result<(), Error>>>,
    _data: Py<PyBytes>,
}

#[pymethods]
impl PendingCheck {
    /// Waits for the check (without the GIL): `None`, or the core's DecodeError naming the path.
    fn wait(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(worker) = self.worker.take() else { return Ok(()) };
        match py.allow_threads(|| worker.join()) {
            Ok(outcome) => outcome.map_err(crate::errors::to_py),
            Err(_) => Err(PyRuntimeError::new_err("the JSON check stopped unexpectedly")),
        }
    }
}

impl Drop for PendingCheck {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}
