//! Tenant fixtures: the JSON format `--tenant FILE` and `Tenant::from_json` read (see README.md),
//! checked and completed with what Graph derives (ids, sizes, links, timestamps).

use crate::tenant::{id, text, user_recipient, Conversation, Group, Obj, Photo, Post, Tenant, Thread};
use crate::{clock, ids};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

impl Tenant {
    /// The built-in seed tenant (`emulator/seed/tenant.json`): users `owner@contoso.test`,
    /// `member@contoso.test` and `outsider@contoso.test`, a public and a private group.
    pub fn seed() -> Tenant {
        Tenant::from_json(include_str!("../seed/tenant.json")).expect("the built-in seed fixture is valid")
    }

    /// Reads a tenant fixture (the format `--tenant FILE` takes; see the crate's README.md).
    pub fn from_json(fixture: &str) -> Result<Tenant, String> {
        let doc: Value = serde_json::from_str(fixture).map_err(|e| format!("fixture is not valid JSON: {e}"))?;
        let Value::Object(doc) = doc else { return Err("fixture must be a JSON object".into()) };
        for key in doc.keys() {
            if !matches!(key.as_str(), "users" | "groups" | "mailboxes" | "calendars" | "places")
                && !key.starts_with('$')
                && !key.starts_with('_')
            {
                return Err(format!(
                    "unknown top-level key '{key}' (expected \"users\", \"groups\", \"mailboxes\", \"calendars\", \"places\")"
                ));
            }
        }
        let mut tenant = Tenant {
            users: Vec::new(),
            groups: Vec::new(),
            mailboxes: Vec::new(),
            calendars: Vec::new(),
            places: Default::default(),
            drives: Default::default(),
        };
        for (i, u) in array(doc.get("users"), "users")?.iter().enumerate() {
            tenant.users.push(load_user(u, &tenant).map_err(|e| format!("users[{i}]: {e}"))?);
        }
        for (i, g) in array(doc.get("groups"), "groups")?.iter().enumerate() {
            let group = load_group(g, &tenant).map_err(|e| format!("groups[{i}]: {e}"))?;
            tenant.groups.push(group);
        }
        tenant.check_unique_item_ids()?;
        crate::mail::fixture::load(&mut tenant, doc.get("mailboxes"))?;
        crate::calendar::places::load(&mut tenant, doc.get("places"))?;
        crate::calendar::seed::load(&mut tenant, doc.get("calendars"))?;
        Ok(tenant)
    }

    /// Reads a tenant fixture file.
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Tenant, String> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Tenant::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn check_unique_item_ids(&self) -> Result<(), String> {
        let mut seen = std::collections::HashSet::new();
        let groups = self.groups.iter().map(|g| id(&g.props));
        let users = self.users.iter().map(id);
        for key in groups.chain(users) {
            if !seen.insert(key.to_ascii_lowercase()) {
                return Err(format!("id '{key}' is used twice"));
            }
        }
        let mut items = std::collections::HashSet::new();
        for c in self.groups.iter().flat_map(|g| &g.conversations) {
            let threads = c.threads.iter().map(|t| id(&t.props));
            let posts = c.threads.iter().flat_map(|t| &t.posts).map(|p| id(&p.props));
            for key in std::iter::once(id(&c.props)).chain(threads).chain(posts) {
                if !items.insert(key.to_string()) {
                    return Err(format!("item id '{key}' is used twice"));
                }
            }
        }
        Ok(())
    }
}

fn array<'a>(v: Option<&'a Value>, what: &str) -> Result<&'a [Value], String> {
    match v {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(format!("\"{what}\" must be an array")),
    }
}

fn object(v: &Value, what: &str) -> Result<Obj, String> {
    match v {
        Value::Object(o) => Ok(o.clone()),
        _ => Err(format!("{what} must be a JSON object")),
    }
}

fn required_text(o: &Obj, key: &str) -> Result<String, String> {
    match o.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        _ => Err(format!("\"{key}\" is required and must be a non-empty string")),
    }
}

