//! Where requests go: national cloud, API version, JSON dialect, and safe URL building.

use crate::error::Error;
use crate::odata::Query;
use serde_json::{Map, Value};

/// A Microsoft Graph national cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cloud {
    #[default]
    Global,
    /// US Government L4 (GCC High).
    UsGovL4,
    /// US Government L5 (DoD).
    UsGovL5,
    /// China, operated by 21Vianet.
    China,
}

impl Cloud {
    pub fn graph_root(self) -> &'static str {
        match self {
            Cloud::Global => "https://graph.microsoft.com",
            Cloud::UsGovL4 => "https://graph.microsoft.us",
            Cloud::UsGovL5 => "https://dod-graph.microsoft.us",
            Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
        }
    }

    /// Parses the names bindings accept: "global", "usgov-l4", "usgov-l5" ("dod"), "china".
    pub fn parse(name: &str) -> Result<Cloud, Error> {
        match name.to_ascii_lowercase().replace(['_', ' '], "-").as_str() {
            "global" | "public" | "worldwide" => Ok(Cloud::Global),
            "usgov-l4" | "usgovl4" | "gcc-high" | "usgov" => Ok(Cloud::UsGovL4),
            "usgov-l5" | "usgovl5" | "dod" => Ok(Cloud::UsGovL5),
            "china" | "21vianet" => Ok(Cloud::China),
            _ => Err(Error::invalid(
                "cloud",
                format!("unknown cloud {name:?}; expected global, usgov-l4, usgov-l5 or china"),
            )),
        }
    }
}

/// The API version path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ApiVersion {
    #[default]
    V1,
    Beta,
}

impl ApiVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V1 => "v1.0",
            ApiVersion::Beta => "beta",
        }
    }

    pub fn parse(s: &str) -> Result<ApiVersion, Error> {
        match s {
            "v1.0" | "v1" | "1.0" => Ok(ApiVersion::V1),
            "beta" => Ok(ApiVersion::Beta),
            _ => Err(Error::invalid("version", format!("unknown API version {s:?}; expected v1.0 or beta"))),
        }
    }
}

/// The JSON property casing the server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// Microsoft Graph: camelCase properties.
    #[default]
    Graph,
    /// Outlook REST API v2.0 (and Exchange hybrid servers): PascalCase properties.
    OutlookRest,
}

impl Dialect {
    /// Turns a camelCase (model) JSON value into what the server expects.
    pub fn to_wire(self, v: Value) -> Value {
        match self {
            Dialect::Graph => v,
            Dialect::OutlookRest => {
                rename_types(recase(v, upper_first), "#microsoft.graph.", "#Microsoft.OutlookServices.", upper_first)
            }
        }
    }

    /// Turns a server JSON value into camelCase (model) form.
    pub fn from_wire(self, v: Value) -> Value {
        match self {
            Dialect::Graph => v,
            Dialect::OutlookRest => {
                rename_types(recase(v, lower_first), "#Microsoft.OutlookServices.", "#microsoft.graph.", lower_first)
            }
        }
    }

    /// `{"name": value}` in the server's casing, as action bodies (reply, forward) need.
    pub fn wrap(self, name: &str, value: Value) -> Value {
        let mut m = Map::new();
        m.insert(name.to_string(), value);
        self.to_wire(Value::Object(m))
    }
}

fn recase(v: Value, f: fn(&str) -> String) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    // Annotations (@odata.type, prop@odata.nextLink) keep their spelling in both dialects.
                    let key = if k.starts_with('@') { k } else { f(&k) };
                    (key, recase(v, f))
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(|v| recase(v, f)).collect()),
        other => other,
    }
}

/// Outlook REST names its types `#Microsoft.OutlookServices.FileAttachment` where Graph says
/// `#microsoft.graph.fileAttachment`; models hold Graph's form, so types are renamed both ways.
fn rename_types(v: Value, from: &str, to: &str, case: fn(&str) -> String) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("@odata.type", Value::String(t)) => {
                        let renamed = match t.strip_prefix(from) {
                            Some(name) => format!("{to}{}", case(name)),
                            None => t,
                        };
                        (k, Value::String(renamed))
                    }
                    (_, v) => (k, rename_types(v, from, to, case)),
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(|v| rename_types(v, from, to, case)).collect()),
        other => other,
    }
}

