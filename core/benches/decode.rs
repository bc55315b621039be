//! Decoding a 1000-post Graph page (the fixture of every benchmark) and reading each post's sender
//! address and body, against what Rust peers hand their users:
//! - `serde_json::Value`: graph-rs-sdk's `response.json::<Value>()`, untyped;
//! - a `#[derive(Deserialize)]` model with `#[serde(flatten)]` for unknown properties: the usual
//!   way to write a lossless typed model by hand.
//!
//! `cargo bench -p o365kit --bench decode`; it ends with the ratios.

use criterion::{black_box, criterion_group, BatchSize, Criterion};
use o365kit::ops::ListPosts;
use o365kit::{Endpoint, Operation, Query, Response};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The fixture every benchmark decodes, from its one generator (`python/bench/fixture.py`).
fn posts_page(n: usize) -> Vec<u8> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../python/bench/fixture.py");
    let out = std::process::Command::new("python3").arg(script).arg(n.to_string()).output();
    match out {
        Ok(o) if o.status.success() => o.stdout,
        other => panic!("python3 {script} did not give the fixture: {other:?}"),
    }
}

// Every property is decoded as a real model would; the benchmark reads only two of them.
#[allow(dead_code)]
mod flatten {
    //! The hand-written lossless model, as serde's documentation suggests it.
    use super::*;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Page {
        pub value: Vec<Post>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Post {
        pub id: Option<String>,
        pub body: Option<ItemBody>,
        pub from: Option<Recipient>,
        pub sender: Option<Recipient>,
        pub received_date_time: Option<String>,
        pub created_date_time: Option<String>,
        pub last_modified_date_time: Option<String>,
        pub change_key: Option<String>,
        pub categories: Option<Vec<String>>,
        pub has_attachments: Option<bool>,
        pub new_participants: Option<Vec<Recipient>>,
        pub conversation_id: Option<String>,
        pub conversation_thread_id: Option<String>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ItemBody {
        pub content_type: Option<String>,
        pub content: Option<String>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Recipient {
        pub email_address: Option<EmailAddress>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct EmailAddress {
        pub name: Option<String>,
        pub address: Option<String>,
        #[serde(flatten)]
        pub extra: Map<String, Value>,
    }
}

const GROUP: &str = "decode a 1000-post page, read sender and body";
const CASES: [&str; 4] =
    ["o365kit", "serde_json::Value (graph-rs-sdk)", "serde derive + flatten", "o365kit checked as sent (npm package)"];

/// What a transport hands the core: the status, the headers and the body it read.
fn response(body: &[u8]) -> Response {
    Response::new(200, vec![("content-type".into(), "application/json".into())], body.to_vec())
}

fn o365kit_read(res: Response) -> usize {
    let op = ListPosts { group_id: "g".into(), thread_id: "t".into(), query: Query::new() };
    let page = op.parse(&Endpoint::default(), res).expect("the fixture decodes");
    page.value
        .iter()
        .map(|p| {
            let from = p.from.as_ref().and_then(|f| f.address()).map_or(0, str::len);
            from + p.body.as_ref().and_then(|b| b.content.as_deref()).map_or(0, str::len)
        })
        .sum()
}

fn checked_read(res: Response) -> usize {
    use o365kit::decode::checked::{check, Checked};
    let table = <o365kit::Page<o365kit::model::Post>>::table();
    check(&Endpoint::default(), "Page<Post>", o365kit::OpKind::List, table, res).expect("the fixture checks").json.len()
}

fn value_read(body: &[u8]) -> usize {
    let page: Value = serde_json::from_slice(body).expect("the fixture decodes");
    let posts = page["value"].as_array().map_or(&[][..], Vec::as_slice);
    posts
        .iter()
        .map(|p| {
            let from = p["from"]["emailAddress"]["address"].as_str().map_or(0, str::len);
            from + p["body"]["content"].as_str().map_or(0, str::len)
        })
        .sum()
}

fn flatten_read(body: &[u8]) -> usize {
    let page: flatten::Page = serde_json::from_slice(body).expect("the fixture decodes");
    page.value
        .iter()
        .map(|p| {
            let from = p.from.as_ref().and_then(|f| f.email_address.as_ref()).and_then(|e| e.address.as_deref());
            from.map_or(0, str::len) + p.body.as_ref().and_then(|b| b.content.as_deref()).map_or(0, str::len)
        })
        .sum()
}

fn decode(c: &mut Criterion) {
    let body = posts_page(1000);
    let want = value_read(&body);
    assert_eq!(o365kit_read(response(&body)), want, "o365kit read what serde_json read");
    assert_eq!(flatten_read(&body), want, "the flatten model read what serde_json read");
    let mut g = c.benchmark_group(GROUP);
    // The copy into a `Response` is the transport's, not timed.
    g.bench_function(CASES[0], |b| b.iter_batched(|| response(&body), o365kit_read, BatchSize::LargeInput));
    g.bench_function(CASES[1], |b| b.iter(|| value_read(black_box(&body))));
    g.bench_function(CASES[2], |b| b.iter(|| flatten_read(black_box(&body))));
    // What the npm package does before handing the bytes to `JSON.parse`: check, keep nothing.
    g.bench_function(CASES[3], |b| b.iter_batched(|| response(&body), checked_read, BatchSize::LargeInput));
    g.finish();
}

/// Criterion keeps each case's estimate in target/criterion; the ratios come from there.
fn print_ratios() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../criterion");
    let mean = |case: &str| -> Option<f64> {
        // Criterion's own directory names: these characters become `_`.
        let slug = |s: &str| s.replace(['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'], "_");
        let path = dir.join(slug(GROUP)).join(slug(case)).join("new/estimates.json");
        let est: Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
        est["mean"]["point_estimate"].as_f64()
    };
    let Some(ours) = mean(CASES[0]) else {
        println!("(no estimates found under {}: ratios not printed)", dir.display());
        return;
    };
    println!("\n{GROUP}: mean time relative to o365kit");
    for case in CASES {
        if let Some(t) = mean(case) {
            println!("  {case:34} {:8.2} ms  {:5.2}x", t / 1e6, t / ours);
        }
    }
}

criterion_group!(benches, decode);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    print_ratios();
}
