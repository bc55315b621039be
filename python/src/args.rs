//! Python arguments (JSON text of a dict keyed by the table's parameter names) -> operation structs.
//! Conveniences use the core's own constructors: a str post is `Post::from` (an HTML body), a str
//! recipient is `Recipient::new`.

use o365kit::model::{Post, Recipient};
use o365kit::Error;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub fn operation<T: DeserializeOwned>(name: &str, args: Value) -> Result<T, Error> {
    let Value::Object(mut map) = args else {
        return Err(Error::invalid("arguments", "must be a mapping of parameter names"));
    };
    let info = o365kit::ops::find(name).ok_or_else(|| Error::invalid("operation", format!("unknown {name:?}")))?;
    for key in map.keys() {
        if !info.params.iter().any(|p| p.name == key) {
            return Err(Error::invalid(key, format!("is not a parameter of {name}")));
        }
    }
    for p in info.params {
        let Some(v) = map.get_mut(p.name) else { continue };
        match (p.type_name().as_str(), &*v) {
            ("Post", Value::String(s)) => *v = to_value(p.name, &Post::from(s.as_str()))?,
            ("Vec<Recipient>", Value::Array(items)) => {
                let items = items
                    .iter()
                    .map(|i| match i {
                        Value::String(a) => to_value(p.name, &Recipient::new(a.as_str())),
                        other => Ok(other.clone()),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                *v = Value::Array(items);
            }
            _ => {}
        }
    }
    for p in info.params {
        if p.type_name() == "Query" && !map.contains_key(p.name) {
            map.insert(p.name.to_string(), Value::Object(Default::default()));
        }
        if p.is_optional() && p.type_name() != "Query" && !map.contains_key(p.name) {
            map.insert(p.name.to_string(), Value::Null);
        }
        if !map.contains_key(p.name) {
            return Err(Error::invalid(p.name, "is required"));
        }
    }
    serde_path_to_error::deserialize(Value::Object(map)).map_err(|e| {
        let path = e.path().to_string();
        let why = e.into_inner().to_string();
        Error::invalid(if path == "." { "arguments" } else { &path }, why)
    })
}

fn to_value<T: serde::Serialize>(param: &str, v: &T) -> Result<Value, Error> {
    serde_json::to_value(v).map_err(|e| Error::invalid(param, e.to_string()))
}
