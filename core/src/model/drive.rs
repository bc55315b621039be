//! Files and folders of a group's document library (`/groups/{id}/drive`), and the upload
//! sessions that carry large files and large attachments.

use serde_json::Value;

model! {
    /// A file or folder of a drive. `file` or `folder` says which; `parent_reference` where it
    /// lives. Facets this crate does not read (audio, image, photo, video...) are kept as sent.
    pub struct DriveItem {
        audio: Value,
        c_tag: String,
        created_by: Value,
        created_date_time: String,
        deleted: Value,
        description: String,
        e_tag: String,
        file: File,
        file_system_info: Value,
        folder: Folder,
        id: String,
        image: Value,
        last_modified_by: Value,
        last_modified_date_time: String,
        location: Value,
        name: String,
        package: Value,
        parent_reference: ItemReference,
        pending_operations: Value,
        photo: Value,
        publication: Value,
        remote_item: Value,
        root: Value,
        search_result: Value,
        shared: Value,
        sharepoint_ids: Value,
        size: i64,
        special_folder: Value,
        video: Value,
        web_dav_url: String,
        web_url: String,
    }
}

impl DriveItem {
    /// The pre-authenticated download URL Graph adds to files (`@microsoft.graph.downloadUrl`):
    /// valid for a few minutes, fetched without the bearer token.
    pub fn download_url(&self) -> Option<&str> {
        self.extra.get("@microsoft.graph.downloadUrl").and_then(Value::as_str)
    }

    pub fn is_folder(&self) -> bool {
        self.folder.is_some()
    }
}

model! {
    /// The folder facet: how many children a folder holds.
    pub struct Folder {
        child_count: i64,
        view: Value,
    }
}

model! {
    /// The file facet: its media type and, where the service computes them, its hashes.
    pub struct File {
        hashes: Hashes,
        mime_type: String,
    }
}

model! {
    /// Hashes of a file's content, each present only where the service computes it.
    pub struct Hashes {
        crc32_hash: String,
        quick_xor_hash: String,
        sha1_hash: String,
        sha256_hash: String,
    }
}

model! {
    /// Where an item lives: its drive and, for a parent, the folder's id and path.
    pub struct ItemReference {
        drive_id: String,
        drive_type: String,
        id: String,
        name: String,
        path: String,
        share_id: String,
        sharepoint_ids: Value,
        site_id: String,
    }
}

model! {
    /// Where to send the bytes of a large file (`upload_url`, pre-authenticated: never send the
    /// bearer token to it), until when, and which byte ranges the service still misses
    /// ("0-", "26-", "101-127").
    pub struct UploadSession {
        expiration_date_time: String,
        next_expected_ranges: Vec<String>,
        upload_url: String,
    }
}

model! {
    /// A file to attach through an upload session: `attachment_type` "file", its name and size
    /// (3 MB to 150 MB), and optionally its media type and whether it is inline.
    pub struct AttachmentItem {
        attachment_type: String,
        content_type: String,
        is_inline: bool,
        name: String,
        size: i64,
    }
}

impl AttachmentItem {
    /// A file attachment of `size` bytes.
    pub fn file(name: impl Into<String>, size: u64) -> Self {
        AttachmentItem {
            attachment_type: Some("file".into()),
            name: Some(name.into()),
            size: Some(i64::try_from(size).unwrap_or(i64::MAX)),
            ..Default::default()
        }
    }
}
