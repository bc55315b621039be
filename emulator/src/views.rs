//! How stored resources are rendered: what Graph derives (a thread's `lastDeliveredDateTime`,
//! `uniqueSenders`, `preview`, `hasAttachments`; a conversation's from its threads) is computed
//! here at read time, so replies and deletions are reflected without bookkeeping.

use crate::filter;
use crate::tenant::{self, Conversation, Group, Obj, Post, Thread};
use serde_json::{json, Value};
use std::cmp::Ordering;

pub(crate) fn group(g: &Group) -> Obj {
    g.props.clone()
}

pub(crate) fn user(u: &Obj) -> Obj {
    u.clone()
}

/// A member or owner list entry: the user with its type annotation.
pub(crate) fn directory_object(u: &Obj) -> Obj {
    let mut o = u.clone();
    o.insert("@odata.type".into(), json!("#microsoft.graph.user"));
    o
}

/// A group in a list whose type is `directoryObject` (memberOf).
pub(crate) fn typed_group(g: &Group) -> Obj {
    let mut o = g.props.clone();
    o.insert("@odata.type".into(), json!("#microsoft.graph.group"));
    o
}

fn received(p: &Post) -> &Value {
    p.props.get("receivedDateTime").unwrap_or(&Value::Null)
}

/// The newest post of a thread: what a reply to the thread answers.
pub(crate) fn latest_post_id(t: &Thread) -> Option<String> {
    t.derived.get(&t.posts).newest.as_ref().map(|n| n.id.clone())
}

/// What a thread's posts make of it: kept up to date as posts are added (`tenant::Derived`).
#[derive(Clone)]
pub(crate) struct Summary {
    senders: Vec<Value>,
    has_attachments: bool,
    newest: Option<Newest>,
}

/// The newest post: its `receivedDateTime` (and that parsed, to compare without parsing again),
/// `preview` and id.
#[derive(Clone)]
struct Newest {
    received: Value,
    at: Option<i128>,
    preview: String,
    id: String,
}

impl Newest {
    fn of(p: &Post) -> Newest {
        let received = received(p).clone();
        let at = received.as_str().and_then(crate::clock::parse_iso);
        Newest { received, at, preview: preview(p), id: tenant::id(&p.props).to_string() }
    }

    /// Whether a post received at `received` is newer than this one; the later among equals
    /// wins, as it arrived last.
    fn older_than(&self, received: &Value) -> bool {
        let at = received.as_str().and_then(crate::clock::parse_iso);
        let order = match (at, self.at) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => filter::order(received, &self.received).unwrap_or(Ordering::Equal),
        };
        order != Ordering::Less
    }
}

impl Summary {
    pub(crate) fn of(posts: &[Post]) -> Summary {
        let mut s = Summary { senders: Vec::new(), has_attachments: false, newest: None };
        s.add(posts);
        s
    }

    /// Folds posts added after the ones already summarized.
    pub(crate) fn add(&mut self, posts: &[Post]) {
        for p in posts {
            let name =
                p.props.get("from").and_then(|f| f.pointer("/emailAddress/name")).cloned().unwrap_or(Value::Null);
            if name.is_string() && !self.senders.contains(&name) {
                self.senders.push(name);
            }
            self.has_attachments |= !p.attachments.is_empty();
            let newer = match &self.newest {
                Some(n) => n.older_than(received(p)),
                None => true,
            };
            if newer {
                self.newest = Some(Newest::of(p));
            }
        }
    }
}

/// `o` with the derived properties of `summaries` (a thread's, or a conversation's threads' in
/// order: senders in order of first appearance, the newest post of all, the last among equals).
fn summary<'a>(mut o: Obj, summaries: impl Iterator<Item = &'a Summary>) -> Obj {
    let mut senders: Vec<Value> = Vec::new();
    let mut has_attachments = false;
    let mut newest: Option<&Newest> = None;
    for s in summaries {
        for name in &s.senders {
            if !senders.contains(name) {
                senders.push(name.clone());
            }
        }
        has_attachments |= s.has_attachments;
        if let Some(n) = &s.newest {
            let later = match newest {
                None => true,
                Some(m) => m.older_than(&n.received),
            };
            if later {
                newest = Some(n);
            }
        }
    }
    o.insert("hasAttachments".into(), Value::Bool(has_attachments));
    o.insert("lastDeliveredDateTime".into(), newest.map(|n| n.received.clone()).unwrap_or(Value::Null));
    o.insert("uniqueSenders".into(), Value::Array(senders));
    o.insert("preview".into(), Value::String(newest.map(|n| n.preview.clone()).unwrap_or_default()));
    o
}

