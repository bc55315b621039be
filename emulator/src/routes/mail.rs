//! Mail paths under `/me/...` and `/users/{id | userPrincipalName}/...`: which mailbox, what in
//! it, and who may open it. Segment names match without case (Outlook REST writes `Messages`).

use super::{delta, mail_folders, mail_settings, message_actions, message_attachments, messages, Call};
use crate::errors::{GraphError, Result};
use crate::respond::key;
use crate::tenant::Tenant;
use axum::response::Response;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Send,
    Reply,
    ReplyAll,
    Forward,
    CreateReply,
    CreateReplyAll,
    CreateForward,
    Move,
    Copy,
    Unsubscribe,
}

const ACTIONS: &[(&str, Action)] = &[
    ("send", Action::Send),
    ("reply", Action::Reply),
    ("replyAll", Action::ReplyAll),
    ("forward", Action::Forward),
    ("createReply", Action::CreateReply),
    ("createReplyAll", Action::CreateReplyAll),
    ("createForward", Action::CreateForward),
    ("move", Action::Move),
    ("copy", Action::Copy),
    ("unsubscribe", Action::Unsubscribe),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MailPath {
    /// Messages of the mailbox, or of one folder.
    Messages(Option<String>),
    /// `mailFolders/{f}/messages/delta`.
    MessagesDelta(String),
    /// `mailFolders/delta`.
    FoldersDelta,
    Message(String),
    MessageAction(String, Action),
    Attachments(String),
    Attachment(String, String),
    AttachmentValue(String, String),
    /// `messages/{id}/attachments/createUploadSession`.
    AttachmentSession(String),
    /// Child folders of a folder (`None`: the top level, under msgfolderroot).
    Folders(Option<String>),
    Folder(String),
    FolderMove(String, bool),
    Rules(String),
    Rule(String, String),
    Overrides,
    Override(String),
    Settings,
    AutomaticReplies,
    SendMail,
    MailTips,
    Languages,
    TimeZones(bool),
}

/// `None` is `/me`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MailAt {
    pub user: Option<String>,
    pub path: MailPath,
}

fn is(s: &str, name: &str) -> bool {
    s.eq_ignore_ascii_case(name)
}

fn unknown(s: &str) -> GraphError {
    GraphError::unknown_segment(s)
}

/// The first segments of a mail path: what `/me/{x}` and `/users/{id}/{x}` hand over.
pub(crate) fn is_mail_segment(s: &str) -> bool {
    ["messages", "mailFolders", "inferenceClassification", "mailboxSettings", "sendMail", "getMailTips", "outlook"]
        .iter()
        .any(|n| is(s, n))
}

pub(crate) fn parse(user: Option<String>, rest: &[String]) -> Result<MailAt> {
    let path = parse_path(rest)?;
    Ok(MailAt { user, path })
}

fn message_path(mid: &str, rest: &[String]) -> Result<MailPath> {
    let m = mid.to_string();
    match rest {
        [] => Ok(MailPath::Message(m)),
        [a] if is(a, "attachments") => Ok(MailPath::Attachments(m)),
        [a, c] if is(a, "attachments") && is(c, "createUploadSession") => Ok(MailPath::AttachmentSession(m)),
        [a, aid] if is(a, "attachments") => Ok(MailPath::Attachment(m, aid.clone())),
        [a, aid, v] if is(a, "attachments") && is(v, "$value") => Ok(MailPath::AttachmentValue(m, aid.clone())),
        [action] => {
            let found = ACTIONS.iter().find(|(n, _)| is(action, n) || is(action, &format!("microsoft.graph.{n}")));
            found.map(|(_, a)| MailPath::MessageAction(m, *a)).ok_or_else(|| unknown(action))
        }
        [_, x, ..] => Err(unknown(x)),
    }
}

