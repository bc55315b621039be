//! Models keep what the server sends: `to_value(from_value(x)) == x`, explicit nulls included,
//! unknown properties and annotations in `extra`, and base64 content as bytes.
mod common;

use common::*;
use o365kit::model::*;
use o365kit::Page;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

fn round_trip<T: DeserializeOwned + Serialize>(v: &Value) -> Value {
    let model: T = serde_json::from_value(v.clone()).expect("parses");
    serde_json::to_value(&model).expect("serializes")
}

/// The round trip from the bytes as sent (the decoder the operations use) and from a parsed value.
fn assert_round_trip<T: DeserializeOwned + Serialize>(name: &str) {
    let original = fixture(name);
    let from_bytes: T = serde_json::from_slice(&fixture_bytes(name)).expect("parses");
    assert_eq!(serde_json::to_value(&from_bytes).unwrap(), original, "{name} from bytes");
    assert_eq!(round_trip::<T>(&original), original, "{name} from a value");
}

/// A fixture's name and the round-trip check through the model it is read into.
type Example = (&'static str, fn(&str));

/// Every Graph docs example the tests hold.
const DOCS_EXAMPLES: &[Example] = &[
    ("list_groups.json", assert_round_trip::<Page<Group>>),
    ("list_groups_count.json", assert_round_trip::<Page<Group>>),
    ("get_group.json", assert_round_trip::<Group>),
    ("create_group.json", assert_round_trip::<Group>),
    ("list_joined_groups.json", assert_round_trip::<Page<Group>>),
    ("list_group_members.json", assert_round_trip::<Page<DirectoryObject>>),
    ("list_group_owners.json", assert_round_trip::<Page<DirectoryObject>>),
    ("list_conversations.json", assert_round_trip::<Page<Conversation>>),
    ("get_conversation.json", assert_round_trip::<Conversation>),
    ("create_conversation.json", assert_round_trip::<Conversation>),
    ("list_conversation_threads.json", assert_round_trip::<Page<ConversationThread>>),
    ("list_group_threads.json", assert_round_trip::<Page<ConversationThread>>),
    ("get_thread.json", assert_round_trip::<ConversationThread>),
    ("create_thread.json", assert_round_trip::<ConversationThread>),
    ("create_conversation_thread.json", assert_round_trip::<ConversationThread>),
    ("list_posts.json", assert_round_trip::<Page<Post>>),
    ("get_post.json", assert_round_trip::<Post>),
    ("list_post_attachments.json", assert_round_trip::<Page<Attachment>>),
    ("get_post_attachment.json", assert_round_trip::<Attachment>),
    ("get_post_attachment_item.json", assert_round_trip::<Attachment>),
    ("get_post_attachment_reference.json", assert_round_trip::<Attachment>),
];

#[test]
fn docs_examples_round_trip_exactly_nulls_included() {
    for (name, check) in DOCS_EXAMPLES {
        check(name);
    }
}

#[test]
fn every_docs_example_is_round_tripped() {
    // Error bodies are not models; the Outlook REST example is checked in its dialect
    // (tests/outlook_rest.rs); `mail/` holds the Mail docs' answers, each round-tripped exactly
    // by `parse_docs_response` in the mail_docs_* tests.
    let others = ["error_429.json", "error_example.json", "outlook_rest_post.json"];
    let dir = fixture_path("");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            continue;
        }
        let name = entry.file_name().into_string().unwrap();
        let covered = DOCS_EXAMPLES.iter().any(|(n, _)| *n == name) || others.contains(&name.as_str());
        assert!(covered, "{name} has no round-trip check");
    }
}