fn load_user(v: &Value, tenant: &Tenant) -> Result<Obj, String> {
    let mut u = object(v, "a user")?;
    let id = required_text(&u, "id")?;
    let upn = required_text(&u, "userPrincipalName")?;
    if tenant.user_by_upn(&upn).is_some() {
        return Err(format!("userPrincipalName '{upn}' is used twice"));
    }
    if tenant.user(&id).is_some() {
        return Err(format!("user id '{id}' is used twice"));
    }
    u.entry("displayName").or_insert_with(|| Value::String(upn.clone()));
    u.entry("mail").or_insert(Value::String(upn));
    Ok(u)
}

/// Resolves a list of user ids or user principal names to user ids.
fn user_refs(v: Option<&Value>, what: &str, tenant: &Tenant) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for r in array(v, what)? {
        let key = r.as_str().ok_or_else(|| format!("\"{what}\" entries must be user ids or principal names"))?;
        let user = tenant.user_by_key(key).ok_or_else(|| format!("\"{what}\": no user '{key}'"))?;
        let uid = id(user).to_string();
        if !out.contains(&uid) {
            out.push(uid);
        }
    }
    Ok(out)
}

fn load_group(v: &Value, tenant: &Tenant) -> Result<Group, String> {
    let mut props = object(v, "a group")?;
    required_text(&props, "id")?;
    required_text(&props, "displayName")?;
    let owners = user_refs(props.remove("owners").as_ref(), "owners", tenant)?;
    let members = user_refs(props.remove("members").as_ref(), "members", tenant)?;
    let photo = match props.remove("photo") {
        None | Some(Value::Null) => None,
        Some(p) => Some(load_photo(&p)?),
    };
    let conversations = props.remove("conversations");
    let mut group = Group { props, owners, members, photo, conversations: Vec::new() };
    for (i, c) in array(conversations.as_ref(), "conversations")?.iter().enumerate() {
        let conversation = load_conversation(c, &group, tenant).map_err(|e| format!("conversations[{i}]: {e}"))?;
        group.conversations.push(conversation);
    }
    Ok(group)
}

fn load_photo(v: &Value) -> Result<Photo, String> {
    let p = object(v, "\"photo\"")?;
    let content_type = required_text(&p, "contentType").map_err(|e| format!("photo: {e}"))?;
    let b64 = required_text(&p, "contentBytes").map_err(|e| format!("photo: {e}"))?;
    let bytes = STANDARD.decode(b64.trim()).map_err(|e| format!("photo: contentBytes is not base64: {e}"))?;
    Ok(Photo { content_type, bytes })
}

fn load_conversation(v: &Value, group: &Group, tenant: &Tenant) -> Result<Conversation, String> {
    let mut props = object(v, "a conversation")?;
    let topic = required_text(&props, "topic")?;
    let cid = ensure_id(&mut props, ids::conversation_id);
    let threads = props.remove("threads");
    let threads = array(threads.as_ref(), "threads")?;
    if threads.is_empty() {
        return Err("a conversation needs at least one thread".into());
    }
    let mut out = Vec::new();
    for (i, t) in threads.iter().enumerate() {
        out.push(load_thread(t, &topic, &cid, group, tenant).map_err(|e| format!("threads[{i}]: {e}"))?);
    }
    Ok(Conversation { props, threads: out })
}

