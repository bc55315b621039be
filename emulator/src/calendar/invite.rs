//! Meetings between tenant mailboxes: an organizer's event with attendees puts a copy in each
//! tenant attendee's default calendar (and a meeting request in their Inbox); responses update
//! the organizer's attendee list; a cancel takes the copies away. Copies share the `iCalUId`.

use super::compose::web_link;
use super::store::obj;
use super::Event;
use crate::mail::{compose, deliver};
use crate::tenant::{text, Obj, Tenant};
use crate::{clock, ids};
use serde_json::{json, Value};

fn uid(e: &Obj) -> String {
    text(e, "iCalUId").unwrap_or_default().to_string()
}

fn addresses(e: &Obj) -> Vec<String> {
    let list = e.get("attendees").and_then(Value::as_array).cloned().unwrap_or_default();
    list.iter().filter_map(|a| a.pointer("/emailAddress/address").and_then(Value::as_str)).map(str::to_string).collect()
}

/// Mails a meeting message from mailbox `from` (the organizer's, or an attendee's response).
fn mail(t: &mut Tenant, from: usize, to: &[String], subject: String, body: Value, kind: &str) {
    let recipients: Vec<Value> = to.iter().map(|a| json!({ "emailAddress": { "address": a } })).collect();
    let props = obj(json!({ "subject": subject, "body": body, "toRecipients": recipients }));
    let mut m = compose::draft(&t.mailboxes[from], props, Vec::new(), None);
    m.props.insert("@odata.type".into(), json!("#microsoft.graph.eventMessage"));
    m.props.insert("meetingMessageType".into(), json!(kind));
    let _ = deliver::send(t, from, m, false);
}

/// Puts the organizer's event (`store`, `eid`) in the calendars of the tenant attendees among
/// `only` (all attendees when `None`) who do not have it yet.
pub(crate) fn deliver(t: &mut Tenant, store: usize, eid: &str, only: Option<&[String]>, notify: bool) {
    let Some(i) = t.calendars[store].event_index(eid) else { return };
    let master = t.calendars[store].events[i].clone();
    let organizer = t.calendars[store].owner.clone();
    let invited: Vec<String> = addresses(&master.props)
        .into_iter()
        .filter(|a| only.map_or(true, |o| o.iter().any(|x| x.eq_ignore_ascii_case(a))))
        .collect();
    let mut mailed = Vec::new();
    for address in &invited {
        let Some(mi) = t.mailbox_index_for(address) else { continue };
        if t.mailboxes[mi].owner_id().eq_ignore_ascii_case(&organizer) {
            continue;
        }
        let s = t.mailbox_calendar(mi);
        if t.calendars[s].events.iter().any(|e| uid(&e.props) == uid(&master.props)) {
            continue;
        }
        let mut copy = master.props.clone();
        let new_id = ids::mail_item_id();
        copy.insert("id".into(), json!(new_id));
        copy.insert("webLink".into(), json!(web_link(&new_id)));
        copy.insert("changeKey".into(), json!(ids::change_key()));
        copy.insert("isOrganizer".into(), json!(false));
        copy.insert("responseStatus".into(), json!({ "response": "notResponded", "time": "0001-01-01T00:00:00Z" }));
        let calendar = t.calendars[s].default_calendar();
        t.calendars[s].events.push(Event {
            props: copy,
            calendar,
            exceptions: master.exceptions.clone(),
            attachments: master.attachments.clone(),
        });
        mailed.push(address.clone());
    }
    if let (true, false, Some(from)) = (notify, mailed.is_empty(), t.mailbox_index_for_owner(&organizer)) {
        let subject = text(&master.props, "subject").unwrap_or_default().to_string();
        let body = master.props.get("body").cloned().unwrap_or(Value::Null);
        mail(t, from, &mailed, subject, body, "meetingRequest");
    }
}

