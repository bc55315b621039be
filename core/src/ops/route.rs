//! Requests declared as data: `Op: METHOD root / "segment" / id_field ...`, one line per
//! operation, read by one request builder ([`build`]).
//!
//! ```text
//! GetMessage: GET mailbox / "messages" / message_id ? query;
//! MoveMessage: POST mailbox / "messages" / message_id / "move" <- { destination_id };
//! CreateMessage: POST mailbox / "messages" <- message;
//! ListCalendarView: GET mailbox / "calendarView" ? window(start, end);
//! GetCalendar: GET mailbox / (calendar_id ? "calendar" : "calendars") ? query;
//! CreateThread: POST root / "groups" / {group_id} / "threads" <- { topic, posts: [post] };
//! SetGroupPhoto: PUT root / "groups" / {group_id} / "photo" / "$value" <- bytes(photo);
//! SyncGroups: GET root / "groups" ? delta("groups", graph_only);
//! ```
//! The root is `mailbox` (the operation's `Mailbox`: `/me` or `/users/{id}`) or `root` (the
//! versioned base).
//!
//! Segments: a string is a fixed segment (`("a" | "b")`: Graph's, Outlook REST's); a field name
//! is an Outlook id, checked and encoded as one segment (`item_id`); `{field}` an id checked as
//! the Groups family checks its own (`id`: any characters, encoded); `(field ? "a" : "b")` an
//! optional Outlook id: `a` without it, `b/{id}` with it (`"b/{}/c"` when segments follow the
//! id; `({field} ? ...)` for an id of the Groups family); `(field ? ("a" | "A") : CHOICES)`
//! text an optional argument chooses ([`Choice`]); `[name]` a drive item name and `[path ..]` a
//! path of names, as `:/a/b.txt:`.
//!
//! Query: `? query` adds the OData options and Prefer headers (`? directory` also the
//! `ConsistencyLevel` directory queries need; `? window(start, end)` a time window as
//! `startDateTime`/`endDateTime`; `? window_args(start, end)` the same as the arguments of the
//! function the path ends with; `? delta(...)` and `? delta_window(...)` the first request of a
//! delta round, see [`Delta`]); `? { name: value }` sets query parameters (a [`Tpl`] of text).
//!
//! Body: `<- field` sends that field as the JSON body; `<- { a, b }` sends `{"a": ..., "b": ...}`
//! (camelCase, `None`s left out), and any JSON built from arguments ([`Tpl`]: `{ topic, threads:
//! [{ posts: [post] }] }`, `{ "@odata.id": directory_object(member_id) }`); `<- bytes(field)`
//! sends bytes with their media type; no body on a POST sends an empty one, as Graph's actions
//! want. Every body value is checked with [`Check`] first, and `if f` adds an operation's own
//! check, over its [`Args`], before anything else.
//!
//! Because a route is data, a binding that holds arguments by name rather than an operation's
//! struct (the npm package) builds any routed operation with [`build`] and no code of its own.

use super::*;
use crate::{Dialect, Mailbox, Method};
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
    /// Query parameters before the OData options (`?name=value`), left out when `None`.
    pub params: &'static [(&'static str, Tpl)],
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
    /// An optional id (behind a reference: it keeps every segment two words long).
    OrDefault(&'static OrDefault),
    /// A path inside a drive, `:/a/b.txt:`: its names checked as drive item names and encoded
    /// one by one; `one` when it must be a single name.
    Drive {
        param: &'static str,
        one: bool,
    },
    /// Text that differs by dialect: Graph's, then Outlook REST v2.0's.
    Dialect(&'static str, &'static str),
    /// Text chosen by an optional argument, in each dialect's spelling.
    Choice(&'static Choice),
}

/// `(param ? ("a" | "A") : CHOICES)`: without the argument `none` (Graph's, Outlook REST's);
/// with it, the texts of the choice its value names (any case) among `(value, Graph's, Outlook
/// REST's)`.
#[derive(Debug)]
pub struct Choice {
    pub param: &'static str,
    pub none: (&'static str, &'static str),
    pub some: &'static [(&'static str, &'static str, &'static str)],
}

