//! Checking JSON text against a model's table in one pass over its bytes: what `decode::checked`
//! runs for bindings that hand Graph's JSON over as sent. serde_json's visitor machinery cost
//! more than V8's own `JSON.parse` of the same page in the npm package; this reads each byte
//! once, compares keys in place, copies no string and allocates nothing unless it refuses.
//!
//! It accepts exactly what the typed decoder (`model::read` over serde_json) accepts and, when
//! it refuses, names the same JSON path: serde_json's grammar and its checks of strings (control
//! characters, escapes, UTF-16 surrogate pairs, UTF-8), of numbers (an `Int` is what
//! `i64::deserialize` takes; any other number must be a finite `f64`), its recursion limit and
//! `MAX_DEPTH` for models. An error is attributed as serde_json attributes it: a property's
//! value, its colon included, under the property's key; an element, and the comma or bracket
//! before it, under its index; a key, or what follows a value, under the enclosing object.
//! Only the wording of the messages is its own.

use super::MAX_DEPTH;
use crate::error::Error;
use crate::model::schema::{Field, Kind, Schema};

/// serde_json refuses the 128th array or object nested in another.
const MAX_CONTAINERS: u32 = 128;

/// A page's links, as `PageRest::read` reads them.
#[derive(Debug, Default)]
pub(crate) struct Links {
    pub next_link: Option<String>,
    pub delta_link: Option<String>,
    pub count: Option<i64>,
}

/// Checks a JSON object of `table`'s model.
pub(crate) fn item(what: &str, table: &'static Schema, json: &[u8]) -> Result<(), Error> {
    let mut s = Scan::new(json);
    s.whole(table, Of::Model).map_err(|_| s.error(what))
}

/// Checks a collection page of `table`'s model: `value` a list of its objects (not `null`), the
/// OData annotations of their types, anything else any JSON.
pub(crate) fn page(what: &str, table: &'static Schema, json: &[u8]) -> Result<Links, Error> {
    let mut s = Scan::new(json);
    s.whole(&PAGE, Of::Page(table)).map_err(|_| s.error(what))?;
    let count = s.links[2].and_then(|(start, end)| std::str::from_utf8(&s.b[start..end]).ok()?.parse().ok());
    Ok(Links { next_link: s.text(s.links[0]), delta_link: s.text(s.links[1]), count })
}

