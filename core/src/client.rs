//! The native transport (feature `native`): an async client over reqwest (rustls) and tokio.
//! It only moves bytes: requests, parsing, paging links and retry decisions come from the core.

use crate::endpoint::{ApiVersion, Cloud, Endpoint};
use crate::error::Error;
use crate::http::{Method, Request, Response};
use crate::mailbox::Mailbox;
use crate::odata::{next_page_request, Page};
use crate::ops::{Change, DeltaPage, Operation, Tracked};
use crate::retry::Policy;
use crate::sync::{DeltaSync, Step};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// A boxed future returning a bearer token.
pub type TokenFuture = Pin<Box<dyn Future<Output = Result<String, Error>> + Send>>;

/// Where bearer tokens come from: a fixed string, or a callback asked before every request so the
/// host can refresh.
#[derive(Clone)]
pub enum TokenProvider {
    Static(String),
    Callback(Arc<dyn Fn() -> TokenFuture + Send + Sync>),
}

impl TokenProvider {
    /// A callback token source: `TokenProvider::callback(|| async { Ok(fetch_token().await) })`.
    pub fn callback<F, Fut>(f: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<String, Error>> + Send + 'static,
    {
        TokenProvider::Callback(Arc::new(move || Box::pin(f())))
    }

    async fn token(&self) -> Result<String, Error> {
        let token = match self {
            TokenProvider::Static(t) => t.clone(),
            TokenProvider::Callback(f) => f().await?,
        };
        if token.trim().is_empty() || token.chars().any(|c| c.is_control()) {
            return Err(Error::invalid("token", "the token provider returned an empty or malformed token"));
        }
        Ok(token)
    }
}

impl fmt::Debug for TokenProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenProvider::Static(_) => f.write_str("TokenProvider::Static(<redacted>)"),
            TokenProvider::Callback(_) => f.write_str("TokenProvider::Callback(..)"),
        }
    }
}

impl From<&str> for TokenProvider {
    fn from(t: &str) -> Self {
        TokenProvider::Static(t.to_string())
    }
}

impl From<String> for TokenProvider {
    fn from(t: String) -> Self {
        TokenProvider::Static(t)
    }
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    cloud: Cloud,
    version: ApiVersion,
    base_url: Option<String>,
    endpoint: Option<Endpoint>,
    token: Option<TokenProvider>,
    policy: Policy,
    timeout: Duration,
    mailbox: Mailbox,
    roots: Vec<Vec<u8>>,
}

impl ClientBuilder {
    /// The mailbox that mail and calendar methods work on (default: the signed-in user's).
    pub fn mailbox(mut self, mailbox: impl Into<Mailbox>) -> Self {
        self.mailbox = mailbox.into();
        self
    }

    /// A national cloud (default: global).
    pub fn cloud(mut self, cloud: Cloud) -> Self {
        self.cloud = cloud;
        self
    }

    /// v1.0 (default) or beta.
    pub fn version(mut self, version: ApiVersion) -> Self {
        self.version = version;
        self
    }

    /// Any Graph-compatible root instead of the cloud's, e.g. the emulator's `http://127.0.0.1:PORT`.
    pub fn base_url(mut self, root: &str) -> Self {
        self.base_url = Some(root.to_string());
        self
    }

    /// A fully specified endpoint (e.g. `Endpoint::outlook_rest`); overrides cloud, version and base URL.
    pub fn endpoint(mut self, ep: Endpoint) -> Self {
        self.endpoint = Some(ep);
        self
    }

    pub fn token(mut self, token: impl Into<TokenProvider>) -> Self {
        self.token = Some(token.into());
        self
    }

    pub fn retry_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Whole-request timeout (default 100 s, as Graph's own gateway).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Trusts the certificates of this PEM text besides the built-in roots, e.g. the CA file an
    /// emulator started with `--tls` prints.
    pub fn root_certificates_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.roots.push(pem.into());
        self
    }

