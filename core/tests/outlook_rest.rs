//! The Outlook REST v2.0 dialect: PascalCase on the wire, the same models in memory.
mod common;

use common::*;
use o365kit::model::{AttachmentKind, Post, Recipient};
use o365kit::ops::*;
use o365kit::{Dialect, Operation, Query};
use serde_json::json;

fn get_post() -> GetPost {
    GetPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new() }
}

#[test]
fn parses_a_pascal_case_post() {
    let post = get_post().parse(&outlook(), doc_response(200, "outlook_rest_post.json")).unwrap();
    assert_eq!(post.id.as_deref(), Some(P));
    assert_eq!(post.created_date_time.as_deref(), Some("2017-07-31T18:59:04Z"));
    assert_eq!(post.has_attachments, Some(true));
    let body = post.body.as_ref().unwrap();
    assert_eq!(body.content_type.as_deref(), Some("HTML"));
    assert!(body.is_html());
    assert_eq!(post.from.as_ref().unwrap().address(), Some("HRTaskforce@M365x214355.onmicrosoft.com"));
    assert_eq!(post.sender.as_ref().unwrap().email_address.as_ref().unwrap().name.as_deref(), Some("Joni Sherman"));
    assert_eq!(post.conversation_id.as_deref(), Some(C));
    assert_eq!(post.conversation_thread_id.as_deref(), Some(T));
    let att = &post.attachments.as_ref().unwrap()[0];
    assert_eq!(att.kind(), AttachmentKind::File);
    assert_eq!(att.content_bytes.as_deref(), Some(&b"This is a file to be attached."[..]));
    // Annotations keep their spelling and stay in extra.
    assert!(post.extra.contains_key("@odata.etag"));
    assert!(post.extra.contains_key("@odata.id"));
    assert!(post.extra.keys().all(|k| k.starts_with('@')), "{:?}", post.extra.keys());
}

#[test]
fn pascal_case_post_round_trips_to_the_wire() {
    let wire = fixture("outlook_rest_post.json");
    let post = get_post().parse(&outlook(), doc_response(200, "outlook_rest_post.json")).unwrap();
    let back = Dialect::OutlookRest.to_wire(serde_json::to_value(&post).unwrap());
    assert_eq!(back, wire, "explicit nulls (ContentId, ContentLocation) included");
}

#[test]
fn the_same_post_in_graph_casing_is_not_understood_as_pascal_and_vice_versa() {
    // The Graph endpoint does not recase: PascalCase keys stay unknown.
    let post = get_post().parse(&ep(), doc_response(200, "outlook_rest_post.json")).unwrap();
    assert_eq!(post.id, None);
    assert!(post.extra.contains_key("Id"));
}

#[test]
fn request_bodies_are_pascal_case() {
    let op = ReplyToThread { group_id: G.into(), thread_id: T.into(), post: Post::html("hi") };
    let req = op.request(&outlook()).unwrap();
    assert_eq!(req.url, format!("https://outlook.office.com/api/v2.0/groups/{G}/threads/{T_ENC}/reply"));
    assert_eq!(json_body(&req), json!({ "Post": { "Body": { "ContentType": "html", "Content": "hi" } } }));

    let fwd = ForwardPost {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        comment: Some("fyi".into()),
        to_recipients: vec![Recipient::named("A", "a@contoso.com")],
    };
    assert_eq!(
        json_body(&fwd.request(&outlook()).unwrap()),
        json!({ "Comment": "fyi", "ToRecipients": [{ "EmailAddress": { "Name": "A", "Address": "a@contoso.com" } }] })
    );

    let create = CreateThread { group_id: G.into(), topic: "T".into(), post: Post::text("x") };
    assert_eq!(
        json_body(&create.request(&outlook()).unwrap()),
        json!({ "Topic": "T", "Posts": [{ "Body": { "ContentType": "text", "Content": "x" } }] })
    );
}

#[test]
fn pascal_case_pages_keep_next_links() {
    let op = ListPosts { group_id: G.into(), thread_id: T.into(), query: Query::new() };
    let body = json!({
        "@odata.context": "ctx",
        "@odata.nextLink": "https://outlook.office.com/api/v2.0/groups/g/threads/t/posts?$skip=10",
        "Value": [{ "Id": "p1", "Body": { "ContentType": "Text", "Content": "x" } }]
    });
    let page = op.parse(&outlook(), json_response(200, serde_json::to_vec(&body).unwrap())).unwrap();
    assert_eq!(page.value[0].id.as_deref(), Some("p1"));
    assert!(page.has_more());
    assert!(outlook().check_link(page.next_link.as_deref().unwrap()).is_ok());
    assert!(ep().check_link(page.next_link.as_deref().unwrap()).is_err());
}
