//! Fuzz targets: each takes arbitrary bytes and panics only when the code under test breaks a
//! promise (a panic of its own, a success that does not decode again, a server error).
//!
//! The same functions run in two ways: `tests/short.rs` (plain `cargo test`: the seed corpora
//! and a few seconds of mutations each) and `libfuzzer/` (coverage-guided, `fuzz/run`).

pub mod core_targets;
pub mod emulator_targets;
pub mod mutate;
pub mod request_text;

/// A target: arbitrary bytes in, a panic only on a broken promise.
pub type Target = fn(&[u8]);

/// Every target by name, as the corpus directories and the libFuzzer binaries are named.
pub const TARGETS: &[(&str, Target)] = &[
    ("decode", core_targets::decode),
    ("models", core_targets::models),
    ("error", core_targets::error),
    ("batch", core_targets::batch),
    ("delta", core_targets::delta),
    ("emulator_request", emulator_targets::request),
    ("emulator_filter", emulator_targets::filter),
];

/// Runs the target named `name` on `data`.
pub fn run(name: &str, data: &[u8]) {
    let (_, target) = TARGETS.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("no fuzz target {name:?}"));
    target(data)
}
