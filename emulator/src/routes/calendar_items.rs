//! Events: list (a store or one calendar), create, get, update, delete (an occurrence's update
//! makes an exception, its delete cancels it), calendarView, instances, and meeting responses.

use super::calendar::{open, owner_fragment, owner_path, Act, CalAt, CalPath, Need, Owner, Scope};
use super::{not_allowed, Call};
use crate::calendar::tz::{self, View};
use crate::calendar::{compose, invite, views, Store};
use crate::errors::{Family, GraphError, Result};
use crate::odata;
use crate::respond::{empty, key, percent_encode, with_location};
use crate::schema::Kind;
use crate::tenant::{id, text, Obj, Tenant};
use crate::{clock, ids};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::Response;
use jiff::Timestamp;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;

/// The calendar id a scope names (`None` for every calendar).
pub(super) fn calendar_id(s: &Store, scope: &Scope) -> Result<Option<String>> {
    match scope {
        Scope::All => Ok(None),
        Scope::Default => Ok(Some(s.default_calendar())),
        Scope::Id(c) => s.calendar_index(c).map(|_| Some(c.clone())).ok_or_else(|| GraphError::no_item(c)),
    }
}

fn scope_fragment(t: &Tenant, store: usize, scope: &Scope, what: &str) -> String {
    let owner = owner_fragment(t, store);
    match scope {
        Scope::All => format!("{owner}/{what}"),
        Scope::Default => format!("{owner}/calendar/{what}"),
        Scope::Id(c) => format!("{owner}/calendars({})/{what}", key(c)),
    }
}

/// Adds `Preference-Applied: outlook.timezone="..."` beside what the OData layer applied.
pub(super) fn applied(mut res: Response, view: &View) -> Response {
    if let Some(v) = view.applied() {
        let h = res.headers_mut();
        let joined = match h.get("preference-applied").and_then(|x| x.to_str().ok()) {
            Some(old) => format!("{old},{v}"),
            None => v,
        };
        if let Ok(v) = HeaderValue::from_str(&joined) {
            h.insert("preference-applied", v);
        }
    }
    res
}

fn window_param(call: &Call, name: &str) -> Result<Option<Timestamp>> {
    let Some(v) = call.param(name) else { return Ok(None) };
    let t =
        v.trim().parse::<Timestamp>().ok().or_else(|| {
            tz::parse_local(&v).and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok()).map(|z| z.timestamp())
        });
    t.map(Some).ok_or_else(|| {
        GraphError::new(400, "ErrorInvalidParameter", format!("The value '{v}' of parameter '{name}' is invalid."))
    })
}

/// `startDateTime` and `endDateTime`, which calendarView, instances and reminderView require.
pub(super) fn window(call: &Call) -> Result<(Timestamp, Timestamp)> {
    match (window_param(call, "startDateTime")?, window_param(call, "endDateTime")?) {
        (Some(s), Some(e)) => {
            check_span(s, e)?;
            Ok((s, e))
        }
        _ => Err(GraphError::new(
            400,
            "ErrorInvalidParameter",
            "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.",
        )),
    }
}

/// Graph (Exchange) refuses a window longer than five years; without that limit a weekly series
/// over two thousand years expanded into a quarter of a gigabyte (found by fuzzing).
pub(super) const MAX_WINDOW_DAYS: i64 = 1825;

pub(super) fn check_span(from: Timestamp, to: Timestamp) -> Result<()> {
    if to.duration_since(from) > jiff::SignedDuration::from_hours(MAX_WINDOW_DAYS * 24) {
        return Err(GraphError::new(
            400,
            "ErrorInvalidRequest",
            format!(
                "Your request can't be completed. The range between the start and end dates is greater than the allowed range. Maximum number of days: {MAX_WINDOW_DAYS}"
            ),
        ));
    }
    Ok(())
}

