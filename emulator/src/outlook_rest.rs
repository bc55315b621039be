//! The Outlook REST v2.0 dialect of the mail and calendar routes: `/api/v2.0/me/...` and
//! `/api/v2.0/users/{id}/...` answer like `/v1.0`, with PascalCase property names both ways
//! (annotations such as `@odata.context` stay as they are) and contexts on `/api/v2.0/$metadata`.

use crate::errors::{GraphError, Result};
use crate::respond::percent_decode;
use crate::routes::calendar::is_calendar_segment;
use crate::routes::mail::is_mail_segment;
use axum::body::{to_bytes, Body, Bytes};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Uri};
use axum::response::Response;
use serde_json::{Map, Value};

/// Whether a request path is `/api/v2.0/...` (any case).
pub(crate) fn is_v2(path: &str) -> bool {
    let mut segs = path.trim_start_matches('/').split('/');
    segs.next().is_some_and(|s| s.eq_ignore_ascii_case("api"))
        && segs.next().is_some_and(|s| s.eq_ignore_ascii_case("v2.0"))
}

fn recase(v: Value, upper: bool) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| {
                    if k == "@odata.type" {
                        return (k, type_name(v, upper));
                    }
                    let k = if k.starts_with('@') || k.contains('@') { k } else { first_letter(&k, upper) };
                    (k, recase(v, upper))
                })
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(|x| recase(x, upper)).collect()),
        other => other,
    }
}

/// Outlook REST names types `#Microsoft.OutlookServices.FileAttachment`, Graph `#microsoft.graph.fileAttachment`.
fn type_name(v: Value, upper: bool) -> Value {
    let (from, to) = if upper {
        ("#microsoft.graph.", "#Microsoft.OutlookServices.")
    } else {
        ("#Microsoft.OutlookServices.", "#microsoft.graph.")
    };
    match v {
        Value::String(t) => match t.strip_prefix(from) {
            Some(name) => Value::String(format!("{to}{}", first_letter(name, upper))),
            None => Value::String(t),
        },
        other => other,
    }
}

fn first_letter(s: &str, upper: bool) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `IsRead eq false and From/EmailAddress/Address eq 'A@B'` -> camelCase names; literals kept.
fn camel_expression(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut quoted = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\'' {
            quoted = !quoted;
        }
        let prev = if i == 0 { ' ' } else { chars[i - 1] };
        let word: String = chars[i..].iter().take_while(|x| x.is_ascii_alphanumeric()).collect();
        // Words in capitals (`DESC`, `AND`) are keywords; only names start lower case.
        let name = word.chars().any(|x| x.is_ascii_lowercase());
        let starts =
            !quoted && c.is_ascii_uppercase() && name && !(prev.is_ascii_alphanumeric() || prev == '.' || prev == '_');
        out.push(if starts { c.to_ascii_lowercase() } else { c });
    }
    out
}

/// The first segments after `/me` or `/users/{id}` that v2.0 serves: mail and calendar.
fn served(s: &str) -> bool {
    is_mail_segment(s) || is_calendar_segment(s)
}

/// Rewrites a v2.0 request into the v1.0 one the routes serve; only mail and calendar paths exist there.
pub(crate) fn request(parts: &mut Parts, body: &Bytes) -> Result<Bytes> {
    let path = parts.uri.path().to_string();
    let mut rest: Vec<&str> = path.trim_start_matches('/').split('/').skip(2).collect();
    // `/me/SupportedLanguages` and `/me/SupportedTimeZones(...)` are Graph's `/me/outlook/...`.
    let user_segments = if rest.first().is_some_and(|s| s.eq_ignore_ascii_case("me")) { 1 } else { 2 };
    if rest.get(user_segments).is_some_and(|s| {
        let s = s.to_ascii_lowercase();
        s.starts_with("supportedlanguages") || s.starts_with("supportedtimezones")
    }) {
        rest.insert(user_segments, "outlook");
    }
    let mail = match rest.as_slice() {
        [me, x, ..] if me.eq_ignore_ascii_case("me") => served(&percent_decode(x, false)),
        [users, _, x, ..] if users.eq_ignore_ascii_case("users") => served(&percent_decode(x, false)),
        _ => false,
    };
    if !mail {
        let seg = rest.iter().rev().find(|s| !s.is_empty()).copied().unwrap_or("");
        return Err(GraphError::unknown_segment(&percent_decode(seg, false)));
    }
    let query: Vec<String> = parts
        .uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v))
                if ["$filter", "$orderby", "$select", "$expand"]
                    .iter()
                    .any(|o| percent_decode(k, true).eq_ignore_ascii_case(o)) =>
            {
                format!("{k}={}", crate::respond::percent_encode(&camel_expression(&percent_decode(v, true))))
            }
            _ => p.to_string(),
        })
        .collect();
    let mut target = format!("/v1.0/{}", rest.join("/"));
    if !query.is_empty() {
        target = format!("{target}?{}", query.join("&"));
    }
    parts.uri =
        target.parse::<Uri>().map_err(|_| GraphError::new(400, "BadRequest", "The request URL is not valid."))?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(body.clone());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(v) => Ok(Bytes::from(serde_json::to_vec(&recase(v, false)).unwrap_or_default())),
        Err(_) => Ok(body.clone()),
    }
}

