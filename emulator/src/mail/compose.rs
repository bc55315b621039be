//! Writing messages: checking a message body from a request, new drafts, and the drafts that
//! reply, reply-all and forward make (threaded by `conversationId`, quoting the original).

use super::schema::{MESSAGE, MESSAGE_WRITABLE};
use super::{Mailbox, Message};
use crate::errors::{GraphError, Result};
use crate::tenant::{text, Obj};
use crate::{clock, fixture, ids};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::new(400, "BadRequest", msg)
}

fn undeclared(prop: &str) -> GraphError {
    bad(format!(
        "The property '{prop}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type."
    ))
}

fn recipients(v: &Value, what: &str) -> Result<Value> {
    let list = v.as_array().ok_or_else(|| bad(format!("'{what}' must be a collection of recipients.")))?;
    for r in list {
        if !r.pointer("/emailAddress/address").and_then(Value::as_str).is_some_and(|a| !a.trim().is_empty()) {
            return Err(bad(format!("Each of '{what}' needs an emailAddress with an address.")));
        }
    }
    Ok(v.clone())
}

fn one_of(v: &Value, allowed: &[&str], enum_name: &str) -> Result<Value> {
    let s = v.as_str().unwrap_or_default();
    match allowed.iter().find(|a| a.eq_ignore_ascii_case(s)) {
        Some(a) => Ok(json!(a)),
        None => Err(bad(format!("Requested value '{s}' was not found in the {enum_name} enumeration."))),
    }
}

/// Checks the writable properties of a message body; read-only ones are ignored, as Exchange
/// does, unknown ones refused. `attachments` (on create) come back separately.
pub(crate) fn parse(v: &Value) -> Result<(Obj, Vec<Obj>)> {
    let o = v.as_object().ok_or_else(|| bad("A message must be a JSON object."))?;
    let mut props = Obj::new();
    let mut attachments = Vec::new();
    for (k, v) in o {
        let value = match k.as_str() {
            _ if k.starts_with('@') => continue,
            _ if crate::extended::is_extended(k) => {
                crate::extended::check(k, v)?;
                continue;
            }
            "attachments" => {
                let now = clock::now_iso();
                for a in v.as_array().ok_or_else(|| bad("'attachments' must be a collection."))? {
                    attachments.push(fixture::load_attachment(a, &now).map_err(bad)?);
                }
                continue;
            }
            "body" | "uniqueBody" => {
                let content = v.get("content").and_then(Value::as_str).unwrap_or_default();
                let kind = one_of(v.get("contentType").unwrap_or(&json!("html")), &["text", "html"], "bodyType")?;
                json!({ "contentType": kind, "content": content })
            }
            "toRecipients" | "ccRecipients" | "bccRecipients" | "replyTo" => recipients(v, k)?,
            "from" | "sender" if v.is_null() => v.clone(),
            "from" | "sender" => recipients(&json!([v]), k)?[0].clone(),
            "importance" => one_of(v, &["low", "normal", "high"], "importance")?,
            "inferenceClassification" => one_of(v, &["focused", "other"], "inferenceClassificationType")?,
            "flag" => {
                let status = v.get("flagStatus").unwrap_or(&json!("notFlagged")).clone();
                let mut f = v.as_object().cloned().ok_or_else(|| bad("'flag' must be a followupFlag object."))?;
                f.insert(
                    "flagStatus".into(),
                    one_of(&status, &["notFlagged", "complete", "flagged"], "followupFlagStatus")?,
                );
                Value::Object(f)
            }
            "categories" if v.as_array().is_some_and(|a| a.iter().all(Value::is_string)) => v.clone(),
            "isRead" | "isDeliveryReceiptRequested" | "isReadReceiptRequested" if v.is_boolean() => v.clone(),
            "subject" | "internetMessageId" if v.is_string() || v.is_null() => v.clone(),
            "internetMessageHeaders" if v.is_array() => v.clone(),
            "mentions" => mentions(v)?,
            _ if MESSAGE_WRITABLE.contains(&k.as_str()) => {
                return Err(bad(format!("Invalid value for property '{k}'.")))
            }
            _ if MESSAGE.contains(&k.as_str()) => continue,
            _ => return Err(undeclared(k)),
        };
        props.insert(k.clone(), value);
    }
    Ok((props, attachments))
}

