//! The one error type of the library. It never holds a token or an Authorization header.

use crate::http::Response;
use serde_json::Value;
use std::fmt;
use std::time::{Duration, SystemTime};

/// What went wrong, typed so that callers (and bindings) can branch on it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The service answered with an error status.
    Api(Box<ApiError>),
    /// The service answered, but the body is not what the operation expects.
    Decode {
        /// What was being read, e.g. "Page<Post>".
        what: String,
        /// JSON path of the offending value, e.g. "value[3].from.emailAddress".
        path: String,
        /// The parser's own words.
        source: String,
    },
    /// An argument was rejected before any request was made.
    InvalidInput { param: String, why: String },
    /// The request never got an HTTP answer (DNS, connect, TLS, reset, timeout).
    Transport(String),
    /// The upload session is gone (expired, or cancelled): start a new one and upload again.
    UploadExpired {
        /// The session's expiry as the service last gave it.
        expiration_date_time: Option<String>,
    },
}

/// A Microsoft Graph error response.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApiError {
    pub status: u16,
    /// Graph's `error.code`, e.g. "ErrorItemNotFound".
    pub code: String,
    pub message: String,
    /// The innermost `innerError.code`, when Graph nests one.
    pub inner_code: Option<String>,
    pub request_id: Option<String>,
    pub client_request_id: Option<String>,
    pub date: Option<String>,
    /// From the `Retry-After` header, whether the server sent seconds or an HTTP date.
    pub retry_after: Option<Duration>,
}

impl Error {
    pub fn invalid(param: &str, why: impl Into<String>) -> Self {
        Error::InvalidInput { param: param.to_string(), why: why.into() }
    }

    pub fn decode(what: &str, path: impl Into<String>, source: impl fmt::Display) -> Self {
        Error::Decode { what: what.to_string(), path: path.into(), source: source.to_string() }
    }

    /// Builds `Error::Api` from any non-success response, whatever its body holds.
    pub fn from_response(res: &Response) -> Self {
        let body: Option<Value> = crate::decode::text::value(&res.body).ok();
        let err = body.as_ref().and_then(|b| b.get("error"));
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
        let inner = err.and_then(|e| e.get("innerError").or_else(|| e.get("innererror")));
        let mut api = ApiError {
            status: res.status,
            code: text(err.and_then(|e| e.get("code"))).unwrap_or_else(|| status_code_name(res.status).to_string()),
            message: text(err.and_then(|e| e.get("message"))).unwrap_or_else(|| body_excerpt(&res.body)),
            inner_code: innermost_code(inner),
            request_id: text(inner.and_then(|i| i.get("request-id").or_else(|| i.get("requestId"))))
                .or_else(|| res.header("request-id").map(str::to_string)),
            client_request_id: text(inner.and_then(|i| i.get("client-request-id")))
                .or_else(|| res.header("client-request-id").map(str::to_string)),
            date: text(inner.and_then(|i| i.get("date"))).or_else(|| res.header("date").map(str::to_string)),
            retry_after: None,
        };
        api.retry_after = res.header("retry-after").and_then(retry_after_now);
        Error::Api(Box::new(api))
    }

    /// The HTTP status, for API errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(a) => Some(a.status),
            _ => None,
        }
    }

    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(a) => Some(a),
            _ => None,
        }
    }
}

fn innermost_code(mut inner: Option<&Value>) -> Option<String> {
    let mut code = None;
    while let Some(i) = inner {
        if let Some(c) = i.get("code").and_then(Value::as_str) {
            code = Some(c.to_string());
        }
        inner = i.get("innerError").or_else(|| i.get("innererror"));
    }
    code
}

fn body_excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return "(empty body)".into();
    }
    text.chars().take(200).collect()
}

fn status_code_name(status: u16) -> &'static str {
    match status {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        412 => "PreconditionFailed",
        413 => "RequestEntityTooLarge",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "HttpError",
    }
}

/// `Retry-After` against the current time; an HTTP date needs a clock (see `clock`).
pub fn retry_after_now(value: &str) -> Option<Duration> {
    match seconds(value.trim()) {
        Some(d) => Some(d),
        None => parse_retry_after(value, crate::clock::now()?),
    }
}

fn seconds(value: &str) -> Option<Duration> {
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    decimal_seconds(value)
}

/// Not in the RFC but sent by some proxies: a decimal number of seconds ("1.5", "2e3"), capped at a
/// day. Read by hand: `f64::from_str` brings about 14 KB of tables and code into the wasm build.
fn decimal_seconds(value: &str) -> Option<Duration> {
    const DAY_NANOS: u64 = 86_400 * 1_000_000_000;
    let (mantissa, exp) = match value.find(['e', 'E']) {
        Some(i) => (&value[..i], value[i + 1..].parse::<i32>().ok()?),
        None => (value, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if int.len() + frac.len() == 0 || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The value is `n * 10^scale` nanoseconds; digits beyond 18 only shift the scale (in u64:
    // u128 arithmetic and formatting cost the npm package 1 KB).
    let mut n: u64 = 0;
    let mut scale = i64::from(exp) - frac.len() as i64 + 9;
    for d in digits() {
        if n < 10u64.pow(18) {
            n = n * 10 + u64::from(d - b'0');
        } else {
            scale += 1;
        }
    }
    let nanos = if n == 0 {
        Some(0)
    } else if scale >= 0 {
        u32::try_from(scale).ok().and_then(|s| 10u64.checked_pow(s)).and_then(|p| n.checked_mul(p))
    } else {
        Some(u32::try_from(-scale).ok().and_then(|s| 10u64.checked_pow(s)).map_or(0, |p| n / p))
    };
    Some(Duration::from_nanos(nanos.unwrap_or(u64::MAX).min(DAY_NANOS)))
}

/// `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Some(d) = seconds(value) {
        return Some(d);
    }
    let at = std::time::UNIX_EPOCH + Duration::from_secs(u64::try_from(crate::datetime::http_date(value)?).ok()?);
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(a) => {
                write!(f, "Graph error {} {}: {}", a.status, a.code, a.message)?;
                if let Some(id) = &a.request_id {
                    write!(f, " (request-id {id})")?;
                }
                Ok(())
            }
            Error::Decode { what, path, source } => {
                if path.is_empty() {
                    write!(f, "cannot decode {what}: {source}")
                } else {
                    write!(f, "cannot decode {what} at {path}: {source}")
                }
            }
            Error::InvalidInput { param, why } => write!(f, "invalid {param}: {why}"),
            Error::Transport(why) => write!(f, "transport error: {why}"),
            Error::UploadExpired { expiration_date_time } => {
                f.write_str("the upload session expired or no longer exists")?;
                if let Some(at) = expiration_date_time {
                    write!(f, " (it expired at {at})")?;
                }
                f.write_str("; create a new session and upload again")
            }
        }
    }
}

impl std::error::Error for Error {}
