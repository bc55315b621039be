//! Posts of a thread: list, get, reply, forward, and their attachments. Also the post input that
//! every create and reply shares.

use super::conversations::{locate, thread_fragment};
use super::{conversation_group, conversation_group_mut, not_allowed, Call, PostAt, Route};
use crate::auth::Caller;
use crate::errors::{Family, GraphError, Result};
use crate::odata;
use crate::params::action_params;
use crate::respond::{empty, key};
use crate::schema::Kind;
use crate::tenant::{self, Obj, Post, Thread};
use crate::{clock, ids, views};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;

fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::bad_request(EX, msg)
}

/// OData's answer to a property the type does not declare.
pub(super) fn undeclared(prop: &str, type_name: &str) -> GraphError {
    bad(format!(
        "The property '{prop}' does not exist on type 'microsoft.graph.{type_name}'. Make sure to only use property names that are defined by the type or mark the type as open type."
    ))
}

/// Checks a list of recipients (`[{"emailAddress": {"address": ...}}]`).
pub(super) fn recipients(v: &Value, what: &str) -> Result<Vec<Value>> {
    let list = v.as_array().ok_or_else(|| bad(format!("'{what}' must be a collection of recipients.")))?;
    for r in list {
        if !r.pointer("/emailAddress/address").and_then(Value::as_str).is_some_and(|a| a.contains('@')) {
            return Err(bad(format!("Each of '{what}' needs an emailAddress with an address.")));
        }
    }
    Ok(list.clone())
}

/// A checked post body: what a new post takes from the request.
#[derive(Debug, Clone)]
pub(super) struct PostInput {
    body: Value,
    new_participants: Vec<Value>,
    categories: Value,
    attachments: Vec<Obj>,
}

const POST_IGNORED: &[&str] =
    &["extensions", "singleValueExtendedProperties", "multiValueExtendedProperties", "inReplyTo", "from", "sender"];

pub(super) fn parse_post(v: &Value) -> Result<PostInput> {
    let o = v.as_object().ok_or_else(|| bad("A post must be a JSON object."))?;
    for k in o.keys() {
        let known =
            Kind::Post.properties().contains(&k.as_str()) || k == "attachments" || POST_IGNORED.contains(&k.as_str());
        if !known && !k.starts_with('@') {
            return Err(undeclared(k, "post"));
        }
    }
    let body = o.get("body").and_then(Value::as_object).ok_or_else(|| bad("The post needs a body."))?;
    let content = body.get("content").and_then(Value::as_str).ok_or_else(|| bad("The post body needs content."))?;
    let content_type = match body.get("contentType").and_then(Value::as_str) {
        None => "html",
        Some(t) if t.eq_ignore_ascii_case("html") => "html",
        Some(t) if t.eq_ignore_ascii_case("text") => "text",
        Some(t) => return Err(bad(format!("Requested value '{t}' was not found in the bodyType enumeration."))),
    };
    let new_participants = match o.get("newParticipants") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => recipients(v, "newParticipants")?,
    };
    let categories = match o.get("categories") {
        Some(Value::Array(a)) if a.iter().all(Value::is_string) => Value::Array(a.clone()),
        None | Some(Value::Null) => json!([]),
        Some(_) => return Err(bad("'categories' must be a collection of strings.")),
    };
    let now = clock::now_iso();
    let attachments = match o.get("attachments") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => {
            list.iter().map(|a| crate::fixture::load_attachment(a, &now).map_err(bad)).collect::<Result<Vec<_>>>()?
        }
        Some(_) => return Err(bad("'attachments' must be a collection.")),
    };
    Ok(PostInput {
        body: json!({ "contentType": content_type, "content": content }),
        new_participants,
        categories,
        attachments,
    })
}

/// Reads `{"post": {...}}`, the body of the reply actions (the name matched without case).
pub(super) fn reply_body(call: &Call) -> Result<PostInput> {
    let body = action_params(call.json_body()?, "reply", &["post"])?;
    parse_post(body.get("post").ok_or_else(|| bad("The parameter 'post' is missing from the request payload."))?)
}