/// Beta @-mentions as sent: each names who is mentioned; ids and times are the server's.
fn mentions(v: &Value) -> Result<Value> {
    let list = v.as_array().ok_or_else(|| bad("'mentions' must be a collection."))?;
    let now = clock::now_iso();
    let mut out = Vec::new();
    for m in list {
        let address = m.pointer("/mentioned/address").and_then(Value::as_str).filter(|a| a.contains('@'));
        address.ok_or_else(|| bad("A mention needs 'mentioned' with an email address."))?;
        let mut m = m.as_object().cloned().unwrap_or_default();
        m.entry("id").or_insert_with(|| json!(ids::guid()));
        m.entry("createdDateTime").or_insert_with(|| json!(now));
        m.entry("serverCreatedDateTime").or_insert_with(|| json!(now));
        out.push(Value::Object(m));
    }
    Ok(Value::Array(out))
}

fn conversation_index() -> String {
    let mut b = ids::random_u64().to_be_bytes().to_vec();
    b.extend_from_slice(&ids::random_u64().to_be_bytes());
    b.extend_from_slice(&ids::random_u64().to_be_bytes()[..6]);
    STANDARD.encode(b)
}

/// A child index: the parent's bytes plus five, as Exchange threads replies.
fn child_index(parent: &str) -> String {
    let mut b = STANDARD.decode(parent).unwrap_or_default();
    b.extend_from_slice(&ids::random_u64().to_be_bytes()[..5]);
    STANDARD.encode(b)
}

pub(crate) fn web_link(message_id: &str) -> String {
    format!(
        "https://outlook.office365.com/owa/?ItemID={}&exvsurl=1&viewmodel=ReadMessageItem",
        crate::respond::percent_encode(message_id)
    )
}

