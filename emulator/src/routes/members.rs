//! Group membership (`members`, `owners`, their `$ref` links) and the group photo.

use super::{not_allowed, owned_group, Call, Cast, Rel, Route};
use crate::errors::{Family, GraphError, Result};
use crate::odata;
use crate::respond::{empty, json, key, percent_decode};
use crate::schema::Kind;
use crate::tenant::{self, Group, Photo};
use crate::views;
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

const DIR: Family = Family::Directory;

fn rel_name(rel: Rel) -> &'static str {
    match rel {
        Rel::Members => "members",
        Rel::Owners => "owners",
    }
}

fn ids_of(g: &Group, rel: Rel) -> &[String] {
    match rel {
        Rel::Members => &g.members,
        Rel::Owners => &g.owners,
    }
}

fn list_of(g: &mut Group, rel: Rel) -> &mut Vec<String> {
    match rel {
        Rel::Members => &mut g.members,
        Rel::Owners => &mut g.owners,
    }
}

/// The id at the end of an `@odata.id` reference: `https://graph.microsoft.com/v1.0/directoryObjects/{id}`,
/// `.../users/{id}`, `directoryObjects('{id}')` or a bare id. Any host is accepted.
pub(crate) fn reference_id(url: &str) -> Option<String> {
    let last = url.trim().trim_end_matches('/').rsplit('/').next()?;
    let id = match last.split_once('(') {
        Some((_, key)) => key.trim_end_matches(')').trim_matches('\''),
        None => last,
    };
    let id = percent_decode(id, false);
    (!id.trim().is_empty()).then_some(id)
}

/// Adds users to members or owners; refuses all if one is already there, as Graph does.
pub(crate) fn add_refs(g: &mut Group, ids: &[String], rel: Rel) -> Result<()> {
    let list = list_of(g, rel);
    if ids.iter().any(|id| list.iter().any(|m| m.eq_ignore_ascii_case(id))) {
        let msg = format!(
            "One or more added object references already exist for the following modified properties: '{}'.",
            rel_name(rel)
        );
        return Err(GraphError::bad_request(DIR, msg));
    }
    list.extend(ids.iter().cloned());
    Ok(())
}

