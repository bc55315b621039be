//! Query options and collection responses as Graph gives them.

mod common;
use common::*;
use o365kit_emulator::Config;
use serde_json::Value;

#[test]
fn top_pages_through_every_item_by_next_links() {
    let emu = Emu::start();
    let path = format!("/v1.0/groups/{PUBLIC}/conversations");
    let all = emu.ids(MEMBER, &path);
    assert!(all.len() >= 3);
    for top in [1, 2] {
        let pages = emu.pages(MEMBER, &format!("{path}?$top={top}&$select=id,topic"));
        assert!(pages.len() >= all.len().div_ceil(top), "$top={top}: {} pages", pages.len());
        assert!(pages.iter().all(|p| p.len() <= top && !p.is_empty()));
        let ids: Vec<String> = pages.into_iter().flatten().map(|v| v["id"].as_str().unwrap().to_string()).collect();
        assert_eq!(ids, all, "every item once, in order");
    }
    let first = emu.get(MEMBER, &format!("{path}?$top=1&$select=topic")).json();
    let next = first["@odata.nextLink"].as_str().unwrap();
    assert!(next.starts_with(&format!("{}/v1.0/groups/{PUBLIC}/conversations?", emu.base())), "{next}");
    assert!(next.contains("$top=1") && next.contains("$select=topic") && next.contains("$skiptoken="), "{next}");
    let last = emu.get(MEMBER, &format!("{path}?$top=100")).json();
    assert!(last.get("@odata.nextLink").is_none(), "no next link on the last page");
}

#[test]
fn default_page_size_and_max_page_size_apply_without_top() {
    let emu = Emu::with(Config { page_size: 2, ..Config::default() });
    let path = format!("/v1.0/groups/{PUBLIC}/threads");
    let pages = emu.pages(MEMBER, &path);
    assert!(pages.len() >= 3 && pages.iter().all(|p| p.len() <= 2));
    let r = send(
        &emu.base(),
        "GET",
        &path,
        &[("Authorization", "Bearer emulator:member@contoso.test"), ("Prefer", "odata.maxpagesize=1")],
        None,
    );
    assert_eq!(r.json()["value"].as_array().unwrap().len(), 1);
    assert_eq!(r.header("preference-applied"), Some("odata.maxpagesize=1"));
}

#[test]
fn context_and_select_keep_only_what_was_asked() {
    let emu = Emu::start();
    let v = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}?$select=displayName,mail")).json();
    assert_eq!(v["@odata.context"], format!("{}/v1.0/$metadata#groups(displayName,mail)/$entity", emu.base()));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["@odata.context", "displayName", "id", "mail"]);

    let v = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads")).json();
    assert_eq!(v["@odata.context"], format!("{}/v1.0/$metadata#groups('{PUBLIC}')/threads", emu.base()));
    let t = &v["value"][0];
    assert!(t["toRecipients"].is_null(), "toRecipients comes only on $select");
    for prop in ["id", "topic", "hasAttachments", "isLocked", "lastDeliveredDateTime", "uniqueSenders", "preview"] {
        assert!(!t[prop].is_null(), "{prop} in {t}");
    }
    let v = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads?$select=toRecipients")).json();
    assert_eq!(v["value"][0]["toRecipients"][0]["emailAddress"]["address"], "marketing@contoso.test");

    let r = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}?$select=colour"));
    assert_eq!(r.status, 400);
    assert_eq!(r.error()["message"], "Could not find a property named 'colour' on type 'microsoft.graph.group'.");
}

