//! What both decode benchmarks run: the three fixture pages (1000 posts, messages, events, from
//! their one generator, `python/bench/fixture.py`) and, for each, the ways of decoding a page and
//! reading two nested fields of every item that the benchmarks compare.

#![allow(dead_code)] // each benchmark uses its own part

pub mod flatten;

use o365kit::decode::checked::{check, Checked};
use o365kit::model::{Event, Message, Post};
use o365kit::ops::{ListEvents, ListMessages, ListPosts};
use o365kit::{Endpoint, Mailbox, OpKind, Operation, Page, Query, Response};
use serde_json::Value;

/// One page kind of the fixture module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Posts,
    Messages,
    Events,
}

pub const KINDS: [Kind; 3] = [Kind::Posts, Kind::Messages, Kind::Events];

/// The ways a page is decoded and read. `Flatten` exists for posts only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// o365kit's typed models (`Operation::parse`).
    Typed,
    /// `serde_json::Value`: what graph-rs-sdk's `response.json::<Value>()` hands its users.
    Value,
    /// A hand-written `#[derive(Deserialize)]` model with `#[serde(flatten)]` (posts only).
    Flatten,
    /// `o365kit::decode::checked`: the text checked against the model by one byte-level pass
    /// (`decode/scan.rs`), nothing kept or copied (what the npm package runs).
    Checked,
}

impl Way {
    pub fn label(self) -> &'static str {
        match self {
            Way::Typed => "o365kit",
            Way::Value => "serde_json::Value (graph-rs-sdk)",
            Way::Flatten => "serde derive + flatten",
            Way::Checked => "o365kit scan, as sent (npm package)",
        }
    }

    pub fn parse(s: &str) -> Option<Way> {
        [Way::Typed, Way::Value, Way::Flatten, Way::Checked].into_iter().find(|w| w.name() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            Way::Typed => "typed",
            Way::Value => "value",
            Way::Flatten => "flatten",
            Way::Checked => "checked",
        }
    }
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Posts => "posts",
            Kind::Messages => "messages",
            Kind::Events => "events",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        KINDS.into_iter().find(|k| k.name() == s)
    }

    pub fn ways(self) -> &'static [Way] {
        match self {
            Kind::Posts => &[Way::Typed, Way::Value, Way::Flatten, Way::Checked],
            _ => &[Way::Typed, Way::Value, Way::Checked],
        }
    }

    /// What each benchmark reads from every item: two nested fields, by their JSON paths.
    fn reads(self) -> [&'static [&'static str]; 2] {
        match self {
            Kind::Posts | Kind::Messages => [&["from", "emailAddress", "address"], &["body", "content"]],
            Kind::Events => [&["organizer", "emailAddress", "address"], &["start", "dateTime"]],
        }
    }

    /// The page of 1000 items, from the fixture module.
    pub fn page(self) -> Vec<u8> {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../python/bench/fixture.py");
        let out = std::process::Command::new("python3").arg(script).arg(self.name()).arg("1000").output();
        match out {
            Ok(o) if o.status.success() => o.stdout,
            other => panic!("python3 {script} did not give the {} page: {other:?}", self.name()),
        }
    }

    /// Decodes `body` the `way` given and sums the lengths of the two fields read from each item
    /// (so that nothing is optimised away and the ways can be compared).
    pub fn run(self, way: Way, body: &[u8]) -> usize {
        match way {
            Way::Typed => self.typed(response(body)),
            Way::Value => self.value(body),
            Way::Flatten => flatten::read(body),
            Way::Checked => self.checked(response(body)),
        }
    }

    pub fn typed(self, res: Response) -> usize {
        let ep = Endpoint::default();
        let len = |s: Option<&str>| s.map_or(0, str::len);
        match self {
            Kind::Posts => {
                let op = ListPosts { group_id: "g".into(), thread_id: "t".into(), query: Query::new() };
                let page = op.parse(&ep, res).expect("the posts decode");
                page.value
                    .iter()
                    .map(|p| {
                        len(p.from.as_ref().and_then(|f| f.address()))
                            + len(p.body.as_ref().and_then(|b| b.content.as_deref()))
                    })
                    .sum()
            }
            Kind::Messages => {
                let op = ListMessages { mailbox: Mailbox::Me, query: Query::new() };
                let page = op.parse(&ep, res).expect("the messages decode");
                page.value
                    .iter()
                    .map(|m| {
                        len(m.from.as_ref().and_then(|f| f.address()))
                            + len(m.body.as_ref().and_then(|b| b.content.as_deref()))
                    })
                    .sum()
            }
            Kind::Events => {
                let op = ListEvents { mailbox: Mailbox::Me, query: Query::new() };
                let page = op.parse(&ep, res).expect("the events decode");
                page.value
                    .iter()
                    .map(|e| {
                        len(e.organizer.as_ref().and_then(|o| o.address()))
                            + len(e.start.as_ref().and_then(|s| s.date_time.as_deref()))
                    })
                    .sum()
            }
        }
    }

    pub fn value(self, body: &[u8]) -> usize {
        let page: Value = serde_json::from_slice(body).expect("the page decodes");
        let items = page["value"].as_array().map_or(&[][..], Vec::as_slice);
        let [a, b] = self.reads();
        let at = |v: &Value, path: &[&str]| path.iter().fold(v, |v, k| &v[*k]).as_str().map_or(0, str::len);
        items.iter().map(|item| at(item, a) + at(item, b)).sum()
    }

    /// Checks the page and keeps nothing: the length of the JSON handed on stands for the read.
    pub fn checked(self, res: Response) -> usize {
        fn run<T: Checked>(what: &str, res: Response) -> usize {
            check(&Endpoint::default(), what, OpKind::List, <Page<T>>::table(), res)
                .expect("the page checks")
                .json
                .len()
        }
        match self {
            Kind::Posts => run::<Post>("Page<Post>", res),
            Kind::Messages => run::<Message>("Page<Message>", res),
            Kind::Events => run::<Event>("Page<Event>", res),
        }
    }
}

/// What a transport hands the core: the status, the headers and the body it read.
pub fn response(body: &[u8]) -> Response {
    Response::new(200, vec![("content-type".into(), "application/json".into())], body.to_vec())
}
