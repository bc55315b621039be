//! Upload sessions as a sans-IO state machine: large files into a drive
//! (`create_drive_upload_session`) and large attachments onto messages and events
//! (`create_message_upload_session`, `create_event_upload_session`).
//!
//! [`Upload`] says what to do next ([`Step`]): read a range of the source and send it as a chunk
//! (`Read`, then [`Upload::chunk`] gives the request), send a request (`Send`: asking the server
//! which ranges it still misses), wait (`Wait`), or stop (`Done`). The transport sends, hands
//! every answer to [`Upload::absorb`] (or a transport failure to [`Upload::failed`]) and asks
//! again. The upload URL is pre-authenticated: every request the machine makes is marked
//! `pre_authenticated`, so no transport sends the bearer token to it.
//!
//! ```
//! use o365kit::upload::{Step, Upload};
//! use o365kit::model::UploadSession;
//! use o365kit::Response;
//!
//! let session = UploadSession { upload_url: Some("https://up.example/s1".into()), ..Default::default() };
//! let data = vec![7u8; 500_000];
//! let mut up = Upload::new(&session, data.len() as u64).unwrap();
//! let Step::Read { offset, len } = up.step().unwrap() else { unreachable!() };
//! assert_eq!((offset, len), (0, 500_000)); // one chunk: the default is 3.2 MiB
//! let req = up.chunk(&data[offset as usize..][..len]).unwrap();
//! assert_eq!(req.header_value("content-range"), Some("bytes 0-499999/500000"));
//! assert!(req.pre_authenticated);
//! up.absorb(Response::new(201, vec![], br#"{"id":"01ABC","name":"big.bin","file":{}}"#.to_vec())).unwrap();
//! assert_eq!(up.step().unwrap(), Step::Done);
//! ```

use crate::datetime::DateTime;
use crate::error::Error;
use crate::http::{Request, Response};
use crate::model::schema::HasSchema;
use crate::model::{Attachment, DriveItem, UploadSession};
use crate::retry::Policy;
use serde_json::Value;
use std::time::Duration;

/// Chunks are a multiple of 320 KiB, as OneDrive and SharePoint require.
pub const CHUNK_UNIT: usize = 320 * 1024;
/// 10 x 320 KiB = 3,276,800 bytes: under Outlook's 4 MB per request, so one size fits drives and
/// attachments alike.
pub const DEFAULT_CHUNK_SIZE: usize = 10 * CHUNK_UNIT;
/// OneDrive and SharePoint take at most 60 MiB in one request.
pub const MAX_CHUNK_SIZE: usize = 192 * CHUNK_UNIT;

/// What the transport does next.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Send this request and hand its answer to `absorb` (or its failure to `failed`).
    Send(Request),
    /// Read `len` bytes of the source from `offset` and pass them to `chunk`, which gives the
    /// request to send.
    Read { offset: u64, len: usize },
    /// Wait this long, then ask again.
    Wait(Duration),
    /// The upload is complete: `result` holds what the service made of it.
    Done,
}

/// What an upload made, as the machine keeps it: Graph's JSON, checked against its model (the
/// machine reads no model itself, so the npm package carries no typed decoder for it).
#[derive(Debug, Clone, PartialEq)]
pub struct UploadResult {
    /// `"driveItem"` or `"attachment"`.
    pub kind: &'static str,
    pub json: Value,
}

impl UploadResult {
    /// The result as a typed model.
    pub fn read(&self) -> Result<Uploaded, Error> {
        let bad = |e: serde_json::Error| Error::decode(self.kind, "", e);
        Ok(match self.kind {
            "driveItem" => Uploaded::Item(Box::new(serde_json::from_value(self.json.clone()).map_err(bad)?)),
            _ => Uploaded::Attachment(Box::new(serde_json::from_value(self.json.clone()).map_err(bad)?)),
        })
    }
}

/// What an upload made.
#[derive(Debug, Clone, PartialEq)]
pub enum Uploaded {
    /// A drive file, as the service answered the last chunk.
    Item(Box<DriveItem>),
    /// A message's or event's file attachment; Outlook answers the last chunk with its location
    /// only, so the attachment holds its id (read the rest with `get_message_attachment`).
    Attachment(Box<Attachment>),
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    Ready,
    Reading {
        offset: u64,
        len: usize,
    },
    SentChunk {
        offset: u64,
        len: usize,
    },
    /// The server's view is unknown (a failure, a lost answer, a resumed session): ask it.
    Unsure,
    SentQuery,
    Waiting(Duration),
    Done(UploadResult),
    Failed(Error),
}

/// One upload through one upload session (see the module docs).
#[derive(Debug, Clone)]
pub struct Upload {
    url: String,
    size: u64,
    chunk_size: usize,
    /// The first byte the server is missing, as far as the machine knows.
    offset: u64,
    expires: Option<String>,
    state: State,
    failures: u32,
    policy: Policy,
}