    pub fn build(self) -> Result<Client, Error> {
        let endpoint = match (self.endpoint, self.base_url) {
            (Some(ep), _) => ep,
            (None, Some(root)) => Endpoint::custom(&root, self.version)?,
            (None, None) => Endpoint::graph(self.cloud, self.version),
        };
        let token = self.token.ok_or_else(|| Error::invalid("token", "a token or token provider is required"))?;
        let mut http = reqwest::Client::builder();
        for pem in &self.roots {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .ok()
                .filter(|c| !c.is_empty())
                .ok_or_else(|| Error::invalid("root_certificates_pem", "not PEM text with a CERTIFICATE block"))?;
            for cert in certs {
                http = http.add_root_certificate(cert);
            }
        }
        let http = http
            .timeout(self.timeout)
            .connect_timeout(Duration::from_secs(30))
            .user_agent(concat!("o365kit/", env!("CARGO_PKG_VERSION")))
            // The core decides where a redirect goes and without which headers (`http::redirect`).
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Transport(format!("cannot set up HTTP client: {e}")))?;
        let inner = Arc::new(Inner { http, endpoint, token, policy: self.policy });
        Ok(Client { inner, mailbox: self.mailbox })
    }
}

struct Inner {
    http: reqwest::Client,
    endpoint: Endpoint,
    token: TokenProvider,
    policy: Policy,
}

/// An async Microsoft Graph client. Cheap to clone; one method per operation of the table.
///
/// ```no_run
/// # async fn demo() -> Result<(), o365kit::Error> {
/// let client = o365kit::Client::builder().base_url("http://127.0.0.1:8080").token("emulator:member@contoso.test").build()?;
/// for group in client.list_joined_groups(o365kit::Query::new()).await?.value {
///     println!("{}", group.display_name.unwrap_or_default());
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    mailbox: Mailbox,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.inner.endpoint.base())
            .field("mailbox", &self.mailbox)
            .field("token", &self.inner.token)
            .finish()
    }
}

impl Client {
    pub fn builder() -> ClientBuilder {
        ClientBuilder {
            cloud: Cloud::Global,
            version: ApiVersion::V1,
            base_url: None,
            endpoint: None,
            token: None,
            policy: Policy::default(),
            timeout: Duration::from_secs(100),
            mailbox: Mailbox::Me,
            roots: Vec::new(),
        }
    }

    /// The same client working on another mailbox (a shared or delegated one, by id or UPN):
    /// `client.mailbox("support@contoso.com").list_messages(Query::new())`.
    pub fn mailbox(&self, mailbox: impl Into<Mailbox>) -> Client {
        Client { inner: self.inner.clone(), mailbox: mailbox.into() }
    }

    /// The mailbox that mail and calendar methods work on.
    pub fn current_mailbox(&self) -> &Mailbox {
        &self.mailbox
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.inner.endpoint
    }

    /// The retry policy requests are sent with.
    pub fn retry_policy(&self) -> &Policy {
        &self.inner.policy
    }

    /// An empty JSON batch on this client's endpoint: `add` operations, then `send_batch`.
    pub fn batch(&self) -> crate::Batch {
        crate::Batch::new(&self.inner.endpoint)
    }

    /// Sends a batch, 20 requests per round trip, until every item has its answer: items
    /// answered 429/503 are sent again as the retry policy decides, after their `Retry-After`.
    /// Read each item's typed result with `batch.result(&handle)`.
    pub async fn send_batch(&self, batch: &mut crate::Batch) -> Result<(), Error> {
        loop {
            for req in batch.requests()? {
                let res = self.execute(&req).await?;
                batch.absorb(&res)?;
            }
            match batch.retry(&self.inner.policy) {
                Some(wait) => tokio::time::sleep(wait).await,
                None => return Ok(()),
            }
        }
    }

