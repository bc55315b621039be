//! Sending: a sent message is copied to the sender's Sent Items (unless told not to) and
//! delivered to the Inbox of every tenant recipient (to, cc and bcc), where the recipient's
//! Focused Inbox overrides classify it and their inbox rules run. Addresses outside the tenant
//! are accepted and go nowhere.

use super::compose::{self, Kind};
use super::{rules, Mailbox, Message};
use crate::errors::{GraphError, Result};
use crate::tenant::{id, Tenant};
use crate::{clock, ids};
use serde_json::{json, Value};

/// How deep rule forwarding may chain before Exchange's loop protection stops it.
const MAX_HOPS: usize = 3;

pub(crate) fn no_recipients() -> GraphError {
    GraphError::new(
        400,
        "ErrorInvalidRecipients",
        "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
    )
}

fn all_recipients(m: &Message) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in ["toRecipients", "ccRecipients", "bccRecipients"] {
        for r in m.props.get(key).and_then(Value::as_array).into_iter().flatten() {
            if let Some(a) = r.pointer("/emailAddress/address").and_then(Value::as_str) {
                if !out.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                    out.push(a.to_string());
                }
            }
        }
    }
    out
}

fn fresh(m: &Message, folder: String) -> Message {
    let mut copy = m.clone();
    let mid = ids::mail_item_id();
    copy.props.insert("id".into(), json!(mid));
    copy.props.insert("webLink".into(), json!(compose::web_link(&mid)));
    copy.props.insert("changeKey".into(), json!(ids::change_key()));
    copy.folder = folder;
    for a in &mut copy.attachments {
        a.insert("id".into(), json!(ids::mail_item_id()));
    }
    copy
}

/// Sends `m` from mailbox `from`: the draft (if it was one) is consumed by the caller.
pub(crate) fn send(t: &mut Tenant, from: usize, mut m: Message, save_to_sent: bool) -> Result<()> {
    send_hop(t, from, &mut m, save_to_sent, 0)
}

fn send_hop(t: &mut Tenant, from: usize, m: &mut Message, save_to_sent: bool, hop: usize) -> Result<()> {
    let to = all_recipients(m);
    if to.is_empty() {
        return Err(no_recipients());
    }
    let now = clock::now_iso();
    for (k, v) in [("isDraft", json!(false)), ("sentDateTime", json!(now)), ("receivedDateTime", json!(now))] {
        m.props.insert(k.into(), v);
    }
    m.props.insert("lastModifiedDateTime".into(), json!(now));
    if save_to_sent {
        let mut sent = fresh(m, t.mailboxes[from].well_known("sentitems"));
        sent.props.insert("isRead".into(), json!(true));
        t.mailboxes[from].messages.push(sent);
    }
    let sender_address = t.mailboxes[from].address().to_string();
    for address in to {
        if let Some(i) = t.mailbox_index_for(&address) {
            deliver(t, i, m, &sender_address, hop);
        }
    }
    Ok(())
}

/// Puts a copy of `m` into mailbox `i`: classified, ruled, with no Bcc line.
fn deliver(t: &mut Tenant, i: usize, m: &Message, sender: &str, hop: usize) {
    let mb = &t.mailboxes[i];
    let mut copy = fresh(m, mb.well_known("inbox"));
    let p = &mut copy.props;
    p.insert("isRead".into(), json!(false));
    p.insert("bccRecipients".into(), json!([]));
    p.insert("categories".into(), json!([]));
    p.insert("flag".into(), json!({ "flagStatus": "notFlagged" }));
    p.insert("inferenceClassification".into(), json!(classify(mb, sender)));
    let outcome = rules::run(mb, &copy);
    if outcome.mark_read {
        copy.props.insert("isRead".into(), json!(true));
    }
    if let Some(imp) = outcome.importance.clone() {
        copy.props.insert("importance".into(), imp);
    }
    if !outcome.categories.is_empty() {
        copy.props.insert("categories".into(), Value::Array(outcome.categories.clone()));
    }
    let copies: Vec<Message> = outcome.copies.iter().map(|f| fresh(&copy, f.clone())).collect();
    if let Some(f) = outcome.folder.clone() {
        copy.folder = f;
    }
    let forward = (!outcome.forward_to.is_empty() && hop < MAX_HOPS)
        .then(|| compose::respond(&t.mailboxes[i], &copy, Kind::Forward, ""));
    let mb = &mut t.mailboxes[i];
    mb.messages.extend(copies);
    if !outcome.permanent_delete {
        mb.messages.push(copy);
    }
    if let Some(mut fwd) = forward {
        fwd.props.insert("toRecipients".into(), Value::Array(outcome.forward_to));
        let _ = send_hop(t, i, &mut fwd, false, hop + 1);
    }
}

/// Focused or Other: the recipient's override for the sender, else focused.
pub(crate) fn classify(mb: &Mailbox, sender: &str) -> String {
    mb.overrides
        .iter()
        .find(|o| {
            o.get("senderEmailAddress")
                .and_then(|s| s.get("address"))
                .and_then(Value::as_str)
                .is_some_and(|a| a.eq_ignore_ascii_case(sender))
        })
        .and_then(|o| o.get("classifyAs").and_then(Value::as_str))
        .unwrap_or("focused")
        .to_string()
}

/// Removes a message that is being sent from where it was (its draft).
pub(crate) fn take(mb: &mut Mailbox, message_id: &str) -> Option<Message> {
    let i = mb.messages.iter().position(|m| id(&m.props) == message_id)?;
    Some(mb.messages.remove(i))
}
