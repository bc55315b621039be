//! Outlook messages: list, read, draft, send, reply, forward, move, copy, attachments.

use super::route::{Args, Check};
use super::*;
use crate::model::{Attachment, AttachmentKind, Message, Recipient};

/// Every recipient given must carry an email address.
impl Check for Recipient {
    fn check(&self, param: &str) -> Result<(), Error> {
        match self.address() {
            Some(a) if a.contains('@') && !a.trim().is_empty() => Ok(()),
            _ => Err(Error::invalid(param, "needs an email address")),
        }
    }
}

impl Check for Message {
    fn check(&self, param: &str) -> Result<(), Error> {
        for (name, list) in self.recipient_lists() {
            list.check(&format!("{param}.{name}"))?;
        }
        if let Some(from) = &self.from {
            from.check(&format!("{param}.from"))?;
        }
        self.attachments.check(&format!("{param}.attachments"))
    }
}

/// Graph takes attachments up to 3 MB in one request; larger ones need an upload session.
pub const MAX_INLINE_ATTACHMENT: usize = 3 * 1024 * 1024;

impl Check for Attachment {
    fn check(&self, param: &str) -> Result<(), Error> {
        require_text(&format!("{param}.name"), self.name.as_deref())?;
        let need = |field: &str, present: bool| {
            if present {
                Ok(())
            } else {
                Err(Error::invalid(&format!("{param}.{field}"), "is required for this kind of attachment"))
            }
        };
        match self.kind() {
            AttachmentKind::File => {
                need("content_bytes", self.content_bytes.is_some())?;
                let size = self.content_bytes.as_ref().map_or(0, Vec::len);
                if size > MAX_INLINE_ATTACHMENT {
                    return Err(Error::invalid(
                        &format!("{param}.content_bytes"),
                        format!("is {size} bytes; Graph takes at most 3 MB in one request (larger files need an upload session)"),
                    ));
                }
                Ok(())
            }
            AttachmentKind::Item => need("item", self.item.is_some()),
            AttachmentKind::Reference => need("source_url", self.source_url.is_some()),
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
    let message = a.get("message")?;
    comment_or_body(a.get("comment")?, message)?;
    match (a.get::<Vec<Recipient>>("to_recipients")?.is_empty(), recipients_in(message)) {
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
fn comment_or_body(comment: &Option<String>, message: &Option<Message>) -> Result<(), Error> {
    if comment.is_some() && message.as_ref().is_some_and(|m| m.body.is_some()) {
        return Err(Error::invalid("comment", "give a comment or message.body, not both (Graph answers 400)"));
    }
    Ok(())
}

fn recipients_in(message: &Option<Message>) -> bool {
    message.as_ref().and_then(|m| m.to_recipients.as_ref()).is_some_and(|to| !to.is_empty())
}

/// A forward draft may leave its recipients for later, but takes them in one place only.
fn create_forward_args(a: &Args) -> Result<(), Error> {
    let message = a.get("message")?;
    comment_or_body(a.get("comment")?, message)?;
    let to: &Option<Vec<Recipient>> = a.get("to_recipients")?;
    if to.as_ref().is_some_and(|to| !to.is_empty()) && recipients_in(message) {
        return Err(Error::invalid(
            "to_recipients",
            "give the recipients here or in message.to_recipients, not both (Graph answers 400)",
        ));
    }
    Ok(())
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
        if |a: &Args| comment_or_body(a.get("comment")?, a.get("message")?);
    ReplyAllToMessage: POST mailbox / "messages" / message_id / "replyAll" <- { comment, message }
        if |a: &Args| comment_or_body(a.get("comment")?, a.get("message")?);
    CreateReply: POST mailbox / "messages" / message_id / "createReply" <- { comment, message }
        if |a: &Args| comment_or_body(a.get("comment")?, a.get("message")?);
    CreateReplyAll: POST mailbox / "messages" / message_id / "createReplyAll" <- { comment, message }
        if |a: &Args| comment_or_body(a.get("comment")?, a.get("message")?);
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
