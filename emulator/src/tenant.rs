//! The tenant's state: users, groups with their members, owners, photo and conversations.
//! `fixture.rs` loads it from JSON; the built-in seed is `seed/tenant.json`.

use serde_json::{json, Map, Value};

/// A JSON object: how every resource's own properties are kept, so fixtures may carry any
/// property Graph has and `$select`/`$filter` see them all.
pub(crate) type Obj = Map<String, Value>;

/// A tenant: its users and groups. Build one with [`Tenant::seed`] or [`Tenant::from_json`].
#[derive(Debug, Clone)]
pub struct Tenant {
    pub(crate) users: Vec<Obj>,
    pub(crate) groups: Vec<Group>,
    /// One per user, then the shared mailboxes (see `mail/`).
    pub(crate) mailboxes: Vec<crate::mail::Mailbox>,
    /// Calendar stores of users, shared mailboxes and groups, made on first use (see `calendar/`).
    pub(crate) calendars: Vec<crate::calendar::Store>,
    /// Rooms and room lists (the fixture's `places`).
    pub(crate) places: crate::calendar::places::Places,
    /// Group document libraries and upload sessions (see `drive/`).
    pub(crate) drives: crate::drive::Drives,
}

#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub props: Obj,
    /// User ids.
    pub owners: Vec<String>,
    pub members: Vec<String>,
    pub photo: Option<Photo>,
    pub conversations: Vec<Conversation>,
}

#[derive(Debug, Clone)]
pub(crate) struct Photo {
    pub content_type: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone)]
pub(crate) struct Conversation {
    /// `id` and `topic`; the rest of a conversation is derived from its threads.
    pub props: Obj,
    pub threads: Vec<Thread>,
}

#[derive(Debug, Clone)]
pub(crate) struct Thread {
    /// `id`, `topic`, `isLocked`, `toRecipients`, `ccRecipients`; the rest is derived from posts.
    pub props: Obj,
    pub posts: Vec<Post>,
    /// What the posts make of the thread (`views::thread`), kept while no post is added: posts
    /// are only ever appended, so their count says whether it is current.
    pub derived: Derived,
}

impl Thread {
    pub(crate) fn new(props: Obj, posts: Vec<Post>) -> Thread {
        Thread { props, posts, derived: Derived::default() }
    }
}

/// A thread's derived properties, brought up to date at the first read after posts were added.
/// Posts are only ever appended, so the summary folds in just the new ones: a thread of
/// hundreds of posts costs no more to read or reply to than a thread of one.
#[derive(Default)]
pub(crate) struct Derived(std::sync::Mutex<Option<(usize, std::sync::Arc<crate::views::Summary>)>>);

impl Derived {
    pub(crate) fn get(&self, posts: &[Post]) -> std::sync::Arc<crate::views::Summary> {
        let mut slot = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let fresh = match slot.take() {
            Some((n, s)) if n == posts.len() => s,
            Some((n, s)) if n < posts.len() => {
                let mut s = std::sync::Arc::unwrap_or_clone(s);
                s.add(&posts[n..]);
                std::sync::Arc::new(s)
            }
            _ => std::sync::Arc::new(crate::views::Summary::of(posts)),
        };
        *slot = Some((posts.len(), fresh.clone()));
        fresh
    }
}

impl Clone for Derived {
    fn clone(&self) -> Derived {
        Derived::default()
    }
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Derived")
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Post {
    pub props: Obj,
    /// The id of the post this one answers (Graph's `inReplyTo` navigation property).
    pub in_reply_to: Option<String>,
    /// Attachment objects; file attachments keep `contentBytes` as base64.
    pub attachments: Vec<Obj>,
}

pub(crate) fn id(o: &Obj) -> &str {
    o.get("id").and_then(Value::as_str).unwrap_or("")
}

pub(crate) fn text<'a>(o: &'a Obj, key: &str) -> Option<&'a str> {
    o.get(key).and_then(Value::as_str)
}

impl Tenant {
    pub(crate) fn user(&self, id: &str) -> Option<&Obj> {
        self.users.iter().find(|u| self::id(u).eq_ignore_ascii_case(id))
    }

    pub(crate) fn user_by_upn(&self, upn: &str) -> Option<&Obj> {
        self.users.iter().find(|u| text(u, "userPrincipalName").is_some_and(|x| x.eq_ignore_ascii_case(upn)))
    }

    /// A user by id or user principal name, as `/users/{id | userPrincipalName}` takes.
    pub(crate) fn user_by_key(&self, key: &str) -> Option<&Obj> {
        self.user(key).or_else(|| self.user_by_upn(key))
    }

    pub(crate) fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| self::id(&g.props).eq_ignore_ascii_case(id))
    }

    pub(crate) fn group_mut(&mut self, id: &str) -> Option<&mut Group> {
        self.groups.iter_mut().find(|g| self::id(&g.props).eq_ignore_ascii_case(id))
    }
}

impl Group {
    pub(crate) fn is_member(&self, user_id: &str) -> bool {
        self.members.iter().any(|m| m.eq_ignore_ascii_case(user_id))
    }

    pub(crate) fn is_owner(&self, user_id: &str) -> bool {
        self.owners.iter().any(|m| m.eq_ignore_ascii_case(user_id))
    }

    pub(crate) fn is_public(&self) -> bool {
        text(&self.props, "visibility").is_some_and(|v| v.eq_ignore_ascii_case("public"))
    }

    /// The group mailbox as a recipient: where thread posts are addressed.
    pub(crate) fn recipient(&self) -> Value {
        let name = text(&self.props, "displayName").unwrap_or_default();
        let address = text(&self.props, "mail").unwrap_or_default();
        json!({ "emailAddress": { "name": name, "address": address } })
    }

    /// A thread by id, anywhere in the group: (conversation index, thread index).
    pub(crate) fn find_thread(&self, thread_id: &str) -> Option<(usize, usize)> {
        self.conversations
            .iter()
            .enumerate()
            .find_map(|(ci, c)| c.threads.iter().position(|t| id(&t.props) == thread_id).map(|ti| (ci, ti)))
    }
}

/// A user as a recipient: `{"emailAddress": {"name", "address"}}`.
pub(crate) fn user_recipient(user: &Obj) -> Value {
    let address = text(user, "mail").or_else(|| text(user, "userPrincipalName")).unwrap_or_default();
    json!({ "emailAddress": { "name": text(user, "displayName").unwrap_or(address), "address": address } })
}
