//! The core's `Error` as Python exceptions. Messages come from the core, which never holds a token.

use o365kit::Error;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;

create_exception!(o365kit, GraphError, PyException, "Microsoft Graph answered with an error status.");
create_exception!(o365kit, BadRequest, GraphError, "400: Graph refused the request (its code says why).");
create_exception!(o365kit, Unauthorized, GraphError, "401: the token is missing, expired or invalid.");
create_exception!(o365kit, Forbidden, GraphError, "403: the signed-in user may not do this.");
create_exception!(o365kit, NotFound, GraphError, "404: no such resource.");
create_exception!(o365kit, Conflict, GraphError, "409: the resource changed or already exists.");
create_exception!(o365kit, Throttled, GraphError, "429: too many requests; see retry_after.");
create_exception!(o365kit, ServerError, GraphError, "5xx: the service failed.");
create_exception!(o365kit, UploadExpired, GraphError, "The upload session expired or is gone: create a new one.");
create_exception!(o365kit, InvalidInput, PyValueError, "An argument was rejected before any request.");
create_exception!(o365kit, TransportError, PyException, "The request got no HTTP answer.");
create_exception!(o365kit, DecodeError, PyException, "The response is not what the operation expects.");
create_exception!(
    o365kit,
    EmulatorError,
    PyException,
    "o365kit.emulator() could not start; `param` names the option at fault."
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("GraphError", py.get_type::<GraphError>())?;
    m.add("BadRequest", py.get_type::<BadRequest>())?;
    m.add("Unauthorized", py.get_type::<Unauthorized>())?;
    m.add("Forbidden", py.get_type::<Forbidden>())?;
    m.add("NotFound", py.get_type::<NotFound>())?;
    m.add("Conflict", py.get_type::<Conflict>())?;
    m.add("Throttled", py.get_type::<Throttled>())?;
    m.add("ServerError", py.get_type::<ServerError>())?;
    m.add("UploadExpired", py.get_type::<UploadExpired>())?;
    m.add("InvalidInput", py.get_type::<InvalidInput>())?;
    m.add("TransportError", py.get_type::<TransportError>())?;
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add("EmulatorError", py.get_type::<EmulatorError>())?;
    Ok(())
}

pub fn transport(msg: String) -> PyErr {
    TransportError::new_err(msg)
}

/// `param` is the `o365kit.emulator()` option at fault (`tenant`, `port`).
#[cfg_attr(not(feature = "emulator"), allow(dead_code))]
pub fn emulator(param: &str, why: String) -> PyErr {
    Python::with_gil(|py| {
        let err = EmulatorError::new_err(format!("{param}: {why}"));
        let value = err.value(py);
        let _ = value.setattr("param", param).and(value.setattr("why", why));
        err
    })
}

pub fn to_py(e: Error) -> PyErr {
    Python::with_gil(|py| {
        let text = e.to_string();
        let err = match &e {
            Error::Api(a) => match a.status {
                400 => BadRequest::new_err(text),
                401 => Unauthorized::new_err(text),
                403 => Forbidden::new_err(text),
                404 => NotFound::new_err(text),
                409 => Conflict::new_err(text),
                429 => Throttled::new_err(text),
                500..=599 => ServerError::new_err(text),
                _ => GraphError::new_err(text),
            },
            Error::InvalidInput { .. } => InvalidInput::new_err(text),
            Error::Decode { .. } => DecodeError::new_err(text),
            Error::Transport(_) => TransportError::new_err(text),
            Error::UploadExpired { .. } => UploadExpired::new_err(text),
            _ => GraphError::new_err(text),
        };
        let value = err.value(py);
        // A missing attribute is worse than a failed setattr on a fresh exception, which cannot happen.
        let _ = match &e {
            Error::Api(a) => value
                .setattr("status", a.status)
                .and(value.setattr("code", a.code.as_str()))
                .and(value.setattr("message", a.message.as_str()))
                .and(value.setattr("inner_code", a.inner_code.as_deref()))
                .and(value.setattr("request_id", a.request_id.as_deref()))
                .and(value.setattr("client_request_id", a.client_request_id.as_deref()))
                .and(value.setattr("date", a.date.as_deref()))
                .and(value.setattr("retry_after", a.retry_after.map(|d| d.as_secs_f64()))),
            Error::InvalidInput { param, why } => {
                value.setattr("param", param.as_str()).and(value.setattr("why", why.as_str()))
            }
            Error::Decode { what, path, .. } => {
                value.setattr("what", what.as_str()).and(value.setattr("path", path.as_str()))
            }
            Error::UploadExpired { expiration_date_time } => value
                .setattr("expiration_date_time", expiration_date_time.as_deref())
                .and(value.setattr("status", 404))
                .and(value.setattr("code", "UploadExpired"))
                .and(value.setattr("message", e.to_string())),
            _ => Ok(()),
        };
        err
    })
}
