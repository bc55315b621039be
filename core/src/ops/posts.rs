//! Posts of a thread, their replies, forwards and attachments.

use super::threads::thread;
use super::*;
use crate::model::{Post, Recipient};

/// A post to send needs a body with content.
pub(super) fn check_post(param: &str, post: &Post) -> Result<(), Error> {
    match post.body.as_ref().and_then(|b| b.content.as_deref()) {
        Some(c) if !c.trim().is_empty() => Ok(()),
        _ => Err(Error::invalid(param, "needs a body with content")),
    }
}

/// `POST .../reply` with `{"post": {...}}`.
pub(super) fn post_action(ep: &Endpoint, url: String, post: &Post) -> Result<Request, Error> {
    let value = serde_json::to_value(post).map_err(|e| Error::invalid("post", e.to_string()))?;
    Request::post(url).json(&ep.dialect().wrap("post", value))
}

fn post(ep: &Endpoint, group_id: &str, thread_id: &str, post_id: &str) -> Result<PathBuilder, Error> {
    thread(ep, group_id, thread_id)?.seg("posts").id("post_id", post_id)
}

impl BuildRequest for ListPosts {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(thread(ep, &self.group_id, &self.thread_id)?.seg("posts"), &self.query, false)
    }
}

impl BuildRequest for GetPost {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        get(post(ep, &self.group_id, &self.thread_id, &self.post_id)?, &self.query, false)
    }
}

impl BuildRequest for ReplyToPost {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        check_post("post", &self.post)?;
        let url = post(ep, &self.group_id, &self.thread_id, &self.post_id)?.seg("reply").build();
        post_action(ep, url, &self.post)
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ForwardBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<&'a str>,
    to_recipients: &'a [Recipient],
}

impl BuildRequest for ForwardPost {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        if self.to_recipients.is_empty() {
            return Err(Error::invalid("to_recipients", "needs at least one recipient"));
        }
        for (i, r) in self.to_recipients.iter().enumerate() {
            if !r.address().is_some_and(|a| a.contains('@') && !a.trim().is_empty()) {
                return Err(Error::invalid(&format!("to_recipients[{i}]"), "needs an email address"));
            }
        }
        let url = post(ep, &self.group_id, &self.thread_id, &self.post_id)?.seg("forward").build();
        let body = ForwardBody { comment: self.comment.as_deref(), to_recipients: &self.to_recipients };
        with_json(ep, Request::post(url), &body)
    }
}

impl BuildRequest for ListPostAttachments {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = post(ep, &self.group_id, &self.thread_id, &self.post_id)?.seg("attachments");
        get(path, &self.query, false)
    }
}

impl BuildRequest for GetPostAttachment {
    fn build(&self, ep: &Endpoint) -> Result<Request, Error> {
        let path = post(ep, &self.group_id, &self.thread_id, &self.post_id)?.seg("attachments");
        get(path.id("attachment_id", &self.attachment_id)?, &self.query, false)
    }
}
