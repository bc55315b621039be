//! Parsers fed garbage never panic: a 2xx gives Ok or `Error::Decode` (with the JSON path of
//! what did not fit), anything else gives `Error::Api` with the status.
mod common;

use common::cases::{self, Shape};
use common::*;
use o365kit::ops::*;
use o365kit::{Endpoint, Error, Operation, Query, Response};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Parses `res` with every operation and checks the outcome class.
fn check_all(ep: &Endpoint, status: u16, headers: &[(String, String)], body: &[u8]) {
    for case in cases::all() {
        let res = Response::new(status, headers.to_vec(), body.to_vec());
        let out = case.op().parse(ep, res);
        if (200..300).contains(&status) {
            match (case.shape, &out) {
                (Shape::Json, Ok(())) | (Shape::Json, Err(Error::Decode { .. })) => {}
                (Shape::Empty | Shape::Binary, Ok(())) => {}
                _ => panic!("{} status {status}: {out:?}", case.name),
            }
        } else {
            match &out {
                Err(Error::Api(a)) => assert_eq!(a.status, status, "{}", case.name),
                _ => panic!("{} status {status}: expected Api, got {out:?}", case.name),
            }
        }
    }
}

fn endpoints() -> [Endpoint; 2] {
    [ep(), outlook()]
}

fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "value", "id", "topic", "isLocked", "body", "content", "contentType", "from", "emailAddress",
            "address", "name", "posts", "threads", "inReplyTo", "attachments", "contentBytes", "size",
            "@odata.type", "@odata.nextLink", "@odata.count", "@odata.context", "error", "code", "message",
            "Value", "Id", "IsLocked", "Body", "ContentBytes", "uniqueSenders", "toRecipients",
        ]).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        Just(json!("aGk=")),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((json_key(), inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..256), status in prop_oneof![Just(200u16), Just(201), Just(204), 100u16..600]) {
        for ep in endpoints() {
            check_all(&ep, status, &[], &body);
        }
    }

    #[test]
    fn arbitrary_json_never_panics(v in arb_json(), wrap in any::<bool>()) {
        let v = if wrap { json!({ "value": [v] }) } else { v };
        let body = serde_json::to_vec(&v).unwrap();
        for ep in endpoints() {
            check_all(&ep, 200, &[], &body);
        }
    }

    #[test]
    fn arbitrary_error_bodies_give_api_errors(v in arb_json(), status in 300u16..600, retry_after in any::<String>()) {
        let body = serde_json::to_vec(&json!({ "error": v })).unwrap();
        let headers = vec![("Retry-After".to_string(), retry_after), ("request-id".to_string(), "r".to_string())];
        check_all(&ep(), status, &headers, &body);
    }
}

#[test]
fn every_fixture_parses_in_full_and_every_truncation_is_a_decode_error() {
    for case in cases::all() {
        let Some(name) = case.fixture else { continue };
        let bytes = fixture_bytes(name);
        let op = case.op();
        op.parse(&ep(), json_response(200, bytes.clone())).unwrap_or_else(|e| panic!("{name}: {e}"));
        let end = bytes.iter().rposition(|b| !b.is_ascii_whitespace()).unwrap() + 1;
        for len in 0..end {
            match op.parse(&ep(), json_response(200, bytes[..len].to_vec())) {
                Err(Error::Decode { .. }) => {}
                other => panic!("{name} cut at {len}: {other:?}"),
            }
        }
        // The same truncations as error bodies are still API errors, not decode errors.
        for len in (0..end).step_by(17) {
            match op.parse(&ep(), json_response(500, bytes[..len].to_vec())) {
                Err(Error::Api(a)) => assert_eq!(a.status, 500),
                other => panic!("{name} cut at {len}: {other:?}"),
            }
        }
    }
}

fn threads(body: &str) -> Result<o365kit::Page<o365kit::model::ConversationThread>, Error> {
    ListGroupThreads { group_id: G.into(), query: Query::new() }.parse(&ep(), json_response(200, body.into()))
}

