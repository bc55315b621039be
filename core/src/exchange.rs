//! One request's exchange with the service, sans-IO: the retries the policy decides and the
//! redirects the core follows, for a transport that only sends what it is told. The npm package
//! runs it from JS (`fetch` and `setTimeout` are the host's); the machine says what to send, how
//! long to wait, and when the answer is final.
//!
//! ```
//! use o365kit::exchange::{Exchange, Next};
//! use o365kit::{Policy, Request, Response};
//!
//! let mut x = Exchange::new(Request::get("https://graph.microsoft.com/v1.0/me".into()), Policy::default(), "id-1");
//! // send x.request() (with the token unless it is pre-authenticated) ...
//! let throttled = Response { status: 429, headers: vec![("Retry-After".into(), "2".into())], body: vec![] };
//! assert!(matches!(x.absorb(Ok(throttled)), Ok(Next::Wait(d)) if d.as_secs() == 2));
//! // ... wait, send x.request() again ...
//! let ok = Response { status: 200, headers: vec![], body: b"{}".to_vec() };
//! assert!(matches!(x.absorb(Ok(ok)), Ok(Next::Done(r)) if r.status == 200));
//! ```

use crate::http::{self, Request, Response, MAX_REDIRECTS};
use crate::retry::{Decision, Policy};
use crate::Error;
use std::time::Duration;

/// What to do after an attempt.
#[derive(Debug)]
pub enum Next {
    /// Send [`Exchange::request`] now: a redirect's target, or the item a hidden redirect names.
    Send,
    /// Wait this long, then send [`Exchange::request`] again.
    Wait(Duration),
    /// The final answer, for the operation's parser (a success or Graph's error).
    Done(Response),
}

/// The retries and redirects of one call.
#[derive(Debug, Clone)]
pub struct Exchange {
    policy: Policy,
    /// What the caller asked for: a hidden redirect is resolved against it.
    first: Request,
    /// What to send now.
    current: Request,
    /// `current` asks for the drive item whose download URL a browser hid.
    item_lookup: bool,
    attempt: u32,
    hops: u32,
}

impl Exchange {
    /// `client_request_id` goes with every attempt to the service (Graph's support traces it), and
    /// never to a pre-authenticated URL; a request that names its own keeps it.
    pub fn new(req: Request, policy: Policy, client_request_id: &str) -> Exchange {
        let req = if req.pre_authenticated || req.header_value("client-request-id").is_some() {
            req
        } else {
            req.header("client-request-id", client_request_id)
        };
        Exchange { policy, first: req.clone(), current: req, item_lookup: false, attempt: 1, hops: 0 }
    }

    /// The request to send now. A transport adds the bearer token unless it is
    /// `pre_authenticated`, and must not follow redirects itself.
    pub fn request(&self) -> &Request {
        &self.current
    }

