//! `Error::from_response`, `Retry-After`, `Display` texts, and that no token leaks.
mod common;

use common::cases;
use common::*;
use o365kit::error::parse_retry_after;
use o365kit::{ApiError, Error, Method, Request, Response};
use std::time::{Duration, SystemTime};

fn api(res: &Response) -> ApiError {
    match Error::from_response(res) {
        Error::Api(a) => *a,
        other => panic!("{other:?}"),
    }
}

#[test]
fn graph_error_body_from_the_docs() {
    let res = Response::new(400, vec![], fixture_bytes("error_example.json"));
    let a = api(&res);
    assert_eq!(a.status, 400);
    assert_eq!(a.code, "badRequest");
    assert_eq!(a.message, "Uploaded fragment overlaps with existing data.");
    assert_eq!(a.inner_code.as_deref(), Some("invalidRange"));
    assert_eq!(a.request_id.as_deref(), Some("request-id"));
    assert_eq!(a.date.as_deref(), Some("date-time"));
    assert_eq!(a.client_request_id, None);
    assert_eq!(a.retry_after, None);
}

#[test]
fn throttling_error_from_the_docs() {
    let res = Response::new(429, vec![("Retry-After".into(), "2.128".into())], fixture_bytes("error_429.json"));
    let a = api(&res);
    assert_eq!(a.code, "TooManyRequests");
    assert_eq!(a.message, "Please retry again later.");
    assert_eq!(a.inner_code.as_deref(), Some("429"));
    assert_eq!(a.request_id.as_deref(), Some("94fb3b52-452a-4535-a601-69e0a90e3aa2"));
    assert_eq!(a.date.as_deref(), Some("2020-08-18T12:51:51"));
    assert_eq!(a.retry_after, Some(Duration::from_secs_f64(2.128)));
}

#[test]
fn every_operation_turns_graph_errors_into_api_errors() {
    for case in cases::all() {
        assert_not_found(case.op().parse(&ep(), not_found()));
        assert_not_found(case.op().parse(&outlook(), not_found()));
    }
}

#[test]
fn innermost_inner_error_code_and_lowercase_spelling() {
    let body = br#"{"error":{"code":"accessDenied","message":"no","innererror":{"code":"a","innererror":{"code":"b","innerError":{"code":"c","request-id":"deep"}},"request-id":"rid","client-request-id":"crid","date":"2024-01-01T00:00:00"}}}"#;
    let a = api(&Response::new(403, vec![], body.to_vec()));
    assert_eq!(a.code, "accessDenied");
    assert_eq!(a.inner_code.as_deref(), Some("c"));
    assert_eq!(a.request_id.as_deref(), Some("rid"));
    assert_eq!(a.client_request_id.as_deref(), Some("crid"));
    assert_eq!(a.date.as_deref(), Some("2024-01-01T00:00:00"));
}