pub(crate) fn thread(t: &Thread) -> Obj {
    summary(t.props.clone(), std::iter::once(&*t.derived.get(&t.posts)))
}

pub(crate) fn conversation(c: &Conversation) -> Obj {
    let mut o = Obj::new();
    for key in ["id", "topic"] {
        o.insert(key.into(), c.props.get(key).cloned().unwrap_or(Value::Null));
    }
    let summaries: Vec<_> = c.threads.iter().map(|t| t.derived.get(&t.posts)).collect();
    summary(o, summaries.iter().map(|s| &**s))
}

/// A post; with `text_body` its HTML body is turned into text (`Prefer: outlook.body-content-type`).
pub(crate) fn post(p: &Post, text_body: bool) -> Obj {
    let mut o = p.props.clone();
    if let Some(ck) = tenant::text(&p.props, "changeKey") {
        o.insert("@odata.etag".into(), Value::String(format!("W/\"{ck}\"")));
    }
    let html =
        p.props.get("body").is_some_and(|b| b["contentType"].as_str().is_some_and(|t| t.eq_ignore_ascii_case("html")));
    if text_body && html {
        let content = p.props["body"]["content"].as_str().unwrap_or_default();
        o.insert("body".into(), json!({ "contentType": "text", "content": html_to_text(content) }));
    }
    o
}

pub(crate) fn attachment(a: &Obj) -> Obj {
    let mut o = a.clone();
    let file = tenant::text(a, "@odata.type").is_some_and(|t| t.to_ascii_lowercase().ends_with("fileattachment"));
    if let (true, Some(ct)) = (file, a.get("contentType").cloned()) {
        o.insert("@odata.mediaContentType".into(), ct);
    }
    o
}

/// Graph's `preview`: the start of the newest post's text.
fn preview(p: &Post) -> String {
    let content = p.props.get("body").and_then(|b| b.get("content")).and_then(Value::as_str).unwrap_or_default();
    let html = p.props.get("body").and_then(|b| b.get("contentType")).and_then(Value::as_str).unwrap_or("html");
    let text = if html.eq_ignore_ascii_case("text") { content.to_string() } else { html_to_text(content) };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    flat.chars().take(255).collect()
}

/// Tags out, entities decoded, block ends as line breaks; `<script>`/`<style>` content dropped.
pub(crate) fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[..gt].trim().to_ascii_lowercase();
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        rest = &after[gt + 1..];
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&close) {
                Some(i) => rest[i..].split_once('>').map_or("", |(_, r)| r),
                None => "",
            };
            continue;
        }
        if matches!(name.as_str(), "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3")
            && (tag.starts_with('/') || name == "br")
        {
            out.push('\n');
        }
    }
    out.push_str(&decode_entities(rest));
    out.trim().to_string()
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text() {
        let html = "<html><body><p>Hi&nbsp;team,</p><p>Q&amp;A <b>today</b></p><script>alert(1)</script><img src=x onerror=\"y\">end</body></html>";
        assert_eq!(html_to_text(html), "Hi team,\nQ&A today\nend");
        assert_eq!(html_to_text("a < b"), "a");
        assert_eq!(html_to_text("<style>p{}</style>ok"), "ok");
        assert_eq!(html_to_text("<SCRIPT>x"), "");
    }

    #[test]
    fn derived_thread_properties_follow_posts() {
        let t = tenant::Tenant::seed();
        let conv = &t.groups[0].conversations[0];
        let v = thread(&conv.threads[0]);
        assert_eq!(v["lastDeliveredDateTime"], "2025-03-11T07:45:30Z");
        assert_eq!(v["uniqueSenders"], json!(["Olivia Owens", "Miguel Mendes"]));
        assert!(v["preview"].as_str().unwrap().starts_with("Love both."));
        assert_eq!(conversation(conv)["hasAttachments"], false);
    }
}
