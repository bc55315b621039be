//! `$search`: quoted clauses, `"property:term"` or `"term"`, joined by `AND` / `OR`. A term
//! matches where a word of the property starts with it, ignoring case (Graph tokenizes the same way).

use crate::schema::Kind;
use crate::tenant::Obj;
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Search {
    clauses: Vec<(Option<String>, String)>,
    any: bool,
}

impl Search {
    pub fn parse(value: &str) -> Result<Search, String> {
        let bad = || format!("Syntax error in $search query '{value}'. Clauses are quoted: \"displayName:term\".");
        let mut clauses = Vec::new();
        let mut joiners = Vec::new();
        let mut rest = value.trim();
        while !rest.is_empty() {
            let inner = rest.strip_prefix('"').ok_or_else(bad)?;
            let end = inner.find('"').ok_or_else(bad)?;
            let clause = &inner[..end];
            let parsed = match clause.split_once(':') {
                Some((prop, term)) if !prop.trim().is_empty() => {
                    (Some(prop.trim().to_string()), term.trim().to_string())
                }
                _ => (None, clause.trim().to_string()),
            };
            if parsed.1.is_empty() {
                return Err(bad());
            }
            clauses.push(parsed);
            rest = inner[end + 1..].trim_start();
            if rest.is_empty() {
                break;
            }
            let (word, after) = rest.split_once(char::is_whitespace).ok_or_else(bad)?;
            match word {
                "AND" | "OR" => joiners.push(word == "OR"),
                _ => return Err(bad()),
            }
            rest = after.trim_start();
        }
        if clauses.is_empty() || joiners.windows(2).any(|w| w[0] != w[1]) {
            return Err(bad());
        }
        Ok(Search { clauses, any: joiners.first().copied().unwrap_or(false) })
    }

    pub fn matches(&self, item: &Obj, kind: Kind) -> bool {
        let test = |(prop, term): &(Option<String>, String)| match prop {
            Some(p) => item.get(p).is_some_and(|v| value_matches(v, term)),
            None => default_fields(kind).iter().any(|p| lookup(item, p).is_some_and(|v| value_matches(v, term))),
        };
        if self.any {
            self.clauses.iter().any(test)
        } else {
            self.clauses.iter().all(test)
        }
    }
}

/// What an unqualified term searches.
fn default_fields(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Group => &["displayName", "description", "mail", "mailNickname"],
        Kind::User | Kind::DirectoryObject => &["displayName", "mail", "userPrincipalName", "givenName", "surname"],
        Kind::Conversation | Kind::Thread => &["topic", "preview"],
        Kind::Post => &["body/content"],
        Kind::Attachment | Kind::DriveItem => &["name"],
        // Outlook searches subject, body and sender when no property is named.
        Kind::Message => &["subject", "body/content", "from/emailAddress/name", "from/emailAddress/address"],
        Kind::MailFolder | Kind::MessageRule => &["displayName"],
        Kind::InferenceOverride => &["senderEmailAddress/address"],
        Kind::Event => &["subject", "body/content", "organizer/emailAddress/name"],
        Kind::Calendar | Kind::CalendarGroup => &["name"],
        Kind::Place => &["displayName", "emailAddress", "building"],
        Kind::CalendarPermission => &["emailAddress/address", "emailAddress/name"],
    }
}

fn lookup<'a>(item: &'a Obj, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('/');
    let mut v = item.get(parts.next()?)?;
    for p in parts {
        v = v.get(p)?;
    }
    Some(v)
}

fn value_matches(v: &Value, term: &str) -> bool {
    match v {
        Value::String(s) => word_prefix(s, term),
        Value::Array(a) => a.iter().any(|x| value_matches(x, term)),
        // `from:ada` reads every text inside the recipient (name and address).
        Value::Object(o) => o.iter().any(|(k, x)| k != "contentType" && value_matches(x, term)),
        _ => false,
    }
}

fn word_prefix(text: &str, term: &str) -> bool {
    let text = text.to_lowercase();
    let term = term.to_lowercase();
    text.match_indices(&term).any(|(i, _)| text[..i].chars().next_back().map_or(true, |c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_and_matches_word_prefixes() {
        let Value::Object(g) = json!({"displayName": "Contoso Marketing", "mail": "marketing@contoso.test"}) else {
            unreachable!()
        };
        let yes = |s: &str| Search::parse(s).unwrap().matches(&g, Kind::Group);
        assert!(yes("\"displayName:market\""));
        assert!(!yes("\"displayName:arketing\""));
        assert!(yes("\"displayName:contoso\" AND \"mail:marketing\""));
        assert!(yes("\"displayName:nope\" OR \"mail:contoso\""));
        assert!(yes("\"mark\""));
        for bad in ["displayName:x", "\"x", "\"a\" NEAR \"b\"", "\"a\" AND \"b\" OR \"c\"", "\"\"", ""] {
            assert!(Search::parse(bad).is_err(), "{bad}");
        }
    }
}