    /// Runs one operation: build, send (with retries), parse.
    pub async fn send<O: Operation>(&self, op: &O) -> Result<O::Output, Error> {
        let req = op.request(&self.inner.endpoint)?;
        let res = self.execute(&req).await?;
        op.parse(&self.inner.endpoint, res)
    }

    /// Every page of a list operation, fetched as the caller asks for them.
    pub fn pages<O: Operation<Output = Page<T>>, T>(&self, op: O) -> Pager<O> {
        Pager { client: self.clone(), op, first: None, next: Next::Start }
    }

    /// A delta sync of a `Delta` operation (`client.sync_messages(..)` gives one too).
    pub fn sync<O: Operation<Output = DeltaPage<T>>, T: Tracked>(&self, op: O) -> Syncer<O> {
        Syncer { client: self.clone(), op, machine: None }
    }

    /// Every item of a list operation, following nextLinks to the end.
    pub async fn all<O: Operation<Output = Page<T>>, T>(&self, op: O) -> Result<Vec<T>, Error> {
        let mut pager = self.pages(op);
        let mut items = Vec::new();
        while let Some(page) = pager.next_page().await {
            items.extend(page?.value);
        }
        Ok(items)
    }

    /// Sends a prepared request, applying the retry policy, and returns the final response.
    /// Adds `Authorization` (unless the request is pre-authenticated) and a `client-request-id`
    /// kept across retries. Redirects go where the core says (`http::redirect`): to a
    /// pre-authenticated URL, without the token.
    pub async fn execute(&self, req: &Request) -> Result<Response, Error> {
        let mut x = crate::exchange::Exchange::new(req.clone(), self.inner.policy.clone(), &new_guid());
        loop {
            let req = x.request();
            let token = if req.pre_authenticated { None } else { Some(self.inner.token.token().await?) };
            let outcome = self.send_once(req, token.as_deref()).await;
            match x.absorb(outcome)? {
                crate::exchange::Next::Send => {}
                crate::exchange::Next::Wait(wait) => tokio::time::sleep(wait).await,
                crate::exchange::Next::Done(res) => return Ok(res),
            }
        }
    }

    /// Uploads `source` through an upload session made by `create_drive_upload_session`,
    /// `create_message_upload_session` or `create_event_upload_session`, in chunks of 3.2 MiB;
    /// `progress(sent, total)` is called after every chunk the service acknowledged. The core's
    /// [`Upload`](crate::upload::Upload) decides every request: failed chunks are resumed from
    /// the service's `nextExpectedRanges`, and the upload URL never gets the token.
    pub async fn upload(
        &self,
        session: &crate::model::UploadSession,
        source: impl UploadSource,
        progress: impl FnMut(u64, u64),
    ) -> Result<crate::upload::Uploaded, Error> {
        let up = crate::upload::Upload::new(session, source.size())?.with_policy(self.inner.policy.clone());
        self.run_upload(up, source, progress).await
    }

    /// Runs a prepared [`Upload`](crate::upload::Upload) (another chunk size, or
    /// `Upload::resume` for a session saved from an interrupted upload).
    pub async fn run_upload(
        &self,
        mut up: crate::upload::Upload,
        mut source: impl UploadSource,
        mut progress: impl FnMut(u64, u64),
    ) -> Result<crate::upload::Uploaded, Error> {
        use crate::upload::Step;
        if source.size() != up.size() {
            return Err(Error::invalid("source", format!("holds {} bytes, the upload {}", source.size(), up.size())));
        }
        loop {
            let req = match up.step()? {
                Step::Read { offset, len } => {
                    let bytes =
                        source.read_at(offset, len).await.map_err(|e| Error::invalid("source", e.to_string()))?;
                    up.chunk(&bytes)?
                }
                Step::Send(req) => req,
                Step::Wait(d) => {
                    tokio::time::sleep(d).await;
                    continue;
                }
                Step::Done => {
                    return up
                        .into_result()
                        .ok_or_else(|| Error::Transport("upload finished without a result".into()))?;
                }
            };
            let before = up.progress();
            let token = if req.pre_authenticated { None } else { Some(self.inner.token.token().await?) };
            match self.send_once(&req, token.as_deref()).await {
                Ok(res) => up.absorb(res)?,
                Err(e) => up.failed(e)?,
            }
            if up.progress() != before {
                progress(up.progress(), up.size());
            }
        }
    }

