//! Group document libraries (`/groups/{id}/drive`) and upload sessions, in memory.
//!
//! Every group gets a drive on first use: a root folder and nothing else. Files keep their bytes;
//! a drive holds at most `App::drive_quota` bytes of files (Graph's `507 quotaLimitReached`
//! beyond). Upload sessions (drive files, and message and event attachments) live here too,
//! under a pre-authenticated `/upload/{token}` URL, as do the short-lived pre-authenticated
//! download URLs (`/download/{token}`) that `.../content` redirects to.

pub(crate) mod view;

use crate::clock;
use crate::ids;
use crate::tenant::Obj;

/// How long a download URL works, as Graph's "a few minutes".
pub(crate) const DOWNLOAD_TTL_SECS: i64 = 5 * 60;
/// How long an upload session lives without being finished.
pub(crate) const UPLOAD_TTL_SECS: i64 = 15 * 60;

#[derive(Debug, Clone, Default)]
pub(crate) struct Drives {
    pub drives: Vec<Drive>,
    pub sessions: Vec<Session>,
    pub downloads: Vec<Download>,
}

#[derive(Debug, Clone)]
pub(crate) struct Drive {
    /// The group's id, as the tenant spells it.
    pub group: String,
    pub id: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub id: String,
    pub name: String,
    /// `None` for the root.
    pub parent: Option<String>,
    pub folder: bool,
    pub content: Vec<u8>,
    pub mime: String,
    pub guid: String,
    pub version: u64,
    pub created: String,
    pub modified: String,
    /// `{"user": {...}}` identity sets.
    pub created_by: serde_json::Value,
    pub modified_by: serde_json::Value,
}

/// What an upload session makes when its last byte arrives.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// A drive file: the group, the parent folder's id, the name, and the conflict behaviour.
    File {
        group: String,
        parent: String,
        name: String,
        conflict: Conflict,
        by: serde_json::Value,
    },
    /// A file attachment on a message (the mailbox's index) or an event (the calendar store's).
    Message {
        mailbox: usize,
        message: String,
        owner: String,
        meta: Obj,
    },
    Event {
        store: usize,
        event: String,
        owner: String,
        meta: Obj,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub token: String,
    pub expires: i64,
    /// The file's size, once known (attachments: from the start; files: from the first chunk).
    pub size: Option<u64>,
    pub received: Vec<u8>,
    pub target: Target,
}

impl Session {
    pub fn expiration(&self) -> String {
        clock::format_secs(self.expires, true)
    }

    /// Outlook writes the next byte alone (`"2097152"`), OneDrive a range (`"26-"`).
    pub fn next_ranges(&self) -> Vec<String> {
        match self.target {
            Target::File { .. } => vec![format!("{}-", self.received.len())],
            _ => vec![self.received.len().to_string()],
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Download {
    pub token: String,
    pub group: String,
    pub item: String,
    pub expires: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conflict {
    Fail,
    Replace,
    Rename,
}

impl Conflict {
    pub fn parse(s: &str) -> Option<Conflict> {
        match s.to_ascii_lowercase().as_str() {
            "fail" => Some(Conflict::Fail),
            "replace" => Some(Conflict::Replace),
            "rename" => Some(Conflict::Rename),
            _ => None,
        }
    }
}

pub(crate) fn now() -> i64 {
    clock::now_secs()
}

/// `01` and 32 base32 characters, as OneDrive for Business item ids look.
pub(crate) fn item_id() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut s = String::from("01");
    while s.len() < 34 {
        let mut r = ids::random_u64();
        for _ in 0..12 {
            if s.len() == 34 {
                break;
            }
            s.push(ALPHABET[(r % 32) as usize] as char);
            r /= 32;
        }
    }
    s
}

fn token() -> String {
    format!("{}{}", ids::guid().replace('-', ""), ids::guid().replace('-', ""))
}

/// The media type OneDrive infers from a name's extension.
pub(crate) fn mime_of(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "html" | "htm" => "text/html",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "zip" => "application/zip",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/octet-stream",
    }
}

/// "Report.txt" -> "Report 1.txt", "Report 2.txt"... as OneDrive renames on conflict.
pub(crate) fn renamed(name: &str, n: usize) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem} {n}.{ext}"),
        _ => format!("{name} {n}"),
    }
}