#[test]
fn wrong_type_names_the_field_path() {
    let path = expect_decode(threads(r#"{"value":[{"isLocked":"yes"}]}"#));
    assert_eq!(path, "value[0].isLocked");
    let path = expect_decode(threads(r#"{"value":[{"id":"a"},{"id":"b","uniqueSenders":["x",3]}]}"#));
    assert_eq!(path, "value[1].uniqueSenders[1]");
    let path = expect_decode(threads(r#"{"value":[],"@odata.count":"many"}"#));
    assert_eq!(path, "@odata.count");
    let path = expect_decode(threads(r#"{"value":{}}"#));
    assert_eq!(path, "value");
}

#[test]
fn decode_error_carries_what_and_path_in_display() {
    let err = threads(r#"{"value":[{"isLocked":"yes"}]}"#).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("cannot decode Page<ConversationThread> at value[0].isLocked: invalid type: string \"yes\""),
        "{text}"
    );
}

#[test]
fn nested_paths_in_posts_and_attachments() {
    let op = ListPosts { group_id: G.into(), thread_id: T.into(), query: Query::new() };
    let parse = |b: &str| op.parse(&ep(), json_response(200, b.into()));
    assert_eq!(
        expect_decode(parse(r#"{"value":[{"from":{"emailAddress":{"address":5}}}]}"#)),
        "value[0].from.emailAddress.address"
    );
    assert_eq!(
        expect_decode(parse(r#"{"value":[{"attachments":[{"contentBytes":"not base64!"}]}]}"#)),
        "value[0].attachments[0].contentBytes"
    );
    assert_eq!(
        expect_decode(parse(r#"{"value":[{"inReplyTo":{"body":{"content":[]}}}]}"#)),
        "value[0].inReplyTo.body.content"
    );
    let att = GetPostAttachment {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        attachment_id: "a".into(),
        query: Query::new(),
    };
    let out = att.parse(&ep(), json_response(200, br#"{"size":1e30}"#.to_vec()));
    assert_eq!(expect_decode(out), "size");
}

#[test]
fn whole_body_problems_have_an_empty_path() {
    for body in ["", "   ", "[]", "null", "\"value\"", "{\"value\":[]} trailing", "\u{feff}{\"value\":[]}"] {
        let path = expect_decode(threads(body));
        assert_eq!(path, "", "{body:?}");
    }
    // Invalid UTF-8 inside a string.
    let mut bytes = br#"{"value":[{"topic":""#.to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(br#""}]}"#);
    let out = ListGroupThreads { group_id: G.into(), query: Query::new() }.parse(&ep(), json_response(200, bytes));
    expect_decode(out);
}

#[test]
fn outlook_dialect_reports_model_paths() {
    let op = ListGroupThreads { group_id: G.into(), query: Query::new() };
    let out = op.parse(&outlook(), json_response(200, br#"{"Value":[{"IsLocked":"yes"}]}"#.to_vec()));
    assert_eq!(expect_decode(out), "value[0].isLocked");
    let out = op.parse(&outlook(), json_response(200, b"{not json".to_vec()));
    assert_eq!(expect_decode(out), "");
}

fn nested_in_reply_to(depth: usize) -> Vec<u8> {
    let mut s = String::new();
    for _ in 0..depth {
        s.push_str(r#"{"inReplyTo":"#);
    }
    s.push_str("{}");
    s.push_str(&"}".repeat(depth));
    s.into_bytes()
}

fn parse_deep_on_stack(ep: Endpoint, depth: usize, stack: usize) -> Result<(), String> {
    let body = nested_in_reply_to(depth);
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let op = GetPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new() };
            op.parse(&ep, json_response(200, body)).map(|_| ()).map_err(|e| e.to_string())
        })
        .unwrap()
        .join()
        .expect("no panic")
}

#[test]
fn deep_nesting_is_a_decode_error_not_a_crash() {
    // serde_json stops at 128 levels; below that the post chain parses.
    for ep in endpoints() {
        assert!(parse_deep_on_stack(ep.clone(), 60, 8 << 20).is_ok());
        let err = parse_deep_on_stack(ep.clone(), 500, 8 << 20).unwrap_err();
        assert!(err.contains("recursion limit"), "{err}");
    }
}

/// wasm32's default stack is 1 MiB: the deepest model chain accepted (`MAX_DEPTH` posts) fits in
/// it even in a debug build, in both dialects; one level more is refused, and refusing leaves
/// no count behind (the next body decodes as usual).
#[test]
fn deep_nesting_fits_a_one_mebibyte_stack() {
    let max = o365kit::decode::MAX_DEPTH;
    for ep in [ep(), outlook()] {
        assert_eq!(parse_deep_on_stack(ep.clone(), max - 1, 1 << 20), Ok(()));
        let err = parse_deep_on_stack(ep.clone(), max, 1 << 20).unwrap_err();
        assert!(err.contains(&format!("nesting deeper than {max} levels")), "{err}");
        assert!(parse_deep_on_stack(ep.clone(), 127, 1 << 20).is_err());
    }
}

#[test]
fn a_refused_deep_body_leaves_the_next_decode_unaffected() {
    let op = GetPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new() };
    let max = o365kit::decode::MAX_DEPTH;
    let deep = nested_in_reply_to(max + 5);
    assert!(op.parse(&ep(), json_response(200, deep)).is_err());
    assert!(op.parse(&ep(), json_response(200, nested_in_reply_to(max - 1))).is_ok());
    let path = expect_decode(op.parse(&ep(), json_response(200, br#"{"inReplyTo":{"id":5}}"#.to_vec())));
    assert_eq!(path, "inReplyTo.id");
}
