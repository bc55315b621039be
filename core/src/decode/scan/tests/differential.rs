//! The scanner and the typed decoder on the Graph docs' examples (the core's test fixtures),
//! mutated: values swapped for wrong kinds, nulls, edge numbers, escapes, bad base64, other
//! parts of the document; keys renamed, escaped, dropped, repeated; values nested deeper than
//! the limits; then the text cut short or salted with garbage bytes and invalid UTF-8. Both must
//! accept the same documents, refuse the same ones at the same path, and read the same links.

use super::{scanned, typed, Every, Read};
use crate::model::schema::{HasSchema, Schema};
use crate::model::{Attachment, ConversationThread, DriveItem, Event, Group, MailboxSettings, Message, Post};
use proptest::prelude::*;
use serde_json::Value;

/// A docs example and what it is read as.
pub(super) struct Case {
    pub(super) file: &'static str,
    pub(super) page: bool,
    pub(super) table: fn() -> &'static Schema,
    typed: fn(bool, &[u8]) -> Result<Read, String>,
}

macro_rules! case {
    ($file:expr, $page:expr, $model:ty) => {
        Case { file: $file, page: $page, table: <$model as HasSchema>::table, typed: typed::<$model> }
    };
}

pub(super) const CASES: &[Case] = &[
    case!("list_posts.json", true, Post),
    case!("get_post.json", false, Post),
    case!("get_post_attachment.json", false, Attachment),
    case!("list_post_attachments.json", true, Attachment),
    case!("list_group_threads.json", true, ConversationThread),
    case!("list_groups.json", true, Group),
    case!("get_group.json", false, Group),
    case!("calendar/list_events.json", true, Event),
    case!("calendar/get_event.json", false, Event),
    case!("mail/list_messages.json", true, Message),
    case!("mail/get_message.json", false, Message),
    case!("mail/get_mailbox_settings.json", false, MailboxSettings),
    case!("delta/sync_messages.json", true, Message),
    case!("files/get_drive_item.json", false, DriveItem),
    case!("every", false, Every),
    case!("every page", true, Every),
];

/// Every kind, twice nested, for the model no docs example has.
const EVERY: &str = r#"{"str":"s","flag":true,"int":-3,"float":2.5e3,"json":{"a":[1,null]},"bytes":"aGk=",
    "strings":["a"],"values":[1,"b",{}],"model":{"int":1,"model":{"str":null}},"models":[{"flag":false},{"bytes":""}],
    "other":{"x":[true]}}"#;