    /// One attempt; `token` is `None` for a pre-authenticated URL, which gets nothing of the caller's.
    async fn send_once(&self, req: &Request, token: Option<&str>) -> Result<Response, Error> {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut builder = self.inner.http.request(method, &req.url);
        for (k, v) in &req.headers {
            builder = builder.header(k.as_str(), v.as_str());
        }
        if let Some(token) = token {
            builder = builder.bearer_auth(token);
        }
        if let Some(body) = &req.body {
            builder = builder.body(body.clone());
        }
        let transport = |e| transport(e, req.pre_authenticated);
        let res = builder.send().await.map_err(transport)?;
        let status = res.status().as_u16();
        let headers = res
            .headers()
            .iter()
            .filter_map(|(k, v)| v.to_str().ok().map(|v| (k.as_str().to_string(), v.to_string())))
            .collect();
        let body = res.bytes().await.map_err(transport)?.to_vec();
        Ok(Response { status, headers, body })
    }
}

/// Where an upload's bytes come from: bytes in memory (`Vec<u8>`, `&[u8]`) or any async reader
/// that can seek (`ReaderSource`, e.g. over a `tokio::fs::File`). The upload may ask for a range
/// again after a failure, hence reads at an offset.
pub trait UploadSource: Send {
    /// The total size in bytes.
    fn size(&self) -> u64;
    /// `len` bytes from `offset`.
    fn read_at(
        &mut self,
        offset: u64,
        len: usize,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<u8>>> + Send + '_>>;
}

impl UploadSource for Vec<u8> {
    fn size(&self) -> u64 {
        self.len() as u64
    }
    fn read_at(
        &mut self,
        offset: u64,
        len: usize,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<u8>>> + Send + '_>> {
        Box::pin(std::future::ready(slice_at(self, offset, len)))
    }
}

impl UploadSource for &[u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }
    fn read_at(
        &mut self,
        offset: u64,
        len: usize,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<u8>>> + Send + '_>> {
        Box::pin(std::future::ready(slice_at(self, offset, len)))
    }
}

fn slice_at(bytes: &[u8], offset: u64, len: usize) -> std::io::Result<Vec<u8>> {
    usize::try_from(offset)
        .ok()
        .and_then(|o| bytes.get(o..o.checked_add(len)?))
        .map(<[u8]>::to_vec)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "range outside the bytes"))
}

/// An async reader that can seek, and its size.
pub struct ReaderSource<R> {
    reader: R,
    size: u64,
}

impl<R: tokio::io::AsyncRead + tokio::io::AsyncSeek + Unpin + Send> ReaderSource<R> {
    pub fn new(reader: R, size: u64) -> Self {
        ReaderSource { reader, size }
    }
}

impl<R: tokio::io::AsyncRead + tokio::io::AsyncSeek + Unpin + Send> UploadSource for ReaderSource<R> {
    fn size(&self) -> u64 {
        self.size
    }
    fn read_at(
        &mut self,
        offset: u64,
        len: usize,
    ) -> Pin<Box<dyn Future<Output = std::io::Result<Vec<u8>>> + Send + '_>> {
        Box::pin(async move {
            use tokio::io::{AsyncReadExt, AsyncSeekExt};
            self.reader.seek(std::io::SeekFrom::Start(offset)).await?;
            let mut buf = vec![0; len];
            self.reader.read_exact(&mut buf).await?;
            Ok(buf)
        })
    }
}

