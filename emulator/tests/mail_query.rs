//! OData on messages: default order and page size, $filter, $search, $orderby, $top, $skip,
//! $count, $select, Graph's 400s, and text bodies on request.

mod common;
use common::*;
use o365kit_emulator::Config;
use serde_json::Value;

fn values(r: &Reply) -> Vec<Value> {
    r.json()["value"].as_array().cloned().unwrap_or_default()
}

#[test]
fn messages_come_newest_first_ten_a_page_with_skip_links() {
    let emu = Emu::start();
    let r = emu.get(MEMBER, "/v1.0/me/messages");
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["@odata.context"], format!("{}/v1.0/$metadata#users('{MEMBER_ID}')/messages", emu.base()));
    let page = values(&r);
    assert_eq!(page.len(), 10, "Outlook pages mail by 10");
    let times: Vec<&str> = page.iter().map(|m| m["receivedDateTime"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert_eq!(v["@odata.nextLink"], format!("{}/v1.0/me/messages?$skip=10", emu.base()));
    assert!(page[0].get("internetMessageHeaders").is_none(), "headers only on $select");
    assert!(page[0]["bodyPreview"].is_string() && page[0]["webLink"].is_string());

    let all = emu.ids(MEMBER, "/v1.0/me/messages?$top=25");
    let count = emu.get(MEMBER, "/v1.0/me/messages?$count=true&$top=1").json()["@odata.count"].as_u64().unwrap();
    assert_eq!(all.len() as u64, count);
    assert!(count > 80);
    let skipped = values(&emu.get(MEMBER, "/v1.0/me/messages?$skip=3&$top=2"));
    assert_eq!(skipped[0]["id"], all[3].as_str());

    let r = emu.get(MEMBER, "/v1.0/me/messages?$select=subject,internetMessageHeaders&$filter=subject%20eq%20'Contoso%20Weekly:%205%20ideas%20for%20your%20spring%20campaign'");
    let m = &values(&r)[0];
    assert_eq!(m["internetMessageHeaders"][0]["name"], "List-Unsubscribe");

    let small = Emu::with(Config { page_size: 3, ..Config::default() });
    assert_eq!(values(&small.get(MEMBER, "/v1.0/me/messages")).len(), 3, "a smaller --page-size still wins");
    let mut prefer = Vec::new();
    let auth = format!("Bearer emulator:{MEMBER}");
    prefer.push(("Authorization", auth.as_str()));
    prefer.push(("Prefer", "odata.maxpagesize=4"));
    let r = send(&emu.base(), "GET", "/v1.0/me/messages", &prefer, None);
    assert_eq!(values(&r).len(), 4);
    assert_eq!(r.header("preference-applied"), Some("odata.maxpagesize=4"));
}

#[test]
fn filters_graph_answers() {
    let emu = Emu::start();
    let ok = |q: &str| -> Vec<Value> {
        let r = emu.get(MEMBER, &format!("/v1.0/me/messages?$top=200&{q}"));
        assert_eq!(r.status, 200, "{q}: {}", String::from_utf8_lossy(&r.body));
        values(&r)
    };
    assert!(ok("$filter=isRead%20eq%20false").iter().all(|m| m["isRead"] == false));
    assert!(ok("$filter=hasAttachments%20eq%20true").iter().all(|m| m["hasAttachments"] == true));
    assert!(!ok("$filter=hasAttachments%20eq%20true").is_empty());
    assert!(ok("$filter=importance%20eq%20'high'").iter().all(|m| m["importance"] == "high"));
    let from = ok("$filter=from/emailAddress/address%20eq%20'owner@contoso.test'");
    assert!(!from.is_empty() && from.iter().all(|m| m["from"]["emailAddress"]["address"] == OWNER));
    let window =
        ok("$filter=receivedDateTime%20ge%202025-03-19T00:00:00Z%20and%20receivedDateTime%20lt%202025-03-20T00:00:00Z");
    assert!(!window.is_empty());
    assert!(window.iter().all(|m| m["receivedDateTime"].as_str().unwrap().starts_with("2025-03-19")));
    let blue = ok("$filter=categories/any(c:c%20eq%20'Blue%20category')");
    assert!(
        !blue.is_empty()
            && blue.iter().all(|m| m["categories"].as_array().unwrap().iter().any(|c| c == "Blue category"))
    );
    let asc = ok("$filter=receivedDateTime%20ge%202025-03-01T00:00:00Z&$orderby=receivedDateTime%20asc");
    let times: Vec<&str> = asc.iter().map(|m| m["receivedDateTime"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));

    for (q, code) in [
        ("$filter=isRead%20eq%20false&$orderby=receivedDateTime%20desc", "InefficientFilter"),
        ("$search=%22budget%22&$filter=isRead%20eq%20false", "ErrorInvalidUrlQuery"),
        ("$search=%22budget%22&$orderby=subject", "ErrorInvalidUrlQuery"),
        ("$search=%22budget%22&$skip=5", "ErrorInvalidUrlQuery"),
        ("$filter=colour%20eq%20'red'", "BadRequest"),
        ("$filter=tolower(subject)%20eq%20'x'", "ErrorInvalidUrlQueryFilter"),
    ] {
        let r = emu.get(MEMBER, &format!("/v1.0/me/messages?{q}"));
        assert_eq!((r.status, r.code()), (400, code.to_string()), "{q}");
    }
}

#[test]
fn search_reads_subject_body_and_sender() {
    let emu = Emu::start();
    let hits = |q: &str| -> Vec<String> {
        let r = emu.get(MEMBER, &format!("/v1.0/me/messages?$top=200&$search={q}"));
        assert_eq!(r.status, 200, "{q}");
        values(&r).iter().map(|m| m["subject"].as_str().unwrap_or_default().to_string()).collect()
    };
    assert!(hits("%22verify%22").contains(&"Action required: verify your mailbox".to_string()));
    assert!(hits("%22network%22").contains(&"Site visit notes".to_string()), "body text is searched");
    assert!(hits("%22from:phish%22").contains(&"Action required: verify your mailbox".to_string()));
    assert!(hits("%22zzzunfindable%22").is_empty());
}

#[test]
fn text_bodies_on_request() {
    let emu = Emu::start();
    let auth = format!("Bearer emulator:{MEMBER}");
    let headers = [("Authorization", auth.as_str()), ("Prefer", "outlook.body-content-type=\"text\"")];
    let r = send(&emu.base(), "GET", "/v1.0/me/messages/AAMkAGMemberHostile0001", &headers, None);
    assert_eq!(r.status, 200);
    assert_eq!(r.header("preference-applied"), Some("outlook.body-content-type=\"text\""));
    let m = r.json();
    assert_eq!(m["body"]["contentType"], "text");
    let text = m["body"]["content"].as_str().unwrap();
    assert!(!text.contains('<') && !text.contains("onerror"), "{text}");
    assert!(text.contains("Your mailbox is almost full."));
    let html = emu.get(MEMBER, "/v1.0/me/messages/AAMkAGMemberHostile0001").json();
    assert_eq!(html["body"]["contentType"], "html");
    assert!(html["body"]["content"].as_str().unwrap().contains("onerror=\"window.__pwned=1\""), "stored as sent");
    let list = send(&emu.base(), "GET", "/v1.0/me/mailFolders/inbox/messages?$top=3", &headers, None);
    assert_eq!(list.header("preference-applied"), Some("outlook.body-content-type=\"text\""));
    assert!(values(&list).iter().all(|m| m["body"]["contentType"] == "text"));
}
