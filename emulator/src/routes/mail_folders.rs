//! Mail folders: list (top level or child folders), get, create, rename, delete (to Deleted
//! Items; from there, for good), move and copy. Well-known names work wherever an id does.

use super::mail::{open, owner_fragment, MailAt, MailPath};
use super::messages::folder_index;
use super::{not_allowed, Call};
use crate::errors::{Family, GraphError, Result};
use crate::ids;
use crate::mail::{views, Folder, Mailbox};
use crate::odata;
use crate::params::action_params;
use crate::respond::{empty, key, percent_encode, with_location};
use crate::schema::Kind;
use crate::tenant::{id, text, Obj};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

const EX: Family = Family::Exchange;

fn bad(msg: impl Into<String>) -> GraphError {
    GraphError::bad_request(EX, msg)
}

fn folder_one(call: &Call, mb: &Mailbox, owner: &str, fi: usize, status: StatusCode) -> Result<Response> {
    let q = call.query(Kind::MailFolder)?;
    let item = views::folder(mb, &mb.folders[fi]);
    let fragment = format!("{owner}/mailFolders");
    let res = odata::one(call.ctx, &q, Kind::MailFolder, &fragment, item, status)?;
    if status != StatusCode::CREATED {
        return Ok(res);
    }
    let fid = id(&mb.folders[fi].props);
    let url = call.ctx.url(&format!("users/{}/mailFolders/{}", percent_encode(mb.owner_id()), percent_encode(fid)));
    Ok(with_location(res, &url))
}

/// `{"displayName", "isHidden"?}`, as folder creation takes.
fn parse_new(body: &Obj) -> Result<(String, bool)> {
    for k in body.keys() {
        if !k.starts_with('@') && !Kind::MailFolder.properties().contains(&k.as_str()) {
            return Err(bad(format!(
                "The property '{k}' does not exist on type 'microsoft.graph.mailFolder'. Make sure to only use property names that are defined by the type or mark the type as open type."
            )));
        }
    }
    let name = body.get("displayName").and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    let name =
        name.ok_or_else(|| GraphError::new(400, "ErrorInvalidRequest", "The displayName of a folder is required."))?;
    let hidden = match body.get("isHidden") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(bad("'isHidden' must be a boolean.")),
    };
    Ok((name.to_string(), hidden))
}

fn name_taken(mb: &Mailbox, parent: &str, name: &str, except: &str) -> Result<()> {
    let taken = mb
        .children(parent)
        .any(|f| id(&f.props) != except && text(&f.props, "displayName").is_some_and(|d| d.eq_ignore_ascii_case(name)));
    if taken {
        return Err(GraphError::new(409, "ErrorFolderExists", "A folder with the specified name already exists."));
    }
    Ok(())
}

fn distinguished(f: &Folder, what: &str) -> Result<()> {
    match f.well_known {
        Some(_) => Err(GraphError::new(
            400,
            &format!("Error{what}DistinguishedFolder"),
            format!("Distinguished folders cannot be {}.", if what == "Delete" { "deleted" } else { "moved" }),
        )),
        None => Ok(()),
    }
}

