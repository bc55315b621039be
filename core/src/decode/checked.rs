//! Checking a response against its model without building the model: what a binding needs when
//! it hands its users Graph's JSON as sent (the npm package does). One function for every output
//! type, given the model's table, instead of a decoder per output type (each of those cost 2-4 KB
//! of the npm package's wasm); and nothing is kept: the byte-level scanner (`scan.rs`) reads the
//! text once, without serde, in about a third of the time V8's `JSON.parse` takes on it.

use crate::endpoint::{Dialect, Endpoint};
use crate::error::Error;
use crate::http::Response;
use crate::model::schema::Schema;
use crate::odata::Page;
use crate::OpKind;

/// The table of the model a JSON output is checked against: the item's, for a page.
pub trait Checked {
    fn table() -> &'static Schema;
}

impl<T: Checked> Checked for Page<T> {
    fn table() -> &'static Schema {
        T::table()
    }
}

/// A `List` or `Item` output, checked: Graph's JSON (re-cased from the Outlook REST dialect
/// where the endpoint speaks it) and a page's links.
#[derive(Debug)]
pub struct CheckedBody {
    pub json: Vec<u8>,
    pub next_link: Option<String>,
    pub delta_link: Option<String>,
    pub count: Option<i64>,
}

/// Checks a `List` or `Item` response against the model `table` describes, or gives the
/// response's Graph error. `what` names the output type in decode errors, as the table writes it.
pub fn check(
    ep: &Endpoint,
    what: &str,
    kind: OpKind,
    table: &'static Schema,
    res: Response,
) -> Result<CheckedBody, Error> {
    res.ensure_success()?;
    let json = match ep.dialect() {
        Dialect::Graph => res.body,
        dialect => {
            let raw: serde_json::Value = super::text::value(&res.body).map_err(|e| Error::decode(what, "", e))?;
            serde_json::to_vec(&dialect.from_wire(raw)).map_err(|e| Error::decode(what, "", e))?
        }
    };
    let rest = read(what, kind, table, &json)?;
    Ok(CheckedBody { json, next_link: rest.next_link, delta_link: rest.delta_link, count: rest.count })
}

/// Checks Graph JSON (camelCase) as `check` does, from a borrowed buffer: for a binding that
/// parses the same bytes itself once they are checked (the Python package's `from_json`).
pub fn check_json(what: &str, kind: OpKind, table: &'static Schema, json: &[u8]) -> Result<(), Error> {
    read(what, kind, table, json).map(|_| ())
}

fn read(what: &str, kind: OpKind, table: &'static Schema, json: &[u8]) -> Result<super::scan::Links, Error> {
    match kind {
        OpKind::List | OpKind::Delta => super::scan::page(what, table, json),
        _ => super::scan::item(what, table, json).map(|()| super::scan::Links::default()),
    }
}
