//! Body arguments as JSON, for bindings that hold their callers' arguments as JSON rather than
//! as typed models (the npm package): which model a parameter's JSON is checked against, and the
//! plain-text shorthands the typed models accept too.

use super::schema::{HasSchema, Schema};
use super::{Post, Recipient};
use serde_json::{json, Value};

/// A parameter that is a model, a list of models, or an optional one of those.
pub trait ModelArg {
    /// The model's table.
    fn table() -> &'static Schema;
    /// A list of models.
    const LIST: bool = false;
    /// May be left out (`null`).
    const OPTIONAL: bool = false;
}

impl<T: ModelArg> ModelArg for Option<T> {
    fn table() -> &'static Schema {
        T::table()
    }
    const LIST: bool = T::LIST;
    const OPTIONAL: bool = true;
}

impl<T: ModelArg> ModelArg for Vec<T> {
    fn table() -> &'static Schema {
        T::table()
    }
    const LIST: bool = true;
}

/// The JSON of a model given as plain text, where the model has a shorthand: a post is its HTML
/// body (as `Post::from(&str)`), a recipient its address (as `Recipient::new`).
pub fn shorthand(table: &'static Schema, text: &str) -> Option<Value> {
    // By name: a table is a constant, which need not have one address.
    if table.name == <Post as HasSchema>::table().name {
        Some(json!({ "body": { "contentType": "html", "content": text } }))
    } else if table.name == <Recipient as HasSchema>::table().name {
        Some(json!({ "emailAddress": { "address": text } }))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthands_are_what_the_typed_models_make_of_text() {
        let post = shorthand(<Post as HasSchema>::table(), "<p>hi</p>");
        assert_eq!(post, Some(serde_json::to_value(Post::from("<p>hi</p>")).unwrap()));
        let to = shorthand(<Recipient as HasSchema>::table(), "a@contoso.com");
        assert_eq!(to, Some(serde_json::to_value(Recipient::new("a@contoso.com")).unwrap()));
        assert_eq!(shorthand(<super::super::Message as HasSchema>::table(), "x"), None);
    }
}