// OData property names are ASCII identifiers; ASCII-only casing also keeps Unicode's case tables
// (about 20 KB) out of the npm package.
fn upper_first(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

fn lower_first(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// Where and how to talk: root URL, version path, dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    root: String,
    version_path: String,
    dialect: Dialect,
}

impl Default for Endpoint {
    fn default() -> Self {
        Endpoint::graph(Cloud::Global, ApiVersion::V1)
    }
}

impl Endpoint {
    /// Microsoft Graph in a national cloud.
    pub fn graph(cloud: Cloud, version: ApiVersion) -> Self {
        Endpoint {
            root: cloud.graph_root().to_string(),
            version_path: version.as_str().into(),
            dialect: Dialect::Graph,
        }
    }

    /// Graph-compatible server at another root (the emulator, a proxy): `http://127.0.0.1:8080`.
    pub fn custom(root: &str, version: ApiVersion) -> Result<Self, Error> {
        Ok(Endpoint { root: check_root(root)?, version_path: version.as_str().into(), dialect: Dialect::Graph })
    }

    /// Outlook REST API v2.0 at `root`, e.g. `https://outlook.office.com` or an Exchange hybrid server.
    pub fn outlook_rest(root: &str) -> Result<Self, Error> {
        Ok(Endpoint { root: check_root(root)?, version_path: "api/v2.0".into(), dialect: Dialect::OutlookRest })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// `https://graph.microsoft.com/v1.0`, without a trailing slash.
    pub fn base(&self) -> String {
        format!("{}/{}", self.root, self.version_path)
    }

    pub fn root(&self) -> &str {
        &self.root
    }

    /// Starts a URL path under the versioned base.
    pub fn path(&self) -> PathBuilder {
        PathBuilder { url: self.base() }
    }

    /// Refuses a link (nextLink, deltaLink, Location) that points off this endpoint's origin,
    /// so that a hostile or broken response cannot send the bearer token elsewhere.
    pub fn check_link(&self, link: &str) -> Result<(), Error> {
        let origin = origin_of(&self.root);
        match origin_of_link(link) {
            Some(o) if o.eq_ignore_ascii_case(origin) => Ok(()),
            _ => Err(Error::invalid("nextLink", format!("link points outside {origin}; refusing to follow it"))),
        }
    }
}

fn check_root(root: &str) -> Result<String, Error> {
    let root = root.trim_end_matches('/');
    let rest = root
        .strip_prefix("https://")
        .or_else(|| root.strip_prefix("http://"))
        .ok_or_else(|| Error::invalid("base_url", "must start with http:// or https://"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(Error::invalid("base_url", "must name a host"));
    }
    if rest.contains(['?', '#', '@']) || rest.chars().any(|c| c.is_control() || c == ' ') {
        return Err(Error::invalid("base_url", "must be a plain http(s) URL without query, fragment or credentials"));
    }
    Ok(root.to_string())
}

fn origin_of(root: &str) -> &str {
    let scheme_end = root.find("://").map(|i| i + 3).unwrap_or(0);
    match root[scheme_end..].find('/') {
        Some(i) => &root[..scheme_end + i],
        None => root,
    }
}

fn origin_of_link(link: &str) -> Option<&str> {
    if !(link.starts_with("https://") || link.starts_with("http://")) {
        return None;
    }
    let scheme_end = link.find("://")? + 3;
    let end = link[scheme_end..].find(['/', '?', '#']).map(|i| scheme_end + i).unwrap_or(link.len());
    let origin = &link[..end];
    if origin.contains(['@', '\\']) {
        return None;
    }
    Some(origin)
}

/// Builds `base/seg/seg?query`, percent-encoding every ID as one path segment.
#[derive(Debug, Clone)]
pub struct PathBuilder {
    url: String,
}

impl PathBuilder {
    /// A fixed segment written by this crate (never user input).
    pub fn seg(mut self, literal: &str) -> Self {
        self.url.push('/');
        self.url.push_str(literal);
        self
    }

    /// A caller-supplied ID: rejected when empty or unsafe, otherwise encoded as one segment.
    pub fn id(mut self, param: &str, value: &str) -> Result<Self, Error> {
        check_id(param, value)?;
        self.url.push('/');
        encode_into(&mut self.url, value, UNRESERVED);
        Ok(self)
    }

    /// An Outlook item, folder or mailbox id: as `id`, and also refused when it holds `/`, `\`,
    /// `?` or `#`. Outlook ids are URL-safe base64 or well-known names, so such a character means
    /// a path or URL was pasted where an id belongs; failing here says so before Graph answers 400.
    pub fn item_id(self, param: &str, value: &str) -> Result<Self, Error> {
        check_item_id(param, value)?;
        self.id(param, value)
    }

    pub fn build(self) -> String {
        self.url
    }

    /// A path inside a drive after the item just written (`root`, `items/{id}`): `:/a/b.txt:`,
    /// every name checked as `check_drive_name` does and encoded on its own.
    pub fn drive_path(mut self, param: &str, path: &str) -> Result<Self, Error> {
        let trimmed = path.trim_matches('/');
        if trimmed.is_empty() {
            return Err(Error::invalid(param, "must name a file or folder"));
        }
        self.url.push_str(":/");
        for (i, name) in trimmed.split('/').enumerate() {
            check_drive_name(param, name)?;
            if i > 0 {
                self.url.push('/');
            }
            encode_into(&mut self.url, name, UNRESERVED);
        }
        self.url.push(':');
        Ok(self)
    }

    /// An OData function call as one segment: `name(key='value',...)`, values encoded.
    pub fn function(self, name: &str, args: &[(&str, &str)]) -> Self {
        self.seg(name).args(args)
    }

    /// The arguments of the function named by the segment just written: `(key='value',...)`.
    pub fn args(mut self, args: &[(&str, &str)]) -> Self {
        self.url.push('(');
        for (i, (k, v)) in args.iter().enumerate() {
            if i > 0 {
                self.url.push(',');
            }
            self.url.push_str(k);
            self.url.push_str("='");
            encode_into(&mut self.url, v, b"-._~:");
            self.url.push('\'');
        }
        self.url.push(')');
        self
    }

    /// `?name=value&...` (values encoded) before the OData options of `q`.
    pub fn with_params(self, params: &[(&str, &str)], q: &Query) -> Result<String, Error> {
        let mut url = self.url;
        let mut sep = '?';
        for (k, v) in params {
            url.push(sep);
            url.push_str(k);
            url.push('=');
            encode_into(&mut url, v, QUERY_SAFE);
            sep = '&';
        }
        let qs = q.to_query_string()?;
        if !qs.is_empty() {
            url.push(sep);
            url.push_str(&qs);
        }
        Ok(url)
    }

    pub fn with_query(self, q: &Query) -> Result<String, Error> {
        self.with_params(&[], q)
    }
}

/// An ID must be non-empty, free of control characters, and not a dot segment (which URL
/// parsers would resolve even when percent-encoded).
pub fn check_id(param: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(param, "must not be empty"));
    }
    if value.trim().is_empty() {
        return Err(Error::invalid(param, "must not be blank"));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(param, "must not contain control characters"));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid(param, "must not be a dot segment"));
    }
    Ok(())
}

