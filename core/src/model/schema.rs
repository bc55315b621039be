//! Model facts as data: each model is a static table of its known properties (wire name, value
//! kind) plus a small glue impl giving access to each field. One generic decoder (`read.rs`) and
//! one generic writer (`write.rs`) walk these tables, so adding a model adds a table and a few
//! lines of glue, not a decoder and an encoder of its own (which cost 1-2 KB of wasm each).

use super::Extra;
use serde_json::Value;

/// The shape of a known property's value: what the decoder reads, what the writer writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Str,
    Bool,
    Int,
    Float,
    /// Any JSON, kept as a `serde_json::Value`.
    Json,
    /// Binary content carried as base64 text.
    Bytes,
    Strings,
    Values,
    /// A nested model (`Model` or `Box<Model>`).
    Model,
    /// A list of models.
    Models,
}

/// One known property of a model.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The property's name in Graph JSON, compared byte for byte with the keys read.
    pub wire: &'static [u8],
    pub kind: Kind,
    /// The table of a nested model (`Model`, `Models`): a function, as models nest in themselves.
    pub nested: Option<fn() -> &'static Schema>,
}

/// A model's table: its name (for error messages) and its known properties, in declaration order.
#[derive(Debug, Clone, Copy)]
pub struct Schema {
    pub name: &'static str,
    pub fields: &'static [Field],
}

impl Schema {
    /// The index and kind of the field named `key`. The search starts at `hint` and wraps
    /// around: Graph sends properties in a stable order, so the decoder's guess (where the same
    /// property was in the previous object, or the field after the previous property's) is
    /// mostly right, and otherwise the field is mostly a few further on.
    #[inline]
    pub fn find(&self, key: &[u8], hint: usize) -> Option<(usize, Kind)> {
        if let Some(kind) = self.at(hint, key) {
            return Some((hint, kind));
        }
        let (before, from) = self.fields.split_at(hint.min(self.fields.len()));
        if let Some(i) = from.iter().position(|f| same(f.wire, key)) {
            return Some((hint + i, from[i].kind));
        }
        let i = before.iter().position(|f| same(f.wire, key))?;
        Some((i, before[i].kind))
    }
}

impl Schema {
    /// The kind of field `i`, if it is named `key`.
    #[inline]
    pub fn at(&self, i: usize, key: &[u8]) -> Option<Kind> {
        self.fields.get(i).filter(|f| same(f.wire, key)).map(|f| f.kind)
    }
}

/// Byte equality of two property names, a word at a time: names are short, and a call to
/// `memcmp` for each candidate cost more than the comparison.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    fn word(s: &[u8], at: usize) -> u64 {
        // Not `copy_from_slice`: built for size, that is a call and a `memory.copy` in wasm.
        <[u8; 8]>::try_from(&s[at..at + 8]).map_or(0, u64::from_ne_bytes)
    }
    fn half(s: &[u8], at: usize) -> u32 {
        <[u8; 4]>::try_from(&s[at..at + 4]).map_or(0, u32::from_ne_bytes)
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if word(a, i) != word(b, i) {
                return false;
            }
            i += 8;
        }
        // The last word overlaps the one before when `n` is not a multiple of 8.
        word(a, n - 8) == word(b, n - 8)
    } else if n >= 4 {
        half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

/// A model seen through its table: what the generic decoder and writer work on. `model!`
/// implements it; the field index is the position in `schema().fields`.
pub trait Record {
    fn schema(&self) -> &'static Schema;
    fn slot(&mut self, i: usize) -> Option<&mut dyn Slot>;
    fn slot_ref(&self, i: usize) -> Option<&dyn Slot>;
    fn extra(&self) -> &Extra;
    fn extra_mut(&mut self) -> &mut Extra;
    fn nulls(&self) -> Nulls;
    fn nulls_mut(&mut self) -> &mut Nulls;
}

/// The known properties of a model that were sent as explicit `null`s, by table index: such a
/// field reads as `None`, and is written back as `null` while it stays `None`. A bit per field
/// rather than a `null` in `extra`: a map entry (a key allocated, a node, an insert) cost events
/// a twentieth of their decoding.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
// Two words rather than a `u64`: the models keep their alignment of 4 on wasm32, where a field
// aligned to 8 made every copy of a model larger code.
pub struct Nulls([u32; 2]);

impl Nulls {
    /// The most fields a model may have (`model!` checks it).
    pub const MAX_FIELDS: usize = 64;

    /// Field `i` was sent as `null`.
    pub fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 32) {
            *w |= 1 << (i % 32);
        }
    }

    pub fn contains(self, i: usize) -> bool {
        self.0.get(i / 32).is_some_and(|w| (w >> (i % 32)) & 1 == 1)
    }

    pub fn is_empty(self) -> bool {
        self.0 == [0, 0]
    }

    /// The fields sent as `null`, in table order.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..Self::MAX_FIELDS).filter(move |&i| self.contains(i))
    }
}