pub(super) fn source(case: &Case) -> Value {
    let text = match case.file {
        "every" => EVERY.to_string(),
        "every page" => format!(r#"{{"value":[{EVERY},{EVERY}],"@odata.nextLink":"n","@odata.count":2}}"#),
        file => std::fs::read_to_string(format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| panic!("{file}: {e}")),
    };
    serde_json::from_str(&text).expect("the fixtures are JSON")
}

/// A document whose leaves and keys are raw text, so that it can hold what no `Value` can.
#[derive(Clone, Debug)]
enum Doc {
    Raw(Vec<u8>),
    List(Vec<Doc>),
    Map(Vec<(Vec<u8>, Doc)>),
}

impl Doc {
    fn of(v: &Value) -> Doc {
        match v {
            Value::Array(items) => Doc::List(items.iter().map(Doc::of).collect()),
            Value::Object(map) => {
                Doc::Map(map.iter().map(|(k, v)| (serde_json::to_vec(k).expect("a key"), Doc::of(v))).collect())
            }
            leaf => Doc::Raw(serde_json::to_vec(leaf).expect("a leaf")),
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Doc::Raw(text) => out.extend_from_slice(text),
            Doc::List(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    item.write(out);
                }
                out.push(b']');
            }
            Doc::Map(members) => {
                out.push(b'{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(key);
                    out.push(b':');
                    value.write(out);
                }
                out.push(b'}');
            }
        }
    }

    fn size(&self) -> usize {
        1 + match self {
            Doc::Raw(_) => 0,
            Doc::List(items) => items.iter().map(Doc::size).sum(),
            Doc::Map(members) => members.iter().map(|(_, v)| v.size()).sum(),
        }
    }

    /// The `n`th node in document order (0 is the whole document).
    fn node(&mut self, n: usize) -> Option<&mut Doc> {
        if n == 0 {
            return Some(self);
        }
        let mut n = n - 1;
        let children: Vec<&mut Doc> = match self {
            Doc::Raw(_) => return None,
            Doc::List(items) => items.iter_mut().collect(),
            Doc::Map(members) => members.iter_mut().map(|(_, v)| v).collect(),
        };
        for child in children {
            let size = child.size();
            if n < size {
                return child.node(n);
            }
            n -= size;
        }
        None
    }

    /// The `n`th leaf (a number, string, `true`, `false` or `null`) in document order, modulo
    /// their count.
    fn leaf(&mut self, n: usize) -> Option<&mut Vec<u8>> {
        let mut leaves = Vec::new();
        self.leaves(&mut leaves);
        let count = leaves.len();
        leaves.into_iter().nth(n % count.max(1))
    }

    fn leaves<'a>(&'a mut self, out: &mut Vec<&'a mut Vec<u8>>) {
        match self {
            Doc::Raw(text) => out.push(text),
            Doc::List(items) => items.iter_mut().for_each(|i| i.leaves(out)),
            Doc::Map(members) => members.iter_mut().for_each(|(_, v)| v.leaves(out)),
        }
    }

    fn keys(&self, out: &mut Vec<Vec<u8>>) {
        match self {
            Doc::Raw(_) => {}
            Doc::List(items) => items.iter().for_each(|i| i.keys(out)),
            Doc::Map(members) => members.iter().for_each(|(k, v)| {
                out.push(k.clone());
                v.keys(out);
            }),
        }
    }
}

/// Values put where others were.
const TOKENS: &[&[u8]] = &[
    b"null",
    b"true",
    b"false",
    b"0",
    b"-0",
    b"1",
    b"-1",
    b"1.0",
    b"1e2",
    b"1E+2",
    b"-1.5e-3",
    b"9223372036854775807",
    b"9223372036854775808",
    b"-9223372036854775808",
    b"-9223372036854775809",
    b"18446744073709551616",
    b"1e308",
    b"1e309",
    b"1.7976931348623157e308",
    b"1.7976931348623159e308",
    b"-1e400",
    b"1e-400",
    b"0e999999",
    b"01",
    b"1.",
    b".5",
    b"-",
    b"+1",
    b"1e+",
    br#""""#,
    br#""x""#,
    br#""aGVsbG8=""#,
    br#"" aGVsbG8= ""#,
    br#""aGVsbG8""#,
    br#""aGVsbG9=""#,
    br#""\u0061GVsbG8=""#,
    br#""\naGVsbG8=""#,
    br#""\u00a0aGVsbG8=""#,
    br#""\ud83d\ude00""#,
    br#""\ud800""#,
    br#""\udc00""#,
    br#""\ud800\u0041""#,
    br#""\x""#,
    br#""\u12G4""#,
    br#""a\u0000b""#,
    br#""\/\"\\\b\f\n\r\t""#,
    b"\"a\x01b\"",
    b"\"\xff\"",
    b"\"\xc3\x28\"",
    b"\"\xed\xa0\x80\"",
    "\"é 日本 😀\"".as_bytes(),
    br#""2025-01-01T00:00:00Z""#,
    b"[]",
    b"{}",
    b"[1,2]",
    br#"["a","b"]"#,
    br#"["a",1]"#,
    b"[null]",
    b"[{}]",
    br#"[{"id":"x"}]"#,
    br#"{"id":"x"}"#,
    br#"{"id":1}"#,
    br#"{"emailAddress":{"address":7}}"#,
    b"[1,]",
    br#"{"a":1,}"#,
    br#"{"a" 1}"#,
    b"[1 2]",
    b"tru",
    b"nul",
    br#""abc"#,
    b" \n\t1\r ",
];

