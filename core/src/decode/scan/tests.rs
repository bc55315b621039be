//! The scanner against the typed decoder (`model::read` over serde_json), rule by rule: every
//! case asserts that both give the same verdict and path, and what that verdict is.

use crate::model::schema::{Field, HasSchema, Kind, Nulls, Record, Schema, Slot};
use crate::model::Extra;
use crate::{Endpoint, Error, Page};
use serde_json::Value;

mod differential;
mod fill;

/// What every check here reads, named in its errors.
const WHAT: &str = "Thing";

/// Accepted, or the path of the refusal.
type Verdict = Result<(), String>;

/// A page's links as read: next, delta, count.
type Read = (Option<String>, Option<String>, Option<i64>);

/// A model with a field of every kind, nested in itself (`model`, `models`), for the rules that
/// no Graph model has a field for (no model holds `Values`).
#[derive(Debug, Default)]
struct Every {
    str: Option<String>,
    flag: Option<bool>,
    int: Option<i64>,
    float: Option<f64>,
    json: Option<Value>,
    bytes: Option<Vec<u8>>,
    strings: Option<Vec<String>>,
    values: Option<Vec<Value>>,
    model: Option<Box<Every>>,
    models: Option<Vec<Every>>,
    extra: Extra,
    nulls: Nulls,
}

const fn known(wire: &'static [u8], kind: Kind) -> Field {
    Field { wire, kind, nested: None }
}

static EVERY: Schema = Schema {
    name: "Every",
    fields: &[
        known(b"str", Kind::Str),
        known(b"flag", Kind::Bool),
        known(b"int", Kind::Int),
        known(b"float", Kind::Float),
        known(b"json", Kind::Json),
        known(b"bytes", Kind::Bytes),
        known(b"strings", Kind::Strings),
        known(b"values", Kind::Values),
        Field { wire: b"model", kind: Kind::Model, nested: Some(Every::table) },
        Field { wire: b"models", kind: Kind::Models, nested: Some(Every::table) },
    ],
};

impl HasSchema for Every {
    fn table() -> &'static Schema {
        &EVERY
    }
}

impl Record for Every {
    fn schema(&self) -> &'static Schema {
        &EVERY
    }
    fn slot(&mut self, i: usize) -> Option<&mut dyn Slot> {
        Some(match i {
            0 => &mut self.str,
            1 => &mut self.flag,
            2 => &mut self.int,
            3 => &mut self.float,
            4 => &mut self.json,
            5 => &mut self.bytes,
            6 => &mut self.strings,
            7 => &mut self.values,
            8 => &mut self.model,
            9 => &mut self.models,
            _ => return None,
        })
    }
    fn slot_ref(&self, _: usize) -> Option<&dyn Slot> {
        None
    }
    fn extra(&self) -> &Extra {
        &self.extra
    }
    fn extra_mut(&mut self) -> &mut Extra {
        &mut self.extra
    }
    fn nulls(&self) -> Nulls {
        self.nulls
    }
    fn nulls_mut(&mut self) -> &mut Nulls {
        &mut self.nulls
    }
}

impl<'de> serde::Deserialize<'de> for Every {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut out = Every::default();
        d.deserialize_map(crate::model::read::Fill(&mut out))?;
        Ok(out)
    }
}

fn verdict<T>(r: Result<T, Error>) -> Result<T, String> {
    r.map_err(|e| match e {
        Error::Decode { what, path, source } => {
            assert_eq!(what, WHAT);
            assert!(source.contains(" at line "), "{source}");
            path
        }
        other => panic!("not a decode error: {other}"),
    })
}

/// The scanner's verdict on `body`, an object of `table`'s model or (`page`) a page of them.
fn scanned(table: &'static Schema, page: bool, body: &[u8]) -> Result<Read, String> {
    if page {
        verdict(super::page(WHAT, table, body)).map(|l| (l.next_link, l.delta_link, l.count))
    } else {
        verdict(super::item(WHAT, table, body)).map(|()| Read::default())
    }
}

/// The typed decoder's.
fn typed<M: Record + Default + serde::de::DeserializeOwned>(page: bool, body: &[u8]) -> Result<Read, String> {
    if page {
        let page = verdict(crate::decode::body::<Page<M>>(&Endpoint::default(), WHAT, body))?;
        Ok((page.next_link, page.delta_link, page.count))
    } else {
        verdict(crate::decode::fill(WHAT, body, &mut M::default())).map(|()| Read::default())
    }
}

