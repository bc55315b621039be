//! The core's response decoders: every output type of the operation table, every model, Graph
//! error bodies, `$batch` answers and delta pages, in both dialects (Graph v1.0 camelCase and
//! Outlook REST v2.0 PascalCase).
//!
//! Promises checked beyond "no panic": a 2xx gives a value or `Error::Decode`, anything else
//! `Error::Api` with that status; a decoded value serializes, decodes again and serializes to the
//! same bytes, and (Graph dialect) to the JSON value it was read from; a delta sync's saved
//! state resumes.

use o365kit::batch::Batch;
use o365kit::model::*;
use o365kit::ops::table_types::*;
use o365kit::ops::{
    read_binary, read_empty, read_json, DeleteGroup, GetGroup, GetGroupPhoto, ListGroupThreads, OpKind,
    SyncMailFolders, SyncMessages,
};
use o365kit::sync::{DeltaSync, Links, Step};
use o365kit::{Change, Endpoint, Error, Operation, Policy, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::Duration;

/// The two dialects; bit 0 of a flags byte picks one.
pub fn endpoint(flags: u8) -> Endpoint {
    if flags & 1 == 0 {
        Endpoint::default()
    } else {
        Endpoint::outlook_rest("https://outlook.office.com").expect("a valid root")
    }
}

/// Mostly 200; sometimes another success or an error status, so both classes of outcome run.
fn status(flags: u8) -> u16 {
    [200, 200, 200, 200, 201, 204, 404, 503][usize::from(flags >> 1) & 7]
}

fn json_response(status: u16, body: &[u8]) -> Response {
    Response::new(status, vec![("Content-Type".into(), "application/json".into())], body.to_vec())
}

/// The outcome class every parser owes: a success status decodes or is a decode error, any
/// other status is the API error with that status.
fn check_class<T>(what: &str, status: u16, out: &Result<T, Error>) {
    let ok = match out {
        Ok(_) | Err(Error::Decode { .. }) => (200..300).contains(&status),
        Err(Error::Api(a)) => a.status == status && !(200..300).contains(&status),
        Err(_) => false,
    };
    if !ok {
        let err = out.as_ref().err().map(ToString::to_string);
        panic!("{what} with status {status}: wrong outcome class {err:?}");
    }
}

/// A decoded value serializes (as Graph JSON) to text that decodes again to the same value.
fn round_trip<T: DeserializeOwned + Serialize + o365kit::decode::Fast>(what: &str, value: &T) {
    let first = serde_json::to_vec(value).unwrap_or_else(|e| panic!("{what}: a decoded value does not serialize: {e}"));
    let again: T = o365kit::decode::body(&Endpoint::default(), what, &first)
        .unwrap_or_else(|e| panic!("{what}: its own JSON does not decode: {e}\n{}", String::from_utf8_lossy(&first)));
    let second = serde_json::to_vec(&again).expect("serializes once more");
    assert!(
        first == second,
        "{what}: not stable over a round trip:\n{}\n{}",
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&second)
    );
}

type Reader = fn(&Endpoint, &Response);

fn json_output<T: DeserializeOwned + Serialize + o365kit::decode::Fast>(ep: &Endpoint, res: &Response) {
    let out = read_json::<T>(ep, std::any::type_name::<T>(), res);
    check_class(std::any::type_name::<T>(), res.status, &out);
    if let Ok(v) = out {
        round_trip(std::any::type_name::<T>(), &v);
        if ep.dialect() == o365kit::Dialect::Graph {
            lossless(std::any::type_name::<T>(), &res.body, &v);
        }
    }
}

/// Models keep every property as sent, explicit nulls included: what decoded from Graph JSON
/// serializes to the same JSON value.
fn lossless<T: Serialize>(what: &str, body: &[u8], v: &T) {
    let sent: serde_json::Value = serde_json::from_slice(body).expect("it decoded");
    let kept = serde_json::to_value(v).expect("it serializes");
    assert!(same(&sent, &kept), "{what}: lossy:\nsent {sent}\nkept {kept}");
}

/// JSON equality where a number typed as a float may come back written as one (`100` -> `100.0`)
/// and base64 content as its bytes (read with surrounding blanks trimmed, written without).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    let bytes = |k: &str, v: &Value, w: &Value| match (v, w) {
        (Value::String(v), Value::String(w)) => k == "contentBytes" && v.trim() == w,
        _ => false,
    };
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64().is_some_and(|f| Some(f) == y.as_f64()),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w) || bytes(k, v, w)))
        }
        _ => a == b,
    }
}

fn empty_output(_: &Endpoint, res: &Response) {
    check_class("()", res.status, &read_empty(res));
}

