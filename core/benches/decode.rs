//! Decoding a 1000-item Graph page (the three fixture pages every benchmark shares: posts,
//! messages, events) and reading two nested fields of each item, against what Rust peers hand
//! their users:
//! - `serde_json::Value`: graph-rs-sdk's `response.json::<Value>()`, untyped;
//! - for posts, a `#[derive(Deserialize)]` model with `#[serde(flatten)]` for unknown properties:
//!   the usual way to write a lossless typed model by hand;
//! - and o365kit's own check without a model (`decode::checked`: one byte-level pass over the
//!   text against the model's table, `decode/scan.rs`), what the npm package runs.
//!
//! `cargo bench -p o365kit --bench decode` (about a minute); it ends with the ratios.
//! `cargo bench -p o365kit --bench decode -- events` runs one page. Instruction counts, stable on a
//! busy machine: `cargo bench -p o365kit --bench decode_instructions`.

mod common;

use common::{response, Kind, Way, KINDS};
use criterion::{black_box, criterion_group, BatchSize, Criterion};
use serde_json::Value;
use std::time::Duration;

fn group(kind: Kind) -> String {
    format!("decode a 1000-{} page", kind.name().trim_end_matches('s'))
}

fn decode(c: &mut Criterion) {
    for kind in KINDS {
        let body = kind.page();
        let want = kind.value(&body);
        for &way in kind.ways() {
            if way != Way::Checked {
                assert_eq!(
                    kind.run(way, &body),
                    want,
                    "{} read what serde_json read from the {}",
                    way.label(),
                    kind.name()
                );
            }
        }
        let mut g = c.benchmark_group(group(kind));
        g.sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
        for &way in kind.ways() {
            match way {
                // The copy into a `Response` is the transport's, not timed.
                Way::Typed => g.bench_function(way.label(), |b| {
                    b.iter_batched(|| response(&body), |r| kind.typed(r), BatchSize::LargeInput)
                }),
                Way::Checked => g.bench_function(way.label(), |b| {
                    b.iter_batched(|| response(&body), |r| kind.checked(r), BatchSize::LargeInput)
                }),
                _ => g.bench_function(way.label(), |b| b.iter(|| kind.run(way, black_box(&body)))),
            };
        }
        g.finish();
    }
}

/// Criterion keeps each case's estimate in target/criterion; the ratios come from there.
fn print_ratios() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../criterion");
    // Criterion's own directory names: these characters become `_`.
    let slug = |s: &str| s.replace(['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'], "_");
    for kind in KINDS {
        let mean = |way: Way| -> Option<f64> {
            let path = dir.join(slug(&group(kind))).join(slug(way.label())).join("new/estimates.json");
            let est: Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
            est["mean"]["point_estimate"].as_f64()
        };
        let Some(ours) = mean(Way::Typed) else {
            continue;
        };
        println!("\n{}, read two nested fields of each: mean time relative to o365kit", group(kind));
        for &way in kind.ways() {
            if let Some(t) = mean(way) {
                println!("  {:38} {:8.2} ms  {:5.2}x", way.label(), t / 1e6, t / ours);
            }
        }
    }
}

criterion_group!(benches, decode);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    print_ratios();
}
