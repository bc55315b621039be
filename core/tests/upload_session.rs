//! The upload state machine and the redirect rule, sans IO: what is sent, in which order, and
//! what each answer leads to.

use o365kit::http::{download_url, hidden_redirect, redirect};
use o365kit::model::UploadSession;
use o365kit::upload::{Step, Upload, Uploaded, DEFAULT_CHUNK_SIZE};
use o365kit::{Error, Method, Policy, Request, Response};
use std::time::Duration;

const URL: &str = "https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337";

fn session() -> UploadSession {
    UploadSession {
        upload_url: Some(URL.into()),
        expiration_date_time: Some("2999-01-29T09:21:55.523Z".into()),
        next_expected_ranges: Some(vec!["0-".into()]),
        ..Default::default()
    }
}

fn json(status: u16, body: &str) -> Response {
    Response::new(status, vec![("Content-Type".into(), "application/json".into())], body.as_bytes().to_vec())
}

fn read(up: &mut Upload) -> (u64, usize) {
    match up.step().unwrap() {
        Step::Read { offset, len } => (offset, len),
        other => panic!("expected a read, got {other:?}"),
    }
}

fn send(up: &mut Upload) -> Request {
    match up.step().unwrap() {
        Step::Send(req) => req,
        other => panic!("expected a request, got {other:?}"),
    }
}