impl PostInput {
    /// The stored post: sent by the caller, now.
    fn into_post(self, caller: &Caller, cid: &str, tid: &str, in_reply_to: Option<String>) -> Post {
        let now = clock::now_iso();
        let from = caller.recipient();
        let props = json!({
            "id": ids::post_id(),
            "createdDateTime": now,
            "lastModifiedDateTime": now,
            "receivedDateTime": now,
            "changeKey": ids::change_key(),
            "categories": self.categories,
            "hasAttachments": !self.attachments.is_empty(),
            "body": self.body,
            "from": from,
            "sender": from,
            "newParticipants": self.new_participants,
            "conversationId": cid,
            "conversationThreadId": tid,
        });
        let props = props.as_object().cloned().unwrap_or_default();
        Post { props, in_reply_to, attachments: self.attachments }
    }
}

/// Adds a reply to a thread: refused when the thread is locked. New participants join the
/// thread's recipients.
pub(super) fn append(
    thread: &mut Thread,
    cid: &str,
    caller: &Caller,
    input: PostInput,
    in_reply_to: Option<String>,
) -> Result<()> {
    if thread.props.get("isLocked") == Some(&Value::Bool(true)) {
        return Err(GraphError::new(
            403,
            "ErrorAccessDenied",
            "The conversation thread is locked; new posts can't be added.",
        ));
    }
    let tid = tenant::id(&thread.props).to_string();
    let to = thread.props.entry("toRecipients").or_insert_with(|| json!([]));
    if let Value::Array(list) = to {
        for p in &input.new_participants {
            if !list.contains(p) {
                list.push(p.clone());
            }
        }
    }
    let post = input.into_post(caller, cid, &tid, in_reply_to);
    thread.posts.push(post);
    Ok(())
}

fn expanded(thread: &Thread, p: &Post, q: &odata::Query) -> Obj {
    let mut o = views::post(p, q.text_body);
    if q.expands("attachments") {
        o.insert(
            "attachments".into(),
            Value::Array(p.attachments.iter().map(|a| Value::Object(views::attachment(a))).collect()),
        );
    }
    if q.expands("inReplyTo") {
        let parent = p.in_reply_to.as_deref().and_then(|id| thread.posts.iter().find(|x| tenant::id(&x.props) == id));
        o.insert("inReplyTo".into(), parent.map_or(Value::Null, |x| Value::Object(views::post(x, q.text_body))));
    }
    o
}

fn find_post<'a>(thread: &'a Thread, id: &str) -> Result<&'a Post> {
    thread.posts.iter().find(|p| tenant::id(&p.props) == id).ok_or_else(|| GraphError::no_item(id))
}