/// A new draft in `mb`'s Drafts from the checked properties: sent from the mailbox's owner.
pub(crate) fn draft(mb: &Mailbox, props: Obj, attachments: Vec<Obj>, folder: Option<String>) -> Message {
    let now = clock::now_iso();
    let mid = ids::mail_item_id();
    let domain = mb.address().rsplit_once('@').map_or("contoso.test", |(_, d)| d).to_string();
    let mut o = json!({
        "id": mid,
        "createdDateTime": now,
        "lastModifiedDateTime": now,
        "changeKey": ids::change_key(),
        "categories": [],
        "receivedDateTime": now,
        "sentDateTime": now,
        "internetMessageId": format!("<{}@{domain}>", &ids::guid()[..23].replace('-', "")),
        "subject": "",
        "body": { "contentType": "text", "content": "" },
        "importance": "normal",
        "conversationId": ids::stable("AAQkA", &ids::guid(), 40),
        "conversationIndex": conversation_index(),
        "isDeliveryReceiptRequested": false,
        "isReadReceiptRequested": false,
        "isRead": true,
        "isDraft": true,
        "webLink": web_link(&mid),
        "inferenceClassification": "focused",
        "sender": mb.recipient(),
        "from": mb.recipient(),
        "toRecipients": [],
        "ccRecipients": [],
        "bccRecipients": [],
        "replyTo": [],
        "flag": { "flagStatus": "notFlagged" },
    })
    .as_object()
    .cloned()
    .unwrap_or_default();
    o.extend(props);
    Message { props: o, folder: folder.unwrap_or_else(|| mb.well_known("drafts")), attachments }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Reply,
    ReplyAll,
    Forward,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn names(list: Option<&Value>) -> String {
    let list = list.and_then(Value::as_array).cloned().unwrap_or_default();
    let one = |r: &Value| {
        let a = r.pointer("/emailAddress/address").and_then(Value::as_str).unwrap_or_default();
        match r.pointer("/emailAddress/name").and_then(Value::as_str) {
            Some(n) if !n.is_empty() && n != a => format!("{n} <{a}>"),
            _ => a.to_string(),
        }
    };
    escape(&list.iter().map(one).collect::<Vec<_>>().join("; "))
}

/// The reply or forward draft of `orig` in `mb`: `RE:`/`FW:` subject, recipients, the comment
/// above Outlook's header block and the quoted original.
pub(crate) fn respond(mb: &Mailbox, orig: &Message, kind: Kind, comment: &str) -> Message {
    let p = &orig.props;
    let subject = text(p, "subject").unwrap_or_default();
    let prefix = if kind == Kind::Forward { "FW: " } else { "RE: " };
    let lower = subject.to_ascii_lowercase();
    let subject = if lower.starts_with("re: ") || lower.starts_with("fw: ") {
        subject.to_string()
    } else {
        format!("{prefix}{subject}")
    };
    let me = mb.address().to_ascii_lowercase();
    let not_me = |r: &&Value| {
        r.pointer("/emailAddress/address").and_then(Value::as_str).map_or(true, |a| !a.eq_ignore_ascii_case(&me))
    };
    let reply_to = p.get("replyTo").and_then(Value::as_array).filter(|a| !a.is_empty()).cloned();
    let sender: Vec<Value> =
        reply_to.unwrap_or_else(|| p.get("from").into_iter().filter(|v| !v.is_null()).cloned().collect());
    // Answering one's own sent message goes to its recipients, as Outlook does, not back to oneself.
    let sender = if !sender.is_empty() && !sender.iter().any(|r| not_me(&r)) {
        p.get("toRecipients").and_then(Value::as_array).cloned().unwrap_or_default()
    } else {
        sender
    };
    let (to, cc): (Vec<Value>, Vec<Value>) = match kind {
        Kind::Forward => (Vec::new(), Vec::new()),
        Kind::Reply => (sender, Vec::new()),
        Kind::ReplyAll => {
            let mut to = sender;
            let others = p.get("toRecipients").and_then(Value::as_array).cloned().unwrap_or_default();
            to.extend(others.iter().filter(not_me).filter(|r| !to.contains(r)).cloned().collect::<Vec<_>>());
            let cc = p.get("ccRecipients").and_then(Value::as_array).cloned().unwrap_or_default();
            (to, cc.iter().filter(not_me).cloned().collect())
        }
    };
    let body = p.get("body").cloned().unwrap_or_default();
    let original = match body.get("contentType").and_then(Value::as_str) {
        Some("html") => body["content"].as_str().unwrap_or_default().to_string(),
        _ => format!("<div>{}</div>", escape(body["content"].as_str().unwrap_or_default()).replace('\n', "<br>")),
    };
    let header = format!(
        "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><b>From:</b> {}<br><b>Sent:</b> {}<br><b>To:</b> {}<br>{}<b>Subject:</b> {}</div>",
        names(p.get("from").map(|f| json!([f])).as_ref()),
        text(p, "sentDateTime").unwrap_or_default(),
        names(p.get("toRecipients")),
        match names(p.get("ccRecipients")) {
            cc if cc.is_empty() => String::new(),
            cc => format!("<b>Cc:</b> {cc}<br>"),
        },
        escape(text(p, "subject").unwrap_or_default()),
    );
    let content = format!(
        "<html><body><div>{}</div><hr style=\"display:inline-block;width:98%\">{header}<br>{original}</body></html>",
        escape(comment)
    );
    let props = json!({
        "subject": subject,
        "toRecipients": to,
        "ccRecipients": cc,
        "body": { "contentType": "html", "content": content },
        "uniqueBody": { "contentType": "html", "content": format!("<html><body><div>{}</div></body></html>", escape(comment)) },
        "conversationId": p.get("conversationId").cloned().unwrap_or(Value::Null),
        "conversationIndex": child_index(text(p, "conversationIndex").unwrap_or_default()),
    });
    let attachments = if kind == Kind::Forward { orig.attachments.clone() } else { Vec::new() };
    let attachments = attachments
        .into_iter()
        .map(|mut a| {
            a.insert("id".into(), json!(ids::mail_item_id()));
            a
        })
        .collect();
    draft(mb, props.as_object().cloned().unwrap_or_default(), attachments, None)
}