pub(super) fn refs(call: &Call, route: Route) -> Result<Response> {
    match (route, call.method) {
        (Route::Refs(gid, rel), &Method::GET) => {
            let q = call.query(Kind::DirectoryObject)?;
            let items = {
                let t = call.app.tenant();
                let g = t.group(&gid).ok_or_else(|| GraphError::no_directory_object(&gid))?;
                ids_of(g, rel).iter().filter_map(|id| t.user(id)).map(views::directory_object).collect()
            };
            call.list(&q, Kind::DirectoryObject, "directoryObjects", items)
        }
        (Route::RefsCast(gid, rel, cast), &Method::GET) => {
            let kind = if cast == Cast::User { Kind::User } else { Kind::Group };
            let q = call.query(kind)?;
            let items = {
                let t = call.app.tenant();
                let g = t.group(&gid).ok_or_else(|| GraphError::no_directory_object(&gid))?;
                match cast {
                    Cast::User => ids_of(g, rel).iter().filter_map(|id| t.user(id)).map(views::user).collect(),
                    Cast::Group => Vec::new(),
                }
            };
            call.list(&q, kind, if cast == Cast::User { "users" } else { "groups" }, items)
        }
        (Route::RefGet(gid, rel, uid), &Method::GET) => {
            let q = call.query(Kind::DirectoryObject)?;
            let user = {
                let t = call.app.tenant();
                let g = t.group(&gid).ok_or_else(|| GraphError::no_directory_object(&gid))?;
                let found = ids_of(g, rel).iter().find(|m| m.eq_ignore_ascii_case(&uid)).and_then(|id| t.user(id));
                found.map(views::directory_object).ok_or_else(|| GraphError::no_directory_object(&uid))?
            };
            odata::one(call.ctx, &q, Kind::DirectoryObject, "directoryObjects", user, StatusCode::OK)
        }
        (Route::RefAdd(gid, rel), &Method::POST) => {
            let body = call.json_body()?;
            let mut t = call.app.tenant();
            owned_group(&mut t, &gid, &call.caller)?;
            let reference = body.get("@odata.id").and_then(Value::as_str).unwrap_or("");
            let uid = reference_id(reference)
                .ok_or_else(|| GraphError::bad_request(DIR, format!("Invalid object identifier '{reference}'.")))?;
            let uid =
                t.user(&uid).map(|u| tenant::id(u).to_string()).ok_or_else(|| GraphError::no_directory_object(&uid))?;
            add_refs(owned_group(&mut t, &gid, &call.caller)?, &[uid], rel)?;
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (Route::RefRemove(gid, rel, uid), &Method::DELETE) => {
            let mut t = call.app.tenant();
            let list = list_of(owned_group(&mut t, &gid, &call.caller)?, rel);
            let Some(i) = list.iter().position(|m| m.eq_ignore_ascii_case(&uid)) else {
                return Err(GraphError::no_directory_object(&uid));
            };
            if rel == Rel::Owners && list.len() == 1 {
                let msg = "The group must have at least one owner, hence this owner cannot be removed.";
                return Err(GraphError::bad_request(DIR, msg));
            }
            list.remove(i);
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (Route::RefAdd(..), _) => not_allowed(DIR, "POST"),
        (Route::RefRemove(..), _) => not_allowed(DIR, "DELETE"),
        _ => not_allowed(DIR, "GET"),
    }
}

/// `/groups/{id}/photo` (metadata, delete) and `/groups/{id}/photo/$value` (bytes, replace).
pub(super) fn photo(call: &Call, gid: &str, value: bool) -> Result<Response> {
    let mut t = call.app.tenant();
    match (value, call.method) {
        (_, &Method::GET) => {
            let g = t.group(gid).ok_or_else(|| GraphError::no_directory_object(gid))?;
            let p = g.photo.as_ref().ok_or_else(GraphError::image_not_found)?;
            if value {
                let mut res = Response::new(Body::from(p.bytes.clone()));
                let ct = HeaderValue::from_str(&p.content_type).unwrap_or(HeaderValue::from_static("image/jpeg"));
                res.headers_mut().insert(header::CONTENT_TYPE, ct);
                return Ok(res);
            }
            let (width, height) =
                dimensions(&p.bytes).map_or((Value::Null, Value::Null), |(w, h)| (json!(w), json!(h)));
            let id = tenant::id(&g.props);
            Ok(json(
                StatusCode::OK,
                &json!({
                    "@odata.context": call.ctx.context(&format!("groups({})/photo/$entity", key(id))),
                    "@odata.mediaContentType": p.content_type,
                    "@odata.mediaEtag": format!("\"{:08X}\"", fnv1a(&p.bytes)),
                    "id": "default",
                    "height": height,
                    "width": width,
                }),
            ))
        }
        (true, &Method::PUT | &Method::PATCH) => {
            let g = owned_group(&mut t, gid, &call.caller)?;
            let ct = call.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").trim();
            if call.body.is_empty() {
                return Err(GraphError::new(400, "ErrorInvalidRequest", "The photo is empty."));
            }
            // Microsoft's SDKs upload photo streams as application/octet-stream and Graph takes
            // them; the image's own header says what it is.
            let ct = if ct.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("image/")) {
                ct.to_string()
            } else if let (true, Some(sniffed)) = (is_octet_stream(ct), sniff(call.body)) {
                sniffed.to_string()
            } else {
                let msg = format!("The photo's Content-Type must be an image type such as image/jpeg, not '{ct}'.");
                return Err(GraphError::new(400, "ErrorInvalidRequest", msg));
            };
            g.photo = Some(Photo { content_type: ct, bytes: call.body.to_vec() });
            Ok(empty(StatusCode::OK))
        }
        (false, &Method::DELETE) => {
            let g = owned_group(&mut t, gid, &call.caller)?;
            g.photo.take().ok_or_else(GraphError::image_not_found)?;
            Ok(empty(StatusCode::NO_CONTENT))
        }
        (true, _) => not_allowed(Family::Exchange, "GET, PUT, PATCH"),
        (false, _) => not_allowed(Family::Exchange, "GET, DELETE"),
    }
}

fn is_octet_stream(ct: &str) -> bool {
    ct.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/octet-stream"))
}

/// The media type of a PNG, GIF or JPEG by its first bytes.
fn sniff(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}

/// Width and height from a PNG, GIF or JPEG header.
fn dimensions(b: &[u8]) -> Option<(u32, u32)> {
    let be32 = |i: usize| Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?));
    let be16 = |i: usize| Some(u32::from(u16::from_be_bytes(b.get(i..i + 2)?.try_into().ok()?)));
    let le16 = |i: usize| Some(u32::from(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?)));
    if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16) == Some(b"IHDR") {
        return Some((be32(16)?, be32(20)?));
    }
    if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        return Some((le16(6)?, le16(8)?));
    }
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = be16(i + 2)? as usize;
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            return Some((be16(i + 7)?, be16(i + 5)?));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_their_object() {
        for url in [
            "https://graph.microsoft.com/v1.0/directoryObjects/abc-1",
            "http://127.0.0.1:9/v1.0/users/abc-1/",
            "https://graph.microsoft.com/v1.0/directoryObjects('abc-1')",
            "abc-1",
        ] {
            assert_eq!(reference_id(url).as_deref(), Some("abc-1"), "{url}");
        }
        assert_eq!(reference_id(""), None);
    }

    #[test]
    fn image_sizes_are_read_from_headers() {
        let png = tenant::Tenant::seed().groups[0].photo.clone().unwrap().bytes;
        assert_eq!(dimensions(&png), Some((48, 48)));
        assert_eq!(dimensions(b"GIF89a\x10\x00\x20\x00"), Some((16, 32)));
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 20, 0, 30, 3, 0, 0];
        assert_eq!(dimensions(&jpeg), Some((30, 20)));
        assert_eq!(dimensions(b"\x89PNG\r\n\x1a\n-pretend-image"), None);
        assert_eq!(dimensions(&[0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0]), None);
    }
}
