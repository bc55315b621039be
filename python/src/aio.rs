//! How a native call runs: blocking the calling thread (GIL released), or as an asyncio Future of
//! the caller's running loop. An awaited call is a task on the I/O runtime that completes its
//! Future through `loop.call_soon_threadsafe`: no Python thread per call, and cancelling the
//! Future (`task.cancel()`, an `asyncio.wait_for` timeout) aborts the task, which drops its request
//! and so closes its connection. pyo3-async-runtimes does the same with two spawned tasks and three
//! GIL acquisitions per call; this takes the GIL once, when the answer is in.

use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::PyCFunction;
use pyo3::{intern, wrap_pyfunction};
use std::future::Future;

#[derive(Clone, Copy)]
pub(crate) enum Mode {
    /// Return the value, blocking the calling thread with the GIL released.
    Block,
    /// Return an asyncio Future at once; the runtime starts on the first one.
    Await,
}

impl Mode {
    /// Runs `work` on the I/O runtime; `finish` turns its output into the Python value (with the
    /// GIL held, on the runtime's thread for `Await`).
    pub(crate) fn run<T, Fut, Finish>(self, py: Python<'_>, work: Fut, finish: Finish) -> PyResult<PyObject>
    where
        Fut: Future<Output = T> + Send + 'static,
        T: Send + 'static,
        Finish: FnOnce(Python<'_>, T) -> PyResult<PyObject> + Send + 'static,
    {
        let rt = crate::runtime()?;
        match self {
            Mode::Block => {
                let out = py.allow_threads(|| rt.block_on(work));
                finish(py, out)
            }
            Mode::Await => spawn(py, rt, work, finish),
        }
    }
}

fn spawn<T, Fut, Finish>(py: Python<'_>, rt: &tokio::runtime::Runtime, work: Fut, finish: Finish) -> PyResult<PyObject>
where
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
    Finish: FnOnce(Python<'_>, T) -> PyResult<PyObject> + Send + 'static,
{
    static GET_RUNNING_LOOP: GILOnceCell<PyObject> = GILOnceCell::new();
    // Outside a coroutine this is asyncio's own RuntimeError ("no running event loop").
    let event_loop = GET_RUNNING_LOOP.import(py, "asyncio", "get_running_loop")?.call0()?;
    let future = event_loop.call_method0(intern!(py, "create_future"))?;
    let (loop_ref, future_ref) = (event_loop.unbind(), future.clone().unbind());
    let task = rt.spawn(async move {
        let out = work.await;
        Python::with_gil(|py| {
            let (ok, value) = match finish(py, out) {
                Ok(v) => (true, v),
                Err(e) => (false, e.into_value(py).into_any()),
            };
            // Fails only once the loop is closed, when nobody awaits the Future any more.
            let _ = settler(py).and_then(|settle| {
                loop_ref.call_method1(py, intern!(py, "call_soon_threadsafe"), (settle, future_ref, ok, value))
            });
        });
    });
    future.call_method1(intern!(py, "add_done_callback"), (Abort(task.abort_handle()),))?;
    Ok(future.unbind())
}

/// A Future's done callback: a cancelled Future takes its task (and request) with it; for a
/// Future completed by its task, the task has ended and this does nothing.
#[pyclass(module = "o365kit._native", frozen)]
struct Abort(tokio::task::AbortHandle);

#[pymethods]
impl Abort {
    fn __call__(&self, _future: &Bound<'_, PyAny>) {
        self.0.abort();
    }
}

fn settler(py: Python<'_>) -> PyResult<&Py<PyCFunction>> {
    static SETTLE: GILOnceCell<Py<PyCFunction>> = GILOnceCell::new();
    SETTLE.get_or_try_init(py, || Ok(wrap_pyfunction!(settle, py)?.unbind()))
}

/// Completes `future` on its loop's thread, unless it was cancelled meanwhile.
#[pyfunction]
fn settle(future: &Bound<'_, PyAny>, ok: bool, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let py = future.py();
    if future.call_method0(intern!(py, "done"))?.is_truthy()? {
        return Ok(());
    }
    let method = if ok { intern!(py, "set_result") } else { intern!(py, "set_exception") };
    future.call_method1(method, (value,))?;
    Ok(())
}
