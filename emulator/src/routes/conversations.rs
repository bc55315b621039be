//! Group conversations and threads: list, get, create, lock, delete, reply.

use super::posts::{append, parse_post, recipients, reply_body, undeclared, PostInput};
use super::{conversation_group, conversation_group_mut, not_allowed, Call, Route, ThreadAt};
use crate::auth::Caller;
use crate::errors::{Family, GraphError, Result};
use crate::odata::{self, Query};
use crate::respond::{empty, json, key, percent_encode, with_location};
use crate::schema::Kind;
use crate::tenant::{self, Conversation, Group, Obj, Thread};
use crate::{ids, views};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;

fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::bad_request(EX, msg)
}

/// `groups('g')/threads('t')` or `groups('g')/conversations('c')/threads('t')`.
pub(super) fn thread_fragment(at: &ThreadAt) -> String {
    format!("{}({})", threads_fragment(&at.group, at.conversation.as_deref()), key(&at.thread))
}

fn threads_fragment(group: &str, conversation: Option<&str>) -> String {
    match conversation {
        Some(c) => format!("groups({})/conversations({})/threads", key(group), key(c)),
        None => format!("groups({})/threads", key(group)),
    }
}

fn conversation_index(g: &Group, cid: &str) -> Result<usize> {
    g.conversations.iter().position(|c| tenant::id(&c.props) == cid).ok_or_else(|| GraphError::no_item(cid))
}

/// The thread a path names: (conversation index, thread index), or 404.
pub(super) fn locate(g: &Group, at: &ThreadAt) -> Result<(usize, usize)> {
    match &at.conversation {
        Some(cid) => {
            let ci = conversation_index(g, cid)?;
            let ti = g.conversations[ci].threads.iter().position(|t| tenant::id(&t.props) == at.thread);
            Ok((ci, ti.ok_or_else(|| GraphError::no_item(&at.thread))?))
        }
        None => g.find_thread(&at.thread).ok_or_else(|| GraphError::no_item(&at.thread)),
    }
}

/// Newest first, as Graph lists conversations and threads; among equal times the later-created first.
fn newest_first(mut items: Vec<Obj>) -> Vec<Obj> {
    items.reverse();
    // Dates are parsed once per item rather than at each of the sort's comparisons.
    let parsed: Option<Vec<Option<i128>>> = items
        .iter()
        .map(|i| match &i["lastDeliveredDateTime"] {
            Value::String(s) => crate::clock::parse_iso(s).map(Some),
            Value::Null => Some(None),
            _ => None,
        })
        .collect();
    if let Some(keys) = parsed.filter(|k| k.iter().all(Option::is_some)) {
        let mut keyed: Vec<_> = keys.into_iter().zip(items).collect();
        keyed.sort_by(|(x, _), (y, _)| y.cmp(x));
        return keyed.into_iter().map(|(_, i)| i).collect();
    }
    items.sort_by(|a, b| {
        let (x, y) = (&a["lastDeliveredDateTime"], &b["lastDeliveredDateTime"]);
        crate::filter::order(y, x).unwrap_or(std::cmp::Ordering::Equal)
    });
    items
}

fn thread_view(t: &Thread, q: &Query) -> Obj {
    let mut o = views::thread(t);
    if q.expands("posts") {
        o.insert(
            "posts".into(),
            Value::Array(t.posts.iter().map(|p| Value::Object(views::post(p, q.text_body))).collect()),
        );
    }
    o
}

fn conversation_view(c: &Conversation, q: &Query) -> Obj {
    let mut o = views::conversation(c);
    if q.expands("threads") {
        o.insert("threads".into(), Value::Array(c.threads.iter().map(|t| Value::Object(thread_view(t, q))).collect()));
    }
    o
}

/// Deleting and locking are for the group's owners.
fn require_owner(g: &Group, caller: &Caller) -> Result<()> {
    if g.is_owner(&caller.id) {
        Ok(())
    } else {
        Err(GraphError::access_denied())
    }
}

/// A new thread from `{"topic"?, "posts": [...], "toRecipients"?, "ccRecipients"?}`.
struct ThreadInput {
    topic: Option<String>,
    posts: Vec<PostInput>,
    to: Option<Vec<Value>>,
    cc: Option<Vec<Value>>,
}

fn parse_thread(v: &Value, topic_required: bool) -> Result<ThreadInput> {
    let o = v.as_object().ok_or_else(|| bad("A thread must be a JSON object."))?;
    for k in o.keys() {
        if !Kind::Thread.properties().contains(&k.as_str()) && k != "posts" && !k.starts_with('@') {
            return Err(undeclared(k, "conversationThread"));
        }
    }
    let topic = match o.get("topic") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        None | Some(Value::Null) if !topic_required => None,
        _ => return Err(bad("The thread needs a topic.")),
    };
    let posts = o.get("posts").and_then(Value::as_array).filter(|p| !p.is_empty());
    let posts = posts.ok_or_else(|| bad("The thread needs at least one post."))?;
    let posts = posts.iter().map(parse_post).collect::<Result<Vec<_>>>()?;
    let list = |key: &str| o.get(key).filter(|v| !v.is_null()).map(|v| recipients(v, key)).transpose();
    Ok(ThreadInput { topic, posts, to: list("toRecipients")?, cc: list("ccRecipients")? })
}

