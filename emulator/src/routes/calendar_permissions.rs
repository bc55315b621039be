//! Sharing a calendar: `P/calendar/calendarPermissions` and `P/calendars/{c}/calendarPermissions`
//! (GET, POST -> 201), `.../{id}` (GET, PATCH `{"role"}` -> 200, DELETE -> 204). A share of the
//! default calendar with a tenant user opens the owner's events to them (see `calendar::open`).

use super::calendar::{open, owner_fragment, owner_path, CalAt, CalPath, Need, Scope};
use super::calendar_items::calendar_id;
use super::{not_allowed, Call};
use crate::calendar::store::{obj, ROLES};
use crate::errors::{Family, GraphError, Result};
use crate::ids;
use crate::odata;
use crate::respond::{empty, key, percent_encode, with_location};
use crate::schema::Kind;
use crate::tenant::{id, Obj};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;

fn role(v: Option<&Value>) -> Result<String> {
    let r = v.and_then(Value::as_str).unwrap_or_default();
    ROLES.iter().find(|x| x.eq_ignore_ascii_case(r)).map(|x| x.to_string()).ok_or_else(|| {
        GraphError::new(
            400,
            "BadRequest",
            format!("Requested value '{r}' was not found in the calendarRoleType enumeration."),
        )
    })
}

pub(super) fn handle(call: &Call, at: &CalAt) -> Result<Response> {
    let (scope, pid) = match &at.path {
        CalPath::Permissions(s) => (s, None),
        CalPath::Permission(s, p) => (s, Some(p.clone())),
        _ => return Err(GraphError::item_not_found()),
    };
    let mut t = call.app.tenant();
    let store = open(&mut t, &at.owner, &call.caller, Need::Owner)?;
    let owner = owner_fragment(&t, store);
    let cid = calendar_id(&t.calendars[store], scope)?.unwrap_or_default();
    let ci = t.calendars[store].calendar_index(&cid).ok_or_else(|| GraphError::no_item(&cid))?;
    let base = match scope {
        Scope::Id(c) => format!("{owner}/calendars({})/calendarPermissions", key(c)),
        _ => format!("{owner}/calendar/calendarPermissions"),
    };
    let internal = |a: &str| t.is_internal(a);
    let perms = &t.calendars[store].calendars[ci].permissions;
    match (pid, call.method) {
        (None, &Method::GET) => {
            let q = call.query(Kind::CalendarPermission)?;
            let items = perms.clone();
            drop(t);
            call.list(&q, Kind::CalendarPermission, &base, items)
        }
        (None, &Method::POST) => {
            let body = call.json_body()?;
            let address = body
                .get("emailAddress")
                .and_then(|e| e.get("address"))
                .and_then(Value::as_str)
                .filter(|a| a.contains('@'));
            let address = address
                .ok_or_else(|| {
                    GraphError::new(400, "ErrorInvalidParameter", "A calendar permission needs emailAddress.address.")
                })?
                .to_string();
            if perms.iter().any(|p| {
                p.get("emailAddress")
                    .and_then(|e| e.get("address"))
                    .and_then(Value::as_str)
                    .is_some_and(|a| a.eq_ignore_ascii_case(&address))
            }) {
                return Err(GraphError::new(
                    409,
                    "ErrorItemAlreadyExists",
                    "The calendar is already shared with this user.",
                ));
            }
            let r = role(body.get("role"))?;
            let name = body
                .get("emailAddress")
                .and_then(|e| e.get("name"))
                .and_then(Value::as_str)
                .unwrap_or(&address)
                .to_string();
            let inside = internal(&address);
            let pid = URL_SAFE_NO_PAD.encode(format!("ExchangePublishedUser.{address}.{}", ids::guid()));
            let p = obj(json!({
                "id": pid, "isRemovable": true, "isInsideOrganization": inside, "role": r,
                "allowedRoles": ROLES, "emailAddress": { "name": name, "address": address },
            }));
            t.calendars[store].calendars[ci].permissions.push(p.clone());
            let at_calendar = match scope {
                Scope::Id(c) => format!("calendars/{}", percent_encode(c)),
                _ => "calendar".to_string(),
            };
            let url = call.ctx.url(&format!(
                "{}/{at_calendar}/calendarPermissions/{}",
                owner_path(&t, store),
                percent_encode(&pid)
            ));
            Ok(with_location(odata::created(call.ctx, &base, p), &url))
        }
        (Some(pid), m) => {
            let pi = perms.iter().position(|p| id(p) == pid).ok_or_else(GraphError::item_not_found)?;
            match *m {
                Method::GET => {
                    let q = call.query(Kind::CalendarPermission)?;
                    odata::one(call.ctx, &q, Kind::CalendarPermission, &base, perms[pi].clone(), StatusCode::OK)
                }
                Method::PATCH => {
                    let body: Obj = call.json_body()?;
                    let r = role(body.get("role"))?;
                    let p = &mut t.calendars[store].calendars[ci].permissions[pi];
                    let allowed = p
                        .get("allowedRoles")
                        .and_then(Value::as_array)
                        .map_or(true, |a| a.iter().any(|x| x == r.as_str()));
                    if !allowed {
                        return Err(GraphError::new(
                            400,
                            "ErrorInvalidParameter",
                            format!("The role '{r}' is not allowed for this permission."),
                        ));
                    }
                    p.insert("role".into(), json!(r));
                    let q = call.query(Kind::CalendarPermission)?;
                    odata::one(call.ctx, &q, Kind::CalendarPermission, &base, p.clone(), StatusCode::OK)
                }
                Method::DELETE => {
                    if perms[pi].get("isRemovable") == Some(&Value::Bool(false)) {
                        return Err(GraphError::new(
                            400,
                            "ErrorInvalidRequest",
                            "This calendar permission can't be removed.",
                        ));
                    }
                    t.calendars[store].calendars[ci].permissions.remove(pi);
                    Ok(empty(StatusCode::NO_CONTENT))
                }
                _ => not_allowed(EX, "GET, PATCH, DELETE"),
            }
        }
        _ => not_allowed(EX, "GET, POST"),
    }
}