/// `users('x')/mailFolders('inbox')/messages(subject)` -> `Users('x')/MailFolders('inbox')/Messages(Subject)`.
fn pascal_fragment(f: &str) -> String {
    let mut out = String::with_capacity(f.len());
    let mut quoted = false;
    let mut prev = '/';
    for c in f.chars() {
        if c == '\'' {
            quoted = !quoted;
        }
        out.push(if !quoted && matches!(prev, '/' | '(' | ',' | '#') { c.to_ascii_uppercase() } else { c });
        prev = c;
    }
    out
}

fn rewrite_url(s: &str, base: &str) -> String {
    let v1 = format!("{base}/v1.0/");
    let Some(rest) = s.strip_prefix(&v1) else { return s.to_string() };
    match rest.strip_prefix("$metadata#") {
        Some(fragment) => format!("{base}/api/v2.0/$metadata#{}", pascal_fragment(fragment)),
        None => format!("{base}/api/v2.0/{rest}"),
    }
}

/// Recases a v1.0 answer into Outlook REST's: PascalCase properties, v2.0 links and contexts.
/// Errors keep their `{"error": {"code", "message"}}` shape, as Outlook REST's do.
pub(crate) async fn response(res: Response, base: &str) -> Response {
    let (mut parts, body) = res.into_parts();
    if let Some(loc) = parts.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()) {
        if let Ok(v) = HeaderValue::from_str(&rewrite_url(loc, base)) {
            parts.headers.insert(header::LOCATION, v);
        }
    }
    let json = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    let Ok(bytes) = to_bytes(body, usize::MAX).await else { return Response::from_parts(parts, Body::empty()) };
    if !json || parts.status.as_u16() >= 400 {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let Ok(Value::Object(mut o)) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    for k in ["@odata.context", "@odata.nextLink", "@odata.deltaLink"] {
        if let Some(Value::String(s)) = o.get(k) {
            let s = rewrite_url(s, base);
            o.insert(k.into(), Value::String(s));
        }
    }
    // A collection's `value` is OData's own name and stays; its items are recased.
    let out = match o.remove("value") {
        Some(items) => {
            let mut top = match recase(Value::Object(o), true) {
                Value::Object(top) => top,
                _ => Map::new(),
            };
            top.insert("value".into(), recase(items, true));
            Value::Object(top)
        }
        None => recase(Value::Object(o), true),
    };
    let out = serde_json::to_vec(&out).unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_change_case_and_literals_do_not() {
        assert_eq!(
            camel_expression("IsRead eq false and From/EmailAddress/Address eq 'Ada@X.test'"),
            "isRead eq false and from/emailAddress/address eq 'Ada@X.test'"
        );
        assert_eq!(camel_expression("ReceivedDateTime DESC"), "receivedDateTime DESC");
        assert_eq!(
            pascal_fragment("users('ab')/mailFolders('inbox')/messages(subject,from)"),
            "Users('ab')/MailFolders('inbox')/Messages(Subject,From)"
        );
        let v = recase(json!({"@odata.etag": "x", "toRecipients": [{"emailAddress": {"address": "a"}}]}), true);
        assert_eq!(v, json!({"@odata.etag": "x", "ToRecipients": [{"EmailAddress": {"Address": "a"}}]}));
        assert!(is_v2("/API/v2.0/me/messages") && !is_v2("/v1.0/me"));
    }
}
