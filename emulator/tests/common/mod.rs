//! A tiny HTTP/1.1 client over `std::net::TcpStream` and the seed's well-known ids, shared by the
//! emulator's integration tests.
#![allow(dead_code)]

use o365kit_emulator::{spawn, Config, Running};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

pub const OWNER: &str = "owner@contoso.test";
pub const MEMBER: &str = "member@contoso.test";
pub const OUTSIDER: &str = "outsider@contoso.test";
pub const OUTSIDER_ID: &str = "973137be-a645-4737-89fb-51870a0326a5";
pub const MEMBER_ID: &str = "0733c319-0303-41df-98e1-49206355bd0a";
pub const PUBLIC: &str = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64";
pub const PRIVATE: &str = "9b1e5d2a-47c6-4f0e-b8a3-6e2d9c4f1a07";
/// The public group's thread whose first post carries `q2-budget.csv`, and that post.
pub const BUDGET_THREAD: &str =
    "AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgMkABAAzatAlFeVUyDD2SPoEGFIE4VL659i7bU-79TKqNqITNCW6g==";
pub const BUDGET_POST: &str =
    "AAMkAGRhZmRhMWM3LTYwZTktNDZmYy+hNWU1LThhZWU4NzI2YTEyZgBGAAAAAABDyeDe4n2JY4mRrt37gAVsD2Y8ZmgSdNHv1r5wOrNhHp1MOW_dmhyfQ==";
/// The public group's "Spring campaign kickoff" thread (three posts).
pub const KICKOFF_THREAD: &str =
    "AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgMkABAAs-PrUknZ56YcB6pAHDLR8SldNmJHbF1qdGQ2uMF2bV_0gQ==";
pub const KICKOFF_CONVERSATION: &str =
    "AAQkAGRhZmRhMWM3LTYwZTktNDZmYy1hNWU1LThhZWU4NzI2YTEyZgAQAVOiJQz3Cy8WTvPrkIKfFxCU=";

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("JSON body ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The `error` object of a Graph error body, after checking its shape.
    pub fn error(&self) -> Value {
        let v = self.json();
        let e = v["error"].clone();
        assert!(e["code"].is_string() && e["message"].is_string(), "error body: {v}");
        let inner = &e["innerError"];
        assert!(inner["date"].is_string(), "innerError.date: {v}");
        assert_eq!(inner["request-id"].as_str(), self.header("request-id"), "innerError request-id");
        assert_eq!(inner["client-request-id"].as_str(), self.header("client-request-id"));
        e
    }

    pub fn code(&self) -> String {
        self.error()["code"].as_str().unwrap_or_default().to_string()
    }
}

/// Encodes one path segment the way o365kit does: everything but unreserved characters.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// One request on a fresh connection. `target` is a path (`/v1.0/...`) or an absolute URL on `base`.
pub fn send(base: &str, method: &str, target: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Reply {
    let path = target.strip_prefix(base).unwrap_or(target);
    let host = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connect to the emulator");
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    let body = body.unwrap_or_default();
    if !body.is_empty() || matches!(method, "POST" | "PUT" | "PATCH") {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    stream.write_all(req.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the response");
    parse(&raw)
}

pub fn parse(raw: &[u8]) -> Reply {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")) {
        body = dechunk(&body);
    }
    Reply { status, headers, body }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 4 + size..];
    }
    out
}

/// A running emulator and requests signed in as a seed user.
pub struct Emu {
    pub running: Running,
}

impl Emu {
    pub fn start() -> Emu {
        Emu::with(Config::default())
    }

    pub fn with(config: Config) -> Emu {
        Emu { running: spawn(config).expect("the emulator starts") }
    }

    pub fn base(&self) -> String {
        self.running.base_url()
    }

    pub fn call(&self, user: &str, method: &str, target: &str, body: Option<&str>) -> Reply {
        let auth = format!("Bearer emulator:{user}");
        let mut headers = vec![("Authorization", auth.as_str())];
        if body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        send(&self.base(), method, target, &headers, body.map(str::as_bytes))
    }

    pub fn get(&self, user: &str, target: &str) -> Reply {
        self.call(user, "GET", target, None)
    }

    /// Follows `@odata.nextLink` to the end; returns every page's `value`.
    pub fn pages(&self, user: &str, target: &str) -> Vec<Vec<Value>> {
        let mut pages = Vec::new();
        let mut next = Some(target.to_string());
        while let Some(url) = next {
            let r = self.get(user, &url);
            assert_eq!(r.status, 200, "{url}: {}", String::from_utf8_lossy(&r.body));
            let v = r.json();
            pages.push(v["value"].as_array().cloned().unwrap_or_default());
            next = v["@odata.nextLink"].as_str().map(str::to_string);
            assert!(pages.len() < 100, "paging ends");
        }
        pages
    }

    pub fn ids(&self, user: &str, target: &str) -> Vec<String> {
        self.pages(user, target)
            .into_iter()
            .flatten()
            .map(|v| v["id"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}
