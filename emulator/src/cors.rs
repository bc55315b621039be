//! CORS, so that browser code (the Office add-in demo, Playwright tests) can call the emulator
//! from another origin, bearer token and all.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;

const ALLOW_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOW_HEADERS: &[&str] =
    &["Authorization", "Content-Type", "Prefer", "client-request-id", "ConsistencyLevel", "return-client-request-id"];
const EXPOSE_HEADERS: &str =
    "request-id, client-request-id, Retry-After, Location, Content-Type, Preference-Applied, Date, WWW-Authenticate";

/// The answer to a preflight `OPTIONS`: everything the request asked for is allowed.
pub(crate) fn preflight(request: &HeaderMap) -> Response {
    let mut res = crate::respond::empty(StatusCode::NO_CONTENT);
    let mut allowed: Vec<String> = ALLOW_HEADERS.iter().map(|s| s.to_string()).collect();
    let asked = request.get(header::ACCESS_CONTROL_REQUEST_HEADERS).and_then(|v| v.to_str().ok()).unwrap_or("");
    for name in asked.split(',').map(str::trim).filter(|n| is_token(n)) {
        if !allowed.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            allowed.push(name.to_string());
        }
    }
    let h = res.headers_mut();
    h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static(ALLOW_METHODS));
    if let Ok(v) = HeaderValue::from_str(&allowed.join(", ")) {
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, v);
    }
    h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("3600"));
    res
}

/// Headers every response carries: the allowed origin (the caller's, or `*`) and what scripts may read.
pub(crate) fn decorate(res: &mut Response, origin: Option<&HeaderValue>) {
    let h = res.headers_mut();
    match origin.filter(|o| o.to_str().is_ok_and(|s| !s.is_empty())) {
        Some(o) => {
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, o.clone());
            h.append(header::VARY, HeaderValue::from_static("Origin"));
        }
        None => {
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        }
    }
    h.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(EXPOSE_HEADERS));
}

/// An HTTP header name (RFC 9110 token characters).
fn is_token(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