/// Numbers put where numbers were (mostly where an `Int` or a `Float` goes).
const NUMBERS: &[&[u8]] = &[
    b"-0",
    b"0",
    b"1.0",
    b"1e2",
    b"-1",
    b"9223372036854775807",
    b"9223372036854775808",
    b"-9223372036854775808",
    b"-9223372036854775809",
    b"18446744073709551615",
    b"1e308",
    b"1e309",
    b"-1e400",
    b"1e-400",
    b"01",
    b"1.",
    b"\"1\"",
    b"true",
    b"null",
];

/// Keys put where others were; plus those of the document itself.
const KEYS: &[&[u8]] = &[
    br#""id""#,
    br#""\u0069d""#,
    br#""value""#,
    br#""\u0076alue""#,
    br#""@odata.nextLink""#,
    br#""@odata.deltaLink""#,
    br#""@odata.count""#,
    br#""@odata.context""#,
    br#""@odata.type""#,
    br#""other""#,
    br#""inReplyTo""#,
    br#""from""#,
    br#""attachments""#,
    br#""contentBytes""#,
    br#""size""#,
    br#""start""#,
    br#""model""#,
    br#""models""#,
    br#""\ud800""#,
    b"\"\xff\"",
    b"id",
    b"\"id",
];

/// Bytes put anywhere in the text.
const GARBAGE: &[&[u8]] =
    &[b",", b"]", b"}", b"[", b"{", b":", b"\"", b"\\", b"\x00", b"\xff", b"\xc3", b"\xe2\x82", b" ", b"x"];

/// One change to the document, its numbers taken modulo what they pick from.
#[derive(Clone, Debug)]
pub(super) enum Change {
    Token(usize, usize),
    Leaf(usize, usize),
    Copy(usize, usize),
    Nest(usize, usize, bool, usize),
    RenameKey(usize, usize, usize),
    Drop(usize, usize),
    Repeat(usize, usize),
}

/// A change to the text once written.
#[derive(Clone, Debug)]
pub(super) enum Cut {
    None,
    Truncate(usize),
    Insert(usize, usize),
    Replace(usize, u8),
}

pub(super) fn change() -> impl Strategy<Value = Change> {
    let n = || any::<usize>();
    prop_oneof![
        4 => (n(), n()).prop_map(|(a, b)| Change::Token(a, b)),
        4 => (n(), n()).prop_map(|(a, b)| Change::Leaf(a, b)),
        2 => (n(), n()).prop_map(|(a, b)| Change::Copy(a, b)),
        1 => (n(), prop_oneof![55..70usize, 118..130usize], any::<bool>(), n()).prop_map(|(a, d, m, k)| Change::Nest(a, d, m, k)),
        2 => (n(), n(), n()).prop_map(|(a, b, c)| Change::RenameKey(a, b, c)),
        1 => (n(), n()).prop_map(|(a, b)| Change::Drop(a, b)),
        1 => (n(), n()).prop_map(|(a, b)| Change::Repeat(a, b)),
    ]
}

pub(super) fn cut() -> impl Strategy<Value = Cut> {
    prop_oneof![
        6 => Just(Cut::None),
        1 => any::<usize>().prop_map(Cut::Truncate),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Cut::Insert(a, b)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Cut::Replace(a, b)),
    ]
}

