//! Graph v1.0 routes: the path is split into percent-decoded segments (an id is always exactly one
//! segment), resolved to a `Route`, authenticated, and handed to the resource family's module.

pub(crate) mod calendar;
mod calendar_items;
mod calendar_permissions;
mod calendars;
mod conversations;
mod delta;
pub(crate) mod drive;
mod event_attachments;
pub(crate) mod group_mail;
mod groups;
pub(crate) mod mail;
mod mail_folders;
mod mail_settings;
mod mail_tips;
mod meeting_times;
mod members;
mod message_actions;
mod message_attachments;
mod messages;
mod places;
mod posts;
mod reminders;
mod schedule;
pub(crate) mod uploads;

use crate::auth::{self, Caller};
use crate::errors::{Family, GraphError, Result};
use crate::odata::{self, Query};
use crate::respond::{json_object, percent_decode, Ctx};
use crate::schema::Kind;
use crate::tenant::{Group, Obj, Tenant};
use crate::App;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum::response::Response;

/// Where a thread is addressed: `/groups/{g}/threads/{t}` or `/groups/{g}/conversations/{c}/threads/{t}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ThreadAt {
    pub group: String,
    pub conversation: Option<String>,
    pub thread: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PostAt {
    pub at: ThreadAt,
    pub post: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Members,
    Owners,
}

/// The derived types a member list can be cast to. Members are users here; nested groups are
/// not emulated, so a cast to groups is an empty list, as it is on Graph for such a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cast {
    User,
    Group,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
    Me,
    /// `/me/memberOf` (user `None`) or `/users/{id}/memberOf`, optionally cast to groups.
    MemberOf {
        user: Option<String>,
        cast: bool,
    },
    Users,
    User(String),
    Groups,
    GroupsDelta,
    Group(String),
    Refs(String, Rel),
    /// `/groups/{id}/members/microsoft.graph.user` (or `.group`): the members of that type.
    RefsCast(String, Rel, Cast),
    RefGet(String, Rel, String),
    RefAdd(String, Rel),
    RefRemove(String, Rel, String),
    Photo(String),
    PhotoValue(String),
    Conversations(String),
    Conversation(String, String),
    Threads(String, Option<String>),
    Thread(ThreadAt),
    ThreadReply(ThreadAt),
    Posts(ThreadAt),
    Post(PostAt),
    PostReply(PostAt),
    PostForward(PostAt),
    Attachments(PostAt),
    Attachment(PostAt, String),
    Mail(mail::MailAt),
    Calendar(calendar::CalAt),
    Places(places::PlacePath),
    Drive(drive::DriveAt),
}

/// One authenticated Graph request, as the route handlers see it.
pub(crate) struct Call<'a> {
    pub app: &'a App,
    pub ctx: &'a Ctx,
    pub caller: Caller,
    pub method: &'a Method,
    pub headers: &'a HeaderMap,
    raw_query: &'a str,
    path: &'a str,
    pub body: &'a [u8],
}

impl Call<'_> {
    pub fn query(&self, kind: Kind) -> Result<Query> {
        Query::parse(self.raw_query, self.headers, kind)
    }

    pub fn json_body(&self) -> Result<Obj> {
        json_object(self.body)
    }

    pub fn list(&self, q: &Query, kind: Kind, fragment: &str, items: Vec<Obj>) -> Result<Response> {
        odata::list(self.ctx, self.path, q, kind, fragment, items, self.default_page(kind))
    }

    /// [`Call::list`] rendering only the page's items where nothing else can change the answer.
    pub(crate) fn list_rendering(
        &self,
        q: &Query,
        kind: Kind,
        fragment: &str,
        total: usize,
        render: impl FnOnce(std::ops::Range<usize>) -> Vec<Obj>,
    ) -> Result<Response> {
        odata::list_rendering(self.ctx, self.path, q, kind, fragment, total, render, self.default_page(kind))
    }

    fn default_page(&self, kind: Kind) -> usize {
        // Outlook pages mail by 10 unless asked otherwise; a smaller configured page still wins.
        match kind {
            Kind::Message | Kind::MailFolder | Kind::Event => self.app.page_size.min(10),
            _ => self.app.page_size,
        }
    }

    /// The query string as sent.
    pub fn raw_query(&self) -> &str {
        self.raw_query
    }

    /// The request path as sent (after `/api/v2.0` became `/v1.0`).
    pub fn path(&self) -> &str {
        self.path
    }

    /// A plain query-string parameter (not a `$` option), matched without case.
    pub fn param(&self, name: &str) -> Option<String> {
        crate::respond::query_pairs(self.raw_query)
            .into_iter()
            .find(|(k, _)| percent_decode(k, true).eq_ignore_ascii_case(name))
            .map(|(_, v)| percent_decode(&v, true))
    }
}

