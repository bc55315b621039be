//! Bad body values are refused before any request exists, naming the parameter.
mod common;

use common::*;
use o365kit::model::{ItemBody, Photo, Post, Recipient};
use o365kit::ops::*;
use o365kit::Operation;

fn photo(content_type: &str, bytes: Vec<u8>) -> SetGroupPhoto {
    SetGroupPhoto { group_id: G.into(), photo: Photo { content_type: content_type.into(), bytes } }
}

#[test]
fn posts_without_content_are_refused_everywhere() {
    let empties = [
        Post::default(),
        Post::html(""),
        Post::text(" \t\n"),
        Post { body: Some(ItemBody::default()), ..Default::default() },
        Post {
            body: Some(ItemBody { content_type: Some("html".into()), content: None, ..Default::default() }),
            ..Default::default()
        },
    ];
    for post in empties {
        let reqs = [
            ReplyToThread { group_id: G.into(), thread_id: T.into(), post: post.clone() }.request(&ep()),
            ReplyToPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), post: post.clone() }
                .request(&ep()),
            CreateConversationThread { group_id: G.into(), conversation_id: C.into(), post: post.clone() }
                .request(&ep()),
            CreateThread { group_id: G.into(), topic: "t".into(), post: post.clone() }.request(&ep()),
            CreateConversation { group_id: G.into(), topic: "t".into(), post: post.clone() }.request(&ep()),
        ];
        for r in reqs {
            let why = expect_invalid(r, "post");
            assert!(why.contains("body"), "{why}");
        }
    }
}

#[test]
fn a_plain_string_is_an_html_post() {
    let post: Post = "<b>hi</b>".into();
    assert!(post.body.as_ref().unwrap().is_html());
    let req = ReplyToThread { group_id: G.into(), thread_id: T.into(), post }.request(&ep()).unwrap();
    assert_eq!(
        json_body(&req),
        serde_json::json!({ "post": { "body": { "contentType": "html", "content": "<b>hi</b>" } } })
    );
}

#[test]
fn blank_topics_are_refused() {
    for topic in ["", " ", "\t\n", "\u{3000}"] {
        expect_invalid(
            CreateThread { group_id: G.into(), topic: topic.into(), post: Post::html("x") }.request(&ep()),
            "topic",
        );
        expect_invalid(
            CreateConversation { group_id: G.into(), topic: topic.into(), post: Post::html("x") }.request(&ep()),
            "topic",
        );
    }
}

#[test]
fn forwards_need_recipients() {
    let fwd = |to: Vec<Recipient>| ForwardPost {
        group_id: G.into(),
        thread_id: T.into(),
        post_id: P.into(),
        comment: Some("c".into()),
        to_recipients: to,
    };
    assert!(expect_invalid(fwd(vec![]).request(&ep()), "to_recipients").contains("at least one"));
    expect_invalid(fwd(vec![Recipient::new("   ")]).request(&ep()), "to_recipients[0]");
    expect_invalid(
        fwd(vec![Recipient::new("ok@contoso.com"), Recipient::new("ok@contoso.com"), Recipient::new("no-at-sign")])
            .request(&ep()),
        "to_recipients[2]",
    );
}

#[test]
fn photos_must_be_images_of_bounded_size() {
    for ct in ["", " ", "text/plain", "application/octet-stream", "image", "jpeg", "video/mp4"] {
        expect_invalid(photo(ct, vec![1, 2, 3]).request(&ep()), "photo.content_type");
    }
    // A content type must not smuggle a header line.
    expect_invalid(photo("image/jpeg\r\nX-Evil: 1", vec![1]).request(&ep()), "photo.content_type");
    expect_invalid(photo("image/png\u{0}", vec![1]).request(&ep()), "photo.content_type");
    expect_invalid(photo("image/jpeg", vec![]).request(&ep()), "photo.bytes");
    let four_mb = 4 * 1024 * 1024;
    expect_invalid(photo("image/jpeg", vec![0; four_mb + 1]).request(&ep()), "photo.bytes");
    let req = photo("image/jpeg", vec![0; four_mb]).request(&ep()).unwrap();
    assert_eq!(req.body.as_ref().map(Vec::len), Some(four_mb));
}

#[test]
fn photo_content_type_is_trimmed_and_parameters_kept() {
    let req = photo("  image/png ", vec![1]).request(&ep()).unwrap();
    assert_eq!(req.header_value("Content-Type"), Some("image/png"));
    let req = photo("image/jpeg; q=0.9", vec![1]).request(&ep()).unwrap();
    assert_eq!(req.header_value("Content-Type"), Some("image/jpeg; q=0.9"));
}

/// RFC 9110 §8.3.1: "The type and subtype tokens are case-insensitive."
#[test]
fn photo_media_type_is_case_insensitive() {
    assert!(photo("IMAGE/JPEG", vec![1]).request(&ep()).is_ok());
    assert!(photo("Image/png", vec![1]).request(&ep()).is_ok());
}
