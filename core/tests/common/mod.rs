//! Helpers shared by the integration tests: fixtures, canned responses, assertions.
#![allow(dead_code)]

#[macro_use]
pub mod cases;
pub mod cases_calendar;
pub mod cases_files;
pub mod cases_mail;
pub mod docs;

use o365kit::{Endpoint, Error, Request, Response};
use serde_json::Value;

/// The group id used by the docs' examples.
pub const G: &str = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
/// A thread id as the docs show them (base64, with `=` padding).
pub const T: &str =
    "AAQkAGI5MWY5ZmUyLTJiNzYtNDE0ZC04OWEwLWM3M2FjYmM3NzNlZgMkABAAG5c7eC4NYEynIoXsuxXB9RAAG5c7eC4NYEynIoXsuxXB9Q==";
/// `T` as one percent-encoded path segment.
pub const T_ENC: &str =
    "AAQkAGI5MWY5ZmUyLTJiNzYtNDE0ZC04OWEwLWM3M2FjYmM3NzNlZgMkABAAG5c7eC4NYEynIoXsuxXB9RAAG5c7eC4NYEynIoXsuxXB9Q%3D%3D";
/// A conversation id from the docs.
pub const C: &str = "AAQkAGI5MWY5ZmUyLTJiNzYtNDE0ZC04OWEwLWM3M2FjYmM3NzNlZgAQABuXO3guDWBMpyKF7LsVwfU=";
pub const C_ENC: &str = "AAQkAGI5MWY5ZmUyLTJiNzYtNDE0ZC04OWEwLWM3M2FjYmM3NzNlZgAQABuXO3guDWBMpyKF7LsVwfU%3D";
/// A post id from the docs (contains `_` and `==`).
pub const P: &str = "AQMkAGI5MWY5ZmUyLTJiNzYtNDE0ZC04OWEwLWM3M2FjYmM3NwAzZWYARgAAA_b2VnUAiWNLj0xeSOs499YHAMT2RdsuOqRIlQZ4vOzp66YAAAIBDAAAAMT2RdsuOqRIlQZ4vOzp66YAAAINKgAAAA==";
pub const P_ENC: &str = "AQMkAGI5MWY5ZmUyLTJiNzYtNDE0ZC04OWEwLWM3M2FjYmM3NwAzZWYARgAAA_b2VnUAiWNLj0xeSOs499YHAMT2RdsuOqRIlQZ4vOzp66YAAAIBDAAAAMT2RdsuOqRIlQZ4vOzp66YAAAINKgAAAA%3D%3D";
/// A user id.
pub const U: &str = "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e";

pub const BASE: &str = "https://graph.microsoft.com/v1.0";

pub fn ep() -> Endpoint {
    Endpoint::default()
}

pub fn outlook() -> Endpoint {
    Endpoint::outlook_rest("https://outlook.office.com").expect("valid root")
}

pub fn fixture_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

pub fn fixture(name: &str) -> Value {
    serde_json::from_slice(&fixture_bytes(name)).unwrap_or_else(|e| panic!("fixture {name} is not JSON: {e}"))
}

/// A JSON response as Graph sends it.
pub fn json_response(status: u16, body: Vec<u8>) -> Response {
    Response::new(status, vec![("Content-Type".into(), "application/json".into())], body)
}

/// The docs' example response stored in `tests/fixtures/<name>`.
pub fn doc_response(status: u16, name: &str) -> Response {
    json_response(status, fixture_bytes(name))
}

/// A response without a body (202/204).
pub fn empty_response(status: u16) -> Response {
    Response::new(status, vec![], vec![])
}

pub const NF_CODE: &str = "Request_ResourceNotFound";
pub const NF_MESSAGE: &str = "Resource '02bd9fd6-8f93-4758-87c3-1fb73740a315' does not exist or one of its queried reference-property objects are not present.";
pub const NF_REQUEST_ID: &str = "0b4f8a1e-6f07-4a51-9d8f-7c2a4a3b9f10";
pub const NF_CLIENT_REQUEST_ID: &str = "7d1c2f3e-90ab-4cde-8f01-23456789abcd";
pub const NF_DATE: &str = "2024-05-14T09:21:07";

/// A 404 in Graph's error format (`{"error":{"code","message","innerError":{...}}}`).
pub fn not_found() -> Response {
    let body = serde_json::json!({
        "error": {
            "code": NF_CODE,
            "message": NF_MESSAGE,
            "innerError": {
                "date": NF_DATE,
                "request-id": NF_REQUEST_ID,
                "client-request-id": NF_CLIENT_REQUEST_ID
            }
        }
    });
    Response::new(
        404,
        vec![
            ("Content-Type".into(), "application/json".into()),
            ("request-id".into(), NF_REQUEST_ID.into()),
            ("client-request-id".into(), NF_CLIENT_REQUEST_ID.into()),
        ],
        serde_json::to_vec(&body).unwrap(),
    )
}

/// Asserts that `res` is the `Error::Api` made from `not_found()`.
pub fn assert_not_found<T: std::fmt::Debug>(res: Result<T, Error>) {
    match res {
        Err(Error::Api(a)) => {
            assert_eq!(a.status, 404);
            assert_eq!(a.code, NF_CODE);
            assert_eq!(a.message, NF_MESSAGE);
            assert_eq!(a.request_id.as_deref(), Some(NF_REQUEST_ID));
            assert_eq!(a.client_request_id.as_deref(), Some(NF_CLIENT_REQUEST_ID));
            assert_eq!(a.date.as_deref(), Some(NF_DATE));
            assert_eq!(a.retry_after, None);
        }
        other => panic!("expected Error::Api 404, got {other:?}"),
    }
}

/// Asserts `InvalidInput` naming `param`; returns the reason.
pub fn expect_invalid<T: std::fmt::Debug>(res: Result<T, Error>, param: &str) -> String {
    match res {
        Err(Error::InvalidInput { param: p, why }) => {
            assert_eq!(p, param, "wrong param (why: {why})");
            assert!(!why.is_empty());
            why
        }
        other => panic!("expected InvalidInput({param}), got {other:?}"),
    }
}

/// Asserts `Decode` and returns its path.
pub fn expect_decode<T: std::fmt::Debug>(res: Result<T, Error>) -> String {
    match res {
        Err(Error::Decode { path, source, what }) => {
            assert!(!source.is_empty());
            assert!(!what.is_empty());
            path
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

/// The JSON body of a request, after checking it declares JSON.
pub fn json_body(req: &Request) -> Value {
    assert_eq!(req.header_value("content-type"), Some("application/json"), "{req:?}");
    serde_json::from_slice(req.body.as_deref().expect("request has a body")).expect("body is JSON")
}

/// A bodiless request carries no Content-Type and no other header unless asked for.
pub fn assert_no_body(req: &Request) {
    assert!(req.body.is_none(), "{req:?}");
    assert_eq!(req.header_value("content-type"), None);
}

/// Strict percent-decoding: `None` on a malformed escape.
pub fn pct_decode(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The path segments after the endpoint base, panicking if the URL is not under it.
pub fn segments_after<'a>(url: &'a str, base: &str) -> Vec<&'a str> {
    let rest = url.strip_prefix(base).unwrap_or_else(|| panic!("{url} is not under {base}"));
    let rest = rest.strip_prefix('/').unwrap_or_else(|| panic!("{url}: no '/' after base"));
    rest.split('/').collect()
}
