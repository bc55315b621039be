//! Arguments of routed operations as the core's one request builder takes them (`BodyArg`):
//! a model, a list of models or an optional one stays JSON, checked against the model's table
//! and by the model's own check in the core, so the package carries no typed model, no decoder
//! and no encoder for its arguments; ids, options and plain values convert as themselves.

use crate::{arg_error, from_js_json, json_text, missing, type_error, Arg};
use js_sys::Array;
use o365kit::decode::checked::check_json;
use o365kit::decode::FromJson;
use o365kit::model::arg::{shorthand, ModelArg};
use o365kit::model::schema::Schema;
use o365kit::ops::route::{BodyArg, Check};
use o365kit::{Error, OpKind};
use serde_json::Value;
use std::any::Any;
use std::marker::PhantomData;
use wasm_bindgen::{JsCast, JsValue};

/// A JS argument as a `T` of the table, boxed for the request builder. Autoref specialisation,
/// called as `(&&Boxing::<T>(PhantomData)).boxed(..)`: models as JSON first (`AsModel`), then
/// the binding's own conversions (`AsArg`), then the core's decoder of plain values (`AsValue`).
pub(crate) struct Boxing<T>(pub PhantomData<T>);

type Boxed = Result<Box<dyn BodyArg>, JsValue>;

pub(crate) trait AsModel {
    fn boxed(&self, param: &'static str, v: JsValue) -> Boxed;
}

impl<T: ModelArg + Check + 'static> AsModel for &Boxing<T> {
    fn boxed(&self, param: &'static str, v: JsValue) -> Boxed {
        Ok(Box::new(JsonArg::<T>(model_json::<T>(param, v)?, PhantomData)))
    }
}

pub(crate) trait AsArg {
    fn boxed(&self, param: &'static str, v: JsValue) -> Boxed;
}

impl<T: Arg + BodyArg + 'static> AsArg for &&Boxing<T> {
    fn boxed(&self, param: &'static str, v: JsValue) -> Boxed {
        Ok(Box::new(T::from_js(param, v)?))
    }
}

pub(crate) trait AsValue {
    fn boxed(&self, param: &'static str, v: JsValue) -> Boxed;
}

impl<T: FromJson + BodyArg + 'static> AsValue for Boxing<T> {
    fn boxed(&self, param: &'static str, v: JsValue) -> Boxed {
        if missing(&v) {
            // `None` for an optional value; a required one says that it is required.
            let none = T::from_json(param, b"null").map_err(|_| type_error(param, "is required"))?;
            return Ok(Box::new(none));
        }
        Ok(Box::new(from_js_json::<T>(param, v)?))
    }
}

/// A model argument as the JSON the caller gave, checked against its table.
struct JsonArg<T>(Value, PhantomData<T>);

impl<T: Check + 'static> BodyArg for JsonArg<T> {
    fn check_json(&self, json: &Value, param: &str) -> Result<(), Error> {
        T::check_json(json, param)
    }
    fn to_json(&self, _: &str) -> Result<Value, Error> {
        Ok(self.0.clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A model argument (or a list or option of them) as checked JSON.
pub(crate) fn model_json<T: ModelArg>(param: &str, v: JsValue) -> Result<Value, JsValue> {
    if missing(&v) {
        return if T::OPTIONAL { Ok(Value::Null) } else { Err(type_error(param, "is required")) };
    }
    if !T::LIST {
        return one(param, T::table(), v);
    }
    if !Array::is_array(&v) {
        return Err(type_error(param, &format!("must be an array of {} objects", T::table().name)));
    }
    let list: Array = v.unchecked_into();
    list.iter()
        .enumerate()
        .map(|(i, item)| one(&format!("{param}[{i}]"), T::table(), item))
        .collect::<Result<_, _>>()
        .map(Value::Array)
}

/// One model: an object of its table, or the text it has a shorthand for.
fn one(param: &str, table: &'static Schema, v: JsValue) -> Result<Value, JsValue> {
    if let Some(text) = v.as_string() {
        let why = || type_error(param, &format!("must be a {} object", table.name));
        return shorthand(table, &text).ok_or_else(why);
    }
    let text = json_text(param, v)?;
    check_json(table.name, OpKind::Item, table, text.as_bytes()).map_err(|e| arg_error(param, e))?;
    serde_json::from_str(&text).map_err(|e| arg_error(param, Error::decode(table.name, "", e)))
}
