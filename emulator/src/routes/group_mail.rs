//! Mail arriving in a group from outside, as Exchange delivers it: a new conversation, or a reply
//! into an existing thread. Reached through the control route `POST /_emulator/groups/deliver`, so
//! that tests and the demo can make mail arrive as an external sender would (no tenant user, no
//! token, no membership).

use super::posts::{append, parse_post};
use crate::auth::Caller;
use crate::errors::{GraphError, Result};
use crate::respond::json_object;
use crate::tenant::{self, Conversation, Thread};
use crate::{clock, ids, App};
use serde_json::{json, Value};

fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::new(400, "BadRequest", msg)
}

/// The sender: an address, or a recipient object (`{"emailAddress": {"name", "address"}}`).
fn sender(v: Option<&Value>) -> Result<Caller> {
    let (name, address) = match v {
        Some(Value::String(a)) => (a.clone(), a.clone()),
        Some(Value::Object(o)) => {
            let e = o.get("emailAddress").unwrap_or(&Value::Null);
            let address = e.get("address").and_then(Value::as_str).unwrap_or_default().to_string();
            let name = e.get("name").and_then(Value::as_str).unwrap_or(&address).to_string();
            (name, address)
        }
        _ => return Err(bad("'from' is required: an address, or {\"emailAddress\": {\"name\", \"address\"}}.")),
    };
    if !address.contains('@') || address.chars().any(char::is_whitespace) {
        return Err(bad(format!("'from' has no valid address: {address:?}.")));
    }
    let user = json!({ "displayName": name, "mail": address });
    Ok(Caller { id: String::new(), user: user.as_object().cloned().unwrap_or_default() })
}

/// Delivers `{"groupId", "from", "topic" | "threadId", "body", "receivedDateTime"?}` and answers
/// the new post's ids: `{"conversationId", "threadId", "postId", "receivedDateTime"}`.
pub(crate) fn deliver(app: &App, body: &[u8]) -> Result<Value> {
    let o = json_object(body)?;
    for k in o.keys() {
        if !matches!(k.as_str(), "groupId" | "from" | "topic" | "threadId" | "body" | "receivedDateTime") {
            return Err(bad(format!("unknown property '{k}'")));
        }
    }
    let text = |k: &str| match o.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.clone())),
        Some(_) => Err(bad(format!("'{k}' must be a non-empty string"))),
    };
    let gid = text("groupId")?.ok_or_else(|| bad("'groupId' is required"))?;
    let caller = sender(o.get("from"))?;
    let body = match o.get("body") {
        Some(Value::String(s)) => json!({ "contentType": "text", "content": s }),
        Some(v @ Value::Object(_)) => v.clone(),
        _ => return Err(bad("'body' is required: text, or {\"contentType\", \"content\"}")),
    };
    let input = parse_post(&json!({ "body": body }))?;
    let received = text("receivedDateTime")?;
    if let Some(r) = &received {
        clock::parse_iso(r).ok_or_else(|| bad(format!("'receivedDateTime' is not a date-time: {r:?}")))?;
    }
    let (topic, thread_id) = (text("topic")?, text("threadId")?);
    let mut t = app.tenant();
    let g = t.group_mut(&gid).ok_or_else(|| GraphError::resource_not_found(&gid))?;
    let (ci, ti) = match (topic, thread_id) {
        (Some(topic), None) => {
            let cid = ids::conversation_id();
            let props = json!({
                "id": ids::thread_id(), "topic": topic, "isLocked": false,
                "toRecipients": [g.recipient()], "ccRecipients": [],
            });
            let thread = Thread::new(props.as_object().cloned().unwrap_or_default(), Vec::new());
            let props = json!({ "id": cid, "topic": topic }).as_object().cloned().unwrap_or_default();
            g.conversations.push(Conversation { props, threads: vec![thread] });
            (g.conversations.len() - 1, 0)
        }
        (None, Some(tid)) => g.find_thread(&tid).ok_or_else(GraphError::item_not_found)?,
        _ => return Err(bad("give 'topic' (a new conversation) or 'threadId' (a reply), not both")),
    };
    let conversation = &mut g.conversations[ci];
    let cid = tenant::id(&conversation.props).to_string();
    let thread = &mut conversation.threads[ti];
    let parent = crate::views::latest_post_id(thread);
    if let Err(e) = append(thread, &cid, &caller, input, parent) {
        // A refused first post leaves no empty conversation behind.
        if thread.posts.is_empty() {
            g.conversations.remove(ci);
        }
        return Err(e);
    }
    let tid = tenant::id(&thread.props).to_string();
    let post = thread.posts.last_mut().ok_or_else(GraphError::item_not_found)?;
    if let Some(r) = received {
        for k in ["createdDateTime", "lastModifiedDateTime", "receivedDateTime"] {
            post.props.insert(k.into(), json!(r));
        }
    }
    Ok(json!({
        "conversationId": cid,
        "threadId": tid,
        "postId": tenant::id(&post.props),
        "receivedDateTime": post.props.get("receivedDateTime"),
    }))
}
