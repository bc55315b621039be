//! The current time, for resolving `Retry-After` HTTP dates. std has no clock on
//! wasm32-unknown-unknown (it panics), so a binding there installs its host's clock.

use std::sync::OnceLock;
use std::time::SystemTime;

static SOURCE: OnceLock<fn() -> SystemTime> = OnceLock::new();

/// Installs the clock to use instead of std's (the wasm binding passes JavaScript's `Date.now`).
/// The first installed source wins.
pub fn set_source(source: fn() -> SystemTime) {
    let _ = SOURCE.set(source);
}

/// Now, if a clock is known: the installed source, else std's where std has one.
pub fn now() -> Option<SystemTime> {
    if let Some(source) = SOURCE.get() {
        return Some(source());
    }
    if cfg!(all(target_arch = "wasm32", not(target_os = "wasi"))) {
        None
    } else {
        Some(SystemTime::now())
    }
}