impl Upload {
    /// Uploads `size` bytes through a new session, from the first range it expects (byte 0).
    pub fn new(session: &UploadSession, size: u64) -> Result<Upload, Error> {
        let ranges = session.next_expected_ranges.as_deref();
        Upload::start(session.upload_url.as_deref(), session.expiration_date_time.as_deref(), ranges, size)
    }

    /// Resumes an interrupted upload through an existing session: asks the server which ranges
    /// it still misses before sending anything.
    pub fn resume(session: &UploadSession, size: u64) -> Result<Upload, Error> {
        Upload::start(session.upload_url.as_deref(), session.expiration_date_time.as_deref(), None, size)
            .map(Upload::unsure)
    }

    /// `new` (or `resume`) from the session's JSON as Graph wrote it, checked against
    /// `UploadSession`'s table: for a binding that holds the session as JSON.
    pub fn from_json(session: &serde_json::Value, size: u64, resume: bool) -> Result<Upload, Error> {
        use crate::ops::check::{field, items, text};
        let url = text(session, "uploadUrl");
        let expires = text(session, "expirationDateTime");
        if resume {
            return Upload::start(url, expires, None, size).map(Upload::unsure);
        }
        let ranges: Vec<String> =
            items(session, "nextExpectedRanges").iter().filter_map(|r| r.as_str().map(String::from)).collect();
        let ranges = field(session, "nextExpectedRanges").map(|_| ranges.as_slice());
        Upload::start(url, expires, ranges, size)
    }

    /// Not knowing which ranges the server holds: the first request asks.
    fn unsure(mut self) -> Upload {
        self.state = State::Unsure;
        self
    }

    fn start(url: Option<&str>, expires: Option<&str>, ranges: Option<&[String]>, size: u64) -> Result<Upload, Error> {
        let url = url.map(str::trim).unwrap_or("");
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.chars().any(char::is_control) {
            return Err(Error::invalid("session.upload_url", "must be the session's http(s) upload URL"));
        }
        if size == 0 {
            return Err(Error::invalid(
                "size",
                "must be at least 1 byte (create an empty file with upload_drive_file)",
            ));
        }
        let mut up = Upload {
            url: url.to_string(),
            size,
            chunk_size: DEFAULT_CHUNK_SIZE,
            offset: 0,
            expires: expires.map(String::from),
            state: State::Ready,
            failures: 0,
            policy: Policy::default(),
        };
        if let Some(ranges) = ranges {
            up.offset = up.first_missing(ranges).ok_or_else(|| {
                Error::invalid(
                    "session.next_expected_ranges",
                    "must start with a range inside the file, such as \"0-\"",
                )
            })?;
        }
        Ok(up)
    }

    /// Bytes per chunk: a multiple of 320 KiB, at most 60 MiB (attachments: keep it under 4 MB).
    pub fn with_chunk_size(mut self, bytes: usize) -> Result<Upload, Error> {
        if bytes == 0 || bytes % CHUNK_UNIT != 0 || bytes > MAX_CHUNK_SIZE {
            return Err(Error::invalid("chunk_size", "must be a multiple of 320 KiB (327680 bytes), at most 60 MiB"));
        }
        self.chunk_size = bytes;
        Ok(self)
    }

    /// How many failed requests in a row (and which backoff) before the upload gives up.
    pub fn with_policy(mut self, policy: Policy) -> Upload {
        self.policy = policy;
        self
    }

    /// The session's upload URL, to keep for `resume` (it authorizes itself: store it as a secret).
    pub fn upload_url(&self) -> &str {
        &self.url
    }

    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Bytes the server has acknowledged so far.
    pub fn progress(&self) -> u64 {
        match self.state {
            State::Done(_) => self.size,
            _ => self.offset,
        }
    }

    /// The session's expiry as the server last gave it.
    pub fn expiration_date_time(&self) -> Option<&str> {
        self.expires.as_deref()
    }

    /// What the upload made, once `step` said `Done`, as Graph's JSON.
    pub fn result(&self) -> Option<&UploadResult> {
        match &self.state {
            State::Done(u) => Some(u),
            _ => None,
        }
    }

    /// What the upload made, once `step` said `Done`, as a typed model.
    pub fn into_result(self) -> Option<Result<Uploaded, Error>> {
        self.result().map(UploadResult::read)
    }

    /// The request that cancels the session (the service drops the bytes it holds).
    pub fn cancel_request(&self) -> Request {
        Request::delete(self.url.clone()).pre_authenticated()
    }

