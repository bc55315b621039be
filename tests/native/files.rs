//! Group files and upload sessions through the native client against the emulator: folders
//! (create, list, rename, move, delete, conflictBehavior), small and large uploads, a chunk
//! failure resumed from `nextExpectedRanges`, an interrupted upload resumed from its session,
//! downloads that follow Graph's redirect without the token, expiry, and attachments over 3 MB.

use o365kit::model::{AttachmentItem, DriveItem, Event, Message, Photo, UploadSession};
use o365kit::upload::{Step, Upload, Uploaded};
use o365kit::{Client, Error, Query, Request, Response};
use o365kit_e2e::{Env, MEMBER, OUTSIDER, OWNER};
use o365kit_emulator::Config;
use serde_json::json;

const NONE: Option<String> = None;

/// Bytes that differ at every offset, so that a chunk sent twice or skipped shows.
fn data(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i.wrapping_mul(31) ^ (i >> 8)) as u8).collect()
}

fn api(e: &Error) -> (u16, String) {
    match e.api() {
        Some(a) => (a.status, a.code.clone()),
        None => panic!("expected a Graph error, got {e}"),
    }
}

fn text(body: &str) -> Photo {
    Photo { content_type: "text/plain".into(), bytes: body.as_bytes().to_vec() }
}

async fn public_group(env: &Env) -> String {
    env.groups().await.0
}

async fn names(client: &Client, group: &str, folder: Option<&str>) -> Vec<String> {
    let page = client.list_drive_children(group, folder.map(str::to_string), Query::new()).await.unwrap();
    let mut names: Vec<String> = page.value.into_iter().filter_map(|i| i.name).collect();
    names.sort();
    names
}

fn id(item: &DriveItem) -> String {
    item.id.clone().expect("items carry an id")
}

