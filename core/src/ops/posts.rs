//! Posts of a thread, their replies, forwards and attachments.

use super::*;
use crate::model::{Post, Recipient};

/// A post to send needs a body with content.
pub(super) fn check_post(param: &str, post: &Post) -> Result<(), Error> {
    match post.body.as_ref().and_then(|b| b.content.as_deref()) {
        Some(c) if !c.trim().is_empty() => Ok(()),
        _ => Err(Error::invalid(param, "needs a body with content")),
    }
}

/// A post sent (a reply, a new thread's first post) carries a body with content.
impl super::route::Check for Post {
    fn check(&self, param: &str) -> Result<(), Error> {
        check_post(param, self)
    }
}

fn forward_to(a: &super::route::Args) -> Result<(), Error> {
    if a.get::<Vec<Recipient>>("to_recipients")?.is_empty() {
        return Err(Error::invalid("to_recipients", "needs at least one recipient"));
    }
    Ok(())
}

routes! {
    ListPosts: GET root / "groups" / {group_id} / "threads" / {thread_id} / "posts" ? query;
    GetPost: GET root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} ? query;
    ReplyToPost: POST root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} / "reply" <- { post };
    ForwardPost: POST root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} / "forward"
        <- { comment, to_recipients } if forward_to;
    ListPostAttachments: GET root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} / "attachments" ? query;
    GetPostAttachment: GET root / "groups" / {group_id} / "threads" / {thread_id} / "posts" / {post_id} / "attachments"
        / {attachment_id} ? query;
}
