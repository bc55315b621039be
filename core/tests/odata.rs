//! OData query options and Prefer/ConsistencyLevel headers.
mod common;

use common::*;
use o365kit::ops::*;
use o365kit::{BodyType, Operation, Page, Query};
use serde_json::json;

fn qs(q: &Query) -> String {
    q.to_query_string().unwrap()
}

#[test]
fn empty_query_adds_nothing() {
    assert_eq!(qs(&Query::new()), "");
    assert_eq!(Query::new().prefer_header().unwrap(), None);
    assert!(!Query::new().needs_eventual_consistency());
}

#[test]
fn select_expand_orderby_join_with_commas() {
    let q =
        Query::new().select(["id", "topic"]).expand(["attachments"]).orderby(["lastDeliveredDateTime desc", "topic"]);
    assert_eq!(qs(&q), "$select=id,topic&$expand=attachments&$orderby=lastDeliveredDateTime%20desc,topic");
}

#[test]
fn filter_encoding() {
    let cases = [
        ("groupTypes/any(c:c eq 'Unified')", "groupTypes/any(c:c%20eq%20'Unified')"),
        ("displayName eq 'R&D'", "displayName%20eq%20'R%26D'"),
        ("displayName eq 'C#'", "displayName%20eq%20'C%23'"),
        ("displayName eq 'a+b=c'", "displayName%20eq%20'a%2Bb%3Dc'"),
        ("displayName eq 'O''Neil'", "displayName%20eq%20'O''Neil'"),
        ("displayName eq \"x\"", "displayName%20eq%20%22x%22"),
        ("startswith(displayName,'Ré')", "startswith(displayName,'R%C3%A9')"),
        ("topic eq '50%'", "topic%20eq%20'50%25'"),
        ("a eq 'x?y'", "a%20eq%20'x%3Fy'"),
        ("createdDateTime ge 2024-01-01T00:00:00Z", "createdDateTime%20ge%202024-01-01T00:00:00Z"),
        ("emailAddress/address eq 'a@b.c'", "emailAddress/address%20eq%20'a@b.c'"),
        ("x eq '日本'", "x%20eq%20'%E6%97%A5%E6%9C%AC'"),
    ];
    for (filter, enc) in cases {
        assert_eq!(qs(&Query::new().filter(filter)), format!("$filter={enc}"), "{filter}");
    }
}

#[test]
fn encoded_values_cannot_start_another_option() {
    let q = Query::new().filter("a eq 'x'&$top=999#frag").select(["id&$expand=members"]);
    let s = qs(&q);
    assert_eq!(s, "$select=id%26$expand%3Dmembers&$filter=a%20eq%20'x'%26$top%3D999%23frag");
    let names: Vec<&str> = s.split('&').map(|p| p.split('=').next().unwrap()).collect();
    assert_eq!(names, ["$select", "$filter"]);
}

#[test]
fn search_is_quoted() {
    assert_eq!(qs(&Query::new().search("displayName:Video")), "$search=%22displayName:Video%22");
    assert_eq!(qs(&Query::new().search("\"displayName:Video\"")), "$search=%22displayName:Video%22");
    assert_eq!(qs(&Query::new().search("say \"hi\"")), "$search=%22say%20%5C%22hi%5C%22%22");
    assert_eq!(
        qs(&Query::new().search("\"displayName:Video\" OR \"description:prod\"")),
        "$search=%22displayName:Video%22%20OR%20%22description:prod%22"
    );
}

#[test]
fn top_skip_count_and_order_of_options() {
    let q = Query::new()
        .count(true)
        .skip(0)
        .top(10)
        .search("x")
        .orderby(["a"])
        .filter("b eq 1")
        .expand(["c"])
        .select(["d"]);
    assert_eq!(qs(&q), "$select=d&$expand=c&$filter=b%20eq%201&$orderby=a&$search=%22x%22&$top=10&$skip=0&$count=true");
    assert_eq!(qs(&Query::new().top(u32::MAX)), "$top=4294967295");
}

#[test]
fn top_zero_and_blank_options_are_refused() {
    expect_invalid(Query::new().top(0).to_query_string(), "top");
    expect_invalid(Query::new().filter("  ").to_query_string(), "filter");
    expect_invalid(Query::new().search("").to_query_string(), "search");
    expect_invalid(Query::new().select(["id", " "]).to_query_string(), "select");
    expect_invalid(Query::new().expand([""]).to_query_string(), "expand");
    expect_invalid(Query::new().orderby(["\t"]).to_query_string(), "orderby");
    // ...and the refusal reaches the operation's request.
    expect_invalid(ListGroupThreads { group_id: G.into(), query: Query::new().top(0) }.request(&ep()), "top");
}

#[test]
fn prefer_values() {
    let prefer = |q: Query| q.prefer_header().unwrap().unwrap();
    assert_eq!(prefer(Query::new().timezone("Pacific Standard Time")), "outlook.timezone=\"Pacific Standard Time\"");
    assert_eq!(prefer(Query::new().timezone("Europe/Berlin")), "outlook.timezone=\"Europe/Berlin\"");
    assert_eq!(prefer(Query::new().body_type(BodyType::Text)), "outlook.body-content-type=\"text\"");
    assert_eq!(prefer(Query::new().body_type(BodyType::Html)), "outlook.body-content-type=\"html\"");
    assert_eq!(prefer(Query::new().max_page_size(50)), "odata.maxpagesize=50");
    assert_eq!(prefer(Query::new().immutable_ids(true)), "IdType=\"ImmutableId\"");
    assert_eq!(
        prefer(Query::new().immutable_ids(true).max_page_size(5).body_type(BodyType::Text).timezone("UTC")),
        "outlook.timezone=\"UTC\", outlook.body-content-type=\"text\", odata.maxpagesize=5, IdType=\"ImmutableId\""
    );
    assert_eq!(Query::new().immutable_ids(false).prefer_header().unwrap(), None);
}

