//! Event attachments: list, add (file, item, reference; up to 3 MB, as for messages), get,
//! delete and `$value`. An occurrence's id reaches its series' attachments.

use super::calendar::{open, owner_fragment, owner_path, CalAt, CalPath, Need};
use super::message_attachments::{parse, raw};
use super::{not_allowed, Call};
use crate::errors::{Family, GraphError, Result};
use crate::ids;
use crate::mail::views::mail_attachment;
use crate::odata;
use crate::respond::{empty, key, percent_encode, with_location};
use crate::schema::Kind;
use crate::tenant::id;
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use serde_json::json;

const EX: Family = Family::Exchange;

pub(super) fn handle(call: &Call, at: &CalAt) -> Result<Response> {
    let (eid, aid) = match &at.path {
        CalPath::Attachments(e) => (e, None),
        CalPath::Attachment(e, a) | CalPath::AttachmentValue(e, a) => (e, Some(a.clone())),
        _ => return Err(GraphError::item_not_found()),
    };
    let value = matches!(at.path, CalPath::AttachmentValue(..));
    let body = if call.method == Method::POST { Some(parse(call.json_body()?)?) } else { None };
    let mut t = call.app.tenant();
    let store = open(&mut t, &at.owner, &call.caller, Need::of(call.method))?;
    let fragment = format!("{}/events({})/attachments", owner_fragment(&t, store), key(eid));
    let base_url = format!("{}/events/{}/attachments", owner_path(&t, store), percent_encode(eid));
    let (ei, _) = t.calendars[store].find(eid).ok_or_else(|| GraphError::no_item(eid))?;
    let event = &mut t.calendars[store].events[ei];
    let position = aid
        .as_ref()
        .map(|a| event.attachments.iter().position(|x| id(x) == a).ok_or_else(|| GraphError::no_item(a)))
        .transpose()?;
    match (position, call.method) {
        (None, &Method::GET) => {
            let q = call.query(Kind::Attachment)?;
            let items = event.attachments.iter().map(|a| mail_attachment(a, false)).collect();
            drop(t);
            call.list(&q, Kind::Attachment, &fragment, items)
        }
        (None, &Method::POST) => {
            let a = body.unwrap_or_default();
            let url = call.ctx.url(&format!("{base_url}/{}", percent_encode(id(&a))));
            event.attachments.push(a.clone());
            event.props.insert("changeKey".into(), json!(ids::change_key()));
            Ok(with_location(odata::created(call.ctx, &fragment, mail_attachment(&a, true)), &url))
        }
        (Some(i), &Method::GET) if value => {
            let (content_type, bytes) = raw(&event.attachments[i]).ok_or_else(|| {
                GraphError::bad_request(EX, "A reference attachment has no content here; follow its sourceUrl.")
            })?;
            let mut res = Response::new(Body::from(bytes));
            if let Ok(v) = HeaderValue::from_str(&content_type) {
                res.headers_mut().insert(header::CONTENT_TYPE, v);
            }
            Ok(res)
        }
        (Some(i), &Method::GET) => {
            let q = call.query(Kind::Attachment)?;
            let expand = q.expands("microsoft.graph.itemAttachment/item");
            odata::one(
                call.ctx,
                &q,
                Kind::Attachment,
                &fragment,
                mail_attachment(&event.attachments[i], expand),
                StatusCode::OK,
            )
        }
        (Some(i), &Method::DELETE) if !value => {
            event.attachments.remove(i);
            event.props.insert("changeKey".into(), json!(ids::change_key()));
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (None, _) => not_allowed(EX, "GET, POST"),
        (Some(_), _) if value => not_allowed(EX, "GET"),
        _ => not_allowed(EX, "GET, DELETE"),
    }
}
