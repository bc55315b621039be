//! Conversation threads, addressed through the group (`/groups/{id}/threads/{id}`).

use super::check::{to_json, Check};
use super::*;
use crate::model::{ConversationThread, Post};

pub(super) fn threads(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    Ok(ep.path().seg("groups").id("group_id", group_id)?.seg("threads"))
}

impl BuildRequest for CreateThread {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        require_text("topic", Some(&self.topic))?;
        Post::check_json(&to_json(&self.post, "post")?, "post")?;
        let body = ConversationThread::new(self.topic.clone(), self.post.clone());
        with_json(ep, Request::post(threads(ep, &self.group_id)?.build()), &body)
    }
}

impl BuildRequest for CreateConversationThread {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        Post::check_json(&to_json(&self.post, "post")?, "post")?;
        let path = ep.path().seg("groups").id("group_id", &self.group_id)?.seg("conversations");
        let url = path.id("conversation_id", &self.conversation_id)?.seg("threads").build();
        let body = ConversationThread { posts: Some(vec![self.post.clone()]), ..Default::default() };
        with_json(ep, Request::post(url), &body)
    }
}

impl Check for ConversationThread {}

routes! {
    ListConversationThreads: GET root / "groups" / {group_id} / "conversations" / {conversation_id} / "threads" ? query;
    ListGroupThreads: GET root / "groups" / {group_id} / "threads" ? query;
    GetThread: GET root / "groups" / {group_id} / "threads" / {thread_id} ? query;
    UpdateThread: PATCH root / "groups" / {group_id} / "threads" / {thread_id} <- thread;
    DeleteThread: DELETE root / "groups" / {group_id} / "threads" / {thread_id};
    ReplyToThread: POST root / "groups" / {group_id} / "threads" / {thread_id} / "reply" <- { post };
}

built_by_hand!(CreateThread, CreateConversationThread);