fn build_thread(input: ThreadInput, topic: &str, cid: &str, g: &Group, caller: &Caller) -> Result<Thread> {
    let tid = ids::thread_id();
    let props = json!({
        "id": tid,
        "topic": input.topic.as_deref().unwrap_or(topic),
        "isLocked": false,
        "toRecipients": input.to.unwrap_or_else(|| vec![g.recipient()]),
        "ccRecipients": input.cc.unwrap_or_default(),
    });
    let mut thread = Thread::new(props.as_object().cloned().unwrap_or_default(), Vec::new());
    for post in input.posts {
        let parent = thread.posts.last().map(|p| tenant::id(&p.props).to_string());
        append(&mut thread, cid, caller, post, parent)?;
    }
    Ok(thread)
}

fn segment(s: &str) -> String {
    percent_encode(s)
}

pub(super) fn handle(call: &Call, route: Route) -> Result<Response> {
    match (route, call.method) {
        (Route::Conversations(gid), &Method::GET) => {
            let q = call.query(Kind::Conversation)?;
            let items = {
                let t = call.app.tenant();
                let g = conversation_group(&t, &gid, &call.caller)?;
                newest_first(g.conversations.iter().map(|c| conversation_view(c, &q)).collect())
            };
            call.list(&q, Kind::Conversation, &format!("groups({})/conversations", key(&gid)), items)
        }
        (Route::Conversations(gid), &Method::POST) => create_conversation(call, &gid),
        (Route::Conversation(gid, cid), &Method::GET) => {
            let q = call.query(Kind::Conversation)?;
            let item = {
                let t = call.app.tenant();
                let g = conversation_group(&t, &gid, &call.caller)?;
                conversation_view(&g.conversations[conversation_index(g, &cid)?], &q)
            };
            let fragment = format!("groups({})/conversations", key(&gid));
            odata::one(call.ctx, &q, Kind::Conversation, &fragment, item, StatusCode::OK)
        }
        (Route::Conversation(gid, cid), &Method::DELETE) => {
            let mut t = call.app.tenant();
            let g = conversation_group_mut(&mut t, &gid, &call.caller)?;
            let ci = conversation_index(g, &cid)?;
            require_owner(g, &call.caller)?;
            g.conversations.remove(ci);
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (Route::Threads(gid, cid), &Method::GET) => {
            let q = call.query(Kind::Thread)?;
            let items = {
                let t = call.app.tenant();
                let g = conversation_group(&t, &gid, &call.caller)?;
                let convs = match &cid {
                    Some(c) => std::slice::from_ref(&g.conversations[conversation_index(g, c)?]),
                    None => &g.conversations[..],
                };
                newest_first(convs.iter().flat_map(|c| &c.threads).map(|th| thread_view(th, &q)).collect())
            };
            call.list(&q, Kind::Thread, &threads_fragment(&gid, cid.as_deref()), items)
        }
        (Route::Threads(gid, cid), &Method::POST) => create_thread(call, &gid, cid.as_deref()),
        (Route::Thread(at), &Method::GET) => {
            let q = call.query(Kind::Thread)?;
            let item = {
                let t = call.app.tenant();
                let g = conversation_group(&t, &at.group, &call.caller)?;
                let (ci, ti) = locate(g, &at)?;
                thread_view(&g.conversations[ci].threads[ti], &q)
            };
            let fragment = threads_fragment(&at.group, at.conversation.as_deref());
            odata::one(call.ctx, &q, Kind::Thread, &fragment, item, StatusCode::OK)
        }
        (Route::Thread(at), &Method::PATCH) => {
            let body = call.json_body()?;
            let mut locked = None;
            for (k, v) in &body {
                match (k.as_str(), v) {
                    ("isLocked", Value::Bool(b)) => locked = Some(*b),
                    ("isLocked", _) => return Err(bad("'isLocked' must be a boolean.")),
                    (k, _) if Kind::Thread.properties().contains(&k) || k.starts_with('@') => {}
                    (k, _) => return Err(undeclared(k, "conversationThread")),
                }
            }
            let mut t = call.app.tenant();
            let g = conversation_group_mut(&mut t, &at.group, &call.caller)?;
            let (ci, ti) = locate(g, &at)?;
            require_owner(g, &call.caller)?;
            if let Some(b) = locked {
                g.conversations[ci].threads[ti].props.insert("isLocked".into(), Value::Bool(b));
            }
            // The documented answer: 200 with an empty object.
            Ok(json(StatusCode::OK, &json!({})))
        }
        (Route::Thread(at), &Method::DELETE) => {
            let mut t = call.app.tenant();
            let g = conversation_group_mut(&mut t, &at.group, &call.caller)?;
            let (ci, ti) = locate(g, &at)?;
            require_owner(g, &call.caller)?;
            g.conversations[ci].threads.remove(ti);
            if g.conversations[ci].threads.is_empty() {
                g.conversations.remove(ci);
            }
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (Route::ThreadReply(at), &Method::POST) => {
            let input = reply_body(call)?;
            let mut t = call.app.tenant();
            let g = conversation_group_mut(&mut t, &at.group, &call.caller)?;
            let (ci, ti) = locate(g, &at)?;
            let conversation = &mut g.conversations[ci];
            let cid = tenant::id(&conversation.props).to_string();
            let thread = &mut conversation.threads[ti];
            let newest = views::latest_post_id(thread);
            append(thread, &cid, &call.caller, input, newest)?;
            Ok(empty(StatusCode::ACCEPTED))
        }
        (Route::Conversations(_) | Route::Threads(..), _) => not_allowed(EX, "GET, POST"),
        (Route::Conversation(..), _) => not_allowed(EX, "GET, DELETE"),
        (Route::Thread(_), _) => not_allowed(EX, "GET, PATCH, DELETE"),
        _ => not_allowed(EX, "POST"),
    }
}

fn create_conversation(call: &Call, gid: &str) -> Result<Response> {
    let body = call.json_body()?;
    for k in body.keys() {
        if !Kind::Conversation.properties().contains(&k.as_str()) && k != "threads" && !k.starts_with('@') {
            return Err(undeclared(k, "conversation"));
        }
    }
    let topic = body.get("topic").and_then(Value::as_str).filter(|s| !s.trim().is_empty());
    let topic = topic.ok_or_else(|| bad("The conversation needs a topic."))?.to_string();
    let threads = body.get("threads").and_then(Value::as_array).filter(|t| !t.is_empty());
    let threads = threads.ok_or_else(|| bad("The conversation needs at least one thread with a post."))?;
    let inputs = threads.iter().map(|t| parse_thread(t, false)).collect::<Result<Vec<_>>>()?;
    let mut t = call.app.tenant();
    let g = conversation_group_mut(&mut t, gid, &call.caller)?;
    let cid = ids::conversation_id();
    let mut conversation = Conversation { props: Obj::new(), threads: Vec::new() };
    conversation.props.insert("id".into(), json!(cid));
    conversation.props.insert("topic".into(), json!(topic));
    for input in inputs {
        conversation.threads.push(build_thread(input, &topic, &cid, g, &call.caller)?);
    }
    let mut view = views::conversation(&conversation);
    let thread_ids: Vec<Value> = conversation.threads.iter().map(|th| json!({ "id": tenant::id(&th.props) })).collect();
    view.insert("threads".into(), Value::Array(thread_ids));
    g.conversations.push(conversation);
    drop(t);
    let fragment = format!("groups({})/conversations", key(gid));
    let res = odata::created(call.ctx, &fragment, view);
    Ok(with_location(res, &call.ctx.url(&format!("groups/{}/conversations/{}", segment(gid), segment(&cid)))))
}

fn create_thread(call: &Call, gid: &str, cid: Option<&str>) -> Result<Response> {
    let input = parse_thread(&Value::Object(call.json_body()?), cid.is_none())?;
    let mut t = call.app.tenant();
    let g = conversation_group_mut(&mut t, gid, &call.caller)?;
    let (thread, conversation_id) = match cid {
        Some(c) => {
            let ci = conversation_index(g, c)?;
            let topic = tenant::text(&g.conversations[ci].props, "topic").unwrap_or_default().to_string();
            let thread = build_thread(input, &topic, c, g, &call.caller)?;
            g.conversations[ci].threads.push(thread.clone());
            (thread, c.to_string())
        }
        None => {
            let new_cid = ids::conversation_id();
            let topic = input.topic.clone().unwrap_or_default();
            let thread = build_thread(input, &topic, &new_cid, g, &call.caller)?;
            let props = json!({ "id": new_cid, "topic": topic }).as_object().cloned().unwrap_or_default();
            g.conversations.push(Conversation { props, threads: vec![thread.clone()] });
            (thread, new_cid)
        }
    };
    drop(t);
    let tid = tenant::id(&thread.props).to_string();
    let fragment = threads_fragment(gid, cid);
    let res = odata::created(call.ctx, &fragment, views::thread(&thread));
    let location = match cid {
        Some(_) => {
            format!("groups/{}/conversations/{}/threads/{}", segment(gid), segment(&conversation_id), segment(&tid))
        }
        None => format!("groups/{}/threads/{}", segment(gid), segment(&tid)),
    };
    Ok(with_location(res, &call.ctx.url(&location)))
}
