//! A JSON body as text for serde_json. Reading bytes, serde_json checks UTF-8 once per string,
//! keys included: a sixth of the typed decode's instructions, mostly the cost of a call per short
//! string. Checked once for the whole body and read as `str` (which serde_json trusts), the same
//! check costs a fraction of that.

use std::borrow::Cow;

pub(crate) struct Text<'a> {
    text: Cow<'a, str>,
    /// Where the first byte that is not UTF-8 was, when there was one.
    bad: Option<usize>,
}

impl<'a> Text<'a> {
    pub(crate) fn of(bytes: &'a [u8]) -> Self {
        match std::str::from_utf8(bytes) {
            Ok(text) => Text { text: Cow::Borrowed(text), bad: None },
            Err(e) => Text::patched(bytes, e.valid_up_to()),
        }
    }

    /// Each byte that is not UTF-8 becomes a control character, which serde_json refuses anywhere
    /// in JSON, so the body is refused where the bytes were (in the same string: the same path),
    /// and no later than serde_json would have refused the bytes themselves.
    #[cold]
    fn patched(bytes: &[u8], first: usize) -> Self {
        let mut out = bytes.to_vec();
        let mut at = first;
        while let Err(e) = std::str::from_utf8(&out[at..]) {
            let start = at + e.valid_up_to();
            let end = e.error_len().map_or(out.len(), |n| start + n);
            out[start..end].fill(0x01);
            at = end;
        }
        Text { text: Cow::Owned(String::from_utf8_lossy(&out).into_owned()), bad: Some(first) }
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// serde_json's error, in the words it uses for bytes that are not UTF-8 when it stopped at
    /// the first of them.
    pub(crate) fn reword(&self, e: serde_json::Error) -> String {
        let said = e.to_string();
        let Some(bad) = self.bad else { return said };
        let before = &self.text.as_bytes()[..bad];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = bad - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        let here = e.line() == line && (e.column() == column || e.column() + 1 == column);
        if here && said.starts_with("control character") {
            return format!("invalid unicode code point at line {line} column {column}");
        }
        said
    }
}

/// A whole JSON body as a `serde_json::Value`, through the same text reader as the models (one
/// copy of serde_json's `Value` reader in the npm package's wasm, not one per reader).
pub(crate) fn value<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let text = Text::of(bytes);
    serde_json::from_str(text.as_str()).map_err(|e| text.reword(e))
}

#[cfg(test)]
mod tests {
    use crate::decode::checked::{check_json, Checked};
    use crate::model::Message;
    use crate::{Error, OpKind};

    fn refusal<T>(r: Result<T, Error>) -> (String, String) {
        match r {
            Err(Error::Decode { path, source, .. }) => (path, source),
            Err(e) => panic!("not a decode error: {e}"),
            Ok(_) => panic!("accepted"),
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_serde_jsons_words_and_the_path() {
        let body = b"{\"id\":\"m1\",\n\"from\":{\"emailAddress\":{\"address\":\"a\xff@b.c\"}}}";
        // What serde_json says reading the bytes itself.
        let direct = serde_json::from_slice::<serde_json::Value>(body).unwrap_err().to_string();
        assert_eq!(direct, "invalid unicode code point at line 2 column 37");
        let typed = refusal(crate::decode::fill("Message", body, &mut Message::default()));
        assert_eq!(typed, ("from.emailAddress.address".to_string(), direct.clone()));
        let checked = refusal(check_json("Message", OpKind::Item, Message::table(), body));
        assert_eq!(checked.0, typed.0);
        assert!(checked.1.starts_with("invalid unicode code point at line 2 column"), "{}", checked.1);
    }

    #[test]
    fn the_checker_refuses_them_in_unknown_properties_as_the_typed_reader_does() {
        let body = b"{\"id\":\"m1\",\"other\":[\"\xc3\"]}";
        let typed = refusal(crate::decode::fill("Message", body, &mut Message::default()));
        assert_eq!(typed.0, "other");
        assert!(typed.1.starts_with("invalid unicode code point"), "{}", typed.1);
        assert_eq!(refusal(check_json("Message", OpKind::Item, Message::table(), body)).0, "other");
    }

    #[test]
    fn outside_strings_the_error_is_serde_jsons_own() {
        for body in [&b"{\"id\":\"m1\"}\xfe"[..], b"{\"id\":\xe2\x82}", b"\xef\xbb\xbf{}"] {
            let direct = serde_json::from_slice::<serde_json::Value>(body).unwrap_err().to_string();
            let typed = refusal(crate::decode::fill("Message", body, &mut Message::default()));
            assert_eq!(typed.1, direct, "{}", String::from_utf8_lossy(body));
        }
    }
}
