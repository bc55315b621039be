//! Calendars and calendar groups: list, create (names unique in the store), get, update, delete
//! (the default calendar and the default group stay; a calendar goes with its events).

use super::calendar::{open, owner_fragment, owner_path, CalAt, CalPath, Need, Scope};
use super::calendar_items::calendar_id;
use super::{not_allowed, Call};
use crate::calendar::store::{calendar, calendar_group, default_permissions};
use crate::calendar::Calendar;
use crate::errors::{Family, GraphError, Result};
use crate::ids;
use crate::odata;
use crate::respond::{empty, key, percent_encode, with_location};
use crate::schema::Kind;
use crate::tenant::{id, text, Obj};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;

fn exists() -> GraphError {
    GraphError::new(409, "ErrorFolderExists", "A folder with the specified name already exists.")
}

fn name(body: &Obj, kind: &str) -> Result<String> {
    text(body, "name").map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).ok_or_else(|| {
        GraphError::new(
            400,
            "ErrorInvalidParameter",
            format!("A value is required for property 'name' of resource '{kind}'."),
        )
    })
}

fn check_keys(body: &Obj, allowed: &[&str], type_name: &str) -> Result<()> {
    match body.keys().find(|k| !k.starts_with('@') && !allowed.contains(&k.as_str())) {
        Some(k) => Err(GraphError::new(400, "BadRequest", format!("The property '{k}' does not exist on type 'microsoft.graph.{type_name}'. Make sure to only use property names that are defined by the type or mark the type as open type."))),
        None => Ok(()),
    }
}

const CAL_WRITABLE: &[&str] = &[
    "name",
    "color",
    "hexColor",
    "isDefaultCalendar",
    "defaultOnlineMeetingProvider",
    "id",
    "changeKey",
    "canEdit",
    "canShare",
    "canViewPrivateItems",
    "isRemovable",
    "isTallyingResponses",
    "owner",
    "allowedOnlineMeetingProviders",
];

