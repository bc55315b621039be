//! A local, stateful Microsoft Graph v1.0 emulator for Microsoft 365 groups and their
//! conversations: what the o365kit demo runs against and what every integration test uses.
//!
//! ```no_run
//! let emulator = o365kit_emulator::spawn(o365kit_emulator::Config::default()).unwrap();
//! let url = format!("{}/v1.0/me", emulator.base_url());
//! // GET `url` with `Authorization: Bearer emulator:member@contoso.test`.
//! # drop(url);
//! // Dropping `emulator` stops the server.
//! ```
//!
//! See README.md for the routes, the fixture format and the control routes.

mod auth;
mod batch;
mod beta;
mod calendar;
mod clock;
mod control;
mod cors;
mod delta;
mod drive;
mod errors;
mod extended;
mod faults;
mod filter;
mod fixture;
mod ids;
#[doc(hidden)]
pub mod in_process;
mod mail;
mod odata;
mod outlook_rest;
mod params;
mod respond;
mod routes;
mod schema;
mod search;
mod tenant;
mod tls;
mod views;

pub use tenant::Tenant;
pub use tls::Tls;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::response::Response;
use axum::serve::ListenerExt;
use axum::Router;
use errors::GraphError;
use respond::Ctx;
use std::future::{Future, IntoFuture};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};
use tokio::net::TcpListener;

/// How an emulator behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// The state it starts with (and returns to on `POST /_emulator/reset`).
    pub tenant: Tenant,
    /// Delay added to every Graph request.
    pub latency_ms: u64,
    /// Fraction (0.0..=1.0) of Graph requests answered with a 429 or 503 and `Retry-After: 1`.
    pub fault_rate: f64,
    /// Items per page when a request has neither `$top` nor `Prefer: odata.maxpagesize`.
    pub page_size: usize,
    /// Bytes of files each group's document library holds at most (Graph's 507 beyond).
    pub drive_quota: u64,
    /// Serve https with this certificate instead of http.
    pub tls: Option<Tls>,
}

impl Default for Config {
    /// The built-in seed tenant, no latency, no faults, pages of 100.
    fn default() -> Self {
        Config {
            tenant: Tenant::seed(),
            latency_ms: 0,
            fault_rate: 0.0,
            page_size: 100,
            drive_quota: DRIVE_QUOTA,
            tls: None,
        }
    }
}

/// The largest request body accepted: Graph's 4 MB request limit plus room for JSON framing.
/// 1 GiB per group library unless the configuration says otherwise.
pub const DRIVE_QUOTA: u64 = 1 << 30;

const MAX_BODY: usize = 4 * 1024 * 1024 + 64 * 1024;
/// How much of a body over the limit is read and dropped so that the client, still sending,
/// gets to read the 413 rather than a reset connection. Past this the connection is closed.
const DRAIN_LIMIT: usize = 64 * 1024 * 1024;
/// How long open connections get to finish once shutdown starts.
const GRACE: Duration = Duration::from_secs(2);

pub(crate) struct App {
    tenant: Mutex<Tenant>,
    initial: Tenant,
    faults: Mutex<faults::Faults>,
    delta: Mutex<delta::Tracker>,
    latency: Duration,
    fault_rate: f64,
    page_size: usize,
    drive_quota: u64,
    local: SocketAddr,
    /// `http` or `https`, for the links and contexts the emulator writes.
    scheme: &'static str,
}

impl App {
    fn new(config: Config, local: SocketAddr) -> App {
        App {
            tenant: Mutex::new(config.tenant.clone()),
            scheme: if config.tls.is_some() { "https" } else { "http" },
            initial: config.tenant,
            faults: Mutex::new(faults::Faults::default()),
            delta: Mutex::new(delta::Tracker::default()),
            latency: Duration::from_millis(config.latency_ms),
            fault_rate: config.fault_rate,
            page_size: config.page_size.max(1),
            drive_quota: config.drive_quota,
            local,
        }
    }

