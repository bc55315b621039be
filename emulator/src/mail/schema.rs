//! What Graph's metadata says about the mail entity types: declared properties (for `$select`,
//! `$filter` and `$orderby` checks and for refusing unknown properties in bodies).

pub(crate) const MESSAGE: &[&str] = &[
    "id",
    "createdDateTime",
    "lastModifiedDateTime",
    "changeKey",
    "categories",
    "receivedDateTime",
    "sentDateTime",
    "hasAttachments",
    "internetMessageId",
    "internetMessageHeaders",
    "subject",
    "body",
    "bodyPreview",
    "uniqueBody",
    "importance",
    "parentFolderId",
    "sender",
    "from",
    "toRecipients",
    "ccRecipients",
    "bccRecipients",
    "replyTo",
    "conversationId",
    "conversationIndex",
    "isDeliveryReceiptRequested",
    "isReadReceiptRequested",
    "isRead",
    "isDraft",
    "webLink",
    "inferenceClassification",
    "flag",
    // beta
    "mentions",
    "mentionsPreview",
];

/// Message properties a client may set on create or update.
pub(crate) const MESSAGE_WRITABLE: &[&str] = &[
    "subject",
    "body",
    "importance",
    "from",
    "sender",
    "toRecipients",
    "ccRecipients",
    "bccRecipients",
    "replyTo",
    "categories",
    "isRead",
    "isDeliveryReceiptRequested",
    "isReadReceiptRequested",
    "inferenceClassification",
    "flag",
    "internetMessageHeaders",
    "internetMessageId",
];

pub(crate) const MAIL_FOLDER: &[&str] =
    &["id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount", "totalItemCount", "isHidden"];

pub(crate) const MESSAGE_RULE: &[&str] =
    &["id", "displayName", "sequence", "isEnabled", "hasError", "isReadOnly", "conditions", "actions", "exceptions"];

pub(crate) const OVERRIDE: &[&str] = &["id", "classifyAs", "senderEmailAddress"];