/// Both on `body`: they must agree; the verdict.
fn both<M: Record + Default + HasSchema + serde::de::DeserializeOwned>(page: bool, body: &[u8]) -> Verdict {
    let scanned = scanned(M::table(), page, body);
    assert_eq!(scanned, typed::<M>(page, body), "{}", String::from_utf8_lossy(body));
    scanned.map(drop)
}

fn every(body: impl AsRef<[u8]>) -> Verdict {
    both::<Every>(false, body.as_ref())
}

fn every_page(body: impl AsRef<[u8]>) -> Verdict {
    both::<Every>(true, body.as_ref())
}

fn at(path: &str) -> Verdict {
    Err(path.to_string())
}

/// `{"<key>": <value>}` with `value` as raw bytes.
fn member(key: &str, value: &[u8]) -> Vec<u8> {
    [format!("{{\"{key}\":").as_bytes(), value, b"}"].concat()
}

#[test]
fn whitespace_is_json_s_four_bytes_between_tokens() {
    assert_eq!(every(" \t\r\n{ \"str\" \n:\t\"x\" ,\r\"int\" : 1 ,\"other\" : [ 1 , { } ] } \n"), Ok(()));
    assert_eq!(every("{\"str\":\"x\"}\x0c"), at(""));
    assert_eq!(every("{\x0c\"str\":\"x\"}"), at(""));
    assert_eq!(every("{\"str\"\x0b:\"x\"}"), at("str"));
    assert_eq!(every("{\"other\":[1\x0c]}"), at("other"));
    assert_eq!(every("\u{feff}{}"), at(""));
    assert_eq!(every(""), at(""));
    assert_eq!(every("   "), at(""));
    assert_eq!(every("{} {}"), at(""));
    assert_eq!(every("[]"), at(""));
    assert_eq!(every("null"), at(""));
}

