//! The typed decoder's fast path: the byte-level checker (`scan.rs`) in a filling mode, which
//! hands each known property's value to the model's `Slot` as it reads it.
//!
//! serde_json's reading of keys and strings, through its visitor machinery, was half of the
//! typed decode's instructions; the checker reads the same text in a third of that. The checker
//! accepts exactly what the serde-based decoder (`model::read`) accepts (a differential proptest
//! holds them to it), so when this reads a text through, the serde-based decoder would have read
//! it too, and this makes the same calls on the same slots, in the same order: the model is the
//! same. Whatever this cannot read it gives up on (`None`), without a message: the caller reads
//! the same bytes again with the serde-based decoder, whose errors and paths stay the only ones.
//! Every value that is not a plain string, boolean or integer (floats, `Json`, `Values`, unknown
//! properties) is read by serde_json itself from its span of text, so it is the same value.

use super::{lookup, Memo, Scan, Stop, EOF_LIST, EOF_OBJECT, EOF_VALUE, ESCAPED, NESTING, PAGE};
use crate::decode::MAX_DEPTH;
use crate::model::schema::{Kind, Record, Schema, Slot};
use crate::odata::PageRest;
use serde_json::Value;

type R<T = ()> = Result<T, Stop>;

/// A property name's span inside its quotes, and its field's index and kind when it has one.
type Key = (usize, usize, Option<(usize, Kind)>);

/// Fills `rec` (a default model) from the JSON text of one of its objects. `None` when the text
/// is not one the fast path reads; `rec` may then hold part of it.
pub(crate) fn item(json: &[u8], rec: &mut dyn Record) -> Option<()> {
    let mut f = Filler::new(json)?;
    let read = f.s.next(EOF_VALUE).and_then(|c| if c == b'{' { f.object(rec, None) } else { Err(Stop) });
    read.ok()?;
    f.end()
}

/// Fills `items` (an empty list field) with the models of a JSON array, as `FromJson for Vec<M>`.
pub(crate) fn list(json: &[u8], items: &mut dyn Slot) -> Option<()> {
    let mut f = Filler::new(json)?;
    let read = f.s.next(EOF_VALUE).and_then(|c| if c == b'[' { f.models(items) } else { Err(Stop) });
    read.ok()?;
    f.end()
}

/// Fills a collection page: its items into `items` (a list field), the rest into `rest`, as
/// `Page`'s own `Deserialize` reads them.
pub(crate) fn page(json: &[u8], items: &mut dyn Slot, rest: &mut PageRest) -> Option<()> {
    let mut f = Filler::new(json)?;
    let read = f.s.next(EOF_VALUE).and_then(|c| if c == b'{' { f.page(items, rest) } else { Err(Stop) });
    read.ok()?;
    f.end()
}

struct Filler<'a> {
    s: Scan<'a>,
    /// The same bytes as `s.b`, checked as UTF-8 once (as the serde-based decoder does), so that
    /// each string is a slice of it with no check of its own.
    text: &'a str,
}

impl<'a> Filler<'a> {
    fn new(json: &'a [u8]) -> Option<Self> {
        let text = std::str::from_utf8(json).ok()?;
        Some(Filler { s: Scan::new(json), text })
    }

    /// Only whitespace after the value read.
    fn end(&mut self) -> Option<()> {
        self.s.ws();
        (self.s.i == self.s.b.len()).then_some(())
    }

    /// A property name, `c` its first byte: its span inside the quotes, and its field in `table`
    /// (the scanner's lookups: in place first, then by the list's memo, then the whole table).
    #[inline(always)]
    fn key(&mut self, c: u8, table: &Schema, n: usize, next: usize, memo: &mut Option<&mut Memo>) -> R<Key> {
        let start = self.s.i + 1;
        if let Some((end, i, kind)) = self.s.known_key(c, table, n, next, memo.as_deref()) {
            return Ok((start, end, Some((i, kind))));
        }
        let (start, end, flags) = self.s.key(c)?;
        let found = if flags & ESCAPED == 0 {
            lookup(table, &self.s.b[start..end], n, next, memo.as_deref_mut())
        } else {
            self.s.unescape(start, end).and_then(|k| table.find(k.as_bytes(), next))
        };
        Ok((start, end, found))
    }

    /// A key's text, for `extra`: escapes undone as serde_json undoes them.
    #[cold]
    fn key_text(&self, start: usize, end: usize) -> R<String> {
        self.string_at(start, end, self.s.b[start..end].contains(&b'\\'))
    }

