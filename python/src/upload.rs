//! The Python side of an upload: a source read through a Python callable, and the progress
//! callback. The machine itself is the core's (`o365kit::Upload`), run by the native client,
//! blocking or awaited.

use crate::aio::Mode;
use crate::errors;
use o365kit::model::UploadSession;
use o365kit::{Client, Endpoint, Error, Upload, UploadSource, Uploaded};
use pyo3::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

/// `read(offset, length) -> bytes`, called with the GIL held; its exception is kept in `error`.
pub struct PySource {
    pub read: PyObject,
    pub size: u64,
    pub error: Arc<Mutex<Option<PyErr>>>,
}

impl UploadSource for PySource {
    fn size(&self) -> u64 {
        self.size
    }

    fn read_at(
        &mut self,
        offset: u64,
        len: usize,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<u8>>> + Send + '_>> {
        let out = Python::with_gil(|py| -> PyResult<Vec<u8>> {
            let chunk = self.read.call1(py, (offset, len))?;
            chunk.extract::<Vec<u8>>(py)
        });
        let out = out.map_err(|e| {
            let msg = format!("the source's read failed: {e}");
            if let Ok(mut slot) = self.error.lock() {
                slot.get_or_insert(e);
            }
            std::io::Error::other(msg)
        });
        Box::pin(std::future::ready(out))
    }
}

/// Calls `progress(sent, total)`; the first exception it raises is kept for the caller.
pub fn progress(callback: Option<&PyObject>, error: &Arc<Mutex<Option<PyErr>>>, sent: u64, total: u64) {
    let Some(callback) = callback else { return };
    Python::with_gil(|py| {
        if let Err(e) = callback.call1(py, (sent, total)) {
            if let Ok(mut slot) = error.lock() {
                slot.get_or_insert(e);
            }
        }
    });
}

/// The core's upload machine for `size` bytes through `session` (its JSON text), retrying as
/// `client` does.
pub fn machine(client: &Client, session: &str, size: u64, chunk_size: Option<usize>, resume: bool) -> PyResult<Upload> {
    let session: UploadSession =
        o365kit::decode::body(&Endpoint::default(), "session", session.as_bytes()).map_err(errors::to_py)?;
    let up = if resume { Upload::resume(&session, size) } else { Upload::new(&session, size) };
    let up = up.map_err(errors::to_py)?.with_policy(client.retry_policy().clone());
    match chunk_size {
        Some(n) => up.with_chunk_size(n).map_err(errors::to_py),
        None => Ok(up),
    }
}

/// Runs `up` in `mode`, reading through `read`; gives `{"kind": "driveItem" | "attachment",
/// "value": {...}}` as JSON text. The first exception a callback raised is raised again, rather
/// than a message about it.
pub fn run(
    py: Python<'_>,
    mode: Mode,
    client: Client,
    up: Upload,
    read: PyObject,
    progress: Option<PyObject>,
) -> PyResult<PyObject> {
    let callback_error: Arc<Mutex<Option<PyErr>>> = Arc::default();
    let source = PySource { read, size: up.size(), error: callback_error.clone() };
    let seen = callback_error.clone();
    let work = async move {
        let report = move |sent: u64, total: u64| self::progress(progress.as_ref(), &seen, sent, total);
        client.run_upload(up, source, report).await
    };
    mode.run(py, work, move |py, out| {
        if let Some(e) = callback_error.lock().ok().and_then(|mut e| e.take()) {
            return Err(e);
        }
        let (kind, value) = match out.map_err(errors::to_py)? {
            Uploaded::Item(item) => ("driveItem", serde_json::to_value(&*item)),
            Uploaded::Attachment(a) => ("attachment", serde_json::to_value(&*a)),
        };
        let value = value.map_err(|e| errors::to_py(Error::decode("upload result", "", e)))?;
        crate::text(py, Ok(serde_json::json!({ "kind": kind, "value": value }).to_string()))
    })
}
