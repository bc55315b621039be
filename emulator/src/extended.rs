//! Extended properties (`singleValueExtendedProperties`, `multiValueExtendedProperties`) sent
//! inline with a message or event, as python-o365 does on every event it saves. Graph takes them
//! there; the emulator checks their shape and does not keep them (reading them back takes an
//! `$expand` with a filter, which is not emulated).

use crate::errors::{GraphError, Result};
use serde_json::Value;

/// Whether `prop` is one of the two extended-property collections.
pub(crate) fn is_extended(prop: &str) -> bool {
    prop == "singleValueExtendedProperties" || prop == "multiValueExtendedProperties"
}

/// Checks a collection of extended properties: objects with an `id` naming a type and a
/// property, and a string `value` (single) or a collection of strings (multi).
pub(crate) fn check(prop: &str, v: &Value) -> Result<()> {
    let bad = |why: &str| GraphError::new(400, "BadRequest", format!("Invalid value for '{prop}': {why}"));
    let items = v.as_array().ok_or_else(|| bad("a collection is expected."))?;
    for item in items {
        let id = item.get("id").and_then(Value::as_str).ok_or_else(|| bad("each item needs a string 'id'."))?;
        // "{type} {propset guid} Name {name}" or "{type} {guid} Id {0x...}", or "{type} {tag}".
        let words: Vec<&str> = id.split_whitespace().collect();
        if words.len() < 2 || !words[0].chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(bad(&format!("'{id}' is not an extended property id.")));
        }
        let value_ok = match (prop, item.get("value")) {
            ("singleValueExtendedProperties", Some(v)) => v.is_string() || v.is_null(),
            (_, Some(Value::Array(values))) => values.iter().all(Value::is_string),
            _ => false,
        };
        if !value_ok {
            return Err(bad(&format!("the value of '{id}' has the wrong type.")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shapes_python_o365_sends_are_taken_and_others_refused() {
        let single = "singleValueExtendedProperties";
        let ok = json!([{"id": "Boolean {00020329-0000-0000-C000-000000000046} Name DoNotForward", "value": "false"}]);
        assert!(check(single, &ok).is_ok());
        let multi = json!([{"id": "StringArray {66f5a359-4659-4830-9070-00050ec6ac6e} Name Palette", "value": ["a"]}]);
        assert!(check("multiValueExtendedProperties", &multi).is_ok());
        for bad in [
            json!({}),
            json!([{"value": "x"}]),
            json!([{"id": "x", "value": "y"}]),
            json!([{"id": "String 0x1", "value": 3}]),
        ] {
            assert_eq!(check(single, &bad).unwrap_err().status, 400, "{bad}");
        }
    }
}
