//! OData query options and collection responses: `$select $filter $orderby $top $skip $skiptoken
//! $count $search $expand`, the `Prefer` header, `@odata.context`, `@odata.count` and
//! `@odata.nextLink` paging on the emulator's own host.

use crate::errors::{Family, GraphError, Result};
use crate::filter::{self, Expr, FilterError};
use crate::respond::{json, percent_decode, query_pairs, Ctx};
use crate::schema::Kind;
use crate::search::Search;
use crate::tenant::Obj;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};
use std::cmp::Ordering;
use std::ops::Range;

/// The query options of one request, checked against the entity type it reads.
#[derive(Debug, Default)]
pub(crate) struct Query {
    pub select: Option<Vec<String>>,
    pub expand: Vec<String>,
    filter: Option<Expr>,
    orderby: Vec<(Vec<String>, bool)>,
    top: Option<usize>,
    skip: usize,
    offset: Option<usize>,
    count: bool,
    search: Option<Search>,
    max_page_size: Option<usize>,
    /// `Prefer: outlook.body-content-type="text"`.
    pub text_body: bool,
    /// `Prefer: IdType="ImmutableId"` on an Outlook resource: ids stay the same across folders.
    pub immutable_ids: bool,
    /// The raw pairs a next link repeats: everything but `$skip` and `$skiptoken`.
    carry: Vec<String>,
}

const TOKEN_MAGIC: &[u8] = b"DSpt\x02";

fn skiptoken(offset: usize) -> String {
    let mut b = TOKEN_MAGIC.to_vec();
    b.extend_from_slice(&(offset as u64).to_le_bytes());
    URL_SAFE_NO_PAD.encode(b)
}

fn parse_skiptoken(s: &str, family: Family) -> Result<usize> {
    let bytes = URL_SAFE_NO_PAD.decode(s.trim()).unwrap_or_default();
    match bytes.strip_prefix(TOKEN_MAGIC).and_then(|n| <[u8; 8]>::try_from(n).ok()) {
        Some(n) => Ok(u64::from_le_bytes(n) as usize),
        None if family == Family::Directory => Err(GraphError::new(
            400,
            "Directory_ExpiredPageToken",
            "The specified page token value has expired and can no longer be included in your request.",
        )),
        None => Err(GraphError::bad_request(family, "The $skiptoken value is not valid.")),
    }
}

