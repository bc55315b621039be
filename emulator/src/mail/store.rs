//! Finding mailboxes, folders and messages: well-known folder names stand in for folder ids
//! wherever Graph accepts an id (without regard to case), and a mailbox is found by its owner's
//! id, user principal name or address.

use super::{Folder, Mailbox};
use crate::ids;
use crate::tenant::{id, text, user_recipient, Obj, Tenant};
use serde_json::{json, Value};

/// Well-known folders: (name, display name, parent, hidden). `msgfolderroot` is the root.
pub(crate) const WELL_KNOWN: &[(&str, &str, &str, bool)] = &[
    ("msgfolderroot", "Top of Information Store", "", false),
    ("inbox", "Inbox", "msgfolderroot", false),
    ("drafts", "Drafts", "msgfolderroot", false),
    ("sentitems", "Sent Items", "msgfolderroot", false),
    ("deleteditems", "Deleted Items", "msgfolderroot", false),
    ("archive", "Archive", "msgfolderroot", false),
    ("junkemail", "Junk Email", "msgfolderroot", false),
    ("outbox", "Outbox", "msgfolderroot", false),
    ("conversationhistory", "Conversation History", "msgfolderroot", false),
    ("syncissues", "Sync Issues", "msgfolderroot", false),
    ("conflicts", "Conflicts", "syncissues", false),
    ("localfailures", "Local Failures", "syncissues", false),
    ("serverfailures", "Server Failures", "syncissues", false),
    ("searchfolders", "Finder", "msgfolderroot", true),
    ("recoverableitemsdeletions", "Deletions", "msgfolderroot", true),
];

impl Mailbox {
    /// An empty mailbox with the well-known folders and default settings.
    pub fn new(owner: Obj) -> Mailbox {
        let owner_id = id(&owner).to_string();
        let folder_id = |name: &str| ids::stable("AAMkA", &format!("{owner_id}/{name}"), 60);
        let folders = WELL_KNOWN
            .iter()
            .map(|(name, display, parent, hidden)| {
                let parent_id = if parent.is_empty() { folder_id("root") } else { folder_id(parent) };
                let props = json!({ "id": folder_id(name), "displayName": display, "parentFolderId": parent_id, "isHidden": hidden });
                Folder { props: props.as_object().cloned().unwrap_or_default(), well_known: Some(name) }
            })
            .collect();
        let settings = super::settings::defaults(&owner);
        Mailbox {
            owner,
            delegates: Vec::new(),
            folders,
            messages: Vec::new(),
            rules: Vec::new(),
            overrides: Vec::new(),
            settings,
        }
    }

    pub fn owner_id(&self) -> &str {
        id(&self.owner)
    }

    /// The SMTP address mail to this mailbox is delivered to.
    pub fn address(&self) -> &str {
        text(&self.owner, "mail").or_else(|| text(&self.owner, "userPrincipalName")).unwrap_or_default()
    }

    pub fn recipient(&self) -> Value {
        user_recipient(&self.owner)
    }

    /// Whether `key` (id, principal name or address) names this mailbox.
    pub fn is(&self, key: &str) -> bool {
        ["id", "userPrincipalName", "mail"]
            .iter()
            .any(|k| text(&self.owner, k).is_some_and(|v| v.eq_ignore_ascii_case(key)))
    }

    pub fn may_open(&self, user_id: &str) -> bool {
        self.owner_id().eq_ignore_ascii_case(user_id) || self.delegates.iter().any(|d| d.eq_ignore_ascii_case(user_id))
    }

    /// A folder by id or well-known name.
    pub fn folder_index(&self, key: &str) -> Option<usize> {
        self.folders
            .iter()
            .position(|f| id(&f.props) == key)
            .or_else(|| self.folders.iter().position(|f| f.well_known.is_some_and(|w| w.eq_ignore_ascii_case(key))))
    }

    pub fn folder_id(&self, key: &str) -> Option<String> {
        self.folder_index(key).map(|i| id(&self.folders[i].props).to_string())
    }

    /// The id of a well-known folder (every mailbox has them all).
    pub fn well_known(&self, name: &str) -> String {
        self.folder_id(name).unwrap_or_default()
    }

    pub fn is_well_known(&self, folder_id: &str, name: &str) -> bool {
        self.folder_index(folder_id).and_then(|i| self.folders[i].well_known) == Some(name)
    }

    pub fn children(&self, folder_id: &str) -> impl Iterator<Item = &Folder> + '_ {
        let parent = folder_id.to_string();
        self.folders.iter().filter(move |f| text(&f.props, "parentFolderId") == Some(parent.as_str()))
    }

    /// `folder` itself and every folder below it.
    pub fn subtree(&self, folder_id: &str) -> Vec<String> {
        let mut out = vec![folder_id.to_string()];
        let mut i = 0;
        while i < out.len() {
            let kids: Vec<String> = self.children(&out[i]).map(|f| id(&f.props).to_string()).collect();
            out.extend(kids);
            i += 1;
        }
        out
    }

    pub fn message_index(&self, message_id: &str) -> Option<usize> {
        self.messages.iter().position(|m| id(&m.props) == message_id)
    }
}

impl Tenant {
    /// A mailbox by its owner's id, user principal name or address.
    pub(crate) fn mailbox(&self, key: &str) -> Option<&Mailbox> {
        self.mailboxes.iter().find(|m| m.is(key))
    }

    /// The mailbox an address delivers to, if it is the tenant's.
    pub(crate) fn mailbox_index_for(&self, address: &str) -> Option<usize> {
        self.mailboxes.iter().position(|m| m.address().eq_ignore_ascii_case(address) || m.is(address))
    }

    /// Whether an address is in one of the tenant's domains (the domains of its users' addresses).
    pub(crate) fn is_internal(&self, address: &str) -> bool {
        let Some((_, domain)) = address.rsplit_once('@') else { return false };
        self.mailboxes.iter().any(|m| m.address().rsplit_once('@').is_some_and(|(_, d)| d.eq_ignore_ascii_case(domain)))
    }
}
