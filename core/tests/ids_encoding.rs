//! IDs are percent-encoded as exactly one path segment: they can never add segments, a query
//! or a fragment, and they decode back to themselves.
mod common;

use common::cases;
use common::*;
use o365kit::ops::*;
use o365kit::{Error, Operation, Query};
use proptest::prelude::*;
use serde_json::{json, Value};

fn thread_url(id: &str) -> String {
    GetThread { group_id: G.into(), thread_id: id.into(), query: Query::new() }.request(&ep()).unwrap().url
}

#[test]
fn exact_encodings() {
    let cases: &[(&str, &str)] = &[
        ("../x", "..%2Fx"),
        ("../../me/messages", "..%2F..%2Fme%2Fmessages"),
        ("a?b=c", "a%3Fb%3Dc"),
        ("a#b", "a%23b"),
        ("a/b", "a%2Fb"),
        ("a\\b", "a%5Cb"),
        ("100%", "100%25"),
        ("%2e%2e", "%252e%252e"),
        ("a b", "a%20b"),
        ("a+b", "a%2Bb"),
        ("AAQkAD==", "AAQkAD%3D%3D"),
        ("a&$top=1", "a%26%24top%3D1"),
        ("a;b,c", "a%3Bb%2Cc"),
        ("'x'(y)", "%27x%27%28y%29"),
        ("a:b@c", "a%3Ab%40c"),
        ("é", "%C3%A9"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("😀", "%F0%9F%98%80"),
        ("~-._", "~-._"),
        ("...", "..."),
        ("Az09", "Az09"),
    ];
    for (id, enc) in cases {
        let url = thread_url(id);
        assert_eq!(url, format!("{BASE}/groups/{G}/threads/{enc}"), "{id:?}");
        let segs = segments_after(&url, BASE);
        assert_eq!(segs.len(), 4, "{url}");
        assert!(!url.contains(['?', '#']), "{url}");
        assert_eq!(pct_decode(segs[3]).unwrap(), id.as_bytes());
    }
}

#[test]
fn only_the_query_adds_a_question_mark() {
    let op = GetThread { group_id: "g?x".into(), thread_id: "t?y#z".into(), query: Query::new().select(["id"]) };
    let url = op.request(&ep()).unwrap().url;
    assert_eq!(url, format!("{BASE}/groups/g%3Fx/threads/t%3Fy%23z?$select=id"));
    assert_eq!(url.matches('?').count(), 1);
}

/// The request's URL with `param` set to `value`, and the reference URL in the body for the
/// `$ref` operations whose ID goes there.
fn locations(case: &cases::Case, param: &str, value: &str) -> Result<(String, Option<String>), Error> {
    let req = case.op_with(param, json!(value)).request(&ep())?;
    let reference = req
        .body
        .as_deref()
        .and_then(|b| serde_json::from_slice::<Value>(b).ok())
        .and_then(|v| v.get("@odata.id").and_then(Value::as_str).map(str::to_string));
    Ok((req.url, reference))
}

/// The body's `destinationId` (mail moves and copies carry their destination there, as a plain
/// string) or `parentReference.id` (a drive item's move).
fn destination(case: &cases::Case, param: &str, value: &str) -> Option<String> {
    let req = case.op_with(param, json!(value)).request(&ep()).ok()?;
    let body: Value = serde_json::from_slice(req.body.as_deref()?).ok()?;
    let id = body.get("destinationId").or_else(|| body.pointer("/parentReference/id"));
    id.and_then(Value::as_str).map(str::to_string)
}

/// Outlook ids (of mailbox operations) are also refused with a path or URL character in them.
fn outlook_id_char(case: &cases::Case, value: &str) -> bool {
    let mailbox = o365kit::ops::find(case.name).is_some_and(|o| o.mailbox);
    mailbox && value.contains(['/', '\\', '?', '#'])
}

/// `url` has the same segments as `baseline` except one, which decodes to `value`.
fn assert_one_segment(url: &str, baseline: &str, value: &str) {
    let got = segments_after(url, BASE);
    let want = segments_after(baseline, BASE);
    assert_eq!(got.len(), want.len(), "{url} vs {baseline}");
    assert!(!url.contains('#'), "{url}");
    assert_eq!(url.contains('?'), baseline.contains('?'), "{url}");
    let differing: Vec<usize> = (0..got.len()).filter(|&i| got[i] != want[i]).collect();
    assert_eq!(differing.len(), 1, "{url} vs {baseline}");
    // A drive item addressed by path (`items/{id}:/name:`) ends its id's segment with Graph's
    // colon, which the builder writes itself: an id's own colons are always encoded.
    let segment = match want[differing[0]].strip_suffix(':') {
        Some(_) => got[differing[0]].strip_suffix(':').expect("the colon stays after the id"),
        None => got[differing[0]],
    };
    assert_eq!(pct_decode(segment).as_deref(), Some(value.as_bytes()), "{url}");
}

const PLACEHOLDER: &str = "PLACEHOLDER";

/// Checks one (operation, ID parameter, value): either refused naming the parameter, or the
/// value lands as exactly one segment (of the URL, or of the body's `@odata.id` reference).
fn check(case: &cases::Case, param: &str, value: &str) {
    let (base_url, base_ref) = locations(case, param, PLACEHOLDER).unwrap();
    match locations(case, param, value) {
        Err(Error::InvalidInput { param: p, .. }) => {
            assert_eq!(p, param);
            let valid = !(value.trim().is_empty()
                || value.chars().any(char::is_control)
                || value == "."
                || value == ".."
                || outlook_id_char(case, value));
            assert!(!valid, "{} refused a valid {param}: {value:?}", case.name);
        }
        Err(e) => panic!("{}: {e:?}", case.name),
        Ok((url, reference)) => {
            assert!(!outlook_id_char(case, value), "{} took {param} {value:?}", case.name);
            if param == "destination_id" || (param == "parent_id" && !base_url.contains(PLACEHOLDER)) {
                assert_eq!(url, base_url, "{}: {param} must not touch the URL", case.name);
                assert_eq!(destination(case, param, value).as_deref(), Some(value), "{}", case.name);
            } else if base_url.contains(PLACEHOLDER) {
                assert_one_segment(&url, &base_url, value);
                assert_eq!(reference, base_ref);
            } else {
                assert_eq!(url, base_url, "{}: {param} must not touch the URL", case.name);
                assert_one_segment(&reference.unwrap(), &base_ref.unwrap(), value);
            }
        }
    }
}

#[test]
fn nasty_ids_stay_one_segment_in_every_operation() {
    let nasty = ["../..", "a/b?c=d#e", "%", "%2F", " x ", "+=&", "é/😀", "\\..\\", "$ref", "?", "#"];
    for case in cases::all() {
        for param in case.id_params() {
            for value in nasty {
                check(&case, param, value);
            }
        }
    }
}

/// Strings biased towards URL syntax, plus fully arbitrary ones.
fn id_strategy() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        "/", "?", "#", "%", "%2F", "%2e", ".", "..", " ", "+", "=", "&", "\\", ";", "@", ":", "é", "😀", "\u{0}", "\n",
        "\t", "\u{a0}", "a", "Z", "9", "-", "_", "~", "$",
    ]);
    prop_oneof![any::<String>(), prop::collection::vec(special, 0..8).prop_map(|parts| parts.concat()),]
}

fn id_slots() -> Vec<(usize, &'static str)> {
    cases::all().iter().enumerate().flat_map(|(i, c)| c.id_params().into_iter().map(move |p| (i, p))).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_id_is_refused_or_exactly_one_segment(slot in prop::sample::select(id_slots()), value in id_strategy()) {
        let all = cases::all();
        check(&all[slot.0], slot.1, &value);
    }

    #[test]
    fn any_thread_id_round_trips_through_the_url(value in any::<String>()) {
        let op = GetThread { group_id: G.into(), thread_id: value.clone(), query: Query::new() };
        match op.request(&ep()) {
            Err(Error::InvalidInput { param, .. }) => prop_assert_eq!(param, "thread_id"),
            Err(e) => prop_assert!(false, "{e:?}"),
            Ok(req) => {
                let segs = segments_after(&req.url, BASE);
                prop_assert_eq!(segs.len(), 4);
                prop_assert!(!req.url.contains(['?', '#']));
                prop_assert_eq!(pct_decode(segs[3]).unwrap(), value.into_bytes());
            }
        }
    }
}