/// What an object is read as.
#[derive(Clone, Copy)]
enum Of {
    Model,
    /// A page of objects of this table (`PAGE`).
    Page(&'static Schema),
    /// Part of any JSON value (`VALUE`).
    Value,
}

/// An object inside any JSON value: no property is known.
static VALUE: Schema = Schema { name: "JSON", fields: &[] };

/// A page's properties as a table, read by the one object reader; `value`, a list of objects
/// whose table is the page's items' (and, unlike a model's lists, not `null`), comes first.
static PAGE: Schema = Schema {
    name: "collection page",
    fields: &[
        Field { wire: b"value", kind: Kind::Models, nested: None },
        Field { wire: b"@odata.nextLink", kind: Kind::Str, nested: None },
        Field { wire: b"@odata.deltaLink", kind: Kind::Str, nested: None },
        Field { wire: b"@odata.count", kind: Kind::Int, nested: None },
        Field { wire: b"@odata.context", kind: Kind::Str, nested: None },
    ],
};

/// Why the text was refused: kept apart from the position until a message is wanted.
enum Why {
    Said(&'static str),
    /// What was expected instead of the value found.
    Type(&'static str),
    /// A model's object was expected.
    Object(&'static str),
    Text(String),
}

const EOF_VALUE: &str = "EOF while parsing a value";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_LIST: &str = "EOF while parsing a list";
const EOF_STRING: &str = "EOF while parsing a string";
const BAD_NUMBER: &str = "invalid number";

/// Refused: the reason and the path are in the `Scan`.
struct Stop;

type R<T = ()> = Result<T, Stop>;

enum Seg {
    /// A key, by its span in the text (inside the quotes; escapes undone only for the message).
    Key(usize, usize),
    Index(usize),
}

/// What a list holds.
#[derive(Clone, Copy)]
enum Item {
    Text,
    Any,
    Object(&'static Schema),
}

/// Where each property of the previous element of a list was in the table, by position: where
/// the lookup tries first for the next element (the items of a page all come in one order,
/// which is not always the model's: events). Entry `n` is the field's index plus one, 0 unknown.
type Memo = [u8; 64];

/// String flags: the text had escapes, or bytes beyond ASCII.
const ESCAPED: u8 = 1;
const WIDE: u8 = 2;

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    /// Arrays and objects open (serde_json's count toward its recursion limit).
    depth: u32,
    /// Model objects open (`MAX_DEPTH`).
    models: usize,
    at: usize,
    why: Why,
    /// Innermost first, filled while a refusal unwinds.
    path: Vec<Seg>,
    /// A page's next and delta links (inside their quotes) and count: the last of each read,
    /// `None` when `null`.
    links: [Option<(usize, usize)>; 3],
}

impl<'a> Scan<'a> {
    fn new(b: &'a [u8]) -> Self {
        Scan { b, i: 0, depth: 0, models: 0, at: 0, why: Why::Said(""), path: Vec::new(), links: [None; 3] }
    }

    #[cold]
    #[inline(never)]
    fn fail(&mut self, why: Why) -> Stop {
        self.at = self.i;
        self.why = why;
        Stop
    }

    #[cold]
    fn said(&mut self, what: &'static str) -> Stop {
        self.fail(Why::Said(what))
    }

    #[cold]
    fn at_key(&mut self, start: usize, end: usize) -> Stop {
        self.path.push(Seg::Key(start, end));
        Stop
    }

    #[cold]
    fn at_index(&mut self, n: usize) -> Stop {
        self.path.push(Seg::Index(n));
        Stop
    }

    /// The whole text: one object of `table`, then only whitespace.
    fn whole(&mut self, table: &'static Schema, of: Of) -> R {
        if self.next(EOF_VALUE)? != b'{' {
            return Err(self.fail(Why::Object(table.name)));
        }
        self.object(table, of, None)?;
        self.ws();
        if self.i < self.b.len() {
            return Err(self.said("trailing characters"));
        }
        Ok(())
    }

    #[inline(always)]
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips whitespace and gives the next byte (not consumed); at the end, refuses with `eof`.
    /// Whitespace is rare between tokens, and every byte above a space is not.
    #[inline(always)]
    fn next(&mut self, eof: &'static str) -> R<u8> {
        match self.peek() {
            Some(c) if c > b' ' => Ok(c),
            _ => self.next_after_space(eof),
        }
    }

    #[inline(never)]
    fn next_after_space(&mut self, eof: &'static str) -> R<u8> {
        self.ws();
        match self.peek() {
            Some(c) => Ok(c),
            None => Err(self.said(eof)),
        }
    }

    /// Enters the array or object whose bracket is next.
    #[inline(always)]
    fn open(&mut self) -> R {
        self.depth += 1;
        if self.depth >= MAX_CONTAINERS {
            return Err(self.said("recursion limit exceeded"));
        }
        self.i += 1;
        Ok(())
    }

    /// Leaves the array or object whose bracket is next.
    #[inline(always)]
    fn close(&mut self) {
        self.depth -= 1;
        self.i += 1;
    }

    #[inline(never)]
    fn literal(&mut self, word: &'static [u8]) -> R {
        if self.b.get(self.i..self.i + word.len()) != Some(word) {
            return Err(self.said("expected ident"));
        }
        self.i += word.len();
        Ok(())
    }

    /// After an object's member: `Some(next byte)` after a comma, `None` at the closing brace
    /// (not consumed).
    #[inline(always)]
    fn after_member(&mut self) -> R<Option<u8>> {
        match self.next(EOF_OBJECT)? {
            b',' => {
                self.i += 1;
                match self.next(EOF_OBJECT)? {
                    b'}' => Err(self.said("trailing comma")),
                    c => Ok(Some(c)),
                }
            }
            b'}' => Ok(None),
            _ => Err(self.said("expected `,` or `}`")),
        }
    }

    /// A property name, `c` its first byte: its span inside the quotes, and its string flags.
    #[inline(never)]
    fn key(&mut self, c: u8) -> R<(usize, usize, u8)> {
        if c != b'"' {
            return Err(self.said("key must be a string"));
        }
        self.i += 1;
        let start = self.i;
        let flags = self.string()?;
        Ok((start, self.i - 1, flags))
    }

    #[inline(always)]
    fn colon(&mut self) -> R {
        if self.next(EOF_OBJECT)? != b':' {
            return Err(self.said("expected `:`"));
        }
        self.i += 1;
        Ok(())
    }

    /// An object of `table`; at its `{`.
    fn object(&mut self, table: &'static Schema, of: Of, mut memo: Option<&mut Memo>) -> R {
        self.open()?;
        let model = matches!(of, Of::Model);
        self.models += usize::from(model);
        if self.models > MAX_DEPTH {
            self.i -= 1;
            return Err(self.said(NESTING));
        }
        let (mut next, mut n, mut seen) = (0, 0, false);
        let mut c = self.next(EOF_OBJECT)?;
        if c != b'}' {
            loop {
                let start = self.i + 1;
                let (end, found) = match self.known_key(c, table, n, next, memo.as_deref()) {
                    Some((end, i, kind)) => (end, Some((i, kind))),
                    None => {
                        let (start, end, flags) = self.key(c)?;
                        let b = self.b;
                        let found = if flags & ESCAPED == 0 {
                            lookup(table, &b[start..end], n, next, memo.as_deref_mut())
                        } else {
                            self.unescape(start, end).and_then(|k| table.find(k.as_bytes(), next))
                        };
                        (end, found)
                    }
                };
                n += 1;
                let read = match (found, of) {
                    (Some((i, _)), Of::Page(items)) => self.colon().and_then(|()| self.annotation(i, items, &mut seen)),
                    (Some((i, kind)), _) => {
                        next = i + 1;
                        let nested = table.fields.get(i).and_then(|f| f.nested);
                        self.colon().and_then(|()| self.value(kind, nested))
                    }
                    (None, _) => self.colon().and_then(|()| self.any()),
                };
                if read.is_err() {
                    return Err(self.at_key(start, end));
                }
                match self.after_member()? {
                    Some(next) => c = next,
                    None => break,
                }
            }
        }
        if matches!(of, Of::Page(_)) && !seen {
            return Err(self.said("missing field `value`"));
        }
        self.close();
        self.models -= usize::from(model);
        Ok(())
    }

    /// A page's property `i` of `PAGE`: its items (`seen` then), or a link or count to keep.
    #[inline(never)]
    fn annotation(&mut self, i: usize, items: &'static Schema, seen: &mut bool) -> R {
        let c = self.next(EOF_VALUE)?;
        let start = self.i;
        match (i, c) {
            (0, b'[') => {
                *seen = true;
                return self.list(Item::Object(items));
            }
            (0, _) => return Err(self.fail(Why::Type("a sequence"))),
            (_, b'n') => self.literal(b"null")?,
            (3, b'-' | b'0'..=b'9') => self.number(true)?,
            (3, _) => return Err(self.fail(Why::Type("i64"))),
            (_, b'"') => {
                self.i += 1;
                self.string()?;
            }
            _ => return Err(self.fail(Why::Type("a string"))),
        }
        let quoted = usize::from(c == b'"');
        if let Some(link) = self.links.get_mut(i - 1) {
            *link = (c != b'n').then_some((start + quoted, self.i - quoted));
        }
        Ok(())
    }

    /// The property name whose quote `c` is, when it is the name of the field after the previous
    /// property's (`next`) or of the field the `n`th property of the list's previous element
    /// had: compared in place, and consumed. Field names are identifiers in camelCase or
    /// `@odata.type`: no escapes, quotes or control characters, so that text followed by a quote
    /// is that string. Its end, and the field's index and kind.
    #[inline(always)]
    fn known_key(
        &mut self,
        c: u8,
        table: &Schema,
        n: usize,
        next: usize,
        memo: Option<&Memo>,
    ) -> Option<(usize, usize, Kind)> {
        if c != b'"' {
            return None;
        }
        let start = self.i + 1;
        let mut i = next;
        let mut remembered = memo.and_then(|m| m.get(n)).map(|&f| usize::from(f));
        loop {
            if let Some((end, kind)) = named(self.b, start, table, i) {
                self.i = end + 1;
                return Some((end, i, kind));
            }
            i = remembered.take()?.checked_sub(1)?;
        }
    }

    /// A known property's value: `null`, or one of its kind.
    #[inline(always)]
    fn value(&mut self, kind: Kind, nested: Option<fn() -> &'static Schema>) -> R {
        let c = self.next(EOF_VALUE)?;
        if c == b'n' {
            return self.literal(b"null");
        }
        match (kind, c, nested) {
            (Kind::Str, b'"', _) => {
                self.i += 1;
                self.string().map(drop)
            }
            (Kind::Bool, b't', _) => self.literal(b"true"),
            (Kind::Bool, b'f', _) => self.literal(b"false"),
            (Kind::Int, b'-' | b'0'..=b'9', _) => self.number(true),
            (Kind::Float, b'-' | b'0'..=b'9', _) => self.number(false),
            (Kind::Json, _, _) => self.any(),
            (Kind::Bytes, b'"', _) => self.base64(),
            (Kind::Strings, b'[', _) => self.list(Item::Text),
            (Kind::Values, b'[', _) => self.list(Item::Any),
            (Kind::Model, b'{', Some(table)) => self.object(table(), Of::Model, None),
            (Kind::Models, b'[', Some(table)) => self.list(Item::Object(table())),
            (Kind::Model | Kind::Models, _, None) => Err(self.said("not a model field")),
            _ => Err(self.fail(Why::Type(expected(kind)))),
        }
    }

    /// A list of `item`s; at its `[`. Each element's refusal, and that of the comma or bracket
    /// before it, carries its index.
    fn list(&mut self, item: Item) -> R {
        self.open()?;
        let mut memo: Memo = [0; 64];
        let mut n = 0;
        let mut c = self.next(EOF_LIST).map_err(|_| self.at_index(n))?;
        if c != b']' {
            loop {
                let read = match (item, c) {
                    (Item::Text, b'"') => {
                        self.i += 1;
                        self.string().map(drop)
                    }
                    (Item::Any, _) => self.any(),
                    (Item::Object(table), b'{') => self.object(table, Of::Model, Some(&mut memo)),
                    (Item::Object(table), _) => Err(self.fail(Why::Object(table.name))),
                    (Item::Text, _) => Err(self.fail(Why::Type("a string"))),
                };
                if read.is_err() {
                    return Err(self.at_index(n));
                }
                n += 1;
                match self.after_element() {
                    Ok(Some(next)) => c = next,
                    Ok(None) => break,
                    Err(_) => return Err(self.at_index(n)),
                }
            }
        }
        self.close();
        Ok(())
    }

    /// After a list's element: `Some(next byte)` after a comma, `None` at the closing bracket
    /// (not consumed). A refusal here belongs to the next element's index.
    #[inline(always)]
    fn after_element(&mut self) -> R<Option<u8>> {
        match self.next(EOF_LIST)? {
            b',' => {
                self.i += 1;
                match self.next(EOF_VALUE)? {
                    b']' => Err(self.said("trailing comma")),
                    c => Ok(Some(c)),
                }
            }
            b']' => Ok(None),
            _ => Err(self.said("expected `,` or `]`")),
        }
    }

    /// Any JSON value (an unknown property's, a `Json` or `Values` field's), as
    /// `serde_json::Value` reads it: its objects by the one object reader, with no known
    /// property. No path inside: the typed decoder records none there.
    #[inline(never)]
    fn any(&mut self) -> R {
        let read = match self.next(EOF_VALUE)? {
            b'"' => {
                self.i += 1;
                self.string().map(drop)
            }
            b'-' | b'0'..=b'9' => self.number(false),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'{' => self.object(&VALUE, Of::Value, None),
            b'[' => self.list(Item::Any),
            _ => Err(self.said("expected value")),
        };
        if read.is_err() {
            // Refused inside: what was recorded on the way out is all inside this value.
            self.path.clear();
        }
        read
    }

    /// A string's text after its opening quote, through the closing one: serde_json's checks
    /// when it reads a `str` (no control characters, valid escapes, paired surrogates, UTF-8).
    /// Eight bytes at a time while none needs a look.
    #[inline(never)]
    fn string(&mut self) -> R<u8> {
        let b = self.b;
        let start = self.i;
        let mut i = start;
        let mut seen = 0u64;
        let mut flags = 0;
        loop {
            let c = loop {
                if let Some(chunk) = b.get(i..i + 8) {
                    let w = word(chunk);
                    let m = notable(w);
                    if m == 0 {
                        seen |= w;
                        i += 8;
                        continue;
                    }
                    // The lowest flagged byte is the first that needs a look.
                    let k = m.trailing_zeros() / 8;
                    seen |= w & ((1 << (8 * k)) - 1);
                    i += k as usize;
                    break b[i];
                }
                match b.get(i) {
                    Some(&c) if c >= 0x20 && c != b'"' && c != b'\\' => {
                        seen |= u64::from(c);
                        i += 1;
                    }
                    Some(&c) => break c,
                    None => {
                        self.i = i;
                        return Err(self.said(EOF_STRING));
                    }
                }
            };
            match c {
                b'"' => break,
                b'\\' => {
                    flags |= ESCAPED;
                    self.i = i + 1;
                    self.escape()?;
                    i = self.i;
                }
                _ => {
                    self.i = i;
                    return Err(self.said("control character (\\u0000-\\u001F) found while parsing a string"));
                }
            }
        }
        if seen & HIGH != 0 {
            flags |= WIDE;
            if let Err(e) = std::str::from_utf8(&b[start..i]) {
                self.i = start + e.valid_up_to();
                return Err(self.said("invalid unicode code point"));
            }
        }
        self.i = i + 1;
        Ok(flags)
    }

    /// One escape, after its backslash.
    fn escape(&mut self) -> R {
        let Some(&c) = self.b.get(self.i) else {
            return Err(self.said(EOF_STRING));
        };
        self.i += 1;
        match c {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(()),
            b'u' => match self.hex()? {
                0xDC00..=0xDFFF => Err(self.said("lone leading surrogate in hex escape")),
                0xD800..=0xDBFF => {
                    if self.b.get(self.i..self.i + 2) != Some(b"\\u") {
                        self.i += 1;
                        return Err(self.said("unexpected end of hex escape"));
                    }
                    self.i += 2;
                    match self.hex()? {
                        0xDC00..=0xDFFF => Ok(()),
                        _ => Err(self.said("lone leading surrogate in hex escape")),
                    }
                }
                _ => Ok(()),
            },
            _ => Err(self.said("invalid escape")),
        }
    }

    fn hex(&mut self) -> R<u32> {
        let Some(digits) = self.b.get(self.i..self.i + 4) else {
            self.i = self.b.len();
            return Err(self.said(EOF_STRING));
        };
        let mut n = 0;
        for &d in digits {
            let Some(v) = char::from(d).to_digit(16) else {
                return Err(self.said("invalid escape"));
            };
            n = n << 4 | v;
        }
        self.i += 4;
        Ok(n)
    }

    /// An integer part: no leading zero. Its value (saturated at `u64::MAX`, with whether it
    /// was) and its count of digits (0 for a lone `0`).
    #[inline(always)]
    fn digits(&mut self) -> R<(u64, usize, bool)> {
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.said(BAD_NUMBER));
                }
                Ok((0, 0, false))
            }
            Some(b'1'..=b'9') => {
                let start = self.i;
                let (mut n, mut over) = (0u64, false);
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    match n.checked_mul(10).and_then(|n| n.checked_add(u64::from(d - b'0'))) {
                        Some(m) => n = m,
                        None => over = true,
                    }
                    self.i += 1;
                }
                Ok((n, self.i - start, over))
            }
            Some(_) => Err(self.said(BAD_NUMBER)),
            None => Err(self.said(EOF_VALUE)),
        }
    }

    /// A JSON number. Any: serde_json refuses those beyond `f64`'s range. An `int`: what
    /// `i64::deserialize` takes (no fraction, no exponent, in range, not `-0`, which serde_json
    /// reads as a float).
    #[inline(never)]
    fn number(&mut self, int: bool) -> R {
        let start = self.i;
        let negative = self.peek() == Some(b'-');
        self.i += usize::from(negative);
        let (n, whole, over) = self.digits()?;
        if int {
            if let Some(b'.' | b'e' | b'E') = self.peek() {
                self.i = start;
                return Err(self.fail(Why::Type("i64")));
            }
            let fits = !over && if negative { n != 0 && n <= 1 << 63 } else { n <= i64::MAX as u64 };
            if !fits {
                self.i = start;
                return Err(self.said("invalid value: integer out of range for i64, or not an integer"));
            }
            return Ok(());
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            self.fraction()?;
        }
        let mut exponent = 0i64;
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let negative = self.peek() == Some(b'-');
            if let Some(b'-' | b'+') = self.peek() {
                self.i += 1;
            }
            let from = self.i;
            self.fraction()?;
            exponent = self.b[from..self.i].iter().fold(0i64, |e, d| (e * 10 + i64::from(d - b'0')).min(1 << 32));
            if negative {
                exponent = -exponent;
            }
        }
        // Below 10^300 whatever the digits; nearer the edge of f64, serde_json itself says.
        if whole as i64 + exponent > 300 && self.too_big(start) {
            self.i = start;
            return Err(self.said("number out of range"));
        }
        Ok(())
    }

    /// One digit or more.
    fn fraction(&mut self) -> R {
        let from = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        if self.i == from {
            return Err(self.said(if self.peek().is_some() { BAD_NUMBER } else { EOF_VALUE }));
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn too_big(&self, start: usize) -> bool {
        let text = std::str::from_utf8(&self.b[start..self.i]).unwrap_or("x");
        serde_json::from_str::<f64>(text).is_err()
    }

    /// A `Bytes` field: base64 text, as `base64::decode(text.trim())` takes it.
    #[inline(never)]
    fn base64(&mut self) -> R {
        self.i += 1;
        let start = self.i;
        let flags = self.string()?;
        let end = self.i - 1;
        if flags == 0 && is_base64(self.b[start..end].trim_ascii()) {
            return Ok(());
        }
        self.base64_slow(start, end)
    }

    /// Escaped, wide or refused base64: the text, its escapes undone, through `base64::decode`.
    #[cold]
    #[inline(never)]
    fn base64_slow(&mut self, start: usize, end: usize) -> R {
        let text = self.text(Some((start, end))).unwrap_or_default();
        match crate::base64::decode(text.trim()) {
            Ok(_) => Ok(()),
            Err(e) => {
                self.i = start;
                Err(self.fail(Why::Text(e.to_string())))
            }
        }
    }

    /// A string's text (its span inside the quotes), escapes undone.
    #[inline(never)]
    fn text(&self, span: Option<(usize, usize)>) -> Option<String> {
        let (start, end) = span?;
        let raw = &self.b[start..end];
        if raw.contains(&b'\\') {
            self.unescape(start, end)
        } else {
            std::str::from_utf8(raw).ok().map(str::to_string)
        }
    }

    /// The text of a string with escapes, read by serde_json (rare: keys and links are plain).
    #[cold]
    fn unescape(&self, start: usize, end: usize) -> Option<String> {
        let quoted = std::str::from_utf8(&self.b[start - 1..end + 1]).ok()?;
        serde_json::from_str(quoted).ok()
    }

    /// The refusal, with its path and position.
    #[cold]
    #[inline(never)]
    fn error(&self, what: &str) -> Error {
        let mut path = String::new();
        for seg in self.path.iter().rev() {
            match *seg {
                Seg::Key(start, end) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&self.text(Some((start, end))).unwrap_or_default());
                }
                Seg::Index(n) => {
                    path.push('[');
                    path.push_str(&n.to_string());
                    path.push(']');
                }
            }
        }
        let found = || match self.b.get(self.at) {
            Some(b'"') => "string",
            Some(b'[') => "sequence",
            Some(b'{') => "map",
            Some(b't' | b'f') => "boolean",
            Some(b'n') => "null",
            Some(b'-' | b'0'..=b'9') => "number",
            _ => "something else",
        };
        let said = match &self.why {
            Why::Said(s) => s.to_string(),
            Why::Text(s) => s.clone(),
            Why::Type(want) => format!("invalid type: {}, expected {want}", found()),
            Why::Object(name) => format!("invalid type: {}, expected a {name} object", found()),
        };
        let before = &self.b[..self.at.min(self.b.len())];
        let line = 1 + before.iter().filter(|&&c| c == b'\n').count();
        let column = before.len() - before.iter().rposition(|&c| c == b'\n').map_or(0, |n| n + 1) + 1;
        Error::decode(what, path, format_args!("{said} at line {line} column {column}"))
    }
}

