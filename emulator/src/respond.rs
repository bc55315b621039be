//! Per-request context and the plumbing every route shares: JSON responses with Graph's media
//! type, absolute URLs on the emulator's own host, URL decoding and JSON body parsing.

use crate::errors::{GraphError, Result};
use crate::ids;
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::Value;
use std::net::SocketAddr;

pub(crate) const JSON_MEDIA_TYPE: &str =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/// What a response needs to know about its request.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub request_id: String,
    pub client_request_id: String,
    /// `http://host:port` (or `https://`), as the client addressed the emulator; no trailing slash.
    pub base: String,
    /// `v1.0`, or `beta` for a request on `/beta` (links and contexts stay on its version).
    pub version: &'static str,
}

impl Ctx {
    pub fn new(headers: &HeaderMap, local: SocketAddr, scheme: &str) -> Ctx {
        let request_id = ids::guid();
        // Graph echoes a client's id and otherwise reuses its own request id.
        let client_request_id = headers
            .get("client-request-id")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty() && v.len() <= 200)
            .map_or_else(|| request_id.clone(), str::to_string);
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).filter(|h| is_plain_host(h));
        let base = match host {
            Some(h) => format!("{scheme}://{h}"),
            None => format!("{scheme}://{local}"),
        };
        Ctx { request_id, client_request_id, base, version: "v1.0" }
    }

    /// An absolute URL of a Graph resource on this emulator: `http://host:port/v1.0/{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}/{path}", self.base, self.version)
    }

    /// An `@odata.context` value for the given metadata fragment (`groups`, `groups/$entity`...).
    pub fn context(&self, fragment: &str) -> String {
        format!("{}/{}/$metadata#{fragment}", self.base, self.version)
    }
}

/// A Host header that can go into URLs unchanged: a name or address with an optional port.
fn is_plain_host(h: &str) -> bool {
    !h.is_empty() && h.len() <= 255 && h.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]_".contains(&b))
}

/// A JSON response with Graph's media type and OData version.
pub(crate) fn json(status: StatusCode, body: &Value) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    let mut res = Response::new(Body::from(bytes));
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON_MEDIA_TYPE));
    h.insert("odata-version", HeaderValue::from_static("4.0"));
    res
}

/// A response without a body (201/202/204 and friends).
pub(crate) fn empty(status: StatusCode) -> Response {
    let mut res = Response::new(Body::empty());
    *res.status_mut() = status;
    res
}

/// Adds `Location` (for 201 responses).
pub(crate) fn with_location(mut res: Response, url: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(url) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

/// Decodes `%XX` escapes; `+` stays `+` (path segments) unless `plus_is_space` (query strings, as
/// ASP.NET reads them). Malformed escapes are kept as written; bytes that are not UTF-8 become U+FFFD.
pub(crate) fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' if plus_is_space => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a query-string value (RFC 3986 unreserved characters stay as they are).
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~$".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Splits a raw query string into (raw key, raw value) pairs, empty parts dropped.
pub(crate) fn query_pairs(raw: &str) -> Vec<(String, String)> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (p.to_string(), String::new()),
        })
        .collect()
}

/// A request body that must be a JSON object.
pub(crate) fn json_object(body: &[u8]) -> Result<serde_json::Map<String, Value>> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(GraphError::empty_payload());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => Ok(o),
        _ => Err(GraphError::invalid_json()),
    }
}

/// Quotes an id inside an OData key (`groups('id')`): single quotes doubled.
pub(crate) fn key(id: &str) -> String {
    format!("'{}'", id.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_keeps_ids_whole() {
        assert_eq!(percent_decode("AAQk%2B_-%3D%3D", false), "AAQk+_-==");
        assert_eq!(percent_decode("a+b", false), "a+b");
        assert_eq!(percent_decode("a+b", true), "a b");
        assert_eq!(percent_decode("..%2F..%2Fgroups%3F%24top%3D1%23", false), "../../groups?$top=1#");
        assert_eq!(percent_decode("%", false), "%");
        assert_eq!(percent_decode("%4", false), "%4");
        assert_eq!(percent_decode("%zz%41", false), "%zzA");
        assert_eq!(percent_decode("%FF", false), "\u{FFFD}");
    }

    #[test]
    fn encoding_round_trips() {
        let s = "startswith(displayName,'Cont oso') & 'x'=é";
        assert_eq!(percent_decode(&percent_encode(s), true), s);
    }

    #[test]
    fn hosts_with_junk_are_not_trusted() {
        assert!(is_plain_host("127.0.0.1:8080") && is_plain_host("[::1]:80") && is_plain_host("localhost"));
        assert!(!is_plain_host("evil.test/\r\nx") && !is_plain_host("a b") && !is_plain_host(""));
    }
}