pub(super) fn handle(call: &Call, at: &CalAt) -> Result<Response> {
    let mut t = call.app.tenant();
    let store = open(&mut t, &at.owner, &call.caller, Need::of(call.method))?;
    let owner = owner_fragment(&t, store);
    match (&at.path, call.method) {
        (CalPath::Calendars(group), &Method::GET) => {
            let q = call.query(Kind::Calendar)?;
            let s = &t.calendars[store];
            if let Some(g) = group {
                s.group_index(g).ok_or_else(|| GraphError::no_item(g))?;
            }
            let items = s
                .calendars
                .iter()
                .filter(|c| group.as_ref().map_or(true, |g| &c.group == g))
                .map(|c| c.props.clone())
                .collect();
            let fragment = match group {
                Some(g) => format!("{owner}/calendarGroups({})/calendars", key(g)),
                None => format!("{owner}/calendars"),
            };
            call.list(&q, Kind::Calendar, &fragment, items)
        }
        (CalPath::Calendars(group), &Method::POST) => {
            let body = call.json_body()?;
            check_keys(&body, CAL_WRITABLE, "calendar")?;
            let n = name(&body, "Calendar")?;
            let s = &t.calendars[store];
            let gid = match group {
                Some(g) => id(&s.groups[s.group_index(g).ok_or_else(|| GraphError::no_item(g))?]).to_string(),
                None => id(&s.groups[0]).to_string(),
            };
            if s.calendars.iter().any(|c| text(&c.props, "name").is_some_and(|x| x.eq_ignore_ascii_case(&n))) {
                return Err(exists());
            }
            let cid = ids::mail_item_id();
            let mut props = calendar(s, &n, &cid, false);
            for k in ["color", "hexColor"] {
                if let Some(v) = body.get(k) {
                    props.insert(k.into(), v.clone());
                }
            }
            t.calendars[store].calendars.push(Calendar {
                props: props.clone(),
                group: gid,
                permissions: default_permissions(),
            });
            let res = odata::created(call.ctx, &format!("{owner}/calendars"), props);
            Ok(with_location(
                res,
                &call.ctx.url(&format!("{}/calendars/{}", owner_path(&t, store), percent_encode(&cid))),
            ))
        }
        (CalPath::Calendar(scope), m) => {
            let s = &mut t.calendars[store];
            let cid = calendar_id(s, scope)?.unwrap_or_default();
            let ci = s.calendar_index(&cid).ok_or_else(|| GraphError::no_item(&cid))?;
            let fragment = match scope {
                Scope::Default => format!("{owner}/calendar"),
                _ => format!("{owner}/calendars"),
            };
            match *m {
                Method::GET => {
                    let q = call.query(Kind::Calendar)?;
                    odata::one(call.ctx, &q, Kind::Calendar, &fragment, s.calendars[ci].props.clone(), StatusCode::OK)
                }
                Method::PATCH => {
                    let body = call.json_body()?;
                    check_keys(&body, CAL_WRITABLE, "calendar")?;
                    if body.contains_key("name") {
                        let n = name(&body, "Calendar")?;
                        if s.calendars.iter().any(|c| {
                            id(&c.props) != cid && text(&c.props, "name").is_some_and(|x| x.eq_ignore_ascii_case(&n))
                        }) {
                            return Err(exists());
                        }
                    }
                    let c = &mut s.calendars[ci].props;
                    for k in ["name", "color", "hexColor"] {
                        if let Some(v) = body.get(k) {
                            c.insert(k.into(), v.clone());
                        }
                    }
                    c.insert("changeKey".into(), json!(ids::change_key()));
                    let q = call.query(Kind::Calendar)?;
                    odata::one(call.ctx, &q, Kind::Calendar, &fragment, c.clone(), StatusCode::OK)
                }
                Method::DELETE => {
                    if s.calendars[ci].props.get("isDefaultCalendar") == Some(&Value::Bool(true)) {
                        return Err(GraphError::new(
                            400,
                            "ErrorInvalidRequest",
                            "The default calendar can't be deleted.",
                        ));
                    }
                    s.calendars.remove(ci);
                    s.events.retain(|e| e.calendar != cid);
                    Ok(empty(StatusCode::NO_CONTENT))
                }
                _ => not_allowed(EX, "GET, PATCH, DELETE"),
            }
        }
        (CalPath::Groups, &Method::GET) => {
            let q = call.query(Kind::CalendarGroup)?;
            let items = t.calendars[store].groups.clone();
            call.list(&q, Kind::CalendarGroup, &format!("{owner}/calendarGroups"), items)
        }
        (CalPath::Groups, &Method::POST) => {
            let body = call.json_body()?;
            check_keys(&body, &["name", "id", "classId", "changeKey"], "calendarGroup")?;
            let n = name(&body, "CalendarGroup")?;
            let s = &mut t.calendars[store];
            if s.groups.iter().any(|g| text(g, "name").is_some_and(|x| x.eq_ignore_ascii_case(&n))) {
                return Err(exists());
            }
            let gid = ids::mail_item_id();
            let g = calendar_group(&n, &gid);
            s.groups.push(g.clone());
            let res = odata::created(call.ctx, &format!("{owner}/calendarGroups"), g);
            Ok(with_location(
                res,
                &call.ctx.url(&format!("{}/calendarGroups/{}", owner_path(&t, store), percent_encode(&gid))),
            ))
        }
        (CalPath::Group(gid), m) => {
            let s = &mut t.calendars[store];
            let gi = s.group_index(gid).ok_or_else(|| GraphError::no_item(gid))?;
            let fragment = format!("{owner}/calendarGroups");
            match *m {
                Method::GET => {
                    let q = call.query(Kind::CalendarGroup)?;
                    odata::one(call.ctx, &q, Kind::CalendarGroup, &fragment, s.groups[gi].clone(), StatusCode::OK)
                }
                Method::PATCH => {
                    let body = call.json_body()?;
                    check_keys(&body, &["name", "id", "classId", "changeKey"], "calendarGroup")?;
                    let n = name(&body, "CalendarGroup")?;
                    if s.groups
                        .iter()
                        .any(|g| id(g) != gid && text(g, "name").is_some_and(|x| x.eq_ignore_ascii_case(&n)))
                    {
                        return Err(exists());
                    }
                    s.groups[gi].insert("name".into(), json!(n));
                    s.groups[gi].insert("changeKey".into(), json!(ids::change_key()));
                    let q = call.query(Kind::CalendarGroup)?;
                    odata::one(call.ctx, &q, Kind::CalendarGroup, &fragment, s.groups[gi].clone(), StatusCode::OK)
                }
                Method::DELETE => {
                    if gi == 0 || s.calendars.iter().any(|c| &c.group == gid) {
                        return Err(GraphError::new(
                            400,
                            "ErrorInvalidRequest",
                            "A calendar group that holds calendars (or the default group) can't be deleted.",
                        ));
                    }
                    s.groups.remove(gi);
                    Ok(empty(StatusCode::NO_CONTENT))
                }
                _ => not_allowed(EX, "GET, PATCH, DELETE"),
            }
        }
        (CalPath::Calendars(_) | CalPath::Groups, _) => not_allowed(EX, "GET, POST"),
        _ => Err(GraphError::item_not_found()),
    }
}
