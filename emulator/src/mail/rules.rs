//! Inbox rules, run on each delivered message in `sequence` order. Conditions and exceptions
//! are `messageRulePredicates`; every given supported predicate must hold (the README lists the
//! ones that are stored but not evaluated). Actions change where the message lands and how.

use super::{Mailbox, Message};
use crate::tenant::{text, Obj};
use serde_json::Value;

/// What the rules decided for one delivered message.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// The folder it lands in (`None`: the Inbox).
    pub folder: Option<String>,
    pub copies: Vec<String>,
    pub mark_read: bool,
    pub importance: Option<Value>,
    pub categories: Vec<Value>,
    pub forward_to: Vec<Value>,
    pub permanent_delete: bool,
}

/// Predicates the emulator evaluates.
pub(crate) const SUPPORTED: &[&str] = &[
    "fromAddresses",
    "senderContains",
    "subjectContains",
    "bodyContains",
    "bodyOrSubjectContains",
    "sentToAddresses",
    "recipientContains",
    "headerContains",
    "hasAttachments",
    "importance",
    "sentToMe",
    "sentOnlyToMe",
    "sentCcMe",
    "sentToOrCcMe",
    "notSentToMe",
];

fn addresses(v: Option<&Value>) -> Vec<String> {
    let list = v.and_then(Value::as_array).cloned().unwrap_or_default();
    list.iter()
        .filter_map(|r| r.pointer("/emailAddress/address").and_then(Value::as_str).map(str::to_ascii_lowercase))
        .collect()
}

fn people(v: Option<&Value>) -> Vec<String> {
    let list = v.and_then(Value::as_array).cloned().unwrap_or_default();
    list.iter()
        .flat_map(|r| ["address", "name"].map(|k| r.pointer(&format!("/emailAddress/{k}")).cloned()))
        .filter_map(|x| x.and_then(|s| s.as_str().map(str::to_lowercase)))
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_lowercase).collect()).unwrap_or_default()
}

fn contains_any(haystacks: &[String], v: &Value) -> bool {
    let needles = strings(v);
    needles.iter().any(|n| haystacks.iter().any(|h| h.contains(n.as_str())))
}

/// Whether every supported predicate given in `preds` holds for `m` in `mb`.
fn holds(preds: &Obj, mb: &Mailbox, m: &Message) -> bool {
    let p = &m.props;
    let me = mb.address().to_ascii_lowercase();
    let to = addresses(p.get("toRecipients"));
    let cc = addresses(p.get("ccRecipients"));
    let from = p.get("from").map(|f| people(Some(&Value::Array(vec![f.clone()])))).unwrap_or_default();
    let subject = vec![text(p, "subject").unwrap_or_default().to_lowercase()];
    let body =
        vec![p.get("body").and_then(|b| b.get("content")).and_then(Value::as_str).unwrap_or_default().to_lowercase()];
    preds.iter().filter(|(k, _)| SUPPORTED.contains(&k.as_str())).all(|(k, v)| match k.as_str() {
        "fromAddresses" => {
            let want = addresses(Some(v));
            from.iter().any(|f| want.contains(f))
        }
        "senderContains" => contains_any(&from, v),
        "subjectContains" => contains_any(&subject, v),
        "bodyContains" => contains_any(&body, v),
        "bodyOrSubjectContains" => contains_any(&subject, v) || contains_any(&body, v),
        "sentToAddresses" => {
            let want = addresses(Some(v));
            to.iter().chain(&cc).any(|a| want.contains(a))
        }
        "recipientContains" => {
            let mut all = people(p.get("toRecipients"));
            all.extend(people(p.get("ccRecipients")));
            contains_any(&all, v)
        }
        "headerContains" => {
            let headers: Vec<String> = p
                .get("internetMessageHeaders")
                .and_then(Value::as_array)
                .map(|h| {
                    h.iter()
                        .map(|x| {
                            format!("{}: {}", x["name"].as_str().unwrap_or(""), x["value"].as_str().unwrap_or(""))
                                .to_lowercase()
                        })
                        .collect()
                })
                .unwrap_or_default();
            contains_any(&headers, v)
        }
        "hasAttachments" => v.as_bool() == Some(super::views::has_attachments(m)),
        "importance" => v.as_str().is_some_and(|i| text(p, "importance").unwrap_or("normal").eq_ignore_ascii_case(i)),
        "sentToMe" => v.as_bool() == Some(to.contains(&me)),
        "sentOnlyToMe" => v.as_bool() == Some(to == [me.clone()] && cc.is_empty()),
        "sentCcMe" => v.as_bool() == Some(cc.contains(&me)),
        "sentToOrCcMe" => v.as_bool() == Some(to.contains(&me) || cc.contains(&me)),
        "notSentToMe" => v.as_bool() == Some(!to.contains(&me)),
        _ => true,
    })
}

