//! Calendar paths under `/me`, `/users/{id}` and `/groups/{id}`: which store, what in it, and who
//! may open it (a mailbox's owner and delegates; a group's members, or anyone for a public group).

use super::{calendar_items, calendars, Call};
use crate::auth::Caller;
use crate::errors::{GraphError, Result};
use crate::respond::key;
use crate::tenant::Tenant;
use axum::response::Response;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Owner {
    /// `None` is `/me`.
    User(Option<String>),
    Group(String),
}

/// Which calendar a path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Every calendar of the store (`/events`, `/calendarView`).
    All,
    /// `/calendar`.
    Default,
    Id(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Act {
    Accept,
    Tentative,
    Decline,
    Cancel,
    Forward,
    Snooze,
    Dismiss,
}

const ACTS: &[(&str, Act)] = &[
    ("accept", Act::Accept),
    ("tentativelyAccept", Act::Tentative),
    ("decline", Act::Decline),
    ("cancel", Act::Cancel),
    ("forward", Act::Forward),
    ("snoozeReminder", Act::Snooze),
    ("dismissReminder", Act::Dismiss),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CalPath {
    Events(Scope),
    Event(String),
    Instances(String),
    EventAction(String, Act),
    View(Scope),
    /// `calendarView/delta`.
    ViewDelta,
    /// Calendars of the store, or of one calendar group.
    Calendars(Option<String>),
    Calendar(Scope),
    Groups,
    Group(String),
    Attachments(String),
    Attachment(String, String),
    AttachmentValue(String, String),
    /// `events/{id}/attachments/createUploadSession`.
    AttachmentSession(String),
    Permissions(Scope),
    Permission(Scope, String),
    /// `calendar/getSchedule` and `findMeetingTimes` (POST).
    Schedule,
    FindTimes,
    /// `reminderView(startDateTime='..',endDateTime='..')`: the two arguments as written.
    Reminders(Option<String>, Option<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CalAt {
    pub owner: Owner,
    pub path: CalPath,
}

fn is(s: &str, name: &str) -> bool {
    s.eq_ignore_ascii_case(name)
}

fn unknown(s: &str) -> GraphError {
    GraphError::unknown_segment(s)
}

pub(crate) fn is_calendar_segment(s: &str) -> bool {
    ["events", "calendarView", "calendar", "calendars", "calendarGroups"].iter().any(|n| is(s, n))
        || s.to_ascii_lowercase().starts_with("reminderview(")
        || is(s, "findMeetingTimes")
        || is(s, "microsoft.graph.findMeetingTimes")
}

/// `reminderView(startDateTime='a',endDateTime='b')`, arguments in any order; quotes optional.
fn reminder_args(seg: &str) -> CalPath {
    let inner = seg.split_once('(').map_or("", |(_, r)| r).trim_end_matches(')');
    let mut start = None;
    let mut end = None;
    for pair in inner.split(',') {
        let Some((k, v)) = pair.split_once('=') else { continue };
        let v = Some(v.trim().trim_matches('\'').to_string());
        match k.trim().to_ascii_lowercase().as_str() {
            "startdatetime" => start = v,
            "enddatetime" => end = v,
            _ => {}
        }
    }
    CalPath::Reminders(start, end)
}

/// What a group's calendar serves: `/groups/{id}/events`, `/calendarView` and `/calendar` (the
/// group calendar itself, its events and view).
pub(crate) fn is_group_segment(s: &str) -> bool {
    ["events", "calendarView", "calendar"].iter().any(|n| is(s, n))
}

fn event_path(eid: &str, rest: &[String]) -> Result<CalPath> {
    let e = eid.to_string();
    match rest {
        [] => Ok(CalPath::Event(e)),
        [i] if is(i, "instances") => Ok(CalPath::Instances(e)),
        [a] if is(a, "attachments") => Ok(CalPath::Attachments(e)),
        [a, c] if is(a, "attachments") && is(c, "createUploadSession") => Ok(CalPath::AttachmentSession(e)),
        [a, aid] if is(a, "attachments") => Ok(CalPath::Attachment(e, aid.clone())),
        [a, aid, v] if is(a, "attachments") && is(v, "$value") => Ok(CalPath::AttachmentValue(e, aid.clone())),
        [a] => ACTS
            .iter()
            .find(|(n, _)| is(a, n) || is(a, &format!("microsoft.graph.{n}")))
            .map(|(_, act)| CalPath::EventAction(e, *act))
            .ok_or_else(|| unknown(a)),
        [_, x, ..] => Err(unknown(x)),
    }
}

/// What follows a calendar: `events...`, `calendarView`, or nothing.
fn in_calendar(scope: Scope, rest: &[String]) -> Result<CalPath> {
    match rest {
        [] => Ok(CalPath::Calendar(scope)),
        [e] if is(e, "events") => Ok(CalPath::Events(scope)),
        [e, eid, more @ ..] if is(e, "events") => event_path(eid, more),
        [v] if is(v, "calendarView") => Ok(CalPath::View(scope)),
        [p] if is(p, "calendarPermissions") => Ok(CalPath::Permissions(scope)),
        [p, pid] if is(p, "calendarPermissions") => Ok(CalPath::Permission(scope, pid.clone())),
        [x, ..] => Err(unknown(x)),
    }
}

pub(crate) fn parse(owner: Owner, s: &[String]) -> Result<CalAt> {
    let Some((head, tail)) = s.split_first() else { return Err(unknown("")) };
    let group = matches!(owner, Owner::Group(_));
    let path = match (head.to_ascii_lowercase().as_str(), tail) {
        ("events", []) => CalPath::Events(Scope::All),
        ("events", [eid, rest @ ..]) => event_path(eid, rest)?,
        ("calendarview", []) => CalPath::View(Scope::All),
        ("calendarview", [d]) if !group && super::mail::is_delta(d) => CalPath::ViewDelta,
        ("calendar", [g]) if !group && (is(g, "getSchedule") || is(g, "microsoft.graph.getSchedule")) => {
            CalPath::Schedule
        }
        ("findmeetingtimes" | "microsoft.graph.findmeetingtimes", []) if !group => CalPath::FindTimes,
        ("calendar", rest) => in_calendar(Scope::Default, rest)?,
        ("calendars", []) if !group => CalPath::Calendars(None),
        ("calendars", [cid, rest @ ..]) if !group => in_calendar(Scope::Id(cid.clone()), rest)?,
        ("calendargroups", []) if !group => CalPath::Groups,
        ("calendargroups", [gid]) if !group => CalPath::Group(gid.clone()),
        ("calendargroups", [gid, c]) if !group && is(c, "calendars") => CalPath::Calendars(Some(gid.clone())),
        ("calendargroups", [_, c, cid, rest @ ..]) if !group && is(c, "calendars") => {
            in_calendar(Scope::Id(cid.clone()), rest)?
        }
        (h, []) if !group && h.starts_with("reminderview(") => reminder_args(head),
        (_, [x, ..]) => return Err(unknown(x)),
        _ => return Err(unknown(head)),
    };
    Ok(CalAt { owner, path })
}

/// What a request needs of a store it does not own: reading, writing, or the owner's rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Read,
    Write,
    Owner,
}

impl Need {
    pub fn of(method: &axum::http::Method) -> Need {
        if method == axum::http::Method::GET {
            Need::Read
        } else {
            Need::Write
        }
    }
}

/// The role the owner of store `s` granted `caller` on their default calendar, if any.
fn shared_role<'t>(t: &'t Tenant, owner_id: &str, caller: &Caller) -> Option<&'t str> {
    let s = t.calendars.iter().find(|s| s.owner.eq_ignore_ascii_case(owner_id))?;
    let c = s.calendars.iter().find(|c| c.props.get("isDefaultCalendar") == Some(&serde_json::Value::Bool(true)))?;
    let mine = |a: &str| {
        ["mail", "userPrincipalName"]
            .iter()
            .any(|k| crate::tenant::text(&caller.user, k).is_some_and(|x| x.eq_ignore_ascii_case(a)))
    };
    c.permissions
        .iter()
        .find(|p| {
            p.get("emailAddress").and_then(|e| e.get("address")).and_then(serde_json::Value::as_str).is_some_and(mine)
        })
        .and_then(|p| crate::tenant::text(p, "role"))
}

/// The calendar store a request opens: the mailbox's owner and delegates may do anything; a user
/// the owner shared the default calendar with may read (`read`, `limitedRead`) or also write
/// (`write`, `delegate...`); a group's as its conversations are.
pub(crate) fn open(t: &mut Tenant, owner: &Owner, caller: &Caller, need: Need) -> Result<usize> {
    let caller_id = caller.id.as_str();
    match owner {
        Owner::User(user) => {
            let key = user.as_deref().unwrap_or(caller_id);
            let i = t.mailboxes.iter().position(|m| m.is(key)).ok_or_else(|| super::mail::invalid_user(key))?;
            if !t.mailboxes[i].may_open(caller_id) {
                let granted = match shared_role(t, t.mailboxes[i].owner_id(), caller) {
                    Some("read" | "limitedRead") => need == Need::Read,
                    Some("write" | "delegateWithoutPrivateEventAccess" | "delegateWithPrivateEventAccess") => {
                        need != Need::Owner
                    }
                    _ => false,
                };
                if !granted {
                    return Err(GraphError::access_denied());
                }
            }
            Ok(t.mailbox_calendar(i))
        }
        Owner::Group(gid) => {
            super::conversation_group(t, gid, caller)?;
            t.group_calendar(gid).ok_or_else(|| GraphError::no_directory_object(gid))
        }
    }
}

/// `users('{id}')` or `groups('{id}')`: how contexts name a store's owner.
pub(crate) fn owner_fragment(t: &Tenant, store: usize) -> String {
    let s = &t.calendars[store];
    let kind = if s.is_group { "groups" } else { "users" };
    format!("{kind}({})", key(&s.owner))
}

/// `users/{id}` or `groups/{id}`: the owner's part of an item's URL.
pub(crate) fn owner_path(t: &Tenant, store: usize) -> String {
    let s = &t.calendars[store];
    let kind = if s.is_group { "groups" } else { "users" };
    format!("{kind}/{}", crate::respond::percent_encode(&s.owner))
}

pub(super) fn handle(call: &Call, at: CalAt) -> Result<Response> {
    let get = call.method == axum::http::Method::GET;
    match &at.path {
        CalPath::ViewDelta if get => super::delta::calendar_view(call, &at),
        CalPath::ViewDelta => super::not_allowed(crate::errors::Family::Exchange, "GET"),
        // Outlook REST v2.0 tracks a calendar view on the view itself.
        CalPath::View(Scope::All) if get && crate::delta::track_changes(call.headers) => {
            super::delta::calendar_view(call, &at)
        }
        CalPath::Calendars(_) | CalPath::Calendar(_) | CalPath::Groups | CalPath::Group(_) => {
            calendars::handle(call, &at)
        }
        CalPath::Reminders(..) => super::reminders::handle(call, &at),
        CalPath::Attachments(_) | CalPath::Attachment(..) | CalPath::AttachmentValue(..) => {
            super::event_attachments::handle(call, &at)
        }
        CalPath::AttachmentSession(eid) => super::uploads::create_event_session(call, &at, eid),
        CalPath::Permissions(_) | CalPath::Permission(..) => super::calendar_permissions::handle(call, &at),
        CalPath::Schedule => super::schedule::get_schedule(call, &at),
        CalPath::FindTimes => super::meeting_times::handle(call, &at),
        _ => calendar_items::handle(call, &at),
    }
}
