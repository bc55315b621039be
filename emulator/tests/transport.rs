//! What surrounds every call: fault injection, reset, latency, CORS and the common headers.

mod common;
use common::*;
use o365kit_emulator::Config;
use std::time::{Duration, Instant};

fn inject(emu: &Emu, rule: &str) {
    let r =
        send(&emu.base(), "POST", "/_emulator/faults", &[("Content-Type", "application/json")], Some(rule.as_bytes()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
}

#[test]
fn queued_throttling_answers_429_with_retry_after_then_recovers() {
    let emu = Emu::start();
    inject(&emu, r#"{"status": 429, "retryAfter": 1, "count": 2, "pathPrefix": "/v1.0/groups"}"#);
    assert_eq!(emu.get(MEMBER, "/v1.0/me").status, 200, "other paths are not affected");
    for _ in 0..2 {
        let r = emu.get(MEMBER, "/v1.0/groups");
        assert_eq!(r.status, 429);
        assert_eq!(r.header("retry-after"), Some("1"));
        let e = r.error();
        assert_eq!(
            (e["code"].as_str(), e["message"].as_str()),
            (Some("TooManyRequests"), Some("Please retry again later."))
        );
        assert_eq!(e["innerError"]["status"], "429");
    }
    assert_eq!(emu.get(MEMBER, "/v1.0/groups").status, 200);
}

#[test]
fn service_unavailable_truncation_and_clearing() {
    let emu = Emu::start();
    inject(&emu, r#"{"status": 503, "retryAfter": 3}"#);
    let r = emu.get(MEMBER, "/v1.0/groups");
    assert_eq!((r.status, r.header("retry-after")), (503, Some("3")));
    assert_eq!(r.error()["code"], "serviceNotAvailable");

    inject(&emu, r#"{"truncate": true, "method": "GET"}"#);
    let r = emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads"));
    assert_eq!(r.status, 200);
    assert!(!r.body.is_empty());
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err(), "the body is cut short");
    assert_eq!(emu.get(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads")).status, 200);

    inject(&emu, r#"{"status": 500, "count": 5}"#);
    let listed = send(&emu.base(), "GET", "/_emulator/faults", &[], None).json();
    assert_eq!(listed["value"][0]["count"], 5);
    assert_eq!(send(&emu.base(), "DELETE", "/_emulator/faults", &[], None).status, 204);
    assert_eq!(emu.get(MEMBER, "/v1.0/groups").status, 200);

    let bad = send(&emu.base(), "POST", "/_emulator/faults", &[], Some(br#"{"status": 200}"#));
    assert_eq!(bad.status, 400);
    assert_eq!(send(&emu.base(), "GET", "/_emulator/health", &[], None).json()["status"], "ok");
    assert_eq!(send(&emu.base(), "GET", "/_emulator/nope", &[], None).status, 404);
}

#[test]
fn reset_restores_the_starting_tenant() {
    let emu = Emu::start();
    let body = r#"{"topic": "Temporary", "posts": [{"body": {"contentType": "text", "content": "x"}}]}"#;
    assert_eq!(emu.call(MEMBER, "POST", &format!("/v1.0/groups/{PUBLIC}/threads"), Some(body)).status, 201);
    assert_eq!(emu.call(OWNER, "DELETE", &format!("/v1.0/groups/{PRIVATE}"), None).status, 204);
    let r = send(&emu.base(), "POST", "/_emulator/reset", &[], None);
    assert_eq!(r.status, 204);
    assert_eq!(emu.get(OWNER, &format!("/v1.0/groups/{PRIVATE}")).status, 200);
    let topics = emu.pages(MEMBER, &format!("/v1.0/groups/{PUBLIC}/threads")).concat();
    assert!(topics.iter().all(|t| t["topic"] != "Temporary"));
}

#[test]
fn configured_fault_rate_and_latency_apply_to_graph_routes_only() {
    let emu = Emu::with(Config { fault_rate: 1.0, ..Config::default() });
    for _ in 0..5 {
        let r = emu.get(MEMBER, "/v1.0/me");
        assert!(matches!(r.status, 429 | 503), "{}", r.status);
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    assert_eq!(send(&emu.base(), "GET", "/_emulator/health", &[], None).status, 200);

    let slow = Emu::with(Config { latency_ms: 300, ..Config::default() });
    let started = Instant::now();
    assert_eq!(slow.get(MEMBER, "/v1.0/me").status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn cors_preflight_and_exposed_headers() {
    let emu = Emu::start();
    let r = send(
        &emu.base(),
        "OPTIONS",
        &format!("/v1.0/groups/{PUBLIC}/threads"),
        &[
            ("Origin", "https://localhost:3000"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "authorization, content-type, x-ms-custom"),
        ],
        None,
    );
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("https://localhost:3000"));
    assert!(r.header("access-control-allow-methods").is_some_and(|m| m.contains("PATCH") && m.contains("DELETE")));
    let allowed = r.header("access-control-allow-headers").unwrap().to_ascii_lowercase();
    for h in ["authorization", "content-type", "prefer", "client-request-id", "consistencylevel", "x-ms-custom"] {
        assert!(allowed.contains(h), "{h} in {allowed}");
    }
    assert!(r.header("access-control-max-age").is_some());

    let r = send(&emu.base(), "GET", "/v1.0/me", &[("Origin", "https://localhost:3000")], None);
    assert_eq!(r.status, 401, "CORS headers ride on errors too");
    assert_eq!(r.header("access-control-allow-origin"), Some("https://localhost:3000"));
    let exposed = r.header("access-control-expose-headers").unwrap();
    for h in ["request-id", "client-request-id", "Retry-After", "Location", "Content-Type"] {
        assert!(exposed.contains(h), "{h} in {exposed}");
    }
}

#[test]
fn every_response_carries_request_ids_and_a_date() {
    let emu = Emu::start();
    let r = send(
        &emu.base(),
        "GET",
        "/v1.0/me",
        &[("Authorization", "Bearer emulator:member@contoso.test"), ("client-request-id", "my-correlation-id")],
        None,
    );
    assert_eq!(r.header("client-request-id"), Some("my-correlation-id"));
    let rid = r.header("request-id").unwrap();
    assert_eq!(rid.len(), 36);
    assert!(r.header("date").is_some_and(|d| d.ends_with("GMT")));
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let r = emu.get(MEMBER, "/v1.0/me");
    assert_eq!(r.header("client-request-id"), r.header("request-id"), "without one, Graph reuses its request id");
    assert_ne!(r.header("request-id"), Some(rid));
}

#[test]
fn dropping_the_server_does_not_wait_on_idle_keep_alive_connections() {
    use std::io::{Read, Write};
    let emu = Emu::start();
    let host = emu.base().trim_start_matches("http://").to_string();
    let mut idle = std::net::TcpStream::connect(&host).unwrap();
    write!(idle, "GET /_emulator/health HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut buf = [0u8; 1024];
    assert!(idle.read(&mut buf).unwrap() > 0, "a response, and the connection stays open");
    let started = Instant::now();
    drop(emu);
    assert!(started.elapsed() < Duration::from_millis(1500), "shutdown took {:?}", started.elapsed());
}