fn load_thread(v: &Value, topic: &str, cid: &str, group: &Group, tenant: &Tenant) -> Result<Thread, String> {
    let mut props = object(v, "a thread")?;
    let tid = ensure_id(&mut props, ids::thread_id);
    props.entry("topic").or_insert_with(|| Value::String(topic.to_string()));
    props.entry("isLocked").or_insert(Value::Bool(false));
    props.entry("toRecipients").or_insert_with(|| Value::Array(vec![group.recipient()]));
    props.entry("ccRecipients").or_insert_with(|| Value::Array(Vec::new()));
    let posts_v = props.remove("posts");
    let posts_v = array(posts_v.as_ref(), "posts")?;
    if posts_v.is_empty() {
        return Err("a thread needs at least one post".into());
    }
    let mut posts: Vec<Post> = Vec::new();
    for (i, p) in posts_v.iter().enumerate() {
        let previous = posts.last().map(|p| id(&p.props).to_string());
        posts.push(load_post(p, cid, &tid, previous, tenant).map_err(|e| format!("posts[{i}]: {e}"))?);
    }
    Ok(Thread::new(props, posts))
}

fn load_post(v: &Value, cid: &str, tid: &str, previous: Option<String>, tenant: &Tenant) -> Result<Post, String> {
    let mut props = object(v, "a post")?;
    ensure_id(&mut props, ids::post_id);
    let from = match props.get("from") {
        Some(Value::String(upn)) => {
            user_recipient(tenant.user_by_key(upn).ok_or_else(|| format!("\"from\": no user '{upn}'"))?)
        }
        Some(Value::Object(o)) if o.get("emailAddress").is_some_and(Value::is_object) => Value::Object(o.clone()),
        _ => return Err("\"from\" must be a user principal name or a recipient object".into()),
    };
    props.insert("from".into(), from.clone());
    props.entry("sender").or_insert(from);
    match props.get("body") {
        Some(Value::Object(b)) if b.get("content").is_some_and(Value::is_string) => {}
        _ => return Err("\"body\" must be {\"contentType\", \"content\"}".into()),
    }
    let received = match (text(&props, "receivedDateTime"), text(&props, "createdDateTime")) {
        (Some(r), _) | (None, Some(r)) if clock::parse_iso(r).is_some() => r.to_string(),
        _ => return Err("\"receivedDateTime\" must be an ISO 8601 date-time".into()),
    };
    for key in ["receivedDateTime", "createdDateTime", "lastModifiedDateTime"] {
        props.entry(key).or_insert_with(|| Value::String(received.clone()));
    }
    props.entry("changeKey").or_insert_with(|| Value::String(ids::change_key()));
    props.entry("categories").or_insert_with(|| Value::Array(Vec::new()));
    props.entry("newParticipants").or_insert_with(|| Value::Array(Vec::new()));
    props.insert("conversationId".into(), Value::String(cid.to_string()));
    props.insert("conversationThreadId".into(), Value::String(tid.to_string()));
    let in_reply_to = match props.remove("inReplyTo") {
        Some(Value::String(s)) => Some(s),
        _ => previous,
    };
    let attachments_v = props.remove("attachments");
    let mut attachments = Vec::new();
    for (i, a) in array(attachments_v.as_ref(), "attachments")?.iter().enumerate() {
        attachments.push(load_attachment(a, &received).map_err(|e| format!("attachments[{i}]: {e}"))?);
    }
    props.insert("hasAttachments".into(), Value::Bool(!attachments.is_empty()));
    Ok(Post { props, in_reply_to, attachments })
}

/// Checks an attachment object and fills what Graph derives (`size`, `id`, defaults). Shared with
/// the routes that accept attachments on new posts.
pub(crate) fn load_attachment(v: &Value, received: &str) -> Result<Obj, String> {
    let mut a = object(v, "an attachment")?;
    a.entry("@odata.type").or_insert_with(|| json!("#microsoft.graph.fileAttachment"));
    let kind = text(&a, "@odata.type").unwrap_or_default().to_ascii_lowercase();
    let name = required_text(&a, "name")?;
    ensure_id(&mut a, ids::attachment_id);
    a.entry("contentType").or_insert_with(|| json!("application/octet-stream"));
    a.entry("isInline").or_insert(Value::Bool(false));
    a.entry("lastModifiedDateTime").or_insert_with(|| Value::String(received.to_string()));
    if kind.ends_with("fileattachment") {
        let b64 = required_text(&a, "contentBytes").map_err(|e| format!("file attachment '{name}': {e}"))?;
        let bytes = STANDARD.decode(b64.trim()).map_err(|_| format!("contentBytes of '{name}' is not base64"))?;
        a.insert("size".into(), json!(bytes.len()));
        a.entry("contentId").or_insert(Value::Null);
        a.entry("contentLocation").or_insert(Value::Null);
    } else {
        a.entry("size").or_insert(json!(0));
    }
    Ok(a)
}

