//! Shared set-up for the end-to-end tests: an emulator on a free loopback port and clients for
//! the seed tenant's users.

use o365kit::{Client, Query};
use o365kit_emulator::{spawn, Config, Running};

pub const OWNER: &str = "emulator:owner@contoso.test";
pub const MEMBER: &str = "emulator:member@contoso.test";
pub const OUTSIDER: &str = "emulator:outsider@contoso.test";

/// A running emulator (stopped when dropped) with the seed tenant.
pub struct Env {
    pub emulator: Running,
}

impl Env {
    pub fn start() -> Env {
        Env::with_config(Config::default())
    }

    pub fn with_config(config: Config) -> Env {
        Env { emulator: spawn(config).expect("emulator starts on 127.0.0.1") }
    }

    pub fn base_url(&self) -> String {
        self.emulator.base_url()
    }

    pub fn client(&self, token: &str) -> Client {
        Client::builder().base_url(&self.base_url()).token(token).build().expect("client builds")
    }

    /// A client that surfaces throttling and failures instead of retrying them.
    pub fn client_without_retries(&self, token: &str) -> Client {
        let builder = Client::builder().base_url(&self.base_url()).token(token);
        builder.retry_policy(o365kit::Policy::no_retries()).build().expect("client builds")
    }

    /// The seed's public and private groups, as the owner sees them: (public id, private id).
    pub async fn groups(&self) -> (String, String) {
        let all = self.client(OWNER).all(o365kit::ops::ListGroups { query: Query::new() }).await.expect("list groups");
        let find = |vis: &str| {
            all.iter()
                .find(|g| g.visibility.as_deref() == Some(vis) && g.is_unified())
                .and_then(|g| g.id.clone())
                .unwrap_or_else(|| panic!("seed has a {vis} group"))
        };
        (find("Public"), find("Private"))
    }

    /// POSTs to one of the emulator's control routes (`/_emulator/...`); gives the status.
    pub async fn control(&self, route: &str, body: serde_json::Value) -> u16 {
        reqwest_post(&format!("{}{route}", self.base_url()), &body.to_string()).await
    }

    /// Delivers mail to a group as an external sender (`POST /_emulator/groups/deliver`); gives
    /// the new post's `{"conversationId", "threadId", "postId", "receivedDateTime"}`.
    pub async fn deliver(&self, body: serde_json::Value) -> serde_json::Value {
        let url = format!("{}/_emulator/groups/deliver", self.base_url());
        let req = o365kit::Request::post(url.clone()).bytes("application/json", body.to_string().into_bytes());
        let res = control_client(&url).execute(&req).await.expect("emulator answers");
        assert_eq!(res.status, 201, "delivered: {}", String::from_utf8_lossy(&res.body));
        serde_json::from_slice(&res.body).expect("JSON answer")
    }

    /// Queues the next `count` requests to fail with `status` (and Retry-After seconds, if any).
    pub async fn inject_fault(&self, body: serde_json::Value) {
        let res = reqwest_post(&format!("{}/_emulator/faults", self.base_url()), &body.to_string()).await;
        assert!((200..300).contains(&res), "fault injection accepted, got {res}");
    }
}

async fn reqwest_post(url: &str, body: &str) -> u16 {
    let req = o365kit::Request::post(url.to_string()).bytes("application/json", body.as_bytes().to_vec());
    control_client(url).execute(&req).await.map(|r| r.status).unwrap_or(0)
}

/// The control routes need no token; any client can carry them.
fn control_client(url: &str) -> Client {
    let builder = Client::builder().base_url(url).token("unused");
    builder.retry_policy(o365kit::Policy::no_retries()).build().expect("client")
}

/// The seed's shared mailbox; MEMBER is its only delegate.
pub const SHARED: &str = "support@contoso.test";

/// The email address a seed token signs in as.
pub fn address(token: &str) -> &str {
    token.strip_prefix("emulator:").unwrap_or(token)
}

/// Every message of a folder (all pages) with this exact subject, in the client's mailbox.
pub async fn messages_in(client: &Client, folder: &str, subject: &str) -> Vec<o365kit::model::Message> {
    let op = o365kit::ops::ListFolderMessages {
        mailbox: client.current_mailbox().clone(),
        folder_id: folder.to_string(),
        query: Query::new(),
    };
    let all = client.all(op).await.unwrap_or_else(|e| panic!("list {folder}: {e}"));
    all.into_iter().filter(|m| m.subject.as_deref() == Some(subject)).collect()
}

/// The one message of a folder with this subject.
pub async fn only_in(client: &Client, folder: &str, subject: &str) -> o365kit::model::Message {
    let mut found = messages_in(client, folder, subject).await;
    assert_eq!(found.len(), 1, "exactly one {subject:?} in {folder} of {:?}", client.current_mailbox());
    found.remove(0)
}

/// The id of a folder given by well-known name or id.
pub async fn folder_id(client: &Client, folder: &str) -> String {
    let f = client.get_mail_folder(folder, Query::new()).await.unwrap_or_else(|e| panic!("get folder {folder}: {e}"));
    f.id.expect("folders have ids")
}

/// The id of a child folder, found by display name.
pub async fn child_folder(client: &Client, parent: &str, name: &str) -> String {
    let op = o365kit::ops::ListChildFolders {
        mailbox: client.current_mailbox().clone(),
        folder_id: parent.to_string(),
        query: Query::new(),
    };
    let all = client.all(op).await.unwrap_or_else(|e| panic!("children of {parent}: {e}"));
    let found = all.into_iter().find(|f| f.display_name.as_deref() == Some(name));
    found.and_then(|f| f.id).unwrap_or_else(|| panic!("{name} under {parent}"))
}

/// The seed group with a calendar ("Contoso Marketing", public).
pub const MARKETING: &str = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64";

/// The owner's seeded weekly meeting: Mondays 10:00 to 10:45 W. Europe Standard Time from 2025-01-06.
pub const WEEKLY: &str = "AAMkAGOwnerWeeklyTeamMeeting0001";

/// A window bound, checked by the core.
pub fn at(text: &str) -> o365kit::DateTime {
    o365kit::DateTime::parse("test", text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// A one-off event in UTC (`start`/`end` as `2031-03-03T14:00:00`).
pub fn event(subject: &str, start: &str, end: &str) -> o365kit::model::Event {
    use o365kit::model::{DateTimeTimeZone, Event};
    Event {
        subject: Some(subject.into()),
        start: Some(DateTimeTimeZone::new(start, "UTC")),
        end: Some(DateTimeTimeZone::new(end, "UTC")),
        ..Default::default()
    }
}

/// Every event of the client's mailbox (singles and series masters, all pages) with this subject.
pub async fn events_titled(client: &Client, subject: &str) -> Vec<o365kit::model::Event> {
    let op = o365kit::ops::ListEvents { mailbox: client.current_mailbox().clone(), query: Query::new() };
    let all = client.all(op).await.unwrap_or_else(|e| panic!("list events: {e}"));
    all.into_iter().filter(|e| e.subject.as_deref() == Some(subject)).collect()
}

/// `dateTime` to the second ("2025-03-03T04:00:00"), whatever fraction the server writes.
pub fn wall_clock(t: &Option<o365kit::model::DateTimeTimeZone>) -> String {
    let text = t.as_ref().and_then(|t| t.date_time.clone()).expect("a dateTime");
    text.chars().take(19).collect()
}

/// The zone a `DateTimeTimeZone` is written in.
pub fn zone(t: &Option<o365kit::model::DateTimeTimeZone>) -> String {
    t.as_ref().and_then(|t| t.time_zone.clone()).expect("a timeZone")
}
