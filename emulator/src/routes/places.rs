//! Rooms and room lists: `/places/microsoft.graph.room`, `/places/microsoft.graph.roomlist` and
//! `/places/{room list id or address}/microsoft.graph.roomlist/rooms`, from the fixture.

use super::{not_allowed, Call};
use crate::errors::{Family, GraphError, Result};
use crate::schema::Kind;
use crate::tenant::{id, text, Obj};
use axum::http::Method;
use axum::response::Response;
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PlacePath {
    Rooms,
    RoomLists,
    RoomsOf(String),
}

fn typed(o: &Obj, t: &str) -> Obj {
    let mut out = Obj::new();
    out.insert("@odata.type".into(), json!(format!("#microsoft.graph.{t}")));
    out.extend(o.clone());
    out
}

pub(super) fn handle(call: &Call, path: PlacePath) -> Result<Response> {
    if call.method != Method::GET {
        return not_allowed(Family::Exchange, "GET");
    }
    let q = call.query(Kind::Place)?;
    let t = call.app.tenant();
    let (items, fragment): (Vec<Obj>, String) = match &path {
        PlacePath::Rooms => {
            (t.places.rooms.iter().map(|(r, _)| typed(r, "room")).collect(), "places/microsoft.graph.room".into())
        }
        PlacePath::RoomLists => {
            (t.places.lists.iter().map(|l| typed(l, "roomList")).collect(), "places/microsoft.graph.roomList".into())
        }
        PlacePath::RoomsOf(key) => {
            let list = t.places.lists.iter().find(|l| {
                id(l).eq_ignore_ascii_case(key) || text(l, "emailAddress").is_some_and(|a| a.eq_ignore_ascii_case(key))
            });
            let list = list.ok_or_else(|| {
                GraphError::new(404, "ErrorItemNotFound", "The specified object was not found in the store.")
            })?;
            let address = text(list, "emailAddress").unwrap_or_default();
            let rooms = t
                .places
                .rooms
                .iter()
                .filter(|(_, l)| l.eq_ignore_ascii_case(address))
                .map(|(r, _)| typed(r, "room"))
                .collect();
            (rooms, format!("places('{}')/microsoft.graph.roomList/rooms", key.replace('\'', "''")))
        }
    };
    drop(t);
    call.list(&q, Kind::Place, &fragment, items)
}
