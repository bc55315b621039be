//! Whose mailbox and calendars an operation works on: the signed-in user's (`/me`), another
//! user's, shared or delegated mailbox (`/users/{id or userPrincipalName}`) that the caller may
//! open, or a Microsoft 365 group's (`/groups/{id}`: its calendar; Graph refuses what a group
//! mailbox cannot do, such as answering an invitation, with its own 400).

use crate::endpoint::{Endpoint, PathBuilder};
use crate::error::Error;

/// The mailbox of a mail or calendar operation. Bindings take it from the client
/// (`client.mailbox("shared@contoso.com")`), so no operation needs a second copy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Mailbox {
    /// The signed-in user: `/me`.
    #[default]
    Me,
    /// Another user's mailbox, by id or user principal name: `/users/{id}`.
    User(String),
    /// A Microsoft 365 group's mailbox: `/groups/{id}` (written `"groups/{id}"` where a string names it).
    Group(String),
}

impl Mailbox {
    /// `"me"` (any case) is the signed-in user, `"groups/{id}"` a group; anything else names a
    /// user by id or UPN.
    pub fn user(id: impl Into<String>) -> Self {
        let id = id.into();
        if id.eq_ignore_ascii_case("me") {
            return Mailbox::Me;
        }
        match id.get(..7) {
            Some(head) if head.eq_ignore_ascii_case("groups/") => Mailbox::Group(id[7..].to_string()),
            _ => Mailbox::User(id),
        }
    }

    /// A group's mailbox (its calendar).
    pub fn group(id: impl Into<String>) -> Self {
        Mailbox::Group(id.into())
    }

    /// The mailbox's root path: `base/me` or `base/users/{id}` (the id checked and encoded).
    pub fn path(&self, ep: &Endpoint) -> Result<PathBuilder, Error> {
        match self {
            Mailbox::Me => Ok(ep.path().seg("me")),
            Mailbox::User(id) => ep.path().seg("users").item_id("mailbox", id),
            Mailbox::Group(id) => ep.path().seg("groups").id("mailbox", id),
        }
    }
}

impl From<&str> for Mailbox {
    fn from(id: &str) -> Self {
        Mailbox::user(id)
    }
}

impl From<String> for Mailbox {
    fn from(id: String) -> Self {
        Mailbox::user(id)
    }
}

/// `"me"`, the user's id or UPN, or `"groups/{id}"`: the string `Mailbox::user` reads back.
impl std::fmt::Display for Mailbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailbox::Me => f.write_str("me"),
            Mailbox::User(id) => f.write_str(id),
            Mailbox::Group(id) => write!(f, "groups/{id}"),
        }
    }
}

/// Written as its string form (see `Display`), as bindings pass it.
impl serde::Serialize for Mailbox {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Read from a string (`"me"` or a user) or `null` (the signed-in user).
impl<'de> serde::Deserialize<'de> for Mailbox {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id: Option<String> = serde::Deserialize::deserialize(d)?;
        Ok(id.map(Mailbox::user).unwrap_or_default())
    }
}
