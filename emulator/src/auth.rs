//! Bearer tokens: `Authorization: Bearer emulator:<userPrincipalName>` signs in as that tenant user.

use crate::errors::{GraphError, Result};
use crate::tenant::{self, Obj, Tenant};
use axum::http::{header, HeaderMap};
use serde_json::Value;

/// The signed-in user of a request.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub id: String,
    pub user: Obj,
}

impl Caller {
    pub fn recipient(&self) -> Value {
        tenant::user_recipient(&self.user)
    }
}

/// The caller, or Graph's 401. The messages never repeat the token.
pub(crate) fn authenticate(headers: &HeaderMap, tenant: &Tenant) -> Result<Caller> {
    let value = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or("").trim();
    let token = match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        _ => "",
    };
    if token.is_empty() {
        return Err(GraphError::unauthorized("Access token is empty."));
    }
    let Some(upn) = token.strip_prefix("emulator:") else {
        // What Graph says about a token that is neither a JWT nor a compact token.
        return Err(GraphError::unauthorized("CompactToken parsing failed with error code: 80049217"));
    };
    match tenant.user_by_upn(upn.trim()) {
        Some(user) => Ok(Caller { id: tenant::id(user).to_string(), user: user.clone() }),
        None => Err(GraphError::unauthorized("Access token validation failure.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(auth: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(auth).unwrap());
        h
    }

    #[test]
    fn tokens_map_to_users() {
        let t = Tenant::seed();
        let c = authenticate(&with("Bearer emulator:member@contoso.test"), &t).unwrap();
        assert_eq!(tenant::text(&c.user, "userPrincipalName"), Some("member@contoso.test"));
        assert!(authenticate(&with("bearer emulator:MEMBER@contoso.test"), &t).is_ok());
    }

    #[test]
    fn bad_tokens_are_401_without_echo() {
        let t = Tenant::seed();
        for (auth, message) in [
            ("", "Access token is empty."),
            ("Basic abc", "Access token is empty."),
            ("Bearer ", "Access token is empty."),
            ("Bearer eyJ0eXAi", "CompactToken parsing failed with error code: 80049217"),
            ("Bearer emulator:nobody-secret@contoso.test", "Access token validation failure."),
        ] {
            let err = authenticate(&with(auth), &t).unwrap_err();
            assert_eq!((err.status.as_u16(), err.code.as_str()), (401, "InvalidAuthenticationToken"));
            assert_eq!(err.message, message);
            assert!(err.headers.iter().any(|(n, v)| n == "www-authenticate" && v.starts_with("Bearer ")));
        }
        assert!(authenticate(&HeaderMap::new(), &t).is_err());
    }
}
