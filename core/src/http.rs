//! Requests and responses as plain data: the bindings' transports move these bytes, nothing else.

use crate::error::Error;
use serde::Serialize;

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending the request twice has the same effect as sending it once (RFC 9110 §9.2.2).
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }
}

/// A request ready to send. The transport adds `Authorization` unless `pre_authenticated` says
/// the URL carries its own; the core never sees the token.
#[derive(Clone, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// The URL authorizes itself (an upload session's URL, a download URL Graph redirected to):
    /// the transport must send neither the bearer token nor anything else of the caller's.
    pub pre_authenticated: bool,
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                if k.eq_ignore_ascii_case("authorization") {
                    (k.as_str(), "<redacted>")
                } else {
                    (k.as_str(), v.as_str())
                }
            })
            .collect();
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body_len", &self.body.as_ref().map(Vec::len))
            .field("pre_authenticated", &self.pre_authenticated)
            .finish()
    }
}

impl Request {
    pub fn new(method: Method, url: String) -> Self {
        Request { method, url, headers: Vec::new(), body: None, pre_authenticated: false }
    }
    pub fn get(url: String) -> Self {
        Self::new(Method::Get, url)
    }
    pub fn post(url: String) -> Self {
        Self::new(Method::Post, url)
    }
    pub fn patch(url: String) -> Self {
        Self::new(Method::Patch, url)
    }
    pub fn put(url: String) -> Self {
        Self::new(Method::Put, url)
    }
    pub fn delete(url: String) -> Self {
        Self::new(Method::Delete, url)
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.set_header(name, value);
        self
    }

    /// Replaces any header of the same name (case-insensitive).
    pub fn set_header(&mut self, name: &str, value: impl Into<String>) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.into()));
    }

    pub fn header_value(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// A JSON body with its content type.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self, Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::InvalidInput {
            param: "body".into(),
            why: format!("cannot be written as JSON: {e}"),
        })?;
        self.body = Some(bytes);
        Ok(self.header("Content-Type", "application/json"))
    }

    /// A raw body (photos, upload chunks) with its content type.
    pub fn bytes(mut self, content_type: &str, body: Vec<u8>) -> Self {
        self.body = Some(body);
        self.header("Content-Type", content_type)
    }

    pub fn is_idempotent(&self) -> bool {
        self.method.is_idempotent()
    }

    /// Marks the URL as carrying its own authorization (see `pre_authenticated`).
    pub fn pre_authenticated(mut self) -> Self {
        self.pre_authenticated = true;
        self
    }
}

/// How many redirects a transport follows for one call before giving up.
pub const MAX_REDIRECTS: u32 = 5;

/// The request to send after `res` answered `req` with a redirect, or `None` when `res` is the
/// answer. Graph redirects a GET of a file's content (302) to a pre-authenticated download URL,
/// often on another host: the next request is a plain GET of `Location`, marked
/// `pre_authenticated` so that no transport sends the bearer token there. Transports must not
/// follow redirects themselves (reqwest and fetch would keep the token on a same-origin hop).
pub fn redirect(req: &Request, res: &Response) -> Result<Option<Request>, Error> {
    if !matches!(res.status, 301 | 302 | 303 | 307 | 308) {
        return Ok(None);
    }
    let location = res.header("location").map(str::trim).filter(|l| !l.is_empty()).ok_or_else(|| {
        Error::decode("redirect", "Location", format!("a {} answer without a Location header", res.status))
    })?;
    let url = resolve(&req.url, location)
        .ok_or_else(|| Error::decode("redirect", "Location", "not an http(s) URL; refusing to follow it"))?;
    if url.chars().any(|c| c.is_control() || c == ' ') {
        return Err(Error::decode("redirect", "Location", "holds spaces or control characters"));
    }
    Ok(Some(Request::get(url).pre_authenticated()))
}

/// What to send when a transport could not see where a redirect goes: a browser's `fetch` with
/// `redirect: "manual"` answers an opaque redirect (status 0, no headers), and following it itself
/// would keep the token on a same-origin hop. Graph redirects a drive item's `.../content` (the
/// only GET it redirects) to the URL the item's `@microsoft.graph.downloadUrl` holds, so the core
/// asks for the item instead; [`download_url`] reads the URL from the answer.
pub fn hidden_redirect(req: &Request) -> Result<Request, Error> {
    let path = req.url.split(['?', '#']).next().unwrap_or_default();
    match path.strip_suffix("/content") {
        Some(item) if req.method == Method::Get && !req.pre_authenticated => Ok(Request::get(item.to_string())),
        _ => Err(Error::Transport(format!("the browser hid where a redirect from {path} goes"))),
    }
}

/// The pre-authenticated GET of the `@microsoft.graph.downloadUrl` of the drive item in `res`
/// (the answer to [`hidden_redirect`]'s request).
pub fn download_url(res: &Response) -> Result<Request, Error> {
    res.ensure_success()?;
    let item: serde_json::Value =
        crate::decode::text::value(&res.body).map_err(|e| Error::decode("DriveItem", "", e))?;
    let url = item
        .get("@microsoft.graph.downloadUrl")
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| Error::decode("DriveItem", "@microsoft.graph.downloadUrl", "missing: the item is not a file"))?;
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.chars().any(|c| c.is_control() || c == ' ') {
        return Err(Error::decode("DriveItem", "@microsoft.graph.downloadUrl", "not an http(s) URL"));
    }
    Ok(Request::get(url.to_string()).pre_authenticated())
}

/// `location` read against `base`: absolute http(s) URLs as they are, `/path` on base's origin.
fn resolve(base: &str, location: &str) -> Option<String> {
    if location.starts_with("https://") || location.starts_with("http://") {
        return Some(location.to_string());
    }
    if location.starts_with('/') && !location.starts_with("//") {
        let scheme_end = base.find("://")? + 3;
        let end = base[scheme_end..].find(['/', '?', '#']).map_or(base.len(), |i| scheme_end + i);
        return Some(format!("{}{location}", &base[..end]));
    }
    None
}

/// A response as received: status, headers, and the whole body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        Response { status, headers, body }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Fails with `Error::Api` unless the status is 2xx.
    pub fn ensure_success(&self) -> Result<(), Error> {
        if self.is_success() {
            Ok(())
        } else {
            Err(Error::from_response(self))
        }
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}
