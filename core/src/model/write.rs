//! The one writer of every model: known properties that are set, by the table, then `extra`.

use super::schema::{Record, Records, View};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

/// A model on its way into a serializer.
pub struct Out<'a>(pub &'a dyn Record);

impl Serialize for Out<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rec = self.0;
        let schema = rec.schema();
        let (extra, nulls) = (rec.extra(), rec.nulls());
        let mut map = s.serialize_map(None)?;
        for (i, field) in schema.fields.iter().enumerate() {
            match rec.slot_ref(i).map(|slot| slot.view()) {
                // A remembered `null` of a field still unset goes back out in the field's place
                // (unless `extra` has a value under its name, put there by hand: written below).
                None | Some(View::Absent) => {
                    if nulls.contains(i) && !std::str::from_utf8(field.wire).is_ok_and(|k| extra.contains_key(k)) {
                        map.serialize_entry(&WireKey(field.wire), &serde_json::Value::Null)?;
                    }
                }
                Some(view) => map.serialize_entry(&WireKey(field.wire), &Value(view))?,
            }
        }
        for (key, value) in extra {
            // A known property's entry in `extra` (put there by hand) is the field's own value
            // when the field is unset: a key is written once.
            if let Some((i, _)) = schema.find(key.as_bytes(), 0) {
                if rec.slot_ref(i).is_some_and(|slot| !matches!(slot.view(), View::Absent)) {
                    continue;
                }
            }
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// A field's wire name on its way into a serializer.
struct WireKey(&'static [u8]);

impl Serialize for WireKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(self.0).map_err(serde::ser::Error::custom)?)
    }
}

struct Value<'a>(View<'a>);

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            View::Absent => s.serialize_none(),
            View::Str(v) => s.serialize_str(v),
            View::Bool(v) => s.serialize_bool(v),
            View::Int(v) => s.serialize_i64(v),
            View::Float(v) => s.serialize_f64(v),
            View::Json(v) => v.serialize(s),
            View::Bytes(v) => s.serialize_str(&crate::base64::encode(v)),
            View::Strings(v) => v.serialize(s),
            View::Values(v) => v.serialize(s),
            View::Record(r) => Out(r).serialize(s),
            View::Records(list) => write_list(list, s),
        }
    }
}

fn write_list<S: Serializer>(list: &dyn Records, s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(list.count()))?;
    for i in 0..list.count() {
        if let Some(r) = list.at(i) {
            seq.serialize_element(&Out(r))?;
        }
    }
    seq.end()
}
