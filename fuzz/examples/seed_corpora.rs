//! Writes the seed corpora (`fuzz/corpus/<target>/`) from the Graph docs' examples that the core's
//! tests keep (`core/tests/fixtures`) and from the emulator's own answers:
//! `cargo run -p o365kit-fuzz --example seed_corpora`. Each seed is named for where it came from.
//! Seeds over 6 KB are left out (the committed corpora stay small).

#[path = "../../core/tests/common/mod.rs"]
#[allow(unused_imports)]
mod common;

use o365kit::model::MODELS;
use o365kit_fuzz::core_targets::{MODEL_READERS, READERS};
use o365kit_fuzz::emulator_targets::TOKEN;
use o365kit_fuzz::request_text::TextRequest;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const MAX_SEED: usize = 6 * 1024;

struct Out {
    root: PathBuf,
    written: BTreeMap<String, usize>,
}

impl Out {
    fn put(&mut self, target: &str, name: &str, bytes: &[u8]) {
        if bytes.len() > MAX_SEED {
            return;
        }
        let dir = self.root.join(target);
        std::fs::create_dir_all(&dir).expect("corpus dir");
        let name: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '.' { c } else { '_' }).collect();
        std::fs::write(dir.join(name), bytes).expect("write seed");
        *self.written.entry(target.to_string()).or_default() += 1;
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures")
}

fn op_index(name: &str) -> Option<u8> {
    READERS.iter().position(|(n, _, _)| *n == name).map(|i| i as u8)
}

fn with_prefix(prefix: &[u8], body: &[u8]) -> Vec<u8> {
    [prefix, body].concat()
}

/// The model a table output type holds (`Page<Post>` -> `Post`), if it is a model.
fn model_of(ty: &str) -> Option<&'static str> {
    let mut t = ty;
    for wrapper in ["Page<", "Vec<", "Option<", "Box<"] {
        if let Some(inner) = t.strip_prefix(wrapper) {
            t = inner.strip_suffix('>').unwrap_or(inner);
        }
    }
    MODELS.iter().find(|m| m.name == t).map(|m| m.name)
}

