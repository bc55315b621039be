//! The one list of operations. The structs, `OPERATIONS`, the native client's methods and the
//! bindings' methods and stubs are all generated from `operation_table!`.
//!
//! Row grammar: doc comment, `fn name(param: Type, ...) -> Output, kind = Struct;`. `Id` params are
//! path segments (positional in every binding); `Query` is the optional OData/Prefer bag; every other
//! param is a required body value. Types are named as `o365kit::table_types` exports them.

/// Types the table names, for bindings that expand `operation_table!` in their own crates.
pub mod table_types {
    pub use crate::model::{
        Attachment, Conversation, ConversationThread, DirectoryObject, Group, Photo, Post, Recipient,
    };
    pub use crate::odata::{Page, Query};
    /// An ID: one URL path segment; empty, blank, control characters and dot segments are refused.
    pub type Id = String;
}

/// Calls `$callback! { rows }` with every operation row.
#[macro_export]
macro_rules! operation_table {
    ($callback:path) => {
        $callback! {
            // ---- groups
            /// List the groups in the organization.
            fn list_groups(query: Query) -> Page<Group>, List = ListGroups;
            /// Get a group's properties.
            fn get_group(group_id: Id, query: Query) -> Group, Item = GetGroup;
            /// Create a group. `Group::unified(name, nickname)` gives a Microsoft 365 group.
            fn create_group(group: Group) -> Group, Item = CreateGroup;
            /// Update a group's properties; only the properties set are sent.
            fn update_group(group_id: Id, group: Group) -> (), Empty = UpdateGroup;
            /// Delete a group (Microsoft 365 groups go to the recycle bin for 30 days).
            fn delete_group(group_id: Id) -> (), Empty = DeleteGroup;
            /// List the groups the signed-in user is a direct member of.
            fn list_joined_groups(query: Query) -> Page<Group>, List = ListJoinedGroups;
            /// List a group's direct members.
            fn list_group_members(group_id: Id, query: Query) -> Page<DirectoryObject>, List = ListGroupMembers;
            /// Add a user (or other directory object) to a group's members.
            fn add_group_member(group_id: Id, member_id: Id) -> (), Empty = AddGroupMember;
            /// Remove a member from a group.
            fn remove_group_member(group_id: Id, member_id: Id) -> (), Empty = RemoveGroupMember;
            /// List a group's owners.
            fn list_group_owners(group_id: Id, query: Query) -> Page<DirectoryObject>, List = ListGroupOwners;
            /// Add an owner to a group.
            fn add_group_owner(group_id: Id, owner_id: Id) -> (), Empty = AddGroupOwner;
            /// Remove an owner from a group.
            fn remove_group_owner(group_id: Id, owner_id: Id) -> (), Empty = RemoveGroupOwner;
            /// Get a group's photo: its bytes and media type.
            fn get_group_photo(group_id: Id) -> Photo, Binary = GetGroupPhoto;
            /// Set a group's photo (JPEG or PNG, at most 4 MB).
            fn set_group_photo(group_id: Id, photo: Photo) -> (), Empty = SetGroupPhoto;
            // ---- conversations
            /// List a group's conversations.
            fn list_conversations(group_id: Id, query: Query) -> Page<Conversation>, List = ListConversations;
            /// Get one conversation of a group.
            fn get_conversation(group_id: Id, conversation_id: Id, query: Query) -> Conversation, Item = GetConversation;
            /// Start a conversation: its topic and first post. The result carries the new thread ids.
            fn create_conversation(group_id: Id, topic: String, post: Post) -> Conversation, Item = CreateConversation;
            /// Delete a conversation and all its threads.
            fn delete_conversation(group_id: Id, conversation_id: Id) -> (), Empty = DeleteConversation;
            // ---- threads
            /// List the threads of one conversation.
            fn list_conversation_threads(group_id: Id, conversation_id: Id, query: Query) -> Page<ConversationThread>, List = ListConversationThreads;
            /// List all threads of a group.
            fn list_group_threads(group_id: Id, query: Query) -> Page<ConversationThread>, List = ListGroupThreads;
            /// Get one thread of a group.
            fn get_thread(group_id: Id, thread_id: Id, query: Query) -> ConversationThread, Item = GetThread;
            /// Start a new conversation by creating a thread: topic and first post.
            fn create_thread(group_id: Id, topic: String, post: Post) -> ConversationThread, Item = CreateThread;
            /// Add a thread to an existing conversation.
            fn create_conversation_thread(group_id: Id, conversation_id: Id, post: Post) -> ConversationThread, Item = CreateConversationThread;
            /// Update a thread's properties (e.g. `is_locked`); only the properties set are sent.
            fn update_thread(group_id: Id, thread_id: Id, thread: ConversationThread) -> (), Empty = UpdateThread;
            /// Delete a thread.
            fn delete_thread(group_id: Id, thread_id: Id) -> (), Empty = DeleteThread;
            /// Reply to a thread with a new post.
            fn reply_to_thread(group_id: Id, thread_id: Id, post: Post) -> (), Empty = ReplyToThread;
            // ---- posts
            /// List the posts of a thread.
            fn list_posts(group_id: Id, thread_id: Id, query: Query) -> Page<Post>, List = ListPosts;
            /// Get one post.
            fn get_post(group_id: Id, thread_id: Id, post_id: Id, query: Query) -> Post, Item = GetPost;
            /// Reply to a post; the reply joins the same thread.
            fn reply_to_post(group_id: Id, thread_id: Id, post_id: Id, post: Post) -> (), Empty = ReplyToPost;
            /// Forward a post to recipients, with an optional comment.
            fn forward_post(group_id: Id, thread_id: Id, post_id: Id, comment: Option<String>, to_recipients: Vec<Recipient>) -> (), Empty = ForwardPost;
            /// List a post's attachments.
            fn list_post_attachments(group_id: Id, thread_id: Id, post_id: Id, query: Query) -> Page<Attachment>, List = ListPostAttachments;
            /// Get one attachment of a post, with its content.
            fn get_post_attachment(group_id: Id, thread_id: Id, post_id: Id, attachment_id: Id, query: Query) -> Attachment, Item = GetPostAttachment;
        }
    };
}

