//! The Python side of an upload: a source read through a Python callable, and the progress
//! callback. The machine itself is the core's (`o365kit::Upload`), run by the native client.

use o365kit::UploadSource;
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
