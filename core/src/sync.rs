//! Delta sync as a sans-IO state machine: which request to send next, what a response taught it,
//! and the state to store. A transport runs it:
//!
//! ```text
//! let mut sync = DeltaSync::start(&ep, op.request(&ep)?)     // or DeltaSync::resume(.., saved)
//! loop {
//!     send sync.request()?, with the retry policy, then match sync.absorb(response, |res| op.parse(&ep, res.clone()))? {
//!         Step::Page { page, caught_up } => { apply page; store sync.state(); if caught_up { stop or go on } }
//!         Step::Resync { reason }      => { tell the user; the local copy is rebuilt from the pages that follow }
//!         Step::Retry(wait)            => sleep(wait)
//!     }
//! }
//! ```
//!
//! The stored state is the link of the page after the last one absorbed (a `$skiptoken` inside a
//! round, the `$deltatoken` after it): a caller that applies a page and then stores the state can
//! be killed anywhere and resume without losing or repeating a page. "Start again" answers (410
//! Gone, `syncStateNotFound`, `resyncRequired`) restart the round from its first request, and say
//! so: a full resync is never silent.

use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::http::{Request, Response};
use crate::retry::Policy;
use std::time::Duration;

/// How often an unreadable page (a cut-off body) is fetched again before the sync gives up.
pub const MAX_UNREADABLE: u32 = 4;

/// Error codes by which Graph and Outlook say that a sync must start over.
const RESYNC_CODES: &[&str] =
    &["syncStateNotFound", "resyncRequired", "syncStateInvalid", "Directory_ExpiredPageToken"];

/// A saved state: `o365kit-sync/1 {more|done} {first URL} [{next link}]`. URLs carry no spaces
/// (the core and Graph percent-encode them), and plain text keeps base64 and serde out of the npm
/// package.
const STATE_TAG: &str = "o365kit-sync/1";

/// What a response meant for the sync.
#[derive(Debug, Clone, PartialEq)]
pub enum Step<T> {
    /// A page of changes, read by the caller's reader. Apply it, then store [`DeltaSync::state`].
    /// `caught_up`: the round is complete (the server gave its deltaLink); the next request asks
    /// for what changed since.
    Page { page: T, caught_up: bool },
    /// The server no longer knows this sync's state: the round starts over from its first request,
    /// and the pages that follow list every item again. Whatever the local copy holds that they do
    /// not list is gone.
    Resync { reason: String },
    /// The answer could not be read (a body cut off in transit): send [`DeltaSync::request`] again
    /// after this long.
    Retry(Duration),
}

/// One sync of one resource: a folder's messages, the mail folders, a calendar view, the groups.
#[derive(Debug, Clone, PartialEq)]
pub struct DeltaSync {
    endpoint: Endpoint,
    /// The round's first request (an operation of kind `Delta`): where a sync starts, and starts over.
    first: Request,
    /// The next page's link; `None` before the first page and after a resync.
    link: Option<String>,
    caught_up: bool,
    unreadable: u32,
    policy: Policy,
}

/// A page's links, as the page's parser read them (`Links::of(&page)`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// `@odata.nextLink`: more pages in this round.
    pub next: Option<String>,
    /// `@odata.deltaLink`: the round is complete; what changed since comes from here.
    pub delta: Option<String>,
}

impl Links {
    pub fn of<T>(page: &crate::odata::Page<T>) -> Links {
        Links { next: page.next_link.clone(), delta: page.delta_link.clone() }
    }
}

impl DeltaSync {
    /// A new sync from its first request (`op.request(ep)` of a `Delta` operation).
    pub fn start(endpoint: &Endpoint, first: Request) -> DeltaSync {
        DeltaSync {
            endpoint: endpoint.clone(),
            first,
            link: None,
            caught_up: false,
            unreadable: 0,
            policy: Policy::default(),
        }
    }

    /// A sync resumed from a state saved by [`DeltaSync::state`]; `first` must be the same first
    /// request (same resource, same query) as the one it was saved from.
    pub fn resume(endpoint: &Endpoint, first: Request, state: &str) -> Result<DeltaSync, Error> {
        let bad = || Error::invalid("state", "is not a sync state saved by o365kit");
        let mut words = state.split_whitespace();
        if words.next() != Some(STATE_TAG) {
            return Err(bad());
        }
        let caught_up = match words.next() {
            Some("done") => true,
            Some("more") => false,
            _ => return Err(bad()),
        };
        let saved_first = words.next().ok_or_else(bad)?;
        let link = words.next().map(str::to_string);
        if words.next().is_some() {
            return Err(bad());
        }
        if saved_first != first.url {
            return Err(Error::invalid("state", format!("was saved by another sync (of {saved_first}), not this one")));
        }
        if let Some(link) = &link {
            endpoint.check_link(link).map_err(|_| Error::invalid("state", "points outside this client's endpoint"))?;
        }
        let mut sync = DeltaSync::start(endpoint, first);
        sync.link = link;
        sync.caught_up = caught_up;
        Ok(sync)
    }

