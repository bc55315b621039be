//! How a native call runs: blocking the calling thread (GIL released), or as an asyncio Future of
//! the caller's running loop. An awaited call is a task on the I/O runtime that completes its
//! Future through `loop.call_soon_threadsafe`: no Python thread per call, and cancelling the
//! Future (`task.cancel()`, an `asyncio.wait_for` timeout) aborts the task, which drops its request
//! and so closes its connection. pyo3-async-runtimes does the same with two spawned tasks and three
//! GIL acquisitions per call on the runtime's workers; here they take none (see `completions`).

use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::PyCFunction;
use pyo3::{intern, wrap_pyfunction};
use std::future::Future;
use std::sync::mpsc::{channel, Sender};
use std::sync::OnceLock;

#[derive(Clone, Copy)]
pub(crate) enum Mode {
    /// Return the value, blocking the calling thread with the GIL released.
    Block,
    /// Return an asyncio Future at once; the runtime starts on the first one.
    Await,
}

impl Mode {
    /// Runs `work` on the I/O runtime; `finish` turns its output into the Python value (with the
    /// GIL held; for `Await`, on the completion thread).
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
    let done = completions()?.clone();
    let (event_loop, future_ref) = (event_loop.unbind(), future.clone().unbind());
    let task = rt.spawn(async move {
        let out = work.await;
        let finish: Answer = Box::new(move |py| finish(py, out));
        // Fails only once the completion thread is gone, at interpreter exit.
        let _ = done.send(Done { event_loop, future: future_ref, finish });
    });
    future.call_method1(intern!(py, "add_done_callback"), (Abort(task.abort_handle()),))?;
    Ok(future.unbind())
}

/// A task's output, made a Python value once the GIL is held.
type Answer = Box<dyn FnOnce(Python<'_>) -> PyResult<PyObject> + Send>;

/// `(future, ok, value)`: a Future and its result or exception.
type Settled = (PyObject, bool, PyObject);

/// A finished task's answer, on its way to its Future.
struct Done {
    event_loop: PyObject,
    future: PyObject,
    finish: Answer,
}

/// Where tasks leave their answers. The runtime's workers do not wait for the GIL to answer (a
/// worker waiting for it stalls every request it drives; only an upload's `read` and `progress`
/// callbacks take it there, once per chunk): one thread takes the GIL for them, turns
/// all the answers that are in into Python values and hands each loop its batch with one
/// `call_soon_threadsafe`.
fn completions() -> PyResult<&'static Sender<Done>> {
    static TX: OnceLock<Sender<Done>> = OnceLock::new();
    if let Some(tx) = TX.get() {
        return Ok(tx);
    }
    let (tx, rx) = channel::<Done>();
    std::thread::Builder::new()
        .name("o365kit-done".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                Python::with_gil(|py| deliver(py, std::iter::once(first).chain(rx.try_iter())));
            }
        })
        .map_err(|e| crate::errors::transport(format!("cannot start the completion thread: {e}")))?;
    Ok(TX.get_or_init(|| tx))
}

fn deliver(py: Python<'_>, answers: impl Iterator<Item = Done>) {
    let mut by_loop: Vec<(PyObject, Vec<Settled>)> = Vec::new();
    for Done { event_loop, future, finish } in answers {
        let (ok, value) = match finish(py) {
            Ok(v) => (true, v),
            Err(e) => (false, e.into_value(py).into_any()),
        };
        match by_loop.iter_mut().find(|(l, _)| l.is(&event_loop)) {
            Some((_, batch)) => batch.push((future, ok, value)),
            None => by_loop.push((event_loop, vec![(future, ok, value)])),
        }
    }
    for (event_loop, batch) in by_loop {
        // Fails only once the loop is closed, when nobody awaits its Futures any more.
        let _ = settler(py)
            .and_then(|settle| event_loop.call_method1(py, intern!(py, "call_soon_threadsafe"), (settle, batch)));
    }
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

/// Completes `(future, ok, value)` Futures on their loop's thread, but not one cancelled meanwhile.
/// The first failure is raised (to the loop's exception handler) once every other is settled.
#[pyfunction]
fn settle(py: Python<'_>, batch: Vec<(Bound<'_, PyAny>, bool, Bound<'_, PyAny>)>) -> PyResult<()> {
    let mut failed = None;
    for (future, ok, value) in batch {
        let method = if ok { intern!(py, "set_result") } else { intern!(py, "set_exception") };
        let settled = future.call_method0(intern!(py, "done")).and_then(|done| done.is_truthy()).and_then(|done| {
            if done {
                Ok(())
            } else {
                future.call_method1(method, (value,)).map(drop)
            }
        });
        if let Err(e) = settled {
            failed.get_or_insert(e);
        }
    }
    failed.map_or(Ok(()), Err)
}