    /// An object of `rec`'s model; at its `{`. Known properties into their slots (an explicit
    /// `null` cleared and remembered in `nulls`), the others into `extra`, as `read::Fill`.
    fn object(&mut self, rec: &mut dyn Record, mut memo: Option<&mut Memo>) -> R {
        self.s.open()?;
        self.s.models += 1;
        if self.s.models > MAX_DEPTH {
            return Err(self.s.said(NESTING));
        }
        let table = rec.schema();
        let (mut next, mut n) = (0, 0);
        let mut c = self.s.next(EOF_OBJECT)?;
        if c != b'}' {
            loop {
                let (start, end, found) = self.key(c, table, n, next, &mut memo)?;
                n += 1;
                self.s.colon()?;
                // A field with no slot would be kept in `extra` (none has, as `model!` makes them).
                let read = match found.and_then(|(i, kind)| Some((i, kind, rec.slot(i)?))) {
                    Some((i, kind, slot)) => {
                        next = i + 1;
                        Some((i, self.value(kind, slot)?))
                    }
                    None => None,
                };
                match read {
                    Some((i, false)) => rec.nulls_mut().insert(i),
                    Some((_, true)) => {}
                    None => {
                        let key = self.key_text(start, end)?;
                        let value = self.any()?;
                        rec.extra_mut().insert(key, value);
                    }
                }
                match self.s.after_member()? {
                    Some(next) => c = next,
                    None => break,
                }
            }
        }
        self.s.close();
        self.s.models -= 1;
        Ok(())
    }

    /// A known property's value into `slot`; `false` when it was `null` (the slot cleared).
    #[inline(always)]
    fn value(&mut self, kind: Kind, slot: &mut dyn Slot) -> R<bool> {
        let c = self.s.next(EOF_VALUE)?;
        if c == b'n' {
            self.s.literal(b"null")?;
            slot.clear();
            return Ok(false);
        }
        match (kind, c) {
            (Kind::Str, b'"') => slot.set_str(self.string()?),
            (Kind::Bool, b't') => self.s.literal(b"true").map(|()| slot.set_bool(true))?,
            (Kind::Bool, b'f') => self.s.literal(b"false").map(|()| slot.set_bool(false))?,
            (Kind::Int, b'-' | b'0'..=b'9') => slot.set_int(self.int()?),
            (Kind::Float, b'-' | b'0'..=b'9') => slot.set_float(self.float()?),
            (Kind::Json, _) => slot.set_json(self.any()?),
            (Kind::Bytes, b'"') => slot.set_bytes(self.bytes()?),
            (Kind::Strings, b'[') => slot.set_strings(self.strings()?),
            (Kind::Values, b'[') => slot.set_values(self.by_serde()?),
            (Kind::Model, b'{') => self.object(slot.record().ok_or(Stop)?, None)?,
            (Kind::Models, b'[') => self.models(slot)?,
            _ => return Err(Stop),
        }
        Ok(true)
    }

    /// A string's text, after its opening quote is next: copied once, escapes undone by
    /// serde_json when there are any (rare in Graph's JSON).
    #[inline(always)]
    fn string(&mut self) -> R<String> {
        self.s.i += 1;
        let start = self.s.i;
        let flags = self.s.string()?;
        self.string_at(start, self.s.i - 1, flags & ESCAPED != 0)
    }

    fn string_at(&self, start: usize, end: usize, escaped: bool) -> R<String> {
        if escaped {
            return self.s.unescape(start, end).ok_or(Stop);
        }
        self.text.get(start..end).map(str::to_owned).ok_or(Stop)
    }

    /// An `Int`: the checker took only what `i64::deserialize` takes, whose value `str::parse`
    /// gives.
    fn int(&mut self) -> R<i64> {
        let start = self.s.i;
        self.s.number(true)?;
        self.text.get(start..self.s.i).and_then(|t| t.parse().ok()).ok_or(Stop)
    }

    /// A `Float`, by serde_json from its text: its integers, `-0` and rounding are its own.
    fn float(&mut self) -> R<f64> {
        let start = self.s.i;
        self.s.number(false)?;
        let text = self.text.get(start..self.s.i).ok_or(Stop)?;
        serde_json::from_str(text).map_err(|_| Stop)
    }

