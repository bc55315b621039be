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
        case!(ListMessages, Json, None, json!({ "query": q })),
        case!(ListFolderMessages, Json, None, json!({ "folder_id": F, "query": q })),
        case!(GetMessage, Json, None, json!({ "message_id": M, "query": q })),
        case!(CreateMessage, Json, None, json!({ "message": message() })),
        case!(CreateFolderMessage, Json, None, json!({ "folder_id": F, "message": message() })),
        case!(UpdateMessage, Json, None, json!({ "message_id": M, "message": { "isRead": true } })),
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
        case!(CreateReply, Json, None, json!({ "message_id": M, "comment": "Thanks", "message": null })),
        case!(CreateReplyAll, Json, None, json!({ "message_id": M, "comment": "Thanks", "message": null })),
        case!(
            CreateForward,
            Json,
            None,
            json!({ "message_id": M, "to_recipients": to(), "comment": "FYI", "message": null })
        ),
        case!(MoveMessage, Json, None, json!({ "message_id": M, "destination_id": "deleteditems" })),
        case!(CopyMessage, Json, None, json!({ "message_id": M, "destination_id": F })),
        case!(UnsubscribeMessage, Empty, None, json!({ "message_id": M })),
        case!(ListMessageAttachments, Json, None, json!({ "message_id": M, "query": q })),
        case!(GetMessageAttachment, Json, None, json!({ "message_id": M, "attachment_id": A, "query": q })),
        case!(
            AddMessageAttachment,
            Json,
            None,
            json!({ "message_id": M, "attachment": {
                "@odata.type": "#microsoft.graph.fileAttachment", "name": "menu.txt", "contentBytes": "bWFjIGFuZCBjaGVlc2UgdG9kYXk="
            } })
        ),
        case!(DeleteMessageAttachment, Empty, None, json!({ "message_id": M, "attachment_id": A })),
        case!(GetMessageAttachmentContent, Binary, None, json!({ "message_id": M, "attachment_id": A })),
        case!(ListMailFolders, Json, None, json!({ "query": q })),
        case!(ListChildFolders, Json, None, json!({ "folder_id": F, "query": q })),
        case!(GetMailFolder, Json, None, json!({ "folder_id": "inbox", "query": q })),
        case!(CreateMailFolder, Json, None, json!({ "folder": { "displayName": "Clutter", "isHidden": true } })),
        case!(CreateChildFolder, Json, None, json!({ "folder_id": F, "folder": { "displayName": "Family" } })),
        case!(
            UpdateMailFolder,
            Json,
            None,
            json!({ "folder_id": F, "folder": { "displayName": "displayName-value" } })
        ),
        case!(DeleteMailFolder, Empty, None, json!({ "folder_id": F })),
        case!(MoveMailFolder, Json, None, json!({ "folder_id": F, "destination_id": "archive" })),
        case!(CopyMailFolder, Json, None, json!({ "folder_id": F, "destination_id": "archive" })),
        case!(ListInferenceOverrides, Json, None, json!({ "query": q })),
        case!(
            CreateInferenceOverride,
            Json,
            None,
            json!({ "inference_override": {
                "classifyAs": "focused", "senderEmailAddress": { "name": "Samantha Booth", "address": "samanthab@adatum.onmicrosoft.com" }
            } })
        ),
        case!(
            UpdateInferenceOverride,
            Json,
            None,
            json!({ "override_id": "x-ov-1", "inference_override": { "classifyAs": "other" } })
        ),
        case!(DeleteInferenceOverride, Empty, None, json!({ "override_id": "x-ov-1" })),
        case!(GetMailboxSettings, Json, None, json!({ "query": q })),
        case!(UpdateMailboxSettings, Json, None, json!({ "settings": { "timeZone": "Pacific Standard Time" } })),
        case!(GetAutomaticReplies, Json, None, json!({})),
        case!(
            SetAutomaticReplies,
            Json,
            None,
            json!({ "automatic_replies_setting": { "status": "alwaysEnabled", "internalReplyMessage": "Away" } })
        ),
        case!(ListMessageRules, Json, None, json!({ "query": q })),
        case!(GetMessageRule, Json, None, json!({ "rule_id": "AQAAAJ5dZqA=", "query": q })),
        case!(
            CreateMessageRule,
            Json,
            None,
            json!({ "rule": {
                "displayName": "From partner", "sequence": 2, "isEnabled": true,
                "conditions": { "senderContains": ["adele"] },
                "actions": { "forwardTo": to(), "stopProcessingRules": true }
            } })
        ),
        case!(UpdateMessageRule, Json, None, json!({ "rule_id": "AQAAAJ5dZqA=", "rule": { "displayName": "x" } })),
        case!(DeleteMessageRule, Empty, None, json!({ "rule_id": "AQAAAJ5dZqA=" })),
        case!(
            GetMailTips,
            Json,
            None,
            json!({ "email_addresses": ["danas@contoso.com"], "mail_tips_options": ["automaticReplies", "mailboxFullStatus"] })
        ),
        case!(ListSupportedLanguages, Json, None, json!({ "query": q })),
        case!(ListSupportedTimeZones, Json, None, json!({ "standard": "iana", "query": q })),
    ]
}
