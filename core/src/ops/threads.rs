//! Conversation threads, addressed through the group (`/groups/{id}/threads/{id}`).

use super::*;
use crate::model::ConversationThread;

pub(super) fn threads(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    Ok(ep.path().seg("groups").id("group_id", group_id)?.seg("threads"))
}

pub(super) fn thread(ep: &Endpoint, group_id: &str, thread_id: &str) -> Result<PathBuilder, Error> {
    threads(ep, group_id)?.id("thread_id", thread_id)
}

impl Operation for ListConversationThreads {
    type Output = Page<ConversationThread>;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = ep.path().seg("groups").id("group_id", &self.group_id)?.seg("conversations");
        get(path.id("conversation_id", &self.conversation_id)?.seg("threads"), &self.query, false)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Self::Output, Error> {
        json(ep, "Page<ConversationThread>", &res)
    }
}

impl Operation for ListGroupThreads {
    type Output = Page<ConversationThread>;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(threads(ep, &self.group_id)?, &self.query, false)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Self::Output, Error> {
        json(ep, "Page<ConversationThread>", &res)
    }
}

impl Operation for GetThread {
    type Output = ConversationThread;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(thread(ep, &self.group_id, &self.thread_id)?, &self.query, false)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<ConversationThread, Error> {
        json(ep, "ConversationThread", &res)
    }
}

impl Operation for CreateThread {
    type Output = ConversationThread;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        require_text("topic", Some(&self.topic))?;
        super::posts::check_post("post", &self.post)?;
        let body = ConversationThread::new(self.topic.clone(), self.post.clone());
        with_json(ep, Request::post(threads(ep, &self.group_id)?.build()), &body)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<ConversationThread, Error> {
        json(ep, "ConversationThread", &res)
    }
}

impl Operation for CreateConversationThread {
    type Output = ConversationThread;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        super::posts::check_post("post", &self.post)?;
        let path = ep.path().seg("groups").id("group_id", &self.group_id)?.seg("conversations");
        let url = path.id("conversation_id", &self.conversation_id)?.seg("threads").build();
        let body = ConversationThread { posts: Some(vec![self.post.clone()]), ..Default::default() };
        with_json(ep, Request::post(url), &body)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<ConversationThread, Error> {
        json(ep, "ConversationThread", &res)
    }
}

impl Operation for UpdateThread {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        with_json(ep, Request::patch(thread(ep, &self.group_id, &self.thread_id)?.build()), &self.thread)
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}

impl Operation for DeleteThread {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        Ok(Request::delete(thread(ep, &self.group_id, &self.thread_id)?.build()))
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}

impl Operation for ReplyToThread {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        super::posts::check_post("post", &self.post)?;
        let url = thread(ep, &self.group_id, &self.thread_id)?.seg("reply").build();
        super::posts::post_action(ep, url, &self.post)
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}
