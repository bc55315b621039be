//! Groups and the signed-in user: `/groups`, `/groups/{id}`, `/me`, `/me/memberOf`, `/users`.

use super::members::{add_refs, reference_id};
use super::{not_allowed, owned_group, Call, Rel, Route};
use crate::errors::{Family, GraphError, Result};
use crate::odata;
use crate::respond::{empty, with_location};
use crate::schema::Kind;
use crate::tenant::{self, Group, Obj, Tenant};
use crate::{clock, ids, views};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

const DIR: Family = Family::Directory;

pub(super) fn handle(call: &Call, route: Route) -> Result<Response> {
    match (route, call.method) {
        (Route::Me, &Method::GET) => {
            let q = call.query(Kind::User)?;
            odata::one(call.ctx, &q, Kind::User, "users", views::user(&call.caller.user), StatusCode::OK)
        }
        (Route::MemberOf { user, cast }, &Method::GET) => {
            let q = call.query(Kind::Group)?;
            let t = call.app.tenant();
            let who = match &user {
                None => call.caller.id.clone(),
                Some(key) => {
                    let u = t.user_by_key(key).ok_or_else(|| GraphError::resource_not_found(key))?;
                    crate::tenant::id(u).to_string()
                }
            };
            let mine = t.groups.iter().filter(|g| g.is_member(&who)).map(views::typed_group).collect();
            call.list(&q, Kind::Group, if cast { "groups" } else { "directoryObjects" }, mine)
        }
        (Route::Users, &Method::GET) => {
            let q = call.query(Kind::User)?;
            let users = call.app.tenant().users.iter().map(views::user).collect();
            call.list(&q, Kind::User, "users", users)
        }
        (Route::User(key), &Method::GET) => {
            let q = call.query(Kind::User)?;
            let user = call.app.tenant().user_by_key(&key).map(views::user);
            let user = user.ok_or_else(|| GraphError::resource_not_found(&key))?;
            odata::one(call.ctx, &q, Kind::User, "users", user, StatusCode::OK)
        }
        (Route::Groups, &Method::GET) => {
            let q = call.query(Kind::Group)?;
            let groups = {
                let t = call.app.tenant();
                t.groups.iter().map(|g| expanded(&t, g, &q)).collect()
            };
            call.list(&q, Kind::Group, "groups", groups)
        }
        (Route::Groups, &Method::POST) => create(call),
        (Route::Group(id), &Method::GET) => {
            let q = call.query(Kind::Group)?;
            let group = {
                let t = call.app.tenant();
                t.group(&id).map(|g| expanded(&t, g, &q)).ok_or_else(|| GraphError::no_directory_object(&id))?
            };
            odata::one(call.ctx, &q, Kind::Group, "groups", group, StatusCode::OK)
        }
        (Route::Group(id), &Method::PATCH) => {
            let body = call.json_body()?;
            let mut t = call.app.tenant();
            owned_group(&mut t, &id, &call.caller)?;
            let changes = check_group_input(&body, false)?;
            if let Some(Value::String(nick)) = changes.get("mailNickname") {
                unique_nickname(&t, nick, Some(&id))?;
            }
            let binds = binds(&t, &body)?;
            let group = owned_group(&mut t, &id, &call.caller)?;
            add_refs(group, &binds.0, Rel::Members)?;
            add_refs(group, &binds.1, Rel::Owners)?;
            group.props.extend(changes);
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (Route::Group(id), &Method::DELETE) => {
            let mut t = call.app.tenant();
            owned_group(&mut t, &id, &call.caller)?;
            t.groups.retain(|g| !tenant::id(&g.props).eq_ignore_ascii_case(&id));
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (Route::Groups, _) => not_allowed(DIR, "GET, POST"),
        (Route::Group(_), _) => not_allowed(DIR, "GET, PATCH, DELETE"),
        _ => not_allowed(DIR, "GET"),
    }
}

/// A group with the navigation properties `$expand` asked for.
fn expanded(t: &Tenant, g: &Group, q: &odata::Query) -> Obj {
    let mut o = views::group(g);
    for (nav, ids) in [("members", &g.members), ("owners", &g.owners)] {
        if q.expands(nav) {
            let users = ids.iter().filter_map(|id| t.user(id)).map(|u| Value::Object(views::directory_object(u)));
            o.insert(nav.into(), Value::Array(users.collect()));
        }
    }
    o
}

fn invalid(prop: &str) -> GraphError {
    GraphError::bad_request(DIR, format!("Invalid value specified for property '{prop}' of resource 'Group'."))
}

/// Properties a client may set on a group, and how to check each value.
fn check_value(prop: &str, v: &Value) -> Option<Value> {
    let nullable_text = matches!(v, Value::String(_) | Value::Null);
    let ok = match prop {
        "displayName" => v.as_str().is_some_and(|s| !s.trim().is_empty() && s.len() <= 256),
        "mailNickname" => v.as_str().is_some_and(valid_nickname),
        "mailEnabled" | "securityEnabled" | "isAssignableToRole" => v.is_boolean(),
        "groupTypes" | "resourceBehaviorOptions" | "resourceProvisioningOptions" | "proxyAddresses" => {
            v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
        }
        "visibility" => {
            let canonical = ["Public", "Private", "HiddenMembership"];
            let found = v.as_str().and_then(|s| canonical.iter().find(|c| c.eq_ignore_ascii_case(s)));
            return found.map(|c| json!(c)).or_else(|| v.is_null().then_some(Value::Null));
        }
        "description"
        | "classification"
        | "preferredLanguage"
        | "preferredDataLocation"
        | "theme"
        | "membershipRule"
        | "membershipRuleProcessingState" => nullable_text,
        _ => false,
    };
    ok.then(|| v.clone())
}

const READ_ONLY: &[&str] =
    &["id", "createdDateTime", "mail", "renewedDateTime", "securityIdentifier", "deletedDateTime"];

/// The writable properties of a create or update body; unknown properties and bad values are
/// refused as Graph refuses them.
fn check_group_input(body: &Obj, create: bool) -> Result<Obj> {
    let mut out = Obj::new();
    for (k, v) in body {
        if k.starts_with('@')
            || k == "members@odata.bind"
            || k == "owners@odata.bind"
            || READ_ONLY.contains(&k.as_str())
        {
            continue;
        }
        if !Kind::Group.properties().contains(&k.as_str()) {
            let msg = format!("Property '{k}' does not exist as a declared property or extension property.");
            return Err(GraphError::bad_request(DIR, msg));
        }
        out.insert(k.clone(), check_value(k, v).ok_or_else(|| invalid(k))?);
    }
    if create {
        for required in ["displayName", "mailEnabled", "mailNickname", "securityEnabled"] {
            if !out.contains_key(required) {
                let msg = format!("A value is required for property '{required}' of resource 'Group'.");
                return Err(GraphError::bad_request(DIR, msg));
            }
        }
    }
    Ok(out)
}

/// Graph refuses `@ () \ [] " ; : <> ,` and spaces in mail nicknames; at most 64 ASCII characters.
fn valid_nickname(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_graphic() && !b"@()\\[]\";:<>,".contains(&b))
}

fn unique_nickname(t: &Tenant, nick: &str, except: Option<&str>) -> Result<()> {
    let taken = t.groups.iter().any(|g| {
        tenant::text(&g.props, "mailNickname").is_some_and(|n| n.eq_ignore_ascii_case(nick))
            && except.map_or(true, |e| !e.eq_ignore_ascii_case(tenant::id(&g.props)))
    });
    if taken {
        let msg = "Another object with the same value for property mailNickname already exists.";
        return Err(GraphError::bad_request(DIR, msg));
    }
    Ok(())
}

/// User ids named by `members@odata.bind` and `owners@odata.bind`.
fn binds(t: &Tenant, body: &Obj) -> Result<(Vec<String>, Vec<String>)> {
    let read = |key: &str| -> Result<Vec<String>> {
        let Some(v) = body.get(key) else { return Ok(Vec::new()) };
        let refs = v.as_array().ok_or_else(|| invalid(key))?;
        refs.iter()
            .map(|r| {
                let id = r.as_str().and_then(reference_id).ok_or_else(|| invalid(key))?;
                t.user(&id).map(|u| tenant::id(u).to_string()).ok_or_else(|| GraphError::no_directory_object(&id))
            })
            .collect()
    };
    Ok((read("members@odata.bind")?, read("owners@odata.bind")?))
}

fn create(call: &Call) -> Result<Response> {
    let body = call.json_body()?;
    let mut props = check_group_input(&body, true)?;
    let mut t = call.app.tenant();
    let nick = props.get("mailNickname").and_then(Value::as_str).unwrap_or_default().to_string();
    unique_nickname(&t, &nick, None)?;
    let (members, owners) = binds(&t, &body)?;
    let id = ids::guid();
    let now = clock::now_iso();
    let unified = props["groupTypes"].as_array().is_some_and(|a| a.iter().any(|x| x.as_str() == Some("Unified")));
    let upn = tenant::text(&call.caller.user, "userPrincipalName").unwrap_or("user@contoso.test");
    let domain = upn.rsplit_once('@').map_or("contoso.test", |(_, d)| d);
    let mail_enabled = props.get("mailEnabled") == Some(&Value::Bool(true));
    let mail = mail_enabled.then(|| format!("{nick}@{domain}"));
    let mut g = Obj::new();
    for k in Kind::Group.properties().iter().filter(|k| !Kind::Group.select_only().contains(k)) {
        g.insert(k.to_string(), Value::Null);
    }
    for k in
        ["creationOptions", "groupTypes", "proxyAddresses", "resourceBehaviorOptions", "resourceProvisioningOptions"]
    {
        g.insert(k.into(), json!([]));
    }
    for k in ["onPremisesProvisioningErrors", "serviceProvisioningErrors"] {
        g.insert(k.into(), json!([]));
    }
    g.insert("id".into(), json!(id));
    g.insert("createdDateTime".into(), json!(now));
    g.insert("renewedDateTime".into(), json!(now));
    g.insert("mail".into(), json!(mail));
    g.insert("proxyAddresses".into(), json!(mail.iter().map(|m| format!("SMTP:{m}")).collect::<Vec<_>>()));
    g.insert("securityIdentifier".into(), json!(security_identifier(&id)));
    if unified && !props.contains_key("visibility") {
        props.insert("visibility".into(), json!("Public"));
    }
    g.extend(props);
    let mut group = Group {
        props: g,
        owners: vec![call.caller.id.clone()],
        members: vec![call.caller.id.clone()],
        photo: None,
        conversations: Vec::new(),
    };
    let members: Vec<String> = members.into_iter().filter(|m| !group.is_member(m)).collect();
    let owners: Vec<String> = owners.into_iter().filter(|o| !group.is_owner(o)).collect();
    add_refs(&mut group, &members, Rel::Members)?;
    add_refs(&mut group, &owners, Rel::Owners)?;
    let view = views::group(&group);
    t.groups.push(group);
    drop(t);
    let res = odata::created(call.ctx, "groups", view);
    Ok(with_location(res, &call.ctx.url(&format!("groups/{id}"))))
}

/// Entra ID's SID form of an object id: `S-1-12-1-` and the GUID's 16 bytes, in their
/// little-endian memory layout, read as four u32s.
fn security_identifier(guid: &str) -> String {
    let hex: String = guid.chars().filter(char::is_ascii_hexdigit).collect();
    let word = |r: std::ops::Range<usize>| hex.get(r).and_then(|h| u32::from_str_radix(h, 16).ok()).unwrap_or(0);
    let le = |r: std::ops::Range<usize>| word(r).swap_bytes();
    let parts = [word(0..8), word(8..12) | (word(12..16) << 16), le(16..24), le(24..32)];
    format!("S-1-12-1-{}-{}-{}-{}", parts[0], parts[1], parts[2], parts[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_input_is_checked() {
        let obj = |v: Value| v.as_object().cloned().unwrap();
        let ok = obj(json!({"displayName": "A", "mailNickname": "a", "mailEnabled": true, "securityEnabled": false,
            "visibility": "private", "groupTypes": ["Unified"], "@odata.type": "#microsoft.graph.group"}));
        assert_eq!(check_group_input(&ok, true).unwrap()["visibility"], "Private");
        let missing = obj(json!({"displayName": "A"}));
        assert!(check_group_input(&missing, true).unwrap_err().message.contains("A value is required for property"));
        assert!(check_group_input(&missing, false).is_ok());
        let bad = obj(json!({"mailNickname": "has space"}));
        assert!(check_group_input(&bad, false).unwrap_err().message.contains("'mailNickname'"));
        let unknown = obj(json!({"colour": "red"}));
        assert!(check_group_input(&unknown, false).unwrap_err().message.contains("'colour' does not exist"));
    }

    #[test]
    fn sids_follow_the_guid() {
        assert_eq!(
            security_identifier("2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64"),
            "S-1-12-1-746233678-1265274161-492441502-1685990204"
        );
    }
}
