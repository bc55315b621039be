//! Endpoints: national clouds, versions, custom roots, the Outlook REST dialect, and the
//! same-origin check that keeps the bearer token from following a hostile link.
mod common;

use common::*;
use o365kit::odata::next_page_request;
use o365kit::ops::*;
use o365kit::{ApiVersion, Cloud, Dialect, Endpoint, Error, Method, Operation, Query, Request};
use serde_json::json;

#[test]
fn national_cloud_roots() {
    let cases = [
        (Cloud::Global, "https://graph.microsoft.com"),
        (Cloud::UsGovL4, "https://graph.microsoft.us"),
        (Cloud::UsGovL5, "https://dod-graph.microsoft.us"),
        (Cloud::China, "https://microsoftgraph.chinacloudapi.cn"),
    ];
    for (cloud, root) in cases {
        assert_eq!(cloud.graph_root(), root);
        let ep = Endpoint::graph(cloud, ApiVersion::V1);
        assert_eq!(ep.root(), root);
        assert_eq!(ep.base(), format!("{root}/v1.0"));
        assert_eq!(ep.dialect(), Dialect::Graph);
        let req = GetGroup { group_id: G.into(), query: Query::new() }.request(&ep).unwrap();
        assert_eq!(req.url, format!("{root}/v1.0/groups/{G}"));
    }
    assert_eq!(Endpoint::default(), Endpoint::graph(Cloud::Global, ApiVersion::V1));
}

#[test]
fn beta_version() {
    let ep = Endpoint::graph(Cloud::UsGovL4, ApiVersion::Beta);
    assert_eq!(ep.base(), "https://graph.microsoft.us/beta");
    let req = ListGroupThreads { group_id: G.into(), query: Query::new() }.request(&ep).unwrap();
    assert_eq!(req.url, format!("https://graph.microsoft.us/beta/groups/{G}/threads"));
}

#[test]
fn cloud_and_version_names() {
    for (name, cloud) in [
        ("global", Cloud::Global),
        ("Public", Cloud::Global),
        ("usgov-l4", Cloud::UsGovL4),
        ("GCC_High", Cloud::UsGovL4),
        ("usgov l5", Cloud::UsGovL5),
        ("DoD", Cloud::UsGovL5),
        ("china", Cloud::China),
        ("21Vianet", Cloud::China),
    ] {
        assert_eq!(Cloud::parse(name).unwrap(), cloud, "{name}");
    }
    expect_invalid(Cloud::parse("germany"), "cloud");
    expect_invalid(Cloud::parse(""), "cloud");
    assert_eq!(ApiVersion::parse("v1.0").unwrap(), ApiVersion::V1);
    assert_eq!(ApiVersion::parse("beta").unwrap(), ApiVersion::Beta);
    assert_eq!(ApiVersion::V1.as_str(), "v1.0");
    expect_invalid(ApiVersion::parse("v2.0"), "version");
    expect_invalid(ApiVersion::parse("BETA "), "version");
}

#[test]
fn custom_root_trailing_slashes() {
    for root in ["http://127.0.0.1:8080", "http://127.0.0.1:8080/", "http://127.0.0.1:8080///"] {
        let ep = Endpoint::custom(root, ApiVersion::V1).unwrap();
        assert_eq!(ep.base(), "http://127.0.0.1:8080/v1.0", "{root}");
        let req = DeleteGroup { group_id: "g1".into() }.request(&ep).unwrap();
        assert_eq!(req.url, "http://127.0.0.1:8080/v1.0/groups/g1");
    }
    let ep = Endpoint::custom("https://proxy.contoso.com/graph/", ApiVersion::Beta).unwrap();
    assert_eq!(ep.base(), "https://proxy.contoso.com/graph/beta");
    assert_eq!(ep.dialect(), Dialect::Graph);
}

#[test]
fn custom_root_rejects_what_is_not_a_plain_http_url() {
    for root in [
        "",
        "graph.microsoft.com",
        "ftp://graph.microsoft.com",
        "//graph.microsoft.com",
        "https://",
        "https:///",
        "http://",
        "https://user:pw@graph.microsoft.com",
        "https://graph.microsoft.com@evil.test",
        "https://graph.microsoft.com?x=1",
        "https://graph.microsoft.com/#frag",
        "https://graph microsoft.com",
        "https://graph.microsoft.com\n",
        "https://graph.microsoft.com\r\nX-Evil: 1",
        "https://graph.\u{0}microsoft.com",
    ] {
        expect_invalid(Endpoint::custom(root, ApiVersion::V1), "base_url");
        expect_invalid(Endpoint::outlook_rest(root), "base_url");
    }
}

#[test]
fn custom_root_needs_a_host() {
    expect_invalid(Endpoint::custom("https:///v1", ApiVersion::V1), "base_url");
    expect_invalid(Endpoint::custom("http://:8080", ApiVersion::V1), "base_url");
}

#[test]
fn outlook_rest_endpoint() {
    let ep = Endpoint::outlook_rest("https://outlook.office.com/").unwrap();
    assert_eq!(ep.base(), "https://outlook.office.com/api/v2.0");
    assert_eq!(ep.dialect(), Dialect::OutlookRest);
    let req = ListPosts { group_id: G.into(), thread_id: T.into(), query: Query::new() }.request(&ep).unwrap();
    assert_eq!(req.url, format!("https://outlook.office.com/api/v2.0/groups/{G}/threads/{T_ENC}/posts"));
}