fn apply(doc: &mut Doc, change: &Change, keys: &[Vec<u8>]) {
    let size = doc.size();
    match *change {
        Change::Token(at, t) => {
            if let Some(node) = doc.node(at % size) {
                *node = Doc::Raw(TOKENS[t % TOKENS.len()].to_vec());
            }
        }
        Change::Leaf(at, t) => {
            if let Some(leaf) = doc.leaf(at) {
                let number = matches!(leaf.first(), Some(b'-' | b'0'..=b'9'));
                let string = leaf.first() == Some(&b'"');
                *leaf = match (number, string) {
                    (true, _) => NUMBERS[t % NUMBERS.len()].to_vec(),
                    (_, true) => TOKENS[29 + t % (TOKENS.len() - 29)].to_vec(),
                    _ => TOKENS[t % TOKENS.len()].to_vec(),
                };
            }
        }
        Change::Copy(from, to) => {
            let Some(copy) = doc.node(from % size).map(|n| n.clone()) else { return };
            if let Some(node) = doc.node(to % size) {
                *node = copy;
            }
        }
        Change::Nest(at, depth, map, key) => {
            if let Some(node) = doc.node(at % size) {
                let mut inner = std::mem::replace(node, Doc::Raw(vec![]));
                for _ in 0..depth {
                    inner = if map {
                        Doc::Map(vec![(keys[key % keys.len()].clone(), inner)])
                    } else {
                        Doc::List(vec![inner])
                    };
                }
                *node = inner;
            }
        }
        Change::RenameKey(at, which, key) => {
            if let Some(Doc::Map(members)) = doc.node(at % size) {
                let n = members.len();
                if let Some((k, _)) = members.get_mut(which % n.max(1)) {
                    *k = keys[key % keys.len()].clone();
                }
            }
        }
        Change::Drop(at, which) => match doc.node(at % size) {
            Some(Doc::Map(members)) if !members.is_empty() => {
                let n = members.len();
                members.remove(which % n);
            }
            Some(Doc::List(items)) if !items.is_empty() => {
                let n = items.len();
                items.remove(which % n);
            }
            _ => {}
        },
        Change::Repeat(at, which) => match doc.node(at % size) {
            Some(Doc::Map(members)) if !members.is_empty() => {
                let n = members.len();
                let m = members[which % n].clone();
                members.push(m);
            }
            Some(Doc::List(items)) if !items.is_empty() => {
                let n = items.len();
                let m = items[which % n].clone();
                items.insert(which % n, m);
            }
            _ => {}
        },
    }
}

pub(super) fn mutate(case: &Case, changes: &[Change], cut: &Cut) -> Vec<u8> {
    let mut doc = Doc::of(&source(case));
    let mut keys: Vec<Vec<u8>> = KEYS.iter().map(|k| k.to_vec()).collect();
    doc.keys(&mut keys);
    for c in changes {
        apply(&mut doc, c, &keys);
    }
    let mut text = Vec::new();
    doc.write(&mut text);
    let len = text.len().max(1);
    match *cut {
        Cut::None => {}
        Cut::Truncate(at) => text.truncate(at % len),
        Cut::Insert(at, g) => {
            let at = at % len;
            text.splice(at..at, GARBAGE[g % GARBAGE.len()].iter().copied());
        }
        Cut::Replace(at, b) => text[at % len] = b,
    }
    text
}

/// Both readers on one text; they must agree. Run on a big stack: the typed decoder's deepest
/// documents take more than a test thread's in a debug build.
fn agree(case: &'static Case, text: Vec<u8>) -> Result<(), String> {
    std::thread::Builder::new()
        .stack_size(32 << 20)
        .spawn(move || {
            let scanned = scanned((case.table)(), case.page, &text);
            let typed = (case.typed)(case.page, &text);

            if scanned == typed {
                Ok(())
            } else {
                Err(format!(
                    "{}: {}\n scanned {scanned:?}\n typed   {typed:?}",
                    case.file,
                    String::from_utf8_lossy(&text)
                ))
            }
        })
        .expect("a thread")
        .join()
        .expect("no panic")
}

#[test]
fn the_docs_examples_read_as_they_are() {
    for case in CASES {
        let text = serde_json::to_vec(&source(case)).unwrap();
        assert_eq!(agree(case, text), Ok(()));
        let text = serde_json::to_vec(&source(case)).unwrap();
        assert!(scanned((case.table)(), case.page, &text).is_ok(), "{}", case.file);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_docs_examples_are_read_alike(
        case in 0..CASES.len(),
        changes in prop::collection::vec(change(), 1..4),
        cut in cut(),
    ) {
        let case = &CASES[case];
        let text = mutate(case, &changes, &cut);
        if let Err(e) = agree(case, text) {
            prop_assert!(false, "{}", e);
        }
    }
}
