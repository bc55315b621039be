//! OData query options, the Prefer header, and collection pages.

use crate::decode::path::{at_key, Seq};
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// Reads `{"top": 5, "select": [...]}` (snake_case names, or camelCase as the npm package spells
/// them; `null` is the same as left out). An unknown option is an error; a bad value's error names
/// its option.
impl<'de> Deserialize<'de> for Query {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Query;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of query options")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Query, A::Error> {
                fn read<'de, A: serde::de::MapAccess<'de>, T: Deserialize<'de> + Default>(
                    map: &mut A,
                    key: &str,
                ) -> Result<T, A::Error> {
                    let v: Option<T> = map.next_value().map_err(|e| at_key(key, e))?;
                    Ok(v.unwrap_or_default())
                }
                let mut q = Query::default();
                while let Some(crate::model::MapKey(key)) = map.next_key()? {
                    let m = &mut map;
                    match &*key {
                        "select" => q.select = read::<_, Seq<String>>(m, &key)?.0,
                        "filter" => q.filter = read(m, &key)?,
                        "orderby" => q.orderby = read::<_, Seq<String>>(m, &key)?.0,
                        "top" => q.top = read(m, &key)?,
                        "skip" => q.skip = read(m, &key)?,
                        "expand" => q.expand = read::<_, Seq<String>>(m, &key)?.0,
                        "search" => q.search = read(m, &key)?,
                        "count" => q.count = read(m, &key)?,
                        "timezone" => q.timezone = read(m, &key)?,
                        "body_type" | "bodyType" => q.body_type = read(m, &key)?,
                        "max_page_size" | "maxPageSize" => q.max_page_size = read(m, &key)?,
                        "immutable_ids" | "immutableIds" => q.immutable_ids = read(m, &key)?,
                        other => return Err(serde::de::Error::unknown_field(other, Query::OPTIONS)),
                    }
                }
                Ok(q)
            }
        }
        d.deserialize_map(Visit)
    }
}

impl Query {
    /// Every option's name, as `Query` reads and writes them (bindings camelCase them).
    pub const OPTIONS: &'static [&'static str] = &[
        "select",
        "filter",
        "orderby",
        "top",
        "skip",
        "expand",
        "search",
        "count",
        "timezone",
        "body_type",
        "max_page_size",
        "immutable_ids",
    ];

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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Other annotations of the page (`@microsoft.graph.tips`, ...), kept verbatim.
    #[serde(flatten)]
    pub extra: crate::model::Extra,
}

// By hand so that errors carry their path ("value[3].topic").
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Page<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a collection page object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
                let mut value = None;
                let mut rest = PageRest::default();
                while let Some(crate::model::MapKey(key)) = map.next_key()? {
                    if key == Self::Value::ITEMS {
                        let v: Seq<T> = map.next_value().map_err(|e| at_key(&key, e))?;
                        value = Some(v.0);
                    } else {
                        rest.read(key, &mut map)?;
                    }
                }
                let value = value.ok_or_else(|| serde::de::Error::missing_field("value"))?;
                let PageRest { next_link, delta_link, count, context, extra } = rest;
                Ok(Page { value, next_link, delta_link, count, context, extra })
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// A page's properties other than its items, read the same way whatever the items are.
#[derive(Debug, Default)]
pub(crate) struct PageRest {
    pub next_link: Option<String>,
    pub delta_link: Option<String>,
    pub count: Option<i64>,
    pub context: Option<String>,
    pub extra: crate::model::Extra,
}

impl PageRest {
    /// Reads the value of property `key` (any but the items).
    pub(crate) fn read<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: std::borrow::Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let slot = match &*key {
            "@odata.count" => {
                self.count = map.next_value().map_err(|e| at_key(&key, e))?;
                return Ok(());
            }
            "@odata.nextLink" => &mut self.next_link,
            "@odata.deltaLink" => &mut self.delta_link,
            "@odata.context" => &mut self.context,
            _ => {
                let v = map.next_value().map_err(|e| at_key(&key, e))?;
                self.extra.insert(key.into_owned(), v);
                return Ok(());
            }
        };
        *slot = map.next_value().map_err(|e| at_key(&key, e))?;
        Ok(())
    }
}

impl<T> Page<T> {
    /// The property holding a page's items in Graph's JSON.
    pub const ITEMS: &'static str = "value";

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
