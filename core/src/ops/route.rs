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

/// `{"name": value, ...}` from an operation's fields: camelCase names, `None`s left out.
pub(crate) fn object(
    fields: Vec<(&'static str, Result<serde_json::Value, Error>)>,
) -> Result<serde_json::Value, Error> {
    let mut m = serde_json::Map::new();
    for (name, value) in fields {
        let value = value?;
        if !value.is_null() {
            m.insert(crate::model::camel_case(name), value);
        }
    }
    Ok(serde_json::Value::Object(m))
}

pub(crate) fn to_value(param: &str, v: &impl serde::Serialize) -> Result<serde_json::Value, Error> {
    serde_json::to_value(v).map_err(|e| Error::invalid(param, e.to_string()))
}

/// A POST with no body still says `Content-Length: 0`: Graph answers 411 otherwise.
pub(crate) fn empty_post(url: String) -> Request {
    let mut req = Request::post(url);
    req.body = Some(Vec::new());
    req
}

macro_rules! route_root {
    ($this:ident, $ep:ident, mailbox) => {
        $this.mailbox.path($ep)?
    };
    ($this:ident, $ep:ident, root) => {
        $ep.path()
    };
}

macro_rules! route_seg {
    ($this:ident, $b:ident, $lit:literal) => {
        $b.seg($lit)
    };
    ($this:ident, $b:ident, $id:ident) => {
        $b.item_id(stringify!($id), &$this.$id)?
    };
    ($this:ident, $b:ident, { $id:ident }) => {
        $b.id(stringify!($id), &$this.$id)?
    };
}

/// What a route sends: a GET (with or without query), a body, or nothing.
macro_rules! route_send {
    ($this:ident, $ep:ident, $b:ident, GET, query) => {
        $crate::ops::get($b, &$this.query, false)
    };
    ($this:ident, $ep:ident, $b:ident, GET,) => {
        Ok($crate::Request::get($b.build()))
    };
    ($this:ident, $ep:ident, $b:ident, DELETE,) => {
        Ok($crate::Request::delete($b.build()))
    };
    ($this:ident, $ep:ident, $b:ident, POST,) => {
        Ok($crate::ops::route::empty_post($b.build()))
    };
    ($this:ident, $ep:ident, $b:ident, $m:ident, $field:ident) => {{
        $crate::ops::route::Check::check(&$this.$field, stringify!($field))?;
        $crate::ops::with_json($ep, route_method!($m, $b.build()), &$this.$field)
    }};
    ($this:ident, $ep:ident, $b:ident, $m:ident, { $($f:ident),* }) => {{
        $( $crate::ops::route::Check::check(&$this.$f, stringify!($f))?; )*
        let body = $crate::ops::route::object(vec![
            $( (stringify!($f), $crate::ops::route::to_value(stringify!($f), &$this.$f)) ),*
        ])?;
        $crate::ops::with_json($ep, route_method!($m, $b.build()), &body)
    }};
}

macro_rules! route_method {
    (POST, $url:expr) => {
        $crate::Request::post($url)
    };
    (PATCH, $url:expr) => {
        $crate::Request::patch($url)
    };
    (PUT, $url:expr) => {
        $crate::Request::put($url)
    };
}

/// Declares `BuildRequest` for operations from their routes (see the module docs).
macro_rules! routes {
    ($(
        $op:ident : $m:ident $root:ident $( / $seg:tt )* $( ? $q:ident )? $( <- $body:tt )? $( if $check:expr )? ;
    )*) => { $(
        impl $crate::ops::BuildRequest for $op {
            fn build(&self, ep: &$crate::Endpoint) -> Result<$crate::Request, $crate::Error> {
                $( ($check)(self)?; )?
                let b = route_root!(self, ep, $root);
                $( let b = route_seg!(self, b, $seg); )*
                route_send!(self, ep, b, $m, $($q)? $($body)?)
            }
        }
    )* };
}