#[tokio::test(flavor = "multi_thread")]
async fn folders_are_created_listed_renamed_moved_and_deleted() {
    let env = Env::start();
    let group = public_group(&env).await;
    let client = env.client(MEMBER);
    assert!(names(&client, &group, None).await.is_empty(), "a new library is empty");

    let reports = client.create_drive_folder(group.as_str(), "Reports", NONE, NONE).await.unwrap();
    assert!(reports.is_folder());
    assert_eq!(reports.folder.as_ref().and_then(|f| f.child_count), Some(0));
    assert_eq!(reports.parent_reference.as_ref().and_then(|p| p.path.as_deref()), Some("/drive/root:"));
    let year = client.create_drive_folder(group.as_str(), "2025", Some(id(&reports)), NONE).await.unwrap();
    assert_eq!(names(&client, &group, None).await, ["Reports"]);
    assert_eq!(names(&client, &group, Some(&id(&reports))).await, ["2025"]);

    let by_path = client.get_drive_item_by_path(group.as_str(), "Reports/2025", Query::new()).await.unwrap();
    assert_eq!(by_path.id, year.id);
    assert_eq!(by_path.parent_reference.as_ref().and_then(|p| p.path.as_deref()), Some("/drive/root:/Reports"));
    let root = client.get_drive_item(group.as_str(), id(&reports), Query::new()).await.unwrap();
    assert_eq!(root.folder.and_then(|f| f.child_count), Some(1));

    let renamed = client.rename_drive_item(group.as_str(), id(&year), "Year 2025").await.unwrap();
    assert_eq!(renamed.name.as_deref(), Some("Year 2025"));
    let archive = client.create_drive_folder(group.as_str(), "Archive", NONE, NONE).await.unwrap();
    let moved = client.move_drive_item(group.as_str(), id(&year), id(&archive), NONE).await.unwrap();
    assert_eq!(moved.parent_reference.as_ref().and_then(|p| p.id.clone()), archive.id);
    assert!(names(&client, &group, Some(&id(&reports))).await.is_empty());
    client.get_drive_item_by_path(group.as_str(), "Archive/Year 2025", Query::new()).await.unwrap();
    let gone = client.get_drive_item_by_path(group.as_str(), "Reports/Year 2025", Query::new()).await.unwrap_err();
    assert_eq!(api(&gone), (404, "itemNotFound".into()));

    // A folder cannot go into itself; a move can rename on the way.
    let into_self = client.move_drive_item(group.as_str(), id(&archive), id(&year), NONE).await.unwrap_err();
    assert_eq!(api(&into_self).0, 400);
    let both = client.move_drive_item(group.as_str(), id(&year), id(&reports), Some("FY25".to_string())).await.unwrap();
    assert_eq!(both.name.as_deref(), Some("FY25"));

    client.delete_drive_item(group.as_str(), id(&reports)).await.unwrap();
    let deleted = client.get_drive_item(group.as_str(), id(&year), Query::new()).await.unwrap_err();
    assert_eq!(api(&deleted).0, 404, "a folder's contents go with it");
    assert_eq!(names(&client, &group, None).await, ["Archive"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn conflict_behavior_fails_replaces_or_renames() {
    let env = Env::start();
    let group = public_group(&env).await;
    let client = env.client(MEMBER);
    let first = client.create_drive_folder(group.as_str(), "Plans", NONE, NONE).await.unwrap();
    let taken = client.create_drive_folder(group.as_str(), "Plans", NONE, NONE).await.unwrap_err();
    assert_eq!(api(&taken), (409, "nameAlreadyExists".into()), "fail is the default");
    let taken = client.create_drive_folder(group.as_str(), "plans", NONE, Some("fail".to_string())).await.unwrap_err();
    assert_eq!(api(&taken).0, 409, "names compare without case");
    let renamed = client.create_drive_folder(group.as_str(), "Plans", NONE, Some("rename".to_string())).await.unwrap();
    assert_eq!(renamed.name.as_deref(), Some("Plans 1"));
    let replaced =
        client.create_drive_folder(group.as_str(), "Plans", NONE, Some("replace".to_string())).await.unwrap();
    assert_ne!(replaced.id, first.id);
    assert_eq!(names(&client, &group, None).await, ["Plans", "Plans 1"]);

    let file = client.upload_drive_file(group.as_str(), "notes.txt", text("v1"), NONE, NONE).await.unwrap();
    // A simple upload replaces by default, keeping the item.
    let again = client.upload_drive_file(group.as_str(), "notes.txt", text("v2!"), NONE, NONE).await.unwrap();
    assert_eq!((again.id.clone(), again.size), (file.id.clone(), Some(3)));
    let failed =
        client.upload_drive_file(group.as_str(), "notes.txt", text("v3"), NONE, Some("fail".to_string())).await;
    assert_eq!(api(&failed.unwrap_err()), (409, "nameAlreadyExists".into()));
    let copy =
        client.upload_drive_file(group.as_str(), "notes.txt", text("v3"), NONE, Some("rename".to_string())).await;
    assert_eq!(copy.unwrap().name.as_deref(), Some("notes 1.txt"));

    let bad = client.create_drive_folder(group.as_str(), "X", NONE, Some("overwrite".to_string())).await.unwrap_err();
    assert!(matches!(&bad, Error::InvalidInput { param, .. } if param == "conflict_behavior"), "{bad}");
    let bad = client.create_drive_folder(group.as_str(), "a/b", NONE, NONE).await.unwrap_err();
    assert!(matches!(&bad, Error::InvalidInput { param, .. } if param == "name"), "{bad}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_small_file_is_uploaded_and_downloaded_through_the_redirect_without_the_token() {
    let env = Env::start();
    let group = public_group(&env).await;
    let client = env.client(MEMBER);
    let docs = client.create_drive_folder(group.as_str(), "Docs", NONE, NONE).await.unwrap();
    let body = data(300_000);
    let content = Photo { content_type: "application/octet-stream".into(), bytes: body.clone() };
    let item = client.upload_drive_file(group.as_str(), "q1 report.csv", content, Some(id(&docs)), NONE).await.unwrap();
    assert_eq!(item.size, Some(300_000));
    assert_eq!(item.file.as_ref().and_then(|f| f.mime_type.as_deref()), Some("text/csv"), "from the extension");
    let by_path = client.get_drive_item_by_path(group.as_str(), "Docs/q1 report.csv", Query::new()).await.unwrap();
    assert_eq!(by_path.id, item.id);

    let got = client.download_drive_item(group.as_str(), id(&item)).await.unwrap();
    assert_eq!(got.bytes, body);
    assert_eq!(got.content_type, "text/csv");

    // The download URL refuses a bearer token (401): the download above sent none.
    let url = by_path.download_url().expect("files carry @microsoft.graph.downloadUrl").to_string();
    assert!(!url.contains("/v1.0/"), "{url}");
    let with_token = client.execute(&Request::get(url.clone())).await.unwrap();
    assert_eq!(with_token.status, 401);
    let without = client.execute(&Request::get(url).pre_authenticated()).await.unwrap();
    assert_eq!(without.body, body);

    // Graph's own answer to .../content is the 302 the client followed.
    let req = Request::get(format!("{}/v1.0/groups/{group}/drive/items/{}/content", env.base_url(), id(&item)));
    let res = raw_get_no_redirect(&req.url, MEMBER).await;
    assert_eq!(res.status, 302);
    assert!(res.header("location").is_some_and(|l| l.contains("/download/")));

    let folder = client.download_drive_item(group.as_str(), id(&docs)).await.unwrap_err();
    assert_eq!(api(&folder).0, 400, "a folder has no content");
}

/// A GET that does not follow redirects, sent by hand (the client always follows them).
async fn raw_get_no_redirect(url: &str, token: &str) -> Response {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut tcp = tokio::net::TcpStream::connect(host).await.unwrap();
    let req =
        format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n");
    tcp.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    tcp.read_to_end(&mut buf).await.unwrap();
    let text = String::from_utf8_lossy(&buf);
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let head = text.split("\r\n\r\n").next().unwrap_or("");
    let headers = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Response::new(status, headers, Vec::new())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_over_4_mb_is_refused_before_any_request_and_pointed_to_a_session() {
    let env = Env::start();
    let group = public_group(&env).await;
    let content = Photo { content_type: "application/octet-stream".into(), bytes: vec![0; 4 * 1024 * 1024 + 1] };
    let err = env.client(MEMBER).upload_drive_file(group.as_str(), "big.bin", content, NONE, NONE).await.unwrap_err();
    match err {
        Error::InvalidInput { param, why } => {
            assert_eq!(param, "content");
            assert!(why.contains("upload session"), "{why}");
        }
        other => panic!("expected InvalidInput, got {other}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_7_mb_file_goes_up_in_chunks_with_progress() {
    let env = Env::start();
    let group = public_group(&env).await;
    let client = env.client(MEMBER);
    let body = data(7 * 1024 * 1024);
    let session = client.create_drive_upload_session(group.as_str(), "video.mp4", NONE, NONE).await.unwrap();
    assert_eq!(session.next_expected_ranges.as_deref(), Some(&["0-".to_string()][..]));
    let url = session.upload_url.clone().unwrap();
    assert!(!url.contains("/v1.0/"), "the upload URL is outside Graph's routes: {url}");
    let mut seen = Vec::new();
    let done = client.upload(&session, body.clone(), |sent, total| seen.push((sent, total))).await.unwrap();
    let Uploaded::Item(item) = done else { panic!("a drive upload makes a drive item") };
    assert_eq!((item.name.as_deref(), item.size), (Some("video.mp4"), Some(body.len() as i64)));
    let total = body.len() as u64;
    // 3.2 MiB chunks: 3,276,800 + 3,276,800 + the rest.
    assert_eq!(seen, [(3_276_800, total), (6_553_600, total), (total, total)]);
    let got = client.download_drive_item(group.as_str(), id(&item)).await.unwrap();
    assert!(got.bytes == body, "the file came back byte for byte");
    // The session is gone once used.
    let status = client.execute(&Request::get(url).pre_authenticated()).await.unwrap();
    assert_eq!(status.status, 404);
}

#[tokio::test(flavor = "multi_thread")]
async fn failed_chunks_are_resumed_from_next_expected_ranges() {
    let env = Env::start();
    let group = public_group(&env).await;
    let client = env.client(MEMBER);
    let body = data(8 * 1024 * 1024);
    let session = client.create_drive_upload_session(group.as_str(), "backup.zip", NONE, NONE).await.unwrap();
    // The first chunk is refused (503, not stored): sent by hand here to see the fault.
    env.inject_fault(json!({ "status": 503, "retryAfter": 0, "count": 1, "pathPrefix": "/upload", "method": "PUT" }))
        .await;
    let mut up = Upload::new(&session, body.len() as u64).unwrap();
    let Step::Read { offset, len } = up.step().unwrap() else { panic!() };
    let plain = env.client_without_retries(MEMBER);
    let res = plain.execute(&up.chunk(&body[offset as usize..][..len]).unwrap()).await.unwrap();
    assert_eq!(res.status, 503, "the injected fault");
    up.absorb(res).unwrap();
    // The next chunk is stored but its answer is cut off: the client cannot know it arrived and
    // must ask the upload URL where things stand.
    env.inject_fault(json!({ "truncate": true, "count": 1, "pathPrefix": "/upload", "method": "PUT" })).await;
    let mut calls = 0;
    let done = client
        .run_upload(up, body.clone(), |_, _| calls += 1)
        .await
        .expect("the upload survives a refused chunk and a lost answer");
    let Uploaded::Item(item) = done else { panic!() };
    assert_eq!(item.size, Some(body.len() as i64));
    let got = client.download_drive_item(group.as_str(), id(&item)).await.unwrap();
    assert!(got.bytes == body, "nothing lost, nothing sent twice");
    assert!(calls >= 3);
    let faults = client.execute(&Request::get(format!("{}/_emulator/faults", env.base_url()))).await.unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&faults.body).unwrap(),
        json!({ "value": [] }),
        "both faults hit"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_interrupted_upload_resumes_from_its_saved_session() {
    let env = Env::start();
    let group = public_group(&env).await;
    let client = env.client(MEMBER);
    let body = data(5 * 1024 * 1024);
    let session = client.create_drive_upload_session(group.as_str(), "dump.bin", NONE, NONE).await.unwrap();
    // A first process sends one chunk, then dies; only the session (URL) was saved.
    let mut up = Upload::new(&session, body.len() as u64).unwrap();
    let Step::Read { offset, len } = up.step().unwrap() else { panic!() };
    let res = client.execute(&up.chunk(&body[offset as usize..][..len]).unwrap()).await.unwrap();
    assert_eq!(res.status, 202);
    let saved = UploadSession { upload_url: session.upload_url.clone(), ..Default::default() };
    drop(up);

    let resumed = Upload::resume(&saved, body.len() as u64).unwrap();
    let mut first_progress = None;
    let done = client
        .run_upload(resumed, body.clone(), |sent, _| {
            first_progress.get_or_insert(sent);
        })
        .await
        .unwrap();
    assert_eq!(first_progress, Some(3_276_800), "the resumed upload learned where the server stood");
    let Uploaded::Item(item) = done else { panic!() };
    let got = client.download_drive_item(group.as_str(), id(&item)).await.unwrap();
    assert!(got.bytes == body);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_range_is_graphs_416_and_an_expired_session_a_typed_error() {
    let env = Env::start();
    let group = public_group(&env).await;
    let client = env.client(MEMBER);
    let session = client.create_drive_upload_session(group.as_str(), "x.bin", NONE, NONE).await.unwrap();
    let url = session.upload_url.clone().unwrap();
    let put = |range: &str, len: usize| {
        Request::put(url.clone())
            .bytes("application/octet-stream", vec![1; len])
            .header("Content-Range", range)
            .pre_authenticated()
    };
    let skip = client.execute(&put("bytes 327680-655359/1000000", 327_680)).await.unwrap();
    assert_eq!(skip.status, 416);
    assert_eq!(api(&Error::from_response(&skip)), (416, "invalidRange".into()));
    let short = client.execute(&put("bytes 0-99/1000000", 50)).await.unwrap();
    assert_eq!(short.status, 400, "Content-Range and body length disagree");
    let with_token = client.execute(&Request::get(url.clone())).await.unwrap();
    assert_eq!(with_token.status, 401, "the upload URL refuses a bearer token");

    assert_eq!(expire_sessions(&env).await, 204);
    let err = client.upload(&session, data(1_000_000), |_, _| {}).await.unwrap_err();
    assert!(matches!(err, Error::UploadExpired { expiration_date_time: Some(_) }), "{err}");
}

async fn expire_sessions(env: &Env) -> u16 {
    let client = env.client(MEMBER);
    let req = Request::post(format!("{}/_emulator/uploads/expire", env.base_url())).bytes("application/json", vec![]);
    client.execute(&req).await.unwrap().status
}

#[tokio::test(flavor = "multi_thread")]
async fn a_message_attachment_over_3_mb_goes_through_an_upload_session() {
    let env = Env::start();
    let client = env.client(MEMBER);
    let draft = Message { subject: Some("Specs".into()), ..Default::default() };
    let draft = client.create_message(draft).await.unwrap();
    let mid = draft.id.clone().unwrap();
    let body = data(3 * 1024 * 1024 + 500_000);
    let item = AttachmentItem {
        content_type: Some("application/pdf".into()),
        ..AttachmentItem::file("specs.pdf", body.len() as u64)
    };
    let session = client.create_message_upload_session(mid.as_str(), item).await.unwrap();
    let mut chunks = 0;
    let done = client.upload(&session, body.clone(), |_, _| chunks += 1).await.unwrap();
    let Uploaded::Attachment(a) = done else { panic!("an attachment upload makes an attachment") };
    let aid = a.id.clone().unwrap();
    let got = client.get_message_attachment(mid.as_str(), aid.as_str(), Query::new()).await.unwrap();
    assert_eq!((got.name.as_deref(), got.size), (Some("specs.pdf"), Some(body.len() as i64)));
    assert_eq!(got.content_type.as_deref(), Some("application/pdf"));
    let raw = client.get_message_attachment_content(mid.as_str(), aid.as_str()).await.unwrap();
    assert!(raw.bytes == body);
    assert!(chunks >= 2);

    let too_big = AttachmentItem::file("huge.iso", 151 * 1024 * 1024);
    let err = client.create_message_upload_session(mid.as_str(), too_big).await.unwrap_err();
    assert!(matches!(&err, Error::InvalidInput { param, .. } if param == "attachment_item.size"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_event_attachment_over_3_mb_goes_through_an_upload_session() {
    let env = Env::start();
    let client = env.client(OWNER);
    let event: Event = serde_json::from_value(json!({
        "subject": "Review",
        "start": { "dateTime": "2026-05-04T10:00:00", "timeZone": "UTC" },
        "end": { "dateTime": "2026-05-04T11:00:00", "timeZone": "UTC" }
    }))
    .unwrap();
    let event = client.create_event(event).await.unwrap();
    let eid = event.id.clone().unwrap();
    let body = data(3_500_000);
    let session =
        client.create_event_upload_session(eid.as_str(), AttachmentItem::file("deck.pptx", body.len() as u64)).await;
    let done = client.upload(&session.unwrap(), body.as_slice(), |_, _| {}).await.unwrap();
    let Uploaded::Attachment(a) = done else { panic!() };
    let got = client.get_event_attachment(eid.as_str(), a.id.unwrap(), Query::new()).await.unwrap();
    assert_eq!(got.size, Some(3_500_000));
}

#[tokio::test(flavor = "multi_thread")]
async fn only_members_use_a_groups_library_and_its_cap_is_graphs_507() {
    let env = Env::with_config(Config { drive_quota: 1_000_000, ..Config::default() });
    let group = public_group(&env).await;
    let denied = env.client(OUTSIDER).list_drive_children(group.as_str(), NONE, Query::new()).await.unwrap_err();
    assert_eq!(api(&denied), (403, "accessDenied".into()));

    let client = env.client(MEMBER);
    let part = Photo { content_type: "application/octet-stream".into(), bytes: data(600_000) };
    client.upload_drive_file(group.as_str(), "a.bin", part.clone(), NONE, NONE).await.unwrap();
    let full = client.upload_drive_file(group.as_str(), "b.bin", part.clone(), NONE, NONE).await.unwrap_err();
    assert_eq!(api(&full), (507, "quotaLimitReached".into()));
    // Replacing a file frees its old bytes first.
    client.upload_drive_file(group.as_str(), "a.bin", part, NONE, NONE).await.unwrap();
    // A session fails at its last chunk, as the service only then knows the file's size.
    let session = client.create_drive_upload_session(group.as_str(), "c.bin", NONE, NONE).await.unwrap();
    let err = client.upload(&session, data(500_000), |_, _| {}).await.unwrap_err();
    assert_eq!(api(&err), (507, "quotaLimitReached".into()));
}