fn ensure_id(o: &mut Obj, fresh: fn() -> String) -> String {
    match o.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        _ => {
            let new = fresh();
            o.insert("id".into(), Value::String(new.clone()));
            new
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_loads_with_its_promises() {
        let t = Tenant::seed();
        assert_eq!(t.users.len(), 3);
        let public = t.groups.iter().find(|g| g.is_public()).unwrap();
        let private = t.groups.iter().find(|g| !g.is_public()).unwrap();
        assert!(public.conversations.len() >= 3);
        assert!(public.photo.is_some() && private.photo.is_none());
        let owner = id(t.user_by_upn("owner@contoso.test").unwrap()).to_string();
        let member = id(t.user_by_upn("member@contoso.test").unwrap()).to_string();
        assert!(public.is_owner(&owner) && private.is_owner(&owner) && private.is_member(&owner));
        assert!(public.is_member(&member) && !private.is_member(&member));
        let posts: Vec<&Post> = public.conversations.iter().flat_map(|c| &c.threads).flat_map(|t| &t.posts).collect();
        assert!(posts.iter().any(|p| !p.attachments.is_empty()));
        assert!(posts.iter().any(|p| p.props["body"]["content"].as_str().unwrap().contains("onerror=")));
    }

    #[test]
    fn bad_fixtures_say_what_is_wrong() {
        let cases = [
            ("[]", "JSON object"),
            ("{\"user\": []}", "unknown top-level key"),
            ("{\"users\": [{\"id\": \"1\"}]}", "userPrincipalName"),
            ("{\"users\": [], \"groups\": [{\"id\": \"g\", \"displayName\": \"G\", \"owners\": [\"x@y\"]}]}", "no user"),
            ("{\"groups\": [{\"id\": \"g\", \"displayName\": \"G\", \"conversations\": [{\"topic\": \"t\", \"threads\": []}]}]}", "at least one thread"),
        ];
        for (fixture, needle) in cases {
            let err = Tenant::from_json(fixture).unwrap_err();
            assert!(err.contains(needle), "{fixture}: {err}");
        }
    }

    #[test]
    fn posts_get_ids_links_and_shorthand_senders() {
        let fixture = r#"{"users": [{"id": "u1", "userPrincipalName": "a@b.test", "displayName": "A"}],
            "groups": [{"id": "g1", "displayName": "G", "mail": "g@b.test", "visibility": "Public", "members": ["a@b.test"],
              "conversations": [{"topic": "Hello", "threads": [{"posts": [
                {"from": "a@b.test", "receivedDateTime": "2025-01-01T00:00:00Z", "body": {"contentType": "text", "content": "hi"}},
                {"from": "a@b.test", "receivedDateTime": "2025-01-02T00:00:00Z", "body": {"contentType": "text", "content": "again"},
                 "attachments": [{"name": "a.txt", "contentBytes": "aGk="}]}]}]}]}]}"#;
        let t = Tenant::from_json(fixture).unwrap();
        let thread = &t.groups[0].conversations[0].threads[0];
        assert_eq!(thread.props["topic"], "Hello");
        let second = &thread.posts[1];
        assert_eq!(second.in_reply_to.as_deref(), Some(id(&thread.posts[0].props)));
        assert_eq!(second.props["from"]["emailAddress"]["address"], "a@b.test");
        assert_eq!(second.attachments[0]["size"], 2);
        assert_eq!(second.props["hasAttachments"], true);
    }
}
