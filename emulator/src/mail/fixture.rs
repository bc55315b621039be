//! The `mailboxes` section of a tenant fixture (see README.md): every user gets a mailbox with
//! the well-known folders; entries here add shared mailboxes, delegates, settings, folders,
//! rules, Focused Inbox overrides, messages and generated filler mail.

use super::{compose, filler, settings, Folder, Mailbox, Message};
use crate::tenant::{id, text, user_recipient, Obj, Tenant};
use crate::{clock, fixture, ids};
use serde_json::{json, Value};

fn object(v: &Value, what: &str) -> Result<Obj, String> {
    v.as_object().cloned().ok_or_else(|| format!("{what} must be a JSON object"))
}

fn list<'a>(o: &'a Obj, key: &str) -> Result<&'a [Value], String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(format!("\"{key}\" must be an array")),
    }
}

/// Gives every user a mailbox, then applies the fixture's `mailboxes` entries.
pub(crate) fn load(t: &mut Tenant, section: Option<&Value>) -> Result<(), String> {
    t.mailboxes = t.users.iter().map(|u| Mailbox::new(u.clone())).collect();
    let entries = match section {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return Err("\"mailboxes\" must be an array".into()),
    };
    for (i, e) in entries.iter().enumerate() {
        load_one(t, e).map_err(|err| format!("mailboxes[{i}]: {err}"))?;
    }
    Ok(())
}

fn load_one(t: &mut Tenant, v: &Value) -> Result<(), String> {
    let o = object(v, "a mailbox")?;
    let index = match (o.get("user"), o.get("sharedMailbox")) {
        (Some(Value::String(key)), None) => {
            let owner = t.user_by_key(key).ok_or_else(|| format!("\"user\": no user '{key}'"))?;
            let uid = id(owner).to_string();
            t.mailboxes.iter().position(|m| m.owner_id() == uid).ok_or("no mailbox")?
        }
        (None, Some(s)) => {
            let mut owner = object(s, "\"sharedMailbox\"")?;
            for key in ["id", "userPrincipalName"] {
                if text(&owner, key).map_or(true, |x| x.trim().is_empty()) {
                    return Err(format!("sharedMailbox: \"{key}\" is required"));
                }
                let value = text(&owner, key).unwrap_or_default().to_string();
                if t.user_by_key(&value).is_some() || t.mailbox(&value).is_some() {
                    return Err(format!("sharedMailbox: '{value}' is already used"));
                }
            }
            let upn = text(&owner, "userPrincipalName").unwrap_or_default().to_string();
            owner.entry("displayName").or_insert_with(|| json!(upn));
            owner.entry("mail").or_insert(json!(upn));
            let mut mb = Mailbox::new(owner);
            mb.settings.insert("userPurpose".into(), json!("shared"));
            t.mailboxes.push(mb);
            t.mailboxes.len() - 1
        }
        _ => return Err("give either \"user\" (a user id or principal name) or \"sharedMailbox\" (an object)".into()),
    };
    for d in list(&o, "delegates")? {
        let key = d.as_str().ok_or("\"delegates\" entries must be user ids or principal names")?;
        let uid =
            t.user_by_key(key).map(|u| id(u).to_string()).ok_or_else(|| format!("\"delegates\": no user '{key}'"))?;
        t.mailboxes[index].delegates.push(uid);
    }
    if let Some(s) = o.get("mailboxSettings") {
        let body = object(s, "\"mailboxSettings\"")?;
        settings::patch(&mut t.mailboxes[index].settings, body)
            .map_err(|e| format!("mailboxSettings: {}", e.message))?;
    }
    for (i, f) in list(&o, "folders")?.iter().enumerate() {
        add_folder(&mut t.mailboxes[index], f).map_err(|e| format!("folders[{i}]: {e}"))?;
    }
    let archive = t.mailboxes[index].well_known("archive");
    t.mailboxes[index].settings.insert("archiveFolder".into(), json!(archive));
    for (i, r) in list(&o, "messageRules")?.iter().enumerate() {
        let mb = &mut t.mailboxes[index];
        let mut rule = object(r, "a rule")?;
        for key in ["moveToFolder", "copyToFolder"] {
            let named = rule.get("actions").and_then(|a| a.get(key)).and_then(Value::as_str).map(str::to_string);
            if let Some(name) = named {
                let fid = folder_key(mb, &name).ok_or_else(|| format!("messageRules[{i}]: no folder '{name}'"))?;
                if let Some(Value::Object(a)) = rule.get_mut("actions") {
                    a.insert(key.into(), json!(fid));
                }
            }
        }
        rule.entry("id").or_insert_with(|| json!(ids::stable("AQAAA", &format!("{}/rule{i}", mb.owner_id()), 6)));
        rule.entry("isEnabled").or_insert(json!(true));
        rule.entry("hasError").or_insert(json!(false));
        rule.entry("isReadOnly").or_insert(json!(false));
        rule.entry("sequence").or_insert(json!(i + 1));
        mb.rules.push(rule);
    }
    for (i, ov) in list(&o, "overrides")?.iter().enumerate() {
        let mb = &mut t.mailboxes[index];
        let mut ov = object(ov, "an override")?;
        ov.entry("id").or_insert_with(|| json!(ids::stable("", &format!("{}/override{i}", mb.owner_id()), 12)));
        mb.overrides.push(ov);
    }
    if let Some(n) = o.get("filler") {
        let n = n.as_u64().ok_or("\"filler\" must be a number of messages")? as usize;
        filler::fill(t, index, n.min(5000));
    }
    for (i, m) in list(&o, "messages")?.iter().enumerate() {
        let message = load_message(t, index, m, i).map_err(|e| format!("messages[{i}]: {e}"))?;
        t.mailboxes[index].messages.push(message);
    }
    Ok(())
}

