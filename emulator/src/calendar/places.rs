//! Rooms and room lists from the fixture's `places` section: each entry is a room list with its
//! rooms (a building). Rooms are booked by inviting their address to an event.

use crate::ids;
use crate::tenant::{Obj, Tenant};
use serde_json::{json, Value};

#[derive(Debug, Clone, Default)]
pub(crate) struct Places {
    pub lists: Vec<Obj>,
    /// Each room and the address of its room list.
    pub rooms: Vec<(Obj, String)>,
}

fn place(v: &Value, what: &str, defaults: Value) -> Result<Obj, String> {
    let mut o = defaults.as_object().cloned().unwrap_or_default();
    o.extend(v.as_object().cloned().ok_or(format!("{what} must be an object"))?);
    let address =
        o.get("emailAddress").and_then(Value::as_str).ok_or(format!("{what}: \"emailAddress\" is required"))?;
    let pid = match o.get("id").and_then(Value::as_str) {
        Some(given) => guid_like(given),
        None => guid_like(&ids::stable("", address, 16)),
    };
    o.insert("id".into(), json!(pid));
    Ok(o)
}

/// Place ids are GUIDs on Graph; fixture ids are kept when they are, else shaped into one.
fn guid_like(s: &str) -> String {
    if s.len() == 36 && s.matches('-').count() == 4 {
        return s.to_string();
    }
    let hex: String = s
        .bytes()
        .flat_map(|b| format!("{b:02x}").chars().collect::<Vec<_>>())
        .chain(std::iter::repeat('0'))
        .take(32)
        .collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

pub(crate) fn load(t: &mut Tenant, section: Option<&Value>) -> Result<(), String> {
    let Some(section) = section else { return Ok(()) };
    let lists = section.as_array().ok_or("\"places\" must be an array of room lists")?;
    for (i, l) in lists.iter().enumerate() {
        let at = |e: String| format!("places[{i}]: {e}");
        let mut rooms = l.get("rooms").cloned().unwrap_or(json!([]));
        let mut list_v = l.clone();
        if let Some(o) = list_v.as_object_mut() {
            o.remove("rooms");
        }
        let list = place(
            &list_v,
            "a room list",
            json!({ "displayName": "", "address": {}, "geoCoordinates": null, "phone": null }),
        )
        .map_err(at)?;
        let list_address = list["emailAddress"].as_str().unwrap_or_default().to_string();
        let building = list["displayName"].clone();
        for (j, r) in rooms.as_array_mut().ok_or_else(|| at("\"rooms\" must be an array".into()))?.iter().enumerate() {
            let defaults = json!({
                "displayName": "", "address": list["address"], "geoCoordinates": null, "phone": null, "nickname": r["displayName"],
                "building": building, "floorNumber": null, "floorLabel": null, "label": null, "capacity": null,
                "bookingType": "standard", "audioDeviceName": null, "videoDeviceName": null, "displayDeviceName": null,
                "isWheelChairAccessible": false, "tags": [],
            });
            let room = place(r, "a room", defaults).map_err(|e| at(format!("rooms[{j}]: {e}")))?;
            t.places.rooms.push((room, list_address.clone()));
        }
        t.places.lists.push(list);
    }
    Ok(())
}