fn parse_path(s: &[String]) -> Result<MailPath> {
    let Some((head, tail)) = s.split_first() else { return Err(unknown("")) };
    match (head.to_ascii_lowercase().as_str(), tail) {
        ("messages", []) => Ok(MailPath::Messages(None)),
        ("messages", [mid, rest @ ..]) => message_path(mid, rest),
        ("mailfolders", []) => Ok(MailPath::Folders(None)),
        ("mailfolders", [d]) if is_delta(d) => Ok(MailPath::FoldersDelta),
        ("mailfolders", [f, rest @ ..]) => folder_path(f, rest),
        ("inferenceclassification", [o]) if is(o, "overrides") => Ok(MailPath::Overrides),
        ("inferenceclassification", [o, id]) if is(o, "overrides") => Ok(MailPath::Override(id.clone())),
        ("mailboxsettings", []) => Ok(MailPath::Settings),
        ("mailboxsettings", [a]) if is(a, "automaticRepliesSetting") => Ok(MailPath::AutomaticReplies),
        ("sendmail", []) | ("microsoft.graph.sendmail", []) => Ok(MailPath::SendMail),
        ("getmailtips", []) | ("microsoft.graph.getmailtips", []) => Ok(MailPath::MailTips),
        ("outlook", [f]) => {
            let lower = f.to_ascii_lowercase();
            if lower == "supportedlanguages()" || lower == "supportedlanguages" {
                return Ok(MailPath::Languages);
            }
            let Some(args) = lower.strip_prefix("supportedtimezones") else { return Err(unknown(f)) };
            match args {
                "" | "()" => Ok(MailPath::TimeZones(false)),
                _ if args.contains("'iana'") => Ok(MailPath::TimeZones(true)),
                _ if args.contains("'windows'") => Ok(MailPath::TimeZones(false)),
                _ => Err(GraphError::new(
                    400,
                    "BadRequest",
                    format!("The parameter value '{f}' is not valid for 'TimeZoneStandard'."),
                )),
            }
        }
        (_, [x, ..]) if is_mail_segment(head) => Err(unknown(x)),
        _ => Err(unknown(head)),
    }
}

fn folder_path(f: &str, rest: &[String]) -> Result<MailPath> {
    let fid = f.to_string();
    match rest {
        [] => Ok(MailPath::Folder(fid)),
        [c] if is(c, "childFolders") => Ok(MailPath::Folders(Some(fid))),
        [c, child, more @ ..] if is(c, "childFolders") => folder_path(child, more),
        [m] if is(m, "messages") => Ok(MailPath::Messages(Some(fid))),
        [m, d] if is(m, "messages") && is_delta(d) => Ok(MailPath::MessagesDelta(fid)),
        [m, mid, more @ ..] if is(m, "messages") => message_path(mid, more),
        [r] if is(r, "messageRules") => Ok(MailPath::Rules(fid)),
        [r, id] if is(r, "messageRules") => Ok(MailPath::Rule(fid, id.clone())),
        [a] if is(a, "move") || is(a, "microsoft.graph.move") => Ok(MailPath::FolderMove(fid, false)),
        [a] if is(a, "copy") || is(a, "microsoft.graph.copy") => Ok(MailPath::FolderMove(fid, true)),
        [x, ..] => Err(unknown(x)),
    }
}

/// `delta`, as Graph's SDKs also write it (`delta()`, `microsoft.graph.delta()`).
pub(crate) fn is_delta(s: &str) -> bool {
    is(s, "delta") || is(s, "delta()") || is(s, "microsoft.graph.delta()")
}

pub(crate) fn invalid_user(key: &str) -> GraphError {
    GraphError::new(404, "ErrorInvalidUser", format!("The requested user '{key}' is invalid."))
}

/// The mailbox a request opens: the caller's for `/me`; another one only with a delegate grant.
pub(crate) fn open(t: &Tenant, at: &MailAt, caller_id: &str) -> Result<usize> {
    let key = at.user.as_deref().unwrap_or(caller_id);
    let i = t.mailboxes.iter().position(|m| m.is(key)).ok_or_else(|| invalid_user(key))?;
    if t.mailboxes[i].may_open(caller_id) {
        Ok(i)
    } else {
        Err(GraphError::access_denied())
    }
}

/// `users('{owner id}')`: how Graph's contexts name a mailbox, for `/me` too.
pub(crate) fn owner_fragment(t: &Tenant, i: usize) -> String {
    format!("users({})", key(t.mailboxes[i].owner_id()))
}

pub(super) fn handle(call: &Call, at: MailAt) -> Result<Response> {
    let get = call.method == axum::http::Method::GET;
    match &at.path {
        MailPath::MessagesDelta(f) if get => delta::messages(call, &at, f),
        MailPath::FoldersDelta if get => delta::folders(call, &at),
        MailPath::MessagesDelta(_) | MailPath::FoldersDelta => {
            super::not_allowed(crate::errors::Family::Exchange, "GET")
        }
        // Outlook REST v2.0 tracks a folder's messages on the collection itself.
        MailPath::Messages(Some(f)) if get && crate::delta::track_changes(call.headers) => {
            delta::messages(call, &at, f)
        }
        MailPath::Messages(_) | MailPath::Message(_) => messages::handle(call, &at),
        MailPath::MessageAction(..) | MailPath::SendMail => message_actions::handle(call, &at),
        MailPath::Attachments(_) | MailPath::Attachment(..) | MailPath::AttachmentValue(..) => {
            message_attachments::handle(call, &at)
        }
        MailPath::AttachmentSession(mid) => super::uploads::create_message_session(call, &at, mid),
        MailPath::Folders(_) | MailPath::Folder(_) | MailPath::FolderMove(..) => mail_folders::handle(call, &at),
        _ => mail_settings::handle(call, &at),
    }
}