#[test]
fn a_file_goes_in_320_kib_multiples_with_content_ranges_and_no_token() {
    let size = 7 * 1024 * 1024u64;
    let mut up = Upload::new(&session(), size).unwrap();
    let (o, l) = read(&mut up);
    assert_eq!((o, l), (0, DEFAULT_CHUNK_SIZE));
    assert_eq!(DEFAULT_CHUNK_SIZE % (320 * 1024), 0);
    let req = up.chunk(&vec![0; l]).unwrap();
    assert_eq!((req.method, req.url.as_str()), (Method::Put, URL));
    assert_eq!(req.header_value("content-range"), Some("bytes 0-3276799/7340032"));
    assert!(req.pre_authenticated, "the upload URL authorizes itself");
    up.absorb(json(202, r#"{"expirationDateTime":"2999-01-29T09:21:55Z","nextExpectedRanges":["3276800-"]}"#)).unwrap();
    assert_eq!(up.progress(), 3_276_800);
    let (o, l) = read(&mut up);
    up.chunk(&vec![0; l]).unwrap();
    up.absorb(json(202, r#"{"nextExpectedRanges":["6553600-"]}"#)).unwrap();
    let (o2, l2) = read(&mut up);
    assert_eq!((o, o2, l2), (3_276_800, 6_553_600, 786_432), "the last chunk is what is left");
    let last = up.chunk(&vec![0; l2]).unwrap();
    assert_eq!(last.header_value("content-range"), Some("bytes 6553600-7340031/7340032"));
    up.absorb(json(201, r#"{"id":"01ABC","name":"big.bin","size":7340032,"file":{}}"#)).unwrap();
    assert_eq!(up.step().unwrap(), Step::Done);
    let done = up.result().expect("a result");
    assert_eq!(done.kind, "driveItem");
    assert_eq!(done.json["size"], 7_340_032, "the item as Graph sent it");
    match done.read() {
        Ok(Uploaded::Item(item)) => assert_eq!(item.size, Some(7_340_032)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_refused_range_makes_the_machine_ask_the_server_and_follow_its_ranges() {
    let mut up = Upload::new(&session(), 1_000_000).unwrap().with_chunk_size(327_680).unwrap();
    let (_, l) = read(&mut up);
    up.chunk(&vec![0; l]).unwrap();
    up.absorb(json(416, r#"{"error":{"code":"invalidRange","message":"Fragment overlaps"}}"#)).unwrap();
    assert_eq!(up.step().unwrap(), Step::Wait(up_wait(&up)));
    let status = send(&mut up);
    assert_eq!((status.method, status.url.as_str(), status.pre_authenticated), (Method::Get, URL, true));
    up.absorb(json(200, r#"{"nextExpectedRanges":["655360-999999"]}"#)).unwrap();
    assert_eq!(read(&mut up), (655_360, 327_680));
}

/// The machine's wait after one failure, as its policy computes it (no Retry-After given).
fn up_wait(up: &Upload) -> Duration {
    Policy::default().backoff(1, up.upload_url())
}

#[test]
fn a_lost_answer_or_a_dropped_connection_is_asked_about_before_anything_is_resent() {
    let mut up = Upload::new(&session(), 700_000).unwrap().with_chunk_size(327_680).unwrap();
    let (_, l) = read(&mut up);
    up.chunk(&vec![0; l]).unwrap();
    up.absorb(json(202, r#"{"nextExpectedRan"#)).unwrap(); // cut off: did it arrive?
    assert!(matches!(up.step().unwrap(), Step::Wait(_)));
    send(&mut up);
    up.absorb(json(200, r#"{"nextExpectedRanges":["327680-"]}"#)).unwrap();
    let (o, l) = read(&mut up);
    assert_eq!(o, 327_680, "the chunk had arrived: it is not sent again");
    up.chunk(&vec![0; l]).unwrap();
    up.failed(Error::Transport("connection reset".into())).unwrap();
    assert!(matches!(up.step().unwrap(), Step::Wait(_)));
    assert_eq!(send(&mut up).method, Method::Get);
}

#[test]
fn throttling_waits_for_retry_after_and_the_machine_gives_up_after_its_attempts() {
    let policy = Policy { max_attempts: 2, ..Policy::default() };
    let mut up = Upload::new(&session(), 100).unwrap().with_policy(policy);
    let (_, l) = read(&mut up);
    up.chunk(&vec![0; l]).unwrap();
    let throttled = Response::new(429, vec![("Retry-After".into(), "7".into())], Vec::new());
    up.absorb(throttled).unwrap();
    assert_eq!(up.step().unwrap(), Step::Wait(Duration::from_secs(7)));
    send(&mut up);
    let err = up.absorb(json(503, r#"{"error":{"code":"serviceNotAvailable","message":"x"}}"#)).unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(up.step().unwrap_err(), err, "a failed upload stays failed");
}

#[test]
fn outlook_sessions_answer_200_with_a_bare_offset_and_finish_with_a_location() {
    let mut up = Upload::new(&session(), 3_483_322).unwrap().with_chunk_size(2_293_760).unwrap();
    let (_, l) = read(&mut up);
    up.chunk(&vec![0; l]).unwrap();
    up.absorb(json(200, r#"{"ExpirationDateTime":"2999-09-25T01:09:30Z","NextExpectedRanges":["2293760"]}"#)).unwrap();
    assert_eq!(up.expiration_date_time(), Some("2999-09-25T01:09:30Z"));
    let (o, l) = read(&mut up);
    assert_eq!((o, l), (2_293_760, 1_189_562));
    up.chunk(&vec![0; l]).unwrap();
    let location = "https://outlook.office.com/api/v2.0/Users('a8e8')/Messages('AAMkADI5MAAIT3drCAAA=')/Attachments('AAMkADI5MAAIT3drCAAABEgAQANAqbAe7qaROhYdTnUQwXm0=')";
    up.absorb(Response::new(201, vec![("Location".into(), location.into())], Vec::new())).unwrap();
    match up.into_result() {
        Some(Ok(Uploaded::Attachment(a))) => {
            assert_eq!(a.id.as_deref(), Some("AAMkADI5MAAIT3drCAAABEgAQANAqbAe7qaROhYdTnUQwXm0="))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_gone_or_expired_session_is_a_typed_error() {
    let mut up = Upload::new(&session(), 10).unwrap();
    read(&mut up);
    up.chunk(&[0; 10]).unwrap();
    let err = up.absorb(json(404, r#"{"error":{"code":"itemNotFound","message":"gone"}}"#)).unwrap_err();
    assert!(matches!(err, Error::UploadExpired { .. }), "{err}");

    let past = UploadSession { expiration_date_time: Some("2001-01-01T00:00:00Z".into()), ..session() };
    let mut up = Upload::new(&past, 10).unwrap();
    let err = up.step().unwrap_err();
    assert_eq!(err, Error::UploadExpired { expiration_date_time: Some("2001-01-01T00:00:00Z".into()) });
    assert!(err.to_string().contains("create a new session"), "{err}");
}

#[test]
fn bad_inputs_are_refused_naming_them() {
    let param = |e: Error| match e {
        Error::InvalidInput { param, .. } => param,
        other => panic!("{other:?}"),
    };
    let no_url = UploadSession::default();
    assert_eq!(param(Upload::new(&no_url, 10).unwrap_err()), "session.upload_url");
    assert_eq!(param(Upload::new(&session(), 0).unwrap_err()), "size");
    let up = Upload::new(&session(), 10).unwrap();
    assert_eq!(param(up.clone().with_chunk_size(100_000).unwrap_err()), "chunk_size");
    assert_eq!(param(up.clone().with_chunk_size(0).unwrap_err()), "chunk_size");
    let mut up = up;
    assert_eq!(param(up.chunk(&[1]).unwrap_err()), "chunk", "no chunk was asked for yet");
    read(&mut up);
    assert_eq!(param(up.chunk(&[1, 2]).unwrap_err()), "chunk", "a short source");
    let far = UploadSession { next_expected_ranges: Some(vec!["99-".into()]), ..session() };
    assert_eq!(param(Upload::new(&far, 10).unwrap_err()), "session.next_expected_ranges");
}

#[test]
fn a_resumed_upload_asks_first() {
    let mut up = Upload::resume(&session(), 1_000).unwrap();
    let req = send(&mut up);
    assert_eq!((req.method, req.pre_authenticated), (Method::Get, true));
    up.absorb(json(200, r#"{"nextExpectedRanges":["400-"]}"#)).unwrap();
    assert_eq!(read(&mut up), (400, 600));
    assert_eq!(up.cancel_request().method, Method::Delete);
}

#[test]
fn redirects_go_to_the_location_without_the_token() {
    let req = Request::get("https://graph.microsoft.com/v1.0/groups/g/drive/items/i/content".into());
    let res = |status: u16, loc: Option<&str>| {
        Response::new(status, loc.map(|l| vec![("Location".to_string(), l.to_string())]).unwrap_or_default(), vec![])
    };
    let next = redirect(&req, &res(302, Some("https://b0mpua-by3301.files.1drv.com/y23vmag?tempauth=x"))).unwrap();
    let next = next.expect("a 302 is followed");
    assert_eq!(
        (next.method, next.url.as_str()),
        (Method::Get, "https://b0mpua-by3301.files.1drv.com/y23vmag?tempauth=x")
    );
    assert!(next.pre_authenticated && next.headers.is_empty());
    let relative = redirect(&req, &res(307, Some("/download/abc"))).unwrap().unwrap();
    assert_eq!(relative.url, "https://graph.microsoft.com/download/abc");
    assert_eq!(redirect(&req, &res(200, None)).unwrap(), None);
    assert!(matches!(redirect(&req, &res(302, None)), Err(Error::Decode { .. })));
    assert!(redirect(&req, &res(302, Some("file:///etc/passwd"))).is_err());
    assert!(redirect(&req, &res(302, Some("//evil.example/x"))).is_err());
}

#[test]
fn a_hidden_redirect_is_found_through_the_items_download_url() {
    let content = Request::get("https://graph.microsoft.com/v1.0/groups/g/drive/items/01AB/content".into());
    let item = hidden_redirect(&content).unwrap();
    assert_eq!(
        (item.method, item.url.as_str()),
        (Method::Get, "https://graph.microsoft.com/v1.0/groups/g/drive/items/01AB")
    );
    assert!(!item.pre_authenticated, "the item itself is read with the token");
    let other = Request::get("https://graph.microsoft.com/v1.0/groups/g/threads".into());
    assert!(matches!(hidden_redirect(&other), Err(Error::Transport(_))));
    let answer = json(
        200,
        r#"{"id":"01AB","@microsoft.graph.downloadUrl":"https://x.sharepoint.com/download.aspx?tempauth=t"}"#,
    );
    let next = download_url(&answer).unwrap();
    assert_eq!(next.url, "https://x.sharepoint.com/download.aspx?tempauth=t");
    assert!(next.pre_authenticated, "the download URL gets no token");
    assert!(matches!(download_url(&json(200, r#"{"id":"01AB","folder":{}}"#)), Err(Error::Decode { .. })));
    assert_eq!(
        download_url(&json(404, r#"{"error":{"code":"itemNotFound","message":"x"}}"#)).unwrap_err().status(),
        Some(404)
    );
}