/// reqwest's messages name the URL but never headers, so the token cannot leak through them. A
/// pre-authenticated URL authorizes whoever holds it, as a token does: its messages do not name it.
fn transport(e: reqwest::Error, pre_authenticated: bool) -> Error {
    let e = if pre_authenticated { e.without_url() } else { e };
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else if e.is_body() || e.is_decode() {
        "the response body was cut off"
    } else {
        "request failed"
    };
    let to = if pre_authenticated { " (to the pre-authenticated URL, not shown)" } else { "" };
    let mut msg = format!("{kind}{to}: {e}");
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    Error::Transport(msg)
}

/// A random RFC 4122 version-4 GUID, without a uuid dependency.
fn new_guid() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut bytes = [0u8; 16];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_usize(i);
        h.write_u128(
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0),
        );
        chunk.copy_from_slice(&h.finish().to_le_bytes());
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

enum Next {
    Start,
    Link(String),
    End,
}

/// Pages of a list operation, fetched one by one.
pub struct Pager<O> {
    client: Client,
    op: O,
    first: Option<Request>,
    next: Next,
}

impl<T, O: Operation<Output = Page<T>>> Pager<O> {
    /// The next page, or `None` after the last one. After an error the pager stops.
    pub async fn next_page(&mut self) -> Option<Result<Page<T>, Error>> {
        let ep = self.client.endpoint().clone();
        let req = match std::mem::replace(&mut self.next, Next::End) {
            Next::End => return None,
            Next::Start => match self.op.request(&ep) {
                Ok(r) => {
                    self.first = Some(r.clone());
                    r
                }
                Err(e) => return Some(Err(e)),
            },
            Next::Link(link) => match next_page_request(&ep, self.first.as_ref()?, &link) {
                Ok(r) => r,
                Err(e) => return Some(Err(e)),
            },
        };
        let page = match self.client.execute(&req).await {
            Ok(res) => self.op.parse(&ep, res),
            Err(e) => Err(e),
        };
        if let Ok(p) = &page {
            if let Some(link) = &p.next_link {
                self.next = Next::Link(link.clone());
            }
        }
        Some(page)
    }
}

/// What a [`Syncer`] learned from one response.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncEvent<T> {
    /// Changes to apply, in order; then store `Syncer::state()`. `caught_up`: the round is complete.
    Changes { changes: Vec<Change<T>>, caught_up: bool },
    /// The server lost the sync's state: the pages that follow list every item again, and whatever
    /// the local copy holds that they do not list is gone. Announced, never silent.
    Resync { reason: String },
}

/// Runs a [`DeltaSync`] over this client's transport and retry policy: a pull loop.
///
/// ```no_run
/// # async fn demo(client: o365kit::Client, saved: Option<String>) -> Result<(), o365kit::Error> {
/// use o365kit::{Change, SyncEvent};
/// let mut sync = client.sync_messages("inbox", o365kit::Query::new().max_page_size(100));
/// if let Some(state) = &saved {
///     sync = sync.resume(state)?;
/// }
/// loop {
///     match sync.next().await? {
///         SyncEvent::Changes { changes, caught_up } => {
///             for change in changes {
///                 match change {
///                     Change::Upserted(m) => println!("+ {:?}", m.subject),
///                     Change::Removed { id, .. } => println!("- {id}"),
///                 }
///             }
///             let _store_me = sync.state();
///             if caught_up { break; }
///         }
///         SyncEvent::Resync { reason } => println!("starting over: {reason}"),
///     }
/// }
/// # Ok(()) }
/// ```
pub struct Syncer<O> {
    client: Client,
    op: O,
    machine: Option<DeltaSync>,
}

impl<T: Tracked, O: Operation<Output = DeltaPage<T>>> Syncer<O> {
    /// Continues from a state stored earlier (the same resource and query); a bad or foreign
    /// state is `InvalidInput` naming `state`.
    pub fn resume(mut self, state: &str) -> Result<Self, Error> {
        let ep = self.client.endpoint();
        let sync = DeltaSync::resume(ep, self.op.request(ep)?, state)?;
        self.machine = Some(sync.with_policy(self.client.inner.policy.clone()));
        Ok(self)
    }