const NESTING: &str = "nesting deeper than 64 levels (recursion limit)";
const _: () = assert!(MAX_DEPTH == 64, "NESTING names the limit");

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each of eight bytes that is a quote, a backslash or a control character: the
/// classic "has a zero byte" test on `w ^ quote`, `w ^ backslash` and `w - 0x20`, sharing its
/// last step (`& !x` keeps the same high bits for `w` and for `w` xor an ASCII byte). Exact for
/// the lowest flagged byte, which is all that is asked (one above it may be flagged wrongly).
#[inline(always)]
fn notable(w: u64) -> u64 {
    let quote = (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let slash = (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    let control = w.wrapping_sub(ONES * 0x20);
    (quote | slash | control) & !w & HIGH
}

#[inline(always)]
fn half(chunk: &[u8]) -> u32 {
    // Not `copy_from_slice`: built for size, that is a call and a `memory.copy` per word in wasm.
    <[u8; 4]>::try_from(chunk).map_or(0, u32::from_le_bytes)
}

#[inline(always)]
fn word(chunk: &[u8]) -> u64 {
    <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes)
}

/// What a known property of `kind` must be, for the message.
fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Str | Kind::Bytes => "a string",
        Kind::Bool => "a boolean",
        Kind::Int => "i64",
        Kind::Float => "f64",
        Kind::Strings | Kind::Values => "a sequence",
        Kind::Model => "an object",
        Kind::Models => "a list of objects",
        Kind::Json => "a value",
    }
}

