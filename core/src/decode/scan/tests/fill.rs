//! The typed decoder's fast path (`scan::fill`) against the serde-based decoder (`model::read`):
//! wherever the fast path reads a text through, the serde-based decoder reads it too, into the
//! same model (equal, and written back as the same JSON); and the fast path reads every text the
//! checker accepts, so that it is the path taken.

use super::differential::{change, cut, mutate, source, CASES};
use super::{scanned, Every};
use crate::decode::Fast;
use crate::model::schema::{HasSchema, Record};
use crate::model::write::Out;
use crate::model::{Attachment, ConversationThread, DriveItem, Event, Group, MailboxSettings, Message, Post};
use crate::Page;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::fmt::Debug;

/// What a reader made: the model's `Debug` text (every field, floats to the bit: `-0.0`
/// included) and its JSON as the writer gives it back.
type Made = (String, Value);

fn made_item<M: Record + Debug>(m: &M) -> Made {
    (format!("{m:?}"), serde_json::to_value(Out(m)).expect("a model writes"))
}

fn made_page<M: Record + Debug>(p: &Page<M>) -> Made {
    let items: Vec<Value> = p.value.iter().map(|m| serde_json::to_value(Out(m)).expect("writes")).collect();
    (format!("{p:?}"), json!({"value": items, "next": p.next_link, "count": p.count, "extra": p.extra}))
}

/// The serde-based decoder alone.
fn by_serde<M: Record + Default + Debug + serde::de::DeserializeOwned>(page: bool, text: &[u8]) -> Option<Made> {
    if page {
        return crate::decode::from_bytes::<Page<M>>("T", text).ok().map(|p| made_page(&p));
    }
    let mut m = M::default();
    crate::decode::read_whole("T", text, |de| {
        serde::Deserializer::deserialize_map(de, crate::model::read::Fill(&mut m))
    })
    .ok()?;
    Some(made_item(&m))
}

/// The fast path alone (`None`: it gave up).
fn by_fast<M: Record + Default + Debug>(page: bool, text: &[u8]) -> Option<Made> {
    if page {
        return <Page<M> as Fast>::fast(text).map(|p| made_page(&p));
    }
    crate::decode::fast_model::<M>(text).map(|m| made_item(&m))
}

/// Both readers, and the checker, on `text`: the fast path reads what the checker accepts, and
/// reads it as the serde-based decoder does.
fn agree<M>(page: bool, text: &[u8]) -> Result<(), String>
where
    M: Record + Default + Debug + HasSchema + serde::de::DeserializeOwned,
{
    let fast = by_fast::<M>(page, text);
    let slow = by_serde::<M>(page, text);
    let checked = scanned(M::table(), page, text).is_ok();
    let shown = String::from_utf8_lossy(text);
    if fast.is_some() != checked {
        return Err(format!("fast path read it: {}, checker accepted it: {checked}: {shown}", fast.is_some()));
    }
    match (fast, slow) {
        (Some(fast), Some(slow)) if fast != slow => Err(format!("{shown}\n fast  {fast:?}\n serde {slow:?}")),
        (Some(_), None) => Err(format!("the fast path read what serde refused: {shown}")),
        _ => Ok(()),
    }
}

fn read_alike(file: &str, page: bool, text: &[u8]) -> Result<(), String> {
    match file {
        "list_posts.json" | "get_post.json" => agree::<Post>(page, text),
        "get_post_attachment.json" | "list_post_attachments.json" => agree::<Attachment>(page, text),
        "list_group_threads.json" => agree::<ConversationThread>(page, text),
        "list_groups.json" | "get_group.json" => agree::<Group>(page, text),
        "calendar/list_events.json" | "calendar/get_event.json" => agree::<Event>(page, text),
        "mail/list_messages.json" | "mail/get_message.json" | "delta/sync_messages.json" => {
            agree::<Message>(page, text)
        }
        "mail/get_mailbox_settings.json" => agree::<MailboxSettings>(page, text),
        "files/get_drive_item.json" => agree::<DriveItem>(page, text),
        _ => agree::<Every>(page, text),
    }
}

