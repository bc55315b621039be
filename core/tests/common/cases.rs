//! Every operation of the table as a type-erased value built from JSON arguments, so that tests
//! can loop over all of them (and swap any one argument) without naming each struct.

use super::{C, G, P, T, U};
use o365kit::ops::*;
use o365kit::{Endpoint, Error, Operation, Request, Response};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// What an operation's parse returns, in a shape that can be compared across operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Json,
    Empty,
    Binary,
}

pub trait DynOp {
    fn request(&self, ep: &Endpoint) -> Result<Request, Error>;
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<(), Error>;
}

impl<O: Operation> DynOp for O {
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        Operation::request(self, ep)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<(), Error> {
        Operation::parse(self, ep, res).map(|_| ())
    }
}

pub struct Case {
    pub name: &'static str,
    pub shape: Shape,
    /// Valid arguments, as the op struct deserializes them.
    pub args: Value,
    /// The docs' example response for this operation, if it has a JSON body.
    pub fixture: Option<&'static str>,
    pub(super) make: fn(&Value) -> Result<Box<dyn DynOp>, serde_json::Error>,
}

pub(super) fn make<O: Operation + DeserializeOwned + 'static>(v: &Value) -> Result<Box<dyn DynOp>, serde_json::Error> {
    Ok(Box::new(serde_json::from_value::<O>(v.clone())?))
}

impl Case {
    /// The operation with its valid arguments.
    pub fn op(&self) -> Box<dyn DynOp> {
        (self.make)(&self.args).unwrap_or_else(|e| panic!("{}: bad sample args: {e}", self.name))
    }

    /// The operation with argument `param` replaced by `value`.
    pub fn op_with(&self, param: &str, value: Value) -> Box<dyn DynOp> {
        let mut args = self.args.clone();
        assert!(args.get(param).is_some(), "{} has no param {param}", self.name);
        args[param] = value;
        (self.make)(&args).unwrap_or_else(|e| panic!("{}: bad args: {e}", self.name))
    }

    /// The names of this operation's path ID parameters, from the table.
    pub fn id_params(&self) -> Vec<&'static str> {
        let info = o365kit::ops::find(self.name).expect("in table");
        info.params.iter().filter(|p| p.is_id()).map(|p| p.name).collect()
    }
}

fn post() -> Value {
    json!({ "body": { "contentType": "html", "content": "<p>Hello</p>" } })
}

macro_rules! case {
    ($op:ty, $shape:ident, $fixture:expr, $args:expr) => {
        Case {
            name: <$op as o365kit::Named>::NAME,
            shape: Shape::$shape,
            args: $args,
            fixture: $fixture,
            make: make::<$op>,
        }
    };
}

