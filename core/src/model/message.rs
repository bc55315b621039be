//! Outlook messages and the small types only they use.

use super::{Attachment, DateTimeTimeZone, EmailAddress, ItemBody, Recipient};

model! {
    /// An email message in a mailbox folder (a draft while `is_draft`).
    pub struct Message {
        id: String,
        created_date_time: String,
        last_modified_date_time: String,
        change_key: String,
        categories: Vec<String>,
        received_date_time: String,
        sent_date_time: String,
        has_attachments: bool,
        internet_message_id: String,
        /// Only present when selected (`$select=internetMessageHeaders`).
        internet_message_headers: Vec<InternetMessageHeader>,
        subject: String,
        body: ItemBody,
        body_preview: String,
        /// The part of the body that is new in this message of the conversation.
        unique_body: ItemBody,
        /// "low", "normal" or "high".
        importance: String,
        parent_folder_id: String,
        sender: Recipient,
        from: Recipient,
        to_recipients: Vec<Recipient>,
        cc_recipients: Vec<Recipient>,
        bcc_recipients: Vec<Recipient>,
        reply_to: Vec<Recipient>,
        conversation_id: String,
        /// Base64, as Graph sends it.
        conversation_index: String,
        is_delivery_receipt_requested: bool,
        is_read_receipt_requested: bool,
        is_read: bool,
        is_draft: bool,
        web_link: String,
        /// "focused" or "other" (Focused Inbox).
        inference_classification: String,
        flag: FollowupFlag,
        attachments: Vec<Attachment>,
        /// Beta: the @-mentions of the message (`$expand=mentions`).
        mentions: Vec<Mention>,
        /// Beta: whether the signed-in user is @-mentioned.
        mentions_preview: MentionsPreview,
    }
}

impl Message {
    /// A message with a subject, an HTML body and its To recipients (plain addresses).
    pub fn new<I, S>(subject: impl Into<String>, html: impl Into<String>, to: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Message {
            subject: Some(subject.into()),
            body: Some(ItemBody::html(html)),
            to_recipients: Some(to.into_iter().map(|a| Recipient::new(a)).collect()),
            ..Default::default()
        }
    }

    /// Every recipient list, named as its property, for checks and display.
    pub fn recipient_lists(&self) -> [(&'static str, &Option<Vec<Recipient>>); 4] {
        [
            ("to_recipients", &self.to_recipients),
            ("cc_recipients", &self.cc_recipients),
            ("bcc_recipients", &self.bcc_recipients),
            ("reply_to", &self.reply_to),
        ]
    }
}

model! {
    /// One internet header of a message (`List-Unsubscribe`, `Received`, ...).
    pub struct InternetMessageHeader {
        name: String,
        value: String,
    }
}

model! {
    /// A follow-up flag: `flagStatus` "notFlagged", "flagged" or "complete", with its dates.
    pub struct FollowupFlag {
        flag_status: String,
        start_date_time: DateTimeTimeZone,
        due_date_time: DateTimeTimeZone,
        completed_date_time: DateTimeTimeZone,
    }
}

model! {
    /// Beta: an @-mention in a message.
    pub struct Mention {
        id: String,
        mentioned: EmailAddress,
        mention_text: String,
        client_reference: String,
        created_by: EmailAddress,
        created_date_time: String,
        server_created_date_time: String,
        deep_link: String,
        application: String,
    }
}

model! {
    /// Beta: whether the signed-in user is mentioned in a message.
    pub struct MentionsPreview {
        is_mentioned: bool,
    }
}

model! {
    /// A mail folder; well-known folders also answer to their names ("inbox", "sentitems", ...).
    pub struct MailFolder {
        id: String,
        display_name: String,
        parent_folder_id: String,
        child_folder_count: i64,
        unread_item_count: i64,
        total_item_count: i64,
        is_hidden: bool,
    }
}

impl MailFolder {
    /// A folder to create, by its display name.
    pub fn named(display_name: impl Into<String>) -> Self {
        MailFolder { display_name: Some(display_name.into()), ..Default::default() }
    }
}
