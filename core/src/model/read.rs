//! The one decoder of every model: reads a JSON object into a `Record` by its table.
//!
//! Generic over the deserializer only (so instantiated once for bytes and once for
//! `serde_json::Value`), never over the model: each model's `Deserialize` is a call into this.

use super::schema::{Kind, Record, Slot};
use super::MapKey;
use crate::decode::path::{at_index, at_key, Seq};
use crate::decode::Nesting;
use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Fills a model from a JSON object: known properties into their fields, the rest into `extra`,
/// and an explicit `null` of a known property remembered in `nulls` so that it is written back.
pub struct Fill<'a>(pub &'a mut dyn Record);

impl<'de> Visitor<'de> for Fill<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", self.0.schema().name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let level = Nesting::enter()?;
        let rec = self.0;
        let schema = rec.schema();
        let order = level.order(schema);
        let (mut next, mut n) = (0, 0);
        while let Some(MapKey(key)) = map.next_key()? {
            let found = order.find(schema, key.as_bytes(), n, next);
            n += 1;
            if let Some((i, kind)) = found {
                next = i + 1;
                if let Some(slot) = rec.slot(i) {
                    let present = value(&mut map, kind, slot).map_err(|e| at_key(&key, e))?;
                    if !present {
                        rec.nulls_mut().insert(i);
                    }
                    continue;
                }
            }
            let value: serde_json::Value = map.next_value().map_err(|e| at_key(&key, e))?;
            rec.extra_mut().insert(key.into_owned(), value);
        }
        Ok(())
    }
}

/// Reads one known property's value as its table entry's kind; `false` when it was `null`.
/// Scalars are read here, in the object loop (no call per value); nested models recurse.
fn value<'de, A: MapAccess<'de>>(map: &mut A, kind: Kind, slot: &mut dyn Slot) -> Result<bool, A::Error> {
    macro_rules! read {
        ($t:ty, |$v:ident| $set:expr) => {
            match map.next_value::<Option<$t>>()? {
                Some($v) => $set,
                None => {
                    slot.clear();
                    return Ok(false);
                }
            }
        };
    }
    match kind {
        Kind::Str => read!(String, |v| slot.set_str(v)),
        Kind::Bool => read!(bool, |v| slot.set_bool(v)),
        Kind::Int => read!(i64, |v| slot.set_int(v)),
        Kind::Float => read!(f64, |v| slot.set_float(v)),
        Kind::Json => read!(serde_json::Value, |v| slot.set_json(v)),
        Kind::Bytes => read!(Base64, |v| slot.set_bytes(v.0)),
        Kind::Strings => read!(Seq<String>, |v| slot.set_strings(v.0)),
        Kind::Values => read!(Seq<serde_json::Value>, |v| slot.set_values(v.0)),
        Kind::Model | Kind::Models => return map.next_value_seed(Nested { kind, slot }),
    }
    Ok(true)
}

/// A nested model or list of models; `false` when it was `null`.
struct Nested<'a> {
    kind: Kind,
    slot: &'a mut dyn Slot,
}

impl<'de> DeserializeSeed<'de> for Nested<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Nested<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.kind == Kind::Models { "a list of objects" } else { "an object" })
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<bool, E> {
        self.slot.clear();
        Ok(false)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<bool, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        if self.kind == Kind::Models {
            self.slot.start_list();
            d.deserialize_seq(List(self.slot))?;
        } else {
            let rec = self.slot.record().ok_or_else(|| D::Error::custom("not a model field"))?;
            d.deserialize_map(Fill(rec))?;
        }
        Ok(true)
    }
}

/// Binary content, decoded inside the value's own deserializer so that errors carry its path.
struct Base64(Vec<u8>);

impl<'de> Deserialize<'de> for Base64 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        crate::base64::decode(text.trim()).map(Base64).map_err(D::Error::custom)
    }
}

/// The elements of a list of models, each decoded in place at the end of the list.
pub(crate) struct List<'a>(pub(crate) &'a mut dyn Slot);

impl<'de> Visitor<'de> for List<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            match seq.next_element_seed(Element(&mut *self.0)) {
                Ok(Some(())) => i += 1,
                Ok(None) => return Ok(()),
                Err(e) => return Err(at_index(i, e)),
            }
        }
    }
}

struct Element<'a>(&'a mut dyn Slot);

impl<'de> DeserializeSeed<'de> for Element<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let rec = self.0.push().ok_or_else(|| D::Error::custom("not a list of models"))?;
        d.deserialize_map(Fill(rec))
    }
}
