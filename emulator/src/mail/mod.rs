//! Mailboxes: one per tenant user plus the fixture's shared mailboxes. Each holds folders,
//! messages (with their attachments), inbox rules, Focused Inbox overrides and mailbox settings.
//! `store.rs` finds things, `deliver.rs` sends and delivers, `rules.rs` runs inbox rules,
//! `fixture.rs` loads mailboxes from the tenant JSON, `filler.rs` writes the seed's bulk mail.

pub(crate) mod compose;
pub(crate) mod deliver;
pub(crate) mod filler;
pub(crate) mod fixture;
pub(crate) mod rules;
pub(crate) mod schema;
pub(crate) mod settings;
pub(crate) mod store;
pub(crate) mod views;

use crate::tenant::Obj;

#[derive(Debug, Clone)]
pub(crate) struct Mailbox {
    /// The owner as a directory object: `id`, `userPrincipalName`, `displayName`, `mail`.
    pub owner: Obj,
    /// User ids granted full access (Exchange's FullAccess permission).
    pub delegates: Vec<String>,
    pub folders: Vec<Folder>,
    pub messages: Vec<Message>,
    /// Inbox rules (`messageRule` objects), kept in `sequence` order.
    pub rules: Vec<Obj>,
    pub overrides: Vec<Obj>,
    pub settings: Obj,
}

#[derive(Debug, Clone)]
pub(crate) struct Folder {
    /// `id`, `displayName`, `parentFolderId`, `isHidden`; counts are derived.
    pub props: Obj,
    /// The well-known name (`inbox`, `sentitems`...), for folders that have one.
    pub well_known: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub(crate) struct Message {
    /// Every stored property; `parentFolderId`, `hasAttachments`, `bodyPreview` and
    /// `@odata.etag` are derived at read time.
    pub props: Obj,
    /// The id of the folder that holds it.
    pub folder: String,
    pub attachments: Vec<Obj>,
}