    /// What to do next.
    pub fn step(&mut self) -> Result<Step, Error> {
        match self.state.clone() {
            State::Ready => {
                self.check_expiry()?;
                if self.offset >= self.size {
                    // Everything was sent but the final answer never came: the server knows.
                    self.state = State::SentQuery;
                    return Ok(Step::Send(self.status_request()));
                }
                let len = usize::try_from(self.size - self.offset).map_or(self.chunk_size, |n| n.min(self.chunk_size));
                self.state = State::Reading { offset: self.offset, len };
                Ok(Step::Read { offset: self.offset, len })
            }
            State::Reading { offset, len } => Ok(Step::Read { offset, len }),
            State::Unsure => {
                self.check_expiry()?;
                self.state = State::SentQuery;
                Ok(Step::Send(self.status_request()))
            }
            State::Waiting(d) => {
                self.state = State::Unsure;
                Ok(Step::Wait(d))
            }
            State::Done(_) => Ok(Step::Done),
            State::Failed(e) => Err(e),
            State::SentChunk { .. } | State::SentQuery => {
                Err(Error::invalid("upload", "the answer to the request sent last must go to absorb or failed first"))
            }
        }
    }

    /// The request carrying the bytes `step` asked for (`Step::Read`).
    pub fn chunk(&mut self, bytes: &[u8]) -> Result<Request, Error> {
        let State::Reading { offset, len } = self.state else {
            return Err(Error::invalid("chunk", "no chunk was asked for: call step first"));
        };
        if bytes.len() != len {
            return Err(Error::invalid(
                "chunk",
                format!(
                    "got {} bytes for the range at {offset}, expected {len}: the source is shorter than the size given",
                    bytes.len()
                ),
            ));
        }
        let last = offset + len as u64 - 1;
        self.state = State::SentChunk { offset, len };
        Ok(Request::put(self.url.clone())
            .bytes("application/octet-stream", bytes.to_vec())
            .header("Content-Range", format!("bytes {offset}-{last}/{}", self.size))
            .pre_authenticated())
    }

    /// The answer to the request sent last.
    pub fn absorb(&mut self, res: Response) -> Result<(), Error> {
        let outcome = match std::mem::replace(&mut self.state, State::Unsure) {
            State::SentChunk { offset, len } => self.absorb_chunk(offset, len, res),
            State::SentQuery => self.absorb_status(res),
            other => {
                self.state = other;
                return Err(Error::invalid("upload", "no request is waiting for an answer"));
            }
        };
        if let Err(e) = &outcome {
            self.state = State::Failed(e.clone());
        }
        outcome
    }

    /// The request sent last got no answer (connection reset, timeout...): the server may or may
    /// not have the bytes, so the machine asks it after a backoff. Gives up after the policy's
    /// attempts in a row, with `err`.
    pub fn failed(&mut self, err: Error) -> Result<(), Error> {
        if !matches!(self.state, State::SentChunk { .. } | State::SentQuery) {
            return Err(Error::invalid("upload", "no request is waiting for an answer"));
        }
        self.retry_later(err, None)
    }

    fn absorb_chunk(&mut self, offset: u64, len: usize, res: Response) -> Result<(), Error> {
        let last = offset + len as u64 >= self.size;
        match res.status {
            200..=202 => match session_answer(&res) {
                Some(Ok(s)) => {
                    self.learn(&s)?;
                    if self.offset > offset {
                        self.failures = 0;
                    }
                    self.state = State::Ready;
                    Ok(())
                }
                None if last && res.status != 202 => {
                    self.state = State::Done(finished(&res)?);
                    Ok(())
                }
                // A cut-off or unreadable answer: whether the bytes arrived is unknown.
                _ => self.retry_later(Error::decode("UploadSession", "", "unreadable answer to a chunk"), Some(&res)),
            },
            // The server holds other ranges than this chunk assumed: ask it which.
            416 => self.retry_later(Error::from_response(&res), Some(&res)),
            404 | 410 => Err(self.expired()),
            s if transient(s) => self.retry_later(Error::from_response(&res), Some(&res)),
            _ => Err(Error::from_response(&res)),
        }
    }

    fn absorb_status(&mut self, res: Response) -> Result<(), Error> {
        match res.status {
            200..=299 => match session_answer(&res) {
                Some(Ok(s)) => {
                    self.learn(&s)?;
                    if self.offset >= self.size {
                        return Err(Error::Transport(
                            "the service holds every byte but its answer to the last chunk was lost; the upload cannot tell what it made".into(),
                        ));
                    }
                    self.state = State::Ready;
                    Ok(())
                }
                _ => self.retry_later(Error::decode("UploadSession", "", "unreadable upload status"), Some(&res)),
            },
            404 | 410 => Err(self.expired()),
            s if transient(s) => self.retry_later(Error::from_response(&res), Some(&res)),
            _ => Err(Error::from_response(&res)),
        }
    }