    /// A `Bytes` field, as `read::Base64`: the text, escapes undone, trimmed, decoded.
    fn bytes(&mut self) -> R<Vec<u8>> {
        let text = self.string()?;
        crate::base64::decode(text.trim()).map_err(|_| Stop)
    }

    /// A `Strings` field; at its `[`.
    fn strings(&mut self) -> R<Vec<String>> {
        self.s.open()?;
        let mut out = Vec::new();
        let mut c = self.s.next(EOF_LIST)?;
        if c != b']' {
            loop {
                if c != b'"' {
                    return Err(Stop);
                }
                out.push(self.string()?);
                match self.s.after_element()? {
                    Some(next) => c = next,
                    None => break,
                }
            }
        }
        self.s.close();
        Ok(out)
    }

    /// A list of models into `slot`; at its `[`. Each element is a new default model at the end
    /// of the list, as `read::List` makes it.
    fn models(&mut self, slot: &mut dyn Slot) -> R {
        self.s.open()?;
        slot.start_list();
        let mut memo: Memo = [0; 64];
        let mut c = self.s.next(EOF_LIST)?;
        if c != b']' {
            loop {
                if c != b'{' {
                    return Err(Stop);
                }
                self.object(slot.push().ok_or(Stop)?, Some(&mut memo))?;
                match self.s.after_element()? {
                    Some(next) => c = next,
                    None => break,
                }
            }
        }
        self.s.close();
        Ok(())
    }

    /// Any JSON value as `serde_json::Value` reads it. Strings and literals (an item's
    /// `@odata.etag`, mostly) are built here; anything else is checked, then read by serde_json
    /// from its span.
    fn any(&mut self) -> R<Value> {
        match self.s.next(EOF_VALUE)? {
            b'"' => self.string().map(Value::String),
            b't' => self.s.literal(b"true").map(|()| Value::Bool(true)),
            b'f' => self.s.literal(b"false").map(|()| Value::Bool(false)),
            b'n' => self.s.literal(b"null").map(|()| Value::Null),
            _ => self.by_serde(),
        }
    }

    /// The value next, checked by the scanner, then read by serde_json from its text.
    #[inline(never)]
    fn by_serde<T: serde::de::DeserializeOwned>(&mut self) -> R<T> {
        self.s.next(EOF_VALUE)?;
        let start = self.s.i;
        self.s.any()?;
        let text = self.text.get(start..self.s.i).ok_or(Stop)?;
        serde_json::from_str(text).map_err(|_| Stop)
    }

    /// A collection page; at its `{`. As `Page`'s `Deserialize`: `value` its items (required),
    /// the links and count (`null` is `None`), anything else into `extra`; a property read
    /// twice keeps its last value.
    fn page(&mut self, items: &mut dyn Slot, rest: &mut PageRest) -> R {
        self.s.open()?;
        let mut seen = false;
        let mut c = self.s.next(EOF_OBJECT)?;
        if c != b'}' {
            loop {
                let (start, end, found) = self.key(c, &PAGE, 0, 0, &mut None)?;
                self.s.colon()?;
                match found.map(|(i, _)| i) {
                    Some(0) => {
                        if self.s.next(EOF_VALUE)? != b'[' {
                            return Err(Stop);
                        }
                        self.models(items)?;
                        seen = true;
                    }
                    Some(1) => rest.next_link = self.link()?,
                    Some(2) => rest.delta_link = self.link()?,
                    Some(3) => {
                        rest.count = match self.s.next(EOF_VALUE)? {
                            b'n' => self.s.literal(b"null").map(|()| None)?,
                            b'-' | b'0'..=b'9' => Some(self.int()?),
                            _ => return Err(Stop),
                        }
                    }
                    Some(4) => rest.context = self.link()?,
                    _ => {
                        let key = self.key_text(start, end)?;
                        let value = self.any()?;
                        rest.extra.insert(key, value);
                    }
                }
                match self.s.after_member()? {
                    Some(next) => c = next,
                    None => break,
                }
            }
        }
        if !seen {
            return Err(Stop);
        }
        self.s.close();
        Ok(())
    }

    /// A page's link (or context): a string, or `null`.
    fn link(&mut self) -> R<Option<String>> {
        match self.s.next(EOF_VALUE)? {
            b'n' => self.s.literal(b"null").map(|()| None),
            b'"' => self.string().map(Some),
            _ => Err(Stop),
        }
    }
}