/// `none` without the id (`calendar`, the default one), `some/{id}` with it (`calendars/{id}`);
/// `{}` in `some` says where the id goes when segments follow it (`{}/rooms`).
#[derive(Debug)]
pub struct OrDefault {
    pub param: &'static str,
    pub none: &'static str,
    pub some: &'static str,
    /// An Outlook id (`item_id`), or one of the Groups family (`id`: any characters).
    pub outlook: bool,
}

/// A JSON value built from arguments: what `<- { ... }` bodies and `? { ... }` parameters hold.
#[derive(Debug)]
pub enum Tpl {
    /// The argument's value (its object leaves it out when `None`).
    Arg(&'static str),
    /// `[v]`: a list of one.
    List(&'static Tpl),
    /// `{"key": v, ...}` (keys camelCase; members that are `None` left out).
    Object(&'static [(&'static str, Tpl)]),
    /// `directory_object(p)`: the URL of directory object `p` (an `@odata.id` reference).
    DirectoryObject(&'static str),
    /// `flags(p)`: a list of text sent as one comma-separated string (OData flag enums).
    Flags(&'static str),
    /// `nonempty(p)`: a list, left out when empty.
    NonEmpty(&'static str),
    /// `one_of(p, CHOICES)`: optional text that must be one of these (any case, trimmed), sent
    /// as spelled here.
    OneOf(&'static str, &'static [&'static str]),
}

/// What an optional delta round of a route refuses, and how it names its resource in errors.
#[derive(Debug)]
pub struct Delta {
    /// The resource, as error messages name it ("messages", "a calendar view").
    pub what: &'static str,
    /// Outlook REST v2.0 has no delta of it.
    pub graph_only: bool,
    /// It takes no `$select`.
    pub no_select: bool,
    /// Its time window (`startDateTime`/`endDateTime` parameters).
    pub window: Option<(&'static str, &'static str)>,
}

impl Delta {
    pub const PLAIN: Delta = Delta { what: "", graph_only: false, no_select: false, window: None };
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
    /// The same window as the arguments of the function the path ends with
    /// (`reminderView(startDateTime='...',endDateTime='...')`), and the query.
    WindowArgs(&'static str, &'static str),
    /// The first request of a delta round (`.../delta`, or Outlook REST's
    /// `Prefer: odata.track-changes`), with the query.
    Delta(&'static Delta),
    /// One parameter is the JSON body.
    Field(&'static str),
    /// A JSON object built from parameters (see [`Tpl`]).
    Object(&'static [(&'static str, Tpl)]),
    /// The bytes of a parameter holding bytes and their media type (a `Photo`).
    Bytes(&'static str),
}

/// Whether an operation's request is its route (`OpInfo::route`): a binding holding arguments
/// by name builds a routed operation with [`build`], with no code per operation. Every operation
/// says so: `routes!` for routed ones (all of them today), `built_by_hand!` for any whose request
/// does not fit.
pub trait Routing {
    const ROUTED: Option<&'static Route>;
}

/// The one request builder of every route.
pub fn build(route: &Route, ep: &Endpoint, mailbox: &Mailbox, args: Args<'_>) -> Result<Request, Error> {
    if let Some(check) = route.check {
        check(&args)?;
    }
    if let Body::Delta(d) = route.body {
        super::delta::check_round(d, ep, route.mailbox.then_some(mailbox), &args)?;
    }
    let mut b = if route.mailbox { mailbox.path(ep)? } else { ep.path() };
    for seg in route.segs {
        b = match seg {
            Seg::Lit(text) => b.seg(text),
            Seg::Item(param) => b.item_id(param, args.text(param)?)?,
            Seg::Id(param) => b.id(param, args.text(param)?)?,
            Seg::OrDefault(d) => match args.get::<Option<String>>(d.param)? {
                None => b.seg(d.none),
                Some(id) => {
                    let (before, after) = d.some.split_once("{}").unwrap_or((d.some, ""));
                    let b = match before.trim_end_matches('/') {
                        "" => b,
                        before => b.seg(before),
                    };
                    let b = if d.outlook { b.item_id(d.param, id)? } else { b.id(d.param, id)? };
                    match after.trim_start_matches('/') {
                        "" => b,
                        after => b.seg(after),
                    }
                }
            },
            Seg::Drive { param, one } => {
                let name = args.text(param)?;
                let b = b.drive_path(param, name)?;
                if *one {
                    crate::endpoint::check_drive_name(param, name)?;
                }
                b
            }
            Seg::Dialect(graph, rest) => b.seg(if ep.dialect() == Dialect::Graph { graph } else { rest }),
            Seg::Choice(c) => {
                let (graph, rest) = c.pick(&args)?;
                b.seg(if ep.dialect() == Dialect::Graph { graph } else { rest })
            }
        };
    }
    let query = || args.get::<Query>("query");
    let window = |start: &str, end: &str| -> Result<[(&'static str, String); 2], Error> {
        let (start, end): (&crate::DateTime, &crate::DateTime) = (args.get(start)?, args.get(end)?);
        crate::datetime::check_window(start, end)?;
        Ok([("startDateTime", start.as_str().to_string()), ("endDateTime", end.as_str().to_string())])
    };
    let mut params: Vec<(&str, String)> = Vec::new();
    let q = match route.body {
        Body::Query | Body::Directory => Some(query()?),
        Body::Window(start, end) => {
            params.extend(window(start, end)?);
            Some(query()?)
        }
        Body::WindowArgs(start, end) => {
            let [(k1, v1), (k2, v2)] = window(start, end)?;
            b = b.args(&[(k1, &v1), (k2, &v2)]);
            Some(query()?)
        }
        Body::Delta(d) => {
            if ep.dialect() == Dialect::Graph {
                b = b.seg("delta");
            }
            if let Some((start, end)) = d.window {
                params.extend(window(start, end)?);
            }
            Some(query()?)
        }
        _ => None,
    };
    for (name, tpl) in route.params {
        tpl.check(&args)?;
        match tpl.value(ep, &args)? {
            None => {}
            Some(serde_json::Value::String(text)) => params.push((name, text)),
            Some(_) => return Err(Error::invalid(name, "is not text (a table error)")),
        }
    }
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if let Some(q) = q {
        let req = q.apply_headers(Request::get(b.with_params(&params, q)?), matches!(route.body, Body::Directory))?;
        return Ok(if matches!(route.body, Body::Delta(_)) { super::delta::track_changes(ep, req) } else { req });
    }
    let url = if params.is_empty() { b.build() } else { b.with_params(&params, &Query::new())? };
    let body = match route.body {
        Body::None if route.method == Method::Post => return Ok(empty_post(url)),
        Body::Field(param) => Tpl::Arg(param),
        Body::Object(fields) => Tpl::Object(fields),
        Body::Bytes(param) => {
            let content: &crate::model::Photo = args.get(param)?;
            let ct = content.content_type.trim();
            let ct = if ct.is_empty() { "application/octet-stream" } else { ct };
            if ct.chars().any(char::is_control) {
                return Err(Error::invalid(&format!("{param}.content_type"), "must not contain control characters"));
            }
            return Ok(Request::new(route.method, url).bytes(ct, content.bytes.clone()));
        }
        _ => return Ok(Request::new(route.method, url)),
    };
    body.check(&args)?;
    let json = body.value(ep, &args)?.unwrap_or_default();
    Request::new(route.method, url).json(&ep.dialect().to_wire(json))
}

impl Tpl {
    /// Checks the arguments it reads, in order, before any is written.
    fn check(&self, args: &Args<'_>) -> Result<(), Error> {
        match self {
            Tpl::Arg(param) | Tpl::Flags(param) | Tpl::NonEmpty(param) => checked(args, param).map(drop),
            Tpl::List(item) => item.check(args),
            Tpl::Object(fields) => fields.iter().try_for_each(|(_, v)| v.check(args)),
            Tpl::DirectoryObject(_) => Ok(()),
            Tpl::OneOf(param, choices) => one_of(args, param, choices).map(drop),
        }
    }

    /// The value, or `None` when it is left out.
    fn value(&self, ep: &Endpoint, args: &Args<'_>) -> Result<Option<serde_json::Value>, Error> {
        use serde_json::Value;
        Ok(match self {
            Tpl::Arg(param) => Some(args.value(param)?.to_json(param)?).filter(|v| !v.is_null()),
            Tpl::List(item) => item.value(ep, args)?.map(|v| Value::Array(vec![v])),
            Tpl::Object(fields) => {
                let mut m = serde_json::Map::new();
                for (key, v) in *fields {
                    if let Some(v) = v.value(ep, args)? {
                        m.insert(crate::model::camel_case(key), v);
                    }
                }
                Some(Value::Object(m))
            }
            Tpl::DirectoryObject(param) => {
                Some(ep.path().seg("directoryObjects").id(param, args.text(param)?)?.build().into())
            }
            Tpl::Flags(param) => Some(args.get::<Vec<String>>(param)?.join(", ").into()),
            Tpl::NonEmpty(param) => {
                Some(args.value(param)?.to_json(param)?).filter(|v| v.as_array().is_some_and(|a| !a.is_empty()))
            }
            Tpl::OneOf(param, choices) => one_of(args, param, choices)?.map(Value::from),
        })
    }
}

/// Optional text argument `param` as the one of `choices` it names (any case, trimmed).
pub fn one_of(args: &Args<'_>, param: &str, choices: &'static [&'static str]) -> Result<Option<&'static str>, Error> {
    let Some(value) = args.get::<Option<String>>(param)? else { return Ok(None) };
    match choices.iter().find(|c| c.eq_ignore_ascii_case(value.trim())) {
        Some(choice) => Ok(Some(choice)),
        None => Err(must_be(param, choices.iter().copied())),
    }
}

impl Choice {
    /// The texts (Graph's, Outlook REST's) the argument chooses.
    pub fn pick(&self, args: &Args<'_>) -> Result<(&'static str, &'static str), Error> {
        Ok(choose(args, self.param, self.some)?.unwrap_or(self.none))
    }
}

/// The texts (Graph's, Outlook REST's) optional argument `param` names (any case) among
/// `(value, Graph's, Outlook REST's)`; `None` without it.
pub fn choose(
    args: &Args<'_>,
    param: &str,
    some: &'static [(&'static str, &'static str, &'static str)],
) -> Result<Option<(&'static str, &'static str)>, Error> {
    let Some(value) = args.get::<Option<String>>(param)? else { return Ok(None) };
    match some.iter().find(|(name, ..)| name.eq_ignore_ascii_case(value)) {
        Some(&(_, graph, rest)) => Ok(Some((graph, rest))),
        None => Err(must_be(param, some.iter().map(|(name, ..)| *name))),
    }
}

/// `must be "a", "b" or "c"`.
fn must_be<'a>(param: &str, names: impl ExactSizeIterator<Item = &'a str>) -> Error {
    let (mut why, n) = (String::from("must be "), names.len());
    for (i, name) in names.enumerate() {
        if i > 0 {
            why.push_str(if i + 1 == n { " or " } else { ", " });
        }
        why.push('"');
        why.push_str(name);
        why.push('"');
    }
    Error::invalid(param, why)
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
            outlook: true,
        })
    };
    (({ $id:ident } ? $none:literal : $some:literal)) => {
        $crate::ops::route::Seg::OrDefault(&$crate::ops::route::OrDefault {
            param: stringify!($id),
            none: $none,
            some: $some,
            outlook: false,
        })
    };
    ([$id:ident]) => {
        $crate::ops::route::Seg::Drive { param: stringify!($id), one: true }
    };
    ([$id:ident ..]) => {
        $crate::ops::route::Seg::Drive { param: stringify!($id), one: false }
    };
    (($graph:literal | $rest:literal)) => {
        $crate::ops::route::Seg::Dialect($graph, $rest)
    };
    (($id:ident ? ($graph:literal | $rest:literal) : $choices:path)) => {
        $crate::ops::route::Seg::Choice(&$crate::ops::route::Choice {
            param: stringify!($id),
            none: ($graph, $rest),
            some: $choices,
        })
    };
}

/// Pushes `(name, &field)` for the field a path segment reads.
macro_rules! route_push {
    ($v:ident, $this:ident, $lit:literal) => {};
    ($v:ident, $this:ident, ($graph:literal | $rest:literal)) => {};
    ($v:ident, $this:ident, $id:ident) => {
        $v.push((stringify!($id), &$this.$id as &dyn $crate::ops::route::BodyArg));
    };
    ($v:ident, $this:ident, { $id:ident }) => {
        route_push!($v, $this, $id);
    };
    ($v:ident, $this:ident, [$id:ident $(..)?]) => {
        route_push!($v, $this, $id);
    };
    ($v:ident, $this:ident, ($id:ident ? $none:literal : $some:literal)) => {
        route_push!($v, $this, $id);
    };
    ($v:ident, $this:ident, ({ $id:ident } ? $none:literal : $some:literal)) => {
        route_push!($v, $this, $id);
    };
    ($v:ident, $this:ident, ($id:ident ? ($graph:literal | $rest:literal) : $choices:path)) => {
        route_push!($v, $this, $id);
    };
}

/// The fields of a `{ ... }` template as `[(key, Tpl)]`: `name` (the argument under its own
/// name), `key: value` or `"key": value`, where a value is an argument, `[value]`, `{ ... }`
/// or one of `directory_object(p)`, `flags(p)`, `nonempty(p)`, `one_of(p, CHOICES)`.
macro_rules! route_fields {
    ([$($out:tt)*]) => {
        &[$($out)*]
    };
    ([$($out:tt)*] $k:tt : $f:ident ( $($a:tt)* ) $(, $($rest:tt)*)?) => {
        route_fields!([$($out)* (route_key!($k), route_tpl!($f($($a)*))),] $($($rest)*)?)
    };
    ([$($out:tt)*] $k:tt : $val:tt $(, $($rest:tt)*)?) => {
        route_fields!([$($out)* (route_key!($k), route_tpl!($val)),] $($($rest)*)?)
    };
    ([$($out:tt)*] $p:ident $(, $($rest:tt)*)?) => {
        route_fields!([$($out)* (stringify!($p), $crate::ops::route::Tpl::Arg(stringify!($p))),] $($($rest)*)?)
    };
}

macro_rules! route_key {
    ($k:ident) => {
        stringify!($k)
    };
    ($k:literal) => {
        $k
    };
}

macro_rules! route_tpl {
    ([ $($v:tt)+ ]) => {
        $crate::ops::route::Tpl::List(&route_tpl!($($v)+))
    };
    ({ $($f:tt)* }) => {
        $crate::ops::route::Tpl::Object(route_fields!([] $($f)*))
    };
    (directory_object($p:ident)) => {
        $crate::ops::route::Tpl::DirectoryObject(stringify!($p))
    };
    (flags($p:ident)) => {
        $crate::ops::route::Tpl::Flags(stringify!($p))
    };
    (nonempty($p:ident)) => {
        $crate::ops::route::Tpl::NonEmpty(stringify!($p))
    };
    (one_of($p:ident, $choices:path)) => {
        $crate::ops::route::Tpl::OneOf(stringify!($p), $choices)
    };
    ($p:ident) => {
        $crate::ops::route::Tpl::Arg(stringify!($p))
    };
}

/// Pushes the fields a `{ ... }` template reads.
macro_rules! route_push_fields {
    ($v:ident, $this:ident,) => {};
    ($v:ident, $this:ident, $k:tt : $f:ident ( $p:ident $(, $c:path)? ) $(, $($rest:tt)*)?) => {
        route_push!($v, $this, $p);
        route_push_fields!($v, $this, $($($rest)*)?);
    };
    ($v:ident, $this:ident, $k:tt : $val:tt $(, $($rest:tt)*)?) => {
        route_push_value!($v, $this, $val);
        route_push_fields!($v, $this, $($($rest)*)?);
    };
    ($v:ident, $this:ident, $p:ident $(, $($rest:tt)*)?) => {
        route_push!($v, $this, $p);
        route_push_fields!($v, $this, $($($rest)*)?);
    };
}

macro_rules! route_push_value {
    ($v:ident, $this:ident, [ $($x:tt)+ ]) => {
        route_push_value!($v, $this, $($x)+);
    };
    ($v:ident, $this:ident, { $($f:tt)* }) => {
        route_push_fields!($v, $this, $($f)*);
    };
    ($v:ident, $this:ident, $f:ident ( $p:ident $(, $c:path)? )) => {
        route_push!($v, $this, $p);
    };
    ($v:ident, $this:ident, $p:ident) => {
        route_push!($v, $this, $p);
    };
}

/// The body of a route: its query forms (GET) or what follows `<-`.
macro_rules! route_body {
    (GET, [query] []) => {
        $crate::ops::route::Body::Query
    };
    (GET, [directory] []) => {
        $crate::ops::route::Body::Directory
    };
    (GET, [window($start:ident, $end:ident)] []) => {
        $crate::ops::route::Body::Window(stringify!($start), stringify!($end))
    };
    (GET, [window_args($start:ident, $end:ident)] []) => {
        $crate::ops::route::Body::WindowArgs(stringify!($start), stringify!($end))
    };
    (GET, [delta($what:literal $(, $flag:ident)*)] []) => {
        $crate::ops::route::Body::Delta(&$crate::ops::route::Delta {
            what: $what,
            $($flag: true,)*
            ..$crate::ops::route::Delta::PLAIN
        })
    };
    (GET, [delta_window($what:literal, $start:ident, $end:ident $(, $flag:ident)*)] []) => {
        $crate::ops::route::Body::Delta(&$crate::ops::route::Delta {
            what: $what,
            window: Some((stringify!($start), stringify!($end))),
            $($flag: true,)*
            ..$crate::ops::route::Delta::PLAIN
        })
    };
    ($m:ident, [$({ $($p:tt)* })?] []) => {
        $crate::ops::route::Body::None
    };
    ($m:ident, [$({ $($p:tt)* })?] [bytes($field:ident)]) => {
        $crate::ops::route::Body::Bytes(stringify!($field))
    };
    ($m:ident, [$({ $($p:tt)* })?] [$field:ident]) => {
        $crate::ops::route::Body::Field(stringify!($field))
    };
    ($m:ident, [$({ $($p:tt)* })?] [{ $($f:tt)* }]) => {
        $crate::ops::route::Body::Object(route_fields!([] $($f)*))
    };
}

/// The query parameters of a route (`? { ... }`).
macro_rules! route_params {
    ([{ $($f:tt)* }]) => {
        route_fields!([] $($f)*)
    };
    ([$($other:tt)*]) => {
        &[]
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

/// Pushes the fields the query forms of a route read.
macro_rules! route_query_push {
    ($v:ident, $this:ident, query) => {
        $v.push(("query", &$this.query as &dyn $crate::ops::route::BodyArg));
    };
    ($v:ident, $this:ident, directory) => {
        route_query_push!($v, $this, query);
    };
    ($v:ident, $this:ident, $form:ident($start:ident, $end:ident)) => {
        route_query_push!($v, $this, query);
        route_push!($v, $this, $start);
        route_push!($v, $this, $end);
    };
    ($v:ident, $this:ident, delta($what:literal $(, $flag:ident)*)) => {
        route_query_push!($v, $this, query);
    };
    ($v:ident, $this:ident, delta_window($what:literal, $start:ident, $end:ident $(, $flag:ident)*)) => {
        route_query_push!($v, $this, window($start, $end));
    };
    ($v:ident, $this:ident, { $($f:tt)* }) => {
        route_push_fields!($v, $this, $($f)*);
    };
}

/// Pushes the fields the body of a route reads.
macro_rules! route_body_push {
    ($v:ident, $this:ident, bytes($field:ident)) => {
        route_push!($v, $this, $field);
    };
    ($v:ident, $this:ident, { $($f:tt)* }) => {
        route_push_fields!($v, $this, $($f)*);
    };
    ($v:ident, $this:ident, $field:ident) => {
        route_push!($v, $this, $field);
    };
}

/// Declares `Routed` and `BuildRequest` for operations from their routes (see the module docs):
/// each is a static `Route` read by [`build`], so an operation adds data, not a request builder.
macro_rules! routes {
    ($(
        $op:ident : $m:ident $root:ident $( / $seg:tt )* $( ? $q:tt $( ( $($qa:tt)* ) )? )?
            $( <- $body:tt $( ( $($barg:tt)* ) )? )? $( if $check:expr )? ;
    )*) => { $(
        impl $op {
            const ROUTE: &'static $crate::ops::route::Route = &$crate::ops::route::Route {
                method: route_method!($m),
                mailbox: route_root!($root),
                segs: &[$( route_seg!($seg) ),*],
                params: route_params!([$( $q $( ( $($qa)* ) )? )?]),
                body: route_body!($m, [$( $q $( ( $($qa)* ) )? )?] [$( $body $( ( $($barg)* ) )? )?]),
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
                $( route_query_push!(args, self, $q $( ( $($qa)* ) )?); )?
                $( route_body_push!(args, self, $body $( ( $($barg)* ) )?); )?
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

/// `Routing` for operations with a hand-written `BuildRequest` (none today).
#[allow(unused_macros)]
macro_rules! built_by_hand {
    ($($op:ident),* $(,)?) => { $(
        impl $crate::ops::route::Routing for $op {
            const ROUTED: Option<&'static $crate::ops::route::Route> = None;
        }
    )* };
}

#[cfg(test)]
mod tests {
    use crate::model::{Photo, Recipient};
    use crate::ops::BuildRequest;
    use crate::{DateTime, Endpoint, Error, Mailbox, Query};
    use serde_json::{json, Value};

    const KINDS: &[&str] = &["fail", "replace", "rename"];

    struct Post {
        group_id: String,
        member_id: String,
        topic: String,
        flags: Vec<String>,
        to: Vec<Recipient>,
        kind: Option<String>,
    }

    struct Put {
        item_id: Option<String>,
        name: String,
        kind: Option<String>,
        content: Photo,
    }

    struct Get {
        mailbox: Mailbox,
        list: Option<String>,
        path: String,
        start: DateTime,
        end: DateTime,
        query: Query,
    }

    struct Sync {
        mailbox: Mailbox,
        start: DateTime,
        end: DateTime,
        query: Query,
    }

    struct Zones {
        mailbox: Mailbox,
        standard: Option<String>,
        query: Query,
    }

    const STANDARDS: &[(&str, &str, &str)] = &[("windows", "zones(w)", "Zones(W)"), ("iana", "zones(i)", "Zones(I)")];

    routes! {
        Zones: GET mailbox / (standard ? ("zones" | "Zones") : STANDARDS) ? query;
        Post: POST root / "groups" / {group_id} / "threads" <- {
            topic, threads: [{ flags: flags(flags), to: nonempty(to) }], "@kind": one_of(kind, KINDS),
            "@odata.id": directory_object(member_id)
        };
        Put: PUT root / "drive" / ({item_id} ? "root" : "items") / [name] / "content" ? { "@kind": one_of(kind, KINDS) }
            <- bytes(content);
        Get: GET mailbox / ("graph" | "Rest") / (list ? "all" : "{}/lists/items") / [path ..] / "view"
            ? window_args(start, end);
        Sync: GET mailbox / "calendarView" ? delta_window("a calendar view", start, end, no_select);
    }

    fn time(s: &str) -> DateTime {
        DateTime::parse("t", s).unwrap()
    }

    fn param(r: Result<crate::Request, Error>) -> (String, String) {
        match r {
            Err(Error::InvalidInput { param, why }) => (param, why),
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    fn post() -> Post {
        Post {
            group_id: "g 1".into(),
            member_id: "u/1".into(),
            topic: "Hi".into(),
            flags: vec!["a".into(), "b".into()],
            to: vec![],
            kind: Some(" Rename ".into()),
        }
    }

    #[test]
    fn templates_nest_leave_out_and_spell_their_values() {
        let req = post().build(&Endpoint::default()).unwrap();
        assert_eq!(req.url, "https://graph.microsoft.com/v1.0/groups/g%201/threads");
        let body: Value = serde_json::from_slice(req.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            json!({
                "topic": "Hi", "threads": [{ "flags": "a, b" }], "@kind": "rename",
                "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/u%2F1"
            })
        );
        let to = vec![Recipient::new("ada@contoso.test")];
        let req = Post { to, kind: None, ..post() }.build(&Endpoint::default()).unwrap();
        let body: Value = serde_json::from_slice(req.body.as_deref().unwrap()).unwrap();
        assert_eq!(body["threads"][0]["to"][0]["emailAddress"]["address"], "ada@contoso.test");
        assert!(body.get("@kind").is_none());
        let bad = Post { kind: Some("keep".into()), ..post() }.build(&Endpoint::default());
        assert_eq!(param(bad), ("kind".into(), "must be \"fail\", \"replace\" or \"rename\"".into()));
        let bad = Post { member_id: " ".into(), ..post() }.build(&Endpoint::default());
        assert_eq!(param(bad).0, "member_id");
    }

    #[test]
    fn bytes_go_with_their_media_type_and_parameters_with_the_url() {
        let content = Photo { content_type: " ".into(), bytes: b"abc".to_vec() };
        let op = Put { item_id: Some("I/1".into()), name: "a b.txt".into(), kind: Some("FAIL".into()), content };
        let req = op.build(&Endpoint::default()).unwrap();
        assert_eq!(req.url, "https://graph.microsoft.com/v1.0/drive/items/I%2F1:/a%20b.txt:/content?@kind=fail");
        assert_eq!(req.header_value("Content-Type"), Some("application/octet-stream"));
        assert_eq!(req.body.as_deref(), Some(&b"abc"[..]));
        let root = Put { item_id: None, kind: None, ..op };
        assert_eq!(
            root.build(&Endpoint::default()).unwrap().url,
            "https://graph.microsoft.com/v1.0/drive/root:/a%20b.txt:/content"
        );
        let path = Put { name: "a/b".into(), ..root };
        assert_eq!(param(path.build(&Endpoint::default())).0, "name");
        let control =
            Put { name: "a".into(), content: Photo { content_type: "text/\u{1}".into(), bytes: vec![] }, ..path };
        assert_eq!(param(control.build(&Endpoint::default())).0, "content.content_type");
    }

    #[test]
    fn segments_follow_the_dialect_the_optional_id_and_the_drive_path() {
        let op = Get {
            mailbox: Mailbox::Me,
            list: Some("rooms@contoso.test".into()),
            path: "/a/b c/".into(),
            start: time("2026-03-01T00:00:00Z"),
            end: time("2026-03-02T00:00:00Z"),
            query: Query::new().top(2),
        };
        let req = op.build(&Endpoint::default()).unwrap();
        assert_eq!(
            req.url,
            "https://graph.microsoft.com/v1.0/me/graph/rooms%40contoso.test/lists/items:/a/b%20c:/view\
             (startDateTime='2026-03-01T00:00:00Z',endDateTime='2026-03-02T00:00:00Z')?$top=2"
        );
        let rest = Endpoint::outlook_rest("https://outlook.office.com").unwrap();
        let op = Get { list: None, ..op };
        assert!(op
            .build(&rest)
            .unwrap()
            .url
            .starts_with("https://outlook.office.com/api/v2.0/me/Rest/all:/a/b%20c:/view("));
        let bad = Get { list: Some("a/b".into()), ..op };
        assert_eq!(param(bad.build(&rest)).0, "list");
    }

    #[test]
    fn an_optional_argument_chooses_the_text_in_each_dialect() {
        let rest = Endpoint::outlook_rest("https://outlook.office.com").unwrap();
        let op = Zones { mailbox: Mailbox::Me, standard: None, query: Query::new() };
        assert_eq!(op.build(&Endpoint::default()).unwrap().url, "https://graph.microsoft.com/v1.0/me/zones");
        assert_eq!(op.build(&rest).unwrap().url, "https://outlook.office.com/api/v2.0/me/Zones");
        let op = Zones { standard: Some("IANA".into()), ..op };
        assert_eq!(op.build(&Endpoint::default()).unwrap().url, "https://graph.microsoft.com/v1.0/me/zones(i)");
        assert_eq!(op.build(&rest).unwrap().url, "https://outlook.office.com/api/v2.0/me/Zones(I)");
        let bad = Zones { standard: Some(" iana".into()), ..op };
        assert_eq!(param(bad.build(&rest)), ("standard".into(), "must be \"windows\" or \"iana\"".into()));
    }

    #[test]
    fn delta_rounds_check_first_then_ask_as_the_dialect_does() {
        let op = Sync {
            mailbox: Mailbox::Me,
            start: time("2026-03-01T00:00:00Z"),
            end: time("2026-03-02T00:00:00Z"),
            query: Query::new(),
        };
        let req = op.build(&Endpoint::default()).unwrap();
        assert_eq!(
            req.url,
            "https://graph.microsoft.com/v1.0/me/calendarView/delta?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-02T00:00:00Z"
        );
        assert_eq!(req.header_value("Prefer"), None);
        let rest = Endpoint::outlook_rest("https://outlook.office.com").unwrap();
        let req = op.build(&rest).unwrap();
        assert!(req.url.starts_with("https://outlook.office.com/api/v2.0/me/calendarView?startDateTime="));
        assert_eq!(req.header_value("Prefer"), Some("odata.track-changes"));
        let group = Sync { mailbox: Mailbox::group("g"), query: Query::new().select(["subject"]), ..op };
        assert_eq!(
            param(group.build(&rest)),
            ("mailbox".into(), "Graph has no delta of a group's calendar view".into())
        );
        let select = Sync { mailbox: Mailbox::Me, ..group };
        assert_eq!(
            param(select.build(&rest)),
            ("query.select".into(), "a delta of a calendar view takes no $select".into())
        );
    }
}
