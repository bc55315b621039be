//! Hostile input: bodies over Graph's size limit, JSON nested past the parser's limit, ids that
//! look like paths or are huge. Every one gets an answer, and the server keeps serving.

mod common;
use common::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const FOUR_MB: usize = 4 * 1024 * 1024;

/// Sends a request whose body is written in pieces while the answer may already be coming: the
/// status line and body of whatever the emulator answers.
fn send_large(emu: &Emu, path: &str, len: usize, content_length: Option<usize>) -> Reply {
    let host = emu.base().trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(&host).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let length = content_length.unwrap_or(len);
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer emulator:{MEMBER}\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let chunk = vec![b' '; 64 * 1024];
    let mut sent = 0;
    while sent < len {
        let n = chunk.len().min(len - sent);
        if stream.write_all(&chunk[..n]).is_err() {
            break;
        }
        sent += n;
    }
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    parse(&raw)
}

fn threads(_: &Emu) -> String {
    format!("/v1.0/groups/{PUBLIC}/threads")
}

#[test]
fn a_body_over_graphs_limit_is_413_with_graphs_error_and_the_server_goes_on() {
    let emu = Emu::start();
    let r = send_large(&emu, &threads(&emu), 5 * FOUR_MB / 4, None);
    assert_eq!(r.status, 413);
    let e = r.error();
    assert_eq!(e["code"], "RequestEntityTooLarge");
    assert_eq!(e["message"], "The maximum request length supported is 4MB.");
    assert!(e["innerError"]["request-id"].is_string());
    // A Content-Length over the limit is refused before the body is read.
    let r = send_large(&emu, &threads(&emu), 0, Some(1 << 40));
    assert_eq!(r.status, 413);
    assert_eq!(emu.get(MEMBER, "/v1.0/me").status, 200, "still serving");
}

#[test]
fn a_body_just_under_the_limit_is_read() {
    let emu = Emu::start();
    // Whitespace is valid JSON framing, so this is a complete, small thread inside a 4 MB body.
    let post = r#"{"topic": "padded", "posts": [{"body": {"contentType": "text", "content": "hi"}}]}"#;
    let mut body = post.as_bytes().to_vec();
    body.resize(FOUR_MB - 1, b' ');
    let auth = format!("Bearer emulator:{MEMBER}");
    let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    let r = send(&emu.base(), "POST", &threads(&emu), &headers, Some(&body));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
}

#[test]
fn json_nested_past_the_parsers_limit_is_a_400_not_a_crash() {
    let emu = Emu::start();
    for depth in [200, 100_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let body = format!("{{\"topic\": {}1{}}}", open.repeat(depth), close.repeat(depth));
            let r = emu.call(MEMBER, "POST", &threads(&emu), Some(&body));
            assert_eq!(r.status, 400, "depth {depth} {open}");
            assert_eq!(r.code(), "BadRequest");
            let batch = format!(
                "{{\"requests\": [{{\"id\": \"1\", \"method\": \"POST\", \"url\": \"/me\", \"body\": {}1{}}}]}}",
                open.repeat(depth),
                close.repeat(depth)
            );
            assert_eq!(emu.call(MEMBER, "POST", "/v1.0/$batch", Some(&batch)).status, 400, "batch, depth {depth}");
            let v2 = emu.call(MEMBER, "POST", "/api/v2.0/me/sendmail", Some(&body));
            assert_eq!(v2.status, 400, "v2.0, depth {depth}");
        }
    }
    // Nesting within the parser's limit is read: what fails then is the value, not the JSON.
    let body = format!("{{\"topic\": {}1{}}}", "[".repeat(100), "]".repeat(100));
    let r = emu.call(MEMBER, "POST", &threads(&emu), Some(&body));
    assert_eq!(r.status, 400);
    let message = r.error()["message"].as_str().unwrap().to_string();
    assert!(!message.starts_with("Unable to read JSON"), "{message}");
    assert_eq!(emu.get(MEMBER, "/v1.0/me").status, 200, "still serving");
}

