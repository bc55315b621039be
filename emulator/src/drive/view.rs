//! Drive items as Graph writes them.

use super::Drive;
use crate::tenant::{text, Obj};
use serde_json::{json, Value};

/// The item at `i`, with `download_url` as its `@microsoft.graph.downloadUrl` (files only).
pub(crate) fn item(d: &Drive, i: usize, site: &str, download_url: Option<String>) -> Obj {
    let it = &d.items[i];
    let mut o = Obj::new();
    o.insert("createdBy".into(), it.created_by.clone());
    o.insert("createdDateTime".into(), json!(it.created));
    o.insert("eTag".into(), json!(format!("\"{{{}}},{}\"", it.guid.to_uppercase(), it.version)));
    o.insert("id".into(), json!(it.id));
    o.insert("lastModifiedBy".into(), it.modified_by.clone());
    o.insert("lastModifiedDateTime".into(), json!(it.modified));
    o.insert("name".into(), json!(it.name));
    let path = d.path_of(i);
    let web_path = path.trim_start_matches("/drive/root:");
    o.insert(
        "webUrl".into(),
        json!(format!("https://contoso.sharepoint.com/sites/{site}/Shared%20Documents{}", encode_path(web_path))),
    );
    o.insert("cTag".into(), json!(format!("\"c:{{{}}},{}\"", it.guid.to_uppercase(), it.version)));
    o.insert("fileSystemInfo".into(), json!({ "createdDateTime": it.created, "lastModifiedDateTime": it.modified }));
    o.insert("size".into(), json!(d.size_of(i)));
    match &it.parent {
        Some(p) => {
            let parent = d.find(p);
            let parent_path = parent.map(|j| d.path_of(j)).unwrap_or_else(|| "/drive/root:".into());
            let mut r = json!({ "driveType": "documentLibrary", "driveId": d.id, "id": p, "path": parent_path });
            if let Some(j) = parent.filter(|&j| d.items[j].parent.is_some()) {
                r["name"] = json!(d.items[j].name);
            }
            o.insert("parentReference".into(), r);
        }
        None => {
            o.insert("parentReference".into(), json!({ "driveType": "documentLibrary", "driveId": d.id }));
            o.insert("root".into(), json!({}));
        }
    }
    if it.folder {
        o.insert("folder".into(), json!({ "childCount": d.children(&it.id).count() }));
    } else {
        o.insert("file".into(), json!({ "mimeType": it.mime }));
        if let Some(url) = download_url {
            o.insert("@microsoft.graph.downloadUrl".into(), json!(url));
        }
    }
    o
}

/// Who did it, as an identity set, from the caller's user object.
pub(crate) fn identity(user: Option<&Obj>) -> Value {
    match user {
        Some(u) => json!({ "user": {
            "email": text(u, "mail").or_else(|| text(u, "userPrincipalName")),
            "id": text(u, "id"),
            "displayName": text(u, "displayName"),
        } }),
        None => json!({ "user": { "displayName": "Unknown" } }),
    }
}

fn encode_path(p: &str) -> String {
    p.split('/').map(crate::respond::percent_encode).collect::<Vec<_>>().join("/")
}

/// The properties a drive item may have, for `$select`, `$filter` and `$orderby`.
pub(crate) const DRIVE_ITEM: &[&str] = &[
    "id",
    "audio",
    "cTag",
    "createdBy",
    "createdDateTime",
    "deleted",
    "description",
    "eTag",
    "file",
    "fileSystemInfo",
    "folder",
    "image",
    "lastModifiedBy",
    "lastModifiedDateTime",
    "location",
    "name",
    "package",
    "parentReference",
    "pendingOperations",
    "photo",
    "publication",
    "remoteItem",
    "root",
    "searchResult",
    "shared",
    "sharepointIds",
    "size",
    "specialFolder",
    "video",
    "webDavUrl",
    "webUrl",
];