pub(crate) fn not_allowed<T>(family: Family, allow: &str) -> Result<T> {
    Err(GraphError::method_not_allowed(family, allow))
}

pub(crate) fn dispatch(app: &App, ctx: &Ctx, parts: &Parts, body: &[u8]) -> Result<Response> {
    let caller = auth::authenticate(&parts.headers, &app.tenant())?;
    let segments = segments(parts.uri.path());
    let route = resolve(&segments)?;
    let call = Call {
        app,
        ctx,
        caller,
        method: &parts.method,
        headers: &parts.headers,
        raw_query: parts.uri.query().unwrap_or(""),
        path: parts.uri.path(),
        body,
    };
    match route {
        Route::Me | Route::MemberOf { .. } | Route::Users | Route::User(_) | Route::Groups | Route::Group(_) => {
            groups::handle(&call, route)
        }
        Route::Refs(..) | Route::RefsCast(..) | Route::RefGet(..) | Route::RefAdd(..) | Route::RefRemove(..) => {
            members::refs(&call, route)
        }
        Route::Photo(g) => members::photo(&call, &g, false),
        Route::PhotoValue(g) => members::photo(&call, &g, true),
        Route::GroupsDelta if call.method == Method::GET => delta::groups(&call),
        Route::GroupsDelta => not_allowed(Family::Directory, "GET"),
        Route::Mail(at) => mail::handle(&call, at),
        Route::Calendar(at) => calendar::handle(&call, at),
        Route::Places(p) => places::handle(&call, p),
        Route::Drive(at) => drive::handle(&call, at),
        Route::Conversations(_)
        | Route::Conversation(..)
        | Route::Threads(..)
        | Route::Thread(_)
        | Route::ThreadReply(_) => conversations::handle(&call, route),
        _ => posts::handle(&call, route),
    }
}

/// The decoded segments after `/v1.0`; a trailing slash is ignored. A type cast or bound action written with OData's `graph.` alias
/// (`/me/memberOf/graph.group`, as Microsoft's SDKs write them) reads as `microsoft.graph.`.
fn segments(path: &str) -> Vec<String> {
    let alias = |s: String| match s.get(..6) {
        Some(head) if head.eq_ignore_ascii_case("graph.") => format!("microsoft.graph.{}", &s[6..]),
        _ => s,
    };
    let mut segs: Vec<String> = path.split('/').skip(2).map(|s| alias(percent_decode(s, false))).collect();
    if segs.last().is_some_and(String::is_empty) {
        segs.pop();
    }
    segs
}

fn is(s: &str, name: &str) -> bool {
    s.eq_ignore_ascii_case(name)
}

fn unknown(segment: &str) -> GraphError {
    GraphError::unknown_segment(segment)
}

pub(crate) fn resolve(s: &[String]) -> Result<Route> {
    let Some((head, tail)) = s.split_first() else { return Err(unknown("")) };
    match head.to_ascii_lowercase().as_str() {
        "me" => match tail {
            [] => Ok(Route::Me),
            [m] if is(m, "memberOf") => Ok(Route::MemberOf { user: None, cast: false }),
            [m, c] if is(m, "memberOf") && is(c, "microsoft.graph.group") => {
                Ok(Route::MemberOf { user: None, cast: true })
            }
            [m, x, ..] if is(m, "memberOf") => Err(unknown(x)),
            [x, ..] if mail::is_mail_segment(x) => Ok(Route::Mail(mail::parse(None, tail)?)),
            [x, ..] if calendar::is_calendar_segment(x) => {
                Ok(Route::Calendar(calendar::parse(calendar::Owner::User(None), tail)?))
            }
            [x, ..] => Err(unknown(x)),
        },
        "users" => match tail {
            [] => Ok(Route::Users),
            [id] => Ok(Route::User(id.clone())),
            [id, m] if is(m, "memberOf") => Ok(Route::MemberOf { user: Some(id.clone()), cast: false }),
            [id, m, c] if is(m, "memberOf") && is(c, "microsoft.graph.group") => {
                Ok(Route::MemberOf { user: Some(id.clone()), cast: true })
            }
            [_, m, x, ..] if is(m, "memberOf") => Err(unknown(x)),
            [id, x, ..] if mail::is_mail_segment(x) => Ok(Route::Mail(mail::parse(Some(id.clone()), &tail[1..])?)),
            [id, x, ..] if calendar::is_calendar_segment(x) => {
                Ok(Route::Calendar(calendar::parse(calendar::Owner::User(Some(id.clone())), &tail[1..])?))
            }
            [_, x, ..] => Err(unknown(x)),
        },
        "groups" => match tail {
            [] => Ok(Route::Groups),
            [d] if is(d, "delta") || is(d, "delta()") || is(d, "microsoft.graph.delta()") => Ok(Route::GroupsDelta),
            [id] => Ok(Route::Group(id.clone())),
            [id, rest @ ..] => group_child(id, rest),
        },
        "places" => match tail {
            [c] if is(c, "microsoft.graph.room") => Ok(Route::Places(places::PlacePath::Rooms)),
            [c] if is(c, "microsoft.graph.roomList") => Ok(Route::Places(places::PlacePath::RoomLists)),
            [l, c, r] if is(c, "microsoft.graph.roomList") && is(r, "rooms") => {
                Ok(Route::Places(places::PlacePath::RoomsOf(l.clone())))
            }
            [] => Err(unknown(head)),
            [.., x] => Err(unknown(x)),
        },
        _ => Err(unknown(head)),
    }
}

