//! Operations: each is a plain struct (from the table) with an `Operation` impl that builds its
//! request and parses its response. No I/O happens here.

use crate::decode;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::http::{Request, Response};
use crate::odata::{Page, Query};
use serde::de::DeserializeOwned;

#[macro_use]
pub mod route;
mod calendars;
pub mod check;
mod conversations;
pub mod delta;
mod drive;
mod event_checks;
mod events;
mod groups;
mod mail_folders;
mod mail_settings;
mod messages;
mod posts;
mod scheduling;
pub mod table;
mod threads;

pub use delta::{Change, DeltaPage, Tracked};
pub use drive::{MAX_ATTACHMENT_UPLOAD, MAX_SIMPLE_UPLOAD};
pub use mail_settings::MAIL_TIPS;
pub use messages::MAX_INLINE_ATTACHMENT;

pub use table::*;

/// The shape of an operation's result, for bindings that generate return types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    /// A `Page<T>`; more pages follow `next_link`.
    List,
    /// One resource.
    Item,
    /// Nothing (204/202).
    Empty,
    /// Bytes with a media type.
    Binary,
    /// A `DeltaPage<T>`: one page of a round of change tracking; `sync::DeltaSync` runs the round.
    Delta,
}

/// A parameter of an operation, as the table declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamInfo {
    pub name: &'static str,
    /// The Rust type as `stringify!` wrote it (tokens may be spaced: "Option < String >");
    /// `type_name()` gives the compact form.
    pub ty: &'static str,
}

/// "Page < Group >" -> "Page<Group>".
pub(crate) fn compact(ty: &str) -> String {
    ty.chars().filter(|c| !c.is_whitespace()).collect()
}

impl OpInfo {
    /// The output type as written in the table: "Page<Post>", "Group", "()", "Photo".
    pub fn output_type(&self) -> String {
        compact(self.output)
    }
}

impl ParamInfo {
    /// The type as written in the table: "Id", "Query", "Post", "Option<String>", "Vec<Recipient>".
    pub fn type_name(&self) -> String {
        compact(self.ty)
    }

    /// Whether the parameter is a path ID (positional in every binding; `Option<Id>` may be left out).
    pub fn is_id(&self) -> bool {
        self.ty == "Id" || self.type_name() == "Option<Id>"
    }

    /// Whether the parameter may be left out (query options, optional values).
    pub fn is_optional(&self) -> bool {
        self.ty == "Query" || self.type_name().starts_with("Option<")
    }

    /// A one-line description for generated docstrings.
    pub fn doc(&self) -> &'static str {
        match self.name {
            "group_id" => "The group's id.",
            "conversation_id" => "The conversation's id.",
            "thread_id" => "The conversation thread's id.",
            "post_id" => "The post's id.",
            "attachment_id" => "The attachment's id.",
            "member_id" => "The id of the user (or other directory object) to add or remove as member.",
            "owner_id" => "The id of the user to add or remove as owner.",
            "query" => "OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.",
            "group" => "The group's properties; only those set are sent.",
            "thread" => "The thread's properties; only those set are sent.",
            "topic" => "The conversation topic (subject).",
            "post" => {
                "The post to send: its body (a plain string is HTML), and optionally new participants and attachments."
            }
            "photo" => "The image bytes and their media type (image/jpeg or image/png).",
            "comment" => "A comment to send with the reply or forward.",
            "to_recipients" => "Who to forward to (email addresses or recipients).",
            "message_id" => "The message's id.",
            "folder_id" => "The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).",
            "destination_id" => "The destination folder's id, or a well-known name (inbox, archive, deleteditems...).",
            "override_id" => "The Focused Inbox override's id.",
            "rule_id" => "The Inbox rule's id.",
            "message" => "The message: subject, body, recipients... (for replies and forwards: properties to update).",
            "save_to_sent_items" => "Whether to keep a copy in Sent Items (default true).",
            "folder" => "The folder's properties (display_name).",
            "attachment" => "The attachment: a file (name, content_bytes), an item or a reference.",
            "inference_override" => "The sender and how to classify their mail (\"focused\" or \"other\").",
            "settings" => "The mailbox settings to change; only those set are sent.",
            "automatic_replies_setting" => "Status (disabled, alwaysEnabled, scheduled), schedule, and the internal and external replies.",
            "rule" => "The rule: display name, sequence, conditions, exceptions, actions.",
            "email_addresses" => "The recipients' email addresses.",
            "mail_tips_options" => "Which MailTips to get: automaticReplies, mailboxFullStatus, externalMemberCount...",
            "event_id" => "The event's id.",
            "calendar_id" => "The calendar's id (none: the default calendar).",
            "calendar_group_id" => "The calendar group's id.",
            "permission_id" => "The calendar permission's id.",
            "event" => "The event: subject, body, start and end (zoned), attendees, location, recurrence...",
            "start" => "The window's start: an RFC 3339 date-time with offset (2026-03-15T09:00:00Z).",
            "end" => "The window's end: an RFC 3339 date-time with offset, after start.",
            "send_response" => "Whether to tell the organizer (default true).",
            "proposed_new_time" => "A new time to propose to the organizer.",
            "new_reminder_time" => "When the reminder should fire again.",
            "calendar" => "The calendar's properties (name, color).",
            "calendar_group" => "The calendar group's properties (name).",
            "permission" => "Who to share with (email_address) and their role.",
            "attendees" => "Who should attend: addresses with type required, optional or resource (rooms).",
            "time_constraint" => "When the meeting may take place: activity domain and time slots.",
            "meeting_duration" => "How long: an ISO 8601 duration such as PT1H (default 30 minutes).",
            "location_constraint" => "Which rooms or places to consider.",
            "max_candidates" => "At most this many suggestions.",
            "is_organizer_optional" => "Whether the organizer need not attend.",
            "return_suggestion_reasons" => "Whether to say why each time is suggested.",
            "minimum_attendee_percentage" => "The least confidence (0-100) a suggestion must have.",
            "schedules" => "The users' and rooms' email addresses.",
            "start_time" => "The window's start, in a time zone.",
            "end_time" => "The window's end, in a time zone.",
            "availability_view_interval" => "Minutes per digit of the availability view (5 to 1440, default 30).",
            "room_list" => "A room list's email address (none: every room).",
            "standard" => "\"windows\" (default) or \"iana\" time zone names.",
            "item_id" => "The drive item's id (where it may be left out: the library's root folder).",
            "path" => "The item's path from the library's root, names separated by \"/\" (\"Reports/2025/q1.xlsx\").",
            "name" => "The file or folder name (no \" * : < > ? / \\ |).",
            "parent_id" => "The id of the folder to put it in (none: the library's root folder).",
            "conflict_behavior" => "What to do when the name is taken: \"fail\", \"replace\" or \"rename\".",
            "content" => "The file's bytes (at most 4 MB) and media type.",
            "attachment_item" => "The file to attach: attachment_type \"file\", its name and size in bytes (3 MB to 150 MB), optionally content_type and is_inline.",
            _ => "",
        }
    }
}

