//! Group conversations: requests built and the docs' example responses parsed.
mod common;

use common::*;
use o365kit::model::{Post, Recipient};
use o365kit::ops::*;
use o365kit::{Method, Operation, Query};
use serde_json::json;

// ---- list_conversations (GET /groups/{id}/conversations)

#[test]
fn list_conversations_request_matches_doc_example() {
    let req = ListConversations { group_id: G.into(), query: Query::new() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    assert_eq!(req.url, "https://graph.microsoft.com/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/conversations");
    assert!(req.headers.is_empty());
    assert_no_body(&req);
}

#[test]
fn list_conversations_with_count_has_no_consistency_header() {
    // ConsistencyLevel is a directory (Entra ID) header; conversations live in Exchange.
    let query = Query::new().select(["topic"]).filter("hasAttachments eq true").count(true);
    let req = ListConversations { group_id: G.into(), query }.request(&ep()).unwrap();
    assert_eq!(
        req.url,
        format!("{BASE}/groups/{G}/conversations?$select=topic&$filter=hasAttachments%20eq%20true&$count=true")
    );
    assert_eq!(req.header_value("ConsistencyLevel"), None);
}

#[test]
fn list_conversations_parses_doc_example() {
    let op = ListConversations { group_id: G.into(), query: Query::new() };
    let page = op.parse(&ep(), doc_response(200, "list_conversations.json")).unwrap();
    assert_eq!(page.value.len(), 1);
    let c = &page.value[0];
    assert_eq!(
        c.id.as_deref(),
        Some("AAQkAGFhZDhkNGI1LTliZmEtNGEzMi04NTkzLWZjMWExZDkyMWEyZgAQAH4o7SknOTNKqAqMhqJHtUM=")
    );
    assert_eq!(c.topic.as_deref(), Some("The new All Company group is ready"));
    assert_eq!(c.has_attachments, Some(false));
    assert_eq!(c.last_delivered_date_time.as_deref(), Some("2021-08-02T10:34:00Z"));
    assert_eq!(c.unique_senders.as_deref(), Some(&["All Company".to_string()][..]));
    assert!(c.preview.as_deref().unwrap().starts_with("Welcome to the All Company group."));
    assert!(c.extra.is_empty(), "{:?}", c.extra);
    assert_eq!(
        page.context.as_deref(),
        Some("https://graph.microsoft.com/v1.0/$metadata#groups('f448435d-3ca7-4073-8152-a1fd73c0fd09')/conversations")
    );
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- get_conversation (GET /groups/{id}/conversations/{id})

#[test]
fn get_conversation_request_matches_doc_example() {
    let req =
        GetConversation { group_id: G.into(), conversation_id: C.into(), query: Query::new() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Get);
    // The docs write the trailing '=' raw; we percent-encode it, which means the same.
    assert_eq!(req.url, format!("{BASE}/groups/{G}/conversations/{C_ENC}"));
    assert!(req.headers.is_empty());
}

#[test]
fn get_conversation_parses_doc_example() {
    let op = GetConversation { group_id: G.into(), conversation_id: C.into(), query: Query::new() };
    let c = op.parse(&ep(), doc_response(200, "get_conversation.json")).unwrap();
    assert_eq!(c.id.as_deref(), Some(C));
    assert_eq!(c.topic.as_deref(), Some("New Training Plans"));
    assert_eq!(c.unique_senders, Some(vec!["HR Taskforce".to_string()]));
    assert!(c.preview.as_deref().unwrap().contains("<https://teams.microsoft.com/l/meetup-join/"));
    assert!(c.extra.contains_key("@odata.context"));
    assert_eq!(c.threads, None);
    assert_not_found(op.parse(&ep(), not_found()));
}

// ---- create_conversation (POST /groups/{id}/conversations, 201)

#[test]
fn create_conversation_request_matches_doc_example() {
    let mut post = Post::html("Contoso cares about you: Rest and Recharge");
    post.new_participants = Some(vec![Recipient::named("Adele Vance", "AdeleV@contoso.com")]);
    let op = CreateConversation {
        group_id: "29981b6a-0e57-42dc-94c9-cd24f5306196".into(),
        topic: "Take your wellness days and rest".into(),
        post,
    };
    let req = op.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.url, "https://graph.microsoft.com/v1.0/groups/29981b6a-0e57-42dc-94c9-cd24f5306196/conversations");
    assert_eq!(
        json_body(&req),
        json!({
            "topic": "Take your wellness days and rest",
            "threads": [{
                "posts": [{
                    "body": { "contentType": "html", "content": "Contoso cares about you: Rest and Recharge" },
                    "newParticipants": [{ "emailAddress": { "name": "Adele Vance", "address": "AdeleV@contoso.com" } }]
                }]
            }]
        })
    );
}

#[test]
fn create_conversation_parses_doc_example() {
    let op = CreateConversation { group_id: G.into(), topic: "t".into(), post: Post::text("x") };
    // The docs' prose says 201 Created, their example shows 200 OK: both are success.
    for status in [201, 200] {
        let c = op.parse(&ep(), doc_response(status, "create_conversation.json")).unwrap();
        assert_eq!(
            c.id.as_deref(),
            Some("AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgAQADamkjVbzvRKnUq1oBRdwhk=")
        );
        let threads = c.threads.expect("the new thread ids");
        assert_eq!(
            threads[0].id.as_deref(),
            Some("AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgMkABAANqaSNVvO9EqdSrWgFF3CGRAANqaSNVvO9EqdSrWgFF3CGQ==")
        );
    }
    assert_not_found(op.parse(&ep(), not_found()));
}

#[test]
fn create_conversation_refuses_blank_topic_and_empty_post() {
    let op = |topic: &str, post: Post| CreateConversation { group_id: G.into(), topic: topic.into(), post };
    expect_invalid(op("", Post::html("x")).request(&ep()), "topic");
    expect_invalid(op(" \t ", Post::html("x")).request(&ep()), "topic");
    expect_invalid(op("Topic", Post::default()).request(&ep()), "post");
    expect_invalid(op("Topic", Post::html("   ")).request(&ep()), "post");
}

// ---- delete_conversation (DELETE /groups/{id}/conversations/{id}, 204)

#[test]
fn delete_conversation_request_matches_doc_example() {
    let req = DeleteConversation { group_id: G.into(), conversation_id: C.into() }.request(&ep()).unwrap();
    assert_eq!(req.method, Method::Delete);
    assert_eq!(req.url, format!("{BASE}/groups/{G}/conversations/{C_ENC}"));
    assert!(req.headers.is_empty());
    assert_no_body(&req);
}

#[test]
fn delete_conversation_parses_204() {
    let op = DeleteConversation { group_id: G.into(), conversation_id: C.into() };
    op.parse(&ep(), empty_response(204)).unwrap();
    assert_not_found(op.parse(&ep(), not_found()));
}
