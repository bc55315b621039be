//! Checking JSON against a model's table without building the model: what `decode::checked`
//! does for bindings that hand Graph's JSON over as sent. It accepts exactly what the model's
//! decoder (`model::read`) accepts and names the same path when it refuses, but keeps nothing: no
//! string is copied, no model allocated.

use super::path::{at_index, at_key};
use super::Nesting;
use crate::model::schema::{Kind, Schema};
use crate::model::MapKey;
use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// A JSON object checked against `Schema`.
pub(crate) struct Object(pub &'static Schema);

impl<'de> DeserializeSeed<'de> for Object {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Object {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", self.0.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let level = Nesting::enter()?;
        let order = level.order(self.0);
        let (mut next, mut n) = (0, 0);
        while let Some(MapKey(key)) = map.next_key()? {
            let found = order.find(self.0, key.as_bytes(), n, next);
            n += 1;
            match found {
                Some((i, kind)) => {
                    next = i + 1;
                    let nested = self.0.fields.get(i).and_then(|f| f.nested).map(|table| table());
                    map.next_value_seed(Value { kind, nested }).map_err(|e| at_key(&key, e))?;
                }
                None => {
                    map.next_value::<IgnoredAny>().map_err(|e| at_key(&key, e))?;
                }
            }
        }
        Ok(())
    }
}

/// One known property's value (or `null`), as its table entry's kind.
struct Value {
    kind: Kind,
    nested: Option<&'static Schema>,
}

impl<'de> DeserializeSeed<'de> for Value {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Value {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.kind {
            Kind::Str => d.deserialize_str(Text).map(drop),
            Kind::Bool => bool::deserialize(d).map(drop),
            Kind::Int => i64::deserialize(d).map(drop),
            Kind::Float => f64::deserialize(d).map(drop),
            Kind::Json => IgnoredAny::deserialize(d).map(drop),
            Kind::Bytes => d.deserialize_str(Base64),
            Kind::Strings => d.deserialize_seq(List(Item::Text, "a sequence")),
            Kind::Values => d.deserialize_seq(List(Item::Any, "a sequence")),
            Kind::Model => {
                let table = self.nested.ok_or_else(|| D::Error::custom("not a model field"))?;
                d.deserialize_map(Object(table))
            }
            Kind::Models => {
                let table = self.nested.ok_or_else(|| D::Error::custom("not a list of models"))?;
                d.deserialize_seq(List(Item::Object(table), "a list of objects"))
            }
        }
    }
}

/// A string, looked at and dropped.
struct Text;

impl<'de> Visitor<'de> for Text {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Text {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

/// Base64 text, decoded to know that it is (the model's decoder keeps the bytes).
struct Base64;

impl<'de> Visitor<'de> for Base64 {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<(), E> {
        crate::base64::decode(text.trim()).map(drop).map_err(E::custom)
    }
}

/// What a list holds.
#[derive(Clone, Copy)]
enum Item {
    Text,
    Any,
    Object(&'static Schema),
}

impl<'de> DeserializeSeed<'de> for Item {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self {
            Item::Text => d.deserialize_str(Text),
            Item::Any => IgnoredAny::deserialize(d).map(drop),
            Item::Object(table) => d.deserialize_map(Object(table)),
        }
    }
}

/// A list whose elements' errors carry their index; `.1` is what the model's decoder says it
/// expected there.
struct List(Item, &'static str);

impl<'de> Visitor<'de> for List {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            match seq.next_element_seed(self.0) {
                Ok(Some(())) => i += 1,
                Ok(None) => return Ok(()),
                Err(e) => return Err(at_index(i, e)),
            }
        }
    }
}

/// A page's `value`: a list of objects of one table (not `null`, as for the typed readers).
pub(crate) struct Objects(pub &'static Schema);

impl<'de> DeserializeSeed<'de> for Objects {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(List(Item::Object(self.0), "a sequence"))
    }
}
