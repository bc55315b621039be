//! Groups, membership and group photos.

use super::check::{field, text, Check};
use super::route::Args;
use super::*;
use crate::model::Group;

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

/// Graph accepts photos up to 4 MB.
const MAX_PHOTO_BYTES: usize = 4 * 1024 * 1024;

fn photo(a: &Args) -> Result<(), Error> {
    let photo: &crate::model::Photo = a.get("photo")?;
    let ct = photo.content_type.trim();
    if !ct.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("image/")) || ct.chars().any(char::is_control) {
        return Err(Error::invalid("photo.content_type", "must be an image media type such as image/jpeg"));
    }
    if photo.bytes.is_empty() {
        return Err(Error::invalid("photo.bytes", "must not be empty"));
    }
    if photo.bytes.len() > MAX_PHOTO_BYTES {
        return Err(Error::invalid("photo.bytes", "must be at most 4 MB"));
    }
    Ok(())
}

// `members` and `owners` are directory-object reference lists: an added one is a reference
// (`@odata.id`) to the object on Graph's own root.
routes! {
    ListGroups: GET root / "groups" ? directory;
    GetGroup: GET root / "groups" / {group_id} ? directory;
    CreateGroup: POST root / "groups" <- group if new_group;
    UpdateGroup: PATCH root / "groups" / {group_id} <- group;
    DeleteGroup: DELETE root / "groups" / {group_id};
    ListJoinedGroups: GET root / "me" / "memberOf" / "microsoft.graph.group" ? directory;
    ListGroupMembers: GET root / "groups" / {group_id} / "members" ? directory;
    AddGroupMember: POST root / "groups" / {group_id} / "members" / "$ref" <- { "@odata.id": directory_object(member_id) };
    RemoveGroupMember: DELETE root / "groups" / {group_id} / "members" / {member_id} / "$ref";
    ListGroupOwners: GET root / "groups" / {group_id} / "owners" ? directory;
    AddGroupOwner: POST root / "groups" / {group_id} / "owners" / "$ref" <- { "@odata.id": directory_object(owner_id) };
    RemoveGroupOwner: DELETE root / "groups" / {group_id} / "owners" / {owner_id} / "$ref";
    GetGroupPhoto: GET root / "groups" / {group_id} / "photo" / "$value";
    SetGroupPhoto: PUT root / "groups" / {group_id} / "photo" / "$value" <- bytes(photo) if photo;
}
