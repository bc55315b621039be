//! Group files: the group's document library at `/groups/{id}/drive`, and the upload sessions
//! for large files and for large message and event attachments.

use super::check::{int, text, Check};
use super::route::Args;
use super::*;
use crate::endpoint::check_drive_name;
use crate::model::AttachmentItem;
use serde_json::Value;

/// Graph's simple upload (`PUT .../content`) takes at most 4 MB; larger files need a session.
pub const MAX_SIMPLE_UPLOAD: usize = 4 * 1024 * 1024;
/// An attachment upload session takes files up to 150 MB.
pub const MAX_ATTACHMENT_UPLOAD: i64 = 150 * 1024 * 1024;

const CONFLICT: &str = "@microsoft.graph.conflictBehavior";

fn drive(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    Ok(ep.path().seg("groups").id("group_id", group_id)?.seg("drive"))
}

/// `drive/root` or `drive/items/{id}`.
fn folder(ep: &Endpoint, group_id: &str, param: &str, item_id: Option<&str>) -> Result<PathBuilder, Error> {
    let d = drive(ep, group_id)?;
    match item_id {
        None => Ok(d.seg("root")),
        Some(id) => d.seg("items").id(param, id),
    }
}

/// "fail", "replace" or "rename", as Graph spells them.
fn conflict_behavior(value: &Option<String>) -> Result<Option<&'static str>, Error> {
    let Some(v) = value else { return Ok(None) };
    ["fail", "replace", "rename"]
        .into_iter()
        .find(|c| c.eq_ignore_ascii_case(v.trim()))
        .map(Some)
        .ok_or_else(|| Error::invalid("conflict_behavior", "must be \"fail\", \"replace\" or \"rename\""))
}

impl BuildRequest for ListDriveChildren {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(folder(ep, &self.group_id, "item_id", self.item_id.as_deref())?.seg("children"), &self.query, false)
    }
}

impl BuildRequest for GetDriveItemByPath {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(drive(ep, &self.group_id)?.seg("root").drive_path("path", &self.path)?, &self.query, false)
    }
}

impl BuildRequest for CreateDriveFolder {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        check_drive_name("name", &self.name)?;
        let mut body = serde_json::json!({ "name": self.name, "folder": {} });
        if let Some(c) = conflict_behavior(&self.conflict_behavior)? {
            body[CONFLICT] = c.into();
        }
        let url = folder(ep, &self.group_id, "parent_id", self.parent_id.as_deref())?.seg("children").build();
        Request::post(url).json(&body)
    }
}

impl BuildRequest for UploadDriveFile {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let size = self.content.bytes.len();
        if size > MAX_SIMPLE_UPLOAD {
            return Err(Error::invalid(
                "content",
                format!(
                    "is {size} bytes; a single upload takes at most 4 MB: upload larger files through an upload \
                     session (create_drive_upload_session, then upload)"
                ),
            ));
        }
        let ct = self.content.content_type.trim();
        let ct = if ct.is_empty() { "application/octet-stream" } else { ct };
        if ct.chars().any(char::is_control) {
            return Err(Error::invalid("content.content_type", "must not contain control characters"));
        }
        let path =
            folder(ep, &self.group_id, "parent_id", self.parent_id.as_deref())?.drive_path("name", &self.name)?;
        check_drive_name("name", &self.name)?;
        let path = path.seg("content");
        let url = match conflict_behavior(&self.conflict_behavior)? {
            Some(c) => path.with_params(&[(CONFLICT, c)], &Query::new())?,
            None => path.build(),
        };
        Ok(Request::put(url).bytes(ct, self.content.bytes.clone()))
    }
}

impl BuildRequest for MoveDriveItem {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        crate::endpoint::check_id("parent_id", &self.parent_id)?;
        let mut body = serde_json::json!({ "parentReference": { "id": self.parent_id } });
        if let Some(name) = &self.name {
            check_drive_name("name", name)?;
            body["name"] = name.as_str().into();
        }
        let url = drive(ep, &self.group_id)?.seg("items").id("item_id", &self.item_id)?.build();
        Request::patch(url).json(&body)
    }
}

impl BuildRequest for CreateDriveUploadSession {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        check_drive_name("name", &self.name)?;
        let mut item = serde_json::json!({ "name": self.name });
        if let Some(c) = conflict_behavior(&self.conflict_behavior)? {
            item[CONFLICT] = c.into();
        }
        let url = folder(ep, &self.group_id, "parent_id", self.parent_id.as_deref())?
            .drive_path("name", &self.name)?
            .seg("createUploadSession")
            .build();
        Request::post(url).json(&serde_json::json!({ "item": item }))
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
    GetDriveItem: GET root / "groups" / {group_id} / "drive" / "items" / {item_id} ? query;
    DownloadDriveItem: GET root / "groups" / {group_id} / "drive" / "items" / {item_id} / "content";
    RenameDriveItem: PATCH root / "groups" / {group_id} / "drive" / "items" / {item_id} <- { name } if name_arg;
    DeleteDriveItem: DELETE root / "groups" / {group_id} / "drive" / "items" / {item_id};
    CreateMessageUploadSession: POST mailbox / "messages" / message_id / "attachments" / "createUploadSession" <- { attachment_item };
    CreateEventUploadSession: POST mailbox / "events" / event_id / "attachments" / "createUploadSession" <- { attachment_item };
}

built_by_hand!(
    ListDriveChildren,
    GetDriveItemByPath,
    CreateDriveFolder,
    UploadDriveFile,
    MoveDriveItem,
    CreateDriveUploadSession
);