fn list_option(value: &str) -> Vec<String> {
    value.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

impl Query {
    /// Reads the query string and the `Prefer` / `ConsistencyLevel` headers for a read of `kind`.
    pub fn parse(raw: &str, headers: &HeaderMap, kind: Kind) -> Result<Query> {
        let family = kind.family();
        let mut q = Query::default();
        let mut seen: Vec<String> = Vec::new();
        for (raw_key, raw_value) in query_pairs(raw) {
            let key = percent_decode(&raw_key, true);
            let value = percent_decode(&raw_value, true);
            let name = key.trim().to_ascii_lowercase();
            if !name.starts_with('$') {
                q.carry.push(format!("{raw_key}={raw_value}"));
                continue;
            }
            if seen.contains(&name) {
                let msg = format!(
                    "Query option '{key}' was specified more than once, but it must be specified at most once."
                );
                return Err(GraphError::bad_request(family, msg));
            }
            seen.push(name.clone());
            if name != "$skip" && name != "$skiptoken" {
                q.carry.push(format!("{raw_key}={raw_value}"));
            }
            q.option(&name, &value, family, kind)?;
        }
        if q.search.is_some() && family == Family::Directory && !eventual(headers) {
            return Err(GraphError::bad_request(
                family,
                "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
            ));
        }
        if kind.search_alone() && q.search.is_some() {
            // Outlook's search is ranked: it takes no filter, order or offset.
            let other = [("Filter", q.filter.is_some()), ("OrderBy", !q.orderby.is_empty()), ("Skip", q.skip > 0)];
            if let Some((name, _)) = other.iter().find(|(_, given)| *given) {
                return Err(GraphError::new(
                    400,
                    "ErrorInvalidUrlQuery",
                    format!("The query parameter '{name}' is invalid."),
                ));
            }
        }
        if kind.search_alone() && q.filter.is_some() && !q.orderby.is_empty() {
            q.check_sort_follows_filter()?;
        }
        q.prefer(headers);
        // Immutable ids are an Outlook (Exchange) preference; the directory ignores it.
        q.immutable_ids &= family == Family::Exchange;
        Ok(q)
    }

    fn option(&mut self, name: &str, value: &str, family: Family, kind: Kind) -> Result<()> {
        let bad = |msg: String| GraphError::bad_request(family, msg);
        match name {
            "$select" => {
                let props = list_option(value);
                if props.is_empty() {
                    return Err(bad("The $select query option must name at least one property.".into()));
                }
                self.select = Some(props);
            }
            "$expand" => {
                let names =
                    list_option(value).into_iter().map(|e| e.split('(').next().unwrap_or("").trim().to_string());
                for n in names {
                    let known = kind.navigations().iter().find(|p| p.eq_ignore_ascii_case(&n));
                    match known {
                        Some(p) => self.expand.push(p.to_string()),
                        None => return Err(GraphError::unknown_property(&n, kind.type_name())),
                    }
                }
            }
            "$filter" => self.filter = Some(filter::parse(value).map_err(|e| filter_error(e, value, family))?),
            "$orderby" => {
                for clause in list_option(value) {
                    let mut words = clause.split_whitespace();
                    let path: Vec<String> = words.next().unwrap_or("").split('/').map(str::to_string).collect();
                    let desc = match words.next().map(str::to_ascii_lowercase).as_deref() {
                        None | Some("asc") => false,
                        Some("desc") => true,
                        Some(_) => return Err(bad(format!("Syntax error in $orderby clause '{clause}'."))),
                    };
                    if words.next().is_some() || path.iter().any(String::is_empty) {
                        return Err(bad(format!("Syntax error in $orderby clause '{clause}'.")));
                    }
                    self.orderby.push((path, desc));
                }
            }
            "$top" => {
                let n = value.trim().parse::<usize>().map_err(|_| {
                    GraphError::new(400, "BadRequest", format!("Invalid value '{value}' for $top query option found. The $top query option requires a non-negative integer value."))
                })?;
                if family == Family::Directory && !(1..=999).contains(&n) {
                    return Err(bad(format!(
                        "Invalid page size specified: '{n}'. Must be between 1 and 999 inclusive."
                    )));
                }
                self.top = Some(n);
            }
            "$skip" if family == Family::Directory => {
                return Err(bad("'$skip' is not supported by the service.".into()))
            }
            "$skip" => {
                self.skip = value.trim().parse().map_err(|_| {
                    GraphError::new(400, "BadRequest", format!("Invalid value '{value}' for $skip query option found. The $skip query option requires a non-negative integer value."))
                })?;
            }
            "$skiptoken" => self.offset = Some(parse_skiptoken(value, family)?),
            "$count" => {
                match value.trim().to_ascii_lowercase().as_str() {
                    "true" => self.count = true,
                    "false" => self.count = false,
                    _ => {
                        let msg = format!("Invalid value '{value}' for $count query option found. Valid values are 'true' and 'false'.");
                        return Err(GraphError::new(400, "BadRequest", msg));
                    }
                }
            }
            "$search" => self.search = Some(Search::parse(value).map_err(bad)?),
            _ if family == Family::Directory => {
                return Err(bad(format!("Unrecognized query argument specified: '{name}'.")));
            }
            _ => return Err(bad(format!("The query parameter '{name}' is not supported."))),
        }
        Ok(())
    }

    fn prefer(&mut self, headers: &HeaderMap) {
        for value in headers.get_all("prefer").iter().filter_map(|v| v.to_str().ok()) {
            for pref in value.split(',') {
                let (k, v) = pref.split_once('=').unwrap_or((pref, ""));
                let v = v.trim().trim_matches('"');
                match k.trim().to_ascii_lowercase().as_str() {
                    "odata.maxpagesize" => self.max_page_size = v.parse().ok().filter(|n| *n > 0),
                    "outlook.body-content-type" => self.text_body = v.eq_ignore_ascii_case("text"),
                    "idtype" => self.immutable_ids = v.eq_ignore_ascii_case("ImmutableId"),
                    _ => {}
                }
            }
        }
    }

    /// Outlook sorts a filtered list only by properties the filter names first, in the same
    /// order; anything else is its `InefficientFilter`.
    fn check_sort_follows_filter(&self) -> Result<()> {
        let mut filtered = Vec::new();
        if let Some(f) = &self.filter {
            f.properties(&mut filtered);
        }
        let sorted = self.orderby.iter().filter_map(|(p, _)| p.first());
        for (i, prop) in sorted.enumerate() {
            if !filtered.get(i).is_some_and(|f| f.eq_ignore_ascii_case(prop)) {
                return Err(GraphError::new(
                    400,
                    "InefficientFilter",
                    "The restriction or sort order is too complex for this operation.",
                ));
            }
        }
        Ok(())
    }

    /// Whether an item passes the `$filter` (every item does without one); `None` without one.
    pub(crate) fn keeps(&self, item: &Obj) -> Option<bool> {
        self.filter.as_ref().map(|f| f.matches(&Value::Object(item.clone())))
    }

    /// How many items one page of a list holds (`$top=0` holds none).
    fn page_len(&self, default: usize) -> usize {
        self.top.or(self.max_page_size).unwrap_or(default).max(usize::from(self.top != Some(0)))
    }

    /// The items of `total` the requested page holds.
    fn window(&self, total: usize, default: usize) -> Range<usize> {
        let start = self.offset.unwrap_or(self.skip).min(total);
        start..start.saturating_add(self.page_len(default)).min(total)
    }

    /// Items per page: `$top`, else `Prefer: odata.maxpagesize`, else `default`.
    pub(crate) fn page_size(&self, default: usize) -> usize {
        self.top.or(self.max_page_size).unwrap_or(default).max(1)
    }

    pub fn expands(&self, nav: &str) -> bool {
        self.expand.iter().any(|e| e == nav)
    }

    /// Checks that every property the options name exists on `kind` (or on one of `items`, so
    /// fixture-only properties are queryable too).
    pub(crate) fn check(&self, kind: Kind, items: &[Obj]) -> Result<()> {
        let mut names: Vec<String> = Vec::new();
        if let Some(f) = &self.filter {
            f.properties(&mut names);
        }
        names.extend(self.orderby.iter().filter_map(|(p, _)| p.first().cloned()));
        names.extend(self.select.iter().flatten().filter(|s| s.as_str() != "*").cloned());
        for n in names {
            let known = kind.properties().iter().any(|p| p.eq_ignore_ascii_case(&n))
                || n.starts_with('@')
                || items.iter().any(|i| i.contains_key(&n));
            if !known {
                return Err(GraphError::unknown_property(&n, kind.type_name()));
            }
        }
        Ok(())
    }

    /// Keeps the `$select`ed properties (plus `id` and annotations), or drops the properties
    /// Graph returns only on `$select`.
    pub fn project(&self, mut item: Obj, kind: Kind) -> Obj {
        match &self.select {
            Some(sel) if !sel.iter().any(|s| s == "*") => {
                item.retain(|k, _| k == "id" || k.starts_with('@') || sel.iter().any(|s| s.eq_ignore_ascii_case(k)));
            }
            _ => match kind.defaults() {
                Some(d) => item.retain(|k, _| k.starts_with('@') || d.contains(&k.as_str())),
                None => item.retain(|k, _| !kind.select_only().contains(&k.as_str())),
            },
        }
        item
    }

    /// `groups` -> `groups(id,displayName)` when `$select` is present, as Graph's contexts do.
    pub(crate) fn fragment(&self, base: &str) -> String {
        match &self.select {
            Some(sel) => format!("{base}({})", sel.join(",")),
            None => base.to_string(),
        }
    }

    pub(crate) fn headers(&self, res: &mut Response, page_size: Option<usize>) {
        let mut applied = Vec::new();
        if let (Some(n), Some(_)) = (page_size, self.max_page_size) {
            applied.push(format!("odata.maxpagesize={n}"));
        }
        if self.text_body {
            applied.push("outlook.body-content-type=\"text\"".to_string());
        }
        if self.immutable_ids {
            applied.push("IdType=\"ImmutableId\"".to_string());
        }
        if let Ok(v) = HeaderValue::from_str(&applied.join(",")) {
            if !applied.is_empty() {
                res.headers_mut().insert("preference-applied", v);
            }
        }
    }
}

fn eventual(headers: &HeaderMap) -> bool {
    headers
        .get("consistencylevel")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("eventual"))
}

