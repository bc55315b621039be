//! Groups, membership and group photos.

use super::*;
use crate::model::{DirectoryObject, Group, Photo};

fn group(ep: &Endpoint, group_id: &str) -> Result<PathBuilder, Error> {
    ep.path().seg("groups").id("group_id", group_id)
}

/// `{"@odata.id": ".../directoryObjects/{id}"}`: Graph wants the reference on its own root.
fn reference(ep: &Endpoint, param: &str, id: &str) -> Result<serde_json::Value, Error> {
    let url = ep.path().seg("directoryObjects").id(param, id)?.build();
    Ok(serde_json::json!({ "@odata.id": url }))
}

impl Operation for ListGroups {
    type Output = Page<Group>;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(ep.path().seg("groups"), &self.query, true)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Self::Output, Error> {
        json(ep, "Page<Group>", &res)
    }
}

impl Operation for GetGroup {
    type Output = Group;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(group(ep, &self.group_id)?, &self.query, true)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Group, Error> {
        json(ep, "Group", &res)
    }
}

impl Operation for CreateGroup {
    type Output = Group;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
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
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Group, Error> {
        json(ep, "Group", &res)
    }
}

impl Operation for UpdateGroup {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        with_json(ep, Request::patch(group(ep, &self.group_id)?.build()), &self.group)
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}

impl Operation for DeleteGroup {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        Ok(Request::delete(group(ep, &self.group_id)?.build()))
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}

impl Operation for ListJoinedGroups {
    type Output = Page<Group>;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(ep.path().seg("me").seg("memberOf").seg("microsoft.graph.group"), &self.query, true)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Self::Output, Error> {
        json(ep, "Page<Group>", &res)
    }
}

impl Operation for ListGroupMembers {
    type Output = Page<DirectoryObject>;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(group(ep, &self.group_id)?.seg("members"), &self.query, true)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Self::Output, Error> {
        json(ep, "Page<DirectoryObject>", &res)
    }
}

impl Operation for AddGroupMember {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        let url = group(ep, &self.group_id)?.seg("members").seg("$ref").build();
        Request::post(url).json(&reference(ep, "member_id", &self.member_id)?)
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}

impl Operation for RemoveGroupMember {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = group(ep, &self.group_id)?.seg("members").id("member_id", &self.member_id)?;
        Ok(Request::delete(path.seg("$ref").build()))
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}

impl Operation for ListGroupOwners {
    type Output = Page<DirectoryObject>;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(group(ep, &self.group_id)?.seg("owners"), &self.query, true)
    }
    fn parse(&self, ep: &Endpoint, res: Response) -> Result<Self::Output, Error> {
        json(ep, "Page<DirectoryObject>", &res)
    }
}

impl Operation for AddGroupOwner {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        let url = group(ep, &self.group_id)?.seg("owners").seg("$ref").build();
        Request::post(url).json(&reference(ep, "owner_id", &self.owner_id)?)
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}

impl Operation for RemoveGroupOwner {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = group(ep, &self.group_id)?.seg("owners").id("owner_id", &self.owner_id)?;
        Ok(Request::delete(path.seg("$ref").build()))
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}

impl Operation for GetGroupPhoto {
    type Output = Photo;
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
        Ok(Request::get(group(ep, &self.group_id)?.seg("photo").seg("$value").build()))
    }
    fn parse(&self, _: &Endpoint, res: Response) -> Result<Photo, Error> {
        res.ensure_success()?;
        let content_type = res.header("content-type").unwrap_or("application/octet-stream").to_string();
        Ok(Photo { content_type, bytes: res.body })
    }
}

/// Graph accepts photos up to 4 MB.
const MAX_PHOTO_BYTES: usize = 4 * 1024 * 1024;

impl Operation for SetGroupPhoto {
    type Output = ();
    fn request(&self, ep: &Endpoint) -> Result<Request, Error> {
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
    fn parse(&self, _: &Endpoint, res: Response) -> Result<(), Error> {
        empty(&res)
    }
}
