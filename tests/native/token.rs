//! The bearer token never shows: every error path of the native client is provoked against an
//! emulator running as a child process, and everything that could carry the token is scanned for
//! it (errors' Display and Debug, the clients' Debug, what reqwest logs and hyper traces, what the
//! emulator prints), as it is and base64- or percent-encoded. Pre-authenticated URLs (uploads,
//! downloads after Graph's redirect) answer 401 to a request carrying a token, so the uploads and
//! downloads that succeed here prove the token was not sent there.

use base64::Engine;
use o365kit::model::{Calendar, ItemBody, Message};
use o365kit::upload::CHUNK_UNIT;
use o365kit::{ops, Client, Error, Policy, Query, Request, TokenProvider, Upload};
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// Seed users, spelled as nobody else spells them: the emulator matches principal names without
/// case, so these sign in, and any text holding them came from the token.
const MEMBER: &str = "emulator:mEmBeR@cOnToSo.TeSt";
const OUTSIDER: &str = "emulator:OuTsIdEr@CoNtOsO.tEsT";
/// Refused by the emulator: an unknown user (401 "Access token validation failure.") and a token
/// that is not the emulator's (401 "CompactToken parsing failed ...").
const UNKNOWN_USER: &str = "emulator:nObOdY-q7x3k9@cOnToSo.TeSt";
const FOREIGN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiJjYW5hcnkifQ.Zm9yZ2VkLXNpZ25hdHVyZQ";
const SECRETS: [&str; 4] = [MEMBER, OUTSIDER, UNKNOWN_USER, FOREIGN];

const PUBLIC: &str = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64";
const PRIVATE: &str = "9b1e5d2a-47c6-4f0e-b8a3-6e2d9c4f1a07";
const NONE: Option<String> = None;

