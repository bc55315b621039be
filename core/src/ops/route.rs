//! Requests declared as data: `Op: METHOD root / "segment" / id_field ...`, one line per
//! operation, read by one request builder ([`build`]).
//!
//! ```text
//! GetMessage: GET mailbox / "messages" / message_id ? query;
//! MoveMessage: POST mailbox / "messages" / message_id / "move" <- { destination_id };
//! CreateMessage: POST mailbox / "messages" <- message;
//! ListCalendarView: GET mailbox / "calendarView" ? window(start, end);
//! GetCalendar: GET mailbox / (calendar_id ? "calendar" : "calendars") ? query;
//! ```
//! The root is `mailbox` (the operation's `Mailbox`: `/me` or `/users/{id}`) or `root` (the
//! versioned base). A string is a fixed segment; a field name is an Outlook id, checked and
//! encoded as one segment (`item_id`); `{field}` an id checked as the Groups family checks its
//! own (`id`: any characters, encoded); `(field ? "a" : "b")` an optional Outlook id: `a` without
//! it, `b/{id}` with it. `? query` adds the OData options and Prefer headers
//! (`? directory` also the `ConsistencyLevel` directory queries need; `? window(start, end)` a
//! time window as `startDateTime`/`endDateTime`); `<- field` sends that field as the JSON body;
//! `<- { a, b }` sends `{"a": ..., "b": ...}` (camelCase, `None`s left out); no body on a POST
//! sends an empty one, as Graph's actions want. Every body value is checked with [`Check`]
//! first, and `if f` adds an operation's own check, over its [`Args`].
//!
//! Because a route is data, a binding that holds arguments by name rather than an operation's
//! struct (the npm package) builds any routed operation with [`build`] and no code of its own.

use super::*;
use crate::{Mailbox, Method};
use std::any::Any;

pub use super::check::Check;

/// An argument of an operation, seen by the one request builder: written as JSON and checked
/// as that JSON, or read as what it is (an id, the query options). One implementation per value
/// type, none per operation.
pub trait BodyArg {
    /// The value's check (its type's [`Check`]), over `json`, what [`BodyArg::to_json`] gave.
    fn check_json(&self, json: &serde_json::Value, param: &str) -> Result<(), Error>;
    fn to_json(&self, param: &str) -> Result<serde_json::Value, Error>;
    fn as_any(&self) -> &dyn Any;
}

impl<T: Check + serde::Serialize + 'static> BodyArg for T {
    fn check_json(&self, json: &serde_json::Value, param: &str) -> Result<(), Error> {
        T::check_json(json, param)
    }
    fn to_json(&self, param: &str) -> Result<serde_json::Value, Error> {
        serde_json::to_value(self).map_err(|e| Error::invalid(param, e.to_string()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// An operation's arguments by parameter name, as its route reads them.
#[derive(Clone, Copy)]
pub struct Args<'a>(pub &'a [(&'a str, &'a dyn BodyArg)]);

impl<'a> Args<'a> {
    pub fn value(&self, name: &str) -> Result<&'a dyn BodyArg, Error> {
        let found = self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        found.ok_or_else(|| Error::invalid(name, "is not an argument of this operation (a table error)"))
    }

    /// Argument `name` as a `T` (the type the table gives it).
    pub fn get<T: 'static>(&self, name: &str) -> Result<&'a T, Error> {
        let value = self.value(name)?;
        value.as_any().downcast_ref().ok_or_else(|| Error::invalid(name, "has another type (a table error)"))
    }

    pub fn text(&self, name: &str) -> Result<&'a str, Error> {
        self.get::<String>(name).map(String::as_str)
    }

    /// Argument `name` as the JSON it is sent as (`null` when it is an unset option).
    pub fn json(&self, name: &str) -> Result<serde_json::Value, Error> {
        self.value(name)?.to_json(name)
    }
}

/// An operation's request as data: what `routes!` makes of one line.
#[derive(Debug)]
pub struct Route {
    pub method: Method,
    /// The mailbox's path (`/me`, `/users/{id}`, `/groups/{id}`) or the versioned base.
    pub mailbox: bool,
    pub segs: &'static [Seg],
    pub body: Body,
    /// The operation's own check of its arguments, before anything else.
    pub check: Option<ArgsCheck>,
}