/// The organizer's copy of an attendee's event: (store, event index).
fn organizer_copy(t: &Tenant, e: &Obj) -> Option<(usize, usize)> {
    let address = e.get("organizer")?.pointer("/emailAddress/address").and_then(Value::as_str)?;
    let mb = t.mailbox_index_for(address)?;
    let owner = t.mailboxes[mb].owner_id();
    let s = t.calendars.iter().position(|s| s.owner.eq_ignore_ascii_case(owner))?;
    let i = t.calendars[s].events.iter().position(|x| uid(&x.props) == uid(e))?;
    Some((s, i))
}

/// An attendee (`store`'s owner) answers `response` to their copy `i`.
pub(crate) fn respond(t: &mut Tenant, store: usize, i: usize, response: &str, comment: &str, send: bool) {
    let now = clock::now_iso();
    let status = json!({ "response": response, "time": now });
    let props = t.calendars[store].events[i].props.clone();
    t.calendars[store].events[i].props.insert("responseStatus".into(), status.clone());
    if response == "declined" {
        t.calendars[store].events.remove(i);
    }
    if !send {
        return;
    }
    let me = t.calendars[store].owner.clone();
    let Some(mine) = t.mailbox_index_for_owner(&me) else { return };
    let my_address = t.mailboxes[mine].address().to_string();
    let Some((s, oi)) = organizer_copy(t, &props) else { return };
    let ev = &mut t.calendars[s].events[oi];
    if let Some(list) = ev.props.get_mut("attendees").and_then(Value::as_array_mut) {
        for a in list.iter_mut().filter(|a| {
            a.pointer("/emailAddress/address")
                .and_then(Value::as_str)
                .is_some_and(|x| x.eq_ignore_ascii_case(&my_address))
        }) {
            a["status"] = status.clone();
        }
    }
    let subject = text(&ev.props, "subject").unwrap_or_default().to_string();
    let organizer = t.calendars[s].owner.clone();
    if let Some(om) = t.mailbox_index_for_owner(&organizer) {
        let to = vec![t.mailboxes[om].address().to_string()];
        let label = match response {
            "accepted" => "Accepted",
            "tentativelyAccepted" => "Tentative",
            _ => "Declined",
        };
        let kind = format!("meeting{label}");
        mail(t, mine, &to, format!("{label}: {subject}"), json!({ "contentType": "text", "content": comment }), &kind);
    }
}

/// The organizer cancels event `i` of `store`: every attendee's copy goes, then the event.
pub(crate) fn cancel(t: &mut Tenant, store: usize, i: usize, comment: &str) {
    let ev = t.calendars[store].events.remove(i);
    let key = uid(&ev.props);
    let mut told = Vec::new();
    for s in t.calendars.iter_mut().filter(|s| !s.is_group) {
        let before = s.events.len();
        s.events.retain(|e| uid(&e.props) != key);
        if s.events.len() < before {
            told.push(s.owner.clone());
        }
    }
    let organizer = t.calendars[store].owner.clone();
    if let (false, Some(from)) = (told.is_empty(), t.mailbox_index_for_owner(&organizer)) {
        let to: Vec<String> = told
            .iter()
            .filter_map(|o| t.mailbox_index_for_owner(o))
            .map(|m| t.mailboxes[m].address().to_string())
            .collect();
        let subject = format!("Canceled: {}", text(&ev.props, "subject").unwrap_or_default());
        mail(t, from, &to, subject, json!({ "contentType": "text", "content": comment }), "meetingCancelled");
    }
}

impl Tenant {
    pub(crate) fn mailbox_index_for_owner(&self, owner: &str) -> Option<usize> {
        self.mailboxes.iter().position(|m| m.owner_id().eq_ignore_ascii_case(owner))
    }
}

/// `forward`: the organizer's event gains `added` as attendees, and they get their copies.
pub(crate) fn forward(t: &mut Tenant, store: usize, i: usize, added: &[String]) {
    let props = t.calendars[store].events[i].props.clone();
    let organizer = props.get("isOrganizer") == Some(&Value::Bool(true));
    let (s, oi) = if organizer { (store, i) } else { organizer_copy(t, &props).unwrap_or((store, i)) };
    let ev = &mut t.calendars[s].events[oi];
    let known = addresses(&ev.props);
    if let Some(list) = ev.props.get_mut("attendees").and_then(Value::as_array_mut) {
        for a in added.iter().filter(|a| !known.iter().any(|k| k.eq_ignore_ascii_case(a))) {
            list.push(json!({ "type": "required", "status": { "response": "none", "time": "0001-01-01T00:00:00Z" }, "emailAddress": { "name": a, "address": a } }));
        }
    }
    let eid = text(&ev.props, "id").unwrap_or_default().to_string();
    deliver(t, s, &eid, Some(added), true);
}