#[test]
fn filter_supports_the_common_forms() {
    let emu = Emu::start();
    let names = |q: &str| -> Vec<String> {
        let r = emu.get(MEMBER, &format!("/v1.0/groups?$filter={}", enc(q)));
        assert_eq!(r.status, 200, "{q}: {}", String::from_utf8_lossy(&r.body));
        r.json()["value"].as_array().unwrap().iter().map(|g| g["displayName"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names("visibility eq 'Private'"), ["Leadership Team"]);
    assert_eq!(names("visibility ne 'private'"), ["Contoso Marketing"]);
    assert_eq!(names("startswith(displayName,'contoso')"), ["Contoso Marketing"]);
    assert_eq!(names("groupTypes/any(c:c eq 'Unified') and mailEnabled eq true").len(), 2);
    assert_eq!(names("createdDateTime ge 2024-06-01T00:00:00Z"), ["Leadership Team"]);
    assert_eq!(names("mail eq 'marketing@contoso.test' or mail eq 'nobody@contoso.test'"), ["Contoso Marketing"]);

    let threads = format!("/v1.0/groups/{PUBLIC}/threads?$filter={}", enc("hasAttachments eq true"));
    let v = emu.get(MEMBER, &threads).json();
    assert_eq!(v["value"].as_array().unwrap().len(), 1);
    assert_eq!(v["value"][0]["id"], BUDGET_THREAD);

    let r = emu.get(MEMBER, &format!("/v1.0/groups?$filter={}", enc("tolower(displayName) eq 'x'")));
    assert_eq!((r.status, r.code().as_str()), (400, "Request_UnsupportedQuery"));
    let r = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads?$filter={}", enc("topic eq")));
    assert_eq!(r.status, 400);
    assert!(r.error()["message"].as_str().unwrap().starts_with("Invalid filter clause"));
    let r = emu.get(MEMBER, &format!("/v1.0/groups?$filter={}", enc("colour eq 'red'")));
    assert_eq!(r.error()["message"], "Could not find a property named 'colour' on type 'microsoft.graph.group'.");
}

#[test]
fn orderby_count_and_skip() {
    let emu = Emu::start();
    let topics = |q: &str| -> Vec<String> {
        let v = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/conversations?{q}")).json();
        v["value"].as_array().unwrap().iter().map(|c| c["topic"].as_str().unwrap().to_string()).collect()
    };
    let asc = topics("$orderby=topic");
    let mut sorted = asc.clone();
    sorted.sort();
    assert_eq!(asc, sorted);
    let desc = topics("$orderby=topic%20desc");
    assert_eq!(desc, asc.iter().rev().cloned().collect::<Vec<_>>());
    let by_date = topics("$orderby=lastDeliveredDateTime%20asc");
    assert_eq!(by_date.first().map(String::as_str), Some("Spring campaign kickoff"));
    assert_eq!(topics("$orderby=topic&$skip=1"), asc[1..]);

    let v = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/conversations?$count=true&$top=1")).json();
    assert_eq!(v["@odata.count"], Value::from(asc.len()));
    let r = emu.get(MEMBER, "/v1.0/groups?$skip=1");
    assert_eq!((r.status, r.error()["message"].as_str().unwrap()), (400, "'$skip' is not supported by the service."));
    let r = emu.get(MEMBER, "/v1.0/groups?$foo=1");
    assert_eq!((r.status, r.code().as_str()), (400, "Request_BadRequest"));
    let r = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads?$top=abc"));
    assert_eq!(r.status, 400);
}

#[test]
fn search_needs_eventual_consistency_on_directory_objects() {
    let emu = Emu::start();
    let q = format!("/v1.0/groups?$search={}", enc("\"displayName:leader\""));
    let r = emu.get(MEMBER, &q);
    assert_eq!(r.status, 400);
    assert!(r.error()["message"].as_str().unwrap().contains("ConsistencyLevel: eventual"));
    let r = send(
        &emu.base(),
        "GET",
        &format!("{q}&$count=true"),
        &[("Authorization", "Bearer emulator:member@contoso.test"), ("ConsistencyLevel", "eventual")],
        None,
    );
    let v = r.json();
    assert_eq!(v["@odata.count"], 1);
    assert_eq!(v["value"][0]["displayName"], "Leadership Team");
}

#[test]
fn members_and_joined_groups_are_typed_directory_objects() {
    let emu = Emu::start();
    let v = emu.get(OWNER, &format!("/v1.0/groups/{PUBLIC}/members")).json();
    assert_eq!(v["@odata.context"], format!("{}/v1.0/$metadata#directoryObjects", emu.base()));
    let members = v["value"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert!(members.iter().all(|m| m["@odata.type"] == "#microsoft.graph.user" && m["userPrincipalName"].is_string()));
    let joined = emu.get(MEMBER, "/v1.0/me/memberOf/microsoft.graph.group").json();
    let joined = joined["value"].as_array().unwrap();
    assert_eq!(joined.len(), 1);
    assert_eq!(
        (joined[0]["id"].as_str(), joined[0]["@odata.type"].as_str()),
        (Some(PUBLIC), Some("#microsoft.graph.group"))
    );
    assert!(emu.get(OUTSIDER, "/v1.0/me/memberOf/microsoft.graph.group").json()["value"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(emu.get(OWNER, "/v1.0/me/memberOf").json()["value"].as_array().unwrap().len(), 2);
}

#[test]
fn another_users_groups_by_id_or_upn() {
    let emu = Emu::start();
    for who in [MEMBER, MEMBER_ID] {
        let v = emu.get(OWNER, &format!("/v1.0/users/{who}/memberOf")).json();
        assert_eq!(v["@odata.context"], format!("{}/v1.0/$metadata#directoryObjects", emu.base()));
        assert_eq!(v["value"].as_array().unwrap().len(), 1, "{who}");
        assert_eq!(
            (v["value"][0]["id"].as_str(), v["value"][0]["@odata.type"].as_str()),
            (Some(PUBLIC), Some("#microsoft.graph.group"))
        );
    }
    let cast = emu.get(MEMBER, &format!("/v1.0/users/{OWNER}/memberOf/graph.group")).json();
    assert_eq!(cast["@odata.context"], format!("{}/v1.0/$metadata#groups", emu.base()));
    assert_eq!(cast["value"].as_array().unwrap().len(), 2);
    assert!(emu.get(OWNER, &format!("/v1.0/users/{OUTSIDER}/memberOf")).json()["value"].as_array().unwrap().is_empty());
    assert_eq!(emu.get(OWNER, "/v1.0/users/nobody@contoso.test/memberOf").code(), "Request_ResourceNotFound");
}

#[test]
fn member_lists_cast_to_users_with_either_alias() {
    let emu = Emu::start();
    for cast in ["microsoft.graph.user", "graph.user"] {
        let v = emu.get(OWNER, &format!("/v1.0/groups/{PUBLIC}/members/{cast}?$select=displayName")).json();
        assert_eq!(v["@odata.context"], format!("{}/v1.0/$metadata#users(displayName)", emu.base()), "{cast}");
        let users = v["value"].as_array().unwrap();
        assert_eq!(users.len(), 2, "{cast}");
        assert!(users.iter().all(|u| u["displayName"].is_string() && u.get("userPrincipalName").is_none()));
    }
    let owners = emu.get(OWNER, &format!("/v1.0/groups/{PUBLIC}/owners/graph.user")).json();
    assert_eq!(owners["@odata.context"], format!("{}/v1.0/$metadata#users", emu.base()));
    assert!(!owners["value"].as_array().unwrap().is_empty());
    let groups = emu.get(OWNER, &format!("/v1.0/groups/{PUBLIC}/members/graph.group")).json();
    assert_eq!(groups["@odata.context"], format!("{}/v1.0/$metadata#groups", emu.base()));
    assert_eq!(groups["value"], Value::Array(vec![]), "members here are users only");
    let other = emu.get(OWNER, &format!("/v1.0/groups/{PUBLIC}/members/microsoft.graph.device"));
    assert_eq!(other.status, 400);
    assert_eq!(emu.get(OWNER, "/v1.0/groups/nope/members/graph.user").status, 400, "not a GUID");
    assert_eq!(emu.get(OWNER, "/v1.0/groups/11111111-2222-3333-4444-555555555555/members/graph.user").status, 404);
}
