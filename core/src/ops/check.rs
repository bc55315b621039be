//! Checks of body values before any request exists, written once over the JSON a value becomes
//! (Graph's camelCase): the native client's typed values are checked as the JSON they are sent
//! as, and a binding that holds its callers' arguments as JSON (the npm package) checks them as
//! they are, with no typed model of its own. Errors name the parameter and the path inside it in
//! the table's snake_case (`event.start.date_time`), as every binding reports them.

use crate::error::Error;
use serde_json::Value;

/// A body value's own check; the default accepts anything its model's shape allows.
pub trait Check {
    fn check_json(_json: &Value, _param: &str) -> Result<(), Error> {
        Ok(())
    }
}

impl Check for String {}
impl Check for bool {}
impl Check for i64 {}
impl Check for f64 {}
impl Check for crate::odata::Query {}
impl Check for crate::DateTime {}

impl<T: Check> Check for Option<T> {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        if json.is_null() {
            return Ok(());
        }
        T::check_json(json, param)
    }
}

impl<T: Check> Check for Vec<T> {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        let items = json.as_array().map(Vec::as_slice).unwrap_or_default();
        items.iter().enumerate().try_for_each(|(i, v)| T::check_json(v, &format!("{param}[{i}]")))
    }
}

/// Property `key` of an object, unless absent or `null` (a model reads both as "not set").
pub(crate) fn field<'a>(json: &'a Value, key: &str) -> Option<&'a Value> {
    json.get(key).filter(|v| !v.is_null())
}

/// A text property, if set.
pub(crate) fn text<'a>(json: &'a Value, key: &str) -> Option<&'a str> {
    field(json, key).and_then(Value::as_str)
}

/// An integer property, if set.
pub(crate) fn int(json: &Value, key: &str) -> Option<i64> {
    field(json, key).and_then(Value::as_i64)
}

/// The elements of a list property (none when it is absent).
pub(crate) fn items<'a>(json: &'a Value, key: &str) -> &'a [Value] {
    field(json, key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default()
}

/// Checks property `key` (JSON name) as a `T`, naming it `{param}.{name}` (snake_case).
pub(crate) fn nested<T: Check>(json: &Value, key: &str, param: &str, name: &str) -> Result<(), Error> {
    match field(json, key) {
        Some(v) => T::check_json(v, &format!("{param}.{name}")),
        None => Ok(()),
    }
}

/// The address of a recipient-like object (`{"emailAddress": {"address": ...}}`).
pub(crate) fn address(json: &Value) -> Option<&str> {
    field(json, "emailAddress").and_then(|e| text(e, "address"))
}
