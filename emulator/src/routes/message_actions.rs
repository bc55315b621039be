//! Message actions: sendMail, send (a draft), reply / replyAll / forward and their create*
//! drafts, move and copy (new ids, as Exchange gives), unsubscribe.

use super::mail::{open, Action, MailAt, MailPath};
use super::messages::{folder_index, message_index, one};
use super::{not_allowed, Call};
use crate::errors::{Family, GraphError, Result};
use crate::mail::compose::{self, Kind};
use crate::mail::{deliver, Message};
use crate::params::action_params;
use crate::respond::empty;
use crate::tenant::{id, Obj, Tenant};
use crate::{clock, ids};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::bad_request(Family::Exchange, msg)
}

/// An action's body: none at all is an empty parameter set.
fn params(call: &Call, operation: &str, names: &[&str]) -> Result<Obj> {
    if call.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Obj::new());
    }
    action_params(call.json_body()?, operation, names)
}

/// Sent by someone other than the mailbox owner (a delegate): `sender` says who.
fn stamp_sender(t: &Tenant, i: usize, m: &mut Message, caller: &super::Caller) {
    m.props.insert("from".into(), t.mailboxes[i].recipient());
    let sender = if t.mailboxes[i].owner_id() == caller.id { t.mailboxes[i].recipient() } else { caller.recipient() };
    m.props.insert("sender".into(), sender);
}

pub(super) fn handle(call: &Call, at: &MailAt) -> Result<Response> {
    if call.method != Method::POST {
        return not_allowed(Family::Exchange, "POST");
    }
    match &at.path {
        MailPath::SendMail => send_mail(call, at),
        MailPath::MessageAction(mid, action) => match action {
            Action::Send => send_draft(call, at, mid),
            Action::Reply | Action::ReplyAll | Action::Forward => respond(call, at, mid, *action, false),
            Action::CreateReply | Action::CreateReplyAll | Action::CreateForward => {
                respond(call, at, mid, *action, true)
            }
            Action::Move | Action::Copy => move_or_copy(call, at, mid, *action == Action::Copy),
            Action::Unsubscribe => unsubscribe(call, at, mid),
        },
        _ => not_allowed(Family::Exchange, "POST"),
    }
}

fn send_mail(call: &Call, at: &MailAt) -> Result<Response> {
    let p = action_params(call.json_body()?, "sendMail", &["message", "saveToSentItems"])?;
    let message =
        p.get("message").ok_or_else(|| bad("The parameter 'message' is missing from the request payload."))?;
    let save = match p.get("saveToSentItems") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") => {
            s.eq_ignore_ascii_case("true")
        }
        Some(_) => return Err(bad("'saveToSentItems' must be a boolean.")),
    };
    let (props, attachments) = compose::parse(message)?;
    let mut t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    let mut m = compose::draft(&t.mailboxes[i], props, attachments, None);
    stamp_sender(&t, i, &mut m, &call.caller);
    deliver::send(&mut t, i, m, save)?;
    Ok(empty(StatusCode::ACCEPTED))
}

fn send_draft(call: &Call, at: &MailAt, mid: &str) -> Result<Response> {
    let mut t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    let mb = &t.mailboxes[i];
    let mut m = mb.messages[message_index(mb, mid)?].clone();
    stamp_sender(&t, i, &mut m, &call.caller);
    deliver::send(&mut t, i, m, true)?;
    deliver::take(&mut t.mailboxes[i], mid);
    Ok(empty(StatusCode::ACCEPTED))
}

