//! Whose mailbox and calendars an operation works on: the signed-in user's (`/me`), or another
//! user's, shared or delegated mailbox (`/users/{id or userPrincipalName}`) that the caller may open.

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
}

impl Mailbox {
    /// `"me"` (any case) is the signed-in user; anything else names a user by id or UPN.
    pub fn user(id: impl Into<String>) -> Self {
        let id = id.into();
        if id.eq_ignore_ascii_case("me") {
            Mailbox::Me
        } else {
            Mailbox::User(id)
        }
    }

    /// The mailbox's root path: `base/me` or `base/users/{id}` (the id checked and encoded).
    pub fn path(&self, ep: &Endpoint) -> Result<PathBuilder, Error> {
        match self {
            Mailbox::Me => Ok(ep.path().seg("me")),
            Mailbox::User(id) => ep.path().seg("users").item_id("mailbox", id),
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

/// Written as `"me"` or the user's id, as bindings pass it.
impl serde::Serialize for Mailbox {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Mailbox::Me => s.serialize_str("me"),
            Mailbox::User(id) => s.serialize_str(id),
        }
    }
}

/// Read from a string (`"me"` or a user) or `null` (the signed-in user).
impl<'de> serde::Deserialize<'de> for Mailbox {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id: Option<String> = serde::Deserialize::deserialize(d)?;
        Ok(id.map(Mailbox::user).unwrap_or_default())
    }
}
