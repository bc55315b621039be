//! Conversation threads, addressed through the group (`/groups/{id}/threads/{id}`).

use super::check::Check;
use super::route::Args;
use super::*;
use crate::model::{ConversationThread, Post};

/// A new thread (or conversation) has a topic and a first post with content. Checked before the
/// path, as the post is also checked with the body after it: bad input is reported in the order
/// these operations always reported it.
pub(super) fn new_thread(a: &Args) -> Result<(), Error> {
    require_text("topic", Some(a.text("topic")?))?;
    Post::check_json(&a.json("post")?, "post")
}

impl Check for ConversationThread {}

routes! {
    ListConversationThreads: GET root / "groups" / {group_id} / "conversations" / {conversation_id} / "threads" ? query;
    CreateConversationThread: POST root / "groups" / {group_id} / "conversations" / {conversation_id} / "threads"
        <- { posts: [post] } if |a: &Args| Post::check_json(&a.json("post")?, "post"); // before the ids, as new_thread
    ListGroupThreads: GET root / "groups" / {group_id} / "threads" ? query;
    GetThread: GET root / "groups" / {group_id} / "threads" / {thread_id} ? query;
    CreateThread: POST root / "groups" / {group_id} / "threads" <- { topic, posts: [post] } if new_thread;
    UpdateThread: PATCH root / "groups" / {group_id} / "threads" / {thread_id} <- thread;
    DeleteThread: DELETE root / "groups" / {group_id} / "threads" / {thread_id};
    ReplyToThread: POST root / "groups" / {group_id} / "threads" / {thread_id} / "reply" <- { post };
}
