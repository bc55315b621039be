//! The group-mail watcher for Python: the core's `GroupMailWatch` kept between calls; each `step`
//! sends one request (blocking with the GIL released, or awaited) and absorbs the answer. Python does the waiting the machine
//! asks for, so Ctrl-C and asyncio work while a watch sleeps.

use crate::aio::Mode;
use crate::errors;
use o365kit::watch::GroupMailWatch;
use o365kit::{Client, Error};
use pyo3::prelude::*;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[pyclass(module = "o365kit._native", frozen)]
pub(crate) struct NativeWatch {
    client: Client,
    token: Arc<Mutex<String>>,
    machine: Arc<Mutex<GroupMailWatch>>,
}

impl NativeWatch {
    /// A watch of `group_id` (`interval` in seconds), new or resumed from `state`.
    pub(crate) fn new(
        client: Client,
        token: Arc<Mutex<String>>,
        group_id: &str,
        interval: f64,
        state: Option<&str>,
    ) -> PyResult<Self> {
        let interval = Duration::try_from_secs_f64(interval)
            .map_err(|_| errors::to_py(Error::invalid("interval", "must be a positive number of seconds")))?;
        let ep = client.endpoint();
        let machine = match state {
            Some(s) => GroupMailWatch::resume(ep, group_id, interval, s),
            None => GroupMailWatch::new(ep, group_id, interval),
        };
        let machine = machine.map_err(errors::to_py)?.with_policy(client.retry_policy().clone());
        Ok(NativeWatch { client, token, machine: Arc::new(Mutex::new(machine)) })
    }

    fn step_in(&self, py: Python<'_>, mode: Mode, token: String) -> PyResult<PyObject> {
        crate::set_token(&self.token, token);
        let (client, machine) = (self.client.clone(), self.machine.clone());
        let work = async move {
            let req = machine.lock().map_err(|_| Error::Transport("the watch was poisoned".into()))?.request()?;
            let answer = client.execute(&req).await;
            let mut m = machine.lock().map_err(|_| Error::Transport("the watch was poisoned".into()))?;
            let step = match answer {
                Ok(res) => m.absorb(&res)?,
                Err(e) => m.failed(e)?,
            };
            let posts = serde_json::to_value(&step.posts).map_err(|e| Error::decode("posts", "", e))?;
            let out = serde_json::json!({
                "posts": posts,
                "waitMs": step.wait.as_millis() as u64,
                "caughtUp": step.caught_up,
                "state": m.state(),
            });
            Ok(out.to_string())
        };
        mode.run(py, work, crate::text)
    }

    fn machine(&self) -> PyResult<std::sync::MutexGuard<'_, GroupMailWatch>> {
        self.machine.lock().map_err(|_| errors::transport("the watch was poisoned by an earlier panic".into()))
    }
}

#[pymethods]
impl NativeWatch {
    /// The state to store after handling the posts of a step.
    #[getter]
    fn state(&self) -> PyResult<String> {
        Ok(self.machine()?.state())
    }

    /// Whether the watch has yet to learn the server's time (its first answer).
    #[getter]
    fn starting(&self) -> PyResult<bool> {
        Ok(self.machine()?.is_starting())
    }

    /// One request and its answer: JSON text `{"posts": [GroupMail...], "waitMs", "caughtUp",
    /// "state"}`; wait `waitMs` before the next step.
    fn step(&self, py: Python<'_>, token: String) -> PyResult<PyObject> {
        self.step_in(py, Mode::Block, token)
    }

    /// `step` as an awaitable.
    fn step_async(&self, py: Python<'_>, token: String) -> PyResult<PyObject> {
        self.step_in(py, Mode::Await, token)
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(format!("NativeWatch(group={:?})", self.machine()?.group_id()))
    }
}
