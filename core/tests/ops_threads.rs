//! Conversation threads: requests built and the docs' example responses parsed.
mod common;

use common::*;
use o365kit::model::{ConversationThread, ItemBody, Post, Recipient};
use o365kit::ops::*;
use o365kit::{Method, Operation, Query};
use serde_json::json;

// ---- list_conversation_threads (GET /groups/{id}/conversations/{id}/threads)

#[test]
fn list_conversation_threads_request_matches_doc_example() {
    let op = ListConversationThreads {
        group_id: "4d81ce71-486c-41e9-afc5-e41bf2d0722a".into(),
        conversation_id: "AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgAQABKPPJ682apIiV1UFlj7XxY=".into(),
        query: Query::new(),
    };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(
        req.url,
        "https://graph.microsoft.com/v1.0/groups/4d81ce71-486c-41e9-afc5-e41bf2d0722a/conversations/AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgAQABKPPJ682apIiV1UFlj7XxY%3D/threads"
    );
    assert!(req.headers.is_empty());
    assert_no_body(&req);
}

#[test]
fn list_conversation_threads_selects_recipients() {
    // The docs suggest $select to get toRecipients and ccRecipients.
    let query = Query::new().select(["toRecipients", "ccRecipients"]);
    let req = ListConversationThreads { group_id: G.into(), conversation_id: C.into(), query }.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/groups/{G}/conversations/{C_ENC}/threads?$select=toRecipients,ccRecipients"));
}

