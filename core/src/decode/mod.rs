//! Reading response bodies into models, with the JSON path of whatever did not fit.

use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::http::Response;
use serde::de::DeserializeOwned;

pub mod checked;
pub mod path;
mod scan;
pub(crate) mod text;

/// Parses a successful JSON response body into `T`, or the response's Graph error.
pub fn json<T: DeserializeOwned + Fast>(ep: &Endpoint, what: &str, res: &Response) -> Result<T, Error> {
    res.ensure_success()?;
    body(ep, what, &res.body)
}

/// A success body that a binding may give its users as received, once the operation has parsed
/// it (which checks every value): Graph's own JSON for pages and items, since the models are
/// lossless. `None` for other kinds, and for the Outlook REST dialect, whose property names only
/// the models re-case. Explicit `null`s stay.
pub fn as_sent(ep: &Endpoint, kind: crate::OpKind, res: &Response) -> Option<Vec<u8>> {
    let json = matches!(kind, crate::OpKind::List | crate::OpKind::Item | crate::OpKind::Delta);
    (json && ep.dialect() == crate::Dialect::Graph && res.is_success()).then(|| res.body.clone())
}

/// Parses a JSON body (already known to be a success) into `T`.
pub fn body<T: DeserializeOwned + Fast>(ep: &Endpoint, what: &str, bytes: &[u8]) -> Result<T, Error> {
    if ep.dialect() == crate::Dialect::Graph {
        if let Some(read) = T::fast(bytes) {
            return Ok(read);
        }
        return from_bytes(what, bytes);
    }
    // Outlook REST v2.0 is re-cased first, then read like Graph: every model has one decoder
    // (from bytes), which keeps the wasm build small and its decoding fast.
    let raw: serde_json::Value = text::value(bytes).map_err(|e| Error::decode(what, "", e))?;
    let graph = serde_json::to_vec(&ep.dialect().from_wire(raw)).map_err(|e| Error::decode(what, "", e))?;
    if let Some(read) = T::fast(&graph) {
        return Ok(read);
    }
    from_bytes(what, &graph)
}

/// A typed output that the fast path (`scan::fill`) can read: a model, or a page of models.
/// `None` when it did not read the text through; the serde-based decoder then reads it, and says
/// what is wrong. Not on wasm32: the npm package checks bodies rather than decoding them, and
/// its size budget would carry the fast path for no gain.
pub trait Fast: Sized {
    fn fast(bytes: &[u8]) -> Option<Self>;
}

impl<M: crate::model::schema::Record + Default> Fast for crate::Page<M> {
    fn fast(bytes: &[u8]) -> Option<Self> {
        if cfg!(target_arch = "wasm32") {
            return None;
        }
        let (mut items, mut rest) = (None::<Vec<M>>, crate::odata::PageRest::default());
        scan::fill::page(bytes, &mut items, &mut rest)?;
        let crate::odata::PageRest { next_link, delta_link, count, context, extra } = rest;
        Some(crate::Page { value: items.unwrap_or_default(), next_link, delta_link, count, context, extra })
    }
}

/// A model read by the fast path into a default one (what `model!`'s `Fast` calls).
pub fn fast_model<M: crate::model::schema::Record + Default>(bytes: &[u8]) -> Option<M> {
    if cfg!(target_arch = "wasm32") {
        return None;
    }
    let mut out = M::default();
    scan::fill::item(bytes, &mut out)?;
    Some(out)
}

fn from_bytes<T: DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T, Error> {
    read_whole(what, bytes, |de| T::deserialize(de))
}

/// A value a binding reads from JSON text (a model given as an argument), through the one
/// decoder of every model rather than a `Deserialize` instance per type.
pub trait FromJson: Sized {
    fn from_json(what: &str, bytes: &[u8]) -> Result<Self, Error>;
}

/// Fills `rec`, a default (empty) model, from a JSON object, with the path of what did not fit.
pub fn fill(what: &str, bytes: &[u8], rec: &mut dyn crate::model::schema::Record) -> Result<(), Error> {
    if !cfg!(target_arch = "wasm32") {
        if scan::fill::item(bytes, rec).is_some() {
            return Ok(());
        }
        empty(rec);
    }
    read_whole(what, bytes, |de| serde::Deserializer::deserialize_map(de, crate::model::read::Fill(rec)))
}