#[test]
fn prefer_refuses_values_that_break_the_header() {
    for tz in ["UTC\"", "a\\b", "UTC\r\nX-Evil: 1", "UTC\u{0}", "", "  "] {
        expect_invalid(Query::new().timezone(tz).prefer_header(), "timezone");
    }
    expect_invalid(Query::new().max_page_size(0).prefer_header(), "max_page_size");
    expect_invalid(
        GetPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: Query::new().timezone("x\"y") }
            .request(&ep()),
        "timezone",
    );
}

#[test]
fn prefer_header_is_set_on_reads() {
    let q = Query::new().body_type(BodyType::Text).immutable_ids(true);
    let req = GetPost { group_id: G.into(), thread_id: T.into(), post_id: P.into(), query: q }.request(&ep()).unwrap();
    assert_eq!(
        req.headers,
        vec![("Prefer".to_string(), "outlook.body-content-type=\"text\", IdType=\"ImmutableId\"".to_string())]
    );
}

#[test]
fn consistency_level_only_on_directory_lists_with_count_or_search() {
    let eventual = |req: o365kit::Request| req.header_value("ConsistencyLevel") == Some("eventual");
    let counted = || Query::new().count(true);
    let searched = || Query::new().search("displayName:a");
    // Directory resources.
    assert!(eventual(ListGroups { query: counted() }.request(&ep()).unwrap()));
    assert!(eventual(ListGroups { query: searched() }.request(&ep()).unwrap()));
    assert!(eventual(ListGroupOwners { group_id: G.into(), query: counted() }.request(&ep()).unwrap()));
    assert!(eventual(ListJoinedGroups { query: searched() }.request(&ep()).unwrap()));
    assert!(!eventual(
        ListGroups { query: Query::new().filter("x eq 1").orderby(["displayName"]) }.request(&ep()).unwrap()
    ));
    // Exchange-backed resources never get it.
    assert!(!eventual(ListGroupThreads { group_id: G.into(), query: counted() }.request(&ep()).unwrap()));
    assert!(!eventual(
        ListPosts { group_id: G.into(), thread_id: T.into(), query: searched() }.request(&ep()).unwrap()
    ));
    assert!(counted().needs_eventual_consistency() && searched().needs_eventual_consistency());
}

#[test]
fn query_deserializes_from_binding_options() {
    // Bindings pass options as snake_case objects; every field may be left out.
    let q: Query =
        serde_json::from_value(json!({ "select": ["id"], "top": 3, "body_type": "text", "immutable_ids": true }))
            .unwrap();
    assert_eq!(q, Query::new().select(["id"]).top(3).body_type(BodyType::Text).immutable_ids(true));
    let empty: Query = serde_json::from_value(json!({})).unwrap();
    assert_eq!(empty, Query::new());
}

#[test]
fn query_options_name_every_field_and_bad_options_are_named() {
    let full = serde_json::to_value(Query::new()).unwrap();
    let mut fields: Vec<&str> = full.as_object().unwrap().keys().map(String::as_str).collect();
    let mut options = Query::OPTIONS.to_vec();
    fields.sort_unstable();
    options.sort_unstable();
    assert_eq!(fields, options);

    // Every option may be null (left out); every option set round-trips.
    let nulls: serde_json::Map<_, _> = Query::OPTIONS.iter().map(|k| (k.to_string(), json!(null))).collect();
    assert_eq!(o365kit::decode::value::<Query>("query", nulls.into()).unwrap(), Query::new());
    let q = Query::new().select(["id"]).filter("x eq 1").orderby(["a"]).top(2).skip(3).expand(["b"]);
    let q = q.search("s").count(true).timezone("UTC").body_type(BodyType::Html).max_page_size(9).immutable_ids(true);
    let back: Query = o365kit::decode::value("query", serde_json::to_value(&q).unwrap()).unwrap();
    assert_eq!(back, q);

    let bad = |v: serde_json::Value| match o365kit::decode::value::<Query>("query", v) {
        Err(o365kit::Error::Decode { path, source, .. }) => (path, source),
        other => panic!("{other:?}"),
    };
    let (path, why) = bad(json!({ "top": -1 }));
    assert_eq!(path, "top");
    assert!(why.starts_with("invalid value: integer `-1`"), "{why}");
    assert_eq!(bad(json!({ "select": ["id", 5] })).0, "select[1]");
    assert_eq!(bad(json!({ "body_type": "rtf" })).0, "body_type");
    let (path, why) = bad(json!({ "tpo": 5 }));
    assert_eq!(path, "");
    assert!(why.contains("unknown field `tpo`") && why.contains("`top`"), "{why}");
    assert_eq!(bad(json!(["top"])).0, "");
}

#[test]
fn page_fields() {
    let wire = json!({
        "@odata.context": "ctx",
        "@odata.count": 7,
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/groups?$skiptoken=x",
        "@microsoft.graph.tips": "Use $select to choose only the properties your app needs.",
        "value": [1, 2]
    });
    let page: Page<serde_json::Value> = serde_json::from_value(wire.clone()).unwrap();
    assert!(page.has_more());
    assert_eq!(page.count, Some(7));
    assert_eq!(page.delta_link, None);
    assert_eq!(page.extra.len(), 1, "other annotations are kept");
    assert_eq!(serde_json::to_value(&page).unwrap(), wire, "nothing the server sent is lost");
}
