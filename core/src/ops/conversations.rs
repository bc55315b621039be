//! Group conversations.

use super::*;

routes! {
    ListConversations: GET root / "groups" / {group_id} / "conversations" ? query;
    GetConversation: GET root / "groups" / {group_id} / "conversations" / {conversation_id} ? query;
    CreateConversation: POST root / "groups" / {group_id} / "conversations" <- { topic, threads: [{ posts: [post] }] }
        if super::threads::new_thread;
    DeleteConversation: DELETE root / "groups" / {group_id} / "conversations" / {conversation_id};
}
