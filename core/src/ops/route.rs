//! Requests declared as data: `Op: METHOD root / "segment" / id_field ...`, one line per
//! operation, so that the Mail and Calendar tables do not need a hand-written builder each.
//!
//! ```text
//! GetMessage: GET mailbox / "messages" / message_id ? query;
//! MoveMessage: POST mailbox / "messages" / message_id / "move" <- { destination_id };
//! CreateMessage: POST mailbox / "messages" <- message;
//! ```
//! The root is `mailbox` (the operation's `Mailbox`: `/me` or `/users/{id}`) or `root` (the
//! versioned base). A string is a fixed segment; a field name is an Outlook id, checked and
//! encoded as one segment (`item_id`); `{field}` an id checked as the Groups family checks its
//! own (`id`: any characters, encoded). `? query` adds the OData options and Prefer headers; `<- field` sends
//! that field as the JSON body; `<- { a, b }` sends `{"a": ..., "b": ...}` (camelCase, `None`s
//! left out); no body on a POST sends an empty one, as Graph's actions want. Every body value is
//! checked with [`Check`] first, and `if f` adds an operation's own check.

use super::*;
use crate::{Mailbox, Method};

/// Checks a body value before any request exists; errors name `param` (and the path inside it).
pub trait Check {
    fn check(&self, _param: &str) -> Result<(), Error> {
        Ok(())
    }
}

impl Check for String {}
impl Check for bool {}
impl Check for i64 {}
impl Check for f64 {}
impl<T: Check> Check for Option<T> {
    fn check(&self, param: &str) -> Result<(), Error> {
        self.as_ref().map_or(Ok(()), |v| v.check(param))
    }
}
impl<T: Check> Check for Vec<T> {
    fn check(&self, param: &str) -> Result<(), Error> {
        self.iter().enumerate().try_for_each(|(i, v)| v.check(&format!("{param}[{i}]")))
    }
}

/// A body value, seen by the one request builder: checked, then written as JSON. One
/// implementation per value type (`Message`, `Vec<Recipient>`, `Option<bool>`...), none per
/// operation.
pub trait BodyArg {
    fn check_arg(&self, param: &str) -> Result<(), Error>;
    fn to_json(&self, param: &str) -> Result<serde_json::Value, Error>;
}

impl<T: Check + serde::Serialize> BodyArg for T {
    fn check_arg(&self, param: &str) -> Result<(), Error> {
        self.check(param)
    }
    fn to_json(&self, param: &str) -> Result<serde_json::Value, Error> {
        serde_json::to_value(self).map_err(|e| Error::invalid(param, e.to_string()))
    }
}

/// An operation's request as data: what `routes!` makes of one line.
pub struct Route {
    pub method: Method,
    /// The mailbox's path (`/me`, `/users/{id}`, `/groups/{id}`) or the versioned base.
    pub mailbox: bool,
    pub segs: &'static [Seg],
    pub body: Body,
}

/// A path segment: fixed text, or the value of the parameter it names.
pub enum Seg {
    Lit(&'static str),
    /// An Outlook id: checked (no `/ \ ? #`) and encoded as one segment.
    Item(&'static str),
    /// An id of the Groups family: any characters, encoded.
    Id(&'static str),
}

pub enum Body {
    /// None (a POST sends an empty one, as Graph's actions want).
    None,
    /// The OData options and Prefer headers of a GET.
    Query,
    /// One parameter is the JSON body.
    Field(&'static str),
    /// `{"name": value, ...}` of these parameters (camelCase, `None`s left out).
    Object(&'static [&'static str]),
}

/// The one request builder of every route. `ids` holds a value for each segment (unused for
/// fixed ones), `body` the values `route.body` names, in its order.
pub fn build(
    route: &Route,
    ep: &Endpoint,
    mailbox: &Mailbox,
    ids: &[&str],
    query: Option<&Query>,
    body: &[&dyn BodyArg],
) -> Result<Request, Error> {
    let mut b = if route.mailbox { mailbox.path(ep)? } else { ep.path() };
    for (seg, value) in route.segs.iter().zip(ids) {
        b = match seg {
            Seg::Lit(text) => b.seg(text),
            Seg::Item(param) => b.item_id(param, value)?,
            Seg::Id(param) => b.id(param, value)?,
        };
    }
    let json = match route.body {
        Body::None if route.method == Method::Post => return Ok(empty_post(b.build())),
        Body::None => return Ok(Request::new(route.method, b.build())),
        Body::Query => return super::get(b, query.unwrap_or(&Query::default()), false),
        Body::Field(param) => {
            let value = body.first().ok_or_else(|| Error::invalid(param, "is required"))?;
            value.check_arg(param)?;
            value.to_json(param)?
        }
        Body::Object(params) => {
            for (param, value) in params.iter().zip(body) {
                value.check_arg(param)?;
            }
            let mut m = serde_json::Map::new();
            for (param, value) in params.iter().zip(body) {
                let value = value.to_json(param)?;
                if !value.is_null() {
                    m.insert(crate::model::camel_case(param), value);
                }
            }
            serde_json::Value::Object(m)
        }
    };
    Request::new(route.method, b.build()).json(&ep.dialect().to_wire(json))
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
}

/// The value of a segment: the field it names (fixed segments have none).
macro_rules! route_id {
    ($this:ident, $lit:literal) => {
        ""
    };
    ($this:ident, $id:ident) => {
        &$this.$id
    };
    ($this:ident, { $id:ident }) => {
        &$this.$id
    };
}

macro_rules! route_body {
    (GET, query) => {
        $crate::ops::route::Body::Query
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

/// The values the body names, in its order.
macro_rules! route_body_args {
    ($this:ident, query) => {
        &[]
    };
    ($this:ident,) => {
        &[]
    };
    ($this:ident, $field:ident) => {
        &[&$this.$field]
    };
    ($this:ident, { $($f:ident),* }) => {
        &[$(&$this.$f),*]
    };
}

macro_rules! route_query {
    ($this:ident, query) => {
        Some(&$this.query)
    };
    ($this:ident, $($other:tt)*) => {
        None
    };
}

macro_rules! route_mailbox {
    ($this:ident, mailbox) => {
        (true, &$this.mailbox)
    };
    ($this:ident, root) => {
        (false, &$crate::Mailbox::Me)
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

/// Declares `BuildRequest` for operations from their routes (see the module docs): each is a
/// static `Route` read by [`build`], so an operation adds data, not a request builder.
macro_rules! routes {
    ($(
        $op:ident : $m:ident $root:ident $( / $seg:tt )* $( ? $q:ident )? $( <- $body:tt )? $( if $check:expr )? ;
    )*) => { $(
        impl $crate::ops::BuildRequest for $op {
            fn build(&self, ep: &$crate::Endpoint) -> Result<$crate::Request, $crate::Error> {
                $( ($check)(self)?; )?
                static ROUTE: $crate::ops::route::Route = $crate::ops::route::Route {
                    method: route_method!($m),
                    mailbox: route_root!($root),
                    segs: &[$( route_seg!($seg) ),*],
                    body: route_body!($m, $($q)? $($body)?),
                };
                let (_, mailbox) = route_mailbox!(self, $root);
                $crate::ops::route::build(
                    &ROUTE,
                    ep,
                    mailbox,
                    &[$( route_id!(self, $seg) ),*],
                    route_query!(self, $($q)?),
                    route_body_args!(self, $($q)? $($body)?),
                )
            }
        }
    )* };
}
