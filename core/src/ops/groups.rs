//! Groups, membership and group photos.

use super::check::{field, text, Check};
use super::route::Args;
use super::*;
use crate::model::Group;

fn group(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    ep.path().seg("groups").id("group_id", group_id)
}

/// `{"@odata.id": ".../directoryObjects/{id}"}`: Graph wants the reference on its own root.
fn reference(ep: &Endpoint, param: &str, id: &str) -> Result<serde_json::Value, Error> {
    let url = ep.path().seg("directoryObjects").id(param, id)?.build();
    Ok(serde_json::json!({ "@odata.id": url }))
}

impl Check for Group {}

/// Checked by `SetGroupPhoto` itself (its media type and size).
impl Check for crate::model::Photo {}

fn new_group(a: &Args) -> Result<(), Error> {
    let group = a.json("group")?;
    require_text("group.display_name", text(&group, "displayName"))?;
    require_text("group.mail_nickname", text(&group, "mailNickname"))?;
    if field(&group, "mailEnabled").is_none() || field(&group, "securityEnabled").is_none() {
        return Err(Error::invalid(
            "group",
            "mail_enabled and security_enabled are required (Group::unified sets both)",
        ));
    }
    Ok(())
}

/// `members` and `owners` are both directory-object reference lists and work the same way.
fn add_ref(ep: &Endpoint, group_id: &str, rel: &str, param: &str, id: &str) -> Result<Request, Error> {
    let url = group(ep, group_id)?.seg(rel).seg("$ref").build();
    Request::post(url).json(&reference(ep, param, id)?)
}

impl BuildRequest for AddGroupMember {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        add_ref(ep, &self.group_id, "members", "member_id", &self.member_id)
    }
}

impl BuildRequest for AddGroupOwner {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        add_ref(ep, &self.group_id, "owners", "owner_id", &self.owner_id)
    }
}

/// Graph accepts photos up to 4 MB.
const MAX_PHOTO_BYTES: usize = 4 * 1024 * 1024;

impl BuildRequest for SetGroupPhoto {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let ct = self.photo.content_type.trim();
        if !ct.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("image/")) || ct.chars().any(char::is_control) {
            return Err(Error::invalid("photo.content_type", "must be an image media type such as image/jpeg"));
        }
        if self.photo.bytes.is_empty() {
            return Err(Error::invalid("photo.bytes", "must not be empty"));
        }
        if self.photo.bytes.len() > MAX_PHOTO_BYTES {
            return Err(Error::invalid("photo.bytes", "must be at most 4 MB"));
        }
        let url = group(ep, &self.group_id)?.seg("photo").seg("$value").build();
        Ok(Request::put(url).bytes(ct, self.photo.bytes.clone()))
    }
}

routes! {
    ListGroups: GET root / "groups" ? directory;
    GetGroup: GET root / "groups" / {group_id} ? directory;
    CreateGroup: POST root / "groups" <- group if new_group;
    UpdateGroup: PATCH root / "groups" / {group_id} <- group;
    DeleteGroup: DELETE root / "groups" / {group_id};
    ListJoinedGroups: GET root / "me" / "memberOf" / "microsoft.graph.group" ? directory;
    ListGroupMembers: GET root / "groups" / {group_id} / "members" ? directory;
    RemoveGroupMember: DELETE root / "groups" / {group_id} / "members" / {member_id} / "$ref";
    ListGroupOwners: GET root / "groups" / {group_id} / "owners" ? directory;
    RemoveGroupOwner: DELETE root / "groups" / {group_id} / "owners" / {owner_id} / "$ref";
    GetGroupPhoto: GET root / "groups" / {group_id} / "photo" / "$value";
}

built_by_hand!(AddGroupMember, AddGroupOwner, SetGroupPhoto);