fn binary_output(_: &Endpoint, res: &Response) {
    check_class("Photo", res.status, &read_binary(res.clone()));
}

macro_rules! reader {
    (Empty, $out:ty) => {
        empty_output as Reader
    };
    (Binary, $out:ty) => {
        binary_output as Reader
    };
    ($kind:ident, $out:ty) => {
        json_output::<$out> as Reader
    };
}

macro_rules! readers {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident ( $( $p:ident : $pty:ty ),* $(,)? ) -> $out:ty, $kind:ident = $op:ident $( @ $scope:ident )?;
    )*) => {
        /// The parser of every operation of the table, in table order, by output kind.
        pub static READERS: &[(&str, OpKind, Reader)] = &[ $( (stringify!($name), OpKind::$kind, reader!($kind, $out)) ),* ];
    };
}

o365kit::operation_table!(readers);

/// `[operation][flags] body`: the operation's parser on `body` (flags: dialect, status).
pub fn decode(data: &[u8]) {
    let [op, flags, body @ ..] = data else { return };
    let (_, _, read) = READERS[usize::from(*op) % READERS.len()];
    read(&endpoint(*flags), &json_response(status(*flags), body));
}

fn model<T: DeserializeOwned + Serialize + o365kit::decode::Fast>(ep: &Endpoint, body: &[u8]) {
    let what = std::any::type_name::<T>();
    match o365kit::decode::body::<T>(ep, what, body) {
        Ok(v) => {
            round_trip(what, &v);
            if ep.dialect() == o365kit::Dialect::Graph {
                lossless(what, body, &v);
            }
        }
        Err(Error::Decode { .. }) => {}
        Err(e) => panic!("{what}: not a decode error: {e}"),
    }
}

macro_rules! models {
    ($($t:ident),* $(,)?) => {
        /// Every model's decoder, in the order of `o365kit::model::MODELS` (a test checks it).
        pub static MODEL_READERS: &[(&str, fn(&Endpoint, &[u8]))] = &[ $( (stringify!($t), model::<$t>) ),* ];
    };
}

models!(
    EmailAddress,
    Recipient,
    ItemBody,
    Group,
    User,
    DirectoryObject,
    Conversation,
    ConversationThread,
    Post,
    GroupMail,
    Attachment,
    DriveItem,
    Folder,
    File,
    Hashes,
    ItemReference,
    UploadSession,
    AttachmentItem,
    DateTimeTimeZone,
    LocaleInfo,
    TimeZoneInformation,
    TimeZoneBase,
    WorkingHours,
    Message,
    InternetMessageHeader,
    FollowupFlag,
    Mention,
    MentionsPreview,
    MailFolder,
    MailboxSettings,
    AutomaticRepliesSetting,
    InferenceClassificationOverride,
    MailTips,
    AutomaticRepliesMailTips,
    MailTipsError,
    MessageRule,
    MessageRulePredicates,
    SizeRange,
    MessageRuleActions,
    Event,
    Location,
    PhysicalAddress,
    OutlookGeoCoordinates,
    Attendee,
    AttendeeBase,
    ResponseStatus,
    TimeSlot,
    PatternedRecurrence,
    RecurrencePattern,
    RecurrenceRange,
    OnlineMeetingInfo,
    Calendar,
    CalendarGroup,
    CalendarPermission,
    Reminder,
    MeetingTimeSuggestionsResult,
    MeetingTimeSuggestion,
    AttendeeAvailability,
    TimeConstraint,
    LocationConstraint,
    LocationConstraintItem,
    ScheduleInformation,
    ScheduleItem,
    FreeBusyError,
    Room,
    RoomList,
);

/// `[model][flags] json`: one model's decoder on `json` in the flags' dialect.
pub fn models(data: &[u8]) {
    let [m, flags, body @ ..] = data else { return };
    let (_, read) = MODEL_READERS[usize::from(*m) % MODEL_READERS.len()];
    read(&endpoint(*flags), body);
}