    /// Counts a failure and waits (the server's `Retry-After`, else a backoff) before asking the
    /// server where things stand; `err` once the policy's attempts are used up.
    fn retry_later(&mut self, err: Error, res: Option<&Response>) -> Result<(), Error> {
        self.failures += 1;
        if self.failures >= self.policy.max_attempts {
            return Err(err);
        }
        let after = res.and_then(|r| r.header("retry-after")).and_then(crate::error::retry_after_now);
        let wait = after.unwrap_or_else(|| self.policy.backoff(self.failures, &self.url));
        self.state = State::Waiting(wait.min(self.policy.max_retry_after));
        Ok(())
    }

    /// Takes the server's expiry and first missing byte.
    fn learn(&mut self, s: &SessionAnswer) -> Result<(), Error> {
        if let Some(e) = &s.expires {
            self.expires = Some(e.clone());
        }
        match self.first_missing(&s.ranges) {
            Some(start) => {
                self.offset = start;
                Ok(())
            }
            None if s.ranges.is_empty() => {
                self.offset = self.size;
                Ok(())
            }
            None => Err(Error::decode("UploadSession", "nextExpectedRanges", "no range inside the file")),
        }
    }

    /// The start of the first range ("26-", "26-127", Outlook's "2097152"), if inside the file.
    fn first_missing(&self, ranges: &[String]) -> Option<u64> {
        let first = ranges.first()?;
        let start = first.split('-').next()?.trim().parse::<u64>().ok()?;
        (start < self.size).then_some(start)
    }

    fn status_request(&self) -> Request {
        Request::get(self.url.clone()).pre_authenticated()
    }

    fn check_expiry(&self) -> Result<(), Error> {
        let (Some(expires), Some(now)) = (self.expires.as_deref(), crate::clock::now()) else { return Ok(()) };
        let Ok(at) = DateTime::parse("expirationDateTime", expires) else { return Ok(()) };
        let now = now.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        if now > at.epoch_seconds() {
            return Err(self.expired());
        }
        Ok(())
    }

    fn expired(&self) -> Error {
        Error::UploadExpired { expiration_date_time: self.expires.clone() }
    }
}

/// Answers worth asking again after: throttling and passing server trouble (not, say, 507
/// Insufficient Storage, which stays until someone frees space).
fn transient(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

struct SessionAnswer {
    ranges: Vec<String>,
    expires: Option<String>,
}

/// A progress answer (`{"expirationDateTime", "nextExpectedRanges"}`, camelCase from Graph,
/// PascalCase from Outlook): `None` when the body is something else (the finished item, or
/// nothing), `Some(Err)` when it is not JSON at all.
fn session_answer(res: &Response) -> Option<Result<SessionAnswer, ()>> {
    if res.body.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let Ok(Value::Object(o)) = crate::decode::text::value::<Value>(&res.body) else { return Some(Err(())) };
    let get = |name: &str| o.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v);
    let ranges = get("nextExpectedRanges")?;
    let ranges = ranges.as_array().map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect());
    let expires = get("expirationDateTime").and_then(Value::as_str).map(str::to_string);
    Some(ranges.map(|ranges| SessionAnswer { ranges, expires }).ok_or(()))
}

/// The answer to the last chunk: a drive item (JSON), or an attachment's `Location` (Outlook).
fn finished(res: &Response) -> Result<UploadResult, Error> {
    if !res.body.iter().all(u8::is_ascii_whitespace) {
        crate::decode::checked::check_json("DriveItem", crate::OpKind::Item, DriveItem::table(), &res.body)?;
        let json = crate::decode::text::value(&res.body).map_err(|e| Error::decode("DriveItem", "", e))?;
        return Ok(UploadResult { kind: "driveItem", json });
    }
    let location = res
        .header("location")
        .ok_or_else(|| Error::decode("upload result", "Location", "the last chunk's answer names no item"))?;
    let id = attachment_id(location)
        .ok_or_else(|| Error::decode("upload result", "Location", "no attachment id in the location"))?;
    let json = serde_json::json!({ "@odata.type": "#microsoft.graph.fileAttachment", "id": id });
    Ok(UploadResult { kind: "attachment", json })
}

/// `.../Attachments('AAMk...')` (Outlook's form) or `.../attachments/{id}`.
fn attachment_id(location: &str) -> Option<String> {
    let path = location.split(['?', '#']).next()?;
    if let Some(i) = path.to_ascii_lowercase().rfind("attachments('") {
        let rest = &path[i + "attachments('".len()..];
        return rest.find("')").map(|end| rest[..end].to_string()).filter(|s| !s.is_empty());
    }
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let id = percent_decode(last);
    (!id.is_empty()).then_some(id)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
