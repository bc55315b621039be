//! Pre-authenticated URLs, outside `/v1.0` as on the service (where they live on other hosts):
//! upload sessions at `/upload/{token}` (drive files, message and event attachments) and
//! download URLs at `/download/{token}`. They take no token: a request carrying an
//! `Authorization` header is refused with 401, so a client that leaks its bearer token to them
//! fails loudly.
//!
//! Also the `createUploadSession` actions of messages and events (drive sessions are made in
//! `drive.rs`).

use super::calendar::{open as open_calendar, CalAt, Need};
use super::drive::{not_found, store_file};
use super::mail::{open as open_mailbox, MailAt};
use super::messages::message_index;
use super::Call;
use crate::drive::{now, view, Target};
use crate::errors::{GraphError, Result};
use crate::respond::{empty, json, percent_decode, with_location, Ctx};
use crate::tenant::{id, text, Obj, Tenant};
use crate::{clock, fixture, ids, App};
use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

/// Attachments through a session: up to 150 MB.
const MAX_ATTACHMENT: u64 = 150 * 1024 * 1024;

/// Whether `path` is one of the pre-authenticated URLs.
pub(crate) fn is_preauthenticated(first_segment: &str) -> bool {
    first_segment.eq_ignore_ascii_case("upload") || first_segment.eq_ignore_ascii_case("download")
}

fn session_gone() -> GraphError {
    GraphError::new(404, "itemNotFound", "The upload session was not found or has expired.")
}

fn invalid(message: &str) -> GraphError {
    GraphError::new(400, "invalidRequest", message)
}

pub(crate) fn handle(app: &App, ctx: &Ctx, parts: &Parts, body: &[u8]) -> Result<Response> {
    let segs: Vec<String> =
        parts.uri.path().trim_start_matches('/').split('/').map(|s| percent_decode(s, false)).collect();
    if parts.headers.contains_key(header::AUTHORIZATION) {
        return Err(GraphError::new(
            401,
            "unauthenticated",
            "This URL is pre-authenticated: send no Authorization header to it.",
        ));
    }
    match segs.as_slice() {
        [u, token] if u.eq_ignore_ascii_case("upload") => upload(app, ctx, parts, token, body),
        [d, token] if d.eq_ignore_ascii_case("download") => download(app, &parts.method, token),
        _ => Err(not_found()),
    }
}

fn download(app: &App, method: &Method, token: &str) -> Result<Response> {
    if method != Method::GET {
        return super::not_allowed(crate::errors::Family::Exchange, "GET");
    }
    let mut t = app.tenant();
    let now = now();
    t.drives.downloads.retain(|d| d.expires > now);
    let dl = t.drives.downloads.iter().find(|d| d.token == token).cloned().ok_or_else(not_found)?;
    let d = t.drives.drive_mut(&dl.group);
    let i = d.find(&dl.item).ok_or_else(not_found)?;
    let item = &d.items[i];
    let mut res = Response::new(Body::from(item.content.clone()));
    if let Ok(v) = HeaderValue::from_str(&item.mime) {
        res.headers_mut().insert(header::CONTENT_TYPE, v);
    }
    Ok(res)
}

/// The session's progress, as both services answer an unfinished upload and a status request.
fn progress(s: &crate::drive::Session) -> Value {
    json!({ "expirationDateTime": s.expiration(), "nextExpectedRanges": s.next_ranges() })
}

/// `bytes {first}-{last}/{total}`.
fn content_range(parts: &Parts) -> Option<(u64, u64, u64)> {
    let v = parts.headers.get(header::CONTENT_RANGE)?.to_str().ok()?.trim();
    let rest = v.strip_prefix("bytes ")?.trim();
    let (range, total) = rest.split_once('/')?;
    let (a, b) = range.split_once('-')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?, total.trim().parse().ok()?))
}