fn group_child(g: &str, rest: &[String]) -> Result<Route> {
    let Some((head, tail)) = rest.split_first() else { return Ok(Route::Group(g.to_string())) };
    let g = g.to_string();
    let rel = if is(head, "members") { Some(Rel::Members) } else { is(head, "owners").then_some(Rel::Owners) };
    if let Some(rel) = rel {
        return match tail {
            [] => Ok(Route::Refs(g, rel)),
            [r] if is(r, "$ref") => Ok(Route::RefAdd(g, rel)),
            [c] if is(c, "microsoft.graph.user") => Ok(Route::RefsCast(g, rel, Cast::User)),
            [c] if is(c, "microsoft.graph.group") => Ok(Route::RefsCast(g, rel, Cast::Group)),
            // Other directory types (devices, contacts...) are not emulated: an unknown segment.
            [c] if c.to_ascii_lowercase().starts_with("microsoft.graph.") => Err(unknown(c)),
            [uid] => Ok(Route::RefGet(g, rel, uid.clone())),
            [uid, r] if is(r, "$ref") => Ok(Route::RefRemove(g, rel, uid.clone())),
            [_, x, ..] => Err(unknown(x)),
        };
    }
    if calendar::is_group_segment(head) {
        return Ok(Route::Calendar(calendar::parse(calendar::Owner::Group(g), rest)?));
    }
    match head.to_ascii_lowercase().as_str() {
        "photo" => match tail {
            [] => Ok(Route::Photo(g)),
            [v] if is(v, "$value") => Ok(Route::PhotoValue(g)),
            [x, ..] => Err(unknown(x)),
        },
        "conversations" => match tail {
            [] => Ok(Route::Conversations(g)),
            [c] => Ok(Route::Conversation(g, c.clone())),
            [c, t, rest @ ..] if is(t, "threads") => threads_at(g, Some(c.clone()), rest),
            [_, x, ..] => Err(unknown(x)),
        },
        "threads" => threads_at(g, None, tail),
        "drive" => Ok(Route::Drive(drive::parse(g, tail)?)),
        _ => Err(unknown(head)),
    }
}

fn threads_at(group: String, conversation: Option<String>, rest: &[String]) -> Result<Route> {
    let Some((thread, tail)) = rest.split_first() else { return Ok(Route::Threads(group, conversation)) };
    let at = ThreadAt { group, conversation, thread: thread.clone() };
    match tail {
        [] => Ok(Route::Thread(at)),
        [r] if is(r, "reply") => Ok(Route::ThreadReply(at)),
        [p] if is(p, "posts") => Ok(Route::Posts(at)),
        [p, post, rest @ ..] if is(p, "posts") => {
            let at = PostAt { at, post: post.clone() };
            match rest {
                [] => Ok(Route::Post(at)),
                [r] if is(r, "reply") => Ok(Route::PostReply(at)),
                [f] if is(f, "forward") => Ok(Route::PostForward(at)),
                [a] if is(a, "attachments") => Ok(Route::Attachments(at)),
                [a, id] if is(a, "attachments") => Ok(Route::Attachment(at, id.clone())),
                [a, _, x, ..] if is(a, "attachments") => Err(unknown(x)),
                [x, ..] => Err(unknown(x)),
            }
        }
        [x, ..] => Err(unknown(x)),
    }
}

