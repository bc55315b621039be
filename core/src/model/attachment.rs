//! Attachments of posts, messages and events: file, item and reference kinds in one type.

model! {
    /// `@odata.type` tells the kind; `content_bytes` holds a file attachment's decoded content.
    pub struct Attachment {
        odata_type: String,
        id: String,
        name: String,
        content_type: String,
        size: i64,
        is_inline: bool,
        last_modified_date_time: String,
        content_bytes: Vec<u8>,
        content_id: String,
        content_location: String,
        /// An item attachment's message, event or contact, as sent.
        item: serde_json::Value,
        /// A reference attachment's link.
        source_url: String,
    }
}

/// Which kind of attachment this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    File,
    Item,
    Reference,
    Unknown,
}

impl AttachmentKind {
    /// The kind an `@odata.type` names, in either dialect's spelling.
    pub fn of(odata_type: Option<&str>) -> AttachmentKind {
        let t = odata_type.unwrap_or("").to_ascii_lowercase();
        if t.ends_with(".fileattachment") {
            AttachmentKind::File
        } else if t.ends_with(".itemattachment") {
            AttachmentKind::Item
        } else if t.ends_with(".referenceattachment") {
            AttachmentKind::Reference
        } else {
            AttachmentKind::Unknown
        }
    }
}

impl Attachment {
    /// Graph says `#microsoft.graph.fileAttachment`, Outlook REST `#Microsoft.OutlookServices.FileAttachment`.
    pub fn kind(&self) -> AttachmentKind {
        AttachmentKind::of(self.odata_type.as_deref())
    }

    /// A file attachment to send.
    pub fn file(name: impl Into<String>, content_type: impl Into<String>, bytes: Vec<u8>) -> Self {
        Attachment {
            odata_type: Some("#microsoft.graph.fileAttachment".into()),
            name: Some(name.into()),
            content_type: Some(content_type.into()),
            content_bytes: Some(bytes),
            ..Default::default()
        }
    }
}
