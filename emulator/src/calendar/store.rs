//! Making and finding calendar stores, calendar groups, calendars and events. Every store starts
//! with a default calendar group ("My Calendars") holding the default calendar ("Calendar").

use super::{Calendar, Store};
use crate::ids;
use crate::tenant::{id, Obj, Tenant};
use serde_json::{json, Value};

/// The class id Exchange gives every calendar group.
const CLASS_ID: &str = "0006f0b7-0000-0000-c000-000000000046";

pub(crate) fn obj(v: Value) -> Obj {
    v.as_object().cloned().unwrap_or_default()
}

/// The roles a calendar may be shared with, as Graph lists them in `allowedRoles`.
pub(crate) const ROLES: &[&str] = &[
    "none",
    "freeBusyRead",
    "limitedRead",
    "read",
    "write",
    "delegateWithoutPrivateEventAccess",
    "delegateWithPrivateEventAccess",
];

/// Every calendar starts shared with the organization for free/busy only.
pub(crate) fn default_permissions() -> Vec<Obj> {
    vec![obj(json!({
        "id": "RXhjaGFuZ2VQdWJsaXNoZWRCVE9SZWYtTXlPcmdhbml6YXRpb24",
        "isRemovable": false, "isInsideOrganization": true, "role": "freeBusyRead",
        "allowedRoles": ["none", "freeBusyRead", "limitedRead", "read"],
        "emailAddress": { "name": "My Organization" },
    }))]
}

pub(crate) fn calendar_group(name: &str, gid: &str) -> Obj {
    obj(json!({ "id": gid, "name": name, "classId": CLASS_ID, "changeKey": ids::change_key() }))
}

pub(crate) fn calendar(store: &Store, name: &str, cid: &str, default: bool) -> Obj {
    obj(json!({
        "id": cid, "name": name, "color": "auto", "hexColor": "", "isDefaultCalendar": default,
        "changeKey": ids::change_key(), "canShare": !store.is_group, "canViewPrivateItems": true,
        "canEdit": true, "isRemovable": !default, "isTallyingResponses": true,
        "allowedOnlineMeetingProviders": ["teamsForBusiness"], "defaultOnlineMeetingProvider": "teamsForBusiness",
        "owner": store.owner_address,
    }))
}

impl Store {
    pub fn new(owner: &str, owner_address: Value, is_group: bool) -> Store {
        let stable = |what: &str| ids::stable("AAMkA", &format!("{owner}/calendar/{what}"), 60);
        let mut s = Store {
            owner: owner.to_string(),
            owner_address,
            is_group,
            groups: Vec::new(),
            calendars: Vec::new(),
            events: Vec::new(),
            snoozed: Default::default(),
            dismissed: Default::default(),
        };
        let gid = stable("group");
        s.groups.push(calendar_group("My Calendars", &gid));
        let props = calendar(&s, "Calendar", &stable("default"), true);
        s.calendars.push(Calendar { props, group: gid, permissions: default_permissions() });
        s
    }

    pub fn default_calendar(&self) -> String {
        self.calendars
            .iter()
            .find(|c| c.props.get("isDefaultCalendar") == Some(&Value::Bool(true)))
            .map_or_else(String::new, |c| id(&c.props).to_string())
    }

    pub fn calendar_index(&self, cid: &str) -> Option<usize> {
        self.calendars.iter().position(|c| id(&c.props) == cid)
    }

    pub fn group_index(&self, gid: &str) -> Option<usize> {
        self.groups.iter().position(|g| id(g) == gid)
    }

    pub fn event_index(&self, eid: &str) -> Option<usize> {
        self.events.iter().position(|e| id(&e.props) == eid)
    }

    /// An event or an occurrence (`{master id}_{YYYYMMDD}`): (event index, occurrence date).
    pub fn find(&self, eid: &str) -> Option<(usize, Option<jiff::civil::Date>)> {
        if let Some(i) = self.event_index(eid) {
            return Some((i, None));
        }
        let (master, day) = eid.rsplit_once('_')?;
        let date = jiff::civil::Date::strptime("%Y%m%d", day).ok()?;
        let i = self.event_index(master)?;
        self.events[i].props.get("recurrence").filter(|r| r.is_object())?;
        Some((i, Some(date)))
    }
}

impl Tenant {
    /// The store of a user, shared mailbox or group (by id), made on first use.
    pub(crate) fn calendar_store(&mut self, owner: &str, address: Value, is_group: bool) -> usize {
        match self.calendars.iter().position(|s| s.owner.eq_ignore_ascii_case(owner)) {
            Some(i) => i,
            None => {
                self.calendars.push(Store::new(owner, address, is_group));
                self.calendars.len() - 1
            }
        }
    }

    /// The store of the mailbox at `mailbox` (an index into `mailboxes`).
    pub(crate) fn mailbox_calendar(&mut self, mailbox: usize) -> usize {
        let mb = &self.mailboxes[mailbox];
        let owner = mb.owner_id().to_string();
        let address = mb.recipient()["emailAddress"].clone();
        self.calendar_store(&owner, address, false)
    }

    pub(crate) fn group_calendar(&mut self, gid: &str) -> Option<usize> {
        let g = self.group(gid)?;
        let owner = id(&g.props).to_string();
        let address = g.recipient()["emailAddress"].clone();
        Some(self.calendar_store(&owner, address, true))
    }
}