    pub(crate) fn tenant(&self) -> MutexGuard<'_, Tenant> {
        // A panic while holding the lock cannot leave the tenant half-written in a way that
        // matters more than refusing every later request would.
        self.tenant.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn faults(&self) -> MutexGuard<'_, faults::Faults> {
        self.faults.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Taken after the tenant, never before it.
    pub(crate) fn delta(&self) -> MutexGuard<'_, delta::Tracker> {
        self.delta.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A server started by [`spawn`]; dropping it shuts the server down and waits for its thread.
#[derive(Debug)]
pub struct Running {
    addr: SocketAddr,
    scheme: &'static str,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// `http://127.0.0.1:PORT` (`https://` with [`Config::tls`]): no trailing slash, no `/v1.0`.
    pub fn base_url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Starts an emulator on 127.0.0.1 and a free port, on its own thread with its own runtime.
pub fn spawn(config: Config) -> std::io::Result<Running> {
    spawn_at(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), config)
}

/// Starts an emulator on `addr` (port 0 picks a free one), on its own thread with its own runtime.
/// A port already taken is the bind's `AddrInUse` error, before any thread starts.
pub fn spawn_at(addr: SocketAddr, config: Config) -> std::io::Result<Running> {
    let listener = std::net::TcpListener::bind(addr)?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let scheme = if config.tls.is_some() { "https" } else { "http" };
    let thread = std::thread::Builder::new().name(format!("o365kit-emulator-{}", addr.port())).spawn(move || {
        runtime.block_on(async move {
            if let Ok(listener) = TcpListener::from_std(listener) {
                let _ = serve_with_shutdown(listener, config, async move {
                    let _ = stopped.await;
                })
                .await;
            }
        })
    })?;
    Ok(Running { addr, scheme, stop: Some(stop), thread: Some(thread) })
}

/// Serves Graph on `listener` until the process ends.
pub async fn serve(listener: TcpListener, config: Config) -> std::io::Result<()> {
    serve_with_shutdown(listener, config, std::future::pending()).await
}

/// Serves Graph on `listener` until `signal` completes, then lets open requests finish.
pub async fn serve_with_shutdown<F>(listener: TcpListener, config: Config, signal: F) -> std::io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    let local = listener.local_addr()?;
    let tls = config.tls.clone();
    let app = Arc::new(App::new(config, local));
    let router = Router::new().fallback(handle).with_state(app);
    let (began, begun) = tokio::sync::oneshot::channel::<()>();
    let signal = async move {
        signal.await;
        let _ = began.send(());
    };
    let deadline = async move {
        match begun.await {
            Ok(()) => tokio::time::sleep(GRACE).await,
            Err(_) => std::future::pending::<()>().await,
        }
    };
    let server = match tls {
        Some(tls) => {
            let listener = tls::TlsListener::new(listener, &tls)?;
            Box::pin(axum::serve(listener, router).with_graceful_shutdown(signal).into_future())
                as std::pin::Pin<Box<dyn Future<Output = std::io::Result<()>> + Send>>
        }
        None => {
            let listener = listener.tap_io(|tcp| {
                let _ = tcp.set_nodelay(true);
            });
            Box::pin(axum::serve(listener, router).with_graceful_shutdown(signal).into_future())
        }
    };
    tokio::select! {
        done = server => done,
        () = deadline => Ok(()),
    }
}

async fn handle(State(app): State<Arc<App>>, req: Request) -> Response {
    let mut ctx = Ctx::new(req.headers(), app.local, app.scheme);
    if beta::is_beta(req.uri().path()) {
        ctx.version = "beta";
    }
    let origin = req.headers().get(header::ORIGIN).cloned();
    let mut res =
        if req.method() == Method::OPTIONS { cors::preflight(req.headers()) } else { route(&app, &ctx, req).await };
    let h = res.headers_mut();
    for (name, value) in [("request-id", &ctx.request_id), ("client-request-id", &ctx.client_request_id)] {
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(name, v);
        }
    }
    if let Ok(v) = HeaderValue::from_str(&httpdate::fmt_http_date(SystemTime::now())) {
        h.insert(header::DATE, v);
    }
    h.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    h.insert(
        "x-ms-ags-diagnostic",
        HeaderValue::from_static(r#"{"ServerInfo":{"DataCenter":"Local","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"o365kit-emulator"}}"#),
    );
    cors::decorate(&mut res, origin.as_ref());
    res
}