#[test]
fn deep_query_text_is_a_400_not_a_crash() {
    let emu = Emu::start();
    // Deep, yet short enough for the URL limit (a longer URL is hyper's 414 before any parsing).
    let deep = format!("{}id eq 'x'{}", "(".repeat(2_000), ")".repeat(2_000));
    let r = emu.get(OWNER, &format!("/v1.0/groups?$filter={}", enc(&deep)));
    assert_eq!(r.status, 400);
    let nots = format!("{}isRead eq true", "not ".repeat(2_000));
    let r = emu.get(MEMBER, &format!("/v1.0/me/messages?$filter={}", enc(&nots)));
    assert_eq!(r.status, 400);
    let expand = format!("{}{}", "threads($expand=".repeat(500), ")".repeat(500));
    // Nested $expand options are not read (only the outer names), so depth cannot hurt there.
    let r = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/conversations?$expand={}", enc(&expand)));
    assert!(r.status < 500, "{}", r.status);
    let search = format!("\"{}\"", "a OR ".repeat(2_000));
    let r = emu.get(MEMBER, &format!("/v1.0/me/messages?$search={}", enc(&search)));
    assert!(r.status == 200 || r.status == 400, "{}", r.status);
    assert_eq!(emu.get(MEMBER, "/v1.0/me").status, 200, "still serving");
}

#[test]
fn ids_that_look_like_paths_stay_one_opaque_id() {
    let emu = Emu::start();
    let huge = "a".repeat(10 * 1024);
    for id in ["..", "../users", "..%2F..%2Fusers", "%2Fv1.0%2Fusers", "a%00b", "%00", &huge, "%2e%2e", "me"] {
        for path in [
            format!("/v1.0/groups/{id}"),
            format!("/v1.0/groups/{id}/threads"),
            format!("/v1.0/groups/{PUBLIC}/threads/{id}"),
            format!("/v1.0/groups/{PUBLIC}/threads/{id}/posts"),
            format!("/v1.0/users/{id}"),
            format!("/v1.0/me/messages/{id}"),
            format!("/v1.0/me/mailFolders/{id}/messages"),
            format!("/v1.0/me/events/{id}"),
        ] {
            let r = emu.get(OWNER, &path);
            // `../users` is two segments: an unknown segment (400); everything else is one id
            // that cannot be an id (400) or names nothing (404). Never the users list, never a 5xx.
            assert!(r.status == 404 || r.status == 400, "{path}: {}", r.status);
            let text = String::from_utf8_lossy(&r.body);
            assert!(!text.contains("\"value\""), "{path} resolved to a collection: {text:.200}");
            assert!(r.error()["code"].is_string(), "{path}: Graph's error body");
        }
    }
    // A decoded slash is part of the id: not a GUID, so not a group id, and the users list is
    // not read.
    let r = emu.get(OWNER, "/v1.0/groups/..%2Fusers");
    assert_eq!((r.status, r.code()), (400, "Request_BadRequest".to_string()));
    assert_eq!(r.error()["message"], "Invalid object identifier '../users'.");
    // A NUL in an id comes back escaped in the message, not raw.
    let r = emu.get(OWNER, "/v1.0/groups/a%00b");
    assert!(String::from_utf8_lossy(&r.body).contains("a\\u0000b"));
    // Writes with such ids change nothing.
    let before = emu.ids(OWNER, "/v1.0/groups");
    for id in ["..%2F..", "%00", &huge] {
        assert!(emu.call(OWNER, "DELETE", &format!("/v1.0/groups/{id}"), None).status >= 400);
        let body = r#"{"post": {"body": {"contentType": "text", "content": "x"}}}"#;
        assert!(
            emu.call(OWNER, "POST", &format!("/v1.0/groups/{PUBLIC}/threads/{id}/reply"), Some(body)).status >= 400
        );
    }
    assert_eq!(emu.ids(OWNER, "/v1.0/groups"), before);
}
