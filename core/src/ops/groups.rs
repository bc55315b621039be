//! Groups, membership and group photos.

use super::*;

fn group(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    ep.path().seg("groups").id("group_id", group_id)
}

/// `{"@odata.id": ".../directoryObjects/{id}"}`: Graph wants the reference on its own root.
fn reference(ep: &Endpoint, param: &str, id: &str) -> Result<serde_json::Value, Error> {
    let url = ep.path().seg("directoryObjects").id(param, id)?.build();
    Ok(serde_json::json!({ "@odata.id": url }))
}

impl BuildRequest for ListGroups {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(ep.path().seg("groups"), &self.query, true)
    }
}

impl BuildRequest for GetGroup {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(group(ep, &self.group_id)?, &self.query, true)
    }
}

impl BuildRequest for CreateGroup {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        require_text("group.display_name", self.group.display_name.as_deref())?;
        require_text("group.mail_nickname", self.group.mail_nickname.as_deref())?;
        if self.group.mail_enabled.is_none() || self.group.security_enabled.is_none() {
            return Err(Error::invalid(
                "group",
                "mail_enabled and security_enabled are required (Group::unified sets both)",
            ));
        }
        with_json(ep, Request::post(ep.path().seg("groups").build()), &self.group)
    }
}

impl BuildRequest for UpdateGroup {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        with_json(ep, Request::patch(group(ep, &self.group_id)?.build()), &self.group)
    }
}

impl BuildRequest for DeleteGroup {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        Ok(Request::delete(group(ep, &self.group_id)?.build()))
    }
}

impl BuildRequest for ListJoinedGroups {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(ep.path().seg("me").seg("memberOf").seg("microsoft.graph.group"), &self.query, true)
    }
}

/// `members` and `owners` are both directory-object reference lists and work the same way.
fn list_refs(ep: &Endpoint, group_id: &str, rel: &str, q: &Query) -> Result<Request, Error> {
    get(group(ep, group_id)?.seg(rel), q, true)
}

fn add_ref(ep: &Endpoint, group_id: &str, rel: &str, param: &str, id: &str) -> Result<Request, Error> {
    let url = group(ep, group_id)?.seg(rel).seg("$ref").build();
    Request::post(url).json(&reference(ep, param, id)?)
}

fn remove_ref(ep: &Endpoint, group_id: &str, rel: &str, param: &str, id: &str) -> Result<Request, Error> {
    Ok(Request::delete(group(ep, group_id)?.seg(rel).id(param, id)?.seg("$ref").build()))
}

impl BuildRequest for ListGroupMembers {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        list_refs(ep, &self.group_id, "members", &self.query)
    }
}

impl BuildRequest for AddGroupMember {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        add_ref(ep, &self.group_id, "members", "member_id", &self.member_id)
    }
}

impl BuildRequest for RemoveGroupMember {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        remove_ref(ep, &self.group_id, "members", "member_id", &self.member_id)
    }
}

impl BuildRequest for ListGroupOwners {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        list_refs(ep, &self.group_id, "owners", &self.query)
    }
}

impl BuildRequest for AddGroupOwner {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        add_ref(ep, &self.group_id, "owners", "owner_id", &self.owner_id)
    }
}

impl BuildRequest for RemoveGroupOwner {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        remove_ref(ep, &self.group_id, "owners", "owner_id", &self.owner_id)
    }
}

impl BuildRequest for GetGroupPhoto {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        Ok(Request::get(group(ep, &self.group_id)?.seg("photo").seg("$value").build()))
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
