//! Action parameters (`reply`, `forward`, `sendMail`, `getMailTips`...) as Graph reads them:
//! names match without regard to case, since the docs send `EmailAddresses` and Microsoft's SDKs
//! send the metadata's `emailAddresses`, `{"Post": ...}` or `{"post": ...}`.

use crate::errors::{GraphError, Result};
use crate::tenant::Obj;

/// The body's parameters under their declared names; an unknown or repeated one is Graph's 400.
pub(crate) fn action_params(body: Obj, operation: &str, names: &[&str]) -> Result<Obj> {
    let mut out = Obj::new();
    for (k, v) in body {
        if k.starts_with('@') {
            continue;
        }
        let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(&k)) else {
            return Err(GraphError::new(
                400,
                "BadRequest",
                format!("The parameter '{k}' in the request payload is not a valid parameter for the operation '{operation}'."),
            ));
        };
        if out.insert((*name).to_string(), v).is_some() {
            return Err(GraphError::new(
                400,
                "BadRequest",
                format!("The parameter '{name}' was specified more than once for the operation '{operation}'."),
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_match_without_case() {
        let Some(body) = json!({"EmailAddresses": ["a@b"], "mailtipsoptions": "x"}).as_object().cloned() else {
            unreachable!()
        };
        let p = action_params(body, "getMailTips", &["emailAddresses", "mailTipsOptions"]).unwrap();
        assert_eq!(p["emailAddresses"], json!(["a@b"]));
        assert_eq!(p["mailTipsOptions"], "x");
        let Some(twice) = json!({"Post": 1, "post": 2}).as_object().cloned() else { unreachable!() };
        assert!(action_params(twice, "reply", &["post"]).is_err());
        let Some(other) = json!({"colour": 1}).as_object().cloned() else { unreachable!() };
        assert!(action_params(other, "reply", &["post"]).unwrap_err().message.contains("'colour'"));
    }
}
