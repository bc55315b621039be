//! Delta routes: `P/mailFolders/{f}/messages/delta`, `P/mailFolders/delta`,
//! `P/calendarView/delta`, `/groups/delta`, and Outlook REST v2.0's tracked reads of a folder's
//! messages and of a calendar view. `crate::delta` keeps the rounds; this file says what each
//! collection holds and how its items look.

use super::calendar::{open as open_calendar, owner_fragment as calendar_owner, CalAt, Need};
use super::calendar_items::window;
use super::mail::{open, owner_fragment, MailAt};
use super::messages::{folder_index, messages_fragment};
use super::Call;
use crate::calendar::{tz::View, views as event_views};
use crate::delta::{respond, Collection, HashPart, Item};
use crate::errors::Result;
use crate::mail::views;
use crate::schema::Kind;
use crate::tenant::{id, Obj};
use axum::response::Response;
use std::collections::HashMap;

fn shown() -> views::Shown<'static> {
    views::Shown { text_bodies: false, expand_attachments: false, beta_caller: None, expand_mentions: false }
}

/// The messages of one folder: added, changed, and removed (deleted or moved out: a move gives
/// the message a new id in its new folder).
pub(super) fn messages(call: &Call, at: &MailAt, folder: &str) -> Result<Response> {
    let t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    let mb = &t.mailboxes[i];
    let fid = id(&mb.folders[folder_index(mb, folder)?].props).to_string();
    let in_folder: Vec<_> = mb.messages.iter().filter(|m| m.folder == fid).collect();
    let items = in_folder
        .iter()
        .map(|m| Item::new(id(&m.props), &[&m.props as &dyn HashPart, &m.attachments.len() as &dyn HashPart]))
        .collect();
    let by_id: HashMap<&str, _> = in_folder.iter().map(|m| (id(&m.props), *m)).collect();
    let text_bodies = crate::odata::Query::parse("", call.headers, Kind::Message)?.text_body;
    let how = views::Shown { text_bodies, ..shown() };
    let c = Collection {
        scope: format!("messages/{}/{fid}", mb.owner_id()),
        kind: Kind::Message,
        fragment: messages_fragment(&t, i, Some(folder)),
        type_name: "#microsoft.graph.message",
        removed_reason: "deleted",
        default_page: call.app.page_size.min(10),
        members: false,
    };
    respond(call, c, items, |mid| by_id.get(mid).map(|m| views::message(m, &how)))
}

/// Every folder of the mailbox (the hierarchy flattened), counts included: a folder whose counts
/// change is a changed folder.
pub(super) fn folders(call: &Call, at: &MailAt) -> Result<Response> {
    let t = call.app.tenant();
    let i = open(&t, at, &call.caller.id)?;
    let mb = &t.mailboxes[i];
    let root = mb.well_known("msgfolderroot");
    let rendered: HashMap<String, Obj> = mb
        .folders
        .iter()
        .filter(|f| id(&f.props) != root)
        .map(|f| (id(&f.props).to_string(), views::folder(mb, f)))
        .collect();
    let items = rendered.iter().map(|(fid, o)| Item::new(fid, &[o as &dyn HashPart])).collect();
    let c = Collection {
        scope: format!("folders/{}", mb.owner_id()),
        kind: Kind::MailFolder,
        fragment: format!("{}/mailFolders", owner_fragment(&t, i)),
        type_name: "#microsoft.graph.mailFolder",
        removed_reason: "deleted",
        default_page: call.app.page_size.min(10),
        members: false,
    };
    respond(call, c, items, |fid| rendered.get(fid).cloned())
}

/// The occurrences, exceptions and single events of a window (the window is part of the scope).
pub(super) fn calendar_view(call: &Call, at: &CalAt) -> Result<Response> {
    let (from, to) = window(call)?;
    let view = View::from_headers(call.headers);
    let mut t = call.app.tenant();
    let store = open_calendar(&mut t, &at.owner, &call.caller, Need::Read)?;
    let s = &t.calendars[store];
    let rendered: HashMap<String, Obj> = s
        .events
        .iter()
        .flat_map(|e| event_views::in_window(e, from, to, &view))
        .map(|o| (id(&o).to_string(), o))
        .collect();
    let items = rendered.iter().map(|(eid, o)| Item::new(eid, &[o as &dyn HashPart])).collect();
    let c = Collection {
        scope: format!("calendarView/{}/{from}/{to}", calendar_owner(&t, store)),
        kind: Kind::Event,
        fragment: format!("{}/calendarView", calendar_owner(&t, store)),
        type_name: "#microsoft.graph.event",
        removed_reason: "deleted",
        default_page: call.app.page_size.min(10),
        members: false,
    };
    let res = respond(call, c, items, |eid| rendered.get(eid).cloned())?;
    Ok(super::calendar_items::applied(res, &view))
}

/// The tenant's groups; with `$select=members`, each group also says who joined and who left
/// (`members@delta`) since the client's last round.
pub(super) fn groups(call: &Call) -> Result<Response> {
    let members = call.param("$select").is_some_and(|s| s.split(',').any(|p| p.trim().eq_ignore_ascii_case("members")));
    let t = call.app.tenant();
    let items = t
        .groups
        .iter()
        .map(|g| {
            let mut parts: Vec<&dyn HashPart> = vec![&g.props];
            let joined = g.members.join(",");
            if members {
                parts.push(&joined);
            }
            let mut item = Item::new(id(&g.props), &parts);
            item.members = members.then(|| g.members.clone());
            item
        })
        .collect();
    let rendered: HashMap<&str, &Obj> = t.groups.iter().map(|g| (id(&g.props), &g.props)).collect();
    let c = Collection {
        scope: format!("groups/{members}"),
        kind: Kind::Group,
        fragment: "groups".into(),
        type_name: "#microsoft.graph.group",
        removed_reason: "changed",
        default_page: call.app.page_size,
        members,
    };
    respond(call, c, items, |gid| rendered.get(gid).map(|o| (*o).clone()))
}
