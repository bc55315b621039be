//! Injected faults: a queue of rules set through `POST /_emulator/faults` (the next N matching
//! requests fail with a status and `Retry-After`, or get a truncated body), and random faults at
//! `--fault-rate`. Faults hit only Graph routes (`/v1.0/...`), never CORS preflights.

use crate::clock;
use crate::ids;
use crate::respond::{json, percent_decode, Ctx};
use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::VecDeque;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rule {
    pub status: u16,
    pub retry_after: Option<u64>,
    pub remaining: u32,
    pub path_prefix: String,
    pub method: Option<String>,
    pub truncate: bool,
    /// Drop the connection halfway through the body (it promised more than it sends).
    pub drop: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    Error { status: u16, retry_after: Option<u64> },
    Truncate,
    Drop,
}

#[derive(Debug, Default)]
pub(crate) struct Faults {
    rules: VecDeque<Rule>,
}

impl Faults {
    /// The fault for this request, if a queued rule matches (first match wins, then counts down).
    /// A prefix matches the path as sent or percent-decoded, so ids may be given either way.
    pub fn take(&mut self, method: &Method, path: &str) -> Option<Fault> {
        let raw = path.to_ascii_lowercase();
        let decoded = percent_decode(path, false).to_ascii_lowercase();
        let i = self.rules.iter().position(|r| {
            let prefix = r.path_prefix.to_ascii_lowercase();
            (raw.starts_with(&prefix) || decoded.starts_with(&prefix))
                && r.method.as_deref().map_or(true, |m| m.eq_ignore_ascii_case(method.as_str()))
        })?;
        let rule = self.rules.get_mut(i)?;
        rule.remaining = rule.remaining.saturating_sub(1);
        let fault = if rule.drop {
            Fault::Drop
        } else if rule.truncate {
            Fault::Truncate
        } else {
            Fault::Error { status: rule.status, retry_after: rule.retry_after }
        };
        if rule.remaining == 0 {
            self.rules.remove(i);
        }
        Some(fault)
    }

    pub fn push(&mut self, rule: Rule) {
        self.rules.push_back(rule);
    }

    pub fn clear(&mut self) {
        self.rules.clear();
    }

    pub fn describe(&self) -> Value {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|r| {
                json!({ "status": r.status, "retryAfter": r.retry_after, "count": r.remaining,
                        "pathPrefix": r.path_prefix, "method": r.method, "truncate": r.truncate, "drop": r.drop })
            })
            .collect();
        json!({ "value": rules })
    }
}

/// Reads a rule: `{"status": 429, "retryAfter": 1, "count": 2, "pathPrefix": "/v1.0/groups",
/// "method": "GET"}`, `{"truncate": true}` or `{"drop": true}`.
pub(crate) fn parse_rule(body: &[u8]) -> Result<Rule, String> {
    let v: Value = serde_json::from_slice(body).map_err(|e| format!("the body must be a JSON object: {e}"))?;
    let o = v.as_object().ok_or("the body must be a JSON object")?;
    for key in o.keys() {
        if !matches!(key.as_str(), "status" | "retryAfter" | "count" | "pathPrefix" | "method" | "truncate" | "drop") {
            return Err(format!("unknown property '{key}'"));
        }
    }
    let flag = |key: &str| match o.get(key) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(format!("'{key}' must be a boolean")),
    };
    let (truncate, drop) = (flag("truncate")?, flag("drop")?);
    if truncate && drop {
        return Err("give 'truncate' or 'drop', not both".into());
    }
    // Both cut a successful answer; only an error rule has an error status.
    let cuts = truncate || drop;
    let int = |key: &str| -> Result<Option<u64>, String> {
        match o.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v.as_u64().map(Some).ok_or(format!("'{key}' must be a non-negative integer")),
        }
    };
    let status = int("status")?.unwrap_or(if cuts { 200 } else { 503 });
    if !cuts && !(400..=599).contains(&status) {
        return Err("'status' must be an error status (400-599)".into());
    }
    let count = int("count")?.unwrap_or(1);
    if count == 0 || count > 1_000_000 {
        return Err("'count' must be between 1 and 1000000".into());
    }
    let text = |key: &str| -> Result<Option<String>, String> {
        match o.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("'{key}' must be a string")),
        }
    };
    let path_prefix = text("pathPrefix")?.unwrap_or_else(|| "/v1.0".into());
    if !path_prefix.starts_with('/') {
        return Err("'pathPrefix' must start with '/'".into());
    }
    Ok(Rule {
        status: status as u16,
        retry_after: int("retryAfter")?,
        remaining: count as u32,
        path_prefix,
        method: text("method")?,
        truncate,
        drop,
    })
}