/// `[status hi][status lo] (name ": " value "\n")* "\n" body`: any response read as an error,
/// and the retry policy's decision on it.
pub fn error(data: &[u8]) {
    let [hi, lo, rest @ ..] = data else { return };
    let status = u16::from_be_bytes([*hi, *lo]);
    let (headers, body) = crate::request_text::split_headers(rest);
    let res = Response::new(status, headers, body.to_vec());
    match Error::from_response(&res) {
        err @ Error::Api(_) => {
            assert_eq!(err.status(), Some(status));
            // Display, as every binding shows it.
            let _ = err.to_string();
        }
        other => panic!("from_response gave {other:?}"),
    }
    let policy = Policy::default();
    for attempt in [0, 1, 3, 4, u32::MAX] {
        for idempotent in [false, true] {
            if let o365kit::Decision::Retry(wait) = policy.decide(&res, attempt, idempotent) {
                assert!(wait <= policy.max_retry_after.max(policy.max_delay), "wait {wait:?} past the policy's limits");
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(body) {
        let now = std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let _ = o365kit::error::parse_retry_after(text, now);
    }
}

/// `[flags] body`: a `$batch` answer read by a batch of five operations of every output kind,
/// then each item's own parse, the retry pass and the next round's requests.
pub fn batch(data: &[u8]) {
    let [flags, body @ ..] = data else { return };
    let ep = endpoint(*flags);
    let mut batch = Batch::new(&ep);
    let group = GetGroup { group_id: "g1".into(), query: Query::new() };
    let Ok(get) = batch.add(&group) else { return };
    let list = ListGroupThreads { group_id: "g1".into(), query: Query::new().top(2) };
    let list = batch.add_after(&list, &[0]).expect("a valid dependency");
    let photo = batch.add(&GetGroupPhoto { group_id: "g1".into() }).expect("valid");
    let delete = batch.add(&DeleteGroup { group_id: "g1".into() }).expect("valid");
    // Outlook REST has no folder sync: that item is then absent, and id 5 unknown.
    let sync = batch.add(&SyncMailFolders { mailbox: Mailbox::Me, query: Query::new() }).ok();
    let res = json_response(status(*flags), body);
    let absorbed = batch.absorb(&res);
    check_class("batch", res.status, &absorbed);
    let _ = batch.result(&get).map(|v| round_trip("batch Group", &v));
    let _ = batch.result(&list).map(|v| round_trip("batch Page", &v));
    let _ = batch.result(&photo);
    let _ = batch.result(&delete);
    if let Some(sync) = &sync {
        let _ = batch.result(sync).map(|v| round_trip("batch DeltaPage", &v));
    }
    if let Some(wait) = batch.retry(&Policy::default()) {
        assert!(wait <= Policy::default().max_retry_after, "batch wait {wait:?}");
    }
    let _ = batch.is_done();
    if let Err(e) = batch.requests() {
        panic!("the next round's requests: {e}");
    }
}

/// `[flags] [state line "\n"] body`: a delta sync (resumed from the state line when flags bit 4
/// is set) reading one page of messages; its state after the page must resume.
pub fn delta(data: &[u8]) {
    let [flags, rest @ ..] = data else { return };
    let ep = endpoint(*flags);
    let op = SyncMessages { mailbox: Mailbox::Me, folder_id: "inbox".into(), query: Query::new().max_page_size(5) };
    let Ok(first) = op.request(&ep) else { return };
    let (mut sync, body) = if flags & 0x10 != 0 {
        let cut = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        let state = String::from_utf8_lossy(&rest[..cut]);
        match DeltaSync::resume(&ep, first.clone(), &state) {
            Ok(sync) => (sync, rest.get(cut + 1..).unwrap_or_default()),
            Err(Error::InvalidInput { .. }) => return,
            Err(e) => panic!("resume gave {e}"),
        }
    } else {
        (DeltaSync::start(&ep, first.clone()), rest)
    };
    let res = json_response(delta_status(*flags), body);
    let _ = o365kit::ops::delta::sort_items("DeltaPage<Message>", body);
    let step = sync.absorb(&res, |r| {
        let page = op.parse(&ep, r.clone())?;
        let links = Links::of(&page);
        let changes = page.value.into_iter().map(Change::of).collect::<Result<Vec<_>, _>>()?;
        Ok((changes, links))
    });
    match step {
        Ok(Step::Retry(wait)) => assert!(wait <= Policy::default().max_delay * 2, "delta wait {wait:?}"),
        // A link that leaves the endpoint is refused as invalid input, and not followed.
        Ok(_) | Err(Error::Decode { .. } | Error::Api(_) | Error::InvalidInput { .. }) => {}
        Err(e) => panic!("absorb gave {e}"),
    }
    if let Err(e) = sync.request() {
        panic!("the next request after a page: {e}");
    }
    let state = sync.state();
    if let Err(e) = DeltaSync::resume(&ep, first, &state) {
        panic!("the state it saved does not resume: {e}\n{state}");
    }
}

/// A delta page's status: mostly 200, sometimes Graph's "start again" (410) or an error.
fn delta_status(flags: u8) -> u16 {
    [200, 200, 200, 200, 200, 410, 404, 429][usize::from(flags >> 1) & 7]
}
