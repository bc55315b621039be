//! Checks against the Graph docs' examples: the request an operation builds equals the docs'
//! request, and the docs' response parses and round-trips.

use super::{fixture, json_response, pct_decode, BASE};
use o365kit::{Endpoint, Mailbox, Method, Operation, Request};
use serde::Serialize;
use serde_json::Value;

/// The user id the `/users/{id}` form of every docs request is checked with.
pub const USER: &str = "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e";

/// One request of a docs page: `path` is what follows `https://graph.microsoft.com/v1.0/me`, as
/// the docs write it (ids unencoded: the core sends each id as one percent-encoded segment,
/// `=` as `%3D`, which Graph reads as the same path).
pub struct DocsRequest<'a> {
    pub method: Method,
    pub path: &'a str,
    /// The docs' JSON body; `None` for a bodiless request.
    pub body: Option<Value>,
}

/// The URL with its percent-escapes undone, to compare with the docs' text.
pub fn decoded_url(req: &Request) -> String {
    String::from_utf8(pct_decode(&req.url).expect("well-formed escapes")).expect("UTF-8 URL")
}

/// Builds the operation on `/me` and on `/users/{USER}` and checks both against the docs' request.
pub fn assert_docs_request<O: Operation>(make: impl Fn(Mailbox) -> O, docs: DocsRequest<'_>) {
    for (mailbox, root) in [(Mailbox::Me, "/me".to_string()), (Mailbox::user(USER), format!("/users/{USER}"))] {
        let req = make(mailbox).request(&Endpoint::default()).unwrap_or_else(|e| panic!("{}: {e}", docs.path));
        assert_request(&req, BASE, &root, &docs);
    }
}

/// Checks one built request against the docs' method, `base + root + path` and body.
pub fn assert_request(req: &Request, base: &str, root: &str, docs: &DocsRequest<'_>) {
    assert_eq!(req.method, docs.method, "{}", req.url);
    assert_eq!(decoded_url(req), format!("{base}{root}{}", docs.path));
    match &docs.body {
        Some(body) => {
            assert_eq!(req.header_value("content-type"), Some("application/json"), "{req:?}");
            let sent: Value = serde_json::from_slice(req.body.as_deref().expect("a body")).expect("JSON body");
            assert_eq!(&sent, body, "{}", req.url);
        }
        None => {
            assert_eq!(req.header_value("content-type"), None, "{req:?}");
            // Graph's bodiless actions want `Content-Length: 0`, so a POST carries an empty body.
            let expected = (docs.method == Method::Post).then(Vec::new);
            assert_eq!(req.body, expected, "{}", req.url);
        }
    }
}

/// Parses the docs' response `tests/fixtures/<name>` with `status` as `op`'s output, checks that
/// it writes back as exactly the same JSON (explicit nulls included), and returns the output.
pub fn parse_docs_response<O>(op: &O, status: u16, name: &str) -> O::Output
where
    O: Operation,
    O::Output: Serialize,
{
    let wire = fixture(name);
    let out = op
        .parse(&Endpoint::default(), json_response(status, serde_json::to_vec(&wire).unwrap()))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let back = serde_json::to_value(&out).expect("serializes");
    assert_eq!(back, wire, "{name} does not round-trip");
    out
}

/// Whether a JSON value has an explicit `null` somewhere.
pub fn has_nulls(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Object(m) => m.values().any(has_nulls),
        Value::Array(a) => a.iter().any(has_nulls),
        _ => false,
    }
}

/// An operation built from its JSON arguments (as the bindings send them) on `mailbox`.
pub fn op_on<O: serde::de::DeserializeOwned>(mailbox: &Mailbox, mut args: Value) -> O {
    args["mailbox"] = serde_json::to_value(mailbox).expect("a mailbox serializes");
    serde_json::from_value(args).unwrap_or_else(|e| panic!("the docs' values as arguments: {e}"))
}