/// Whether the text from `start` is field `i`'s name and its closing quote: its end and kind.
/// All in line, with no call: the npm package's wasm is built for size, which calls the small
/// functions that a build for speed would inline (`Schema::at`), at twice the cost.
#[inline(always)]
fn named(b: &[u8], start: usize, table: &Schema, i: usize) -> Option<(usize, Kind)> {
    let field = table.fields.get(i)?;
    let n = field.wire.len();
    let end = start + n;
    if b.get(end) != Some(&b'"') {
        return None;
    }
    let (key, wire) = (b.get(start..end)?, field.wire);
    let same = if n >= 8 {
        let mut at = 0;
        while at + 8 < n && word(&key[at..at + 8]) == word(&wire[at..at + 8]) {
            at += 8;
        }
        at + 8 >= n && word(&key[n - 8..]) == word(&wire[n - 8..])
    } else if n >= 4 {
        half(&key[..4]) == half(&wire[..4]) && half(&key[n - 4..]) == half(&wire[n - 4..])
    } else {
        let mut at = 0;
        while at < n && key[at] == wire[at] {
            at += 1;
        }
        at == n
    };
    same.then_some((end, field.kind))
}

/// The field named `key`, the `n`th property of its object, when it was not where `known_key`
/// looked: in the whole table from `next` on, remembered for the list's next element.
#[inline(never)]
fn lookup(table: &Schema, key: &[u8], n: usize, next: usize, memo: Option<&mut Memo>) -> Option<(usize, Kind)> {
    let found = table.find(key, next);
    if let Some(slot) = memo.and_then(|m| m.get_mut(n)) {
        *slot = found.and_then(|(i, _)| u8::try_from(i + 1).ok()).unwrap_or(0);
    }
    found
}

/// Standard padded base64 with no bits left over: what `base64::decode` takes, without decoding.
fn is_base64(b: &[u8]) -> bool {
    if b.len() % 4 != 0 {
        return false;
    }
    let pad = b.iter().rev().take(2).take_while(|&&c| c == b'=').count();
    let body = &b[..b.len() - pad];
    let symbol = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    if !body.iter().all(|&c| symbol(c).is_some()) {
        return false;
    }
    let last = body.last().and_then(|&c| symbol(c)).unwrap_or(0);
    match body.len() % 4 {
        0 => true,
        2 => last & 0xF == 0,
        3 => last & 0x3 == 0,
        _ => false,
    }
}

pub(crate) mod fill;

#[cfg(test)]
mod tests;
