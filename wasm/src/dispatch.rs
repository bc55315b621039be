//! Operations from positional JS arguments, with no code per operation where the core allows it:
//! a routed operation (`OpInfo::route`: most of the table) is built from its arguments by name
//! by the core's one request builder; only the others go through their structs.

use crate::{check_arity, error_to_js};
use js_sys::Array;
use o365kit::ops::route::{self, Args, BodyArg};
use o365kit::{Endpoint, Mailbox, OpInfo, Request};
use wasm_bindgen::JsValue;

/// Converts one positional argument; the parameter's name is for error messages.
pub(crate) type Conv = fn(&'static str, JsValue) -> Result<Box<dyn BodyArg>, JsValue>;

/// Builds an operation that has no route, through its struct.
pub(crate) type ByStruct = fn(&Array, &Mailbox, &Endpoint) -> Result<Request, JsValue>;

/// What the binding adds to an operation's `OpInfo`: how its arguments become values (routed
/// operations) or how its struct is made (the others).
pub(crate) enum How {
    Route(&'static [Conv]),
    Struct(ByStruct),
}

/// An operation built through its struct, from positional arguments (in table order).
pub(crate) trait FromJsArgs: Sized {
    fn from_js_args(args: &Array, mailbox: &Mailbox) -> Result<Self, JsValue>;
}

pub(crate) fn by_struct<O: FromJsArgs + o365kit::Operation>(
    args: &Array,
    mailbox: &Mailbox,
    ep: &Endpoint,
) -> Result<Request, JsValue> {
    O::from_js_args(args, mailbox)?.request(ep).map_err(error_to_js)
}

/// The request of operation `info`, from positional JS arguments.
pub(crate) fn request(
    info: &OpInfo,
    how: &How,
    args: &Array,
    mailbox: &Mailbox,
    ep: &Endpoint,
) -> Result<Request, JsValue> {
    check_arity(info.name, info.params.len(), args)?;
    let (route, convs) = match (info.route, how) {
        (Some(route), How::Route(convs)) => (route, *convs),
        (_, How::Struct(build)) => return build(args, mailbox, ep),
        (None, How::Route(_)) => {
            return Err(error_to_js(o365kit::Error::invalid(info.name, "has no route (a table error)")));
        }
    };
    let mut values = Vec::with_capacity(info.params.len());
    for (i, (param, conv)) in info.params.iter().zip(convs).enumerate() {
        values.push((param.name, conv(param.name, args.get(i as u32))?));
    }
    let args: Vec<(&str, &dyn BodyArg)> = values.iter().map(|(p, v)| (*p, &**v)).collect();
    route::build(route, ep, mailbox, Args(&args)).map_err(error_to_js)
}