/// Empties a model that the fast path gave up on half way, for the serde-based decoder to fill.
#[cold]
fn empty(rec: &mut dyn crate::model::schema::Record) {
    for i in 0..rec.schema().fields.len() {
        if let Some(slot) = rec.slot(i) {
            slot.clear();
        }
    }
    rec.extra_mut().clear();
    *rec.nulls_mut() = Default::default();
}

/// Reads a whole JSON text with `read`: errors carry their path, trailing text is refused.
pub(crate) fn read_whole<T>(
    what: &str,
    bytes: &[u8],
    read: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::StrRead<'_>>) -> Result<T, serde_json::Error>,
) -> Result<T, Error> {
    path::begin();
    let text = text::Text::of(bytes);
    let mut de = serde_json::Deserializer::from_str(text.as_str());
    let value = read(&mut de).map_err(|e| path_error(what, text.reword(e)))?;
    de.end().map_err(|e| Error::decode(what, "", text.reword(e)))?;
    Ok(value)
}

/// Plain values, read by serde.
macro_rules! from_json_by_serde {
    ($($t:ty),*) => { $(
        impl FromJson for $t {
            fn from_json(what: &str, bytes: &[u8]) -> Result<Self, Error> {
                from_bytes(what, bytes)
            }
        }
    )* };
}

from_json_by_serde!(crate::DateTime, crate::Query, i64, f64);

/// `null` is `None`; anything else must be a `T`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(what: &str, bytes: &[u8]) -> Result<Self, Error> {
        if bytes.trim_ascii() == b"null" {
            return Ok(None);
        }
        T::from_json(what, bytes).map(Some)
    }
}

/// A list of models, each element decoded in place.
impl<M: crate::model::schema::Record + Default> FromJson for Vec<M> {
    fn from_json(what: &str, bytes: &[u8]) -> Result<Self, Error> {
        let mut list: Option<Vec<M>> = None;
        if !cfg!(target_arch = "wasm32") && scan::fill::list(bytes, &mut list).is_some() {
            return Ok(list.unwrap_or_default());
        }
        list = None;
        read_whole(what, bytes, |de| serde::Deserializer::deserialize_seq(de, crate::model::read::List(&mut list)))?;
        Ok(list.unwrap_or_default())
    }
}

/// Decodes an already parsed JSON value (a binding's argument) into `T`, with the error's path.
pub fn value<T: DeserializeOwned>(what: &str, value: serde_json::Value) -> Result<T, Error> {
    path::begin();
    T::deserialize(value).map_err(|e| path_error(what, e))
}

/// Graph payloads nest a dozen levels at most. Models nested deeper (a chain of `inReplyTo`
/// posts) are refused, because each level takes kilobytes of stack and wasm32 has only 1 MiB;
/// plain JSON values are bounded by serde_json's own limit of 128.
pub const MAX_DEPTH: usize = 64;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static ORDERS: [(Cell<usize>, [Cell<u8>; ORDER_LEN]); MAX_DEPTH + 1] =
        const { [const { (Cell::new(0), [const { Cell::new(0) }; ORDER_LEN]) }; MAX_DEPTH + 1] };
}

use crate::model::schema::{Kind, Schema};
use std::cell::Cell;

/// How many of an object's first properties `Order` remembers (an event has 45 fields).
const ORDER_LEN: usize = 64;

/// One level of model nesting, held while a model decodes (counted instead of a pre-scan of
/// the body, which cost a sixth of the decoding time).
pub struct Nesting(usize);

impl Nesting {
    pub fn enter<E: serde::de::Error>() -> Result<Nesting, E> {
        let depth = DEPTH.with(|d| {
            d.set(d.get() + 1);
            d.get()
        });
        let level = Nesting(depth);
        if depth > MAX_DEPTH {
            return Err(E::custom(format_args!("nesting deeper than {MAX_DEPTH} levels (recursion limit)")));
        }
        Ok(level)
    }

    /// The order in which the last object read at this depth had its properties, if it was an
    /// object of `table`: the items of a page, and the elements of a list, all come with their
    /// properties in one order, which is not always the model's (events).
    pub(crate) fn order(&self, table: &'static Schema) -> Order {
        let id = table as *const _ as usize;
        ORDERS.with(|o| {
            if let Some((last, at)) = o.get(self.0) {
                if last.get() != id {
                    last.set(id);
                    at.iter().for_each(|c| c.set(0));
                }
            }
        });
        Order(self.0)
    }
}