/// Routes are static: one is equal only to itself.
impl PartialEq for Route {
    fn eq(&self, other: &Route) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Route {}

/// An operation's own check of its arguments.
pub type ArgsCheck = fn(&Args<'_>) -> Result<(), Error>;

/// A path segment: fixed text, or the value of the parameter it names.
#[derive(Debug)]
pub enum Seg {
    Lit(&'static str),
    /// An Outlook id: checked (no `/ \ ? #`) and encoded as one segment.
    Item(&'static str),
    /// An id of the Groups family: any characters, encoded.
    Id(&'static str),
    /// An optional Outlook id (behind a reference: it keeps every segment two words long).
    OrDefault(&'static OrDefault),
}

/// `none` without the id (`calendar`, the default one), `some/{id}` with it (`calendars/{id}`).
#[derive(Debug)]
pub struct OrDefault {
    pub param: &'static str,
    pub none: &'static str,
    pub some: &'static str,
}

#[derive(Debug)]
pub enum Body {
    /// None (a POST sends an empty one, as Graph's actions want).
    None,
    /// The OData options and Prefer headers of a GET (argument `query`).
    Query,
    /// The same for directory resources, with `ConsistencyLevel` for `$count`/`$search`.
    Directory,
    /// A time window (`startDateTime`/`endDateTime`, as calendar views take it) and the query.
    Window(&'static str, &'static str),
    /// One parameter is the JSON body.
    Field(&'static str),
    /// `{"name": value, ...}` of these parameters (camelCase, `None`s left out).
    Object(&'static [&'static str]),
}

/// Whether an operation's request is its route (`OpInfo::route`): a binding holding arguments
/// by name builds a routed operation with [`build`], with no code per operation. Every operation
/// says so: `routes!` for routed ones, `built_by_hand!` for the few whose request does not fit.
pub trait Routing {
    const ROUTED: Option<&'static Route>;
}

/// The one request builder of every route.
pub fn build(route: &Route, ep: &Endpoint, mailbox: &Mailbox, args: Args<'_>) -> Result<Request, Error> {
    if let Some(check) = route.check {
        check(&args)?;
    }
    let mut b = if route.mailbox { mailbox.path(ep)? } else { ep.path() };
    for seg in route.segs {
        b = match seg {
            Seg::Lit(text) => b.seg(text),
            Seg::Item(param) => b.item_id(param, args.text(param)?)?,
            Seg::Id(param) => b.id(param, args.text(param)?)?,
            Seg::OrDefault(d) => match args.get::<Option<String>>(d.param)? {
                None => b.seg(d.none),
                Some(id) => b.seg(d.some).item_id(d.param, id)?,
            },
        };
    }
    let query = || args.get::<Query>("query");
    let json = match route.body {
        Body::None if route.method == Method::Post => return Ok(empty_post(b.build())),
        Body::None => return Ok(Request::new(route.method, b.build())),
        Body::Query => return super::get(b, query()?, false),
        Body::Directory => return super::get(b, query()?, true),
        Body::Window(start, end) => return super::get_window(b, args.get(start)?, args.get(end)?, query()?),
        Body::Field(param) => checked(&args, param)?,
        Body::Object(params) => {
            let mut values = Vec::with_capacity(params.len());
            for param in params {
                values.push(checked(&args, param)?);
            }
            let mut m = serde_json::Map::new();
            for (param, value) in params.iter().zip(values) {
                if !value.is_null() {
                    m.insert(crate::model::camel_case(param), value);
                }
            }
            serde_json::Value::Object(m)
        }
    };
    Request::new(route.method, b.build()).json(&ep.dialect().to_wire(json))
}

/// Argument `param` as JSON, checked.
fn checked(args: &Args<'_>, param: &str) -> Result<serde_json::Value, Error> {
    let value = args.value(param)?;
    let json = value.to_json(param)?;
    value.check_json(&json, param)?;
    Ok(json)
}

/// A POST with no body still says `Content-Length: 0`: Graph answers 411 otherwise.
pub(crate) fn empty_post(url: String) -> Request {
    let mut req = Request::post(url);
    req.body = Some(Vec::new());
    req
}

macro_rules! route_seg {
    ($lit:literal) => {
        $crate::ops::route::Seg::Lit($lit)
    };
    ($id:ident) => {
        $crate::ops::route::Seg::Item(stringify!($id))
    };
    ({ $id:ident }) => {
        $crate::ops::route::Seg::Id(stringify!($id))
    };
    (($id:ident ? $none:literal : $some:literal)) => {
        $crate::ops::route::Seg::OrDefault(&$crate::ops::route::OrDefault {
            param: stringify!($id),
            none: $none,
            some: $some,
        })
    };
}

/// Pushes `(name, &field)` for each field a route reads.
macro_rules! route_push {
    ($v:ident, $this:ident, $lit:literal) => {};
    ($v:ident, $this:ident, $id:ident) => {
        $v.push((stringify!($id), &$this.$id as &dyn $crate::ops::route::BodyArg));
    };
    ($v:ident, $this:ident, ($id:ident ? $none:literal : $some:literal)) => {
        $v.push((stringify!($id), &$this.$id as &dyn $crate::ops::route::BodyArg));
    };
    ($v:ident, $this:ident, { $($id:ident),* }) => {
        $( $v.push((stringify!($id), &$this.$id as &dyn $crate::ops::route::BodyArg)); )*
    };
    ($v:ident, $this:ident, $q:ident ( $($id:ident),* )) => {
        $v.push(("query", &$this.query as &dyn $crate::ops::route::BodyArg));
        $( $v.push((stringify!($id), &$this.$id as &dyn $crate::ops::route::BodyArg)); )*
    };
}

macro_rules! route_body {
    (GET, query) => {
        $crate::ops::route::Body::Query
    };
    (GET, directory) => {
        $crate::ops::route::Body::Directory
    };
    (GET, window($start:ident, $end:ident)) => {
        $crate::ops::route::Body::Window(stringify!($start), stringify!($end))
    };
    ($m:ident,) => {
        $crate::ops::route::Body::None
    };
    ($m:ident, $field:ident) => {
        $crate::ops::route::Body::Field(stringify!($field))
    };
    ($m:ident, { $($f:ident),* }) => {
        $crate::ops::route::Body::Object(&[$(stringify!($f)),*])
    };
}

macro_rules! route_root {
    (mailbox) => {
        true
    };
    (root) => {
        false
    };
}

macro_rules! route_mailbox {
    ($this:ident, mailbox) => {
        &$this.mailbox
    };
    ($this:ident, root) => {
        &$crate::Mailbox::Me
    };
}

macro_rules! route_method {
    (GET) => {
        $crate::Method::Get
    };
    (POST) => {
        $crate::Method::Post
    };
    (PATCH) => {
        $crate::Method::Patch
    };
    (PUT) => {
        $crate::Method::Put
    };
    (DELETE) => {
        $crate::Method::Delete
    };
}

/// The query options of a route, as `route_push!` reads them.
macro_rules! route_query_push {
    ($v:ident, $this:ident, query) => {
        $v.push(("query", &$this.query as &dyn $crate::ops::route::BodyArg));
    };
    ($v:ident, $this:ident, directory) => {
        $v.push(("query", &$this.query as &dyn $crate::ops::route::BodyArg));
    };
    ($v:ident, $this:ident, window($start:ident, $end:ident)) => {
        route_push!($v, $this, query($start, $end));
    };
}

/// Declares `Routed` and `BuildRequest` for operations from their routes (see the module docs):
/// each is a static `Route` read by [`build`], so an operation adds data, not a request builder.
macro_rules! routes {
    ($(
        $op:ident : $m:ident $root:ident $( / $seg:tt )* $( ? $q:ident $( ( $($w:ident),* ) )? )? $( <- $body:tt )? $( if $check:expr )? ;
    )*) => { $(
        impl $op {
            const ROUTE: &'static $crate::ops::route::Route = &$crate::ops::route::Route {
                method: route_method!($m),
                mailbox: route_root!($root),
                segs: &[$( route_seg!($seg) ),*],
                body: route_body!($m, $( $q $( ( $($w),* ) )? )? $($body)?),
                check: route_check!($($check)?),
            };
        }

        impl $crate::ops::route::Routing for $op {
            const ROUTED: Option<&'static $crate::ops::route::Route> = Some($op::ROUTE);
        }

        impl $crate::ops::BuildRequest for $op {
            #[allow(clippy::vec_init_then_push)] // pushes are per field of the route
            fn build(&self, ep: &$crate::Endpoint) -> Result<$crate::Request, $crate::Error> {
                #[allow(unused_mut)]
                let mut args: Vec<(&str, &dyn $crate::ops::route::BodyArg)> = Vec::new();
                $( route_push!(args, self, $seg); )*
                $( route_query_push!(args, self, $q $( ( $($w),* ) )?); )?
                $( route_push!(args, self, $body); )?
                $crate::ops::route::build(
                    Self::ROUTE,
                    ep,
                    route_mailbox!(self, $root),
                    $crate::ops::route::Args(&args),
                )
            }
        }
    )* };
}

macro_rules! route_check {
    () => {
        None
    };
    ($check:expr) => {
        Some($check)
    };
}

/// `Routing` for operations with a hand-written `BuildRequest`.
macro_rules! built_by_hand {
    ($($op:ident),* $(,)?) => { $(
        impl $crate::ops::route::Routing for $op {
            const ROUTED: Option<&'static $crate::ops::route::Route> = None;
        }
    )* };
}