fn respond(call: &Call, at: &MailAt, mid: &str, action: Action, create: bool) -> Result<Response> {
    let (kind, op) = match action {
        Action::Reply | Action::CreateReply => (Kind::Reply, "reply"),
        Action::ReplyAll | Action::CreateReplyAll => (Kind::ReplyAll, "replyAll"),
        _ => (Kind::Forward, "forward"),
    };
    let op = if create { format!("create{}{}", op[..1].to_ascii_uppercase(), &op[1..]) } else { op.to_string() };
    let names: &[&str] =
        if kind == Kind::Forward { &["comment", "toRecipients", "message"] } else { &["comment", "message"] };
    let p = params(call, &op, names)?;
    let comment = match p.get("comment") {
        None | Some(Value::Null) => "",
        Some(Value::String(s)) => s.as_str(),
        Some(_) => return Err(bad("'comment' must be a string.")),
    };
    let extra = match p.get("message") {
        None | Some(Value::Null) => Obj::new(),
        Some(m) => compose::parse(m)?.0,
    };
    let to = match p.get("toRecipients") {
        None | Some(Value::Null) => None,
        Some(v) => Some(compose::parse(&json!({ "toRecipients": v }))?.0.remove("toRecipients").unwrap_or_default()),
    };
    let mut t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    let mb = &t.mailboxes[i];
    let orig = &mb.messages[message_index(mb, mid)?];
    let mut draft = compose::respond(mb, orig, kind, comment);
    if let Some(to) = to {
        draft.props.insert("toRecipients".into(), to);
    }
    draft.props.extend(extra);
    stamp_sender(&t, i, &mut draft, &call.caller);
    if create {
        let new_id = id(&draft.props).to_string();
        t.mailboxes[i].messages.push(draft);
        return one(call, &t, i, &new_id, StatusCode::CREATED);
    }
    deliver::send(&mut t, i, draft, true)?;
    Ok(empty(StatusCode::ACCEPTED))
}

fn move_or_copy(call: &Call, at: &MailAt, mid: &str, copy: bool) -> Result<Response> {
    let p = action_params(call.json_body()?, if copy { "copy" } else { "move" }, &["destinationId"])?;
    let dest = p.get("destinationId").and_then(Value::as_str).filter(|s| !s.is_empty());
    let dest =
        dest.ok_or_else(|| bad("The parameter 'destinationId' is missing from the request payload."))?.to_string();
    let mut t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    let mb = &mut t.mailboxes[i];
    let mi = message_index(mb, mid)?;
    let folder = id(&mb.folders[folder_index(mb, &dest)?].props).to_string();
    let keep_id = !copy && call.query(crate::schema::Kind::Message)?.immutable_ids;
    let mut m = if copy { mb.messages[mi].clone() } else { mb.messages.remove(mi) };
    // An immutable id stays when the item moves; otherwise Exchange gives it a new one.
    let new_id = if keep_id { mid.to_string() } else { ids::mail_item_id() };
    m.props.insert("id".into(), json!(new_id));
    m.props.insert("webLink".into(), json!(compose::web_link(&new_id)));
    m.props.insert("changeKey".into(), json!(ids::change_key()));
    m.props.insert("lastModifiedDateTime".into(), json!(clock::now_iso()));
    if copy {
        for a in &mut m.attachments {
            a.insert("id".into(), json!(ids::mail_item_id()));
        }
    }
    m.folder = folder;
    mb.messages.push(m);
    one(call, &t, i, &new_id, StatusCode::CREATED)
}

/// The `mailto:` target of a `List-Unsubscribe` header, if the message has one.
fn unsubscribe_address(m: &Message) -> Option<String> {
    let headers = m.props.get("internetMessageHeaders")?.as_array()?;
    let h = headers.iter().find(|h| h["name"].as_str().is_some_and(|n| n.eq_ignore_ascii_case("List-Unsubscribe")))?;
    let value = h["value"].as_str()?;
    let start = value.to_ascii_lowercase().find("mailto:")? + "mailto:".len();
    let rest = &value[start..];
    let end = rest.find(['>', '?', ',', ' ']).unwrap_or(rest.len());
    Some(rest[..end].to_string()).filter(|a| a.contains('@'))
}

fn unsubscribe(call: &Call, at: &MailAt, mid: &str) -> Result<Response> {
    let t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    let mb = &t.mailboxes[i];
    let m = &mb.messages[message_index(mb, mid)?];
    match unsubscribe_address(m) {
        Some(_) => Ok(empty(StatusCode::ACCEPTED)),
        None => Err(GraphError::new(
            400,
            "ErrorInvalidRequest",
            "The message can't be unsubscribed from: it has no List-Unsubscribe header with a mailto: address.",
        )),
    }
}
