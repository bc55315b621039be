//! Group conversations: a conversation holds threads, a thread holds posts.

use super::{Attachment, ItemBody, Recipient};

model! {
    pub struct Conversation {
        id: String,
        topic: String,
        has_attachments: bool,
        last_delivered_date_time: String,
        unique_senders: Vec<String>,
        preview: String,
        /// Present when creating, and in the create response so callers learn the thread ids.
        threads: Vec<ConversationThread>,
    }
}

impl Conversation {
    /// A new conversation: the topic and its first post.
    pub fn new(topic: impl Into<String>, first_post: Post) -> Self {
        let thread = ConversationThread { posts: Some(vec![first_post]), ..Default::default() };
        Conversation { topic: Some(topic.into()), threads: Some(vec![thread]), ..Default::default() }
    }
}

model! {
    pub struct ConversationThread {
        id: String,
        topic: String,
        to_recipients: Vec<Recipient>,
        cc_recipients: Vec<Recipient>,
        has_attachments: bool,
        is_locked: bool,
        last_delivered_date_time: String,
        unique_senders: Vec<String>,
        preview: String,
        /// Present when creating a thread (its first post).
        posts: Vec<Post>,
    }
}

impl ConversationThread {
    /// A new thread: topic and first post.
    pub fn new(topic: impl Into<String>, first_post: Post) -> Self {
        ConversationThread { topic: Some(topic.into()), posts: Some(vec![first_post]), ..Default::default() }
    }
}

model! {
    pub struct Post {
        id: String,
        body: ItemBody,
        from: Recipient,
        sender: Recipient,
        received_date_time: String,
        created_date_time: String,
        last_modified_date_time: String,
        change_key: String,
        categories: Vec<String>,
        has_attachments: bool,
        new_participants: Vec<Recipient>,
        conversation_id: String,
        conversation_thread_id: String,
        in_reply_to: Box<Post>,
        attachments: Vec<Attachment>,
    }
}

model! {
    /// One new post of a group, as the group-mail watcher hands it out: the conversation, the
    /// thread and the post (the three levels of the Logic Apps trigger "When a new email arrives
    /// in a group"). The conversation carries its id and topic; the thread is as Graph listed it.
    pub struct GroupMail {
        conversation: Conversation,
        thread: ConversationThread,
        post: Post,
    }
}

impl Post {
    /// A post with an HTML body.
    pub fn html(content: impl Into<String>) -> Self {
        Post { body: Some(ItemBody::html(content)), ..Default::default() }
    }

    /// A post with a plain-text body.
    pub fn text(content: impl Into<String>) -> Self {
        Post { body: Some(ItemBody::text(content)), ..Default::default() }
    }
}

impl From<&str> for Post {
    /// A plain string is an HTML body, as Outlook composes it.
    fn from(html: &str) -> Self {
        Post::html(html)
    }
}