/// Parsing by output kind: JSON for lists and items, nothing for actions, bytes for media.
macro_rules! parse_as {
    (List, $ep:ident, $res:ident, $out:ty) => {
        $crate::ops::json::<$out>($ep, stringify!($out), &$res)
    };
    (Item, $ep:ident, $res:ident, $out:ty) => {
        $crate::ops::json::<$out>($ep, stringify!($out), &$res)
    };
    (Empty, $ep:ident, $res:ident, $out:ty) => {{
        let _ = $ep;
        $crate::ops::empty(&$res)
    }};
    (Binary, $ep:ident, $res:ident, $out:ty) => {{
        let _ = $ep;
        $crate::ops::binary($res)
    }};
}

/// Expands the table into the operation structs, their `Operation` impls and `OPERATIONS`.
macro_rules! define_operations {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident ( $( $p:ident : $pty:ty ),* $(,)? ) -> $out:ty, $kind:ident = $op:ident;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            pub struct $op { $( pub $p: $pty, )* }

            impl $crate::ops::Named for $op {
                const NAME: &'static str = stringify!($name);
            }

            impl $crate::ops::Operation for $op {
                type Output = $out;
                fn request(&self, ep: &$crate::Endpoint) -> Result<$crate::Request, $crate::Error> {
                    $crate::ops::BuildRequest::build(self, ep)
                }
                fn parse(&self, ep: &$crate::Endpoint, res: $crate::Response) -> Result<$out, $crate::Error> {
                    parse_as!($kind, ep, res, $out)
                }
            }
        )*

        /// Every operation, in table order.
        pub static OPERATIONS: &[$crate::ops::OpInfo] = &[ $(
            $crate::ops::OpInfo {
                name: stringify!($name),
                op: stringify!($op),
                doc: concat!($($doc, "\n"),*),
                params: &[ $( $crate::ops::ParamInfo { name: stringify!($p), ty: stringify!($pty) } ),* ],
                output: stringify!($out),
                kind: $crate::ops::OpKind::$kind,
            },
        )* ];
    };
}

use table_types::*;
operation_table!(define_operations);
