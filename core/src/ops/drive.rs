//! Group files: the group's document library at `/groups/{id}/drive`, and the upload sessions
//! for large files and for large message and event attachments.

use super::check::{int, text, Check};
use super::route::{self, Args};
use super::*;
use crate::endpoint::check_drive_name;
use crate::model::AttachmentItem;
use serde_json::Value;

/// Graph's simple upload (`PUT .../content`) takes at most 4 MB; larger files need a session.
pub const MAX_SIMPLE_UPLOAD: usize = 4 * 1024 * 1024;
/// An attachment upload session takes files up to 150 MB.
pub const MAX_ATTACHMENT_UPLOAD: i64 = 150 * 1024 * 1024;

/// What to do when a name is taken (`@microsoft.graph.conflictBehavior`), as Graph spells it.
const CONFLICT_BEHAVIORS: &[&str] = &["fail", "replace", "rename"];

/// A new item's name and what to do when it is taken: checked before the path (the body checks
/// them again after it), in the order these operations always reported bad input.
fn new_item(a: &Args) -> Result<(), Error> {
    check_drive_name("name", a.text("name")?)?;
    route::one_of(a, "conflict_behavior", CONFLICT_BEHAVIORS).map(drop)
}

/// At most 4 MB, and a media type the body can carry (checked before the path, as always).
fn upload(a: &Args) -> Result<(), Error> {
    let content: &crate::model::Photo = a.get("content")?;
    let size = content.bytes.len();
    if size > MAX_SIMPLE_UPLOAD {
        return Err(Error::invalid(
            "content",
            format!(
                "is {size} bytes; a single upload takes at most 4 MB: upload larger files through an upload \
                 session (create_drive_upload_session, then upload)"
            ),
        ));
    }
    if content.content_type.trim().chars().any(char::is_control) {
        return Err(Error::invalid("content.content_type", "must not contain control characters"));
    }
    Ok(())
}

/// The destination folder's id and the new name, if any, before the path.
fn move_item(a: &Args) -> Result<(), Error> {
    crate::endpoint::check_id("parent_id", a.text("parent_id")?)?;
    match a.get::<Option<String>>("name")? {
        Some(name) => check_drive_name("name", name),
        None => Ok(()),
    }
}

/// A file of 1 byte to 150 MB, named, of type "file" (sessions carry files only).
impl Check for AttachmentItem {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        require_text(&format!("{param}.name"), text(json, "name"))?;
        match text(json, "attachmentType") {
            Some(t) if t.eq_ignore_ascii_case("file") => {}
            _ => {
                return Err(Error::invalid(
                    &format!("{param}.attachment_type"),
                    "must be \"file\" (sessions carry files)",
                ))
            }
        }
        match int(json, "size") {
            Some(s) if (1..=MAX_ATTACHMENT_UPLOAD).contains(&s) => Ok(()),
            Some(s) if s > MAX_ATTACHMENT_UPLOAD => {
                Err(Error::invalid(&format!("{param}.size"), format!("is {s} bytes; Graph attaches at most 150 MB")))
            }
            _ => Err(Error::invalid(&format!("{param}.size"), "is required: the file's length in bytes (at least 1)")),
        }
    }
}

fn name_arg(a: &Args) -> Result<(), Error> {
    check_drive_name("name", a.text("name")?)
}

routes! {
    ListDriveChildren: GET root / "groups" / {group_id} / "drive" / ({item_id} ? "root" : "items") / "children" ? query;
    GetDriveItem: GET root / "groups" / {group_id} / "drive" / "items" / {item_id} ? query;
    GetDriveItemByPath: GET root / "groups" / {group_id} / "drive" / "root" / [path ..] ? query;
    CreateDriveFolder: POST root / "groups" / {group_id} / "drive" / ({parent_id} ? "root" : "items") / "children"
        <- { name, folder: {}, "@microsoft.graph.conflictBehavior": one_of(conflict_behavior, CONFLICT_BEHAVIORS) }
        if new_item;
    UploadDriveFile: PUT root / "groups" / {group_id} / "drive" / ({parent_id} ? "root" : "items") / [name] / "content"
        ? { "@microsoft.graph.conflictBehavior": one_of(conflict_behavior, CONFLICT_BEHAVIORS) } <- bytes(content)
        if upload;
    DownloadDriveItem: GET root / "groups" / {group_id} / "drive" / "items" / {item_id} / "content";
    RenameDriveItem: PATCH root / "groups" / {group_id} / "drive" / "items" / {item_id} <- { name } if name_arg;
    MoveDriveItem: PATCH root / "groups" / {group_id} / "drive" / "items" / {item_id}
        <- { parent_reference: { id: parent_id }, name } if move_item;
    DeleteDriveItem: DELETE root / "groups" / {group_id} / "drive" / "items" / {item_id};
    CreateDriveUploadSession: POST root / "groups" / {group_id} / "drive" / ({parent_id} ? "root" : "items") / [name]
        / "createUploadSession" <- { item: { name, "@microsoft.graph.conflictBehavior": one_of(conflict_behavior, CONFLICT_BEHAVIORS) } }
        if new_item;
    CreateMessageUploadSession: POST mailbox / "messages" / message_id / "attachments" / "createUploadSession" <- { attachment_item };
    CreateEventUploadSession: POST mailbox / "events" / event_id / "attachments" / "createUploadSession" <- { attachment_item };
}