/// On a big stack, as the differential test runs (deep documents in a debug build).
fn on_big_stack(file: &'static str, page: bool, text: Vec<u8>) -> Result<(), String> {
    std::thread::Builder::new()
        .stack_size(32 << 20)
        .spawn(move || read_alike(file, page, &text))
        .expect("a thread")
        .join()
        .expect("no panic")
}

#[test]
fn the_docs_examples_are_read_by_the_fast_path_as_by_serde() {
    for case in CASES {
        let text = serde_json::to_vec(&source(case)).unwrap();
        assert_eq!(on_big_stack(case.file, case.page, text.clone()), Ok(()));
        // And the fast path is the one taken: it reads what the checker accepts (`agree`).
        assert!(scanned((case.table)(), case.page, &text).is_ok(), "{}", case.file);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_docs_examples_are_read_by_the_fast_path_as_by_serde(
        case in 0..CASES.len(),
        changes in prop::collection::vec(change(), 1..4),
        cut in cut(),
    ) {
        let case = &CASES[case];
        let text = mutate(case, &changes, &cut);
        if let Err(e) = on_big_stack(case.file, case.page, text) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// One `Every` through the public entry (`decode::fill`, fast path first), and the serde-based
/// decoder alone: the same model.
fn every(text: &str) -> Every {
    assert_eq!(agree::<Every>(false, text.as_bytes()), Ok(()), "{text}");
    assert!(by_fast::<Every>(false, text.as_bytes()).is_some(), "the fast path reads {text}");
    let mut m = Every::default();
    crate::decode::fill("T", text.as_bytes(), &mut m).expect("read");
    m
}

#[test]
fn escapes_are_undone_as_serde_json_undoes_them() {
    let m = every(r#"{"str":"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00 é","strings":["\u0041",""],"\u0069nt":3}"#);
    assert_eq!(m.str.as_deref(), Some("a\"b\\c/d\u{8}\u{c}\n\r\té😀 é"));
    assert_eq!(m.strings, Some(vec!["A".to_string(), String::new()]));
    assert_eq!(m.int, Some(3));
    let m = every(r#"{"\u006Fther":"\n","o\"k":1}"#);
    assert_eq!(m.extra.get("other"), Some(&json!("\n")));
    assert_eq!(m.extra.get("o\"k"), Some(&json!(1)));
}

#[test]
fn explicit_nulls_clear_the_field_and_are_remembered() {
    for kind in ["str", "flag", "int", "float", "json", "bytes", "strings", "values", "model", "models"] {
        let m = every(&format!(r#"{{"{kind}":null}}"#));
        assert!(m.nulls.contains(Every::table().find(kind.as_bytes(), 0).unwrap().0), "{kind}");
    }
    // Sent twice, the last value stays, and the null is still remembered (as serde reads it).
    let m = every(r#"{"str":null,"str":"x","int":1,"int":null}"#);
    assert_eq!((m.str.as_deref(), m.int), (Some("x"), None));
    assert!(m.nulls.contains(0) && m.nulls.contains(2));
}

#[test]
fn unknown_properties_are_kept_as_serde_json_values() {
    let m = every(
        r#"{"@odata.etag":"W/\"1\"","a":[1,-0,1.5e3,{"b":null}],"t":true,"f":false,"n":null,"o":{"x":"y"},"a":2}"#,
    );
    let extra = serde_json::to_value(&m.extra).unwrap();
    assert_eq!(extra, json!({"@odata.etag": "W/\"1\"", "a": 2, "t": true, "f": false, "n": null, "o": {"x": "y"}}));
}

#[test]
fn nested_models_and_lists_fill_their_own_models() {
    let m =
        every(r#"{"model":{"int":1,"model":{"str":null,"x":1}},"models":[{"flag":false},{},{"models":[{"int":2}]}]}"#);
    let inner = m.model.as_ref().and_then(|m| m.model.as_ref()).unwrap();
    assert_eq!((m.model.as_ref().unwrap().int, inner.str.as_deref()), (Some(1), None));
    assert!(inner.nulls.contains(0));
    assert_eq!(inner.extra.get("x"), Some(&json!(1)));
    let list = m.models.as_ref().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].flag, Some(false));
    assert_eq!(list[2].models.as_ref().unwrap()[0].int, Some(2));
    assert!(every(r#"{"models":[]}"#).models.is_some_and(|v| v.is_empty()));
}

#[test]
fn numbers_are_serde_json_s_own() {
    let m = every(r#"{"int":-9223372036854775808,"float":-0}"#);
    assert_eq!(m.int, Some(i64::MIN));
    assert!(m.float.unwrap() == 0.0 && m.float.unwrap().is_sign_negative());
    for (text, want) in [
        ("1", 1.0),
        ("-3", -3.0),
        ("2.5e3", 2500.0),
        ("1E-2", 0.01),
        ("0.1", 0.1),
        ("18446744073709551616", 1.8446744073709552e19),
    ] {
        assert_eq!(every(&format!(r#"{{"float":{text}}}"#)).float, Some(want), "{text}");
    }
    assert_eq!(every(r#"{"float":1.7976931348623157e308}"#).float, Some(f64::MAX));
    assert_eq!(every(r#"{"float":2.2250738585072011e-308}"#).float, Some(2.225073858507201e-308));
    // What the checker refuses, the fast path leaves to serde (and its error).
    for int in ["-0", "1.0", "1e2", "9223372036854775808"] {
        assert!(by_fast::<Every>(false, format!(r#"{{"int":{int}}}"#).as_bytes()).is_none(), "{int}");
    }
}

#[test]
fn bytes_are_decoded_from_base64_as_serde_reads_them() {
    assert_eq!(every(r#"{"bytes":" aGk= "}"#).bytes, Some(b"hi".to_vec()));
    assert_eq!(every(r#"{"bytes":"\u0061Gk="}"#).bytes, Some(b"hi".to_vec()));
    assert_eq!(every(r#"{"bytes":""}"#).bytes, Some(vec![]));
    assert!(by_fast::<Every>(false, br#"{"bytes":"aGk"}"#).is_none());
}

#[test]
fn a_text_the_fast_path_gives_up_on_gets_serde_s_error_and_path() {
    let text = br#"{"model":{"int":1,"models":[{"flag":1}]}}"#;
    let mut m = Every::default();
    match crate::decode::fill("T", text, &mut m) {
        Err(crate::Error::Decode { path, source, .. }) => {
            assert_eq!(path, "model.models[0].flag");
            assert!(source.starts_with("invalid type: integer `1`, expected a boolean at line 1 column"), "{source}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_page_is_read_with_its_links_and_annotations() {
    let text = br#"{"@odata.context":"c","value":[{"id":"1","subject":"s","isRead":null}],"@odata.count":1,"@odata.nextLink":"n\/x","@odata.deltaLink":null,"@x":[1]}"#;
    assert_eq!(agree::<Message>(true, text), Ok(()));
    let page = <Page<Message> as Fast>::fast(text).expect("read");
    assert_eq!((page.context.as_deref(), page.next_link.as_deref(), page.count), (Some("c"), Some("n/x"), Some(1)));
    assert_eq!(page.extra.get("@x"), Some(&json!([1])));
    assert_eq!(page.value[0].subject.as_deref(), Some("s"));
    let res = crate::Response { status: 200, headers: vec![], body: text.to_vec() };
    let via_op: Page<Message> = crate::ops::read_json(&crate::Endpoint::default(), "Page<Message>", &res).unwrap();
    assert_eq!(via_op, page);
    assert!(<Page<Message> as Fast>::fast(br#"{"@odata.count":1}"#).is_none());
}
