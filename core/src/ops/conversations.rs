//! Group conversations.

use super::check::{to_json, Check};
use super::*;
use crate::model::{Conversation, Post};

fn conversations(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    Ok(ep.path().seg("groups").id("group_id", group_id)?.seg("conversations"))
}

impl BuildRequest for CreateConversation {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        require_text("topic", Some(&self.topic))?;
        Post::check_json(&to_json(&self.post, "post")?, "post")?;
        let body = Conversation::new(self.topic.clone(), self.post.clone());
        with_json(ep, Request::post(conversations(ep, &self.group_id)?.build()), &body)
    }
}

routes! {
    ListConversations: GET root / "groups" / {group_id} / "conversations" ? query;
    GetConversation: GET root / "groups" / {group_id} / "conversations" / {conversation_id} ? query;
    DeleteConversation: DELETE root / "groups" / {group_id} / "conversations" / {conversation_id};
}

built_by_hand!(CreateConversation);
