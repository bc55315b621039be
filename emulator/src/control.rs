//! The emulator's own routes under `/_emulator` (no token needed): health, fault injection and
//! reset. They are not Graph and never fault themselves.

use crate::errors::GraphError;
use crate::faults;
use crate::respond::{empty, json, Ctx};
use crate::App;
use axum::body::to_bytes;
use axum::extract::Request;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde_json::json;

pub(crate) async fn handle(app: &App, ctx: &Ctx, req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().trim_end_matches('/').to_ascii_lowercase();
    let Ok(body) = to_bytes(req.into_body(), 1024 * 1024).await else {
        return GraphError::new(413, "RequestEntityTooLarge", "The request body is too large.").render(ctx);
    };
    let allow = match path.as_str() {
        "/_emulator/health" => "GET",
        "/_emulator/faults" => "GET, POST, DELETE",
        "/_emulator/reset" | "/_emulator/delta/expire" | "/_emulator/uploads/expire" | "/_emulator/groups/deliver" => {
            "POST"
        }
        _ => {
            let msg = "Unknown emulator route. Known: /_emulator/health, /_emulator/faults, /_emulator/reset, /_emulator/delta/expire, /_emulator/uploads/expire, /_emulator/groups/deliver.";
            return GraphError::new(404, "NotFound", msg).render(ctx);
        }
    };
    match (path.as_str(), &method) {
        ("/_emulator/health", &Method::GET) => json(StatusCode::OK, &json!({ "status": "ok" })),
        ("/_emulator/faults", &Method::GET) => json(StatusCode::OK, &app.faults().describe()),
        ("/_emulator/faults", &Method::POST) => match faults::parse_rule(&body) {
            Ok(rule) => {
                let mut f = app.faults();
                f.push(rule);
                json(StatusCode::OK, &f.describe())
            }
            Err(why) => GraphError::new(400, "BadRequest", why).render(ctx),
        },
        ("/_emulator/faults", &Method::DELETE) => {
            app.faults().clear();
            empty(StatusCode::NO_CONTENT)
        }
        ("/_emulator/reset", &Method::POST) => {
            *app.tenant() = app.initial.clone();
            *app.delta() = crate::delta::Tracker::default();
            app.faults().clear();
            empty(StatusCode::NO_CONTENT)
        }
        ("/_emulator/delta/expire", &Method::POST) => {
            app.delta().expire();
            empty(StatusCode::NO_CONTENT)
        }
        ("/_emulator/uploads/expire", &Method::POST) => {
            crate::routes::uploads::expire_all(app);
            empty(StatusCode::NO_CONTENT)
        }
        ("/_emulator/groups/deliver", &Method::POST) => match crate::routes::group_mail::deliver(app, &body) {
            Ok(ids) => json(StatusCode::CREATED, &ids),
            Err(e) => e.render(ctx),
        },
        _ => GraphError::new(405, "MethodNotAllowed", format!("Allowed methods: {allow}."))
            .with_header(axum::http::header::ALLOW, allow)
            .render(ctx),
    }
}