#[tokio::test(flavor = "multi_thread")]
async fn no_error_path_shows_the_token_anywhere() {
    let captured = capture_logs();
    let mut emulator = Emulator::start();
    let base = emulator.url.clone();
    let mut seen = Seen::default();

    let fast = Policy {
        max_attempts: 3,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
        ..Policy::default()
    };
    let client = |token: &str, policy: &Policy| {
        Client::builder().base_url(&base).token(token).retry_policy(policy.clone()).build().expect("client builds")
    };
    let member = client(MEMBER, &fast);
    let member_once = client(MEMBER, &Policy::no_retries());
    let outsider = client(OUTSIDER, &Policy::no_retries());
    let unknown = client(UNKNOWN_USER, &Policy::no_retries());
    let foreign = client(FOREIGN, &Policy::no_retries());
    let closed_port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dead = Client::builder()
        .base_url(&format!("http://127.0.0.1:{closed_port}"))
        .token(MEMBER)
        .retry_policy(fast.clone())
        .build()
        .unwrap();
    for c in [&member, &member_once, &outsider, &unknown, &foreign, &dead] {
        seen.text("client", format!("{c:?} {c:#?}"));
    }
    seen.text("builder", format!("{:?}", Client::builder().base_url(&base).token(MEMBER)));
    let control = Control { base: base.clone() };

    // 400: a $filter Graph cannot parse.
    let err = member_once.list_groups(Query::new().filter("displayName eq")).await.unwrap_err();
    seen.status("400 bad $filter", &err, 400);

    // 401: a token for nobody, and a token that is not the emulator's.
    let err = unknown.list_joined_groups(Query::new()).await.unwrap_err();
    seen.status("401 unknown user", &err, 401);
    assert_eq!(err.api().unwrap().code, "InvalidAuthenticationToken");
    let err = foreign.list_groups(Query::new()).await.unwrap_err();
    seen.status("401 foreign token", &err, 401);

    // 403: the outsider in the private group.
    let err = outsider.list_group_threads(PRIVATE, Query::new()).await.unwrap_err();
    seen.status("403 private group", &err, 403);

    // 404.
    let err = member.get_thread(PUBLIC, "AAQkAGNoSuchThreadAAAAAAAA=", Query::new()).await.unwrap_err();
    seen.status("404 thread", &err, 404);

    // 409: a calendar name used twice.
    member.create_calendar(Calendar::named("Token canary")).await.unwrap();
    let err = member.create_calendar(Calendar::named("Token canary")).await.unwrap_err();
    seen.status("409 calendar exists", &err, 409);

    // 412: the emulator has no ETags to disagree with, so an injected answer stands in for Graph's.
    control.fault(r#"{"status": 412, "count": 1}"#).await;
    let err = member_once.get_group(PUBLIC, Query::new()).await.unwrap_err();
    seen.status("412 injected", &err, 412);

    // 413: a draft whose body is over Graph's 4 MB.
    let big =
        Message { subject: Some("big".into()), body: Some(ItemBody::text("a".repeat(5 << 20))), ..Default::default() };
    let err = member_once.create_message(big).await.unwrap_err();
    seen.status("413 body over 4 MB", &err, 413);

    // 429 with every attempt throttled: three attempts, then the 429.
    control.fault(r#"{"status": 429, "retryAfter": 0, "count": 3}"#).await;
    let err = member.list_joined_groups(Query::new()).await.unwrap_err();
    seen.status("429 retries exhausted", &err, 429);
    assert_eq!(control.faults_left().await, 0, "all three attempts were sent");

    // 500 and 503, not retried.
    control.fault(r#"{"status": 503, "retryAfter": 1, "count": 1}"#).await;
    let err = member_once.list_groups(Query::new()).await.unwrap_err();
    seen.status("503", &err, 503);
    control.fault(r#"{"status": 500, "count": 1}"#).await;
    let err = member_once.get_group(PUBLIC, Query::new()).await.unwrap_err();
    seen.status("500", &err, 500);

    // A body cut in half (a decode error, or a transport one when the length gives it away), and a
    // connection dropped halfway.
    control.fault(r#"{"truncate": true, "count": 1}"#).await;
    let err = member_once.list_group_threads(PUBLIC, Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. } | Error::Transport(_)), "{err:?}");
    seen.error("truncated body", &err);
    control.fault(r#"{"drop": true, "count": 1}"#).await;
    let err = member_once.list_group_threads(PUBLIC, Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_) | Error::Decode { .. }), "{err:?}");
    assert_eq!(control.faults_left().await, 0, "the dropped answer was this request's");
    seen.error("dropped connection", &err);

    // No server at all, after the retries.
    let err = dead.list_groups(Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    seen.error("connection refused", &err);

    // Refused before sending: a bad id, and a token provider giving a token with a line break.
    let err = member.get_thread(PUBLIC, "", Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref param, .. } if param == "thread_id"), "{err:?}");
    seen.error("invalid input", &err);
    let broken = TokenProvider::callback(|| async { Ok(format!("{MEMBER}\r\n")) });
    let broken = Client::builder().base_url(&base).token(broken).build().unwrap();
    seen.text("callback client", format!("{broken:?}"));
    let err = broken.list_groups(Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref param, .. } if param == "token"), "{err:?}");
    seen.error("token with a line break", &err);

    // Uploads: the URL is pre-authenticated; the emulator answers 401 to a chunk carrying a token,
    // so a finished upload proves none was sent.
    let body: Vec<u8> = (0..CHUNK_UNIT * 2 + 1000).map(|i| (i % 251) as u8).collect();
    let session = member.create_drive_upload_session(PUBLIC, "token-canary.bin", NONE, NONE).await.unwrap();
    let up = Upload::new(&session, body.len() as u64).unwrap().with_chunk_size(CHUNK_UNIT).unwrap();
    seen.text("upload", format!("{up:?} {session:?}"));
    let done = member.run_upload(up, body.clone(), |_, _| {}).await.expect("upload without the token");
    seen.text("uploaded", format!("{done:?}"));
    let o365kit::Uploaded::Item(item) = done else { panic!("a drive item") };
    let item_id = item.id.clone().unwrap();

    // A download follows Graph's 302 to a pre-authenticated URL, which is throttled once here and
    // asked again: neither request may carry the token (else 401).
    control.fault(r#"{"status": 503, "retryAfter": 0, "count": 1, "pathPrefix": "/download"}"#).await;
    let got = member.download_drive_item(PUBLIC, item_id.as_str()).await.expect("download without the token");
    assert_eq!(got.bytes, body);
    assert_eq!(control.faults_left().await, 0, "the download URL was asked twice");
    // The emulator does tell: the same URL with the token is a 401.
    let by_id = member.get_drive_item(PUBLIC, item_id.as_str(), Query::new()).await.unwrap();
    let url = by_id.download_url().expect("a download URL").to_string();
    let res = member.execute(&Request::get(url)).await.unwrap();
    assert_eq!(res.status, 401, "a pre-authenticated URL refuses a token");
    seen.error("token sent to a download URL on purpose", &Error::from_response(&res));

    // A failed chunk (a server error with no retries left), a chunk over 4 MB (413), an expired session.
    let session = member.create_drive_upload_session(PUBLIC, "token-canary-2.bin", NONE, NONE).await.unwrap();
    control.fault(r#"{"status": 500, "count": 1, "pathPrefix": "/upload"}"#).await;
    let err = member_once.upload(&session, body.clone(), |_, _| {}).await.unwrap_err();
    seen.status("upload chunk 500", &err, 500);
    let session = member.create_drive_upload_session(PUBLIC, "token-canary-3.bin", NONE, NONE).await.unwrap();
    let big = vec![7u8; CHUNK_UNIT * 16];
    let up = Upload::new(&session, big.len() as u64).unwrap().with_chunk_size(CHUNK_UNIT * 16).unwrap();
    let err = member.run_upload(up, big, |_, _| {}).await.unwrap_err();
    seen.status("upload chunk 413", &err, 413);
    // A pre-authenticated URL authorizes whoever holds it, like a token: a connection lost on
    // one (a chunk, a download) is a transport error that does not name it.
    let session = member.create_drive_upload_session(PUBLIC, "token-canary-5.bin", NONE, NONE).await.unwrap();
    let upload_url = session.upload_url.clone().unwrap();
    control.fault(r#"{"drop": true, "count": 1, "pathPrefix": "/upload"}"#).await;
    let err = member_once.upload(&session, body.clone(), |_, _| {}).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(!format!("{err} {err:?}").contains(secret_part(&upload_url)), "{err:?}");
    seen.error("upload chunk cut off", &err);
    control.fault(r#"{"drop": true, "count": 1, "pathPrefix": "/download"}"#).await;
    let err = member_once.download_drive_item(PUBLIC, item_id.as_str()).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    let download_url = member.get_drive_item(PUBLIC, item_id.as_str(), Query::new()).await.unwrap();
    let download_url = download_url.download_url().unwrap().to_string();
    assert!(!format!("{err} {err:?}").contains("/download/"), "{err:?} names {download_url}");
    seen.error("download cut off", &err);
    let session = member.create_drive_upload_session(PUBLIC, "token-canary-4.bin", NONE, NONE).await.unwrap();
    control.post("/_emulator/uploads/expire", "").await;
    let err = member.upload(&session, body.clone(), |_, _| {}).await.unwrap_err();
    assert!(matches!(err, Error::UploadExpired { .. }), "{err:?}");
    seen.error("upload expired", &err);

    // Delta sync: someone else's inbox (403), a step failing with 503, a foreign state.
    let mut sync = outsider.mailbox("member@contoso.test").sync_messages("inbox", Query::new());
    let err = sync.next().await.unwrap_err();
    seen.status("sync 403", &err, 403);
    control.fault(r#"{"status": 503, "count": 1, "pathPrefix": "/v1.0/me/mailFolders/inbox/messages/delta"}"#).await;
    let mut sync = member_once.sync_messages("inbox", Query::new().max_page_size(5));
    let err = sync.next().await.unwrap_err();
    seen.status("sync 503", &err, 503);
    seen.text("sync state", sync.state().unwrap());
    let err = member.sync_messages("inbox", Query::new()).resume("o365kit-delta/1 not-a-state").err().unwrap();
    assert!(matches!(err, Error::InvalidInput { ref param, .. } if param == "state"), "{err:?}");
    seen.error("sync foreign state", &err);

    // A batch whose items fail: 404, 403, and 424 for the one depending on a failed item.
    let mut batch = member.batch();
    let ok = batch.add(&ops::GetGroup { group_id: PUBLIC.into(), query: Query::new() }).unwrap();
    let missing = batch
        .add(&ops::GetThread {
            group_id: PUBLIC.into(),
            thread_id: "AAQkAGNoSuchThreadAAAAAAAA=".into(),
            query: Query::new(),
        })
        .unwrap();
    let denied_op = ops::ListGroupThreads { group_id: PRIVATE.into(), query: Query::new() };
    let denied = batch.add(&denied_op).unwrap();
    let after = batch.add_after(&ops::GetGroup { group_id: PRIVATE.into(), query: Query::new() }, &[1]).unwrap();
    for req in batch.requests().unwrap() {
        let body = String::from_utf8_lossy(req.body.as_deref().unwrap_or_default()).into_owned();
        seen.text("batch request", format!("{req:?} {body}"));
    }
    member.send_batch(&mut batch).await.expect("the batch itself succeeds");
    seen.text("batch handles", format!("{ok:?} {missing:?} {denied:?} {after:?}"));
    assert!(batch.result(&ok).is_ok());
    seen.status("batch item 404", &batch.result(&missing).unwrap_err(), 404);
    seen.status("batch item 403", &batch.result(&denied).unwrap_err(), 403);
    seen.status("batch item 424", &batch.result(&after).unwrap_err(), 424);

    // The group-mail watcher: denied (403), and giving up after the server stays unreachable.
    let mut watch = outsider.watch_group_mail(PRIVATE, Duration::from_millis(50)).unwrap();
    let err = watch.poll().await.unwrap_err();
    seen.status("watcher 403", &err, 403);
    seen.text("watch state", watch.state());
    let mut watch = dead.watch_group_mail(PUBLIC, Duration::from_millis(50)).unwrap();
    let err = watch.poll().await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    seen.error("watcher unreachable", &err);
    let err = member.watch_group_mail(PUBLIC, Duration::from_secs(1)).unwrap().resume("garbage").err().unwrap();
    assert!(matches!(err, Error::InvalidInput { ref param, .. } if param == "state"), "{err:?}");
    seen.error("watcher foreign state", &err);

    assert_eq!(seen.paths, 31, "every path above was taken");
    let (stdout, stderr) = emulator.stop();
    assert!(stdout.contains("listening on http://127.0.0.1:"), "the emulator's output was read: {stdout}");
    seen.text("emulator stdout", stdout);
    seen.text("emulator stderr", stderr);
    let logs = captured.lock().unwrap().clone();
    assert!(!logs.is_empty(), "reqwest and hyper said something, and it was captured");
    seen.text("logs and traces", logs);

    let leaks = seen.leaks();
    assert!(leaks.is_empty(), "the token leaked:\n{}", leaks.join("\n"));
}

#[test]
fn the_scan_sees_the_token_in_every_form() {
    use base64::engine::general_purpose::{STANDARD, URL_SAFE};
    let percent = "emulator%3amember%40contoso.test";
    let planted = [
        MEMBER.to_string(),
        MEMBER.to_ascii_lowercase(),
        "signed in as mEmBeR@cOnToSo.TeSt".to_string(),
        format!("url?t={percent}&x=1"),
        STANDARD.encode(format!("Authorization: Bearer {MEMBER}")),
        STANDARD.encode(format!("Bearer {MEMBER}!")),
        URL_SAFE.encode(format!("[{FOREIGN}]")),
        format!("Bearer {FOREIGN}"),
    ];
    for text in planted {
        let mut seen = Seen::default();
        seen.text("planted", text.clone());
        assert!(!seen.leaks().is_empty(), "not seen in {text:?}");
    }
    let mut clean = Seen::default();
    clean.text("clean", "member@contoso.test signed in; outsider@contoso.test denied; emulator: ok");
    assert_eq!(clean.leaks(), Vec::<String>::new());
}

/// The part of a pre-authenticated URL that authorizes: its last path segment.
fn secret_part(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

/// Everything said along the way, and how many error paths were checked.
#[derive(Default)]
struct Seen {
    texts: Vec<(String, String)>,
    paths: usize,
}

impl Seen {
    fn text(&mut self, label: &str, text: impl Into<String>) {
        self.texts.push((label.to_string(), text.into()));
    }

    /// Every way an error turns into text: Display, Debug, pretty Debug, its source chain.
    fn error(&mut self, label: &str, err: &Error) {
        self.paths += 1;
        let mut text = format!("{err}\n{err:?}\n{err:#?}");
        let mut source = std::error::Error::source(err);
        while let Some(s) = source {
            text.push_str(&format!("\n{s}\n{s:?}"));
            source = s.source();
        }
        self.text(label, text);
    }

    fn status(&mut self, label: &str, err: &Error, status: u16) {
        assert_eq!(err.status(), Some(status), "{label}: {err:?}");
        self.error(label, err);
    }

    fn leaks(&self) -> Vec<String> {
        let mut found = Vec::new();
        for secret in SECRETS {
            for (form, needle, any_case) in encodings(secret) {
                for (label, text) in &self.texts {
                    let hit = if any_case {
                        text.to_ascii_lowercase().contains(&needle.to_ascii_lowercase())
                    } else {
                        text.contains(&needle)
                    };
                    if hit {
                        found.push(format!("{label}: {form} of {secret:?} in {text}"));
                    }
                }
            }
        }
        found
    }
}

/// The forms a token takes in text: as it is (and the part after `emulator:`, in its own odd
/// case), percent-encoded, and base64 (standard and URL-safe, at each of the three alignments
/// it can have inside longer base64 text, such as a whole `Authorization` header's).
fn encodings(secret: &str) -> Vec<(&'static str, String, bool)> {
    let mut forms = vec![("the token", secret.to_string(), true)];
    if let Some(rest) = secret.strip_prefix("emulator:") {
        forms.push(("the token's principal name as spelled", rest.to_string(), false));
    }
    let percent: String = secret
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    forms.push(("the token percent-encoded", percent, true));
    for (name, engine) in [
        ("base64", &base64::engine::general_purpose::STANDARD),
        ("base64url", &base64::engine::general_purpose::URL_SAFE),
    ] {
        for pad in 0..3 {
            let text = engine.encode([&b"xx"[..pad], secret.as_bytes()].concat());
            let (skip, keep) = (if pad == 0 { 0 } else { 4 }, text.len().saturating_sub(4));
            forms.push((
                if name == "base64" { "the token in base64" } else { "the token in base64url" },
                text[skip..keep].to_string(),
                false,
            ));
        }
    }
    forms
}

/// The emulator's control routes (no token).
struct Control {
    base: String,
}

impl Control {
    fn client(&self) -> Client {
        Client::builder().base_url(&self.base).token("control").retry_policy(Policy::no_retries()).build().unwrap()
    }

    async fn post(&self, route: &str, body: &str) -> u16 {
        let req = Request::post(format!("{}{route}", self.base)).bytes("application/json", body.as_bytes().to_vec());
        let status = self.client().execute(&req).await.expect("the emulator answers").status;
        assert!((200..300).contains(&status), "{route}: {status}");
        status
    }

    async fn fault(&self, rule: &str) {
        self.post("/_emulator/faults", rule).await;
    }

    /// Requests the queued fault rules have yet to fail.
    async fn faults_left(&self) -> u64 {
        let res = self.client().execute(&Request::get(format!("{}/_emulator/faults", self.base))).await.unwrap();
        let rules: serde_json::Value = serde_json::from_slice(&res.body).unwrap();
        let rules = rules.get("value").unwrap_or(&rules).as_array().cloned().unwrap_or_default();
        rules.iter().filter_map(|r| r.get("count").and_then(serde_json::Value::as_u64)).sum()
    }
}

/// The emulator's own binary as a child process, everything it prints kept.
struct Emulator {
    child: Child,
    url: String,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
    readers: Vec<std::thread::JoinHandle<()>>,
}

impl Emulator {
    fn start() -> Emulator {
        let mut child = Command::new(env!("CARGO_BIN_EXE_o365kit-emulator-e2e"))
            .args(["--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the emulator starts");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).expect("the emulator's first line");
        let url = first.trim().rsplit(' ').next().unwrap().to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "{first}");
        let stdout = Arc::new(Mutex::new(first));
        let mut err = child.stderr.take().unwrap();
        let (sink, stderr_sink) = (stdout.clone(), Arc::new(Mutex::new(String::new())));
        let readers = vec![
            std::thread::spawn(move || {
                let mut rest = String::new();
                let _ = out.read_to_string(&mut rest);
                sink.lock().unwrap().push_str(&rest);
            }),
            std::thread::spawn({
                let sink = stderr_sink.clone();
                move || {
                    let mut text = String::new();
                    let _ = err.read_to_string(&mut text);
                    *sink.lock().unwrap() = text;
                }
            }),
        ];
        Emulator { child, url, stdout, stderr: stderr_sink, readers }
    }

    /// Stops it as Ctrl-C would (SIGTERM) and gives (stdout, stderr).
    fn stop(&mut self) -> (String, String) {
        let term = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        if !term.is_ok_and(|s| s.success()) {
            let _ = self.child.kill();
        }
        let status = self.child.wait().expect("the emulator exits");
        assert!(status.success(), "a clean stop: {status}");
        for r in self.readers.drain(..) {
            r.join().unwrap();
        }
        let stderr = self.stderr.lock().unwrap().clone();
        (self.stdout.lock().unwrap().clone(), stderr)
    }
}

/// A test that fails half-way still stops its emulator.
impl Drop for Emulator {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Every `log` record (reqwest) and `tracing` event and span (hyper) of this process, at every level.
fn capture_logs() -> Arc<Mutex<String>> {
    let sink = LOGS.get_or_init(Arc::default).clone();
    log::set_logger(&LogSink).expect("the only logger");
    log::set_max_level(log::LevelFilter::Trace);
    tracing::subscriber::set_global_default(TraceSink { sink: sink.clone(), ids: Default::default() })
        .expect("the only subscriber");
    sink
}

static LOGS: OnceLock<Arc<Mutex<String>>> = OnceLock::new();

struct LogSink;

impl log::Log for LogSink {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        let line = format!("{} {}: {}\n", record.level(), record.target(), record.args());
        if let Some(sink) = LOGS.get() {
            sink.lock().unwrap().push_str(&line);
        }
    }
    fn flush(&self) {}
}

struct TraceSink {
    sink: Arc<Mutex<String>>,
    ids: std::sync::atomic::AtomicU64,
}

struct Fields<'a>(&'a mut String);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push_str(&format!(" {}={value}", field.name()));
    }
}

impl tracing::Subscriber for TraceSink {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut line = format!("span {}:", span.metadata().name());
        span.record(&mut Fields(&mut line));
        self.sink.lock().unwrap().push_str(&(line + "\n"));
        tracing::span::Id::from_u64(self.ids.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1)
    }
    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut line = String::from("record:");
        values.record(&mut Fields(&mut line));
        self.sink.lock().unwrap().push_str(&(line + "\n"));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let meta = event.metadata();
        let mut line = format!("{} {}:", meta.level(), meta.target());
        event.record(&mut Fields(&mut line));
        self.sink.lock().unwrap().push_str(&(line + "\n"));
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}