fn filter_error(e: FilterError, value: &str, family: Family) -> GraphError {
    match (e, family) {
        (FilterError::Syntax(why), _) => {
            GraphError::new(400, "BadRequest", format!("Invalid filter clause: {why} in '{value}'."))
        }
        (FilterError::Unsupported(what), Family::Directory) => GraphError::new(
            400,
            "Request_UnsupportedQuery",
            format!("Unsupported query: {what} is not supported in $filter."),
        ),
        (FilterError::Unsupported(_), Family::Exchange) => {
            GraphError::new(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.")
        }
    }
}

fn lookup<'a>(item: &'a Obj, path: &[String]) -> &'a Value {
    let mut v = path.first().and_then(|p| item.get(p));
    for seg in path.iter().skip(1) {
        v = v.and_then(|x| x.get(seg));
    }
    v.unwrap_or(&Value::Null)
}

/// Nulls first, then values by `filter::order`, mismatched types by their JSON kind.
fn sort_cmp(a: &Value, b: &Value) -> Ordering {
    let rank = |v: &Value| match v {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    };
    filter::order(a, b).unwrap_or_else(|| rank(a).cmp(&rank(b)))
}

/// A collection response: filtered, searched, ordered, counted, paged and projected.
/// `path` is the request path as sent (for the next link), `fragment` the metadata fragment.
pub(crate) fn list(
    ctx: &Ctx,
    path: &str,
    q: &Query,
    kind: Kind,
    fragment: &str,
    mut items: Vec<Obj>,
    default_page: usize,
) -> Result<Response> {
    q.check(kind, &items)?;
    if let Some(f) = &q.filter {
        items.retain(|i| f.matches(&Value::Object(i.clone())));
    }
    if let Some(s) = &q.search {
        items.retain(|i| s.matches(i, kind));
    }
    if !q.orderby.is_empty() {
        items.sort_by(|a, b| {
            q.orderby.iter().fold(Ordering::Equal, |acc, (p, desc)| {
                acc.then_with(|| {
                    let o = sort_cmp(lookup(a, p), lookup(b, p));
                    if *desc {
                        o.reverse()
                    } else {
                        o
                    }
                })
            })
        });
    }
    let total = items.len();
    let window = q.window(total, default_page);
    let page = items.drain(window.clone()).collect();
    page_of(ctx, path, q, kind, fragment, page, window, total, default_page)
}