fn has_supported(preds: &Obj) -> bool {
    preds.keys().any(|k| SUPPORTED.contains(&k.as_str()))
}

/// Runs `mb`'s enabled rules on `m` in `sequence` order.
pub(crate) fn run(mb: &Mailbox, m: &Message) -> Outcome {
    let mut rules: Vec<&Obj> = mb.rules.iter().filter(|r| r.get("isEnabled") != Some(&Value::Bool(false))).collect();
    rules.sort_by_key(|r| r.get("sequence").and_then(Value::as_i64).unwrap_or(i64::MAX));
    let mut out = Outcome::default();
    let empty = Obj::new();
    for rule in rules {
        let conditions = rule.get("conditions").and_then(Value::as_object).unwrap_or(&empty);
        let exceptions = rule.get("exceptions").and_then(Value::as_object).unwrap_or(&empty);
        if !holds(conditions, mb, m) || (has_supported(exceptions) && holds(exceptions, mb, m)) {
            continue;
        }
        let actions = rule.get("actions").and_then(Value::as_object).unwrap_or(&empty);
        let folder = |k: &str| actions.get(k).and_then(Value::as_str).and_then(|f| mb.folder_id(f));
        if let Some(f) = folder("moveToFolder") {
            out.folder = Some(f);
        }
        if let Some(f) = folder("copyToFolder") {
            out.copies.push(f);
        }
        if actions.get("delete") == Some(&Value::Bool(true)) {
            out.folder = Some(mb.well_known("deleteditems"));
        }
        out.permanent_delete |= actions.get("permanentDelete") == Some(&Value::Bool(true));
        out.mark_read |= actions.get("markAsRead") == Some(&Value::Bool(true));
        if let Some(i) = actions.get("markImportance").filter(|v| v.is_string()) {
            out.importance = Some(i.clone());
        }
        for c in actions.get("assignCategories").and_then(Value::as_array).into_iter().flatten() {
            if !out.categories.contains(c) {
                out.categories.push(c.clone());
            }
        }
        for key in ["forwardTo", "redirectTo", "forwardAsAttachmentTo"] {
            out.forward_to.extend(actions.get(key).and_then(Value::as_array).cloned().unwrap_or_default());
        }
        if actions.get("stopProcessingRules") == Some(&Value::Bool(true)) {
            break;
        }
    }
    out
}

/// The folder ids the rules name must exist: Graph checks them when a rule is saved.
pub(crate) fn check_folders(mb: &Mailbox, rule: &Obj) -> Result<(), String> {
    let actions = rule.get("actions").and_then(Value::as_object);
    for k in ["moveToFolder", "copyToFolder"] {
        if let Some(f) = actions.and_then(|a| a.get(k)).and_then(Value::as_str) {
            if mb.folder_id(f).is_none() {
                return Err(format!("The folder '{f}' in action '{k}' doesn't exist."));
            }
        }
    }
    Ok(())
}
