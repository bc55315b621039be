//! Group conversations.

use super::*;
use crate::model::Conversation;

fn conversations(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    Ok(ep.path().seg("groups").id("group_id", group_id)?.seg("conversations"))
}

impl Operation for ListConversations {
    type Output = Page<Conversation>;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(conversations(ep, &self.group_id)?, &self.query, false)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Self::Output, Error> {
        json(ep, "Page<Conversation>", &res)
    }
}

impl Operation for GetConversation {
    type Output = Conversation;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = conversations(ep, &self.group_id)?.id("conversation_id", &self.conversation_id)?;
        get(path, &self.query, false)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Conversation, Error> {
        json(ep, "Conversation", &res)
    }
}

impl Operation for CreateConversation {
    type Output = Conversation;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        require_text("topic", Some(&self.topic))?;
        super::posts::check_post("post", &self.post)?;
        let body = Conversation::new(self.topic.clone(), self.post.clone());
        with_json(ep, Request::post(conversations(ep, &self.group_id)?.build()), &body)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Conversation, Error> {
        json(ep, "Conversation", &res)
    }
}

impl Operation for DeleteConversation {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = conversations(ep, &self.group_id)?.id("conversation_id", &self.conversation_id)?;
        Ok(Request::delete(path.build()))
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}