/// An Outlook id (see `PathBuilder::item_id`), also where it travels in a body (`destinationId`).
pub fn check_item_id(param: &str, value: &str) -> Result<(), Error> {
    if let Some(c) = value.chars().find(|c| matches!(c, '/' | '\\' | '?' | '#')) {
        return Err(Error::invalid(param, format!("must be a single id, without {c:?}")));
    }
    check_id(param, value)
}

/// A file or folder name as OneDrive and SharePoint take it: not blank, not a dot segment,
/// none of `" * : < > ? / \ |` nor control characters (Graph answers 400 for those).
pub fn check_drive_name(param: &str, name: &str) -> Result<(), Error> {
    check_id(param, name)?;
    if let Some(c) = name.chars().find(|c| matches!(c, '"' | '*' | ':' | '<' | '>' | '?' | '/' | '\\' | '|')) {
        return Err(Error::invalid(param, format!("must not contain {c:?} (not allowed in drive item names)")));
    }
    if name.ends_with(' ') || name.starts_with(' ') {
        return Err(Error::invalid(param, "must not start or end with a space"));
    }
    Ok(())
}

/// Characters never encoded in a path segment (RFC 3986 unreserved).
const UNRESERVED: &[u8] = b"-._~";
/// In query values, also keep the characters OData syntax uses and Graph reads literally.
pub(crate) const QUERY_SAFE: &[u8] = b"-._~,'()/:@$*";

pub(crate) fn encode_into(out: &mut String, s: &str, keep: &[u8]) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[(b >> 4) as usize]));
            out.push(char::from(b"0123456789ABCDEF"[(b & 15) as usize]));
        }
    }
}