fn upload(app: &App, ctx: &Ctx, parts: &Parts, token: &str, body: &[u8]) -> Result<Response> {
    let mut t = app.tenant();
    let now = now();
    let expired: Vec<String> = t.drives.sessions.iter().filter(|s| s.expires <= now).map(|s| s.token.clone()).collect();
    t.drives.sessions.retain(|s| !expired.contains(&s.token));
    let si = t.drives.sessions.iter().position(|s| s.token == token).ok_or_else(session_gone)?;
    match parts.method {
        Method::GET => Ok(json(StatusCode::OK, &progress(&t.drives.sessions[si]))),
        Method::DELETE => {
            t.drives.sessions.remove(si);
            Ok(empty(StatusCode::NO_CONTENT))
        }
        Method::PUT => {
            let (first, last, total) = content_range(parts).ok_or_else(|| {
                invalid("The Content-Range header is missing or malformed: expected bytes {first}-{last}/{total}.")
            })?;
            if last < first || last - first + 1 != body.len() as u64 || last >= total {
                return Err(invalid("The Content-Range does not match the length of the request body."));
            }
            let s = &mut t.drives.sessions[si];
            match s.size {
                Some(size) if size != total => {
                    return Err(invalid(&format!(
                        "The Content-Range declares a file of {total} bytes; this upload is {size} bytes."
                    )))
                }
                _ => s.size = Some(total),
            }
            let next = s.received.len() as u64;
            if first != next {
                return Err(GraphError::new(
                    416,
                    "invalidRange",
                    format!("The fragment starts at byte {first}; the next expected byte is {next}."),
                ));
            }
            s.received.extend_from_slice(body);
            if (s.received.len() as u64) < total {
                let status =
                    if matches!(s.target, Target::File { .. }) { StatusCode::ACCEPTED } else { StatusCode::OK };
                return Ok(json(status, &progress(s)));
            }
            let s = t.drives.sessions.remove(si);
            finish(&mut t, app.drive_quota, ctx, s)
        }
        _ => super::not_allowed(crate::errors::Family::Exchange, "GET, PUT, DELETE"),
    }
}

/// The last byte arrived: the file or attachment is made.
fn finish(t: &mut Tenant, quota: u64, ctx: &Ctx, s: crate::drive::Session) -> Result<Response> {
    match s.target {
        Target::File { group, parent, name, conflict, by } => {
            let site = t
                .group(&group)
                .and_then(|g| text(&g.props, "mailNickname").map(str::to_string))
                .unwrap_or_else(|| group.clone());
            let d = t.drives.drive_mut(&group);
            if d.find(&parent).is_none() {
                return Err(not_found());
            }
            let (i, new) = store_file(d, quota, &parent, &name, conflict, s.received, by)?;
            let mut item = view::item(d, i, &site, None);
            item.insert(
                "@odata.context".into(),
                json!(ctx.context(&format!("groups({})/drive/items/$entity", crate::respond::key(&group)))),
            );
            let status = if new { StatusCode::CREATED } else { StatusCode::OK };
            Ok(json(status, &Value::Object(item)))
        }
        Target::Message { mailbox, message, owner, meta } => {
            let mb = t.mailboxes.get_mut(mailbox).ok_or_else(GraphError::item_not_found)?;
            let mi = message_index(mb, &message)?;
            let a = attachment(meta, &s.received)?;
            let aid = id(&a).to_string();
            mb.messages[mi].attachments.push(a);
            mb.messages[mi].props.insert("changeKey".into(), json!(ids::change_key()));
            Ok(attached(ctx, &owner, "Messages", &message, &aid))
        }
        Target::Event { store, event, owner, meta } => {
            let cal = t.calendars.get_mut(store).ok_or_else(GraphError::item_not_found)?;
            let (ei, _) = cal.find(&event).ok_or_else(|| GraphError::no_item(&event))?;
            let a = attachment(meta, &s.received)?;
            let aid = id(&a).to_string();
            cal.events[ei].attachments.push(a);
            cal.events[ei].props.insert("changeKey".into(), json!(ids::change_key()));
            Ok(attached(ctx, &owner, "Events", &event, &aid))
        }
    }
}

/// Outlook answers the last chunk with 201, no body, and the attachment's Outlook URL.
fn attached(ctx: &Ctx, owner: &str, kind: &str, item: &str, aid: &str) -> Response {
    let url = format!("{}/api/v2.0/Users('{owner}')/{kind}('{item}')/Attachments('{aid}')", ctx.base);
    with_location(empty(StatusCode::CREATED), &url)
}