impl Drop for Nesting {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// At one depth, the table index (plus one; 0 when not known) of each of the last object's first
/// properties, by position: where the decoder looks first for the field of the property at that
/// position. Zero-initialised, so that it takes no room in the npm package's wasm.
pub(crate) struct Order(usize);

impl Order {
    /// The index and kind of the field named `key`, the `n`th property of its object; `next`
    /// is the field after the previous property's. That one is tried first (Graph mostly sends
    /// properties in the models' order), then where the `n`th property was in the last object
    /// (remembered only when it was not `next`), then the whole table from `next` on.
    #[inline(always)]
    pub(crate) fn find(&self, table: &Schema, key: &[u8], n: usize, next: usize) -> Option<(usize, Kind)> {
        match table.at(next, key) {
            Some(kind) => Some((next, kind)),
            None => self.search(table, key, n, next),
        }
    }

    #[inline(never)]
    fn search(&self, table: &Schema, key: &[u8], n: usize, next: usize) -> Option<(usize, Kind)> {
        let known = ORDERS.with(|o| o.get(self.0).and_then(|(_, at)| at.get(n)).map_or(0, Cell::get));
        if let Some(i) = usize::from(known).checked_sub(1) {
            if let Some(kind) = table.at(i, key) {
                return Some((i, kind));
            }
        }
        // An annotation (`@odata.etag`, ...) is a field only as `@odata.type`: field names are
        // identifiers, and `odata_type` is the one annotation field. Items mostly carry one.
        if key.first() == Some(&b'@') && key != b"@odata.type" {
            return None;
        }
        let found = table.find(key, next);
        if let Some((i, _)) = found {
            ORDERS.with(|o| {
                if let (Some(c), Ok(i)) = (o.get(self.0).and_then(|(_, at)| at.get(n)), u8::try_from(i + 1)) {
                    c.set(i);
                }
            });
        }
        found
    }
}

fn path_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::decode(what, path::take(), e)
}

/// Serde helpers for `Vec<u8>` carried as base64 in JSON.
pub mod base64_bytes_required {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::base64::encode(v))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let s = String::deserialize(d)?;
        crate::base64::decode(s.trim()).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Message;
    use crate::Page;
    use serde_json::json;

    /// Items whose properties come in different orders (the lookup starts where the previous
    /// item had each property): every value still lands in its own field, unknown ones in `extra`.
    #[test]
    fn properties_in_a_changing_order_land_in_their_fields() {
        let a = json!({"id": "1", "subject": "s1", "isRead": true, "other": 1, "from": {"emailAddress": {"address": "a@x"}}});
        let b = json!({"from": {"emailAddress": {"address": "b@x"}}, "other": 2, "isRead": false, "subject": "s2", "id": "2"});
        let c = json!({"subject": "s3", "id": "3", "isDraft": null, "from": {"emailAddress": {"name": "C", "address": "c@x"}}});
        let page = json!({"value": [a, b, c, a, b]});
        let bytes = serde_json::to_vec(&page).unwrap();
        let read: Page<Message> = super::from_bytes("Page<Message>", &bytes).unwrap();
        let ids: Vec<_> = read.value.iter().map(|m| m.id.as_deref().unwrap()).collect();
        assert_eq!(ids, ["1", "2", "3", "1", "2"]);
        assert_eq!(read.value[1].subject.as_deref(), Some("s2"));
        assert_eq!(read.value[1].is_read, Some(false));
        assert_eq!(read.value[2].from.as_ref().and_then(|f| f.address()), Some("c@x"));
        assert_eq!(read.value[3].extra["other"], json!(1));
        assert_eq!(serde_json::to_value(&read.value).unwrap(), page["value"]);
        let checked = crate::decode::checked::check_json(
            "Page<Message>",
            crate::OpKind::List,
            <Message as crate::decode::checked::Checked>::table(),
            &bytes,
        );
        assert!(checked.is_ok());
        let bad = json!({"value": [b, {"from": {"emailAddress": {"address": 7}}}]});
        let err = super::from_bytes::<Page<Message>>("Page<Message>", &serde_json::to_vec(&bad).unwrap()).unwrap_err();
        assert!(
            matches!(err, crate::Error::Decode { ref path, .. } if path == "value[1].from.emailAddress.address"),
            "{err:?}"
        );
    }
}