#[test]
fn explicit_nulls_of_known_properties_read_as_none_and_are_written_back() {
    let g: Group = serde_json::from_value(json!({ "id": "g", "classification": null, "theme": null })).unwrap();
    assert_eq!(g.classification, None);
    // Remembered in `nulls`, by field; `extra` keeps the properties no field models verbatim
    // (this crate does not model `theme`).
    let field = Group::INFO.fields.iter().position(|f| f.name == "classification").unwrap();
    assert_eq!(g.nulls.iter().collect::<Vec<_>>(), [field]);
    assert_eq!(g.extra, serde_json::Map::from_iter([("theme".to_string(), Value::Null)]));
    assert_eq!(serde_json::to_value(&g).unwrap(), json!({ "id": "g", "classification": null, "theme": null }));
    // Nested models and list elements too.
    let v = json!({ "from": { "emailAddress": { "name": null, "address": "a@contoso.com" } },
                    "attachments": [{ "contentId": null, "contentBytes": null, "size": null }],
                    "inReplyTo": null, "categories": null });
    let p: Post = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(p.in_reply_to, None);
    assert_eq!(p.attachments.as_ref().unwrap()[0].content_id, None);
    assert_eq!(serde_json::to_value(&p).unwrap(), v);
}

#[test]
fn a_set_field_wins_over_a_remembered_null_and_is_written_once() {
    let mut g: Group = serde_json::from_slice(br#"{"id":"g","classification":null}"#).unwrap();
    g.classification = Some("MBI".into());
    // Counted in the text: a JSON object value would hide a duplicate key.
    let text = serde_json::to_string(&g).unwrap();
    assert_eq!(text.matches("\"classification\"").count(), 1, "{text}");
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), json!({ "id": "g", "classification": "MBI" }));
    // Cleared again: back to the null that was sent.
    g.classification = None;
    assert_eq!(serde_json::to_value(&g).unwrap(), json!({ "id": "g", "classification": null }));
    // A value the caller put in extra under a known name does not duplicate a set field either.
    let mut p = Post::text("t");
    p.extra.insert("body".into(), json!({ "content": "other" }));
    let text = serde_json::to_string(&p).unwrap();
    assert_eq!(text.matches("\"body\"").count(), 1, "{text}");
    assert_eq!(
        serde_json::from_str::<Value>(&text).unwrap(),
        json!({ "body": { "contentType": "text", "content": "t" } })
    );
}