#[test]
fn dialect_round_trip_keeps_annotations() {
    let model = json!({
        "@odata.type": "#microsoft.graph.fileAttachment",
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/x?$skiptoken=1",
        "contentBytes": "aGk=",
        "isInline": false,
        "emailAddress": { "address": "a@contoso.com", "name": "A" },
        "toRecipients": [{ "emailAddress": { "address": "b@contoso.com" } }],
        "item@odata.context": "ctx",
        "x": 1
    });
    let wire = Dialect::OutlookRest.to_wire(model.clone());
    assert_eq!(
        wire,
        json!({
            "@odata.type": "#Microsoft.OutlookServices.FileAttachment",
            "@odata.nextLink": "https://graph.microsoft.com/v1.0/x?$skiptoken=1",
            "ContentBytes": "aGk=",
            "IsInline": false,
            "EmailAddress": { "Address": "a@contoso.com", "Name": "A" },
            "ToRecipients": [{ "EmailAddress": { "Address": "b@contoso.com" } }],
            "Item@odata.context": "ctx",
            "X": 1
        })
    );
    assert_eq!(Dialect::OutlookRest.from_wire(wire), model);
    // Values are never recased, only keys.
    assert_eq!(Dialect::OutlookRest.to_wire(json!(["abc", "Abc"])), json!(["abc", "Abc"]));
    // Graph is the identity both ways.
    assert_eq!(Dialect::Graph.to_wire(model.clone()), model);
    assert_eq!(Dialect::Graph.from_wire(model.clone()), model);
}

#[test]
fn dialect_wrap_names_action_bodies() {
    let v = json!({ "body": { "content": "hi" } });
    assert_eq!(Dialect::Graph.wrap("post", v.clone()), json!({ "post": { "body": { "content": "hi" } } }));
    assert_eq!(Dialect::OutlookRest.wrap("post", v), json!({ "Post": { "Body": { "Content": "hi" } } }));
}

#[test]
fn check_link_accepts_same_origin() {
    let ep = ep();
    for link in [
        "https://graph.microsoft.com/v1.0/groups?$skiptoken=X%27abc",
        "https://graph.microsoft.com/beta/groups/x/threads?$top=5&$skiptoken=1",
        "https://graph.microsoft.com",
        "https://graph.microsoft.com?x=1",
        "https://GRAPH.Microsoft.com/v1.0/groups",
        "https://graph.microsoft.com/@evil.test/",
    ] {
        assert!(ep.check_link(link).is_ok(), "{link}");
    }
    let local = Endpoint::custom("http://127.0.0.1:8080/base", ApiVersion::V1).unwrap();
    assert!(local.check_link("http://127.0.0.1:8080/base/v1.0/groups?$skip=10").is_ok());
    assert!(local.check_link("http://127.0.0.1:8080/other").is_ok(), "same origin, any path");
}

#[test]
fn check_link_refuses_other_origins() {
    let ep = ep();
    for link in [
        "https://evil.test/v1.0/groups",
        "https://graph.microsoft.com.evil.test/v1.0/groups",
        "https://evil.test/?https://graph.microsoft.com",
        "http://graph.microsoft.com/v1.0/groups",
        "https://graph.microsoft.com:8443/v1.0/groups",
        "https://graph.microsoft.com@evil.test/",
        "https://graph.microsoft.com:443@evil.test/",
        "https://user:pass@graph.microsoft.com/v1.0/groups",
        "https://graph.microsoft.com\\@evil.test/",
        "https://graph.microsoft.com\\.evil.test/",
        "https://graph.microsoft.us/v1.0/groups",
        "//graph.microsoft.com/v1.0/groups",
        "/v1.0/groups",
        "v1.0/groups",
        "ftp://graph.microsoft.com/",
        "javascript:alert(1)",
        "",
    ] {
        let why = expect_invalid(ep.check_link(link), "nextLink");
        assert!(why.contains("https://graph.microsoft.com"), "{why}");
    }
    let local = Endpoint::custom("http://127.0.0.1:8080", ApiVersion::V1).unwrap();
    for link in [
        "http://127.0.0.1:8081/v1.0/x",
        "http://127.0.0.1/v1.0/x",
        "https://127.0.0.1:8080/v1.0/x",
        "http://localhost:8080/v1.0/x",
    ] {
        expect_invalid(local.check_link(link), "nextLink");
    }
    let gov = Endpoint::graph(Cloud::UsGovL4, ApiVersion::V1);
    expect_invalid(gov.check_link("https://graph.microsoft.com/v1.0/groups"), "nextLink");
    assert!(gov.check_link("https://graph.microsoft.us/v1.0/groups?$skiptoken=a").is_ok());
}

#[test]
fn next_page_request_copies_headers_and_uses_the_link_verbatim() {
    let query = Query::new().count(true).timezone("UTC").top(2);
    let first = ListGroupMembers { group_id: G.into(), query }.request(&ep()).unwrap();
    let link = "https://graph.microsoft.com/v1.0/groups/g/members?$count=true&$top=2&$skiptoken=RFNwdAIAAQAAAD8";
    let next = next_page_request(&ep(), &first, link).unwrap();
    assert_eq!(next.method, Method::Get);
    assert_eq!(next.url, link);
    assert_eq!(next.headers, first.headers);
    assert_eq!(next.header_value("ConsistencyLevel"), Some("eventual"));
    assert_eq!(next.header_value("Prefer"), Some("outlook.timezone=\"UTC\""));
    assert!(next.body.is_none());
}

#[test]
fn next_page_request_refuses_foreign_links() {
    let first = Request::get(format!("{BASE}/groups"));
    match next_page_request(&ep(), &first, "https://evil.test/v1.0/groups?$skiptoken=x") {
        Err(Error::InvalidInput { param, .. }) => assert_eq!(param, "nextLink"),
        other => panic!("{other:?}"),
    }
}