/// All operations, in table order.
pub fn all() -> Vec<Case> {
    let q = json!({});
    let mut cases = vec![
        case!(ListGroups, Json, Some("list_groups.json"), json!({ "query": q })),
        case!(GetGroup, Json, Some("get_group.json"), json!({ "group_id": G, "query": q })),
        case!(
            CreateGroup,
            Json,
            Some("create_group.json"),
            json!({ "group": {
                "displayName": "Library Assist", "mailNickname": "library",
                "mailEnabled": true, "securityEnabled": false, "groupTypes": ["Unified"]
            } })
        ),
        case!(UpdateGroup, Empty, None, json!({ "group_id": G, "group": { "description": "d" } })),
        case!(DeleteGroup, Empty, None, json!({ "group_id": G })),
        case!(ListJoinedGroups, Json, Some("list_joined_groups.json"), json!({ "query": q })),
        case!(ListGroupMembers, Json, Some("list_group_members.json"), json!({ "group_id": G, "query": q })),
        case!(AddGroupMember, Empty, None, json!({ "group_id": G, "member_id": U })),
        case!(RemoveGroupMember, Empty, None, json!({ "group_id": G, "member_id": U })),
        case!(ListGroupOwners, Json, Some("list_group_owners.json"), json!({ "group_id": G, "query": q })),
        case!(AddGroupOwner, Empty, None, json!({ "group_id": G, "owner_id": U })),
        case!(RemoveGroupOwner, Empty, None, json!({ "group_id": G, "owner_id": U })),
        case!(GetGroupPhoto, Binary, None, json!({ "group_id": G })),
        case!(
            SetGroupPhoto,
            Empty,
            None,
            json!({ "group_id": G, "photo": { "contentType": "image/jpeg", "bytes": "/9j/4AAQ" } })
        ),
        case!(ListConversations, Json, Some("list_conversations.json"), json!({ "group_id": G, "query": q })),
        case!(
            GetConversation,
            Json,
            Some("get_conversation.json"),
            json!({ "group_id": G, "conversation_id": C, "query": q })
        ),
        case!(
            CreateConversation,
            Json,
            Some("create_conversation.json"),
            json!({ "group_id": G, "topic": "Topic", "post": post() })
        ),
        case!(DeleteConversation, Empty, None, json!({ "group_id": G, "conversation_id": C })),
        case!(
            ListConversationThreads,
            Json,
            Some("list_conversation_threads.json"),
            json!({ "group_id": G, "conversation_id": C, "query": q })
        ),
        case!(ListGroupThreads, Json, Some("list_group_threads.json"), json!({ "group_id": G, "query": q })),
        case!(GetThread, Json, Some("get_thread.json"), json!({ "group_id": G, "thread_id": T, "query": q })),
        case!(
            CreateThread,
            Json,
            Some("create_thread.json"),
            json!({ "group_id": G, "topic": "Topic", "post": post() })
        ),
        case!(
            CreateConversationThread,
            Json,
            Some("create_conversation_thread.json"),
            json!({ "group_id": G, "conversation_id": C, "post": post() })
        ),
        case!(UpdateThread, Empty, None, json!({ "group_id": G, "thread_id": T, "thread": { "isLocked": true } })),
        case!(DeleteThread, Empty, None, json!({ "group_id": G, "thread_id": T })),
        case!(ReplyToThread, Empty, None, json!({ "group_id": G, "thread_id": T, "post": post() })),
        case!(ListPosts, Json, Some("list_posts.json"), json!({ "group_id": G, "thread_id": T, "query": q })),
        case!(GetPost, Json, Some("get_post.json"), json!({ "group_id": G, "thread_id": T, "post_id": P, "query": q })),
        case!(ReplyToPost, Empty, None, json!({ "group_id": G, "thread_id": T, "post_id": P, "post": post() })),
        case!(
            ForwardPost,
            Empty,
            None,
            json!({
                "group_id": G, "thread_id": T, "post_id": P, "comment": "FYI",
                "to_recipients": [{ "emailAddress": { "address": "adelev@contoso.com" } }]
            })
        ),
        case!(
            ListPostAttachments,
            Json,
            Some("list_post_attachments.json"),
            json!({ "group_id": G, "thread_id": T, "post_id": P, "query": q })
        ),
        case!(
            GetPostAttachment,
            Json,
            Some("get_post_attachment.json"),
            json!({ "group_id": G, "thread_id": T, "post_id": P, "attachment_id": "AAMkADJ-aHAAABEgAQAO5ZYuLGBmNFnelXXQqAN6I=", "query": q })
        ),
    ];
    cases.extend(super::cases_mail::all());
    cases.extend(super::cases_calendar::all());
    cases.extend(delta_cases());
    cases.extend(super::cases_files::all());
    cases
}

/// The change-tracking rows: each with the docs' example page.
fn delta_cases() -> Vec<Case> {
    let q = json!({});
    let (start, end) = ("2016-12-01T00:00:00Z", "2016-12-31T00:00:00Z");
    vec![
        case!(SyncMessages, Json, Some("delta/sync_messages.json"), json!({ "folder_id": "inbox", "query": q })),
        case!(SyncMailFolders, Json, Some("delta/sync_mail_folders.json"), json!({ "query": q })),
        case!(
            SyncCalendarView,
            Json,
            Some("delta/sync_calendar_view.json"),
            json!({ "start": start, "end": end, "query": q })
        ),
        case!(SyncGroups, Json, Some("delta/sync_groups.json"), json!({ "query": q })),
    ]
}