/// A field's value on its way out, borrowed.
pub enum View<'a> {
    Absent,
    Str(&'a str),
    Bool(bool),
    Int(i64),
    Float(f64),
    Json(&'a Value),
    Bytes(&'a [u8]),
    Strings(&'a [String]),
    Values(&'a [Value]),
    Record(&'a dyn Record),
    Records(&'a dyn Records),
}

/// One field, whatever its type: implemented once per field type (`Option<String>`,
/// `Option<Vec<M>>`, ...), not once per model.
pub trait Slot {
    // Stores a value read for this field. The decoder reads the kind of the field's table entry,
    // which comes from the same type as the slot: a setter of another kind is never called (and
    // would do nothing).
    fn set_str(&mut self, _: String) {}
    fn set_bool(&mut self, _: bool) {}
    fn set_int(&mut self, _: i64) {}
    fn set_float(&mut self, _: f64) {}
    fn set_json(&mut self, _: Value) {}
    fn set_bytes(&mut self, _: Vec<u8>) {}
    fn set_strings(&mut self, _: Vec<String>) {}
    fn set_values(&mut self, _: Vec<Value>) {}
    /// An explicit `null`: the field reads as absent.
    fn clear(&mut self);
    /// A nested model's field, set to a new default model to decode into.
    fn record(&mut self) -> Option<&mut dyn Record> {
        None
    }
    /// A list of models' field: sets it to an empty list (read elements follow with `push`).
    fn start_list(&mut self) {}
    /// A new default element at the end of the list, to decode into.
    fn push(&mut self) -> Option<&mut dyn Record> {
        None
    }
    fn view(&self) -> View<'_>;
}

/// The models of a list field, for the writer.
pub trait Records {
    fn count(&self) -> usize;
    fn at(&self, i: usize) -> Option<&dyn Record>;
}

impl<M: Record> Records for Vec<M> {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, i: usize) -> Option<&dyn Record> {
        self.get(i).map(|m| m as &dyn Record)
    }
}

/// The kind of a field type, for the model's table (a constant, so the tables are static data).
pub trait FieldType {
    const KIND: Kind;
    const NESTED: Option<fn() -> &'static Schema> = None;
}

/// A model's own table, without an instance (what `Field::nested` points to).
pub trait HasSchema {
    fn table() -> &'static Schema;
}

macro_rules! scalar_slot {
    ($t:ty, $kind:ident, $set:ident, |$v:ident| $view:expr) => {
        impl Slot for Option<$t> {
            fn $set(&mut self, v: $t) {
                *self = Some(v);
            }
            fn clear(&mut self) {
                *self = None;
            }
            fn view(&self) -> View<'_> {
                match self {
                    Some($v) => View::$kind($view),
                    None => View::Absent,
                }
            }
        }
        impl FieldType for Option<$t> {
            const KIND: Kind = Kind::$kind;
        }
    };
}

scalar_slot!(String, Str, set_str, |v| v);
scalar_slot!(bool, Bool, set_bool, |v| *v);
scalar_slot!(i64, Int, set_int, |v| *v);
scalar_slot!(f64, Float, set_float, |v| *v);
scalar_slot!(Value, Json, set_json, |v| v);
scalar_slot!(Vec<u8>, Bytes, set_bytes, |v| v);
scalar_slot!(Vec<String>, Strings, set_strings, |v| v);
scalar_slot!(Vec<Value>, Values, set_values, |v| v);

/// `Option<M>` for a model `M`: `model!` implements `Slot` with these (a blanket impl would
/// overlap with `Option<Box<M>>`'s).
pub fn record_of<M: Record + Default>(field: &mut Option<M>) -> &mut dyn Record {
    field.insert(M::default())
}

pub fn view_of<M: Record>(field: &Option<M>) -> View<'_> {
    match field {
        Some(m) => View::Record(m),
        None => View::Absent,
    }
}

impl<M: Record + Default> Slot for Option<Box<M>> {
    fn clear(&mut self) {
        *self = None;
    }
    fn record(&mut self) -> Option<&mut dyn Record> {
        Some(&mut **self.insert(Box::default()))
    }
    fn view(&self) -> View<'_> {
        match self {
            Some(m) => View::Record(&**m),
            None => View::Absent,
        }
    }
}

impl<M: Record + HasSchema> FieldType for Option<Box<M>> {
    const KIND: Kind = Kind::Model;
    const NESTED: Option<fn() -> &'static Schema> = Some(M::table);
}

impl<M: Record + Default> Slot for Option<Vec<M>> {
    fn clear(&mut self) {
        *self = None;
    }
    fn start_list(&mut self) {
        *self = Some(Vec::new());
    }
    fn push(&mut self) -> Option<&mut dyn Record> {
        let list = self.get_or_insert_with(Vec::new);
        list.push(M::default());
        list.last_mut().map(|m| m as &mut dyn Record)
    }
    fn view(&self) -> View<'_> {
        match self {
            Some(list) => View::Records(list),
            None => View::Absent,
        }
    }
}

impl<M: Record + HasSchema> FieldType for Option<Vec<M>> {
    const KIND: Kind = Kind::Models;
    const NESTED: Option<fn() -> &'static Schema> = Some(M::table);
}
