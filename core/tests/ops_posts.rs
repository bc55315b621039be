//! Posts, replies, forwards and attachments: requests built and the docs' examples parsed.
mod common;

use common::*;
use o365kit::model::{Attachment, AttachmentKind, ItemBody, Post, Recipient};
use o365kit::ops::*;
use o365kit::{BodyType, Method, Operation, Query};
use serde_json::json;

const A: &str = "AAMkADJ-aHAAABEgAQAO5ZYuLGBmNFnelXXQqAN6I=";
const A_ENC: &str = "AAMkADJ-aHAAABEgAQAO5ZYuLGBmNFnelXXQqAN6I%3D";

// ---- list_posts (GET /groups/{id}/threads/{id}/posts)

#[test]
fn list_posts_request_matches_doc_example() {
    let req = ListPosts { group_id: G.into(), thread_id: T.into(), query: Query::new() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("https://graph.microsoft.com/v1.0/groups/{G}/threads/{T_ENC}/posts"));
    assert!(req.headers.is_empty());
    assert_no_body(&req);
}

#[test]
fn list_posts_with_expand_and_text_bodies() {
    let query = Query::new().expand(["attachments"]).body_type(BodyType::Text);
    let req = ListPosts { group_id: G.into(), thread_id: T.into(), query }.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}/posts?$expand=attachments"));
    assert_eq!(req.header_value("prefer"), Some("outlook.body-content-type=\"text\""));
}

#[test]
fn list_posts_parses_doc_example() {
    let op = ListPosts { group_id: G.into(), thread_id: T.into(), query: Query::new() };
    let page = op.parse(&ep(), doc_response(200, "list_posts.json")).unwrap();
    let p = &page.value[0];
    assert_eq!(p.id.as_deref(), Some(P));
    assert_eq!(p.created_date_time.as_deref(), Some("2017-07-31T18:59:04Z"));
    assert_eq!(p.last_modified_date_time.as_deref(), Some("2018-02-03T07:43:40Z"));
    assert_eq!(p.received_date_time.as_deref(), Some("2017-07-31T18:59:05Z"));
    assert_eq!(p.change_key.as_deref(), Some("CwAAABYAAADE9kXbLjqkSJUGeLzs6eumAAB601tS"));
    assert_eq!(p.categories, Some(vec![]));
    assert_eq!(p.has_attachments, Some(false));
    let body = p.body.as_ref().unwrap();
    assert!(body.is_html());
    assert!(body.content.as_deref().unwrap().contains("Meeting to plan new trainings."));
    assert_eq!(p.from.as_ref().unwrap().address(), Some("HRTaskforce@M365x214355.onmicrosoft.com"));
    assert_eq!(p.sender.as_ref().unwrap().email_address.as_ref().unwrap().name.as_deref(), Some("Joni Sherman"));
    assert_eq!(p.extra["@odata.etag"], "W/\"CwAAABYAAADE9kXbLjqkSJUGeLzs6eumAAB601tS\"");
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- get_post (GET /groups/{id}/threads/{id}/posts/{id})

#[test]
fn get_post_request() {
    let req = GetPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new() }
        .request(&ep())
        .unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}/posts/{P_ENC}"));
    assert!(req.headers.is_empty());
}

#[test]
fn get_post_parses_doc_example() {
    let op = GetPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new() };
    let p = op.parse(&ep(), doc_response(200, "get_post.json")).unwrap();
    let body = p.body.as_ref().unwrap();
    assert_eq!(body.content_type.as_deref(), Some(""));
    assert!(!body.is_html());
    assert_eq!(body.content.as_deref(), Some("content-value"));
    assert_eq!(p.has_attachments, Some(true));
    assert_eq!(p.from.as_ref().unwrap().address(), Some("address-value"));
    assert_eq!(p.id, None);
    assert_not_found(op.parse(&ep(), not_found()));
}