pub(super) fn handle(call: &Call, at: &MailAt) -> Result<Response> {
    match (&at.path, call.method) {
        (MailPath::Folders(parent), &Method::GET) => {
            let q = call.query(Kind::MailFolder)?;
            let hidden = call.param("includeHiddenFolders").is_some_and(|v| v.eq_ignore_ascii_case("true"));
            let (items, fragment) = {
                let t = call.app.tenant();
                let i = open(&t, at, &call.caller.id)?;
                let mb = &t.mailboxes[i];
                let pid = match parent {
                    Some(p) => id(&mb.folders[folder_index(mb, p)?].props).to_string(),
                    None => mb.well_known("msgfolderroot"),
                };
                let items: Vec<Obj> = mb
                    .children(&pid)
                    .filter(|f| hidden || f.props.get("isHidden") != Some(&Value::Bool(true)))
                    .map(|f| views::folder(mb, f))
                    .collect();
                let fragment = match parent {
                    Some(p) => format!("{}/mailFolders({})/childFolders", owner_fragment(&t, i), key(p)),
                    None => format!("{}/mailFolders", owner_fragment(&t, i)),
                };
                (items, fragment)
            };
            call.list(&q, Kind::MailFolder, &fragment, items)
        }
        (MailPath::Folders(parent), &Method::POST) => {
            let (name, hidden) = parse_new(&call.json_body()?)?;
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let owner = owner_fragment(&t, i);
            let mb = &mut t.mailboxes[i];
            let pid = match parent {
                Some(p) => id(&mb.folders[folder_index(mb, p)?].props).to_string(),
                None => mb.well_known("msgfolderroot"),
            };
            name_taken(mb, &pid, &name, "")?;
            let props = json!({ "id": ids::stable("AAMkA", &ids::guid(), 60), "displayName": name, "parentFolderId": pid, "isHidden": hidden });
            mb.folders.push(Folder { props: props.as_object().cloned().unwrap_or_default(), well_known: None });
            folder_one(call, mb, &owner, mb.folders.len() - 1, StatusCode::CREATED)
        }
        (MailPath::Folder(f), &Method::GET) => {
            let t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let mb = &t.mailboxes[i];
            folder_one(call, mb, &owner_fragment(&t, i), folder_index(mb, f)?, StatusCode::OK)
        }
        (MailPath::Folder(f), &Method::PATCH) => {
            let body = call.json_body()?;
            let (name, _) = parse_new(&body)?;
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let owner = owner_fragment(&t, i);
            let mb = &mut t.mailboxes[i];
            let fi = folder_index(mb, f)?;
            let (fid, parent) = (
                id(&mb.folders[fi].props).to_string(),
                text(&mb.folders[fi].props, "parentFolderId").unwrap_or_default().to_string(),
            );
            name_taken(mb, &parent, &name, &fid)?;
            mb.folders[fi].props.insert("displayName".into(), json!(name));
            folder_one(call, mb, &owner, fi, StatusCode::OK)
        }
        (MailPath::Folder(f), &Method::DELETE) => {
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let mb = &mut t.mailboxes[i];
            let fi = folder_index(mb, f)?;
            distinguished(&mb.folders[fi], "Delete")?;
            let fid = id(&mb.folders[fi].props).to_string();
            let deleted = mb.well_known("deleteditems");
            if mb.subtree(&deleted).contains(&fid) {
                let gone = mb.subtree(&fid);
                mb.folders.retain(|x| !gone.contains(&id(&x.props).to_string()));
                mb.messages.retain(|m| !gone.contains(&m.folder));
            } else {
                mb.folders[fi].props.insert("parentFolderId".into(), json!(deleted));
            }
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (MailPath::FolderMove(f, copy), &Method::POST) => {
            let p = action_params(call.json_body()?, if *copy { "copy" } else { "move" }, &["destinationId"])?;
            let dest = p.get("destinationId").and_then(Value::as_str).unwrap_or_default().to_string();
            let mut t = call.app.tenant();
            let i = open(&t, at, &call.caller.id)?;
            let owner = owner_fragment(&t, i);
            let mb = &mut t.mailboxes[i];
            let fi = folder_index(mb, f)?;
            let di = folder_index(mb, &dest)?;
            let (fid, did) = (id(&mb.folders[fi].props).to_string(), id(&mb.folders[di].props).to_string());
            let name = text(&mb.folders[fi].props, "displayName").unwrap_or_default().to_string();
            if mb.subtree(&fid).contains(&did) {
                return Err(GraphError::new(
                    400,
                    "ErrorMoveCopyFailed",
                    "The folder can't be moved or copied into itself.",
                ));
            }
            name_taken(mb, &did, &name, &fid)?;
            let result = if *copy {
                copy_tree(mb, &fid, &did)
            } else {
                distinguished(&mb.folders[fi], "Move")?;
                mb.folders[fi].props.insert("parentFolderId".into(), json!(did));
                fi
            };
            folder_one(call, mb, &owner, result, StatusCode::OK)
        }
        (MailPath::Folders(_), _) => not_allowed(EX, "GET, POST"),
        (MailPath::FolderMove(..), _) => not_allowed(EX, "POST"),
        _ => not_allowed(EX, "GET, PATCH, DELETE"),
    }
}

/// Copies a folder with its subfolders and messages under `dest`; every copy gets a new id.
fn copy_tree(mb: &mut Mailbox, fid: &str, dest: &str) -> usize {
    let Some(fi) = mb.folder_index(fid) else { return 0 };
    let mut copy = mb.folders[fi].clone();
    let new_id = ids::stable("AAMkA", &ids::guid(), 60);
    copy.props.insert("id".into(), json!(new_id));
    copy.props.insert("parentFolderId".into(), json!(dest));
    copy.well_known = None;
    mb.folders.push(copy);
    let at = mb.folders.len() - 1;
    let messages: Vec<_> = mb.messages.iter().filter(|m| m.folder == fid).cloned().collect();
    for mut m in messages {
        m.props.insert("id".into(), json!(ids::mail_item_id()));
        m.folder = new_id.clone();
        mb.messages.push(m);
    }
    let kids: Vec<String> = mb.children(fid).map(|f| id(&f.props).to_string()).collect();
    for k in kids {
        copy_tree(mb, &k, &new_id);
    }
    at
}
