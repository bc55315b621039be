//! Small value types shared by every resource family.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Unknown properties, kept so that nothing the server sends is lost.
pub type Extra = Map<String, Value>;

model! {
    pub struct EmailAddress {
        name: String,
        address: String,
    }
}

model! {
    pub struct Recipient {
        email_address: EmailAddress,
    }
}

impl Recipient {
    pub fn new(address: impl Into<String>) -> Self {
        let email = EmailAddress { address: Some(address.into()), ..Default::default() };
        Recipient { email_address: Some(email), ..Default::default() }
    }

    pub fn named(name: impl Into<String>, address: impl Into<String>) -> Self {
        let mut r = Recipient::new(address);
        if let Some(e) = r.email_address.as_mut() {
            e.name = Some(name.into());
        }
        r
    }

    /// The address, if the server sent one.
    pub fn address(&self) -> Option<&str> {
        self.email_address.as_ref()?.address.as_deref()
    }
}

model! {
    /// A message or post body. `content_type` is kept as sent: "html", "text", or Outlook REST's "HTML".
    pub struct ItemBody {
        content_type: String,
        content: String,
    }
}

impl ItemBody {
    pub fn html(content: impl Into<String>) -> Self {
        ItemBody { content_type: Some("html".into()), content: Some(content.into()), ..Default::default() }
    }

    pub fn text(content: impl Into<String>) -> Self {
        ItemBody { content_type: Some("text".into()), content: Some(content.into()), ..Default::default() }
    }

    pub fn is_html(&self) -> bool {
        self.content_type.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("html"))
    }
}

/// A binary body with its media type (group photos).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    pub content_type: String,
    #[serde(with = "crate::decode::base64_bytes_required")]
    pub bytes: Vec<u8>,
}

model! {
    /// A point in time in a named time zone: `dateTime` without offset ("2026-03-15T17:00:00.0000000")
    /// and a Windows or IANA `timeZone` ("Pacific Standard Time", "UTC").
    pub struct DateTimeTimeZone {
        date_time: String,
        time_zone: String,
    }
}

impl DateTimeTimeZone {
    pub fn new(date_time: impl Into<String>, time_zone: impl Into<String>) -> Self {
        DateTimeTimeZone { date_time: Some(date_time.into()), time_zone: Some(time_zone.into()), ..Default::default() }
    }
}

model! {
    /// A language and its name: `locale` "en-US", `displayName` "English (United States)".
    pub struct LocaleInfo {
        locale: String,
        display_name: String,
    }
}

model! {
    /// A time zone as Outlook lists it: `alias` is its name in the chosen standard (Windows or IANA).
    pub struct TimeZoneInformation {
        alias: String,
        display_name: String,
    }
}

model! {
    /// A time zone by name; custom time zones add their offsets (kept in `extra`).
    pub struct TimeZoneBase {
        odata_type: String,
        name: String,
    }
}

model! {
    /// The days and hours a user works, in a time zone.
    pub struct WorkingHours {
        days_of_week: Vec<String>,
        /// "08:00:00.0000000"
        start_time: String,
        end_time: String,
        time_zone: TimeZoneBase,
    }
}
