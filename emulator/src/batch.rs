//! JSON batching: `POST /v1.0/$batch` with up to 20 requests, each run through the same routes as
//! on its own (authentication, access rules, faults included) and answered in its own
//! `{id, status, headers, body}`. Requests run in the order given; one whose `dependsOn` did not
//! succeed is answered 424, as Graph does.

use crate::errors::GraphError;
use crate::respond::{json, Ctx};
use crate::App;
use axum::body::{to_bytes, Body};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use axum::response::Response;
use base64::{engine::general_purpose::STANDARD, Engine};
use serde_json::{json, Map, Value};

const MAX_REQUESTS: usize = 20;

/// Whether `path` is the versioned `$batch` endpoint.
pub(crate) fn is_batch(path: &str) -> bool {
    path.trim_end_matches('/').eq_ignore_ascii_case("/v1.0/$batch")
}

fn invalid(message: &str) -> GraphError {
    GraphError::new(400, "BadRequest", message)
}

/// The batch's requests, checked as Graph checks them before running any.
fn requests(body: &[u8]) -> Result<Vec<Map<String, Value>>, GraphError> {
    let v: Value = serde_json::from_slice(body).map_err(|_| invalid("Invalid batch payload format."))?;
    let list = v.get("requests").and_then(Value::as_array).ok_or_else(|| invalid("Invalid batch payload format."))?;
    if list.is_empty() {
        return Err(invalid("Invalid batch payload format."));
    }
    if list.len() > MAX_REQUESTS {
        return Err(invalid("Batch request exceeds the maximum allowed request count of 20."));
    }
    let mut out: Vec<Map<String, Value>> = Vec::new();
    for r in list {
        let o = r.as_object().ok_or_else(|| invalid("Invalid batch payload format."))?;
        let id = o.get("id").and_then(Value::as_str).filter(|s| !s.is_empty());
        let id = id.ok_or_else(|| invalid("Each request in a batch needs a non-empty 'id'."))?;
        if out.iter().any(|p| p.get("id").and_then(Value::as_str) == Some(id)) {
            return Err(invalid(&format!("Batch request has duplicate request id '{id}'.")));
        }
        for key in ["method", "url"] {
            if !o.get(key).is_some_and(Value::is_string) {
                return Err(invalid(&format!("Request '{id}' is missing the '{key}' property.")));
            }
        }
        for dep in o.get("dependsOn").and_then(Value::as_array).into_iter().flatten() {
            let known =
                dep.as_str().is_some_and(|d| out.iter().any(|p| p.get("id").and_then(Value::as_str) == Some(d)));
            if !known {
                return Err(invalid(&format!("Request '{id}' depends on a request that is not earlier in the batch.")));
            }
        }
        out.push(o.clone());
    }
    Ok(out)
}

/// One request of the batch as the routes see it: its own method, URL, headers and body, with the
/// batch's Authorization.
fn sub_request(outer: &Parts, r: &Map<String, Value>) -> Option<axum::http::Request<Body>> {
    let method = Method::from_bytes(r["method"].as_str()?.to_ascii_uppercase().as_bytes()).ok()?;
    let url = r["url"].as_str()?;
    let url = if url.starts_with('/') { format!("/v1.0{url}") } else { format!("/v1.0/{url}") };
    let mut req = axum::http::Request::builder().method(method).uri(url);
    let headers = r.get("headers").and_then(Value::as_object);
    for (k, v) in headers.into_iter().flatten() {
        req = req.header(k.as_str(), v.as_str()?);
    }
    for name in [header::AUTHORIZATION, header::HOST] {
        if let Some(v) = outer.headers.get(&name) {
            req = req.header(name, v.clone());
        }
    }
    let json_body = headers
        .and_then(|h| h.iter().find(|(k, _)| k.eq_ignore_ascii_case("content-type")))
        .and_then(|(_, v)| v.as_str())
        .map_or(true, |t| t.contains("json"));
    let body = match r.get("body") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) if !json_body => STANDARD.decode(s).ok()?,
        Some(b) => serde_json::to_vec(b).ok()?,
    };
    if !body.is_empty()
        && json_body
        && !headers.is_some_and(|h| h.keys().any(|k| k.eq_ignore_ascii_case("content-type")))
    {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    req.body(Body::from(body)).ok()
}

/// An answer as the batch response writes it.
async fn answer(id: &str, res: Response) -> Value {
    let (parts, body) = res.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let mut headers = Map::new();
    for (k, v) in &parts.headers {
        let keep = [header::CONTENT_TYPE, header::LOCATION, header::RETRY_AFTER, header::ETAG].contains(k)
            || k.as_str().eq_ignore_ascii_case("preference-applied");
        if let (true, Ok(v)) = (keep, v.to_str()) {
            headers.insert(k.as_str().to_string(), json!(v));
        }
    }
    let json_body = headers.get("content-type").and_then(Value::as_str).is_some_and(|t| t.contains("json"));
    let body = if bytes.is_empty() {
        Value::Null
    } else if json_body {
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    } else {
        json!(STANDARD.encode(&bytes))
    };
    let mut out = json!({ "id": id, "status": parts.status.as_u16(), "headers": headers });
    if !body.is_null() {
        out["body"] = body;
    }
    out
}

pub(crate) async fn handle(app: &App, ctx: &Ctx, parts: &Parts, body: &[u8]) -> Response {
    if parts.method != Method::POST {
        return GraphError::new(405, "Request_BadRequest", "The batch endpoint takes POST only.").render(ctx);
    }
    let list = match requests(body) {
        Ok(l) => l,
        Err(e) => return e.render(ctx),
    };
    let mut done: Vec<(String, u16)> = Vec::new();
    let mut responses = Vec::new();
    for r in &list {
        let id = r["id"].as_str().unwrap_or_default().to_string();
        let failed_dep = r
            .get("dependsOn")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .any(|d| done.iter().any(|(i, s)| Some(i.as_str()) == d.as_str() && !(200..300).contains(s)));
        let res = if failed_dep {
            GraphError::new(424, "FailedDependency", "A request this one depends on failed.").render(ctx)
        } else {
            match sub_request(parts, r) {
                Some(req) => {
                    let sub = Ctx::new(req.headers(), app.local, app.scheme);
                    Box::pin(crate::route(app, &sub, req)).await
                }
                None => invalid(&format!("Request '{id}' is not a valid request.")).render(ctx),
            }
        };
        done.push((id.clone(), res.status().as_u16()));
        responses.push(answer(&id, res).await);
    }
    json(StatusCode::OK, &json!({ "responses": responses }))
}
