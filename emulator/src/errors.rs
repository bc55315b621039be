//! Graph's error responses: `{"error": {"code", "message", "innerError": {"date", "request-id",
//! "client-request-id"}}}` with the status and code Graph uses for each case.

use crate::respond::{json, Ctx};
use crate::{clock, ids};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::json;

/// Which Graph backend a route belongs to: directory (Entra ID: groups, users, members) or
/// Exchange (group conversations). Their error codes differ, as on the real service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Directory,
    Exchange,
}

#[derive(Debug)]
pub(crate) struct GraphError {
    pub status: StatusCode,
    pub code: String,
    pub message: String,
    pub headers: Vec<(HeaderName, String)>,
}

pub(crate) type Result<T> = std::result::Result<T, GraphError>;

/// What Graph sends with a 401 so that clients can find the authority.
const WWW_AUTHENTICATE: &str = "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";

impl GraphError {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> GraphError {
        GraphError {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            code: code.to_string(),
            message: message.into(),
            headers: Vec::new(),
        }
    }

    pub fn with_header(mut self, name: HeaderName, value: impl Into<String>) -> GraphError {
        self.headers.push((name, value.into()));
        self
    }

    /// 400 with the code of the route's backend: `Request_BadRequest` or `BadRequest`.
    pub fn bad_request(family: Family, message: impl Into<String>) -> GraphError {
        let code = match family {
            Family::Directory => "Request_BadRequest",
            Family::Exchange => "BadRequest",
        };
        GraphError::new(400, code, message)
    }

    pub fn unauthorized(message: &str) -> GraphError {
        GraphError::new(401, "InvalidAuthenticationToken", message)
            .with_header(HeaderName::from_static("www-authenticate"), WWW_AUTHENTICATE)
    }

    /// A group conversation the caller may not see (a private group they are not a member of).
    pub fn access_denied() -> GraphError {
        GraphError::new(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
    }

    /// A directory change only a group owner may make.
    pub fn insufficient_privileges() -> GraphError {
        GraphError::new(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
    }

    /// An unknown directory object (group or user).
    pub fn resource_not_found(id: &str) -> GraphError {
        GraphError::new(
            404,
            "Request_ResourceNotFound",
            format!("Resource '{id}' does not exist or one of its queried reference-property objects are not present."),
        )
    }

    /// A directory object (group, or user by id) that is not there: 404 for a GUID, and for
    /// anything else the 400 Graph gives before it looks (`Invalid object identifier 'x'.`).
    pub fn no_directory_object(id: &str) -> GraphError {
        if ids::is_guid(id) {
            GraphError::resource_not_found(id)
        } else {
            GraphError::new(400, "Request_BadRequest", format!("Invalid object identifier '{id}'."))
        }
    }

    /// An unknown conversation, thread, post or attachment.
    pub fn item_not_found() -> GraphError {
        GraphError::new(404, "ErrorItemNotFound", "The specified object was not found in the store.")
    }

    /// An Outlook item `id` names that is not there: 404 for a well-formed id, and for text that
    /// cannot be an Exchange id the 400 Exchange gives before it looks.
    pub fn no_item(id: &str) -> GraphError {
        if ids::is_exchange_id(id) {
            GraphError::item_not_found()
        } else {
            GraphError::new(400, "ErrorInvalidIdMalformed", "Id is malformed.")
        }
    }

    pub fn image_not_found() -> GraphError {
        GraphError::new(404, "ImageNotFound", "The photo wasn't found.")
    }

    pub fn unknown_segment(segment: &str) -> GraphError {
        GraphError::new(400, "BadRequest", format!("Resource not found for the segment '{segment}'."))
    }

    pub fn method_not_allowed(family: Family, allow: &str) -> GraphError {
        let code = if family == Family::Directory { "Request_BadRequest" } else { "BadRequest" };
        GraphError::new(405, code, "Specified HTTP method is not allowed for the request uri.")
            .with_header(HeaderName::from_static("allow"), allow)
    }

    pub fn unknown_property(property: &str, type_name: &str) -> GraphError {
        GraphError::new(
            400,
            "BadRequest",
            format!("Could not find a property named '{property}' on type 'microsoft.graph.{type_name}'."),
        )
    }

    pub fn invalid_json() -> GraphError {
        GraphError::new(
            400,
            "BadRequest",
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
        )
    }

    pub fn empty_payload() -> GraphError {
        GraphError::new(400, "BadRequest", "Empty Payload. JSON content expected.")
    }

    pub fn render(self, ctx: &Ctx) -> Response {
        let body = json!({
            "error": {
                "code": self.code,
                "message": self.message,
                "innerError": {
                    "date": clock::now_inner_error(),
                    "request-id": ctx.request_id,
                    "client-request-id": ctx.client_request_id,
                }
            }
        });
        let mut res = json(self.status, &body);
        for (name, value) in self.headers {
            if let Ok(v) = HeaderValue::from_str(&value) {
                res.headers_mut().append(name, v);
            }
        }
        res
    }
}
