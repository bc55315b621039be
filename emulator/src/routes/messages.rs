//! Messages: list (a mailbox or a folder), get, create (a draft), update, delete (to Deleted
//! Items; from there, for good).

use super::mail::{open, owner_fragment, MailAt, MailPath};
use super::{not_allowed, Call};
use crate::errors::{Family, GraphError, Result};
use crate::mail::{compose, views, Mailbox};
use crate::odata;
use crate::respond::{empty, key, percent_encode, with_location};
use crate::schema::Kind;
use crate::tenant::{id, Obj, Tenant};
use crate::{clock, ids};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;

/// Properties Exchange lets a client change only while the message is a draft.
const DRAFT_ONLY: &[&str] = &[
    "subject",
    "body",
    "from",
    "sender",
    "toRecipients",
    "ccRecipients",
    "bccRecipients",
    "replyTo",
    "internetMessageId",
];

pub(super) fn folder_index(mb: &Mailbox, key: &str) -> Result<usize> {
    mb.folder_index(key).ok_or_else(|| GraphError::no_item(key))
}

pub(super) fn message_index(mb: &Mailbox, mid: &str) -> Result<usize> {
    mb.message_index(mid).ok_or_else(|| GraphError::no_item(mid))
}

/// `users('id')/messages` or `users('id')/mailFolders('inbox')/messages`.
pub(super) fn messages_fragment(t: &Tenant, i: usize, folder: Option<&str>) -> String {
    match folder {
        Some(f) => format!("{}/mailFolders({})/messages", owner_fragment(t, i), key(f)),
        None => format!("{}/messages", owner_fragment(t, i)),
    }
}

/// Where a message lives on this emulator: what `Location` headers say.
pub(super) fn message_url(call: &Call, t: &Tenant, i: usize, mid: &str) -> String {
    call.ctx.url(&format!("users/{}/messages/{}", percent_encode(t.mailboxes[i].owner_id()), percent_encode(mid)))
}

/// A newest-first list, as Outlook lists mail without `$orderby`.
fn newest_first(mut items: Vec<Obj>) -> Vec<Obj> {
    items.sort_by(|a, b| {
        crate::filter::order(&b["receivedDateTime"], &a["receivedDateTime"]).unwrap_or(std::cmp::Ordering::Equal)
    });
    items
}

/// How the caller sees messages: body format and expansions from the query, beta properties on `/beta`.
fn shown<'a>(call: &'a Call, q: &odata::Query) -> views::Shown<'a> {
    let address = crate::tenant::text(&call.caller.user, "mail")
        .or_else(|| crate::tenant::text(&call.caller.user, "userPrincipalName"));
    views::Shown {
        text_bodies: q.text_body,
        expand_attachments: q.expands("attachments"),
        beta_caller: address.filter(|_| call.ctx.version == "beta"),
        expand_mentions: q.expands("mentions"),
    }
}

/// A single message response with the caller's body preference applied.
pub(super) fn one(call: &Call, t: &Tenant, i: usize, mid: &str, status: StatusCode) -> Result<Response> {
    let q = call.query(Kind::Message)?;
    let mb = &t.mailboxes[i];
    let m = &mb.messages[message_index(mb, mid)?];
    let item = views::message(m, &shown(call, &q));
    let fragment = messages_fragment(t, i, None);
    let res = odata::one(call.ctx, &q, Kind::Message, &fragment, item, status)?;
    Ok(if status == StatusCode::CREATED { with_location(res, &message_url(call, t, i, mid)) } else { res })
}

pub(super) fn handle(call: &Call, at: &MailAt) -> Result<Response> {
    match (&at.path, call.method) {
        (MailPath::Messages(folder), &Method::GET) => {
            let q = call.query(Kind::Message)?;
            let (items, fragment) = {
                let t = call.app.tenant();
                let i = open(&t, at, &call.caller.id)?;
                let mb = &t.mailboxes[i];
                let in_folder = folder
                    .as_deref()
                    .map(|f| folder_index(mb, f).map(|x| id(&mb.folders[x].props).to_string()))
                    .transpose()?;
                let items = mb
                    .messages
                    .iter()
                    .filter(|m| in_folder.as_ref().map_or(true, |f| &m.folder == f))
                    .map(|m| views::message(m, &shown(call, &q)))
                    .collect();
                (newest_first(items), messages_fragment(&t, i, folder.as_deref()))
            };
            call.list(&q, Kind::Message, &fragment, items)
        }
        (MailPath::Messages(folder), &Method::POST) => {
            let (props, attachments) = compose::parse(&Value::Object(call.json_body()?))?;
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let mb = &t.mailboxes[i];
            let in_folder = folder
                .as_deref()
                .map(|f| folder_index(mb, f).map(|x| id(&mb.folders[x].props).to_string()))
                .transpose()?;
            let draft = compose::draft(mb, props, attachments, in_folder);
            let mid = id(&draft.props).to_string();
            t.mailboxes[i].messages.push(draft);
            one(call, &t, i, &mid, StatusCode::CREATED)
        }
        (MailPath::Message(mid), &Method::GET) => {
            let t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            one(call, &t, i, mid, StatusCode::OK)
        }
        (MailPath::Message(mid), &Method::PATCH) => {
            let (props, attachments) = compose::parse(&Value::Object(call.json_body()?))?;
            if !attachments.is_empty() {
                return Err(GraphError::bad_request(EX, "Attachments are added with POST .../attachments."));
            }
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let mb = &mut t.mailboxes[i];
            let mi = message_index(mb, mid)?;
            let m = &mut mb.messages[mi];
            if m.props.get("isDraft") != Some(&Value::Bool(true)) {
                if let Some(p) = props.keys().find(|k| DRAFT_ONLY.contains(&k.as_str())) {
                    return Err(GraphError::new(
                        400,
                        "ErrorInvalidPropertyUpdateSentMessage",
                        format!("Update operation failed: property '{p}' can be changed only on a draft."),
                    ));
                }
            }
            m.props.extend(props);
            m.props.insert("lastModifiedDateTime".into(), json!(clock::now_iso()));
            m.props.insert("changeKey".into(), json!(ids::change_key()));
            one(call, &t, i, mid, StatusCode::OK)
        }
        (MailPath::Message(mid), &Method::DELETE) => {
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let mb = &mut t.mailboxes[i];
            let mi = message_index(mb, mid)?;
            let deleted = mb.well_known("deleteditems");
            if mb.subtree(&deleted).contains(&mb.messages[mi].folder) {
                mb.messages.remove(mi);
            } else {
                // A move to another folder gives the item a new id, as Exchange does, unless the
                // caller asked for immutable ids.
                let m = &mut mb.messages[mi];
                if !call.query(Kind::Message)?.immutable_ids {
                    let new_id = ids::mail_item_id();
                    m.props.insert("id".into(), json!(new_id));
                    m.props.insert("webLink".into(), json!(compose::web_link(&new_id)));
                }
                m.folder = deleted;
            }
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (MailPath::Messages(_), _) => not_allowed(EX, "GET, POST"),
        _ => not_allowed(EX, "GET, PATCH, DELETE"),
    }
}