#[test]
fn remembered_nulls_are_written_in_their_fields_place() {
    // Known properties in the model's order, `null`s among them; then the unknown ones.
    let g: Group =
        serde_json::from_slice(br#"{"zeta":1,"theme":null,"classification":null,"id":"g","alpha":2}"#).unwrap();
    let text = serde_json::to_string(&g).unwrap();
    assert_eq!(text, r#"{"id":"g","classification":null,"alpha":2,"theme":null,"zeta":1}"#);
}

#[test]
fn a_value_after_a_null_of_the_same_key_wins() {
    // Duplicate keys: the last one counts, as for serde's derived decoders.
    let g: Group = serde_json::from_slice(br#"{"classification":null,"classification":"MBI"}"#).unwrap();
    assert_eq!(g.classification.as_deref(), Some("MBI"));
    assert_eq!(serde_json::to_value(&g).unwrap(), json!({ "classification": "MBI" }));
    let g: Group = serde_json::from_slice(br#"{"classification":"MBI","classification":null}"#).unwrap();
    assert_eq!(g.classification, None);
    assert_eq!(serde_json::to_value(&g).unwrap(), json!({ "classification": null }));
}

#[test]
fn unknown_properties_and_annotations_land_in_extra() {
    let g: Group = serde_json::from_value(fixture("get_group.json")).unwrap();
    for key in ["@odata.context", "securityIdentifier", "resourceProvisioningOptions", "onPremisesProvisioningErrors"] {
        assert!(g.extra.contains_key(key), "{key}");
    }
    for known in ["id", "displayName", "mailNickname", "groupTypes", "proxyAddresses"] {
        assert!(!g.extra.contains_key(known), "{known} is typed, not extra");
    }
    let posts: Page<Post> = serde_json::from_value(fixture("list_posts.json")).unwrap();
    assert_eq!(posts.value[0].extra.keys().collect::<Vec<_>>(), ["@odata.etag"]);
    let owners: Page<DirectoryObject> = serde_json::from_value(fixture("list_group_owners.json")).unwrap();
    // @odata.type is a typed field of DirectoryObject, accountEnabled is not.
    assert_eq!(owners.value[0].extra.keys().collect::<Vec<_>>(), ["accountEnabled"]);
    let item: Attachment = serde_json::from_value(fixture("get_post_attachment_item.json")).unwrap();
    assert!(item.extra.contains_key("item@odata.context"));
    assert!(item.extra.contains_key("@odata.context"));
}

#[test]
fn extra_survives_nested_models() {
    let v = json!({
        "body": { "contentType": "html", "content": "x", "x-custom": 1 },
        "from": { "emailAddress": { "address": "a@contoso.com", "@odata.type": "t" }, "other": [1] },
        "inReplyTo": { "id": "p0", "future": { "deep": true } }
    });
    assert_eq!(round_trip::<Post>(&v), v);
}

#[test]
fn attachment_kind() {
    let kind = |t: Option<&str>| Attachment { odata_type: t.map(str::to_string), ..Default::default() }.kind();
    assert_eq!(kind(Some("#microsoft.graph.fileAttachment")), AttachmentKind::File);
    assert_eq!(kind(Some("#microsoft.graph.itemAttachment")), AttachmentKind::Item);
    assert_eq!(kind(Some("#microsoft.graph.referenceAttachment")), AttachmentKind::Reference);
    assert_eq!(kind(Some("#Microsoft.OutlookServices.FileAttachment")), AttachmentKind::File);
    assert_eq!(kind(Some("#Microsoft.OutlookServices.ItemAttachment")), AttachmentKind::Item);
    assert_eq!(kind(Some("#microsoft.graph.attachment")), AttachmentKind::Unknown);
    assert_eq!(kind(Some("fileAttachmentish")), AttachmentKind::Unknown);
    assert_eq!(kind(None), AttachmentKind::Unknown);
}

#[test]
fn content_bytes_are_base64_on_the_wire_and_bytes_in_the_model() {
    let a: Attachment = serde_json::from_value(json!({ "contentBytes": "AAEC/f7/" })).unwrap();
    assert_eq!(a.content_bytes.as_deref(), Some(&[0u8, 1, 2, 253, 254, 255][..]));
    assert_eq!(serde_json::to_value(&a).unwrap(), json!({ "contentBytes": "AAEC/f7/" }));
    let a: Attachment = serde_json::from_value(json!({ "contentBytes": " aGk= \n" })).unwrap();
    assert_eq!(a.content_bytes.as_deref(), Some(&b"hi"[..]));
    let a: Attachment = serde_json::from_value(json!({ "contentBytes": "" })).unwrap();
    assert_eq!(a.content_bytes, Some(vec![]));
    assert!(
        serde_json::from_value::<Attachment>(json!({ "contentBytes": "a-b_" })).is_err(),
        "URL-safe alphabet is not Graph's"
    );
    assert!(serde_json::from_value::<Attachment>(json!({ "contentBytes": 12 })).is_err());
    let file = Attachment::file("r.bin", "application/octet-stream", vec![0xff; 4]);
    assert_eq!(
        serde_json::to_value(&file).unwrap(),
        json!({ "@odata.type": "#microsoft.graph.fileAttachment", "name": "r.bin", "contentType": "application/octet-stream", "contentBytes": "/////w==" })
    );
    assert_eq!(file.kind(), AttachmentKind::File);
}

#[test]
fn photo_serializes_bytes_as_base64() {
    let p = Photo { content_type: "image/png".into(), bytes: vec![137, 80, 78, 71] };
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v, json!({ "contentType": "image/png", "bytes": "iVBORw==" }));
    assert_eq!(serde_json::from_value::<Photo>(v).unwrap(), p);
}

#[test]
fn constructors_build_what_graph_expects() {
    assert_eq!(
        serde_json::to_value(Group::unified("Team", "team")).unwrap(),
        json!({ "displayName": "Team", "mailNickname": "team", "mailEnabled": true, "securityEnabled": false, "groupTypes": ["Unified"] })
    );
    assert_eq!(
        serde_json::to_value(Recipient::new("a@contoso.com")).unwrap(),
        json!({ "emailAddress": { "address": "a@contoso.com" } })
    );
    assert_eq!(Recipient::named("A", "a@contoso.com").address(), Some("a@contoso.com"));
    assert_eq!(Recipient::default().address(), None);
    assert_eq!(
        serde_json::to_value(Post::text("t")).unwrap(),
        json!({ "body": { "contentType": "text", "content": "t" } })
    );
    assert!(
        ItemBody { content_type: Some("HTML".into()), ..Default::default() }.is_html(),
        "Outlook REST spells it HTML"
    );
    let thread = ConversationThread::new("Topic", Post::html("x"));
    assert_eq!(
        serde_json::to_value(thread).unwrap(),
        json!({ "topic": "Topic", "posts": [{ "body": { "contentType": "html", "content": "x" } }] })
    );
}

#[test]
fn keys_match_however_they_are_spelled_on_the_wire() {
    // Escaped keys reach the decoder as owned strings, plain ones borrowed from the body: both
    // name the same property. Case matters, as in Graph's JSON.
    let body = br##"{"\u0074opic":"escaped","isLocked":true,"IsLocked":"kept","@odata.type":"#microsoft.graph.conversationThread"}"##;
    let thread: ConversationThread = serde_json::from_slice(body).unwrap();
    assert_eq!(thread.topic.as_deref(), Some("escaped"));
    assert_eq!(thread.is_locked, Some(true));
    assert_eq!(thread.extra.get("IsLocked"), Some(&json!("kept")));
    assert_eq!(thread.extra.get("@odata.type"), Some(&json!("#microsoft.graph.conversationThread")));
    let att: Attachment = serde_json::from_slice(br##"{"@odata.type":"#microsoft.graph.fileAttachment"}"##).unwrap();
    assert_eq!(att.kind(), AttachmentKind::File);
    let out = serde_json::to_value(&att).unwrap();
    assert_eq!(out, json!({ "@odata.type": "#microsoft.graph.fileAttachment" }));
    let fields: Vec<String> = Post::INFO.fields.iter().map(|f| f.wire_name()).collect();
    let written = serde_json::to_value(Post {
        received_date_time: Some("t".into()),
        in_reply_to: Some(Box::default()),
        ..Post::html("x")
    })
    .unwrap();
    for key in written.as_object().unwrap().keys() {
        assert!(fields.contains(key), "{key} is one of Post's wire names");
    }
    assert!(written.get("receivedDateTime").is_some() && written.get("inReplyTo").is_some());
}

/// Found by fuzzing (`fuzz/`, target `decode`): serde_json's default float parser may miss the
/// nearest double by one unit, so a coordinate drifted each time it was written and read back
/// (-122.12937310333105 came back as -122.12937310333103). Floats are read exactly now.
#[test]
fn floats_survive_being_written_and_read_back() {
    let text = r#"{"latitude":47.640568390488625,"longitude":-122.12937310333105}"#;
    let ep = o365kit::Endpoint::default();
    let geo: OutlookGeoCoordinates = o365kit::decode::body(&ep, "geo", text.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&geo).unwrap(), text);
    assert_eq!(geo.longitude, Some(-122.12937310333105));
    let v: Value = serde_json::from_str("[-122.12937310333105, 1e-7, 0.1, 5e-324, 1.7976931348623157e308]").unwrap();
    assert_eq!(v.to_string(), "[-122.12937310333105,1e-7,0.1,5e-324,1.7976931348623157e+308]");
}