/// A random fault for `--fault-rate`: half 429, half 503, both with `Retry-After: 1`.
pub(crate) fn random(rate: f64) -> Option<Fault> {
    if rate <= 0.0 || ids::random_unit() >= rate {
        return None;
    }
    let status = if ids::random_unit() < 0.5 { 429 } else { 503 };
    Some(Fault::Error { status, retry_after: Some(1) })
}

/// The response Graph gives for an overloaded or failing service.
pub(crate) fn error_response(status: u16, retry_after: Option<u64>, ctx: &Ctx) -> Response {
    let date = clock::now_inner_error();
    let (code, message) = match status {
        429 => ("TooManyRequests", "Please retry again later."),
        503 => ("serviceNotAvailable", "The service is not available. Try the request again after a delay."),
        500 => ("generalException", "An unspecified error has occurred."),
        502 | 504 => ("UnknownError", ""),
        _ => ("UnknownError", "The request failed."),
    };
    let mut inner = json!({ "date": date, "request-id": ctx.request_id, "client-request-id": ctx.client_request_id });
    if status == 429 {
        inner["code"] = json!("429");
        inner["status"] = json!("429");
        inner["message"] = json!("Please retry after");
    }
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let mut res = json(status, &json!({ "error": { "code": code, "message": message, "innerError": inner } }));
    if let Some(secs) = retry_after {
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    res
}

/// Cuts a response's body in half: well-formed HTTP carrying broken JSON (`drop: false`), or a
/// connection that ends before the body its `Content-Length` promised (`drop: true`).
pub(crate) async fn truncate(res: Response, drop: bool) -> Response {
    let (mut parts, body) = res.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let cut = bytes.slice(..bytes.len() / 2);
    if drop && !bytes.is_empty() {
        // The whole length is promised, half is sent, then the body fails: the server closes the
        // connection mid-body, as a dropped connection looks to a client.
        parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
        let failed = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "fault: connection dropped");
        let chunks = futures_util::stream::iter([Ok(cut), Err(failed)]);
        return Response::from_parts(parts, Body::from_stream(chunks));
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_count_down_and_match_prefixes() {
        let mut f = Faults::default();
        f.push(parse_rule(br#"{"status": 429, "retryAfter": 2, "count": 2, "pathPrefix": "/v1.0/groups"}"#).unwrap());
        assert_eq!(f.take(&Method::GET, "/v1.0/me"), None);
        let want = Some(Fault::Error { status: 429, retry_after: Some(2) });
        assert_eq!(f.take(&Method::GET, "/v1.0/Groups/x"), want);
        assert_eq!(f.take(&Method::POST, "/v1.0/groups"), want);
        assert_eq!(f.take(&Method::GET, "/v1.0/groups"), None);
        f.push(parse_rule(br#"{"truncate": true, "method": "get"}"#).unwrap());
        assert_eq!(f.take(&Method::POST, "/v1.0/groups"), None);
        assert_eq!(f.take(&Method::GET, "/v1.0/groups"), Some(Fault::Truncate));
        f.push(parse_rule(br#"{"drop": true}"#).unwrap());
        assert_eq!(f.take(&Method::GET, "/v1.0/me"), Some(Fault::Drop));
        assert!(parse_rule(br#"{"drop": true, "truncate": true}"#).is_err());
        f.push(parse_rule(br#"{"pathPrefix": "/v1.0/groups/g/threads/AA=="}"#).unwrap());
        assert!(f.take(&Method::GET, "/v1.0/groups/g/threads/AA%3D%3D/posts").is_some());
    }

    #[test]
    fn bad_rules_are_refused() {
        for body in [
            "",
            "[]",
            r#"{"status": 200}"#,
            r#"{"count": 0}"#,
            r#"{"status": "x"}"#,
            r#"{"pathPrefix": "v1.0"}"#,
            r#"{"bogus": 1}"#,
        ] {
            assert!(parse_rule(body.as_bytes()).is_err(), "{body}");
        }
        assert_eq!(parse_rule(b"{}").unwrap().status, 503);
    }

    #[test]
    fn rates_bound_random_faults() {
        assert!((0..100).all(|_| random(0.0).is_none()));
        assert!((0..100).all(|_| random(1.0).is_some()));
    }
}