/// [`list`] for items costly to render (a thread's hundreds of posts): when nothing but the
/// page's own items can change the answer (no `$filter`, `$search` or `$orderby`, and every
/// name in `$select` a declared property), only they are rendered; else all are, as `list` does.
/// `render(range)` renders the items in `range` of `total`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn list_rendering(
    ctx: &Ctx,
    path: &str,
    q: &Query,
    kind: Kind,
    fragment: &str,
    total: usize,
    render: impl FnOnce(Range<usize>) -> Vec<Obj>,
    default_page: usize,
) -> Result<Response> {
    let declared =
        |n: &String| n == "*" || n.starts_with('@') || kind.properties().iter().any(|p| p.eq_ignore_ascii_case(n));
    let page_alone =
        q.filter.is_none() && q.search.is_none() && q.orderby.is_empty() && q.select.iter().flatten().all(declared);
    if !page_alone {
        return list(ctx, path, q, kind, fragment, render(0..total), default_page);
    }
    let window = q.window(total, default_page);
    let page = render(window.clone());
    q.check(kind, &page)?;
    page_of(ctx, path, q, kind, fragment, page, window, total, default_page)
}

/// The answer for the items `window` of `total` (already filtered and sorted): the page, its
/// count and its next link.
#[allow(clippy::too_many_arguments)]
fn page_of(
    ctx: &Ctx,
    path: &str,
    q: &Query,
    kind: Kind,
    fragment: &str,
    page: Vec<Obj>,
    window: Range<usize>,
    total: usize,
    default_page: usize,
) -> Result<Response> {
    let end = window.end;
    let page_size = q.page_len(default_page);
    let value: Vec<Value> = page.into_iter().map(|i| Value::Object(q.project(i, kind))).collect();
    let mut body = json!({ "@odata.context": ctx.context(&q.fragment(fragment)), "value": value });
    if q.count {
        body["@odata.count"] = json!(total);
    }
    if end < total && page_size > 0 {
        let mut pairs = q.carry.clone();
        // Outlook pages with `$skip`, but a search (which takes no `$skip`) and the other
        // services with an opaque `$skiptoken`.
        if kind.skip_links() && q.search.is_none() {
            pairs.push(format!("$skip={end}"));
        } else {
            pairs.push(format!("$skiptoken={}", skiptoken(end)));
        }
        body["@odata.nextLink"] = Value::String(format!("{}{path}?{}", ctx.base, pairs.join("&")));
    }
    let mut res = json(StatusCode::OK, &body);
    q.headers(&mut res, Some(page_size));
    Ok(res)
}

