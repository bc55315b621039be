//! `o365kit.emulator()`: the emulator crate, linked into this module, started on 127.0.0.1 on its
//! own thread and runtime (not the client's, so a client blocked on it cannot starve it). Nothing
//! here runs until Python asks for an emulator.

use crate::errors;
use o365kit::Error;
use o365kit_emulator::{spawn_at, Config, Running, Tenant, Tls};
use pyo3::prelude::*;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Mutex, PoisonError};

#[pyclass(module = "o365kit._native", frozen)]
pub struct NativeEmulator {
    running: Mutex<Option<Running>>,
    url: String,
    port: u16,
    ca_pem: Option<String>,
}

#[pymethods]
impl NativeEmulator {
    /// `tenant_path` or `tenant_json` (a fixture's text) replace the built-in seed; `tls` serves
    /// https with a certificate signed by a new local CA (`ca_pem`).
    #[new]
    #[pyo3(signature = (tenant_path=None, tenant_json=None, port=0, latency_ms=0, fault_rate=0.0, page_size=100, drive_quota=None, tls=false))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        tenant_path: Option<std::path::PathBuf>,
        tenant_json: Option<String>,
        port: u16,
        latency_ms: u64,
        fault_rate: f64,
        page_size: usize,
        drive_quota: Option<u64>,
        tls: bool,
    ) -> PyResult<Self> {
        if !(0.0..=1.0).contains(&fault_rate) {
            return Err(errors::to_py(Error::invalid("fault_rate", "must be a fraction between 0 and 1")));
        }
        if page_size == 0 {
            return Err(errors::to_py(Error::invalid("page_size", "must be at least 1")));
        }
        let running = py.allow_threads(move || {
            let tenant = match (tenant_path, tenant_json) {
                (Some(path), _) => Tenant::from_file(path),
                (None, Some(text)) => Tenant::from_json(&text),
                (None, None) => Ok(Tenant::seed()),
            }
            .map_err(|why| ("tenant", why))?;
            let tls = if tls { Some(Tls::generate(&[]).map_err(|why| ("tls", why))?) } else { None };
            let ca_pem = tls.as_ref().map(|t| t.trust_pem().to_string());
            let config = Config {
                tenant,
                latency_ms,
                fault_rate,
                page_size,
                drive_quota: drive_quota.unwrap_or(o365kit_emulator::DRIVE_QUOTA),
                tls,
            };
            let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
            let running = spawn_at(addr, config).map_err(|e| ("port", format!("cannot listen on {addr}: {e}")))?;
            Ok((running, ca_pem))
        });
        let (running, ca_pem) = running.map_err(|(param, why)| errors::emulator(param, why))?;
        Ok(NativeEmulator {
            url: running.base_url(),
            port: running.addr().port(),
            ca_pem,
            running: Mutex::new(Some(running)),
        })
    }

    /// `http://127.0.0.1:PORT` (`https://` with `tls`): the `base_url` for `o365kit.Client`.
    #[getter]
    fn url(&self) -> &str {
        &self.url
    }

    /// With `tls`: the PEM of the CA that signed the server's certificate, for clients to trust.
    #[getter]
    fn ca_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    #[getter]
    fn port(&self) -> u16 {
        self.port
    }

    #[getter]
    fn running(&self) -> bool {
        self.running.lock().unwrap_or_else(PoisonError::into_inner).is_some()
    }

    /// Stops the server and frees its port; open requests get a moment to finish. Idempotent.
    fn stop(&self, py: Python<'_>) {
        let running = self.running.lock().unwrap_or_else(PoisonError::into_inner).take();
        // Joining the server's thread without the GIL lets other Python threads finish their calls.
        py.allow_threads(move || drop(running));
    }
}