/// What every copy of a meeting shares: an organizer's change reaches the attendees' copies.
const SHARED: &[&str] = &[
    "subject",
    "body",
    "bodyPreview",
    "start",
    "end",
    "originalStartTimeZone",
    "originalEndTimeZone",
    "location",
    "locations",
    "recurrence",
    "isAllDay",
    "attendees",
    "importance",
    "sensitivity",
    "isOnlineMeeting",
    "onlineMeeting",
    "onlineMeetingProvider",
    "allowNewTimeProposals",
    "hideAttendees",
];

/// A change of these asks the attendees to answer again, as Outlook does.
const TIMING: &[&str] = &["start", "end", "recurrence", "isAllDay"];

/// The organizer changed event `i` of `store` (its properties were `before`): the attendees'
/// copies follow, a new time resets their answers, removed attendees lose their copy, added
/// ones get theirs, and each is told by mail.
pub(crate) fn update(t: &mut Tenant, store: usize, i: usize, before: &Obj) {
    let retimed = TIMING.iter().any(|k| before.get(*k) != t.calendars[store].events[i].props.get(*k));
    if retimed {
        let none = json!({ "response": "none", "time": "0001-01-01T00:00:00Z" });
        if let Some(list) = t.calendars[store].events[i].props.get_mut("attendees").and_then(Value::as_array_mut) {
            list.iter_mut().for_each(|a| a["status"] = none.clone());
        }
    }
    let master = t.calendars[store].events[i].clone();
    let key = uid(&master.props);
    let kept = addresses(&master.props);
    let address_of =
        |t: &Tenant, owner: &str| t.mailbox_index_for_owner(owner).map(|m| t.mailboxes[m].address().to_string());
    let (mut updated, mut removed) = (Vec::new(), Vec::new());
    for s in 0..t.calendars.len() {
        if s == store || t.calendars[s].is_group {
            continue;
        }
        let Some(address) = address_of(t, &t.calendars[s].owner.clone()) else { continue };
        let Some(ci) = t.calendars[s].events.iter().position(|e| uid(&e.props) == key) else { continue };
        if !kept.iter().any(|k| k.eq_ignore_ascii_case(&address)) {
            t.calendars[s].events.remove(ci);
            removed.push(address);
            continue;
        }
        let copy = &mut t.calendars[s].events[ci];
        for k in SHARED {
            match master.props.get(*k) {
                Some(v) => copy.props.insert((*k).into(), v.clone()),
                None => copy.props.remove(*k),
            };
        }
        copy.exceptions = master.exceptions.clone();
        copy.props.insert("changeKey".into(), json!(ids::change_key()));
        copy.props.insert("lastModifiedDateTime".into(), json!(clock::now_iso()));
        if retimed {
            copy.props
                .insert("responseStatus".into(), json!({ "response": "notResponded", "time": "0001-01-01T00:00:00Z" }));
        }
        updated.push(address);
    }
    let organizer = t.calendars[store].owner.clone();
    if let Some(from) = t.mailbox_index_for_owner(&organizer) {
        let subject = text(&master.props, "subject").unwrap_or_default().to_string();
        if !updated.is_empty() {
            let body = master.props.get("body").cloned().unwrap_or(Value::Null);
            mail(t, from, &updated, subject.clone(), body, "meetingRequest");
        }
        if !removed.is_empty() {
            let body = json!({ "contentType": "text", "content": "" });
            mail(t, from, &removed, format!("Canceled: {subject}"), body, "meetingCancelled");
        }
    }
    let eid = text(&master.props, "id").unwrap_or_default().to_string();
    deliver(t, store, &eid, None, true);
}
