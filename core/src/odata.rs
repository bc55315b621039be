//! OData query options, the Prefer header, and collection pages.

use crate::endpoint::{encode_into, QUERY_SAFE};
use crate::error::Error;
use crate::http::Request;
use serde::{Deserialize, Serialize};

/// The body format Outlook should return (`Prefer: outlook.body-content-type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyType {
    Text,
    Html,
}

/// Query options and preferences of a read: `$select $filter $orderby $top $skip $expand $search
/// $count`, plus the `Prefer` header values that shape the answer. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "snake_case", deny_unknown_fields)]
pub struct Query {
    pub select: Vec<String>,
    pub filter: Option<String>,
    pub orderby: Vec<String>,
    pub top: Option<u32>,
    pub skip: Option<u32>,
    pub expand: Vec<String>,
    pub search: Option<String>,
    pub count: bool,
    /// `Prefer: outlook.timezone="..."` (a Windows or IANA time zone name).
    pub timezone: Option<String>,
    /// `Prefer: outlook.body-content-type="text"|"html"`.
    pub body_type: Option<BodyType>,
    /// `Prefer: odata.maxpagesize=N`.
    pub max_page_size: Option<u32>,
    /// `Prefer: IdType="ImmutableId"`.
    pub immutable_ids: bool,
}

impl Query {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn select<I: IntoIterator<Item = S>, S: Into<String>>(mut self, props: I) -> Self {
        self.select = props.into_iter().map(Into::into).collect();
        self
    }
    pub fn filter(mut self, expr: impl Into<String>) -> Self {
        self.filter = Some(expr.into());
        self
    }
    pub fn orderby<I: IntoIterator<Item = S>, S: Into<String>>(mut self, keys: I) -> Self {
        self.orderby = keys.into_iter().map(Into::into).collect();
        self
    }
    pub fn top(mut self, n: u32) -> Self {
        self.top = Some(n);
        self
    }
    pub fn skip(mut self, n: u32) -> Self {
        self.skip = Some(n);
        self
    }
    pub fn expand<I: IntoIterator<Item = S>, S: Into<String>>(mut self, props: I) -> Self {
        self.expand = props.into_iter().map(Into::into).collect();
        self
    }
    pub fn search(mut self, terms: impl Into<String>) -> Self {
        self.search = Some(terms.into());
        self
    }
    pub fn count(mut self, on: bool) -> Self {
        self.count = on;
        self
    }
    pub fn timezone(mut self, tz: impl Into<String>) -> Self {
        self.timezone = Some(tz.into());
        self
    }
    pub fn body_type(mut self, t: BodyType) -> Self {
        self.body_type = Some(t);
        self
    }
    pub fn max_page_size(mut self, n: u32) -> Self {
        self.max_page_size = Some(n);
        self
    }
    pub fn immutable_ids(mut self, on: bool) -> Self {
        self.immutable_ids = on;
        self
    }

    /// The encoded query string, without the leading `?`.
    pub fn to_query_string(&self) -> Result<String, Error> {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |name: &str, value: &str| {
            let mut s = String::from(name);
            s.push('=');
            encode_into(&mut s, value, QUERY_SAFE);
            parts.push(s);
        };
        if !self.select.is_empty() {
            push("$select", &join_list("select", &self.select)?);
        }
        if !self.expand.is_empty() {
            push("$expand", &join_list("expand", &self.expand)?);
        }
        if let Some(f) = &self.filter {
            push("$filter", non_blank("filter", f)?);
        }
        if !self.orderby.is_empty() {
            push("$orderby", &join_list("orderby", &self.orderby)?);
        }
        if let Some(s) = &self.search {
            push("$search", &quote_search(non_blank("search", s)?));
        }
        if let Some(top) = self.top {
            if top == 0 {
                return Err(Error::invalid("top", "must be at least 1"));
            }
            push("$top", &top.to_string());
        }
        if let Some(skip) = self.skip {
            push("$skip", &skip.to_string());
        }
        if self.count {
            push("$count", "true");
        }
        Ok(parts.join("&"))
    }

    /// The `Prefer` header value, if any preference is set.
    pub fn prefer_header(&self) -> Result<Option<String>, Error> {
        let mut prefs = Vec::new();
        if let Some(tz) = &self.timezone {
            let tz = non_blank("timezone", tz)?;
            if tz.contains(['"', '\\']) || tz.chars().any(char::is_control) {
                return Err(Error::invalid("timezone", "must not contain quotes, backslashes or control characters"));
            }
            prefs.push(format!("outlook.timezone=\"{tz}\""));
        }
        if let Some(bt) = self.body_type {
            let t = match bt {
                BodyType::Text => "text",
                BodyType::Html => "html",
            };
            prefs.push(format!("outlook.body-content-type=\"{t}\""));
        }
        if let Some(n) = self.max_page_size {
            if n == 0 {
                return Err(Error::invalid("max_page_size", "must be at least 1"));
            }
            prefs.push(format!("odata.maxpagesize={n}"));
        }
        if self.immutable_ids {
            prefs.push("IdType=\"ImmutableId\"".to_string());
        }
        Ok(if prefs.is_empty() { None } else { Some(prefs.join(", ")) })
    }

    /// Directory queries with `$count` or `$search` need `ConsistencyLevel: eventual`.
    pub fn needs_eventual_consistency(&self) -> bool {
        self.count || self.search.is_some()
    }

    /// Adds the query's headers (Prefer, and ConsistencyLevel for directory resources) to a request.
    pub fn apply_headers(&self, mut req: Request, directory: bool) -> Result<Request, Error> {
        if let Some(p) = self.prefer_header()? {
            req.set_header("Prefer", p);
        }
        if directory && self.needs_eventual_consistency() {
            req.set_header("ConsistencyLevel", "eventual");
        }
        Ok(req)
    }
}

fn non_blank<'a>(param: &str, s: &'a str) -> Result<&'a str, Error> {
    if s.trim().is_empty() {
        Err(Error::invalid(param, "must not be blank"))
    } else {
        Ok(s)
    }
}

fn join_list(param: &str, items: &[String]) -> Result<String, Error> {
    for i in items {
        non_blank(param, i)?;
    }
    Ok(items.join(","))
}

/// `$search` values are quoted for Graph; a value the caller already quoted is kept.
fn quote_search(s: &str) -> String {
    if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('"', "\\\""))
    }
}

/// One page of a Graph collection: `{"value": [...], "@odata.nextLink": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub value: Vec<T>,
    #[serde(rename = "@odata.nextLink", default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
    #[serde(rename = "@odata.deltaLink", default, skip_serializing_if = "Option::is_none")]
    pub delta_link: Option<String>,
    #[serde(rename = "@odata.count", default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    #[serde(rename = "@odata.context", default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

impl<T> Page<T> {
    pub fn has_more(&self) -> bool {
        self.next_link.is_some()
    }
}

/// Builds the request for a page's nextLink: same headers as the first request, the link checked
/// against the endpoint's origin and used verbatim (it already carries the query options).
pub fn next_page_request(ep: &crate::endpoint::Endpoint, first: &Request, next_link: &str) -> Result<Request, Error> {
    ep.check_link(next_link)?;
    let mut req = Request::get(next_link.to_string());
    req.headers = first.headers.clone();
    Ok(req)
}