#[test]
fn ids_and_date_fall_back_to_headers() {
    let headers = vec![
        ("Request-Id".into(), "hdr-rid".into()),
        ("client-request-id".into(), "hdr-crid".into()),
        ("Date".into(), "Tue, 14 May 2024 09:21:07 GMT".into()),
    ];
    let a =
        api(&Response::new(404, headers.clone(), br#"{"error":{"code":"itemNotFound","message":"gone"}}"#.to_vec()));
    assert_eq!(a.request_id.as_deref(), Some("hdr-rid"));
    assert_eq!(a.client_request_id.as_deref(), Some("hdr-crid"));
    assert_eq!(a.date.as_deref(), Some("Tue, 14 May 2024 09:21:07 GMT"));
    assert_eq!(a.inner_code, None);
    // The body's innerError wins over the headers.
    let a = api(&Response::new(
        404,
        headers,
        br#"{"error":{"code":"x","message":"y","innerError":{"request-id":"body-rid"}}}"#.to_vec(),
    ));
    assert_eq!(a.request_id.as_deref(), Some("body-rid"));
}

#[test]
fn non_json_body() {
    let html = b"<html><body><h1>502 Bad Gateway</h1></body></html>\n";
    let a = api(&Response::new(502, vec![("request-id".into(), "r1".into())], html.to_vec()));
    assert_eq!(a.code, "BadGateway");
    assert_eq!(a.message, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    assert_eq!(a.request_id.as_deref(), Some("r1"));
    // Long bodies are cut to 200 characters, on a char boundary.
    let long = "é".repeat(500);
    let a = api(&Response::new(500, vec![], long.into_bytes()));
    assert_eq!(a.message.chars().count(), 200);
    // Invalid UTF-8 is replaced, not a panic.
    let a = api(&Response::new(500, vec![], vec![0xff, 0xfe, b'x']));
    assert!(a.message.ends_with('x'));
    // OAuth-style errors: "error" is a string, not an object.
    let a = api(&Response::new(401, vec![], br#"{"error":"invalid_token","error_description":"expired"}"#.to_vec()));
    assert_eq!(a.code, "Unauthorized");
    assert!(a.message.contains("invalid_token"));
}

#[test]
fn empty_body() {
    for (status, code) in [
        (400, "BadRequest"),
        (401, "Unauthorized"),
        (403, "Forbidden"),
        (404, "NotFound"),
        (409, "Conflict"),
        (412, "PreconditionFailed"),
        (429, "TooManyRequests"),
        (500, "InternalServerError"),
        (503, "ServiceUnavailable"),
        (504, "GatewayTimeout"),
        (418, "HttpError"),
    ] {
        let a = api(&Response::new(status, vec![], vec![]));
        assert_eq!((a.status, a.code.as_str(), a.message.as_str()), (status, code, "(empty body)"));
        let a = api(&Response::new(status, vec![], b" \r\n ".to_vec()));
        assert_eq!(a.message, "(empty body)");
    }
}

#[test]
fn retry_after_on_api_errors() {
    let a = api(&Response::new(503, vec![("retry-after".into(), "120".into())], vec![]));
    assert_eq!(a.retry_after, Some(Duration::from_secs(120)));
    let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(90));
    let a = api(&Response::new(429, vec![("Retry-After".into(), at)], vec![]));
    let d = a.retry_after.unwrap();
    assert!(d > Duration::from_secs(88) && d <= Duration::from_secs(90), "{d:?}");
    let a = api(&Response::new(429, vec![("Retry-After".into(), "later".into())], vec![]));
    assert_eq!(a.retry_after, None);
}

#[test]
fn parse_retry_after_forms() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_715_678_467); // Tue, 14 May 2024 09:21:07 GMT
    assert_eq!(parse_retry_after("0", now), Some(Duration::ZERO));
    assert_eq!(parse_retry_after("  42 ", now), Some(Duration::from_secs(42)));
    assert_eq!(parse_retry_after("1.5", now), Some(Duration::from_millis(1500)));
    assert_eq!(
        parse_retry_after("1e9", now),
        Some(Duration::from_secs(86_400)),
        "fractional forms are capped at a day"
    );
    assert_eq!(parse_retry_after("Tue, 14 May 2024 09:22:07 GMT", now), Some(Duration::from_secs(60)));
    assert_eq!(parse_retry_after("Tue, 14 May 2024 09:20:07 GMT", now), Some(Duration::ZERO));
    assert_eq!(parse_retry_after("Tuesday, 14-May-24 09:22:07 GMT", now), Some(Duration::from_secs(60)));
    assert_eq!(parse_retry_after("2.128", now), Some(Duration::from_millis(2128)));
    assert_eq!(parse_retry_after(".25", now), Some(Duration::from_millis(250)));
    assert_eq!(parse_retry_after("3.", now), Some(Duration::from_secs(3)));
    assert_eq!(parse_retry_after("15E-1", now), Some(Duration::from_millis(1500)));
    assert_eq!(parse_retry_after("1e-30", now), Some(Duration::ZERO));
    assert_eq!(parse_retry_after("0e999999", now), Some(Duration::ZERO));
    assert_eq!(parse_retry_after("1e999999", now), Some(Duration::from_secs(86_400)));
    assert_eq!(parse_retry_after(&format!("0.{}1", "0".repeat(60)), now), Some(Duration::ZERO));
    assert_eq!(parse_retry_after(&format!("{}.5", "9".repeat(60)), now), Some(Duration::from_secs(86_400)));
    for bad in
        ["", "-1", "-0.5", "NaN", "infinity", "1h", "0x10", "Tue, 14 May 2024", ".", "e5", "1e", "1.2.3", "1e5.0"]
    {
        assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
    }
}

#[test]
fn display_texts() {
    let e = Error::from_response(&not_found());
    assert_eq!(e.to_string(), format!("Graph error 404 {NF_CODE}: {NF_MESSAGE} (request-id {NF_REQUEST_ID})"));
    assert_eq!(e.status(), Some(404));
    assert_eq!(e.api().unwrap().code, NF_CODE);
    let e = Error::from_response(&Response::new(500, vec![], vec![]));
    assert_eq!(e.to_string(), "Graph error 500 InternalServerError: (empty body)");
    assert_eq!(Error::invalid("thread_id", "must not be empty").to_string(), "invalid thread_id: must not be empty");
    assert_eq!(Error::invalid("x", "y").status(), None);
    assert_eq!(
        Error::decode("Post", "body.content", "expected a string").to_string(),
        "cannot decode Post at body.content: expected a string"
    );
    assert_eq!(Error::decode("Post", "", "EOF").to_string(), "cannot decode Post: EOF");
    assert_eq!(Error::Transport("connection reset".into()).to_string(), "transport error: connection reset");
    let boxed: Box<dyn std::error::Error> = Box::new(Error::Transport("t".into()));
    assert_eq!(boxed.to_string(), "transport error: t");
}

#[test]
fn ensure_success_is_the_2xx_range() {
    for s in [200, 201, 202, 204, 206, 299] {
        assert!(Response::new(s, vec![], vec![]).ensure_success().is_ok(), "{s}");
    }
    for s in [100, 199, 300, 304, 400, 599] {
        assert_eq!(Response::new(s, vec![], vec![]).ensure_success().unwrap_err().status(), Some(s));
    }
}

#[test]
fn request_debug_redacts_the_token() {
    let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature";
    let mut req =
        Request::new(Method::Post, format!("{BASE}/groups")).header("Authorization", format!("Bearer {token}"));
    req.body = Some(format!("{{\"password\":\"{token}\"}}").into_bytes());
    let dbg = format!("{req:?}");
    assert!(!dbg.contains("secret-payload"), "{dbg}");
    assert!(dbg.contains("<redacted>"), "{dbg}");
    assert!(dbg.contains("body_len: Some("), "{dbg}");
    let lower = Request::get(BASE.into()).header("authorization", format!("Bearer {token}"));
    assert!(!format!("{lower:?}").contains("secret-payload"));
    let pretty = Request::get(BASE.into()).header("AUTHORIZATION", token);
    assert!(!format!("{pretty:#?}").contains("secret-payload"));
    // Other headers are shown.
    let other = Request::get(BASE.into()).header("Prefer", "odata.maxpagesize=5");
    assert!(format!("{other:?}").contains("odata.maxpagesize=5"));
}

#[test]
fn set_header_replaces_case_insensitively() {
    let mut req = Request::get(BASE.into()).header("prefer", "a");
    req.set_header("Prefer", "b");
    assert_eq!(req.headers, vec![("Prefer".to_string(), "b".to_string())]);
    assert_eq!(req.header_value("PREFER"), Some("b"));
}