/// Upload sessions and download URLs: no token, faults injected as on Graph routes (a rule's
/// `pathPrefix` must name `/upload` or `/download`).
async fn preauthenticated(app: &App, ctx: &Ctx, req: Request) -> Response {
    let fault = app.faults().take(req.method(), req.uri().path());
    let (parts, body) = req.into_parts();
    if let Some(faults::Fault::Error { status, retry_after }) = fault {
        return refused(&parts, body, status, retry_after, ctx).await;
    }
    let Some(body) = read_body(&parts.headers, body).await else {
        return too_large(ctx);
    };
    let res = routes::uploads::handle(app, ctx, &parts, &body).unwrap_or_else(|e| e.render(ctx));
    match fault {
        Some(cut @ (faults::Fault::Truncate | faults::Fault::Drop)) => {
            faults::truncate(res, cut == faults::Fault::Drop).await
        }
        _ => res,
    }
}

/// An injected error, answered once the request's body is read, as Graph's front ends do: a client
/// still writing a large body (an upload chunk) would otherwise see the connection drop instead of
/// the answer.
async fn refused(
    parts: &axum::http::request::Parts,
    body: axum::body::Body,
    status: u16,
    retry_after: Option<u64>,
    ctx: &Ctx,
) -> Response {
    if read_body(&parts.headers, body).await.is_none() {
        return too_large(ctx);
    }
    faults::error_response(status, retry_after, ctx)
}

/// Graph's answer to a body over its limit; the connection closes (the rest was not read).
fn too_large(ctx: &Ctx) -> Response {
    let mut res =
        GraphError::new(413, "RequestEntityTooLarge", "The maximum request length supported is 4MB.").render(ctx);
    res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
}

/// The whole body, or `None` when it is over [`MAX_BODY`]: then as much of the rest as
/// [`DRAIN_LIMIT`] allows is read and dropped, and nothing is kept past the limit.
async fn read_body(headers: &axum::http::HeaderMap, mut body: axum::body::Body) -> Option<axum::body::Bytes> {
    use http_body_util::BodyExt;
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > DRAIN_LIMIT as u64) {
        return None;
    }
    let mut kept = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = body.frame().await {
        // A client that stops sending mid-body gets no answer to act on anyway.
        let Ok(frame) = frame else { return None };
        let Some(data) = frame.data_ref() else { continue };
        seen += data.len();
        if seen <= MAX_BODY {
            kept.extend_from_slice(data);
        } else if seen > DRAIN_LIMIT {
            return None;
        }
    }
    (seen <= MAX_BODY).then(|| kept.into())
}

async fn route(app: &App, ctx: &Ctx, req: Request) -> Response {
    let path = req.uri().path();
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    if first.eq_ignore_ascii_case("_emulator") {
        return control::handle(app, ctx, req).await;
    }
    if routes::uploads::is_preauthenticated(first) {
        return preauthenticated(app, ctx, req).await;
    }
    let v2 = outlook_rest::is_v2(path);
    if beta::is_beta(path) {
        return Box::pin(route(app, ctx, beta::as_v1(req))).await;
    }
    if !first.eq_ignore_ascii_case("v1.0") && !v2 {
        let version = respond::percent_decode(first, false);
        return GraphError::new(400, "BadRequest", format!("Invalid version: {version}")).render(ctx);
    }
    if !app.latency.is_zero() {
        tokio::time::sleep(app.latency).await;
    }
    let queued = app.faults().take(req.method(), path);
    let fault = queued.or_else(|| faults::random(app.fault_rate));
    let (mut parts, body) = req.into_parts();
    if let Some(faults::Fault::Error { status, retry_after }) = fault {
        return refused(&parts, body, status, retry_after, ctx).await;
    }
    let Some(mut body) = read_body(&parts.headers, body).await else {
        return too_large(ctx);
    };
    if v2 {
        match outlook_rest::request(&mut parts, &body) {
            Ok(b) => body = b,
            Err(e) => return e.render(ctx),
        }
    }
    if batch::is_batch(parts.uri.path()) {
        return batch::handle(app, ctx, &parts, &body).await;
    }
    let mut res = routes::dispatch(app, ctx, &parts, &body).unwrap_or_else(|e| e.render(ctx));
    if v2 {
        res = outlook_rest::response(res, &ctx.base).await;
    }
    if let Some(cut @ (faults::Fault::Truncate | faults::Fault::Drop)) = fault {
        faults::truncate(res, cut == faults::Fault::Drop).await
    } else {
        res
    }
}