#[test]
fn list_conversation_threads_parses_doc_example() {
    let op = ListConversationThreads { group_id: G.into(), conversation_id: C.into(), query: Query::new() };
    let page = op.parse(&ep(), doc_response(200, "list_conversation_threads.json")).unwrap();
    let t = &page.value[0];
    assert_eq!(
        t.id.as_deref(),
        Some("AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgMkABAAEo88nrzZqkiJXVQWWPtfFhAAEo88nrzZqkiJXVQWWPtfFg==")
    );
    assert_eq!(t.topic.as_deref(), Some("The new Ask HR group is ready"));
    assert_eq!(t.is_locked, Some(false));
    assert_eq!(t.unique_senders, Some(vec!["Ask HR".to_string()]));
    assert!(t.extra.is_empty());
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- list_group_threads (GET /groups/{id}/threads)

#[test]
fn list_group_threads_request_matches_doc_example() {
    let req = ListGroupThreads { group_id: G.into(), query: Query::new() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, "https://graph.microsoft.com/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/threads");
    assert!(req.headers.is_empty());
}

#[test]
fn list_group_threads_with_query_and_preferences() {
    let query =
        Query::new().top(5).orderby(["lastDeliveredDateTime desc"]).max_page_size(5).timezone("Pacific Standard Time");
    let req = ListGroupThreads { group_id: G.into(), query }.request(&ep()).unwrap();
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads?$orderby=lastDeliveredDateTime%20desc&$top=5"));
    assert_eq!(req.header_value("Prefer"), Some("outlook.timezone=\"Pacific Standard Time\", odata.maxpagesize=5"));
    assert_eq!(req.header_value("ConsistencyLevel"), None);
}

#[test]
fn list_group_threads_parses_doc_example() {
    let op = ListGroupThreads { group_id: G.into(), query: Query::new() };
    let page = op.parse(&ep(), doc_response(200, "list_group_threads.json")).unwrap();
    let t = &page.value[0];
    assert_eq!(t.id.as_deref(), Some("thread-id"));
    assert_eq!(t.topic.as_deref(), Some("topic-value"));
    assert_eq!(t.has_attachments, Some(true));
    assert_eq!(t.last_delivered_date_time.as_deref(), Some("datetime-value"));
    assert_eq!(t.preview.as_deref(), Some("preview-value"));
    assert_eq!(t.is_locked, Some(false));
    assert_eq!(page.context, None);
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- get_thread (GET /groups/{id}/threads/{id})

#[test]
fn get_thread_request() {
    let req = GetThread { group_id: G.into(), thread_id: T.into(), query: Query::new() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}"));
    assert!(req.headers.is_empty());
}

#[test]
fn get_thread_parses_doc_example() {
    let op = GetThread { group_id: G.into(), thread_id: T.into(), query: Query::new() };
    let t = op.parse(&ep(), doc_response(200, "get_thread.json")).unwrap();
    assert_eq!(t.id.as_deref(), Some("thread-id"));
    assert_eq!(t.unique_senders, Some(vec!["uniqueSenders-value".to_string()]));
    assert_eq!(t.is_locked, Some(false));
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- create_thread (POST /groups/{id}/threads, 201)

#[test]
fn create_thread_request_matches_doc_example() {
    let mut post = Post::html("this is body content");
    post.new_participants = Some(vec![Recipient::named("Alex Darrow", "alexd@contoso.com")]);
    let op = CreateThread { group_id: G.into(), topic: "New Conversation Thread Topic".into(), post };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads"));
    assert_eq!(
        json_body(&req),
        json!({
            "topic": "New Conversation Thread Topic",
            "posts": [{
                "body": { "contentType": "html", "content": "this is body content" },
                "newParticipants": [{ "emailAddress": { "name": "Alex Darrow", "address": "alexd@contoso.com" } }]
            }]
        })
    );
}

#[test]
fn create_thread_parses_doc_example_201() {
    let op = CreateThread { group_id: G.into(), topic: "t".into(), post: Post::html("x") };
    let t = op.parse(&ep(), doc_response(201, "create_thread.json")).unwrap();
    assert_eq!(t.topic.as_deref(), Some("topic-value"));
    let to = t.to_recipients.as_ref().unwrap();
    assert_eq!(to[0].address(), Some("address-value"));
    assert_eq!(to[0].email_address.as_ref().unwrap().name.as_deref(), Some("name-value"));
    assert_eq!(t.cc_recipients.as_ref().unwrap().len(), 1);
    assert_eq!(t.id, None, "the docs' example has no id");
    assert_not_found(op.parse(&ep(), not_found()));
}

#[test]
fn create_thread_refuses_blank_topic_and_empty_post() {
    let op = |topic: &str, post: Post| CreateThread { group_id: G.into(), topic: topic.into(), post };
    expect_invalid(op("", Post::html("x")).request(&ep()), "topic");
    expect_invalid(op("\n", Post::html("x")).request(&ep()), "topic");
    expect_invalid(op("Topic", Post::default()).request(&ep()), "post");
    let no_content =
        Post { body: Some(ItemBody { content_type: Some("html".into()), ..Default::default() }), ..Default::default() };
    expect_invalid(op("Topic", no_content).request(&ep()), "post");
}

// ---- create_conversation_thread (POST /groups/{id}/conversations/{id}/threads, 201)

#[test]
fn create_conversation_thread_request() {
    let op = CreateConversationThread {
        group_id: G.into(),
        conversation_id: C.into(),
        post: Post::html("Waiting for the summer holidays."),
    };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/conversations/{C_ENC}/threads"));
    // The docs' example also sends "topic"; the table gives this operation no topic parameter.
    assert_eq!(
        json_body(&req),
        json!({ "posts": [{ "body": { "contentType": "html", "content": "Waiting for the summer holidays." } }] })
    );
}

#[test]
fn create_conversation_thread_parses_doc_example_201() {
    let op = CreateConversationThread { group_id: G.into(), conversation_id: C.into(), post: Post::html("x") };
    let t = op.parse(&ep(), doc_response(201, "create_conversation_thread.json")).unwrap();
    assert_eq!(
        t.id.as_deref(),
        Some("AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgMkABAArnv4XDMi_kemtqM1d730TxAArnv4XDMi_kemtqM1d730Tw==")
    );
    assert_not_found(op.parse(&ep(), not_found()));
}

#[test]
fn create_conversation_thread_refuses_empty_post() {
    let op = CreateConversationThread { group_id: G.into(), conversation_id: C.into(), post: Post::text("") };
    expect_invalid(op.request(&ep()), "post");
}

// ---- update_thread (PATCH /groups/{id}/threads/{id})

#[test]
fn update_thread_request_matches_doc_example() {
    let thread_id =
        "AAQkAGU3OGZjZTE2LTFlOWItNGExYi1hMGMzLTMwZWU4OGUzYjU5MQMkABAALmW2hn6Ui0_7hOBeAIFdWhAALmW2hn6Ui0_7hOBeAIFdWg==";
    let thread = ConversationThread { is_locked: Some(true), ..Default::default() };
    let op =
        UpdateThread { group_id: "0fbf2921-5d17-4c2b-bae4-cc581de72c13".into(), thread_id: thread_id.into(), thread };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Patch);
    assert_eq!(
        req.url,
        "https://graph.microsoft.com/v1.0/groups/0fbf2921-5d17-4c2b-bae4-cc581de72c13/threads/AAQkAGU3OGZjZTE2LTFlOWItNGExYi1hMGMzLTMwZWU4OGUzYjU5MQMkABAALmW2hn6Ui0_7hOBeAIFdWhAALmW2hn6Ui0_7hOBeAIFdWg%3D%3D"
    );
    assert_eq!(json_body(&req), json!({ "isLocked": true }));
}

#[test]
fn update_thread_parses_200_with_empty_object_and_204() {
    let op = UpdateThread { group_id: G.into(), thread_id: T.into(), thread: ConversationThread::default() };
    // Docs: "200 OK response code and an empty object in the response body".
    op.parse(&ep(), json_response(200, b"{}".to_vec())).unwrap();
    op.parse(&ep(), empty_response(200)).unwrap();
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- delete_thread (DELETE /groups/{id}/threads/{id}, 204)

#[test]
fn delete_thread_request() {
    let req = DeleteThread { group_id: G.into(), thread_id: T.into() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Delete);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}"));
    assert!(req.headers.is_empty());
    assert_no_body(&req);
}

#[test]
fn delete_thread_parses_204() {
    let op = DeleteThread { group_id: G.into(), thread_id: T.into() };
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- reply_to_thread (POST /groups/{id}/threads/{id}/reply, 202)

#[test]
fn reply_to_thread_request_matches_doc_example() {
    let post = Post {
        body: Some(ItemBody {
            content_type: Some(String::new()),
            content: Some("content-value".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let req = ReplyToThread { group_id: G.into(), thread_id: T.into(), post }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/threads/{T_ENC}/reply"));
    assert_eq!(json_body(&req), json!({ "post": { "body": { "contentType": "", "content": "content-value" } } }));
}

#[test]
fn reply_to_thread_parses_202() {
    let op = ReplyToThread { group_id: G.into(), thread_id: T.into(), post: Post::html("x") };
    op.parse(&ep(), empty_response(202)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}

#[test]
fn reply_to_thread_refuses_empty_post() {
    let op = ReplyToThread { group_id: G.into(), thread_id: T.into(), post: Post::default() };
    expect_invalid(op.request(&ep()), "post");
}
