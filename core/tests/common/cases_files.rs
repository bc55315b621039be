//! The group files operations' cases (see `cases.rs`), in table order.

use super::cases::{make, Case, Shape};
use super::G;
use o365kit::ops::*;
use serde_json::json;

/// A drive item id as the docs show them.
pub const I: &str = "01NKDM7HMOJTVYMDOSXFDK2QJDXCDI3WUK";
/// A message id as the docs show them.
pub const M: &str = "AAMkADI5MAAIT3drCAAA=";
pub const E: &str = "AAMkADU5CCmSAAA=";

pub fn all() -> Vec<Case> {
    let q = json!({});
    let item = json!({ "attachmentType": "file", "name": "flower", "size": 3483322 });
    vec![
        case!(
            ListDriveChildren,
            Json,
            Some("files/list_drive_children.json"),
            json!({ "group_id": G, "item_id": I, "query": q })
        ),
        case!(
            GetDriveItem,
            Json,
            Some("files/get_drive_item.json"),
            json!({ "group_id": G, "item_id": I, "query": q })
        ),
        case!(
            GetDriveItemByPath,
            Json,
            Some("files/get_drive_item.json"),
            json!({ "group_id": G, "path": "Reports/2025/q1.xlsx", "query": q })
        ),
        case!(
            CreateDriveFolder,
            Json,
            Some("files/create_drive_folder.json"),
            json!({ "group_id": G, "name": "New Folder", "parent_id": I, "conflict_behavior": "rename" })
        ),
        case!(
            UploadDriveFile,
            Json,
            Some("files/upload_drive_file.json"),
            json!({ "group_id": G, "name": "FileB.txt", "parent_id": I, "conflict_behavior": null,
                    "content": { "contentType": "text/plain", "bytes": "VGhlIGNvbnRlbnRzIG9mIHRoZSBmaWxlIGdvZXMgaGVyZS4=" } })
        ),
        case!(DownloadDriveItem, Binary, None, json!({ "group_id": G, "item_id": I })),
        case!(
            RenameDriveItem,
            Json,
            Some("files/rename_drive_item.json"),
            json!({ "group_id": G, "item_id": I, "name": "new-file-name.docx" })
        ),
        case!(
            MoveDriveItem,
            Json,
            Some("files/move_drive_item.json"),
            json!({ "group_id": G, "item_id": I, "parent_id": "1231203102!1011", "name": "new-item-name.txt" })
        ),
        case!(DeleteDriveItem, Empty, None, json!({ "group_id": G, "item_id": I })),
        case!(
            CreateDriveUploadSession,
            Json,
            Some("files/create_drive_upload_session.json"),
            json!({ "group_id": G, "name": "largefile.dat", "parent_id": null, "conflict_behavior": "rename" })
        ),
        case!(
            CreateMessageUploadSession,
            Json,
            Some("files/create_message_upload_session.json"),
            json!({ "message_id": M, "attachment_item": item })
        ),
        case!(
            CreateEventUploadSession,
            Json,
            Some("files/create_event_upload_session.json"),
            json!({ "event_id": E, "attachment_item": item })
        ),
    ]
}