#[test]
fn get_post_parses_expanded_in_reply_to_and_attachments() {
    let op = GetPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new() };
    let body = json!({
        "id": "p2",
        "inReplyTo": { "id": "p1", "body": { "contentType": "text", "content": "first" } },
        "attachments": [{ "@odata.type": "#microsoft.graph.fileAttachment", "name": "a.txt", "contentBytes": "aGk=" }]
    });
    let p = op.parse(&ep(), json_response(200, serde_json::to_vec(&body).unwrap())).unwrap();
    assert_eq!(p.in_reply_to.as_ref().unwrap().id.as_deref(), Some("p1"));
    let att = &p.attachments.as_ref().unwrap()[0];
    assert_eq!(att.kind(), AttachmentKind::File);
    assert_eq!(att.content_bytes.as_deref(), Some(&b"hi"[..]));
}

// ---- reply_to_post (POST /groups/{id}/threads/{id}/posts/{id}/reply)

#[test]
fn reply_to_post_request_matches_doc_example_shape() {
    let mut post = Post {
        body: Some(ItemBody {
            content_type: Some(String::new()),
            content: Some("content-value".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    post.new_participants = Some(vec![Recipient::named("name-value", "address@contoso.com")]);
    post.attachments = Some(vec![Attachment::file("a.txt", "text/plain", b"hello".to_vec())]);
    let req = ReplyToPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), post }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}/posts/{P_ENC}/reply"));
    assert_eq!(
        json_body(&req),
        json!({
            "post": {
                "body": { "contentType": "", "content": "content-value" },
                "newParticipants": [{ "emailAddress": { "name": "name-value", "address": "address@contoso.com" } }],
                "attachments": [{
                    "@odata.type": "#microsoft.graph.fileAttachment",
                    "name": "a.txt",
                    "contentType": "text/plain",
                    "contentBytes": "aGVsbG8="
                }]
            }
        })
    );
}

#[test]
fn reply_to_post_parses_200_and_202() {
    let op = ReplyToPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), post: Post::html("x") };
    // v1.0 docs say 200 OK (conversationThread: reply says 202 Accepted); both are success.
    op.parse(&ep(), empty_response(200)).unwrap();
    op.parse(&ep(), empty_response(202)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

#[test]
fn reply_to_post_refuses_empty_body() {
    let op = ReplyToPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), post: Post::html(" \n ") };
    expect_invalid(op.request(&ep()), "post");
}

// ---- forward_post (POST /groups/{id}/threads/{id}/posts/{id}/forward)

#[test]
fn forward_post_request_matches_doc_example() {
    let op = ForwardPost {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        comment: Some("comment-value".into()),
        to_recipients: vec![Recipient::named("name-value", "name@contoso.com")],
    };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}/posts/{P_ENC}/forward"));
    assert_eq!(
        json_body(&req),
        json!({
            "comment": "comment-value",
            "toRecipients": [{ "emailAddress": { "name": "name-value", "address": "name@contoso.com" } }]
        })
    );
}

#[test]
fn forward_post_without_comment_omits_it() {
    let op = ForwardPost {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        comment: None,
        to_recipients: vec![Recipient::new("a@contoso.com"), Recipient::new("b@contoso.com")],
    };
    let body = json_body(&op.request(&ep()).unwrap());
    assert_eq!(
        body,
        json!({ "toRecipients": [
            { "emailAddress": { "address": "a@contoso.com" } },
            { "emailAddress": { "address": "b@contoso.com" } }
        ] })
    );
}

