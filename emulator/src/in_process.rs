//! The emulator without a socket: requests handed to it in process, for drivers that send
//! millions of them (the fuzzer in `fuzz/`). Not part of the emulator's API.

use crate::{App, Config};
use axum::body::Body;
use axum::extract::State;
use axum::http::Request;
use axum::response::Response;
use serde_json::Value;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

/// One emulator's state, answering requests as the server does (same handler, same limits).
pub struct Emulator {
    app: Arc<App>,
}

impl Emulator {
    /// An emulator as if it listened on 127.0.0.1:`port`, for the links it writes.
    pub fn new(config: Config, port: u16) -> Emulator {
        Emulator { app: Arc::new(App::new(config, SocketAddr::from((Ipv4Addr::LOCALHOST, port)))) }
    }

    /// The answer to `req`, exactly as the server would send it.
    pub async fn call(&self, req: Request<Body>) -> Response {
        crate::handle(State(self.app.clone()), req).await
    }

    /// Back to the tenant it started with, as `POST /_emulator/reset` does.
    pub fn reset(&self) {
        *self.app.tenant() = self.app.initial.clone();
        *self.app.delta() = crate::delta::Tracker::default();
        self.app.faults().clear();
    }
}

/// Parses a `$filter` text as the emulator does and, when it parses, evaluates it on each of
/// `items`: which pass, or the error Graph's 400 would carry.
pub fn filter(text: &str, items: &[Value]) -> Result<Vec<bool>, String> {
    let expr = crate::filter::parse(text).map_err(|e| format!("{e:?}"))?;
    let mut props = Vec::new();
    expr.properties(&mut props);
    Ok(items.iter().map(|item| expr.matches(item)).collect())
}
