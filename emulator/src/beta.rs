//! Graph's beta endpoint: `/beta/...` is served by the v1.0 routes, with links and contexts on
//! `/beta` (the request's `Ctx`) and the beta-only message properties (`mentions`,
//! `mentionsPreview`, see `mail::views`). Other beta differences are not emulated.

use axum::extract::Request;
use axum::http::Uri;

/// Whether a request path is on `/beta` (any case).
pub(crate) fn is_beta(path: &str) -> bool {
    path.trim_start_matches('/').split('/').next().is_some_and(|s| s.eq_ignore_ascii_case("beta"))
}

/// The same request on `/v1.0`, for the routes.
pub(crate) fn as_v1(mut req: Request) -> Request {
    let uri = req.uri();
    let rest = uri.path().trim_start_matches('/').split_once('/').map_or("", |(_, r)| r);
    let target = match uri.query() {
        Some(q) => format!("/v1.0/{rest}?{q}"),
        None => format!("/v1.0/{rest}"),
    };
    if let Ok(u) = target.parse::<Uri>() {
        *req.uri_mut() = u;
    }
    req
}
