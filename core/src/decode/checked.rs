//! Checking a response against its model without keeping the model: what a binding needs when it
//! hands its users Graph's JSON as sent (the npm package does). One function for every output
//! type, given a way to make an empty model, instead of a decoder per output type: each of those
//! cost 2-4 KB of the npm package's wasm.

use super::path::at_key;
use crate::endpoint::{Dialect, Endpoint};
use crate::error::Error;
use crate::http::Response;
use crate::model::read::{Fill, List};
use crate::model::schema::{Record, Slot, View};
use crate::odata::{Page, PageRest};
use crate::OpKind;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};
use std::fmt;

/// A new, empty model to check a body (or a page's item) against.
pub type NewRecord = fn() -> Box<dyn Record>;

/// The model a JSON output is checked against: the item's, for a page.
pub trait Checked {
    const NEW: NewRecord;
}

/// [`NewRecord`] for model `M` (`model!` uses it for each model).
pub fn new_record<M: Record + Default + 'static>() -> Box<dyn Record> {
    Box::<M>::default()
}

impl<T: Checked> Checked for Page<T> {
    const NEW: NewRecord = T::NEW;
}

/// A `List` or `Item` output, checked: Graph's JSON (re-cased from the Outlook REST dialect
/// where the endpoint speaks it) and a page's links.
#[derive(Debug)]
pub struct CheckedBody {
    pub json: Vec<u8>,
    pub next_link: Option<String>,
    pub delta_link: Option<String>,
    pub count: Option<i64>,
}

/// Checks a `List` or `Item` response against the model `new` makes, or gives the response's
/// Graph error. `what` names the output type in decode errors, as the table writes it.
pub fn check(ep: &Endpoint, what: &str, kind: OpKind, new: NewRecord, res: Response) -> Result<CheckedBody, Error> {
    res.ensure_success()?;
    let json = match ep.dialect() {
        Dialect::Graph => res.body,
        dialect => {
            let raw: serde_json::Value = serde_json::from_slice(&res.body).map_err(|e| Error::decode(what, "", e))?;
            serde_json::to_vec(&dialect.from_wire(raw)).map_err(|e| Error::decode(what, "", e))?
        }
    };
    let rest = super::read_whole(what, &json, |de| match kind {
        OpKind::List => de.deserialize_map(CheckPage(new)),
        _ => de.deserialize_map(Fill(&mut *new())).map(|()| PageRest::default()),
    })?;
    Ok(CheckedBody { json, next_link: rest.next_link, delta_link: rest.delta_link, count: rest.count })
}

/// A page whose items are checked one by one and dropped.
struct CheckPage(NewRecord);

impl<'de> Visitor<'de> for CheckPage {
    type Value = PageRest;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a collection page object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageRest, A::Error> {
        let mut rest = PageRest::default();
        let mut items = false;
        while let Some(crate::model::MapKey(key)) = map.next_key()? {
            if key == Page::<()>::ITEMS {
                map.next_value_seed(Items(self.0)).map_err(|e| at_key(&key, e))?;
                items = true;
            } else {
                rest.read(key, &mut map)?;
            }
        }
        if !items {
            return Err(serde::de::Error::missing_field("value"));
        }
        Ok(rest)
    }
}

struct Items(NewRecord);

impl<'de> DeserializeSeed<'de> for Items {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(List(&mut Discard { new: self.0, current: None }))
    }
}

/// A list field whose elements are decoded one at a time, each dropped when the next begins.
struct Discard {
    new: NewRecord,
    current: Option<Box<dyn Record>>,
}

impl Slot for Discard {
    fn clear(&mut self) {}
    fn push(&mut self) -> Option<&mut dyn Record> {
        Some(&mut **self.current.insert((self.new)()))
    }
    fn view(&self) -> View<'_> {
        View::Absent
    }
}
