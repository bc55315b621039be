//! Operations from positional JS arguments, with no code per operation: every operation has a
//! route (`OpInfo::route`), built from its arguments by name by the core's one request builder.

use crate::{check_arity, error_to_js};
use js_sys::Array;
use o365kit::ops::route::{self, Args, BodyArg};
use o365kit::{Endpoint, Mailbox, OpInfo, Request};
use wasm_bindgen::JsValue;

/// Converts one positional argument; the parameter's name is for error messages.
pub(crate) type Conv = fn(&'static str, JsValue) -> Result<Box<dyn BodyArg>, JsValue>;

/// The request of operation `info`, from positional JS arguments converted by `convs` (one per
/// parameter, in table order).
pub(crate) fn request(
    info: &OpInfo,
    convs: &[Conv],
    args: &Array,
    mailbox: &Mailbox,
    ep: &Endpoint,
) -> Result<Request, JsValue> {
    check_arity(info.name, info.params.len(), args)?;
    let Some(route) = info.route else {
        return Err(error_to_js(o365kit::Error::invalid(info.name, "has no route (a table error)")));
    };
    let mut values = Vec::with_capacity(info.params.len());
    for (i, (param, conv)) in info.params.iter().zip(convs).enumerate() {
        values.push((param.name, conv(param.name, args.get(i as u32))?));
    }
    let args: Vec<(&str, &dyn BodyArg)> = values.iter().map(|(p, v)| (*p, &**v)).collect();
    route::build(route, ep, mailbox, Args(&args)).map_err(error_to_js)
}
