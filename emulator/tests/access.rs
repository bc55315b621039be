//! Who may do what, and the exact errors Graph gives otherwise: 401, 403, 404, 400, 405.

mod common;
use common::*;

#[test]
fn missing_wrong_or_unknown_tokens_are_401_with_graph_body() {
    let emu = Emu::start();
    let base = emu.base();
    let cases: [(&[(&str, &str)], &str); 4] = [
        (&[], "Access token is empty."),
        (&[("Authorization", "Basic b3duZXI6cHc=")], "Access token is empty."),
        (&[("Authorization", "Bearer not-a-jwt")], "CompactToken parsing failed with error code: 80049217"),
        (&[("Authorization", "Bearer emulator:nobody-secret@contoso.test")], "Access token validation failure."),
    ];
    for (headers, message) in cases {
        let r = send(&base, "GET", "/v1.0/groups", headers, None);
        assert_eq!(r.status, 401);
        let e = r.error();
        assert_eq!(e["code"], "InvalidAuthenticationToken");
        assert_eq!(e["message"], message);
        assert!(!String::from_utf8_lossy(&r.body).contains("secret"), "the token is never echoed");
        assert!(r.header("www-authenticate").is_some_and(|v| v.starts_with("Bearer realm=\"\"")));
        assert!(r.header("content-type").is_some_and(|c| c.starts_with("application/json;odata.metadata=minimal")));
    }
}

#[test]
fn every_user_lists_every_group_and_reads_public_conversations() {
    let emu = Emu::start();
    for user in [OWNER, MEMBER, OUTSIDER] {
        let ids = emu.ids(user, "/v1.0/groups");
        assert!(ids.contains(&PUBLIC.to_string()) && ids.contains(&PRIVATE.to_string()), "{user}: {ids:?}");
        let r = emu.get(user, &format!("/v1.0/groups/{PUBLIC}/conversations"));
        assert_eq!(r.status, 200, "{user}");
        assert!(r.json()["value"].as_array().is_some_and(|v| v.len() >= 3));
    }
}

#[test]
fn private_group_conversations_are_for_members_only() {
    let emu = Emu::start();
    let private_threads = format!("/v1.0/groups/{PRIVATE}/threads");
    for user in [OUTSIDER, MEMBER] {
        for path in [
            format!("/v1.0/groups/{PRIVATE}/conversations"),
            private_threads.clone(),
            format!("{private_threads}/{}", enc(KICKOFF_THREAD)),
        ] {
            let r = emu.get(user, &path);
            assert_eq!(r.status, 403, "{user} {path}");
            let e = r.error();
            assert_eq!(e["code"], "ErrorAccessDenied");
            assert_eq!(e["message"], "Access is denied. Check credentials and try again.");
        }
        let post = r#"{"topic": "Sneaky", "posts": [{"body": {"contentType": "html", "content": "<p>hi</p>"}}]}"#;
        assert_eq!(emu.call(user, "POST", &private_threads, Some(post)).status, 403, "{user} may not post");
    }
    let r = emu.get(OWNER, &private_threads);
    assert_eq!(r.status, 200);
    assert!(!r.json()["value"].as_array().unwrap().is_empty());
    assert_eq!(emu.get(OUTSIDER, &format!("/v1.0/groups/{PRIVATE}")).status, 200, "the group itself is visible");
}