    /// Takes the outcome of sending [`Exchange::request`]: a response, or the transport's error
    /// (no answer, or a body cut off). A transport error is final once the policy gives up.
    pub fn absorb(&mut self, outcome: Result<Response, Error>) -> Result<Next, Error> {
        let idempotent = self.current.is_idempotent();
        let decision = match &outcome {
            Ok(res) => self.policy.decide(res, self.attempt, idempotent),
            Err(_) => self.policy.decide_transport(self.attempt, idempotent),
        };
        if let Decision::Retry(wait) = decision {
            self.attempt += 1;
            return Ok(Next::Wait(wait));
        }
        let res = outcome?;
        let next = if self.item_lookup {
            self.item_lookup = false;
            Some(http::download_url(&res)?)
        } else if res.status == 0 {
            // A browser's opaque redirect: ask for the item whose download URL it hid.
            self.item_lookup = true;
            Some(http::hidden_redirect(&self.first)?)
        } else {
            http::redirect(&self.current, &res)?
        };
        let Some(next) = next else { return Ok(Next::Done(res)) };
        self.hops += 1;
        if self.hops > MAX_REDIRECTS {
            return Err(Error::Transport(format!("more than {MAX_REDIRECTS} redirects")));
        }
        self.current = next;
        self.attempt = 1;
        Ok(Next::Send)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn res(status: u16, headers: &[(&str, &str)], body: &str) -> Response {
        Response {
            status,
            headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    const CONTENT: &str = "https://graph.microsoft.com/v1.0/groups/g/drive/items/i/content";

    #[test]
    fn the_client_request_id_goes_to_the_service_only() {
        let x = Exchange::new(Request::get(CONTENT.into()), Policy::default(), "abc");
        assert_eq!(x.request().header_value("client-request-id"), Some("abc"));
        let pre =
            Exchange::new(Request::get("https://dl.example/x".into()).pre_authenticated(), Policy::default(), "abc");
        assert_eq!(pre.request().header_value("client-request-id"), None);
        let own =
            Exchange::new(Request::get(CONTENT.into()).header("client-request-id", "mine"), Policy::default(), "abc");
        assert_eq!(own.request().header_value("client-request-id"), Some("mine"));
    }

    #[test]
    fn retries_until_the_policy_gives_up_then_hands_over_the_last_answer() {
        let policy = Policy { max_attempts: 2, ..Policy::default() };
        let mut x = Exchange::new(Request::get(CONTENT.into()), policy, "id");
        assert!(matches!(x.absorb(Ok(res(503, &[("Retry-After", "1")], ""))), Ok(Next::Wait(d)) if d.as_secs() == 1));
        assert!(matches!(x.absorb(Ok(res(503, &[], "busy"))), Ok(Next::Done(r)) if r.status == 503));
    }

    #[test]
    fn a_transport_error_is_retried_when_idempotent_and_final_when_not() {
        let mut get = Exchange::new(Request::get(CONTENT.into()), Policy::default(), "id");
        assert!(matches!(get.absorb(Err(Error::Transport("reset".into()))), Ok(Next::Wait(_))));
        let mut post = Exchange::new(Request::post(CONTENT.into()), Policy::default(), "id");
        assert!(matches!(post.absorb(Err(Error::Transport("reset".into()))), Err(Error::Transport(m)) if m == "reset"));
    }

    #[test]
    fn a_redirect_goes_to_its_location_without_the_callers_headers() {
        let mut x = Exchange::new(Request::get(CONTENT.into()), Policy::default(), "id");
        let next = x.absorb(Ok(res(302, &[("Location", "https://dl.example/f?sig=1")], "")));
        assert!(matches!(next, Ok(Next::Send)));
        assert_eq!(x.request().url, "https://dl.example/f?sig=1");
        assert!(x.request().pre_authenticated);
        assert_eq!(x.request().header_value("client-request-id"), None);
        assert!(matches!(x.absorb(Ok(res(200, &[], "bytes"))), Ok(Next::Done(r)) if r.body == b"bytes"));
    }

    #[test]
    fn a_hidden_redirect_is_found_through_the_items_download_url() {
        let mut x = Exchange::new(Request::get(CONTENT.into()), Policy::default(), "id");
        assert!(matches!(x.absorb(Ok(res(0, &[], ""))), Ok(Next::Send)));
        assert_eq!(x.request().url, "https://graph.microsoft.com/v1.0/groups/g/drive/items/i");
        assert!(!x.request().pre_authenticated);
        let item = r#"{"id":"i","@microsoft.graph.downloadUrl":"https://dl.example/i"}"#;
        assert!(matches!(x.absorb(Ok(res(200, &[], item))), Ok(Next::Send)));
        assert_eq!(x.request().url, "https://dl.example/i");
        assert!(x.request().pre_authenticated);
        assert!(matches!(x.absorb(Ok(res(200, &[], "bytes"))), Ok(Next::Done(_))));
    }

    #[test]
    fn redirect_loops_end_with_a_transport_error() {
        let mut x = Exchange::new(Request::get(CONTENT.into()), Policy::default(), "id");
        for _ in 0..MAX_REDIRECTS {
            assert!(matches!(x.absorb(Ok(res(302, &[("Location", "/again")], ""))), Ok(Next::Send)));
        }
        let last = x.absorb(Ok(res(302, &[("Location", "/again")], "")));
        assert!(matches!(last, Err(Error::Transport(m)) if m.contains("redirects")));
    }
}