/// Samples of each model found in `v` (a `ty`): the value itself and, through the models' field
/// types, every nested model value.
fn collect(ty: &str, v: &Value, samples: &mut BTreeMap<&'static str, Vec<Value>>) {
    if let Some(items) = v.as_array() {
        items.iter().for_each(|item| collect(ty, item, samples));
        return;
    }
    if ty.starts_with("Page<") {
        if let Some(items) = v.get("value") {
            collect(ty.trim_start_matches("Page<"), items, samples);
        }
        return;
    }
    let Some(name) = model_of(ty) else { return };
    if !v.is_object() {
        return;
    }
    let list = samples.entry(name).or_default();
    if list.len() < 3 {
        list.push(v.clone());
    }
    let info = MODELS.iter().find(|m| m.name == name).expect("a model");
    for field in info.fields {
        if let Some(inner) = v.get(field.wire_name()) {
            collect(&field.type_name(), inner, samples);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let _ = std::fs::remove_dir_all(&root);
    let mut out = Out { root, written: BTreeMap::new() };
    let mut samples: BTreeMap<&'static str, Vec<Value>> = BTreeMap::new();

    // The docs' examples, each under the operation whose response it is.
    let mut cases = common::cases::all();
    cases.extend(common::cases_mail::all());
    cases.extend(common::cases_calendar::all());
    cases.extend(common::cases_files::all());
    for case in &cases {
        let Some(fixture) = case.fixture else { continue };
        let Some(i) = op_index(case.name) else { continue };
        let bytes = std::fs::read(fixtures().join(fixture)).unwrap_or_else(|e| panic!("{fixture}: {e}"));
        out.put("decode", &format!("docs_{}", case.name), &with_prefix(&[i, 0], &bytes));
        let info = o365kit::ops::find(case.name).expect("in the table");
        if let Ok(v) = serde_json::from_slice::<Value>(&bytes) {
            collect(&info.output_type(), &v, &mut samples);
        }
    }
    for dir in ["delta", "mail/outlook_rest"] {
        let flags = if dir == "delta" { 0 } else { 1 };
        for entry in std::fs::read_dir(fixtures().join(dir)).expect("fixtures") {
            let path = entry.expect("entry").path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let Some(i) = op_index(&name) else { continue };
            let bytes = std::fs::read(&path).expect("fixture");
            out.put("decode", &format!("docs_{}_{name}", dir.replace('/', "_")), &with_prefix(&[i, flags], &bytes));
            if dir == "delta" {
                out.put("delta", &format!("docs_{name}"), &with_prefix(&[0], &bytes));
            }
        }
    }

    // The emulator's answers: request seeds, and their answers as decode seeds.
    let emulator = o365kit_emulator::spawn(o365kit_emulator::Config::default()).expect("an emulator");
    let base = emulator.base_url();
    let client = Http { base: base.clone() };
    for (op, method, target, body) in requests() {
        let req = TextRequest {
            method: method.into(),
            target: target.into(),
            headers: vec![("Authorization".into(), TOKEN.into()), ("Content-Type".into(), "application/json".into())],
            body: body.as_bytes().to_vec(),
        };
        let name = format!("{method}_{}", target.trim_start_matches("/v1.0/"));
        out.put("emulator_request", &name, &req.to_bytes());
        if method != "GET" {
            continue;
        }
        let filled = client.fill(target);
        let (status, headers, answer) = client.get(&filled);
        if (200..300).contains(&status) {
            if let Some(i) = op.and_then(op_index) {
                out.put("decode", &format!("emulator_{}", op.unwrap()), &with_prefix(&[i, 0], &answer));
                let info = o365kit::ops::find(op.unwrap()).expect("in the table");
                if let Ok(v) = serde_json::from_slice::<Value>(&answer) {
                    collect(&info.output_type(), &v, &mut samples);
                }
            }
        } else {
            let mut bytes = status.to_be_bytes().to_vec();
            for (k, v) in headers {
                bytes.extend_from_slice(format!("{k}: {v}\n").as_bytes());
            }
            bytes.push(b'\n');
            bytes.extend_from_slice(&answer);
            out.put("error", &format!("emulator_{status}_{name}"), &bytes);
        }
    }
    // Graph's error answers as the docs and the emulator write them.
    let error_doc = std::fs::read(fixtures().join("error_example.json")).expect("error fixture");
    for (status, headers) in [
        (404u16, ""),
        (429, "Retry-After: 7\nrequest-id: 0a1b\n"),
        (503, "Retry-After: Wed, 21 Oct 2015 07:28:00 GMT\n"),
        (504, "Retry-After: -1\n"),
        (400, "client-request-id: c\ndate: Tue, 01 Apr 2025 10:00:00 GMT\n"),
    ] {
        let bytes = [&status.to_be_bytes()[..], headers.as_bytes(), b"\n", &error_doc].concat();
        out.put("error", &format!("docs_error_{status}"), &bytes);
    }
    out.put("error", "empty_500", &[1, 244, b'\n']);
    out.put("error", "text_body", &[1, 147, b'\n', b'<', b'h', b't', b'm', b'l', b'>']);

    // Each model's samples, in both dialects (the Outlook REST one re-cased as it is sent).
    for (m, (name, _)) in MODEL_READERS.iter().enumerate() {
        for (n, v) in samples.get(name).into_iter().flatten().enumerate() {
            let graph = serde_json::to_vec(v).expect("json");
            out.put("models", &format!("{name}_{n}"), &with_prefix(&[m as u8, 0], &graph));
            let outlook = o365kit::Dialect::OutlookRest.to_wire(v.clone());
            let outlook = serde_json::to_vec(&outlook).expect("json");
            out.put("models", &format!("{name}_{n}_outlook"), &with_prefix(&[m as u8, 1], &outlook));
        }
    }

    batch_seeds(&mut out);
    delta_seeds(&mut out);
    for (i, f) in filters().iter().enumerate() {
        out.put("emulator_filter", &format!("filter_{i:02}"), f.as_bytes());
    }
    for (target, n) in &out.written {
        println!("{target}: {n} seeds");
    }
}

/// The batch target's five items are, by id: GetGroup, ListGroupThreads (after 1),
/// GetGroupPhoto, DeleteGroup, SyncMailFolders.
fn batch_seeds(out: &mut Out) {
    let group = std::fs::read(fixtures().join("get_group.json")).map(|b| serde_json::from_slice::<Value>(&b).ok());
    let group = group.ok().flatten().unwrap_or(json!({ "id": "g1" }));
    let json_headers = json!({ "Content-Type": "application/json" });
    let all_ok = json!({ "responses": [
        { "id": "1", "status": 200, "headers": json_headers, "body": group },
        { "id": "2", "status": 200, "headers": json_headers, "body": { "value": [{ "id": "t1", "topic": "Hi" }],
          "@odata.nextLink": "https://graph.microsoft.com/v1.0/groups/g1/threads?$skiptoken=x" } },
        { "id": "3", "status": 200, "headers": { "Content-Type": "image/jpeg" }, "body": "/9j/4AAQSkZJRg==" },
        { "id": "4", "status": 204, "body": null },
        { "id": "5", "status": 200, "headers": json_headers, "body": { "value": [
            { "id": "f1", "displayName": "Inbox" }, { "id": "f2", "@removed": { "reason": "deleted" } }],
          "@odata.deltaLink": "https://graph.microsoft.com/v1.0/me/mailFolders/delta?$deltatoken=d" } },
    ] });
    let throttled = json!({ "responses": [
        { "id": "3", "status": 429, "headers": { "Retry-After": "10", "Content-Type": "application/json" },
          "body": { "error": { "code": "TooManyRequests", "message": "Slow down" } } },
        { "id": "1", "status": 404, "headers": json_headers,
          "body": { "error": { "code": "Request_ResourceNotFound", "message": "No group" } } },
        { "id": "2", "status": 424, "body": { "error": { "code": "FailedDependency", "message": "1 failed" } } },
        { "id": "5", "status": 503, "headers": { "Retry-After": "2" } },
        { "id": "4", "status": 204 },
    ] });
    let outlook = o365kit::Dialect::OutlookRest.to_wire(all_ok.clone());
    for (name, flags, v) in [("all_ok", 0u8, &all_ok), ("throttled", 0, &throttled), ("outlook", 1, &outlook)] {
        out.put("batch", name, &with_prefix(&[flags], &serde_json::to_vec(v).expect("json")));
    }
    out.put("batch", "not_a_batch", b"\x00{\"value\":[]}");
    out.put(
        "batch",
        "error",
        b"\x0c{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid batch payload format.\"}}",
    );
}

fn delta_seeds(out: &mut Out) {
    let first = "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta";
    let link = "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages/delta?$skiptoken=abc";
    let page = json!({ "value": [{ "id": "m1", "subject": "Hi" }, { "id": "m2", "@removed": { "reason": "changed" } }],
                       "@odata.deltaLink": format!("{first}?$deltatoken=zz") });
    let page = serde_json::to_vec(&page).expect("json");
    out.put("delta", "caught_up", &with_prefix(&[0], &page));
    let state = format!("o365kit-sync/1 more {first} {link}\n");
    out.put("delta", "resumed", &[&[0x10u8][..], state.as_bytes(), &page].concat());
    let gone = br#"{"error":{"code":"SyncStateNotFound","message":"The sync state is gone."}}"#;
    out.put("delta", "resync_410", &[&[0x1au8][..], state.as_bytes(), gone].concat());
    out.put(
        "delta",
        "bad_state",
        &[&[0x10u8][..], b"o365kit-sync/1 done https://evil.example/x\n", &page[..]].concat(),
    );
    out.put("delta", "outlook", &with_prefix(&[1], br#"{"value":[{"Id":"m1","Subject":"x"}],"@odata.deltaLink":"https://outlook.office.com/api/v2.0/me/mailfolders/inbox/messages?$deltatoken=1"}"#));
}

/// `$filter` texts as Graph's docs and clients write them, and some it refuses.
fn filters() -> &'static [&'static str] {
    &[
        "visibility eq 'Public'",
        "startswith(displayName,'cont')",
        "endswith(mail,'@contoso.test') and mailEnabled eq true",
        "contains(displayName,'xyz') or not (size lt 3)",
        "groupTypes/any(c:c eq 'Unified')",
        "groupTypes/all(c:startswith(c, 'Uni'))",
        "createdDateTime ge 2024-01-01T00:00:00Z and createdDateTime lt 2024-03-04T10:00:00+00:00",
        "from/emailAddress/address eq 'owner@contoso.test'",
        "classification eq null",
        "visibility in ('Private', 'Public')",
        "mailEnabled",
        "displayName eq 'It''s'",
        "receivedDateTime ge 2025-03-19T00:00:00Z and receivedDateTime lt 2025-03-20T00:00:00Z",
        "categories/any(c:c eq 'Blue category')",
        "importance eq 'high' and hasAttachments eq true",
        "toRecipients/any(r:r/emailAddress/address eq 'member@contoso.test')",
        "attendees/any(a:a/status/response eq 'accepted')",
        "start/dateTime ge '2024-05-01T00:00:00'",
        "size gt 1000 and size le 1e6",
        "reminderMinutesBeforeStart lt -1",
        "tolower(subject) eq 'x'",
        "substringof('a', displayName)",
        "flag/flagStatus has 'x'",
        "(visibility eq 'x'",
        "a eq 'unterminated",
        "not not not isRead",
    ]
}

/// Requests as clients send them; `{g}`-style placeholders are ids the harness looks up. The
/// first field names the operation whose response the answer is, for the decode corpus.
#[allow(clippy::type_complexity)]
fn requests() -> Vec<(Option<&'static str>, &'static str, &'static str, &'static str)> {
    vec![
        (Some("list_groups"), "GET", "/v1.0/groups?$top=2&$select=id,displayName", ""),
        (Some("get_group"), "GET", "/v1.0/groups/{g}", ""),
        (Some("list_joined_groups"), "GET", "/v1.0/me/memberOf/microsoft.graph.group", ""),
        (None, "GET", "/v1.0/me/memberOf/graph.group?$count=true", ""),
        (Some("list_group_members"), "GET", "/v1.0/groups/{g}/members?$orderby=displayName", ""),
        (Some("list_group_owners"), "GET", "/v1.0/groups/{g}/owners", ""),
        (Some("list_conversations"), "GET", "/v1.0/groups/{g}/conversations?$top=2", ""),
        (Some("get_conversation"), "GET", "/v1.0/groups/{g}/conversations/{c}", ""),
        (Some("list_group_threads"), "GET", "/v1.0/groups/{g}/threads?$filter=topic eq 'x'&$top=3", ""),
        (Some("get_thread"), "GET", "/v1.0/groups/{g}/threads/{t}", ""),
        (Some("list_posts"), "GET", "/v1.0/groups/{g}/threads/{t}/posts?$expand=attachments", ""),
        (Some("get_post"), "GET", "/v1.0/groups/{g}/threads/{t}/posts/{p}", ""),
        (
            None,
            "POST",
            "/v1.0/groups/{g}/threads/{t}/reply",
            r#"{"post":{"body":{"contentType":"html","content":"<p>Hi</p>"}}}"#,
        ),
        (
            None,
            "POST",
            "/v1.0/groups/{g}/threads/{t}/posts/{p}/forward",
            r#"{"Comment":"fyi","ToRecipients":[{"emailAddress":{"address":"a@contoso.test"}}]}"#,
        ),
        (
            None,
            "POST",
            "/v1.0/groups/{g}/threads",
            r#"{"topic":"New","posts":[{"body":{"contentType":"text","content":"x"}}]}"#,
        ),
        (None, "PATCH", "/v1.0/groups/{g}/threads/{t}", r#"{"isLocked":true}"#),
        (
            None,
            "POST",
            "/v1.0/groups/{g}/members/$ref",
            r#"{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/{u}"}"#,
        ),
        (
            None,
            "POST",
            "/v1.0/groups",
            r#"{"displayName":"G","mailNickname":"g","mailEnabled":true,"securityEnabled":false,"groupTypes":["Unified"]}"#,
        ),
        (Some("get_me"), "GET", "/v1.0/me", ""),
        (
            Some("list_messages"),
            "GET",
            "/v1.0/me/messages?$select=subject,from&$filter=isRead eq false&$orderby=receivedDateTime desc",
            "",
        ),
        (Some("get_message"), "GET", "/v1.0/me/messages/{m}?$expand=attachments", ""),
        (Some("list_mail_folders"), "GET", "/v1.0/me/mailFolders?includeHiddenFolders=true", ""),
        (Some("list_messages"), "GET", "/v1.0/me/mailFolders/inbox/messages?$search=\"plan\"&$count=true", ""),
        (Some("sync_messages"), "GET", "/v1.0/me/mailFolders/inbox/messages/delta", ""),
        (Some("sync_mail_folders"), "GET", "/v1.0/me/mailFolders/delta", ""),
        (Some("sync_groups"), "GET", "/v1.0/groups/delta?$select=displayName", ""),
        (
            None,
            "POST",
            "/v1.0/me/sendMail",
            r#"{"message":{"subject":"s","toRecipients":[{"emailAddress":{"address":"owner@contoso.test"}}]},"saveToSentItems":false}"#,
        ),
        (None, "POST", "/v1.0/me/messages/{m}/move", r#"{"destinationId":"archive"}"#),
        (
            None,
            "PATCH",
            "/v1.0/me/messages/{m}",
            r#"{"isRead":true,"categories":["Red"],"flag":{"flagStatus":"flagged"}}"#,
        ),
        (Some("get_mailbox_settings"), "GET", "/v1.0/me/mailboxSettings", ""),
        (
            None,
            "PATCH",
            "/v1.0/me/mailboxSettings",
            r#"{"timeZone":"UTC","automaticRepliesSetting":{"status":"disabled"}}"#,
        ),
        (
            Some("get_mail_tips"),
            "POST",
            "/v1.0/me/getMailTips",
            r#"{"EmailAddresses":["owner@contoso.test"],"MailTipsOptions":"automaticReplies, mailboxFullStatus"}"#,
        ),
        (Some("list_message_rules"), "GET", "/v1.0/me/mailFolders/inbox/messageRules", ""),
        (Some("list_events"), "GET", "/v1.0/me/events?$top=3&$select=subject,start", ""),
        (Some("get_event"), "GET", "/v1.0/me/events/{e}", ""),
        (
            Some("list_calendar_view"),
            "GET",
            "/v1.0/me/calendarView?startDateTime=2024-01-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z",
            "",
        ),
        (Some("list_calendars"), "GET", "/v1.0/me/calendars", ""),
        (
            None,
            "POST",
            "/v1.0/me/events",
            r#"{"subject":"M","start":{"dateTime":"2025-01-01T10:00:00","timeZone":"Pacific Standard Time"},"end":{"dateTime":"2025-01-01T11:00:00","timeZone":"Pacific Standard Time"},"recurrence":{"pattern":{"type":"weekly","interval":1,"daysOfWeek":["monday"]},"range":{"type":"numbered","startDate":"2025-01-01","numberOfOccurrences":3}}}"#,
        ),
        (
            None,
            "POST",
            "/v1.0/me/calendar/getSchedule",
            r#"{"schedules":["owner@contoso.test"],"startTime":{"dateTime":"2025-01-01T00:00:00","timeZone":"UTC"},"endTime":{"dateTime":"2025-01-02T00:00:00","timeZone":"UTC"},"availabilityViewInterval":60}"#,
        ),
        (
            None,
            "POST",
            "/v1.0/me/findMeetingTimes",
            r#"{"attendees":[{"emailAddress":{"address":"owner@contoso.test"},"type":"required"}],"meetingDuration":"PT1H","maxCandidates":3}"#,
        ),
        (
            None,
            "GET",
            "/v1.0/me/reminderView(startDateTime='2025-01-01T00:00:00Z',endDateTime='2025-02-01T00:00:00Z')",
            "",
        ),
        (Some("list_rooms"), "GET", "/v1.0/places/microsoft.graph.room", ""),
        (None, "GET", "/v1.0/groups/{g}/drive/root/children?$orderby=name", ""),
        (
            None,
            "POST",
            "/v1.0/groups/{g}/drive/root:/a/b.txt:/createUploadSession",
            r#"{"item":{"@microsoft.graph.conflictBehavior":"rename"}}"#,
        ),
        (None, "PUT", "/v1.0/groups/{g}/drive/root:/notes.txt:/content", "hello"),
        (
            None,
            "POST",
            "/v1.0/$batch",
            r#"{"requests":[{"id":"1","method":"GET","url":"/me/messages?$top=1"},{"id":"2","method":"PATCH","url":"/me/messages/{m}","dependsOn":["1"],"headers":{"Content-Type":"application/json"},"body":{"isRead":false}}]}"#,
        ),
        (None, "GET", "/beta/me/messages?$top=1", ""),
        (None, "GET", "/api/v2.0/me/messages?$top=2&$select=Subject", ""),
        (
            None,
            "POST",
            "/api/v2.0/me/sendmail",
            r#"{"Message":{"Subject":"s","ToRecipients":[{"EmailAddress":{"Address":"owner@contoso.test"}}]}}"#,
        ),
        (None, "GET", "/v1.0/groups/{g}/threads/%2F..%2Fx", ""),
        (None, "GET", "/v1.0/groups?$filter=groupTypes/any(c:c eq 'Unified')&$top=0", ""),
        (None, "GET", "/v1.0/groups?$orderby=nope&$skip=-1", ""),
        (None, "GET", "/v2.0/me", ""),
    ]
}

/// A blocking HTTP/1.1 client, enough for the seed run (the fuzz crate has no HTTP client).
struct Http {
    base: String,
}

impl Http {
    /// Looks the placeholders' ids up through the in-process harness's own lookups.
    fn fill(&self, target: &str) -> String {
        // The spawned emulator has its own random ids: resolve them the way the harness does.
        let mut t = target.to_string();
        for (key, lookup) in [
            ("{g}", "/v1.0/me/memberOf?$top=1"),
            ("{u}", "/v1.0/me"),
            ("{m}", "/v1.0/me/messages?$top=1"),
            ("{e}", "/v1.0/me/events?$top=1"),
        ] {
            if t.contains(key) {
                let (_, _, body) = self.get(lookup);
                let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                let id = v["value"][0]["id"].as_str().or(v["id"].as_str()).unwrap_or("none").to_string();
                t = t.replace(key, &id);
            }
        }
        for key in ["{c}", "{t}", "{p}"] {
            if t.contains(key) {
                let g = self.fill("{g}");
                let list = match key {
                    "{c}" => format!("/v1.0/groups/{g}/conversations?$top=1"),
                    "{t}" => format!("/v1.0/groups/{g}/threads?$top=1"),
                    _ => format!("/v1.0/groups/{g}/threads/{}/posts?$top=1", self.fill("{t}")),
                };
                let (_, _, body) = self.get(&list);
                let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                t = t.replace(key, v["value"][0]["id"].as_str().unwrap_or("none"));
            }
        }
        t
    }

    fn get(&self, target: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
        use std::io::{Read, Write};
        let addr = self.base.trim_start_matches("http://");
        let mut s = std::net::TcpStream::connect(addr).expect("connect");
        let target = target.replace(' ', "%20").replace('"', "%22");
        write!(s, "GET {target} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {TOKEN}\r\nConnection: close\r\n\r\n")
            .expect("send");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read");
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut body = raw[split + 4..].to_vec();
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(": ").map(|(k, v)| (k.to_string(), v.to_string())))
            .filter(|(k, _)| !k.eq_ignore_ascii_case("date") && !k.eq_ignore_ascii_case("transfer-encoding"))
            .collect();
        if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
            body = dechunk(&body);
        }
        (status, headers, body)
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = raw.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(String::from_utf8_lossy(&raw[..eol]).trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.extend_from_slice(&raw[eol + 2..eol + 2 + n]);
        raw = &raw[eol + 2 + n + 2..];
    }
    out
}
