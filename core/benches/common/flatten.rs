//! The hand-written lossless model of a post, as serde's documentation suggests it: a
//! `#[derive(Deserialize)]` struct per object with `#[serde(flatten)]` for unknown properties.
//! Every property is decoded as a real model would; the benchmark reads only two of them.

#![allow(dead_code)]

use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Page {
    pub value: Vec<Post>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub id: Option<String>,
    pub body: Option<ItemBody>,
    pub from: Option<Recipient>,
    pub sender: Option<Recipient>,
    pub received_date_time: Option<String>,
    pub created_date_time: Option<String>,
    pub last_modified_date_time: Option<String>,
    pub change_key: Option<String>,
    pub categories: Option<Vec<String>>,
    pub has_attachments: Option<bool>,
    pub new_participants: Option<Vec<Recipient>>,
    pub conversation_id: Option<String>,
    pub conversation_thread_id: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemBody {
    pub content_type: Option<String>,
    pub content: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Recipient {
    pub email_address: Option<EmailAddress>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailAddress {
    pub name: Option<String>,
    pub address: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

pub fn read(body: &[u8]) -> usize {
    let page: Page = serde_json::from_slice(body).expect("the fixture decodes");
    page.value
        .iter()
        .map(|p| {
            let from = p.from.as_ref().and_then(|f| f.email_address.as_ref()).and_then(|e| e.address.as_deref());
            from.map_or(0, str::len) + p.body.as_ref().and_then(|b| b.content.as_deref()).map_or(0, str::len)
        })
        .sum()
}
