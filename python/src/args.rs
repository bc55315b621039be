//! Python arguments (JSON text of a dict keyed by the table's parameter names) -> operation structs.
//! Conveniences use the core's own constructors, wherever a value of that type sits (a parameter,
//! or a property of a model found through the core's model list): a str body is `ItemBody::html`,
//! a str recipient `Recipient::new`, a str post `Post::from`.

use o365kit::model::{ItemBody, Post, Recipient, MODELS};
use o365kit::{Error, Mailbox};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub fn operation<T: DeserializeOwned>(name: &str, args: Value, mailbox: &Mailbox) -> Result<T, Error> {
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
        if let Some(v) = map.get_mut(p.name) {
            coerce(p.name, &p.type_name(), v, 0)?;
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
    // The mailbox is the client's, never an argument (checked above: it is no parameter).
    if info.mailbox {
        map.insert("mailbox".into(), to_value("mailbox", mailbox)?);
    }
    serde_path_to_error::deserialize(Value::Object(map)).map_err(|e| {
        let path = e.path().to_string();
        let why = e.into_inner().to_string();
        Error::invalid(if path == "." { "arguments" } else { &path }, why)
    })
}

/// The value a plain string stands for where a `ty` is expected, if the core has a constructor.
fn from_str(param: &str, ty: &str, s: &str) -> Result<Option<Value>, Error> {
    Ok(Some(match ty {
        "ItemBody" => to_value(param, &ItemBody::html(s))?,
        "Recipient" => to_value(param, &Recipient::new(s))?,
        "Post" => to_value(param, &Post::from(s))?,
        _ => return Ok(None),
    }))
}

/// Models nest only a few levels; the bound keeps hostile input from recursing without end.
const MAX_DEPTH: usize = 16;

/// Replaces plain strings by what they stand for, following `ty` into lists and model properties.
pub fn coerce(param: &str, ty: &str, v: &mut Value, depth: usize) -> Result<(), Error> {
    if depth > MAX_DEPTH || v.is_null() {
        return Ok(());
    }
    let unwrap = |w: &str| ty.strip_prefix(w).and_then(|t| t.strip_suffix('>'));
    if let Some(inner) = unwrap("Option<").or_else(|| unwrap("Box<")) {
        return coerce(param, inner, v, depth);
    }
    if let Some(inner) = unwrap("Vec<") {
        if let Value::Array(items) = v {
            for (i, item) in items.iter_mut().enumerate() {
                coerce(&format!("{param}[{i}]"), inner, item, depth + 1)?;
            }
        }
        return Ok(());
    }
    if let Value::String(s) = v {
        if let Some(value) = from_str(param, ty, s)? {
            *v = value;
        }
        return Ok(());
    }
    if let Value::Object(props) = v {
        let Some(model) = MODELS.iter().find(|m| m.name == ty) else { return Ok(()) };
        for f in model.fields {
            if let Some(value) = props.get_mut(&f.wire_name()) {
                coerce(&format!("{param}.{}", f.name), &f.type_name(), value, depth + 1)?;
            }
        }
    }
    Ok(())
}

fn to_value<T: serde::Serialize>(param: &str, v: &T) -> Result<Value, Error> {
    serde_json::to_value(v).map_err(|e| Error::invalid(param, e.to_string()))
}