#[test]
fn forward_post_parses_200_and_202() {
    let op = ForwardPost {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        comment: None,
        to_recipients: vec![Recipient::new("a@contoso.com")],
    };
    op.parse(&ep(), empty_response(200)).unwrap();
    op.parse(&ep(), empty_response(202)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

#[test]
fn forward_post_needs_recipients_with_addresses() {
    let op = |to: Vec<Recipient>| ForwardPost {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        comment: None,
        to_recipients: to,
    };
    expect_invalid(op(vec![]).request(&ep()), "to_recipients");
    expect_invalid(
        op(vec![Recipient::new("a@contoso.com"), Recipient::new("nobody")]).request(&ep()),
        "to_recipients[1]",
    );
    expect_invalid(op(vec![Recipient::default()]).request(&ep()), "to_recipients[0]");
    expect_invalid(op(vec![Recipient::new("")]).request(&ep()), "to_recipients[0]");
}

// ---- list_post_attachments (GET .../posts/{id}/attachments)

#[test]
fn list_post_attachments_request_matches_doc_example() {
    let req = ListPostAttachments { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new() }
        .request(&ep())
        .unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}/posts/{P_ENC}/attachments"));
    assert!(req.headers.is_empty());
}

#[test]
fn list_post_attachments_parses_doc_example() {
    let op = ListPostAttachments { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new() };
    let page = op.parse(&ep(), doc_response(200, "list_post_attachments.json")).unwrap();
    let a = &page.value[0];
    assert_eq!(a.kind(), AttachmentKind::File);
    assert_eq!(a.id.as_deref(), Some(A));
    assert_eq!(a.name.as_deref(), Some("FileAsAttachment.txt"));
    assert_eq!(a.content_type.as_deref(), Some("text/plain"));
    assert_eq!(a.size, Some(244));
    assert_eq!(a.is_inline, Some(false));
    assert_eq!(a.content_id, None);
    assert_eq!(a.content_bytes.as_deref(), Some(&b"This is a file to be attached."[..]));
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- get_post_attachment (GET .../posts/{id}/attachments/{id})

#[test]
fn get_post_attachment_request() {
    let op = GetPostAttachment {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        attachment_id: A.into(),
        query: Query::new(),
    };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}/posts/{P_ENC}/attachments/{A_ENC}"));
    assert!(req.headers.is_empty());
}

#[test]
fn get_post_attachment_expanding_the_item() {
    // Docs example 3: ?$expand=microsoft.graph.itemattachment/item
    let query = Query::new().expand(["microsoft.graph.itemattachment/item"]);
    let op = GetPostAttachment {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        attachment_id: A.into(),
        query,
    };
    let req = op.request(&ep()).unwrap();
    assert!(
        req.url.ends_with(&format!("/attachments/{A_ENC}?$expand=microsoft.graph.itemattachment/item")),
        "{}",
        req.url
    );
}

fn get_attachment() -> GetPostAttachment {
    GetPostAttachment {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        attachment_id: A.into(),
        query: Query::new(),
    }
}

#[test]
fn get_post_attachment_parses_doc_file_example() {
    let a = get_attachment().parse(&ep(), doc_response(200, "get_post_attachment.json")).unwrap();
    assert_eq!(a.kind(), AttachmentKind::File);
    assert_eq!(a.name.as_deref(), Some("Draft sales invoice template.docx"));
    assert_eq!(a.size, Some(13068));
    let bytes = a.content_bytes.as_deref().unwrap();
    assert_eq!(bytes.len(), 18);
    assert!(bytes.starts_with(b"PK\x03\x04"), "a .docx is a zip");
    assert_not_found(get_attachment().parse(&ep(), not_found()));
}

#[test]
fn get_post_attachment_parses_doc_item_example() {
    let a = get_attachment().parse(&ep(), doc_response(200, "get_post_attachment_item.json")).unwrap();
    assert_eq!(a.kind(), AttachmentKind::Item);
    assert_eq!(a.content_type, None);
    assert_eq!(a.content_bytes, None);
    let item = a.item.as_ref().unwrap();
    assert_eq!(item["@odata.type"], "#microsoft.graph.message");
    assert_eq!(item["subject"], "Reminder - please bring laptop");
    assert!(a.extra.contains_key("item@odata.context"));
}

#[test]
fn get_post_attachment_parses_doc_reference_example() {
    let a = get_attachment().parse(&ep(), doc_response(200, "get_post_attachment_reference.json")).unwrap();
    assert_eq!(a.kind(), AttachmentKind::Reference);
    assert_eq!(a.is_inline, Some(true));
    assert_eq!(a.size, Some(1060));
}