/// The group for a conversation read or post: 404 if unknown, 403 if it is private and the
/// caller is not a member. Public groups are open to the whole tenant.
pub(crate) fn conversation_group<'t>(t: &'t Tenant, gid: &str, caller: &Caller) -> Result<&'t Group> {
    let g = t.group(gid).ok_or_else(|| GraphError::no_directory_object(gid))?;
    if g.is_public() || g.is_member(&caller.id) {
        Ok(g)
    } else {
        Err(GraphError::access_denied())
    }
}

pub(crate) fn conversation_group_mut<'t>(t: &'t mut Tenant, gid: &str, caller: &Caller) -> Result<&'t mut Group> {
    conversation_group(t, gid, caller)?;
    t.group_mut(gid).ok_or_else(|| GraphError::no_directory_object(gid))
}

/// The group for a directory change: 404 if unknown, 403 unless the caller owns it.
pub(crate) fn owned_group<'t>(t: &'t mut Tenant, gid: &str, caller: &Caller) -> Result<&'t mut Group> {
    let g = t.group_mut(gid).ok_or_else(|| GraphError::no_directory_object(gid))?;
    if g.is_owner(&caller.id) {
        Ok(g)
    } else {
        Err(GraphError::insufficient_privileges())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(path: &str) -> Result<Route> {
        resolve(&segments(path))
    }

    #[test]
    fn paths_resolve_with_ids_as_single_segments() {
        let at = |c: Option<&str>| ThreadAt {
            group: "g".into(),
            conversation: c.map(str::to_string),
            thread: "t/1+=".into(),
        };
        assert_eq!(r("/v1.0/groups/g/threads/t%2F1%2B%3D").unwrap(), Route::Thread(at(None)));
        assert_eq!(
            r("/v1.0/Groups/g/conversations/c/threads/t%2F1+=/reply").unwrap(),
            Route::ThreadReply(at(Some("c")))
        );
        assert_eq!(r("/v1.0/groups/g/members/%24ref").unwrap(), Route::RefAdd("g".into(), Rel::Members));
        assert_eq!(r("/v1.0/groups/g/owners/u/$ref").unwrap(), Route::RefRemove("g".into(), Rel::Owners, "u".into()));
        assert_eq!(r("/v1.0/me/memberOf/microsoft.graph.group").unwrap(), Route::MemberOf { user: None, cast: true });
        assert_eq!(r("/v1.0/me/memberOf/graph.group").unwrap(), Route::MemberOf { user: None, cast: true });
        let g = || "g1".to_string();
        for (path, rel, cast) in [
            ("/v1.0/groups/g1/members/microsoft.graph.user", Rel::Members, Cast::User),
            ("/v1.0/groups/g1/members/graph.user", Rel::Members, Cast::User),
            ("/v1.0/groups/g1/members/Microsoft.Graph.User/", Rel::Members, Cast::User),
            ("/v1.0/groups/g1/owners/graph.user", Rel::Owners, Cast::User),
            ("/v1.0/groups/g1/members/graph.group", Rel::Members, Cast::Group),
        ] {
            assert_eq!(r(path).unwrap(), Route::RefsCast(g(), rel, cast), "{path}");
        }
        assert!(r("/v1.0/groups/g1/members/microsoft.graph.device").is_err());
        assert_eq!(r("/v1.0/groups/").unwrap(), Route::Groups);
        let post = PostAt { at: at(None), post: "p".into() };
        assert_eq!(
            r("/v1.0/groups/g/threads/t%2F1%2B%3D/posts/p/attachments/a").unwrap(),
            Route::Attachment(post, "a".into())
        );
    }

    #[test]
    fn unknown_segments_are_named() {
        for (path, seg) in [
            ("/v1.0/foo", "foo"),
            ("/v1.0/groups/g/foo", "foo"),
            ("/v1.0/groups/g/threads/t/bar", "bar"),
            ("/v1.0/groups/g/threads/t/posts/p/baz", "baz"),
            ("/v1.0/groups/g/photo/x", "x"),
            ("/v1.0/me/memberOf/x", "x"),
            ("/v1.0", ""),
        ] {
            let err = r(path).unwrap_err();
            assert_eq!(err.message, format!("Resource not found for the segment '{seg}'."), "{path}");
        }
    }
}
