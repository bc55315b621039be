//! Calendars: one store per mailbox owner (user or shared mailbox) and one per group, made on
//! first use. A store holds calendar groups, calendars and events. `store.rs` finds and makes
//! things, `tz.rs` reads time zones, `recur.rs` expands recurring series, `views.rs` renders
//! events in the caller's zone, `compose.rs` checks new events, `invite.rs` delivers meetings.

pub(crate) mod compose;
pub(crate) mod freebusy;
pub(crate) mod invite;
pub(crate) mod places;
pub(crate) mod recur;
pub(crate) mod schema;
pub(crate) mod seed;
pub(crate) mod store;
pub(crate) mod tz;
pub(crate) mod views;

use crate::tenant::Obj;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub(crate) struct Store {
    /// The user, shared mailbox or group id that owns the store.
    pub owner: String,
    /// `{"name", "address"}` of the owner: what `owner` and `organizer` say.
    pub owner_address: serde_json::Value,
    pub is_group: bool,
    /// `calendarGroup` objects: `id`, `name`, `classId`, `changeKey`.
    pub groups: Vec<Obj>,
    pub calendars: Vec<Calendar>,
    pub events: Vec<Event>,
    /// Reminders snoozed (event or occurrence id -> new fire time) and dismissed (ids).
    pub snoozed: std::collections::HashMap<String, jiff::Timestamp>,
    pub dismissed: std::collections::HashSet<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Calendar {
    pub props: Obj,
    /// The id of the calendar group that holds it.
    pub group: String,
    /// `calendarPermission` objects; the first is "My Organization" (free/busy, not removable).
    pub permissions: Vec<Obj>,
}

#[derive(Debug, Clone)]
pub(crate) struct Event {
    /// Stored properties; `start`/`end` as the client wrote them (converted when read).
    pub props: Obj,
    /// The id of the calendar that holds it.
    pub calendar: String,
    /// For a series master: occurrences changed (`Some`, the changed properties) or
    /// cancelled (`None`), by the occurrence's original start date `YYYY-MM-DD`.
    pub exceptions: BTreeMap<String, Option<Obj>>,
    /// Attachment objects, as messages keep them (file attachments with base64 `contentBytes`).
    pub attachments: Vec<Obj>,
}