    fn machine(&mut self) -> Result<&mut DeltaSync, Error> {
        if self.machine.is_none() {
            let ep = self.client.endpoint();
            let sync = DeltaSync::start(ep, self.op.request(ep)?);
            self.machine = Some(sync.with_policy(self.client.inner.policy.clone()));
        }
        self.machine.as_mut().ok_or_else(|| Error::invalid("sync", "has no state"))
    }

    /// The state to store after applying the changes `next` gave (before any: where it started).
    pub fn state(&mut self) -> Result<String, Error> {
        Ok(self.machine()?.state())
    }

    /// Whether the last page ended a round.
    pub fn is_caught_up(&self) -> bool {
        self.machine.as_ref().is_some_and(DeltaSync::is_caught_up)
    }

    /// Fetches the next page (with the client's retries; a cut-off page is fetched again). After a
    /// round is complete, the next call asks what changed since.
    pub async fn next(&mut self) -> Result<SyncEvent<T>, Error> {
        loop {
            let client = self.client.clone();
            let req = self.machine()?.request()?;
            let res = client.execute(&req).await?;
            let ep = client.endpoint();
            let (op, machine) =
                (&self.op, self.machine.as_mut().ok_or_else(|| Error::invalid("sync", "has no state"))?);
            let step = machine.absorb(&res, |r| {
                let page = op.parse(ep, r.clone())?;
                let links = crate::sync::Links::of(&page);
                Ok((page.value.into_iter().map(Change::of).collect::<Result<Vec<_>, _>>()?, links))
            })?;
            match step {
                Step::Page { page, caught_up } => return Ok(SyncEvent::Changes { changes: page, caught_up }),
                Step::Resync { reason } => return Ok(SyncEvent::Resync { reason }),
                Step::Retry(wait) => tokio::time::sleep(wait).await,
            }
        }
    }
}

/// Runs a [`GroupMailWatch`](crate::watch::GroupMailWatch) over this client's transport: each new
/// post of a group once, with its thread and conversation.
///
/// ```no_run
/// # async fn demo(client: o365kit::Client, saved: Option<String>) -> Result<(), o365kit::Error> {
/// let mut watch = client.watch_group_mail("GROUP_ID", std::time::Duration::from_secs(60))?;
/// if let Some(state) = &saved {
///     watch = watch.resume(state)?;
/// }
/// loop {
///     for mail in watch.next().await? {
///         let post = mail.post.unwrap_or_default();
///         println!("{:?} in {:?}", post.from, mail.thread.and_then(|t| t.topic));
///     }
///     let _store_me = watch.state();
/// }
/// # }
/// ```
pub struct GroupMailWatcher {
    client: Client,
    machine: crate::watch::GroupMailWatch,
    /// What the last step asked to wait before the next request.
    wait: Duration,
}

impl Client {
    /// Watches a group's conversations for new posts, a round every `interval` (60 s is what the
    /// Logic Apps trigger does): pull them with `next()` or `poll()`, store `state()` after
    /// handling them, and `resume(state)` a watch stored earlier.
    pub fn watch_group_mail(&self, group_id: &str, interval: Duration) -> Result<GroupMailWatcher, Error> {
        let machine = crate::watch::GroupMailWatch::new(self.endpoint(), group_id, interval)?
            .with_policy(self.inner.policy.clone());
        Ok(GroupMailWatcher { client: self.clone(), machine, wait: Duration::ZERO })
    }
}

impl GroupMailWatcher {
    /// Continues from a state stored earlier (of the same group); a bad or foreign state is
    /// `InvalidInput` naming `state`.
    pub fn resume(mut self, state: &str) -> Result<Self, Error> {
        let (ep, interval) = (self.client.endpoint(), self.machine.interval());
        let machine = crate::watch::GroupMailWatch::resume(ep, self.machine.group_id(), interval, state)?;
        self.machine = machine.with_policy(self.client.inner.policy.clone());
        Ok(self)
    }

