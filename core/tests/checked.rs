//! `decode::checked` (what the npm package reads outputs with) accepts exactly what the typed
//! readers accept, names the same JSON path when it refuses, and hands over Graph's JSON.
use o365kit::decode::checked::{check, Checked};
use o365kit::model::{Event, Message};
use o365kit::ops::read_json;
use o365kit::{ApiVersion, Endpoint, Error, OpKind, Page, Response};
use serde_json::{json, Value};

fn graph() -> Endpoint {
    Endpoint::custom("http://127.0.0.1:1", ApiVersion::V1).unwrap()
}

fn outlook() -> Endpoint {
    Endpoint::outlook_rest("http://127.0.0.1:1").unwrap()
}

fn ok(body: &Value) -> Response {
    Response::new(200, vec![], serde_json::to_vec(body).unwrap())
}

/// Where a refusal is: its JSON path (the checker words its messages its own way, and says
/// where in the text).
fn path_of<T>(r: Result<T, Error>) -> Result<(), String> {
    match r {
        Ok(_) => Ok(()),
        Err(Error::Decode { path, source, .. }) => {
            assert!(!source.is_empty());
            Err(path)
        }
        Err(e) => panic!("not a decode error: {e}"),
    }
}

/// The checked reader and the typed one agree on `body`, for a page of `T` and for one `T`.
fn agree<
    T: Checked
        + o365kit::decode::Fast
        + o365kit::model::schema::Record
        + Default
        + serde::de::DeserializeOwned
        + std::fmt::Debug,
>(
    ep: &Endpoint,
    kind: OpKind,
    body: &Value,
) {
    let checked = path_of(check(ep, "T", kind, T::table(), ok(body)));
    let typed = match kind {
        OpKind::List => path_of(read_json::<Page<T>>(ep, "T", &ok(body))),
        _ => path_of(read_json::<T>(ep, "T", &ok(body))),
    };
    assert_eq!(checked, typed, "{body}");
}

#[test]
fn pages_and_items_accepted_and_refused_as_the_typed_readers_do() {
    let message = json!({"id": "m1", "subject": "Hi", "toRecipients": [{"emailAddress": {"address": "a@b.c"}}],
        "body": {"contentType": "html", "content": "<p>x</p>"}, "isRead": null});
    let bad_nested = json!({"id": "m2", "toRecipients": [{"emailAddress": {"address": 7}}]});
    let pages = [
        json!({"value": [message, message]}),
        json!({"value": [message, bad_nested], "@odata.nextLink": "http://127.0.0.1:1/v1.0/me/messages?$skip=2"}),
        json!({"value": null}),
        json!({"@odata.nextLink": "x"}),
        json!({"value": [1]}),
        json!({"value": [], "@odata.count": "three"}),
        json!([message]),
    ];
    for p in &pages {
        agree::<Message>(&graph(), OpKind::List, p);
    }
    for item in [&message, &bad_nested, &json!({"subject": ["not text"]}), &json!("text")] {
        agree::<Message>(&graph(), OpKind::Item, item);
    }
    let event = json!({"id": "e1", "start": {"dateTime": "2025-01-01T10:00:00", "timeZone": "UTC"},
        "attendees": [{"emailAddress": {"address": "a@b.c"}, "status": {"response": 3}}]});
    agree::<Event>(&graph(), OpKind::List, &json!({"value": [event]}));
}

#[test]
fn refusals_name_the_path_of_what_did_not_fit() {
    let page = json!({"value": [{"id": "1"}, {"id": "2", "from": {"emailAddress": {"address": false}}}]});
    let err = check(&graph(), "Page<Message>", OpKind::List, <Page<Message>>::table(), ok(&page)).unwrap_err();
    match err {
        Error::Decode { what, path, .. } => {
            assert_eq!(what, "Page<Message>");
            assert_eq!(path, "value[1].from.emailAddress.address");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn graph_json_is_handed_over_as_sent_with_the_page_links() {
    let page = json!({"@odata.context": "ctx", "value": [{"id": "1", "subject": null}],
        "@odata.nextLink": "next", "@odata.deltaLink": "delta", "@odata.count": 41});
    let out = check(&graph(), "Page<Message>", OpKind::List, <Page<Message>>::table(), ok(&page)).unwrap();
    assert_eq!(serde_json::from_slice::<Value>(&out.json).unwrap(), page);
    assert_eq!(out.next_link.as_deref(), Some("next"));
    assert_eq!(out.delta_link.as_deref(), Some("delta"));
    assert_eq!(out.count, Some(41));
}

#[test]
fn outlook_rest_bodies_come_back_in_graph_form() {
    let page = json!({"value": [{"Id": "1", "Subject": "Hi", "From": {"EmailAddress": {"Address": "a@b.c"}},
        "@odata.type": "#Microsoft.OutlookServices.Message"}]});
    let out = check(&outlook(), "Page<Message>", OpKind::List, <Page<Message>>::table(), ok(&page)).unwrap();
    let graph: Value = serde_json::from_slice(&out.json).unwrap();
    assert_eq!(graph["value"][0]["from"]["emailAddress"]["address"], "a@b.c");
    assert_eq!(graph["value"][0]["@odata.type"], "#microsoft.graph.message");
    let typed: Page<Message> = read_json(&outlook(), "Page<Message>", &ok(&page)).unwrap();
    assert_eq!(serde_json::to_value(&typed.value).unwrap(), graph["value"]);
}

#[test]
fn errors_are_graph_errors_not_decode_errors() {
    let res = Response::new(404, vec![], br#"{"error":{"code":"ErrorItemNotFound","message":"gone"}}"#.to_vec());
    match check(&graph(), "Message", OpKind::Item, Message::table(), res) {
        Err(Error::Api(a)) => assert_eq!((a.status, a.code.as_str()), (404, "ErrorItemNotFound")),
        other => panic!("{other:?}"),
    }
}

mod random {
    use super::*;
    use proptest::prelude::*;

    /// JSON whose keys are mostly the models' own, so that values of every kind meet every kind.
    fn json() -> impl Strategy<Value = Value> {
        let key = prop::sample::select(vec![
            "id",
            "subject",
            "isRead",
            "toRecipients",
            "emailAddress",
            "address",
            "body",
            "content",
            "start",
            "dateTime",
            "timeZone",
            "attendees",
            "status",
            "response",
            "categories",
            "importance",
            "hasAttachments",
            "attachments",
            "contentBytes",
            "size",
            "flag",
            "recurrence",
            "pattern",
            "interval",
            "daysOfWeek",
            "internetMessageHeaders",
            "@odata.type",
            "other",
        ]);
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            prop::sample::select(vec!["", "x", "aGVsbG8=", "not base64!", "2025-01-01T00:00:00"]).prop_map(Value::from),
        ];
        leaf.prop_recursive(5, 64, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(key.clone(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn the_checked_reader_agrees_with_the_typed_ones(item in json(), items in prop::collection::vec(json(), 0..3)) {
            agree::<Message>(&graph(), OpKind::Item, &item);
            agree::<Event>(&graph(), OpKind::Item, &item);
            agree::<Message>(&graph(), OpKind::List, &json!({ "value": items.clone() }));
            agree::<Event>(&graph(), OpKind::List, &json!({ "value": items }));
        }
    }
}