    /// The opaque state to store after applying a page: a string, for a file, a database row or a
    /// notebook variable. It holds the server's links (not secret, but not to share either).
    pub fn state(&self) -> String {
        let round = if self.caught_up { "done" } else { "more" };
        let mut s = format!("{STATE_TAG} {round} {}", self.first.url);
        if let Some(link) = &self.link {
            s.push(' ');
            s.push_str(link);
        }
        s
    }

    /// The retry policy whose backoff spaces the fetches of an unreadable page (the transport's own).
    pub fn with_policy(mut self, policy: Policy) -> DeltaSync {
        self.policy = policy;
        self
    }

    /// Whether the last page absorbed ended a round (the sync has seen every change until then).
    pub fn is_caught_up(&self) -> bool {
        self.caught_up
    }

    /// The request to send now: the first one, or the last link with the first one's headers
    /// (`Prefer`: page size, time zone, Outlook's `odata.track-changes`).
    pub fn request(&self) -> Result<Request, Error> {
        match &self.link {
            None => Ok(self.first.clone()),
            Some(link) => crate::odata::next_page_request(&self.endpoint, &self.first, link),
        }
    }

    /// Reads the answer to [`DeltaSync::request`] (after the transport's retries): `read` parses
    /// the page (a `Delta` operation's `parse`, or a binding's reader of its output type) and
    /// gives it with its links (`Links::of(&page)`). The state moves on only when the page was
    /// read whole.
    pub fn absorb<T>(
        &mut self,
        res: &Response,
        read: impl FnOnce(&Response) -> Result<(T, Links), Error>,
    ) -> Result<Step<T>, Error> {
        if !res.is_success() {
            let err = Error::from_response(res);
            let code = match &err {
                Error::Api(a) => a.code.clone(),
                _ => String::new(),
            };
            let restart = res.status == 410 || RESYNC_CODES.iter().any(|c| c.eq_ignore_ascii_case(&code));
            // A first request answered "start again" has nowhere earlier to go.
            if !restart || self.link.is_none() {
                return Err(err);
            }
            let reason = match &err {
                Error::Api(a) => format!("{} {}: {}", a.status, a.code, a.message),
                other => other.to_string(),
            };
            self.link = None;
            self.caught_up = false;
            self.unreadable = 0;
            return Ok(Step::Resync { reason });
        }
        let (page, links) = match read(res) {
            Ok(ok) => ok,
            Err(e @ Error::Decode { .. }) => {
                self.unreadable += 1;
                if self.unreadable >= MAX_UNREADABLE {
                    return Err(e);
                }
                return Ok(Step::Retry(self.policy.backoff(self.unreadable, "unreadable page")));
            }
            Err(e) => return Err(e),
        };
        let (link, caught_up) = match (links.next, links.delta) {
            (Some(next), _) => (next, false),
            (None, Some(delta)) => (delta, true),
            (None, None) => {
                return Err(Error::decode("DeltaPage", "", "a delta page without @odata.nextLink or @odata.deltaLink"))
            }
        };
        self.endpoint.check_link(&link)?;
        if link.chars().any(char::is_whitespace) {
            return Err(Error::decode("DeltaPage", "", "a link with whitespace in it"));
        }
        self.link = Some(link);
        self.caught_up = caught_up;
        self.unreadable = 0;
        Ok(Step::Page { page, caught_up })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::{Change, SyncMessages};
    use crate::{Mailbox, Operation, Query};

    fn op() -> SyncMessages {
        SyncMessages { mailbox: Mailbox::Me, folder_id: "inbox".into(), query: Query::new().max_page_size(2) }
    }

    fn page(body: &str) -> Response {
        Response::new(200, vec![], body.as_bytes().to_vec())
    }

    const BASE: &str = "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta";

    fn run(sync: &mut DeltaSync, res: &Response) -> Result<Step<Vec<Change<crate::model::Message>>>, Error> {
        let ep = Endpoint::default();
        sync.absorb(res, |r| {
            let p = op().parse(&ep, r.clone())?;
            let links = Links::of(&p);
            Ok((p.value.into_iter().map(Change::of).collect::<Result<_, _>>()?, links))
        })
    }

    #[test]
    fn a_round_follows_next_links_to_the_delta_link_and_resumes_from_the_state() {
        let ep = Endpoint::default();
        let mut sync = DeltaSync::start(&ep, op().request(&ep).unwrap());
        assert_eq!(sync.request().unwrap().url, BASE);
        let next = format!(r#"{{"value": [{{"id": "A"}}], "@odata.nextLink": "{BASE}?$skiptoken=s1"}}"#);
        assert!(matches!(run(&mut sync, &page(&next)).unwrap(), Step::Page { caught_up: false, .. }));
        let req = sync.request().unwrap();
        assert_eq!(req.url, format!("{BASE}?$skiptoken=s1"));
        assert_eq!(req.header_value("Prefer"), Some("odata.maxpagesize=2"));

        let state = sync.state();
        let mut resumed = DeltaSync::resume(&ep, op().request(&ep).unwrap(), &state).unwrap();
        assert_eq!(resumed, sync);
        let done = format!(r#"{{"value": [], "@odata.deltaLink": "{BASE}?$deltatoken=d1"}}"#);
        assert!(matches!(run(&mut resumed, &page(&done)).unwrap(), Step::Page { caught_up: true, .. }));
        assert!(resumed.is_caught_up());
        assert_eq!(resumed.request().unwrap().url, format!("{BASE}?$deltatoken=d1"));
    }

    #[test]
    fn gone_restarts_the_round_and_says_so() {
        let ep = Endpoint::default();
        let mut sync = DeltaSync::start(&ep, op().request(&ep).unwrap());
        let done = format!(r#"{{"value": [], "@odata.deltaLink": "{BASE}?$deltatoken=old"}}"#);
        run(&mut sync, &page(&done)).unwrap();
        let gone = Response::new(
            410,
            vec![],
            br#"{"error": {"code": "SyncStateNotFound", "message": "The sync state generation is not found."}}"#
                .to_vec(),
        );
        match run(&mut sync, &gone).unwrap() {
            Step::Resync { reason } => assert!(reason.contains("SyncStateNotFound"), "{reason}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(sync.request().unwrap().url, BASE);
        // The first request itself answered "start again": there is nothing to restart from.
        assert!(matches!(run(&mut sync, &gone), Err(Error::Api(_))));
    }

    #[test]
    fn a_cut_off_page_is_fetched_again_without_moving_on() {
        let ep = Endpoint::default();
        let mut sync = DeltaSync::start(&ep, op().request(&ep).unwrap());
        let cut = page(r#"{"value": [{"id": "A", "subj"#);
        for _ in 1..MAX_UNREADABLE {
            assert!(matches!(run(&mut sync, &cut).unwrap(), Step::Retry(_)));
            assert_eq!(sync.request().unwrap().url, BASE);
        }
        assert!(matches!(run(&mut sync, &cut), Err(Error::Decode { .. })));
    }

    #[test]
    fn other_errors_and_foreign_links_fail() {
        let ep = Endpoint::default();
        let mut sync = DeltaSync::start(&ep, op().request(&ep).unwrap());
        let denied =
            Response::new(403, vec![], br#"{"error": {"code": "ErrorAccessDenied", "message": "no"}}"#.to_vec());
        assert!(matches!(run(&mut sync, &denied), Err(Error::Api(a)) if a.status == 403));
        let evil = page(r#"{"value": [], "@odata.nextLink": "https://evil.example/steal"}"#);
        assert!(matches!(run(&mut sync, &evil), Err(Error::InvalidInput { .. })));
        let neither = page(r#"{"value": []}"#);
        assert!(matches!(run(&mut sync, &neither), Err(Error::Decode { .. })));
    }

    #[test]
    fn states_resume_only_their_own_sync() {
        let ep = Endpoint::default();
        let sync = DeltaSync::start(&ep, op().request(&ep).unwrap());
        let other = SyncMessages { folder_id: "archive".into(), ..op() };
        let err = DeltaSync::resume(&ep, other.request(&ep).unwrap(), &sync.state()).unwrap_err();
        assert!(matches!(err, Error::InvalidInput { param, .. } if param == "state"));
        for junk in [
            "",
            "hello",
            "o365kit-sync/1",
            "o365kit-sync/1 maybe x",
            "o365kit-sync/1 done",
            "o365kit-sync/1 more a b c",
        ] {
            let err = DeltaSync::resume(&ep, op().request(&ep).unwrap(), junk).unwrap_err();
            assert!(matches!(err, Error::InvalidInput { param, .. } if param == "state"), "{junk}");
        }
    }
}
