//! The Mail operations' cases (see `cases.rs`), in table order.

use super::cases::{make, Case, Shape};
use o365kit::ops::*;
use serde_json::{json, Value};

/// A message id as the docs show them.
pub const M: &str = "AAMkADhMGAAA=";
/// A folder id as the docs show them.
pub const F: &str = "AAMkADhAAAW-VPAAA=";
/// An attachment id.
pub const A: &str = "AAMkADhAAAHtJ0BEgAQAL_b2VnUAiWNLj0xeSOs499Y=";

fn message() -> Value {
    json!({
        "subject": "Did you see last night's game?",
        "importance": "Low",
        "body": { "contentType": "HTML", "content": "They were <b>awesome</b>!" },
        "toRecipients": [{ "emailAddress": { "address": "AdeleV@contoso.com" } }]
    })
}

fn to() -> Value {
    json!([{ "emailAddress": { "name": "Alex Wilber", "address": "AlexW@contoso.com" } }])
}

pub fn all() -> Vec<Case> {
    let q = json!({});
    vec![
        case!(ListMessages, Json, Some("mail/list_messages.json"), json!({ "query": q })),
        case!(ListFolderMessages, Json, Some("mail/list_folder_messages.json"), json!({ "folder_id": F, "query": q })),
        case!(GetMessage, Json, Some("mail/get_message.json"), json!({ "message_id": M, "query": q })),
        case!(CreateMessage, Json, Some("mail/create_message.json"), json!({ "message": message() })),
        case!(
            CreateFolderMessage,
            Json,
            Some("mail/create_folder_message.json"),
            json!({ "folder_id": F, "message": message() })
        ),
        case!(
            UpdateMessage,
            Json,
            Some("mail/update_message.json"),
            json!({ "message_id": M, "message": { "isRead": true } })
        ),
        case!(DeleteMessage, Empty, None, json!({ "message_id": M })),
        case!(SendMail, Empty, None, json!({ "message": message(), "save_to_sent_items": false })),
        case!(SendMessage, Empty, None, json!({ "message_id": M })),
        case!(ReplyToMessage, Empty, None, json!({ "message_id": M, "comment": "Thanks", "message": null })),
        case!(ReplyAllToMessage, Empty, None, json!({ "message_id": M, "comment": "Thanks", "message": null })),
        case!(
            ForwardMessage,
            Empty,
            None,
            json!({ "message_id": M, "to_recipients": to(), "comment": "FYI", "message": null })
        ),
        case!(
            CreateReply,
            Json,
            Some("mail/create_reply.json"),
            json!({ "message_id": M, "comment": "Thanks", "message": null })
        ),
        case!(
            CreateReplyAll,
            Json,
            Some("mail/create_reply_all.json"),
            json!({ "message_id": M, "comment": "Thanks", "message": null })
        ),
        case!(
            CreateForward,
            Json,
            Some("mail/create_forward.json"),
            json!({ "message_id": M, "to_recipients": to(), "comment": "FYI", "message": null })
        ),
        case!(
            MoveMessage,
            Json,
            Some("mail/move_message.json"),
            json!({ "message_id": M, "destination_id": "deleteditems" })
        ),
        case!(CopyMessage, Json, Some("mail/copy_message.json"), json!({ "message_id": M, "destination_id": F })),
        case!(UnsubscribeMessage, Empty, None, json!({ "message_id": M })),
        case!(
            ListMessageAttachments,
            Json,
            Some("mail/list_message_attachments.json"),
            json!({ "message_id": M, "query": q })
        ),
        case!(
            GetMessageAttachment,
            Json,
            Some("mail/get_message_attachment.json"),
            json!({ "message_id": M, "attachment_id": A, "query": q })
        ),
        case!(
            AddMessageAttachment,
            Json,
            Some("mail/add_message_attachment.json"),
            json!({ "message_id": M, "attachment": {
                "@odata.type": "#microsoft.graph.fileAttachment", "name": "menu.txt", "contentBytes": "bWFjIGFuZCBjaGVlc2UgdG9kYXk="
            } })
        ),
        case!(DeleteMessageAttachment, Empty, None, json!({ "message_id": M, "attachment_id": A })),
        case!(GetMessageAttachmentContent, Binary, None, json!({ "message_id": M, "attachment_id": A })),
        case!(ListMailFolders, Json, Some("mail/list_mail_folders.json"), json!({ "query": q })),
        case!(ListChildFolders, Json, Some("mail/list_child_folders.json"), json!({ "folder_id": F, "query": q })),
        case!(GetMailFolder, Json, Some("mail/get_mail_folder.json"), json!({ "folder_id": "inbox", "query": q })),
        case!(
            CreateMailFolder,
            Json,
            Some("mail/create_mail_folder.json"),
            json!({ "folder": { "displayName": "Clutter", "isHidden": true } })
        ),
        case!(
            CreateChildFolder,
            Json,
            Some("mail/create_child_folder.json"),
            json!({ "folder_id": F, "folder": { "displayName": "Family" } })
        ),
        case!(
            UpdateMailFolder,
            Json,
            Some("mail/update_mail_folder.json"),
            json!({ "folder_id": F, "folder": { "displayName": "displayName-value" } })
        ),
        case!(DeleteMailFolder, Empty, None, json!({ "folder_id": F })),
        case!(
            MoveMailFolder,
            Json,
            Some("mail/move_mail_folder.json"),
            json!({ "folder_id": F, "destination_id": "archive" })
        ),
        case!(
            CopyMailFolder,
            Json,
            Some("mail/copy_mail_folder.json"),
            json!({ "folder_id": F, "destination_id": "archive" })
        ),
        case!(ListInferenceOverrides, Json, Some("mail/list_inference_overrides.json"), json!({ "query": q })),
        case!(
            CreateInferenceOverride,
            Json,
            Some("mail/create_inference_override.json"),
            json!({ "inference_override": {
                "classifyAs": "focused", "senderEmailAddress": { "name": "Samantha Booth", "address": "samanthab@adatum.onmicrosoft.com" }
            } })
        ),
        case!(
            UpdateInferenceOverride,
            Json,
            Some("mail/update_inference_override.json"),
            json!({ "override_id": "x-ov-1", "inference_override": { "classifyAs": "other" } })
        ),
        case!(DeleteInferenceOverride, Empty, None, json!({ "override_id": "x-ov-1" })),
        case!(GetMailboxSettings, Json, Some("mail/get_mailbox_settings.json"), json!({ "query": q })),
        case!(
            UpdateMailboxSettings,
            Json,
            Some("mail/update_mailbox_settings.json"),
            json!({ "settings": { "timeZone": "Pacific Standard Time" } })
        ),
        case!(GetAutomaticReplies, Json, Some("mail/get_automatic_replies.json"), json!({})),
        case!(
            SetAutomaticReplies,
            Json,
            Some("mail/set_automatic_replies.json"),
            json!({ "automatic_replies_setting": { "status": "alwaysEnabled", "internalReplyMessage": "Away" } })
        ),
        case!(ListMessageRules, Json, Some("mail/list_message_rules.json"), json!({ "query": q })),
        case!(
            GetMessageRule,
            Json,
            Some("mail/get_message_rule.json"),
            json!({ "rule_id": "AQAAAJ5dZqA=", "query": q })
        ),
        case!(
            CreateMessageRule,
            Json,
            Some("mail/create_message_rule.json"),
            json!({ "rule": {
                "displayName": "From partner", "sequence": 2, "isEnabled": true,
                "conditions": { "senderContains": ["adele"] },
                "actions": { "forwardTo": to(), "stopProcessingRules": true }
            } })
        ),
        case!(
            UpdateMessageRule,
            Json,
            Some("mail/update_message_rule.json"),
            json!({ "rule_id": "AQAAAJ5dZqA=", "rule": { "displayName": "x" } })
        ),
        case!(DeleteMessageRule, Empty, None, json!({ "rule_id": "AQAAAJ5dZqA=" })),
        case!(
            GetMailTips,
            Json,
            Some("mail/get_mail_tips.json"),
            json!({ "email_addresses": ["danas@contoso.com"], "mail_tips_options": ["automaticReplies", "mailboxFullStatus"] })
        ),
        case!(ListSupportedLanguages, Json, Some("mail/list_supported_languages.json"), json!({ "query": q })),
        case!(
            ListSupportedTimeZones,
            Json,
            Some("mail/list_supported_time_zones.json"),
            json!({ "standard": "iana", "query": q })
        ),
    ]
}