    /// The state to store after handling the posts `next` or `poll` gave.
    pub fn state(&self) -> String {
        self.machine.state()
    }

    /// One request and what it taught the watch, after the wait the previous step asked for.
    pub async fn step(&mut self) -> Result<crate::watch::WatchStep, Error> {
        if !self.wait.is_zero() {
            tokio::time::sleep(std::mem::take(&mut self.wait)).await;
        }
        let req = self.machine.request()?;
        let step = match self.client.execute(&req).await {
            Ok(res) => self.machine.absorb(&res)?,
            Err(e) => self.machine.failed(e)?,
        };
        self.wait = step.wait;
        Ok(step)
    }

    /// Starts watching now, if the watch is new: posts received from now on (the server's time)
    /// are new. `next` and `poll` start it too.
    pub async fn start(&mut self) -> Result<(), Error> {
        while self.machine.is_starting() {
            self.step().await?;
        }
        self.wait = Duration::ZERO;
        Ok(())
    }

    /// One round now, without waiting for the interval: the posts that arrived since the last.
    pub async fn poll(&mut self) -> Result<Vec<crate::model::GroupMail>, Error> {
        self.start().await?;
        self.wait = Duration::ZERO;
        let mut posts = Vec::new();
        loop {
            let step = self.step().await?;
            posts.extend(step.mails()?);
            if step.caught_up {
                return Ok(posts);
            }
        }
    }

    /// Waits for new posts (round after round, every interval) and gives them, oldest first.
    pub async fn next(&mut self) -> Result<Vec<crate::model::GroupMail>, Error> {
        loop {
            let step = self.step().await?;
            if !step.posts.is_empty() {
                return step.mails();
            }
        }
    }
}

/// One async method per operation of the table, named as in every binding.
macro_rules! client_methods {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident ( $( $p:ident : $pty:ty ),* $(,)? ) -> $out:ty, $kind:ident = $op:ident $( @ $scope:ident )?;
    )*) => {
        impl Client { $(
            client_method! { $kind $(#[doc = $doc])* fn $name ( $( $p : $pty ),* ) -> $out, $op $( @ $scope )? }
        )* }
    };
}

/// A request-response operation is an async method; a `Delta` one gives the [`Syncer`] that runs it.
macro_rules! client_method {
    (Delta $(#[doc = $doc:literal])* fn $name:ident ( $( $p:ident : $pty:ty ),* ) -> $out:ty, $op:ident $( @ $scope:ident )?) => {
        $(#[doc = $doc])*
        ///
        /// Gives a [`Syncer`]: pull its pages with `next()`, store `state()` after applying each,
        /// and `resume(state)` a sync stored earlier.
        pub fn $name(&self, $( $p: impl Into<$pty> ),* ) -> Syncer<crate::ops::$op> {
            let op = crate::ops::$op { $( mailbox: <$scope>::clone(&self.mailbox), )? $( $p: $p.into() ),* };
            self.sync(op)
        }
    };
    ($kind:ident $(#[doc = $doc:literal])* fn $name:ident ( $( $p:ident : $pty:ty ),* ) -> $out:ty, $op:ident $( @ $scope:ident )?) => {
        $(#[doc = $doc])*
        // The table decides the parameters: an action such as findMeetingTimes has many.
        #[allow(clippy::too_many_arguments)]
        pub async fn $name(&self, $( $p: impl Into<$pty> ),* ) -> Result<$out, Error> {
            let op = crate::ops::$op { $( mailbox: <$scope>::clone(&self.mailbox), )? $( $p: $p.into() ),* };
            self.send(&op).await
        }
    };
}

use crate::ops::table::table_types::*;
crate::operation_table!(client_methods);
