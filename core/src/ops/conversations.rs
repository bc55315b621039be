//! Group conversations.

use super::*;
use crate::model::Conversation;

fn conversations(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    Ok(ep.path().seg("groups").id("group_id", group_id)?.seg("conversations"))
}

impl BuildRequest for ListConversations {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(conversations(ep, &self.group_id)?, &self.query, false)
    }
}

impl BuildRequest for GetConversation {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = conversations(ep, &self.group_id)?.id("conversation_id", &self.conversation_id)?;
        get(path, &self.query, false)
    }
}

impl BuildRequest for CreateConversation {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        require_text("topic", Some(&self.topic))?;
        super::posts::check_post("post", &self.post)?;
        let body = Conversation::new(self.topic.clone(), self.post.clone());
        with_json(ep, Request::post(conversations(ep, &self.group_id)?.build()), &body)
    }
}

impl BuildRequest for DeleteConversation {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = conversations(ep, &self.group_id)?.id("conversation_id", &self.conversation_id)?;
        Ok(Request::delete(path.build()))
    }
}
