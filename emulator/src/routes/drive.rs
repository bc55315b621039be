//! Group document libraries, `/groups/{id}/drive/...`: items by id (`items/{id}`) and by path
//! (`root:/a/b.txt:`, `items/{id}:/name:`), children, folders, small uploads (`PUT .../content`),
//! downloads (302 to a pre-authenticated URL), rename and move (`PATCH`), delete, and upload
//! sessions (`.../createUploadSession`). Only the group's members may use its library.

use super::Call;
use crate::drive::{self, view, Conflict, Drive, Item, Target};
use crate::errors::{GraphError, Result};
use crate::odata;
use crate::respond::{empty, json, key, with_location};
use crate::schema::Kind;
use crate::tenant::{id, text, Obj};
use crate::{clock, ids};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

/// Graph's simple upload takes at most 4 MB.
const SIMPLE_LIMIT: usize = 4 * 1024 * 1024;
const CONFLICT: &str = "@microsoft.graph.conflictBehavior";

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Base {
    Root,
    Item(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Item,
    Children,
    Content,
    CreateUploadSession,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DriveAt {
    pub group: String,
    /// `None`: the drive itself.
    pub base: Option<Base>,
    /// Names after `base:` (a path address), empty for an id address.
    pub path: Vec<String>,
    pub action: Action,
}

fn is(s: &str, name: &str) -> bool {
    s.eq_ignore_ascii_case(name)
}

/// The segments after `/groups/{id}/drive`.
pub(crate) fn parse(group: String, rest: &[String]) -> Result<DriveAt> {
    let (base, colon, tail) = match rest {
        [] => return Ok(DriveAt { group, base: None, path: vec![], action: Action::Item }),
        [r, tail @ ..] if is(r, "root") => (Base::Root, false, tail),
        [r, tail @ ..] if is(r, "root:") => (Base::Root, true, tail),
        [i, item, tail @ ..] if is(i, "items") => match item.strip_suffix(':') {
            Some(id) => (Base::Item(id.to_string()), true, tail),
            None => (Base::Item(item.clone()), false, tail),
        },
        [x, ..] => return Err(GraphError::unknown_segment(x)),
    };
    let mut path = Vec::new();
    let mut tail = tail;
    if colon {
        while let Some((name, more)) = tail.split_first() {
            tail = more;
            match name.strip_suffix(':') {
                Some(last) => {
                    path.push(last.to_string());
                    break;
                }
                None => path.push(name.clone()),
            }
        }
        if path.iter().any(String::is_empty) {
            return Err(invalid("The path is malformed: it has an empty name."));
        }
    }
    let action = match tail {
        [] => Action::Item,
        [c] if is(c, "children") => Action::Children,
        [c] if is(c, "content") => Action::Content,
        [c] if is(c, "createUploadSession") => Action::CreateUploadSession,
        [x, ..] => return Err(GraphError::unknown_segment(x)),
    };
    Ok(DriveAt { group, base: Some(base), path, action })
}

pub(crate) fn not_found() -> GraphError {
    GraphError::new(404, "itemNotFound", "The resource could not be found.")
}

fn invalid(message: &str) -> GraphError {
    GraphError::new(400, "invalidRequest", message)
}

fn name_taken() -> GraphError {
    GraphError::new(409, "nameAlreadyExists", "The specified item name already exists.")
}

pub(crate) fn quota_reached() -> GraphError {
    GraphError::new(507, "quotaLimitReached", "Insufficient Space Available")
}

/// A name OneDrive and SharePoint accept.
fn check_name(name: &str) -> Result<()> {
    if name.trim().is_empty()
        || name == "."
        || name == ".."
        || name.starts_with(' ')
        || name.ends_with(' ')
        || name.chars().any(|c| c.is_control() || "\"*:<>?/\\|".contains(c))
    {
        return Err(invalid("The provided name contains invalid characters or is empty."));
    }
    Ok(())
}

fn conflict_of(value: Option<&str>, default: Conflict) -> Result<Conflict> {
    match value {
        None => Ok(default),
        Some(v) => Conflict::parse(v)
            .ok_or_else(|| invalid(&format!("Invalid value '{v}' for {CONFLICT}: expected fail, replace or rename."))),
    }
}

/// Where a new item of `name` goes in `parent` under `conflict`: its name, and an item it
/// replaces; `nameAlreadyExists` under "fail".
fn place(d: &Drive, parent: &str, name: &str, conflict: Conflict) -> Result<(String, Option<String>)> {
    match (d.child(parent, name), conflict) {
        (None, _) => Ok((name.to_string(), None)),
        (Some(_), Conflict::Fail) => Err(name_taken()),
        (Some(i), Conflict::Replace) => Ok((d.items[i].name.clone(), Some(d.items[i].id.clone()))),
        (Some(_), Conflict::Rename) => Ok((d.free_name(parent, name), None)),
    }
}

/// Stores a file (new, or new content for the one of that name); quota checked first.
/// Returns its index and whether it is new.
pub(crate) fn store_file(
    d: &mut Drive,
    quota: u64,
    parent: &str,
    name: &str,
    conflict: Conflict,
    content: Vec<u8>,
    by: Value,
) -> Result<(usize, bool)> {
    let (name, replaced) = place(d, parent, name, conflict)?;
    let existing = d.child(parent, &name).filter(|&i| !d.items[i].folder);
    let freed = existing.map_or(0, |i| d.items[i].content.len() as u64);
    if d.used() - freed + content.len() as u64 > quota {
        return Err(quota_reached());
    }
    let now = clock::now_iso();
    if let Some(i) = existing {
        let it = &mut d.items[i];
        it.content = content;
        it.version += 1;
        it.modified = now;
        it.modified_by = by;
        return Ok((i, false));
    }
    if let Some(old) = replaced {
        d.remove(&old);
    }
    d.items.push(Item {
        id: drive::item_id(),
        mime: drive::mime_of(&name).to_string(),
        name,
        parent: Some(parent.to_string()),
        folder: false,
        content,
        guid: ids::guid(),
        version: 1,
        created: now.clone(),
        modified: now,
        created_by: by.clone(),
        modified_by: by,
    });
    Ok((d.items.len() - 1, true))
}

/// The item an address names.
fn locate(d: &Drive, base: &Base, path: &[String]) -> Result<usize> {
    let from = match base {
        Base::Root => d.root_id(),
        Base::Item(id) => id.clone(),
    };
    d.walk(&from, path).ok_or_else(not_found)
}

/// For a path address that creates an item: the parent folder's id and the new name.
fn parent_and_name(d: &Drive, base: &Base, path: &[String]) -> Result<(String, String)> {
    let Some((name, dirs)) = path.split_last() else {
        return Err(invalid("A name is required: address the item as {parent}:/{name}:."));
    };
    check_name(name)?;
    let p = locate(d, base, dirs)?;
    if !d.items[p].folder {
        return Err(invalid("The parent item is not a folder."));
    }
    Ok((d.items[p].id.clone(), name.clone()))
}

pub(super) fn handle(call: &Call, at: DriveAt) -> Result<Response> {
    let quota = call.app.drive_quota;
    let mut t = call.app.tenant();
    let g = t.group(&at.group).ok_or_else(|| GraphError::no_directory_object(&at.group))?;
    if !g.is_member(&call.caller.id) {
        return Err(GraphError::new(403, "accessDenied", "Access denied"));
    }
    let group = id(&g.props).to_string();
    let site = text(&g.props, "mailNickname").unwrap_or(&group).to_string();
    let display = text(&g.props, "displayName").unwrap_or_default().to_string();
    let by = view::identity(Some(&call.caller.user));
    let ctx = call.ctx;
    let drives = &mut t.drives;
    let Some(base) = at.base.clone() else {
        if call.method != Method::GET {
            return super::not_allowed(crate::errors::Family::Exchange, "GET");
        }
        let d = drives.drive_mut(&group);
        let used = d.used();
        let body = json!({
            "@odata.context": ctx.context(&format!("groups({})/drive/$entity", key(&group))),
            "id": d.id, "driveType": "documentLibrary", "name": "Documents",
            "webUrl": format!("https://contoso.sharepoint.com/sites/{site}/Shared%20Documents"),
            "owner": { "group": { "id": group, "displayName": display } },
            "quota": { "total": quota, "used": used, "remaining": quota.saturating_sub(used), "deleted": 0, "state": "normal" },
        });
        return Ok(json(StatusCode::OK, &body));
    };
    let fragment = format!("groups({})/drive/items", key(&group));
    let download = |drives: &mut drive::Drives, d_item: &str| -> String {
        let token = drives.new_download(&group, d_item);
        format!("{}/download/{token}", ctx.base)
    };
    match (at.action, call.method.clone()) {
        (Action::Item, Method::GET) => {
            let q = call.query(Kind::DriveItem)?;
            let d = drives.drive_mut(&group);
            let i = locate(d, &base, &at.path)?;
            let url = (!d.items[i].folder).then(|| d.items[i].id.clone());
            let url = url.map(|item| download(drives, &item));
            let d = drives.drive_mut(&group);
            odata::one(ctx, &q, Kind::DriveItem, &fragment, view::item(d, i, &site, url), StatusCode::OK)
        }
        (Action::Item, Method::PATCH) => {
            let body = call.json_body()?;
            let d = drives.drive_mut(&group);
            let i = locate(d, &base, &at.path)?;
            if d.items[i].parent.is_none() {
                return Err(invalid("The root folder cannot be renamed or moved."));
            }
            update(d, i, &body, by)?;
            odata::one(
                ctx,
                &call.query(Kind::DriveItem)?,
                Kind::DriveItem,
                &fragment,
                view::item(d, i, &site, None),
                StatusCode::OK,
            )
        }
        (Action::Item, Method::DELETE) => {
            let d = drives.drive_mut(&group);
            let i = locate(d, &base, &at.path)?;
            if d.items[i].parent.is_none() {
                return Err(GraphError::new(403, "accessDenied", "The root folder cannot be deleted."));
            }
            let item = d.items[i].id.clone();
            d.remove(&item);
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (Action::Item, _) => super::not_allowed(crate::errors::Family::Exchange, "GET, PATCH, DELETE"),
        (Action::Children, Method::GET) => {
            let q = call.query(Kind::DriveItem)?;
            let d = drives.drive_mut(&group);
            let p = locate(d, &base, &at.path)?;
            if !d.items[p].folder {
                return Err(invalid("The item is not a folder."));
            }
            let parent = d.items[p].id.clone();
            let kids: Vec<usize> =
                (0..d.items.len()).filter(|&j| d.items[j].parent.as_deref() == Some(&parent)).collect();
            let mut items = Vec::new();
            for j in kids {
                let d = drives.drive_mut(&group);
                let url = (!d.items[j].folder).then(|| d.items[j].id.clone());
                let url = url.map(|item| download(drives, &item));
                items.push(view::item(drives.drive_mut(&group), j, &site, url));
            }
            let list_fragment = format!("groups({})/drive/items({})/children", key(&group), key(&parent));
            drop(t);
            call.list(&q, Kind::DriveItem, &list_fragment, items)
        }
        (Action::Children, Method::POST) => {
            let body = call.json_body()?;
            let d = drives.drive_mut(&group);
            let p = locate(d, &base, &at.path)?;
            if !d.items[p].folder {
                return Err(invalid("The item is not a folder."));
            }
            let name = body.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
            check_name(&name)?;
            if !body.get("folder").is_some_and(Value::is_object) {
                return Err(invalid("Only folders can be created here: send a \"folder\": {} facet."));
            }
            let conflict = conflict_of(body.get(CONFLICT).and_then(Value::as_str), Conflict::Fail)?;
            let parent = d.items[p].id.clone();
            let (name, replaced) = place(d, &parent, &name, conflict)?;
            if let Some(old) = replaced {
                d.remove(&old);
            }
            let now = clock::now_iso();
            d.items.push(Item {
                id: drive::item_id(),
                name,
                parent: Some(parent),
                folder: true,
                content: Vec::new(),
                mime: String::new(),
                guid: ids::guid(),
                version: 1,
                created: now.clone(),
                modified: now,
                created_by: by.clone(),
                modified_by: by,
            });
            let i = d.items.len() - 1;
            let url = ctx.url(&format!("groups/{}/drive/items/{}", group, d.items[i].id));
            Ok(with_location(odata::created(ctx, &fragment, view::item(d, i, &site, None)), &url))
        }
        (Action::Children, _) => super::not_allowed(crate::errors::Family::Exchange, "GET, POST"),
        (Action::Content, Method::GET) => {
            let d = drives.drive_mut(&group);
            let i = locate(d, &base, &at.path)?;
            if d.items[i].folder {
                return Err(invalid("A folder has no content to download."));
            }
            let item = d.items[i].id.clone();
            let url = download(drives, &item);
            Ok(with_location(empty(StatusCode::FOUND), &url))
        }
        (Action::Content, Method::PUT) => {
            if call.body.len() > SIMPLE_LIMIT {
                return Err(GraphError::new(
                    413,
                    "requestBodyTooLarge",
                    "The request body is larger than 4 MB: upload large files with an upload session.",
                ));
            }
            let conflict = conflict_of(call.param(CONFLICT).as_deref(), Conflict::Replace)?;
            let d = drives.drive_mut(&group);
            let (parent, name) = if at.path.is_empty() {
                // `items/{id}/content`: new content for an existing file.
                let i = locate(d, &base, &[])?;
                match &d.items[i].parent {
                    Some(p) if !d.items[i].folder => (p.clone(), d.items[i].name.clone()),
                    _ => return Err(invalid("Content can only be written to a file.")),
                }
            } else {
                parent_and_name(d, &base, &at.path)?
            };
            if d.child(&parent, &name).is_some_and(|i| d.items[i].folder) && conflict == Conflict::Replace {
                return Err(name_taken());
            }
            let (i, new) = store_file(d, quota, &parent, &name, conflict, call.body.to_vec(), by)?;
            let status = if new { StatusCode::CREATED } else { StatusCode::OK };
            odata::one(ctx, &odata::Query::default(), Kind::DriveItem, &fragment, view::item(d, i, &site, None), status)
        }
        (Action::Content, _) => super::not_allowed(crate::errors::Family::Exchange, "GET, PUT"),
        (Action::CreateUploadSession, Method::POST) => {
            let body = if call.body.iter().all(u8::is_ascii_whitespace) { Obj::new() } else { call.json_body()? };
            let item = body.get("item").and_then(Value::as_object).cloned().unwrap_or_default();
            let d = drives.drive_mut(&group);
            let (parent, name) = parent_and_name(d, &base, &at.path)?;
            if let Some(n) = item.get("name").and_then(Value::as_str) {
                if !n.eq_ignore_ascii_case(&name) {
                    return Err(invalid("The item name in the body does not match the name in the path."));
                }
            }
            let conflict = conflict_of(item.get(CONFLICT).and_then(Value::as_str), Conflict::Fail)?;
            if conflict == Conflict::Fail && d.child(&parent, &name).is_some() {
                return Err(name_taken());
            }
            let size = item.get("fileSize").and_then(Value::as_u64);
            if size.is_some_and(|s| d.used() + s > quota) {
                return Err(quota_reached());
            }
            let target = Target::File { group: group.clone(), parent, name, conflict, by };
            let s = drives.new_session(size, target);
            let body = json!({
                "@odata.context": ctx.context("microsoft.graph.uploadSession"),
                "uploadUrl": format!("{}/upload/{}", ctx.base, s.token),
                "expirationDateTime": s.expiration(),
                "nextExpectedRanges": s.next_ranges(),
            });
            Ok(json(StatusCode::OK, &body))
        }
        (Action::CreateUploadSession, _) => super::not_allowed(crate::errors::Family::Exchange, "POST"),
    }
}

/// `PATCH`: a new `name`, a new `parentReference` (`id`, or `path` as `/drive/root:/a`), or both.
fn update(d: &mut Drive, i: usize, body: &Obj, by: Value) -> Result<()> {
    let known = ["name", "parentReference"];
    if let Some(k) = body.keys().find(|k| !known.contains(&k.as_str()) && !k.starts_with('@')) {
        return Err(invalid(&format!("Property '{k}' cannot be updated.")));
    }
    let name = match body.get("name") {
        Some(Value::String(n)) => {
            check_name(n)?;
            n.clone()
        }
        Some(_) => return Err(invalid("The name must be a string.")),
        None => d.items[i].name.clone(),
    };
    let parent = match body.get("parentReference") {
        Some(Value::Object(r)) => match (r.get("id").and_then(Value::as_str), r.get("path").and_then(Value::as_str)) {
            (Some(pid), _) => {
                let p = d.find(pid).ok_or_else(not_found)?;
                d.items[p].id.clone()
            }
            (None, Some(path)) => {
                let rest = path.trim_start_matches("/drive/root:").trim_matches('/');
                let names: Vec<String> = rest.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect();
                let p = d.walk(&d.root_id(), &names).ok_or_else(not_found)?;
                d.items[p].id.clone()
            }
            _ => return Err(invalid("parentReference needs an id or a path.")),
        },
        Some(_) => return Err(invalid("parentReference must be an object.")),
        None => d.items[i].parent.clone().unwrap_or_default(),
    };
    let p = d.find(&parent).ok_or_else(not_found)?;
    if !d.items[p].folder {
        return Err(invalid("The destination is not a folder."));
    }
    if d.subtree(&d.items[i].id).contains(&parent) {
        return Err(invalid("A folder cannot be moved into itself or one of its subfolders."));
    }
    if let Some(other) = d.child(&parent, &name) {
        if other != i {
            return Err(name_taken());
        }
    }
    let it = &mut d.items[i];
    it.name = name;
    it.parent = Some(parent);
    it.version += 1;
    it.modified = clock::now_iso();
    it.modified_by = by;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(path: &str) -> Result<DriveAt> {
        let segs: Vec<String> = path.split('/').map(|s| crate::respond::percent_decode(s, false)).collect();
        parse("g".into(), &segs)
    }

    #[test]
    fn id_and_path_addresses_resolve() {
        let item = |base: Base, path: &[&str], action| DriveAt {
            group: "g".into(),
            base: Some(base),
            path: path.iter().map(|s| s.to_string()).collect(),
            action,
        };
        assert_eq!(at("root/children").unwrap(), item(Base::Root, &[], Action::Children));
        assert_eq!(at("items/01AB").unwrap(), item(Base::Item("01AB".into()), &[], Action::Item));
        assert_eq!(at("items/01AB/content").unwrap(), item(Base::Item("01AB".into()), &[], Action::Content));
        assert_eq!(at("root:/Reports/q1%20x.csv:").unwrap(), item(Base::Root, &["Reports", "q1 x.csv"], Action::Item));
        assert_eq!(
            at("root:/a/b").unwrap(),
            item(Base::Root, &["a", "b"], Action::Item),
            "the closing colon is optional"
        );
        assert_eq!(
            at("items/01AB:/big.bin:/createUploadSession").unwrap(),
            item(Base::Item("01AB".into()), &["big.bin"], Action::CreateUploadSession)
        );
        assert_eq!(at("root:/a.txt:/content").unwrap(), item(Base::Root, &["a.txt"], Action::Content));
        assert_eq!(at("root:/a.txt:/nope").unwrap_err().message, "Resource not found for the segment 'nope'.");
        assert_eq!(at("root:/a//b:").unwrap_err().status, 400);
        assert_eq!(parse("g".into(), &[]).unwrap().base, None, "the drive itself");
    }
}
