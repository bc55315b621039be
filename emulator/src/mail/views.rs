//! How mail items are rendered: what Exchange derives (`parentFolderId`, `hasAttachments`,
//! `bodyPreview`, `@odata.etag`, folder counts) is computed at read time.

use super::{Folder, Mailbox, Message};
use crate::tenant::{id, text, Obj};
use crate::views::{attachment, html_to_text};
use serde_json::{json, Value};

fn is_html(body: &Value) -> bool {
    body.get("contentType").and_then(Value::as_str).is_some_and(|t| t.eq_ignore_ascii_case("html"))
}

/// A body as text: Graph's answer to `Prefer: outlook.body-content-type="text"`.
pub(crate) fn text_body(body: &Value) -> Value {
    if !is_html(body) {
        return body.clone();
    }
    json!({ "contentType": "text", "content": html_to_text(body["content"].as_str().unwrap_or_default()) })
}

/// The first 255 characters of the body's text, whitespace collapsed.
pub(crate) fn preview(body: &Value) -> String {
    let content = body.get("content").and_then(Value::as_str).unwrap_or_default();
    let text = if is_html(body) { html_to_text(content) } else { content.to_string() };
    text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(255).collect()
}

/// Whether a message has attachments as Graph counts them: inline images do not count.
pub(crate) fn has_attachments(m: &Message) -> bool {
    m.attachments.iter().any(|a| a.get("isInline") != Some(&Value::Bool(true)))
}

/// How a message is shown: body format, expansions, and (on `/beta`, for the caller's address)
/// the beta-only `mentionsPreview`, and `mentions` when expanded.
pub(crate) struct Shown<'a> {
    pub text_bodies: bool,
    pub expand_attachments: bool,
    pub beta_caller: Option<&'a str>,
    pub expand_mentions: bool,
}

pub(crate) fn message(m: &Message, how: &Shown) -> Obj {
    let (text_bodies, expand_attachments) = (how.text_bodies, how.expand_attachments);
    let mut o = m.props.clone();
    let mentions = o.remove("mentions");
    if let Some(me) = how.beta_caller {
        let list = mentions.as_ref().and_then(Value::as_array).cloned().unwrap_or_default();
        let mentioned = list.iter().any(|x| {
            x.pointer("/mentioned/address").and_then(Value::as_str).is_some_and(|a| a.eq_ignore_ascii_case(me))
        });
        o.insert("mentionsPreview".into(), json!({ "isMentioned": mentioned }));
        if how.expand_mentions {
            o.insert("mentions".into(), Value::Array(list));
        }
    }
    if let Some(ck) = text(&m.props, "changeKey") {
        o.insert("@odata.etag".into(), Value::String(format!("W/\"{ck}\"")));
    }
    o.insert("parentFolderId".into(), json!(m.folder));
    o.insert("hasAttachments".into(), json!(has_attachments(m)));
    let body = m.props.get("body").cloned().unwrap_or_else(|| json!({ "contentType": "text", "content": "" }));
    o.insert("bodyPreview".into(), json!(preview(&body)));
    let unique = m.props.get("uniqueBody").cloned().unwrap_or_else(|| body.clone());
    if text_bodies {
        o.insert("body".into(), text_body(&body));
        o.insert("uniqueBody".into(), text_body(&unique));
    } else {
        o.insert("uniqueBody".into(), unique);
    }
    if expand_attachments {
        o.insert(
            "attachments".into(),
            m.attachments.iter().map(|a| Value::Object(mail_attachment(a, false))).collect(),
        );
    }
    o
}

/// An attachment; an item attachment's `item` only with `$expand`.
pub(crate) fn mail_attachment(a: &Obj, expand_item: bool) -> Obj {
    let mut o = attachment(a);
    if !expand_item {
        o.remove("item");
    }
    o
}

pub(crate) fn folder(mb: &Mailbox, f: &Folder) -> Obj {
    let fid = id(&f.props);
    let mut o = f.props.clone();
    let in_folder = mb.messages.iter().filter(|m| m.folder == fid);
    let (total, unread) =
        in_folder.fold((0, 0), |(t, u), m| (t + 1, u + usize::from(m.props.get("isRead") != Some(&Value::Bool(true)))));
    o.insert("childFolderCount".into(), json!(mb.children(fid).count()));
    o.insert("unreadItemCount".into(), json!(unread));
    o.insert("totalItemCount".into(), json!(total));
    o.entry("isHidden").or_insert(Value::Bool(false));
    o
}