/// A folder by well-known name, id or display name.
fn folder_key(mb: &Mailbox, key: &str) -> Option<String> {
    mb.folder_id(key).or_else(|| {
        mb.folders
            .iter()
            .find(|f| text(&f.props, "displayName").is_some_and(|d| d.eq_ignore_ascii_case(key)))
            .map(|f| id(&f.props).to_string())
    })
}

fn add_folder(mb: &mut Mailbox, v: &Value) -> Result<(), String> {
    let mut f = object(v, "a folder")?;
    let name =
        text(&f, "displayName").filter(|s| !s.trim().is_empty()).ok_or("\"displayName\" is required")?.to_string();
    let parent_key =
        f.remove("parent").and_then(|p| p.as_str().map(str::to_string)).unwrap_or_else(|| "msgfolderroot".into());
    let parent = folder_key(mb, &parent_key).ok_or_else(|| format!("no parent folder '{parent_key}'"))?;
    f.entry("id").or_insert_with(|| json!(ids::stable("AAMkA", &format!("{}/{parent}/{name}", mb.owner_id()), 60)));
    f.insert("parentFolderId".into(), json!(parent));
    f.entry("isHidden").or_insert(json!(false));
    mb.folders.push(Folder { props: f, well_known: None });
    Ok(())
}

/// `"ada@x"` or a recipient object -> a recipient (tenant users get their display names).
pub(crate) fn recipient(t: &Tenant, v: &Value) -> Result<Value, String> {
    match v {
        Value::String(key) => Ok(match t.user_by_key(key) {
            Some(u) => user_recipient(u),
            None => match t.mailbox(key) {
                Some(mb) => mb.recipient(),
                None => json!({ "emailAddress": { "name": key, "address": key } }),
            },
        }),
        Value::Object(o) if o.get("emailAddress").is_some_and(Value::is_object) => Ok(v.clone()),
        _ => Err("recipients are addresses or {\"emailAddress\": {...}} objects".into()),
    }
}

fn load_message(t: &Tenant, index: usize, v: &Value, n: usize) -> Result<Message, String> {
    let mut o = object(v, "a message")?;
    let mb = &t.mailboxes[index];
    let folder_name = o.remove("folder").and_then(|f| f.as_str().map(str::to_string)).unwrap_or_else(|| "inbox".into());
    let folder = folder_key(mb, &folder_name).ok_or_else(|| format!("no folder '{folder_name}'"))?;
    let received = text(&o, "receivedDateTime")
        .filter(|r| clock::parse_iso(r).is_some())
        .ok_or("\"receivedDateTime\" must be an ISO 8601 date-time")?
        .to_string();
    let from = recipient(t, o.get("from").ok_or("\"from\" is required")?)?;
    o.insert("from".into(), from.clone());
    o.entry("sender").or_insert(from);
    for key in ["toRecipients", "ccRecipients", "bccRecipients", "replyTo"] {
        let given = match o.get(key) {
            Some(Value::Array(a)) => a.iter().map(|r| recipient(t, r)).collect::<Result<Vec<_>, _>>()?,
            None if key == "toRecipients" => vec![mb.recipient()],
            None | Some(Value::Null) => Vec::new(),
            Some(_) => return Err(format!("\"{key}\" must be an array")),
        };
        o.insert(key.into(), Value::Array(given));
    }
    let attachments_v = o.remove("attachments");
    let mut attachments = Vec::new();
    for (i, a) in attachments_v.as_ref().and_then(Value::as_array).into_iter().flatten().enumerate() {
        let mut a = fixture::load_attachment(a, &received).map_err(|e| format!("attachments[{i}]: {e}"))?;
        if !v.pointer(&format!("/attachments/{i}/id")).is_some_and(Value::is_string) {
            a.insert("id".into(), json!(ids::stable("AAMkA", &format!("{}/m{n}/a{i}", mb.owner_id()), 90)));
        }
        attachments.push(a);
    }
    let (props, _) = compose::parse(&Value::Object(o.clone())).map_err(|e| e.message)?;
    let is_draft = mb.is_well_known(&folder, "drafts");
    let mut m = compose::draft(mb, props, attachments, Some(folder));
    let mid =
        text(&o, "id").map_or_else(|| ids::stable("AAMkA", &format!("{}/m{n}", mb.owner_id()), 105), str::to_string);
    m.props.insert("id".into(), json!(mid));
    m.props.insert("webLink".into(), json!(compose::web_link(&mid)));
    for key in ["receivedDateTime", "sentDateTime", "createdDateTime", "lastModifiedDateTime"] {
        m.props.insert(key.into(), o.get(key).cloned().unwrap_or_else(|| json!(received)));
    }
    m.props.insert("isDraft".into(), json!(is_draft));
    m.props.insert("isRead".into(), o.get("isRead").cloned().unwrap_or(json!(is_draft)));
    if !o.contains_key("inferenceClassification") {
        let sender = m
            .props
            .get("from")
            .and_then(|f| f.pointer("/emailAddress/address"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        m.props.insert("inferenceClassification".into(), json!(super::deliver::classify(mb, &sender)));
    }
    if let Some(c) = o.get("conversationId") {
        m.props.insert("conversationId".into(), c.clone());
    }
    Ok(m)
}
