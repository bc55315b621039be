//! Posts of a thread, their replies, forwards and attachments.

use super::check::{field, text, Check};
use super::*;
use crate::model::Post;
use serde_json::Value;

/// A post sent (a reply, a new thread's first post) carries a body with content.
impl Check for Post {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        match field(json, "body").and_then(|b| text(b, "content")) {
            Some(c) if !c.trim().is_empty() => Ok(()),
            _ => Err(Error::invalid(param, "needs a body with content")),
        }
    }
}

/// A forward goes to at least one recipient.
pub(super) fn some_recipients(a: &super::route::Args) -> Result<(), Error> {
    if !a.json("to_recipients")?.as_array().is_some_and(|to| !to.is_empty()) {
        return Err(Error::invalid("to_recipients", "needs at least one recipient"));
    }
    Ok(())
}

routes! {
    ListPosts: GET root / "groups" / {group_id} / "threads" / {thread_id} / "posts" ? query;
    GetPost: GET root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} ? query;
    ReplyToPost: POST root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} / "reply" <- { post };
    ForwardPost: POST root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} / "forward"
        <- { comment, to_recipients } if some_recipients;
    ListPostAttachments: GET root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} / "attachments" ? query;
    GetPostAttachment: GET root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} / "attachments"
        / {attachment_id} ? query;
}