pub(super) fn handle(call: &Call, route: Route) -> Result<Response> {
    match (route, call.method) {
        (Route::Posts(at), &Method::GET) => {
            let q = call.query(Kind::Post)?;
            let t = call.app.tenant();
            let g = conversation_group(&t, &at.group, &call.caller)?;
            let (ci, ti) = locate(g, &at)?;
            let thread = &g.conversations[ci].threads[ti];
            let render = |r: std::ops::Range<usize>| thread.posts[r].iter().map(|p| expanded(thread, p, &q)).collect();
            call.list_rendering(&q, Kind::Post, &format!("{}/posts", thread_fragment(&at)), thread.posts.len(), render)
        }
        (Route::Post(pa), &Method::GET) => {
            let q = call.query(Kind::Post)?;
            let item = {
                let t = call.app.tenant();
                let g = conversation_group(&t, &pa.at.group, &call.caller)?;
                let (ci, ti) = locate(g, &pa.at)?;
                let thread = &g.conversations[ci].threads[ti];
                expanded(thread, find_post(thread, &pa.post)?, &q)
            };
            odata::one(call.ctx, &q, Kind::Post, &format!("{}/posts", thread_fragment(&pa.at)), item, StatusCode::OK)
        }
        (Route::PostReply(pa), &Method::POST) => {
            let input = reply_body(call)?;
            let mut t = call.app.tenant();
            let g = conversation_group_mut(&mut t, &pa.at.group, &call.caller)?;
            let (ci, ti) = locate(g, &pa.at)?;
            let conversation = &mut g.conversations[ci];
            let cid = tenant::id(&conversation.props).to_string();
            let thread = &mut conversation.threads[ti];
            find_post(thread, &pa.post)?;
            append(thread, &cid, &call.caller, input, Some(pa.post.clone()))?;
            Ok(empty(StatusCode::ACCEPTED))
        }
        (Route::PostForward(pa), &Method::POST) => {
            let body = action_params(call.json_body()?, "forward", &["comment", "toRecipients"])?;
            if !matches!(body.get("comment"), None | Some(Value::Null) | Some(Value::String(_))) {
                return Err(bad("'comment' must be a string."));
            }
            let to = recipients(body.get("toRecipients").unwrap_or(&Value::Null), "toRecipients")?;
            if to.is_empty() {
                return Err(bad("At least one recipient is required."));
            }
            let t = call.app.tenant();
            let g = conversation_group(&t, &pa.at.group, &call.caller)?;
            let (ci, ti) = locate(g, &pa.at)?;
            find_post(&g.conversations[ci].threads[ti], &pa.post)?;
            Ok(empty(StatusCode::ACCEPTED))
        }
        (Route::Attachments(pa), &Method::GET) => {
            let q = call.query(Kind::Attachment)?;
            let items = with_post(call, &pa, |p| p.attachments.iter().map(views::attachment).collect())?;
            let fragment = format!("{}/posts({})/attachments", thread_fragment(&pa.at), key(&pa.post));
            call.list(&q, Kind::Attachment, &fragment, items)
        }
        (Route::Attachment(pa, aid), &Method::GET) => {
            let q = call.query(Kind::Attachment)?;
            let found =
                with_post(call, &pa, |p| p.attachments.iter().find(|a| tenant::id(a) == aid).map(views::attachment))?;
            let item = found.ok_or_else(|| GraphError::no_item(&aid))?;
            let fragment = format!("{}/posts({})/attachments", thread_fragment(&pa.at), key(&pa.post));
            odata::one(call.ctx, &q, Kind::Attachment, &fragment, item, StatusCode::OK)
        }
        (Route::PostReply(_) | Route::PostForward(_), _) => not_allowed(EX, "POST"),
        _ => not_allowed(EX, "GET"),
    }
}

fn with_post<T>(call: &Call, pa: &PostAt, f: impl FnOnce(&Post) -> T) -> Result<T> {
    let t = call.app.tenant();
    let g = conversation_group(&t, &pa.at.group, &call.caller)?;
    let (ci, ti) = locate(g, &pa.at)?;
    Ok(f(find_post(&g.conversations[ci].threads[ti], &pa.post)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_input_is_checked() {
        let ok = parse_post(&json!({"body": {"contentType": "HTML", "content": "<p>x</p>"},
            "newParticipants": [{"emailAddress": {"address": "a@b.test"}}],
            "attachments": [{"@odata.type": "#microsoft.graph.fileAttachment", "name": "a.txt", "contentBytes": "aGk="}]}));
        let ok = ok.unwrap();
        assert_eq!(ok.body["contentType"], "html");
        assert_eq!(ok.attachments[0]["size"], 2);
        for bad in [
            json!("x"),
            json!({}),
            json!({"body": {"contentType": "html"}}),
            json!({"body": {"contentType": "rtf", "content": "x"}}),
            json!({"body": {"content": "x"}, "newParticipants": [{"emailAddress": {}}]}),
            json!({"body": {"content": "x"}, "attachments": [{"name": "a", "contentBytes": "***"}]}),
            json!({"body": {"content": "x"}, "colour": "red"}),
        ] {
            assert!(parse_post(&bad).is_err(), "{bad}");
        }
    }
}