fn one(call: &Call, t: &Tenant, store: usize, eid: &str, status: StatusCode) -> Result<Response> {
    let q = call.query(Kind::Event)?;
    let view = View::from_headers(call.headers);
    let s = &t.calendars[store];
    let (i, date) = s.find(eid).ok_or_else(|| GraphError::no_item(eid))?;
    let item = match date {
        None => views::event(&s.events[i], &view),
        Some(d) => views::occurrence(&s.events[i], d, &view).ok_or_else(GraphError::item_not_found)?,
    };
    let fragment = format!("{}/events", owner_fragment(t, store));
    let res = applied(odata::one(call.ctx, &q, Kind::Event, &fragment, item, status)?, &view);
    let url = call.ctx.url(&format!("{}/events/{}", owner_path(t, store), percent_encode(eid)));
    Ok(if status == StatusCode::CREATED { with_location(res, &url) } else { res })
}

fn list(call: &Call, fragment: &str, items: Vec<Obj>) -> Result<Response> {
    let q = call.query(Kind::Event)?;
    Ok(applied(call.list(&q, Kind::Event, fragment, items)?, &View::from_headers(call.headers)))
}

pub(super) fn handle(call: &Call, at: &CalAt) -> Result<Response> {
    let view = View::from_headers(call.headers);
    let mut t = call.app.tenant();
    let store = open(&mut t, &at.owner, &call.caller, Need::of(call.method))?;
    match (&at.path, call.method) {
        (CalPath::Events(scope), &Method::GET) => {
            let s = &t.calendars[store];
            let cal = calendar_id(s, scope)?;
            let items = s
                .events
                .iter()
                .filter(|e| cal.as_ref().map_or(true, |c| &e.calendar == c))
                .map(|e| views::event(e, &view))
                .collect();
            let fragment = scope_fragment(&t, store, scope, "events");
            list(call, &fragment, items)
        }
        (CalPath::Events(scope), &Method::POST) => {
            let props = compose::parse(&Value::Object(call.json_body()?))?;
            let s = &t.calendars[store];
            let cal = calendar_id(s, scope)?.unwrap_or_else(|| s.default_calendar());
            let event = compose::new_event(s, &cal, props)?;
            let eid = id(&event.props).to_string();
            t.calendars[store].events.push(event);
            if !t.calendars[store].is_group {
                invite::deliver(&mut t, store, &eid, None, true);
            }
            one(call, &t, store, &eid, StatusCode::CREATED)
        }
        (CalPath::View(scope), &Method::GET) => {
            let (from, to) = window(call)?;
            let s = &t.calendars[store];
            let cal = calendar_id(s, scope)?;
            let mut items: Vec<Obj> = s
                .events
                .iter()
                .filter(|e| cal.as_ref().map_or(true, |c| &e.calendar == c))
                .flat_map(|e| views::in_window(e, from, to, &view))
                .collect();
            views::by_start(&mut items);
            let fragment = scope_fragment(&t, store, scope, "calendarView");
            list(call, &fragment, items)
        }
        (CalPath::Instances(eid), &Method::GET) => {
            let (from, to) = window(call)?;
            let s = &t.calendars[store];
            let (i, _) = s.find(eid).ok_or_else(|| GraphError::no_item(eid))?;
            let mut items = views::in_window(&s.events[i], from, to, &view);
            views::by_start(&mut items);
            let fragment = format!("{}/events({})/instances", owner_fragment(&t, store), key(eid));
            list(call, &fragment, items)
        }
        (CalPath::Event(eid), &Method::GET) => one(call, &t, store, eid, StatusCode::OK),
        (CalPath::Event(eid), &Method::PATCH) => {
            let props = compose::parse(&Value::Object(call.json_body()?))?;
            let s = &mut t.calendars[store];
            let (i, date) = s.find(eid).ok_or_else(|| GraphError::no_item(eid))?;
            let meeting = s.events[i].props.get("isOrganizer") == Some(&Value::Bool(true)) && !s.is_group;
            let before = s.events[i].props.clone();
            let e = &mut s.events[i];
            match date {
                Some(d) => {
                    let entry = e.exceptions.entry(d.to_string()).or_insert_with(|| Some(Obj::new()));
                    entry.as_mut().ok_or_else(GraphError::item_not_found)?.extend(props);
                }
                None => {
                    let mut next = e.props.clone();
                    next.extend(props);
                    compose::check_times(&next)?;
                    e.props = next;
                }
            }
            e.props.insert("lastModifiedDateTime".into(), json!(clock::now_iso()));
            e.props.insert("changeKey".into(), json!(ids::change_key()));
            if meeting {
                invite::update(&mut t, store, i, &before);
            }
            one(call, &t, store, eid, StatusCode::OK)
        }
        (CalPath::Event(eid), &Method::DELETE) => {
            let s = &mut t.calendars[store];
            match s.find(eid).ok_or_else(|| GraphError::no_item(eid))? {
                (i, Some(d)) => {
                    s.events[i].exceptions.insert(d.to_string(), None);
                }
                // An organizer deleting a meeting cancels it for its attendees, as Graph does.
                (i, None) if s.events[i].props.get("isOrganizer") == Some(&Value::Bool(true)) && !s.is_group => {
                    invite::cancel(&mut t, store, i, "");
                }
                (i, None) => {
                    s.events.remove(i);
                }
            }
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (CalPath::EventAction(eid, act), &Method::POST) => {
            let body = if call.body.iter().all(u8::is_ascii_whitespace) { Obj::new() } else { call.json_body()? };
            action(&mut t, store, eid, *act, &body, matches!(at.owner, Owner::Group(_)))
        }
        (CalPath::EventAction(..), _) => not_allowed(EX, "POST"),
        (CalPath::Events(_), _) => not_allowed(EX, "GET, POST"),
        (CalPath::View(_) | CalPath::Instances(_), _) => not_allowed(EX, "GET"),
        _ => not_allowed(EX, "GET, PATCH, DELETE"),
    }
}

fn action(t: &mut Tenant, store: usize, eid: &str, act: Act, body: &Obj, group: bool) -> Result<Response> {
    let (i, _) = t.calendars[store].find(eid).ok_or_else(|| GraphError::no_item(eid))?;
    let comment = text(body, "comment").unwrap_or_default().to_string();
    let organizer = t.calendars[store].events[i].props.get("isOrganizer") == Some(&Value::Bool(true));
    let response = match act {
        Act::Accept => "accepted",
        Act::Tentative => "tentativelyAccepted",
        Act::Decline => "declined",
        Act::Cancel => {
            if !organizer {
                return Err(GraphError::new(
                    400,
                    "ErrorInvalidRequest",
                    "Your request can't be completed. You need to be an organizer to cancel a meeting.",
                ));
            }
            invite::cancel(t, store, i, &comment);
            return Ok(empty(StatusCode::ACCEPTED));
        }
        Act::Snooze | Act::Dismiss => return super::reminders::act(t, store, eid, act, body),
        Act::Forward => {
            let to = body.get("toRecipients").and_then(Value::as_array).filter(|a| !a.is_empty());
            let to = to.ok_or_else(|| {
                GraphError::new(400, "ErrorInvalidRecipients", "At least one recipient is not valid.")
            })?;
            let added: Vec<String> = to
                .iter()
                .filter_map(|r| r.pointer("/emailAddress/address").and_then(Value::as_str))
                .map(str::to_string)
                .collect();
            invite::forward(t, store, i, &added);
            return Ok(empty(StatusCode::ACCEPTED));
        }
    };
    if group {
        return Err(GraphError::new(
            400,
            "ErrorInvalidRequest",
            "Your request can't be completed. Group mailbox cannot respond to events.",
        ));
    }
    if organizer {
        return Err(GraphError::new(
            400,
            "ErrorInvalidRequest",
            "Your request can't be completed. You can't respond to a meeting you organized.",
        ));
    }
    let send = body.get("sendResponse") != Some(&Value::Bool(false));
    invite::respond(t, store, i, response, &comment, send);
    Ok(empty(StatusCode::ACCEPTED))
}
