//! Outlook messages: list, read, draft, send, reply, forward, move, copy, attachments.

use super::check::{address, field, items, nested, text, Check};
use super::route::Args;
use super::*;
use crate::model::{Attachment, AttachmentKind, Message, Recipient};
use serde_json::Value;

/// Every recipient given must carry an email address.
impl Check for Recipient {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        match address(json) {
            Some(a) if a.contains('@') && !a.trim().is_empty() => Ok(()),
            _ => Err(Error::invalid(param, "needs an email address")),
        }
    }
}

/// A message's recipient lists: JSON name, then the table's.
const RECIPIENT_LISTS: [(&str, &str); 4] = [
    ("toRecipients", "to_recipients"),
    ("ccRecipients", "cc_recipients"),
    ("bccRecipients", "bcc_recipients"),
    ("replyTo", "reply_to"),
];

impl Check for Message {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        for (key, name) in RECIPIENT_LISTS {
            nested::<Vec<Recipient>>(json, key, param, name)?;
        }
        nested::<Recipient>(json, "from", param, "from")?;
        nested::<Vec<Attachment>>(json, "attachments", param, "attachments")
    }
}

/// Graph takes attachments up to 3 MB in one request; larger ones need an upload session.
pub const MAX_INLINE_ATTACHMENT: usize = 3 * 1024 * 1024;

impl Check for Attachment {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        require_text(&format!("{param}.name"), text(json, "name"))?;
        let need = |name: &str, key: &str| {
            if field(json, key).is_some() {
                Ok(())
            } else {
                Err(Error::invalid(&format!("{param}.{name}"), "is required for this kind of attachment"))
            }
        };
        match AttachmentKind::of(text(json, "@odata.type")) {
            AttachmentKind::File => {
                need("content_bytes", "contentBytes")?;
                // The shape was checked (base64) before: only the size is in question here.
                let bytes = text(json, "contentBytes").map(|b| crate::base64::decode(b.trim()));
                let size = bytes.and_then(Result::ok).map_or(0, |b| b.len());
                if size > MAX_INLINE_ATTACHMENT {
                    return Err(Error::invalid(
                        &format!("{param}.content_bytes"),
                        format!("is {size} bytes; Graph takes at most 3 MB in one request (larger files need an upload session)"),
                    ));
                }
                Ok(())
            }
            AttachmentKind::Item => need("item", "item"),
            AttachmentKind::Reference => need("source_url", "sourceUrl"),
            AttachmentKind::Unknown => Err(Error::invalid(
                &format!("{param}.odata_type"),
                "must say the kind: #microsoft.graph.fileAttachment, itemAttachment or referenceAttachment",
            )),
        }
    }
}

/// Graph takes a forward's recipients either as `toRecipients` or as the message's own
/// `toRecipients`: giving both, or neither, is its 400 (message-forward).
fn forward_recipients(a: &Args) -> Result<(), Error> {
    let message = a.json("message")?;
    comment_or_body(&a.json("comment")?, &message)?;
    let to = a.json("to_recipients")?;
    match (!to.as_array().is_some_and(|to| !to.is_empty()), recipients_in(&message)) {
        (true, false) => {
            Err(Error::invalid("to_recipients", "needs at least one recipient (here or in message.to_recipients)"))
        }
        (false, true) => Err(Error::invalid(
            "to_recipients",
            "give the recipients here or in message.to_recipients, not both (Graph answers 400)",
        )),
        _ => Ok(()),
    }
}

/// Replies and forwards take a comment or the message's body, not both (Graph answers 400).
fn comment_or_body(comment: &Value, message: &Value) -> Result<(), Error> {
    if !comment.is_null() && field(message, "body").is_some() {
        return Err(Error::invalid("comment", "give a comment or message.body, not both (Graph answers 400)"));
    }
    Ok(())
}

fn recipients_in(message: &Value) -> bool {
    !items(message, "toRecipients").is_empty()
}

/// A forward draft may leave its recipients for later, but takes them in one place only.
fn create_forward_args(a: &Args) -> Result<(), Error> {
    let message = a.json("message")?;
    comment_or_body(&a.json("comment")?, &message)?;
    let to = a.json("to_recipients")?;
    if to.as_array().is_some_and(|to| !to.is_empty()) && recipients_in(&message) {
        return Err(Error::invalid(
            "to_recipients",
            "give the recipients here or in message.to_recipients, not both (Graph answers 400)",
        ));
    }
    Ok(())
}

/// Replies take a comment or the message's body, not both.
fn reply_args(a: &Args) -> Result<(), Error> {
    comment_or_body(&a.json("comment")?, &a.json("message")?)
}

routes! {
    ListMessages: GET mailbox / "messages" ? query;
    ListFolderMessages: GET mailbox / "mailFolders" / folder_id / "messages" ? query;
    GetMessage: GET mailbox / "messages" / message_id ? query;
    CreateMessage: POST mailbox / "messages" <- message;
    CreateFolderMessage: POST mailbox / "mailFolders" / folder_id / "messages" <- message;
    UpdateMessage: PATCH mailbox / "messages" / message_id <- message;
    DeleteMessage: DELETE mailbox / "messages" / message_id;
    SendMail: POST mailbox / "sendMail" <- { message, save_to_sent_items };
    SendMessage: POST mailbox / "messages" / message_id / "send";
    ReplyToMessage: POST mailbox / "messages" / message_id / "reply" <- { comment, message }
        if reply_args;
    ReplyAllToMessage: POST mailbox / "messages" / message_id / "replyAll" <- { comment, message }
        if reply_args;
    CreateReply: POST mailbox / "messages" / message_id / "createReply" <- { comment, message }
        if reply_args;
    CreateReplyAll: POST mailbox / "messages" / message_id / "createReplyAll" <- { comment, message }
        if reply_args;
    CreateForward: POST mailbox / "messages" / message_id / "createForward" <- { comment, to_recipients, message }
        if create_forward_args;
    MoveMessage: POST mailbox / "messages" / message_id / "move" <- { destination_id }
        if |a: &Args| crate::endpoint::check_item_id("destination_id", a.text("destination_id")?);
    // An empty `to_recipients` is left out: the recipients are in the message then.
    ForwardMessage: POST mailbox / "messages" / message_id / "forward"
        <- { comment, to_recipients: nonempty(to_recipients), message } if forward_recipients;
    CopyMessage: POST mailbox / "messages" / message_id / "copy" <- { destination_id }
        if |a: &Args| crate::endpoint::check_item_id("destination_id", a.text("destination_id")?);
    UnsubscribeMessage: POST mailbox / "messages" / message_id / "unsubscribe";
    ListMessageAttachments: GET mailbox / "messages" / message_id / "attachments" ? query;
    GetMessageAttachment: GET mailbox / "messages" / message_id / "attachments" / attachment_id ? query;
    AddMessageAttachment: POST mailbox / "messages" / message_id / "attachments" <- attachment;
    DeleteMessageAttachment: DELETE mailbox / "messages" / message_id / "attachments" / attachment_id;
    GetMessageAttachmentContent: GET mailbox / "messages" / message_id / "attachments" / attachment_id / "$value";
}
