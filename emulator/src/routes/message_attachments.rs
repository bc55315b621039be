//! Message attachments: list, get (an item attachment's message with
//! `$expand=microsoft.graph.itemAttachment/item`), add (file, item, reference; inline up to
//! 3 MB), delete, and `$value` (a file's bytes with its content type).

use super::mail::{open, owner_fragment, MailAt, MailPath};
use super::messages::message_index;
use super::{not_allowed, Call};
use crate::errors::{Family, GraphError, Result};
use crate::mail::{views, Message};
use crate::odata::{self, Query};
use crate::respond::{key, percent_encode, with_location};
use crate::schema::Kind;
use crate::tenant::{id, text, Obj};
use crate::{clock, fixture, ids};
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;
/// Graph's limit for an attachment added in one request.
const INLINE_LIMIT: usize = 3 * 1024 * 1024;

fn kind_of(a: &Obj) -> String {
    text(a, "@odata.type").unwrap_or_default().trim_start_matches('#').to_ascii_lowercase()
}

fn find<'a>(m: &'a Message, aid: &str) -> Result<&'a Obj> {
    m.attachments.iter().find(|a| id(a) == aid).ok_or_else(|| GraphError::no_item(aid))
}

fn expands_item(q: &Query) -> bool {
    q.expands("microsoft.graph.itemAttachment/item")
}

/// A checked attachment from a request body.
pub(super) fn parse(body: Obj) -> Result<Obj> {
    let kind = kind_of(&body);
    if !kind.is_empty()
        && !["microsoft.graph.fileattachment", "microsoft.graph.itemattachment", "microsoft.graph.referenceattachment"]
            .contains(&kind.as_str())
    {
        return Err(GraphError::bad_request(EX, format!("The attachment type '{kind}' is not supported.")));
    }
    let size = match body.get("contentBytes").and_then(Value::as_str) {
        Some(b64) => STANDARD.decode(b64.trim()).map(|b| b.len()).unwrap_or(0),
        None => 0,
    };
    if size > INLINE_LIMIT {
        return Err(GraphError::new(
            413,
            "ErrorRequestEntityTooLarge",
            "The attachment is larger than 3 MB. Attach files this large with an upload session (attachment: createUploadSession).",
        ));
    }
    let mut a = fixture::load_attachment(&Value::Object(body), &clock::now_iso())
        .map_err(|e| GraphError::bad_request(EX, e))?;
    a.insert("id".into(), json!(ids::mail_item_id()));
    if kind.ends_with("itemattachment") {
        let item = a
            .get("item")
            .filter(|i| i.is_object())
            .ok_or_else(|| GraphError::bad_request(EX, "An item attachment needs an 'item'."))?;
        let mut item = item.clone();
        item["@odata.type"] = item.get("@odata.type").cloned().unwrap_or(json!("#microsoft.graph.message"));
        a.insert("size".into(), json!(item.to_string().len()));
        a.insert("item".into(), item);
    }
    Ok(a)
}

/// The raw content Graph serves for `$value`: a file's bytes, an item as a small MIME message.
pub(super) fn raw(a: &Obj) -> Option<(String, Vec<u8>)> {
    let kind = kind_of(a);
    if kind.ends_with("fileattachment") {
        let bytes = STANDARD.decode(text(a, "contentBytes")?.trim()).ok()?;
        return Some((text(a, "contentType").unwrap_or("application/octet-stream").to_string(), bytes));
    }
    if kind.ends_with("itemattachment") {
        let item = a.get("item")?;
        let body = item.pointer("/body/content").and_then(Value::as_str).unwrap_or_default();
        let mime = format!(
            "Subject: {}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n{body}",
            item.get("subject").and_then(Value::as_str).unwrap_or_default()
        );
        return Some(("message/rfc822".to_string(), mime.into_bytes()));
    }
    None
}

pub(super) fn handle(call: &Call, at: &MailAt) -> Result<Response> {
    match (&at.path, call.method) {
        (MailPath::Attachments(mid), &Method::GET) => {
            let q = call.query(Kind::Attachment)?;
            let (items, fragment) = {
                let t = call.app.tenant();
                let i = open(&t, at, &call.caller.id)?;
                let mb = &t.mailboxes[i];
                let m = &mb.messages[message_index(mb, mid)?];
                let items = m.attachments.iter().map(|a| views::mail_attachment(a, expands_item(&q))).collect();
                (items, format!("{}/messages({})/attachments", owner_fragment(&t, i), key(mid)))
            };
            call.list(&q, Kind::Attachment, &fragment, items)
        }
        (MailPath::Attachments(mid), &Method::POST) => {
            let a = parse(call.json_body()?)?;
            let aid = id(&a).to_string();
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let fragment = format!("{}/messages({})/attachments", owner_fragment(&t, i), key(mid));
            let owner = t.mailboxes[i].owner_id().to_string();
            let mb = &mut t.mailboxes[i];
            let mi = message_index(mb, mid)?;
            mb.messages[mi].attachments.push(a.clone());
            mb.messages[mi].props.insert("changeKey".into(), json!(ids::change_key()));
            let res = odata::created(call.ctx, &fragment, views::mail_attachment(&a, true));
            let url = format!(
                "users/{}/messages/{}/attachments/{}",
                percent_encode(&owner),
                percent_encode(mid),
                percent_encode(&aid)
            );
            Ok(with_location(res, &call.ctx.url(&url)))
        }
        (MailPath::Attachment(mid, aid), &Method::GET) => {
            let q = call.query(Kind::Attachment)?;
            let t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let mb = &t.mailboxes[i];
            let a = find(&mb.messages[message_index(mb, mid)?], aid)?;
            let fragment = format!("{}/messages({})/attachments", owner_fragment(&t, i), key(mid));
            odata::one(
                call.ctx,
                &q,
                Kind::Attachment,
                &fragment,
                views::mail_attachment(a, expands_item(&q)),
                StatusCode::OK,
            )
        }
        (MailPath::Attachment(mid, aid), &Method::DELETE) => {
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let mb = &mut t.mailboxes[i];
            let mi = message_index(mb, mid)?;
            let m = &mut mb.messages[mi];
            find(m, aid)?;
            m.attachments.retain(|a| id(a) != aid);
            m.props.insert("changeKey".into(), json!(ids::change_key()));
            Ok(crate::respond::empty(StatusCode::NO_CONTENT))
        }
        (MailPath::AttachmentValue(mid, aid), &Method::GET) => {
            let t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let mb = &t.mailboxes[i];
            let a = find(&mb.messages[message_index(mb, mid)?], aid)?;
            let (content_type, bytes) = raw(a).ok_or_else(|| {
                GraphError::bad_request(EX, "A reference attachment has no content here; follow its sourceUrl.")
            })?;
            let mut res = Response::new(Body::from(bytes));
            if let Ok(v) = HeaderValue::from_str(&content_type) {
                res.headers_mut().insert(header::CONTENT_TYPE, v);
            }
            Ok(res)
        }
        (MailPath::Attachments(_), _) => not_allowed(EX, "GET, POST"),
        (MailPath::AttachmentValue(..), _) => not_allowed(EX, "GET"),
        _ => not_allowed(EX, "GET, DELETE"),
    }
}