/// Everything the bindings and stub generators need to know about one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpInfo {
    pub name: &'static str,
    /// The Rust struct implementing it.
    pub op: &'static str,
    pub doc: &'static str,
    pub params: &'static [ParamInfo],
    /// The output type as `stringify!` wrote it; `output_type()` gives the compact form.
    pub output: &'static str,
    pub kind: OpKind,
    /// Whether it works on a mailbox (its struct has a `mailbox` field the bindings fill).
    pub mailbox: bool,
    /// Its request as data, when it has one (most operations): see `route::build`.
    pub route: Option<&'static route::Route>,
}

/// The name every binding uses for an operation (snake_case; JS turns it into camelCase).
pub trait Named {
    const NAME: &'static str;
}

/// One Graph call: build the request, parse the response.
pub trait Operation: Named {
    type Output;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error>;
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Self::Output, Error>;
}

/// The part of an operation that differs from one to the next: its request. Parsing follows the
/// table's output kind (see `define_operations!`).
pub trait BuildRequest {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error>;
}

/// Operations whose output is a page of a collection.
pub trait Paged: Operation<Output = Page<Self::Item>> {
    type Item;
}

impl<T, O: Operation<Output = Page<T>>> Paged for O {
    type Item = T;
}

/// Looks an operation up by its binding name.
pub fn find(name: &str) -> Option<&'static OpInfo> {
    OPERATIONS.iter().find(|o| o.name == name)
}

/// Reads a JSON output (`List`, `Item`) as `T`; `what` is the output type as the table writes it
/// (it may come spaced from `stringify!`). `Operation::parse` uses it, and so may bindings that keep
/// a request and the reader of its output rather than the operation value.
// One copy per output type, not one per operation: the npm package's size counts it.
#[inline(never)]
pub fn read_json<T: DeserializeOwned + decode::Fast>(ep: &Endpoint, what: &str, res: &Response) -> Result<T, Error> {
    decode::json(ep, what, res).map_err(|e| match e {
        Error::Decode { what, path, source } => Error::Decode { what: compact(&what), path, source },
        other => other,
    })
}

/// Reads a `Binary` output: the bytes and their media type.
pub fn read_binary(res: Response) -> Result<crate::model::Photo, Error> {
    res.ensure_success()?;
    let content_type = res.header("content-type").unwrap_or("application/octet-stream").to_string();
    Ok(crate::model::Photo { content_type, bytes: res.body })
}

/// Reads an `Empty` output: a success with no body worth reading (202/204).
pub fn read_empty(res: &Response) -> Result<(), Error> {
    res.ensure_success()
}

/// A required text parameter must carry something.
pub(crate) fn require_text(param: &str, value: Option<&str>) -> Result<(), Error> {
    match value {
        Some(v) if !v.trim().is_empty() => Ok(()),
        _ => Err(Error::invalid(param, "is required and must not be blank")),
    }
}
