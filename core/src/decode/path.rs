//! The JSON path of a decode error ("value[1].from.emailAddress.address").
//!
//! Each model's deserializer records its own key (and each sequence its index) while an error
//! travels up, so the path costs nothing when decoding succeeds. Wrapping every deserializer
//! instead (serde_path_to_error) instantiated each model's decoder once more, which was the
//! largest single part of the npm package's wasm.

use std::cell::RefCell;

enum Segment {
    Key(String),
    Index(usize),
}

thread_local! {
    // Innermost segment first: they are pushed as the error unwinds.
    static PATH: RefCell<Vec<Segment>> = const { RefCell::new(Vec::new()) };
}

/// Forgets any earlier path; called before each decode.
pub(crate) fn begin() {
    PATH.with(|p| p.borrow_mut().clear());
}

/// The recorded path, outermost first, and forgets it. Empty when the whole body was wrong.
pub(crate) fn take() -> String {
    let segments = PATH.with(|p| std::mem::take(&mut *p.borrow_mut()));
    let mut out = String::new();
    for s in segments.iter().rev() {
        match s {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// Records that the error passing by happened under property `key`; gives the error back.
pub fn at_key<E>(key: &str, e: E) -> E {
    push(Segment::Key(key.to_string()));
    e
}

/// Records that the error passing by happened at array index `i`; gives the error back.
pub fn at_index<E>(i: usize, e: E) -> E {
    push(Segment::Index(i));
    e
}

fn push(s: Segment) {
    PATH.with(|p| {
        let mut p = p.borrow_mut();
        // Paths are at most ~130 segments deep (decode refuses nesting past 64). More means errors
        // of decodes that never called `begin` (serde used directly): forget those.
        if p.len() >= 256 {
            p.clear();
        }
        p.push(s);
    });
}

/// A `Vec<T>` whose elements' errors carry their index.
pub struct Seq<T>(pub Vec<T>);

impl<T> Default for Seq<T> {
    fn default() -> Self {
        Seq(Vec::new())
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Seq<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Seq<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Seq<T>, A::Error> {
                // Capped: the length hint comes from the input.
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
                loop {
                    match seq.next_element::<T>() {
                        Ok(Some(v)) => out.push(v),
                        Ok(None) => return Ok(Seq(out)),
                        Err(e) => return Err(at_index(out.len(), e)),
                    }
                }
            }
        }
        d.deserialize_seq(Visit(std::marker::PhantomData))
    }
}