#[test]
fn objects_refuse_what_serde_json_refuses_where_it_does() {
    assert_eq!(every(r#"{"model":{"str":"x",}}"#), at("model"));
    assert_eq!(every(r#"{"model":{"str" "x"}}"#), at("model.str"));
    assert_eq!(every(r#"{"model":{"str":}}"#), at("model.str"));
    assert_eq!(every(r#"{"model":{"str":"x" "int":1}}"#), at("model"));
    assert_eq!(every(r#"{"model":{1:2}}"#), at("model"));
    assert_eq!(every(r#"{"model":{,}}"#), at("model"));
    assert_eq!(every(r#"{"model":{"str":"x"}"#), at(""));
    assert_eq!(every(r#"{"model":{"str":"x""#), at("model"));
    assert_eq!(every(r#"{"model":{"str""#), at("model.str"));
    assert_eq!(every(r#"{"model":{"#), at("model"));
    assert_eq!(every(r#"{"model":"#), at("model"));
    assert_eq!(every(r#"{"int":12x}"#), at(""));
    assert_eq!(every(r#"{"model":{"flag":truex}}"#), at("model"));
    assert_eq!(every(r#"{"model":{"flag":true}}}"#), at(""));
    // Duplicates are each read.
    assert_eq!(every(r#"{"int":1,"int":"x"}"#), at("int"));
    assert_eq!(every(r#"{"int":1,"int":2,"other":1,"other":[]}"#), Ok(()));
}

#[test]
fn strings_follow_serde_json_s_rules_wherever_they_are() {
    let good: [&[u8]; 5] = [
        br#""""#,
        br#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \uD83D\uDE00 \uffff""#,
        "\"\x7f é 日本 😀\"".as_bytes(),
        br#""\u0000 \u001f""#,
        b"\"\xf4\x8f\xbf\xbf\"",
    ];
    for g in good {
        assert_eq!(every([br#"{"str":"#, g, br#","other":"#, g, br#","strings":["#, g, b"]}"].concat()), Ok(()));
        assert_eq!(every([b"{", g, b":1}"].concat()), Ok(()));
    }
    let bad: [&[u8]; 17] = [
        br#""\x""#,
        br#""\u12G4""#,
        br#""\U0041""#,
        b"\"a\x01b\"",
        b"\"tab\there\"",
        br#""\ud800""#,
        br#""\ud800x""#,
        br#""\ud800\u0041""#,
        br#""\ud800\ud800""#,
        br#""\ud800\n""#,
        br#""\udc00""#,
        br#""\u00"#,
        b"\"\xff\"",
        b"\"\xc0\xaf\"",
        b"\"\xed\xa0\x80\"",
        b"\"\xe2\x82\"",
        b"\"abc",
    ];
    for b in bad {
        let show = String::from_utf8_lossy(b);
        assert_eq!(every(member("str", b)), at("str"), "{show}");
        assert_eq!(every(member("other", b)), at("other"), "{show}");
        assert_eq!(every(member("json", &[b"{\"k\":[", b, b"]}"].concat())), at("json"), "{show}");
        assert_eq!(every(member("strings", &[b"[\"a\",", b, b"]"].concat())), at("strings[1]"), "{show}");
        assert_eq!(every(member("values", &[b"[1,", b, b"]"].concat())), at("values[1]"), "{show}");
        assert_eq!(every(member("bytes", b)), at("bytes"), "{show}");
        // In a key, the refusal is the object's.
        assert_eq!(every(member("model", &[b"{", b, b":1}"].concat())), at("model"), "{show}");
        assert_eq!(every_page([b"{\"value\":[],", b, b":1}"].concat()), at(""), "{show}");
    }
}

#[test]
fn escaped_keys_are_the_keys_they_spell() {
    assert_eq!(every(r#"{"\u0069nt":"x"}"#), at("int"));
    assert_eq!(every(r#"{"mod\u0065l":{"str":1}}"#), at("model.str"));
    assert_eq!(every(r#"{"mod\u0065l":{"str":"x"},"\u0069nt":5}"#), Ok(()));
    assert_eq!(every(r#"{"a\"b":{"str":1}}"#), Ok(()));
    assert_eq!(every_page(r#"{"\u0076alue":[{"int":"x"}]}"#), at("value[0].int"));
    assert_eq!(every_page(r#"{"\u0076alue":[]}"#), Ok(()));
    assert_eq!(every_page(r#"{"@odata.\u0063ount":"x","value":[]}"#), at("@odata.count"));
}

#[test]
fn ints_are_what_i64_deserialize_takes() {
    let good = ["0", "-1", "7", "9223372036854775807", "-9223372036854775808", "12 ", "null"];
    for g in good {
        assert_eq!(every(format!(r#"{{"int":{g}}}"#)), Ok(()), "{g}");
        assert_eq!(every_page(format!(r#"{{"value":[],"@odata.count":{g}}}"#)), Ok(()), "{g}");
    }
    let bad = [
        "-0",
        "1.0",
        "1e2",
        "1E2",
        "0e0",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "-18446744073709551616",
        "01",
        "-",
        "+1",
        "1.",
        ".5",
        "\"1\"",
        "true",
        "[]",
        "{}",
        "nul",
        "",
    ];
    for b in bad {
        assert_eq!(every(format!(r#"{{"int":{b}}}"#)), at("int"), "{b}");
        assert_eq!(every_page(format!(r#"{{"value":[],"@odata.count":{b}}}"#)), at("@odata.count"), "{b}");
    }
}

#[test]
fn other_numbers_are_finite_doubles() {
    let nines = format!("1{}", "0".repeat(308));
    let too_many = format!("1{}", "0".repeat(309));
    let small = format!("0.{}1e310", "0".repeat(20));
    let good = [
        "0",
        "-0",
        "1.5",
        "-1.5e-3",
        "1E+2",
        "1e308",
        "1.7976931348623157e308",
        "1e-400",
        "0e99999999999999999999",
        "0.0e400",
        "123456789012345678901234567890",
        nines.as_str(),
        small.as_str(),
        "18446744073709551616",
    ];
    for g in good {
        assert_eq!(every(format!(r#"{{"float":{g},"other":[{g}],"values":[{g}],"json":{g}}}"#)), Ok(()), "{g}");
    }
    let bad = [
        "1e309",
        "-1e400",
        "1.8e308",
        "1.7976931348623159e308",
        "1e99999999999999999999",
        too_many.as_str(),
        "1.",
        "1.e5",
        "1e",
        "1e+",
        "-",
        "-a",
        "01",
        "-01",
        ".5",
        "+1",
    ];
    for b in bad {
        assert_eq!(every(format!(r#"{{"float":{b}}}"#)), at("float"), "{b}");
        assert_eq!(every(format!(r#"{{"other":{b}}}"#)), at("other"), "{b}");
        assert_eq!(every(format!(r#"{{"values":[1,{b}]}}"#)), at("values[1]"), "{b}");
        assert_eq!(every(format!(r#"{{"json":{{"a":[{b}]}}}}"#)), at("json"), "{b}");
    }
    // What follows a number is the enclosing container's business.
    assert_eq!(every(r#"{"float":1.5.3}"#), at(""));
    assert_eq!(every(r#"{"values":[1.5.3]}"#), at("values[1]"));
}

#[test]
fn every_kind_takes_null_and_refuses_other_kinds() {
    let names = ["str", "flag", "int", "float", "json", "bytes", "strings", "values", "model", "models", "other"];
    let nulls: Vec<String> = names.iter().map(|n| format!(r#""{n}":null"#)).collect();
    assert_eq!(every(format!("{{{}}}", nulls.join(","))), Ok(()));
    let good = [
        ("str", r#""x""#),
        ("flag", "true"),
        ("flag", "false"),
        ("int", "3"),
        ("float", "3"),
        ("json", r#"{"a":[1,"b",null,true,{}]}"#),
        ("json", "[]"),
        ("json", "7"),
        ("bytes", r#""aGVsbG8=""#),
        ("strings", r#"["a","b"]"#),
        ("strings", "[]"),
        ("values", r#"[1,"a",null,[{}]]"#),
        ("model", r#"{"str":"x","model":{"int":1}}"#),
        ("model", "{}"),
        ("models", r#"[{"int":1},{}]"#),
        ("models", "[]"),
    ];
    for (name, value) in good {
        assert_eq!(every(format!(r#"{{"{name}":{value}}}"#)), Ok(()), "{name}: {value}");
    }
    let wrong = ["\"x\"", "true", "1", "1.5", "[]", "{}", "[\"a\"]", "[{}]", "tru", "nul", "x", "]"];
    for name in names {
        for value in wrong {
            let body = format!(r#"{{"{name}":{value}}}"#);
            let v = every(&body);
            assert!(v.as_ref().map_or_else(|p| p.starts_with(name), |()| true), "{body}: {v:?}");
        }
    }
    assert_eq!(every(r#"{"flag":"true"}"#), at("flag"));
    assert_eq!(every(r#"{"str":1}"#), at("str"));
    assert_eq!(every(r#"{"model":[]}"#), at("model"));
    assert_eq!(every(r#"{"models":{}}"#), at("models"));
    assert_eq!(every(r#"{"strings":"a"}"#), at("strings"));
    assert_eq!(every(r#"{"values":{}}"#), at("values"));
}

#[test]
fn lists_name_the_index_of_what_did_not_fit() {
    assert_eq!(every(r#"{"strings":[null]}"#), at("strings[0]"));
    assert_eq!(every(r#"{"strings":["a",1]}"#), at("strings[1]"));
    assert_eq!(every(r#"{"strings":["a",]}"#), at("strings[1]"));
    assert_eq!(every(r#"{"strings":["a" "b"]}"#), at("strings[1]"));
    assert_eq!(every(r#"{"strings":["a""#), at("strings[1]"));
    assert_eq!(every(r#"{"strings":["#), at("strings[0]"));
    assert_eq!(every(r#"{"strings":[,"a"]}"#), at("strings[0]"));
    assert_eq!(every(r#"{"values":[1,]}"#), at("values[1]"));
    assert_eq!(every(r#"{"values":[[1,]]}"#), at("values[0]"));
    assert_eq!(every(r#"{"models":[null]}"#), at("models[0]"));
    assert_eq!(every(r#"{"models":[{"int":1.5}]}"#), at("models[0].int"));
    assert_eq!(every(r#"{"models":[{},]}"#), at("models[1]"));
    assert_eq!(every(r#"{"models":[{} {}]}"#), at("models[1]"));
    assert_eq!(every(r#"{"models":[{},5]}"#), at("models[1]"));
    assert_eq!(every(r#"{"models":[{},{"models":[{},{"strings":[1]}]}]}"#), at("models[1].models[1].strings[0]"));
    assert_eq!(every(r#"{"other":[1,]}"#), at("other"));
    assert_eq!(every(r#"{"other":{"a":[{"b":1,}]}}"#), at("other"));
}

#[test]
fn bytes_are_base64_as_the_decoder_reads_it() {
    let good = [
        r#""""#,
        r#""aGVsbG8=""#,
        r#""aGVsbA==""#,
        r#""aGVsbG9v""#,
        r#"" aGVsbG8=  ""#,
        r#""\naGVsbG8=\t""#,
        r#""\u0061GVsbG8=""#,
        r#""\u00a0aGVsbG8=\u3000""#,
        "\"\u{a0}aGVsbG8=\"",
        r#""aGVs\/G8=""#,
        r#""aGVsbG8=\u000b""#,
    ];
    for g in good {
        assert_eq!(every(format!(r#"{{"bytes":{g}}}"#)), Ok(()), "{g}");
    }
    let bad = [
        r#""aGVsbG8""#,
        r#""aGVsbG9=""#,
        r#""aGVsbA=A""#,
        r#""a GVsbG8=""#,
        r#""====""#,
        r#""A===""#,
        r#""aGVsbG8=\u0000""#,
        r#""aGVsbG8=é""#,
        r#""aGVs-G8=""#,
        "1",
        "[]",
    ];
    for b in bad {
        assert_eq!(every(format!(r#"{{"bytes":{b}}}"#)), at("bytes"), "{b}");
    }
    let err = super::item(WHAT, &EVERY, br#"{"bytes":"aGVsbG8"}"#).unwrap_err().to_string();
    assert!(err.contains("invalid base64: its length (7) is not a multiple of 4"), "{err}");
}

/// serde_json refuses the 128th nested array or object; models nest `MAX_DEPTH` deep at most.
#[test]
fn nesting_is_refused_where_the_decoder_refuses_it() {
    for n in 120..130 {
        let deep = format!(r#"{{"other":{}{}}}"#, "[".repeat(n), "]".repeat(n));
        let want = if n < 127 { Ok(()) } else { at("other") };
        assert_eq!(every(&deep), want, "{n} arrays");
        let deep = format!(r#"{{"values":[{}{}]}}"#, "{\"a\":".repeat(n), "}".repeat(n)).replace(":}", ":1}");
        assert_eq!(every(&deep).is_ok(), n < 126, "{n} objects");
    }
    let chain = |n: usize| format!("{}{{}}{}", r#"{"model":"#.repeat(n), "}".repeat(n));
    for n in 58..70 {
        let v =
            std::thread::Builder::new().stack_size(16 << 20).spawn(move || every(chain(n))).unwrap().join().unwrap();
        assert_eq!(v.is_ok(), n < crate::decode::MAX_DEPTH, "{n} models: {v:?}");
    }
    let err = super::item(WHAT, &EVERY, chain(64).as_bytes()).unwrap_err().to_string();
    assert!(err.contains("nesting deeper than 64 levels"), "{err}");
    // Lists of models count twice toward serde_json's limit: it stops them first.
    let lists = |n: usize| format!("{}{{}}{}", r#"{"models":["#.repeat(n), "]}".repeat(n));
    for n in 60..66 {
        let v =
            std::thread::Builder::new().stack_size(16 << 20).spawn(move || every(lists(n))).unwrap().join().unwrap();
        assert_eq!(v.is_ok(), n < 64, "{n} lists: {v:?}");
    }
}

#[test]
fn pages_need_their_items_and_read_their_annotations() {
    assert_eq!(every_page(r#"{"value":[]}"#), Ok(()));
    assert_eq!(every_page(r#"{"value":[{"int":1},{"models":[{}]}],"@odata.context":"c"}"#), Ok(()));
    assert_eq!(every_page(r#"{}"#), at(""));
    assert_eq!(every_page(r#"{"@odata.nextLink":"x"}"#), at(""));
    assert_eq!(every_page(r#"{"value":null}"#), at("value"));
    assert_eq!(every_page(r#"{"value":{}}"#), at("value"));
    assert_eq!(every_page(r#"{"value":[1]}"#), at("value[0]"));
    assert_eq!(every_page(r#"{"value":[{"int":"x"}]}"#), at("value[0].int"));
    assert_eq!(every_page(r#"{"value":[],"value":null}"#), at("value"));
    assert_eq!(every_page(r#"{"value":[],"@odata.nextLink":5}"#), at("@odata.nextLink"));
    assert_eq!(every_page(r#"{"value":[],"@odata.deltaLink":[]}"#), at("@odata.deltaLink"));
    assert_eq!(every_page(r#"{"value":[],"@odata.context":{}}"#), at("@odata.context"));
    assert_eq!(every_page(r#"{"value":[],"@odata.context":null,"@odata.nextLink":null}"#), Ok(()));
    assert_eq!(every_page(r#"{"value":[],"@odata.tips":[1e400]}"#), at("@odata.tips"));
    assert_eq!(every_page(r#"{"value":[],"other":{"deep":[{"x":null}]}}"#), Ok(()));
    assert_eq!(every_page(r#"[]"#), at(""));
    assert_eq!(every_page(r#""value""#), at(""));
    assert_eq!(every_page(r#"{"value":[]} x"#), at(""));
    assert_eq!(every_page(r#"{"value":[],}"#), at(""));
    // The links, as the typed page reads them (escapes undone; the last one wins).
    let body = br#"{"@odata.nextLink":"https:\/\/x\/y?a=\u0031","value":[],"@odata.deltaLink":"d","@odata.count":41,
        "@odata.deltaLink":"e"}"#;
    let links = scanned(&EVERY, true, body);
    assert_eq!(links, typed::<Every>(true, body));
    assert_eq!(links, Ok((Some("https://x/y?a=1".into()), Some("e".into()), Some(41))));
    let body = br#"{"@odata.nextLink":"n","value":[],"@odata.nextLink":null,"@odata.count":null}"#;
    assert_eq!(scanned(&EVERY, true, body), Ok((None, None, None)));
}

#[test]
fn refusals_say_what_and_where() {
    let err = super::item(WHAT, &EVERY, b"{\n  \"models\": [{}, {\"int\": 1.5}]\n}").unwrap_err();
    let Error::Decode { what, path, source } = err else { panic!("{err:?}") };
    assert_eq!((what.as_str(), path.as_str()), (WHAT, "models[1].int"));
    assert_eq!(source, "invalid type: number, expected i64 at line 2 column 26");
    let err = super::item(WHAT, &EVERY, br#"{"model": []}"#).unwrap_err().to_string();
    assert!(err.ends_with("at model: invalid type: sequence, expected an object at line 1 column 11"), "{err}");
}

#[test]
fn the_quick_base64_test_agrees_with_the_decoder() {
    let alphabet = b"AQgw+/=a9 -";
    let mut seed = 1u32;
    for len in 0..14 {
        for _ in 0..400 {
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    alphabet[(seed >> 16) as usize % alphabet.len()]
                })
                .collect();
            let s = std::str::from_utf8(&text).unwrap();
            assert_eq!(super::is_base64(&text), crate::base64::decode(s).is_ok(), "{s:?}");
        }
    }
}

#[test]
fn the_eight_byte_test_finds_the_first_byte_that_needs_a_look() {
    for at in 0..8 {
        for c in 0..=255u8 {
            let mut w = [b'a'; 8];
            w[at] = c;
            let needs = c < 0x20 || c == b'"' || c == b'\\';
            let flagged = super::notable(u64::from_le_bytes(w));
            assert_eq!(flagged != 0, needs, "{c:#x} at {at}");
            if needs {
                assert_eq!(flagged.trailing_zeros() as usize / 8, at, "{c:#x} at {at}");
                // Whatever follows it.
                for (later, d) in (at + 1..8).flat_map(|l| [0u8, 0x1f, b'"', b'\\', 0x80, 0xff].map(|d| (l, d))) {
                    let mut v = w;
                    v[later] = d;
                    assert_eq!(
                        super::notable(u64::from_le_bytes(v)).trailing_zeros() as usize / 8,
                        at,
                        "{c:#x} at {at}"
                    );
                }
            }
        }
    }
}