#[test]
fn only_owners_change_a_group() {
    let emu = Emu::start();
    let group = format!("/v1.0/groups/{PUBLIC}");
    let denied = |r: Reply| {
        assert_eq!(r.status, 403, "{}", String::from_utf8_lossy(&r.body));
        let e = r.error();
        assert_eq!(e["code"], "Authorization_RequestDenied");
        assert_eq!(e["message"], "Insufficient privileges to complete the operation.");
    };
    denied(emu.call(MEMBER, "PATCH", &group, Some(r#"{"description": "hijacked"}"#)));
    denied(emu.call(MEMBER, "DELETE", &group, None));
    let member_ref =
        r#"{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/00000000-0000-0000-0000-000000000000"}"#;
    denied(emu.call(MEMBER, "POST", &format!("{group}/members/$ref"), Some(member_ref)));
    denied(emu.call(MEMBER, "POST", &format!("{group}/owners/$ref"), Some(member_ref)));
    denied(emu.call(MEMBER, "DELETE", &format!("{group}/members/{MEMBER_ID}/$ref"), None));
    let photo = send(
        &emu.base(),
        "PUT",
        &format!("{group}/photo/$value"),
        &[("Authorization", "Bearer emulator:member@contoso.test"), ("Content-Type", "image/png")],
        Some(b"\x89PNG\r\n\x1a\nfake"),
    );
    denied(photo);
    assert_eq!(emu.get(OWNER, &group).json()["description"], "Campaigns, launches and everything brand at Contoso.");

    assert_eq!(emu.call(OWNER, "PATCH", &group, Some(r#"{"description": "New"}"#)).status, 204);
    assert_eq!(emu.get(MEMBER, &group).json()["description"], "New");
}

#[test]
fn unknown_ids_are_404_and_malformed_ones_400_with_the_code_of_their_backend() {
    let emu = Emu::start();
    let r = emu.get(MEMBER, "/v1.0/groups/11111111-2222-3333-4444-555555555555");
    assert_eq!(r.status, 404);
    let e = r.error();
    assert_eq!(e["code"], "Request_ResourceNotFound");
    assert_eq!(
        e["message"],
        "Resource '11111111-2222-3333-4444-555555555555' does not exist or one of its queried reference-property objects are not present."
    );
    // A group id that is not a GUID is refused before any lookup, as the directory does.
    for (path, id) in [
        ("/v1.0/groups/nope/threads", "nope"),
        ("/v1.0/groups/nope", "nope"),
        ("/v1.0/groups/Marketing/members", "Marketing"),
        ("/v1.0/groups/11111111-2222-3333-4444-55555555555/photo", "11111111-2222-3333-4444-55555555555"),
    ] {
        let r = emu.get(MEMBER, path);
        assert_eq!(r.status, 400, "{path}");
        assert_eq!(r.error()["code"], "Request_BadRequest", "{path}");
        assert_eq!(r.error()["message"], format!("Invalid object identifier '{id}'."), "{path}");
    }
    let unknown = "AAQkAGI2TG93AAAAAAAAAAAAAAAAAAAAAAAAAA==";
    for path in [
        format!("/v1.0/groups/{PUBLIC}/threads/{unknown}"),
        format!("/v1.0/groups/{PUBLIC}/conversations/{unknown}"),
        format!("/v1.0/groups/{PUBLIC}/threads/{}/posts/{unknown}", enc(KICKOFF_THREAD)),
        format!(
            "/v1.0/groups/{PUBLIC}/threads/{}/posts/{}/attachments/{unknown}",
            enc(BUDGET_THREAD),
            enc(BUDGET_POST)
        ),
    ] {
        let r = emu.get(MEMBER, &path);
        assert_eq!(r.status, 404, "{path}");
        let e = r.error();
        assert_eq!(e["code"], "ErrorItemNotFound");
        assert_eq!(e["message"], "The specified object was not found in the store.");
    }
    for path in [
        format!("/v1.0/groups/{PUBLIC}/threads/AAQkAGNope%3D%3D"),
        format!("/v1.0/groups/{PUBLIC}/conversations/nope"),
        format!("/v1.0/groups/{PUBLIC}/threads/{}/posts/AAMkNope", enc(KICKOFF_THREAD)),
        format!("/v1.0/groups/{PUBLIC}/threads/{}/posts/{}/attachments/AAMkNope", enc(BUDGET_THREAD), enc(BUDGET_POST)),
        // An id is one segment: a hostile one is looked at, never walked as a path.
        format!("/v1.0/groups/{PUBLIC}/threads/{}", enc("../../groups?$top=1#")),
    ] {
        let r = emu.get(MEMBER, &path);
        assert_eq!(r.status, 400, "{path}");
        let e = r.error();
        assert_eq!(e["code"], "ErrorInvalidIdMalformed");
        assert_eq!(e["message"], "Id is malformed.");
    }
    let r = emu.get(MEMBER, &format!("/v1.0/groups/{PRIVATE}/photo/$value"));
    assert_eq!(r.status, 404);
    assert_eq!(r.error()["code"], "ImageNotFound");
    assert_eq!(r.error()["message"], "The photo wasn't found.");
}

#[test]
fn unknown_routes_and_methods_answer_like_graph() {
    let emu = Emu::start();
    let r = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/calendars"));
    assert_eq!(r.status, 400);
    assert_eq!(r.error()["code"], "BadRequest");
    assert_eq!(r.error()["message"], "Resource not found for the segment 'calendars'.");
    assert_eq!(emu.get(MEMBER, "/v1.0/teams").error()["message"], "Resource not found for the segment 'teams'.");

    let r = emu.call(MEMBER, "PUT", "/v1.0/groups", Some("{}"));
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, POST"));
    r.error();
    assert_eq!(emu.call(MEMBER, "DELETE", &format!("/v1.0/groups/{PUBLIC}/threads"), None).status, 405);
    assert_eq!(emu.get(MEMBER, "/v2.0/groups").error()["message"], "Invalid version: v2.0");
    let beta = emu.get(MEMBER, "/beta/groups").json();
    assert!(beta["@odata.context"].as_str().unwrap().ends_with("/beta/$metadata#groups"), "beta is served: {beta}");
}

#[test]
fn bad_bodies_are_400() {
    let emu = Emu::start();
    let threads = format!("/v1.0/groups/{PUBLIC}/threads");
    let r = emu.call(MEMBER, "POST", &threads, Some("{not json"));
    assert_eq!(r.status, 400);
    assert!(r.error()["message"].as_str().unwrap().starts_with("Unable to read JSON request payload."));
    assert_eq!(
        emu.call(MEMBER, "POST", &threads, Some("")).error()["message"],
        "Empty Payload. JSON content expected."
    );
    for body in [
        r#"{"posts": [{"body": {"content": "x"}}]}"#,
        r#"{"topic": "No posts", "posts": []}"#,
        r#"{"topic": "Bad body", "posts": [{"body": "x"}]}"#,
        r#"{"topic": "Extra", "colour": "red", "posts": [{"body": {"content": "x"}}]}"#,
    ] {
        let r = emu.call(MEMBER, "POST", &threads, Some(body));
        assert_eq!(r.status, 400, "{body}");
        r.error();
    }
    let r = emu.call(
        OWNER,
        "POST",
        "/v1.0/groups",
        Some(r#"{"displayName": "No nickname", "mailEnabled": true, "securityEnabled": false}"#),
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.error()["code"], "Request_BadRequest");
    assert_eq!(r.error()["message"], "A value is required for property 'mailNickname' of resource 'Group'.");
    let reply = format!("{threads}/{}/reply", enc(KICKOFF_THREAD));
    assert_eq!(emu.call(MEMBER, "POST", &reply, Some(r#"{"message": {}}"#)).status, 400);
}
