//! Conversation threads, addressed through the group (`/groups/{id}/threads/{id}`).

use super::*;
use crate::model::ConversationThread;

pub(super) fn threads(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    Ok(ep.path().seg("groups").id("group_id", group_id)?.seg("threads"))
}

pub(super) fn thread(ep: &Endpoint, group_id: &str, thread_id: &str) -> Result<PathBuilder, Error> {
    threads(ep, group_id)?.id("thread_id", thread_id)
}

impl BuildRequest for ListConversationThreads {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = ep.path().seg("groups").id("group_id", &self.group_id)?.seg("conversations");
        get(path.id("conversation_id", &self.conversation_id)?.seg("threads"), &self.query, false)
    }
}

impl BuildRequest for ListGroupThreads {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(threads(ep, &self.group_id)?, &self.query, false)
    }
}

impl BuildRequest for GetThread {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(thread(ep, &self.group_id, &self.thread_id)?, &self.query, false)
    }
}

impl BuildRequest for CreateThread {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        require_text("topic", Some(&self.topic))?;
        super::posts::check_post("post", &self.post)?;
        let body = ConversationThread::new(self.topic.clone(), self.post.clone());
        with_json(ep, Request::post(threads(ep, &self.group_id)?.build()), &body)
    }
}

impl BuildRequest for CreateConversationThread {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        super::posts::check_post("post", &self.post)?;
        let path = ep.path().seg("groups").id("group_id", &self.group_id)?.seg("conversations");
        let url = path.id("conversation_id", &self.conversation_id)?.seg("threads").build();
        let body = ConversationThread { posts: Some(vec![self.post.clone()]), ..Default::default() };
        with_json(ep, Request::post(url), &body)
    }
}

impl BuildRequest for UpdateThread {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        with_json(ep, Request::patch(thread(ep, &self.group_id, &self.thread_id)?.build()), &self.thread)
    }
}

impl BuildRequest for DeleteThread {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        Ok(Request::delete(thread(ep, &self.group_id, &self.thread_id)?.build()))
    }
}

impl BuildRequest for ReplyToThread {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        super::posts::check_post("post", &self.post)?;
        let url = thread(ep, &self.group_id, &self.thread_id)?.seg("reply").build();
        super::posts::post_action(ep, url, &self.post)
    }
}