/// A single-entity response (`200` unless `status` says otherwise).
pub(crate) fn one(ctx: &Ctx, q: &Query, kind: Kind, fragment: &str, item: Obj, status: StatusCode) -> Result<Response> {
    q.check(kind, std::slice::from_ref(&item))?;
    let mut item = q.project(item, kind);
    item.insert("@odata.context".into(), Value::String(ctx.context(&format!("{}/$entity", q.fragment(fragment)))));
    let mut res = json(status, &Value::Object(item));
    q.headers(&mut res, None);
    Ok(res)
}

/// A created entity, whole (no projection), as the create operations return it.
pub(crate) fn created(ctx: &Ctx, fragment: &str, mut item: Obj) -> Response {
    item.insert("@odata.context".into(), Value::String(ctx.context(&format!("{fragment}/$entity"))));
    json(StatusCode::CREATED, &Value::Object(item))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(raw: &str, kind: Kind) -> Result<Query> {
        Query::parse(raw, &HeaderMap::new(), kind)
    }

    #[test]
    fn skiptokens_round_trip_and_reject_junk() {
        assert_eq!(parse_skiptoken(&skiptoken(42), Family::Exchange).unwrap(), 42);
        let err = parse_skiptoken("garbage", Family::Directory).unwrap_err();
        assert_eq!(err.code, "Directory_ExpiredPageToken");
    }

    #[test]
    fn options_are_checked_like_graph() {
        assert!(q("$top=2&$select=id,topic&$orderby=topic%20desc&$count=true", Kind::Conversation).is_ok());
        assert_eq!(q("$foo=1", Kind::Group).unwrap_err().code, "Request_BadRequest");
        assert_eq!(q("$foo=1", Kind::Post).unwrap_err().code, "BadRequest");
        assert_eq!(q("$top=x", Kind::Post).unwrap_err().status, 400);
        assert!(q("$top=1000", Kind::Group).unwrap_err().message.contains("between 1 and 999"));
        assert!(q("$skip=1", Kind::Group).is_err() && q("$skip=1", Kind::Thread).is_ok());
        assert!(q("$top=1&$top=2", Kind::Post).unwrap_err().message.contains("more than once"));
        assert_eq!(q("$filter=tolower(topic) eq 'x'", Kind::Thread).unwrap_err().code, "ErrorInvalidUrlQueryFilter");
        assert_eq!(q("$filter=tolower(mail) eq 'x'", Kind::Group).unwrap_err().code, "Request_UnsupportedQuery");
        assert_eq!(q("$expand=nope", Kind::Post).unwrap_err().status, 400);
        assert!(q("$search=\"displayName:x\"", Kind::Group).unwrap_err().message.contains("ConsistencyLevel"));
        assert!(q("custom=1&$count=maybe", Kind::Post).is_err());
    }

    #[test]
    fn select_keeps_id_and_annotations() {
        let query = q("$select=topic", Kind::Thread).unwrap();
        let item = json!({"id": "1", "@odata.type": "#x", "topic": "t", "preview": "p"});
        let Value::Object(item) = item else { unreachable!() };
        let out = query.project(item, Kind::Thread);
        assert_eq!(out.keys().collect::<Vec<_>>(), ["@odata.type", "id", "topic"]);
    }
}