impl Drives {
    /// The group's drive, made with an empty root on first use.
    pub fn drive_mut(&mut self, group: &str) -> &mut Drive {
        let i = match self.drives.iter().position(|d| d.group.eq_ignore_ascii_case(group)) {
            Some(i) => i,
            None => {
                let at = clock::now_iso();
                let root = Item {
                    id: item_id(),
                    name: "root".into(),
                    parent: None,
                    folder: true,
                    content: Vec::new(),
                    mime: String::new(),
                    guid: ids::guid(),
                    version: 1,
                    created: at.clone(),
                    modified: at,
                    created_by: serde_json::json!({ "user": { "displayName": "System Account" } }),
                    modified_by: serde_json::json!({ "user": { "displayName": "System Account" } }),
                };
                let id = format!("b!{}", ids::stable("", group, 64));
                self.drives.push(Drive { group: group.to_string(), id, items: vec![root] });
                self.drives.len() - 1
            }
        };
        &mut self.drives[i]
    }

    pub fn new_session(&mut self, size: Option<u64>, target: Target) -> Session {
        self.sessions.retain(|s| s.expires > now());
        let s = Session { token: token(), expires: now() + UPLOAD_TTL_SECS, size, received: Vec::new(), target };
        self.sessions.push(s.clone());
        s
    }

    pub fn new_download(&mut self, group: &str, item: &str) -> String {
        self.downloads.retain(|d| d.expires > now());
        let token = token();
        self.downloads.push(Download {
            token: token.clone(),
            group: group.to_string(),
            item: item.to_string(),
            expires: now() + DOWNLOAD_TTL_SECS,
        });
        token
    }
}

impl Drive {
    pub fn root_id(&self) -> String {
        self.items[0].id.clone()
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    pub fn child(&self, parent: &str, name: &str) -> Option<usize> {
        self.items.iter().position(|i| i.parent.as_deref() == Some(parent) && i.name.eq_ignore_ascii_case(name))
    }

    pub fn children<'a>(&'a self, parent: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.parent.as_deref() == Some(parent))
    }

    /// The item at `names` under `from` (names matched without case, as SharePoint does).
    pub fn walk(&self, from: &str, names: &[String]) -> Option<usize> {
        let mut at = self.find(from)?;
        for n in names {
            at = self.child(&self.items[at].id.clone(), n)?;
        }
        Some(at)
    }

    /// The item and everything under it.
    pub fn subtree(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_string()];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i].clone();
            out.extend(self.children(&parent).map(|c| c.id.clone()));
            i += 1;
        }
        out
    }

    pub fn remove(&mut self, id: &str) {
        let gone = self.subtree(id);
        self.items.retain(|i| !gone.contains(&i.id));
    }

    /// Bytes of file content in the drive.
    pub fn used(&self) -> u64 {
        self.items.iter().map(|i| i.content.len() as u64).sum()
    }

    /// A folder's size: its files, all the way down.
    pub fn size_of(&self, i: usize) -> u64 {
        let item = &self.items[i];
        if !item.folder {
            return item.content.len() as u64;
        }
        self.subtree(&item.id).iter().filter_map(|id| self.find(id)).map(|j| self.items[j].content.len() as u64).sum()
    }

    /// `/drive/root:` and the names down to the item, as `parentReference.path` writes a parent.
    pub fn path_of(&self, i: usize) -> String {
        let mut names = Vec::new();
        let mut at = i;
        while let Some(p) = self.items[at].parent.clone() {
            names.push(self.items[at].name.clone());
            match self.find(&p) {
                Some(j) => at = j,
                None => break,
            }
        }
        names.reverse();
        let mut path = "/drive/root:".to_string();
        for n in names {
            path.push('/');
            path.push_str(&n);
        }
        path
    }

    /// A free name in `parent` for `name` under the conflict rule "rename".
    pub fn free_name(&self, parent: &str, name: &str) -> String {
        if self.child(parent, name).is_none() {
            return name.to_string();
        }
        (1..).map(|n| renamed(name, n)).find(|c| self.child(parent, c).is_none()).unwrap_or_default()
    }
}