fn attachment(mut meta: Obj, bytes: &[u8]) -> Result<Obj> {
    meta.insert("@odata.type".into(), json!("#microsoft.graph.fileAttachment"));
    meta.insert("contentBytes".into(), json!(STANDARD.encode(bytes)));
    let mut a = fixture::load_attachment(&Value::Object(meta), &clock::now_iso())
        .map_err(|e| GraphError::bad_request(crate::errors::Family::Exchange, e))?;
    a.insert("id".into(), json!(ids::mail_item_id()));
    Ok(a)
}

/// `{"AttachmentItem": {"attachmentType": "file", "name", "size", "contentType"?, "isInline"?}}`,
/// parameter names matched without case as Graph does.
fn attachment_item(call: &Call) -> Result<(Obj, u64)> {
    let body = call.json_body()?;
    let item = body
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("attachmentItem"))
        .and_then(|(_, v)| v.as_object())
        .ok_or_else(|| GraphError::new(400, "ErrorInvalidParameter", "The parameter 'AttachmentItem' is required."))?;
    let get = |name: &str| item.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v);
    let kind = get("attachmentType").and_then(Value::as_str).unwrap_or("");
    if !kind.eq_ignore_ascii_case("file") {
        return Err(GraphError::new(
            400,
            "ErrorInvalidParameter",
            "Only attachmentType 'file' can be uploaded through an upload session.",
        ));
    }
    let name = get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| GraphError::new(400, "ErrorInvalidParameter", "The attachment item's 'name' is required."))?;
    let size = get("size")
        .and_then(Value::as_u64)
        .filter(|&s| s > 0)
        .ok_or_else(|| GraphError::new(400, "ErrorInvalidParameter", "The attachment item's 'size' is required."))?;
    if size > MAX_ATTACHMENT {
        return Err(GraphError::new(
            400,
            "ErrorAttachmentSizeShouldNotBeMoreThanMaxSize",
            "The attachment size is larger than the maximum of 150 MB.",
        ));
    }
    let mut meta = Obj::new();
    meta.insert("name".into(), json!(name));
    meta.insert("size".into(), json!(size));
    let ct = get("contentType").and_then(Value::as_str).unwrap_or("application/octet-stream");
    meta.insert("contentType".into(), json!(ct));
    meta.insert("isInline".into(), json!(get("isInline").and_then(Value::as_bool).unwrap_or(false)));
    Ok((meta, size))
}

fn session_created(ctx: &Ctx, s: &crate::drive::Session) -> Response {
    let body = json!({
        "@odata.context": ctx.context("microsoft.graph.uploadSession"),
        "uploadUrl": format!("{}/upload/{}", ctx.base, s.token),
        "expirationDateTime": s.expiration(),
        "nextExpectedRanges": ["0-"],
    });
    json(StatusCode::CREATED, &body)
}

pub(super) fn create_message_session(call: &Call, at: &MailAt, mid: &str) -> Result<Response> {
    if call.method != Method::POST {
        return super::not_allowed(crate::errors::Family::Exchange, "POST");
    }
    let (meta, size) = attachment_item(call)?;
    let mut t = call.app.tenant();
    let i = open_mailbox(&t, at, &call.caller.id)?;
    message_index(&t.mailboxes[i], mid)?;
    let owner = t.mailboxes[i].owner_id().to_string();
    let target = Target::Message { mailbox: i, message: mid.to_string(), owner, meta };
    let s = t.drives.new_session(Some(size), target);
    Ok(session_created(call.ctx, &s))
}

pub(super) fn create_event_session(call: &Call, at: &CalAt, eid: &str) -> Result<Response> {
    if call.method != Method::POST {
        return super::not_allowed(crate::errors::Family::Exchange, "POST");
    }
    let (meta, size) = attachment_item(call)?;
    let mut t = call.app.tenant();
    let store = open_calendar(&mut t, &at.owner, &call.caller, Need::Write)?;
    t.calendars[store].find(eid).ok_or_else(|| GraphError::no_item(eid))?;
    let owner = t.calendars[store].owner.clone();
    let target = Target::Event { store, event: eid.to_string(), owner, meta };
    let s = t.drives.new_session(Some(size), target);
    Ok(session_created(call.ctx, &s))
}

/// `POST /_emulator/uploads/expire`: every open upload session expires now (for tests of expiry).
pub(crate) fn expire_all(app: &App) {
    let mut t = app.tenant();
    for s in &mut t.drives.sessions {
        s.expires = now() - 1;
    }
}
