//! Resource models: typed known properties, every other property kept in `extra`.
//!
//! Every known property is optional because Graph omits what `$select` leaves out. Serializing a
//! parsed model gives back the same JSON, except that explicit `null`s read as absent.

/// Declares a model: each field becomes `Option<T>`, camelCase on the wire, omitted when `None`,
/// plus `extra` for whatever this crate does not name.
macro_rules! model {
    ($(#[$m:meta])* pub struct $name:ident { $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $(
                $(#[$fm])*
                pub $field: Option<$ty>,
            )*
            /// Properties this crate does not model, kept verbatim.
            pub extra: $crate::model::Extra,
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                $(
                    if let Some(v) = &self.$field {
                        map.serialize_entry(&$crate::model::WireKey(wire_name!($field)), &$crate::model::Out(v))?;
                    }
                )*
                for (k, v) in &self.extra {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }

        // Hand-rolled rather than derived: serde's `flatten` buffers every object into an
        // intermediate tree first, which doubles parse time and code size (wasm ships it).
        // Known properties are written camelCase and only when set, then `extra` as it came.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visit;
                impl<'de> serde::de::Visitor<'de> for Visit {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let _level = $crate::decode::Nesting::enter()?;
                        let mut out = $name::default();
                        use $crate::decode::path::at_key;
                        while let Some($crate::model::MapKey(key)) = map.next_key()? {
                            $(
                                if key.as_bytes() == wire_name!($field) {
                                    out.$field = <$ty as $crate::model::ReadField>::read(&mut map)
                                        .map_err(|e| at_key(&key, e))?;
                                    continue;
                                }
                            )*
                            let value: serde_json::Value = map.next_value().map_err(|e| at_key(&key, e))?;
                            out.extra.insert(key.into_owned(), value);
                        }
                        Ok(out)
                    }
                }
                d.deserialize_map(Visit)
            }
        }

        impl $name {
            /// This model's description, for binding and stub generators.
            pub const INFO: $crate::model::ModelInfo = $crate::model::ModelInfo {
                name: stringify!($name),
                fields: &[ $( $crate::model::FieldInfo { name: stringify!($field), ty: stringify!($ty) } ),* ],
            };
        }
    };
}

/// A field's name in JSON, worked out at compile time: camelCase, and `odata_type` is the
/// `@odata.type` annotation. Matching keys by plain byte comparison keeps decoding fast.
macro_rules! wire_name {
    ($field:ident) => {{
        const SNAKE: &str = stringify!($field);
        const BYTES: [u8; SNAKE.len() + 1] = $crate::model::wire_bytes(SNAKE);
        const WIRE: &[u8] = BYTES.split_at($crate::model::wire_len(&BYTES)).0;
        WIRE
    }};
}

/// `snake` camelCased into a zero-padded buffer (see `wire_name!`).
pub const fn wire_bytes<const N: usize>(snake: &str) -> [u8; N] {
    let s = snake.as_bytes();
    let mut out = [0u8; N];
    let annotation = b"@odata.type";
    if same(s, b"odata_type") {
        let mut i = 0;
        while i < annotation.len() {
            out[i] = annotation[i];
            i += 1;
        }
        return out;
    }
    let (mut i, mut j, mut upper) = (0, 0, false);
    while i < s.len() {
        let c = s[i];
        assert!(c.is_ascii_alphanumeric() || c == b'_', "model field names are ASCII identifiers");
        if c == b'_' {
            upper = true;
        } else {
            out[j] = if upper { c.to_ascii_uppercase() } else { c };
            j += 1;
            upper = false;
        }
        i += 1;
    }
    out
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The length of a `wire_bytes` buffer's name.
pub const fn wire_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    while n < bytes.len() && bytes[n] != 0 {
        n += 1;
    }
    n
}

/// An object key, borrowed from the input when it holds no escapes.
pub struct MapKey<'de>(pub std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for MapKey<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = MapKey<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a property name")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<MapKey<'de>, E> {
                Ok(MapKey(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<MapKey<'de>, E> {
                Ok(MapKey(std::borrow::Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<MapKey<'de>, E> {
                Ok(MapKey(std::borrow::Cow::Owned(v)))
            }
        }
        d.deserialize_str(Visit)
    }
}

/// A field's wire name on its way into a serializer.
pub struct WireKey(pub &'static [u8]);

impl serde::Serialize for WireKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(self.0).map_err(serde::ser::Error::custom)?)
    }
}

struct CamelCase(&'static str);

/// `save_to_sent_items` -> `saveToSentItems`: a field's name in Graph JSON.
pub(crate) fn camel_case(name: &'static str) -> String {
    CamelCase(name).to_string()
}

impl std::fmt::Display for CamelCase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        let mut upper = false;
        for c in self.0.chars() {
            if c == '_' {
                upper = true;
            } else {
                f.write_char(if upper { c.to_ascii_uppercase() } else { c })?;
                upper = false;
            }
        }
        Ok(())
    }
}

/// How a model reads one known property's value; JSON `null` reads as absent.
pub trait ReadField: Sized {
    fn read<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error>;
}

/// How a model writes one known property's value.
pub trait WriteField {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
}

/// A known property's value on its way out.
pub struct Out<'a, T>(pub &'a T);

impl<T: WriteField> serde::Serialize for Out<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(s)
    }
}

macro_rules! read_as_json {
    ($($t:ty),* $(,)?) => { $(
        impl ReadField for $t {
            fn read<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
                map.next_value()
            }
        }
        impl WriteField for $t {
            fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(self, s)
            }
        }
    )* };
}

read_as_json!(String, bool, i64, serde_json::Value, EmailAddress, Recipient, ItemBody, Box<Post>);
read_as_json!(
    f64,
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
);

/// What a model's list property may hold; errors inside an element carry its index.
pub trait Element: serde::de::DeserializeOwned + serde::Serialize {}
impl Element for String {}
impl Element for Recipient {}
impl Element for ConversationThread {}
impl Element for Post {}
impl Element for Attachment {}
impl Element for InternetMessageHeader {}
impl Element for Mention {}
impl Element for LocaleInfo {}
impl Element for Location {}
impl Element for Attendee {}
impl Element for AttendeeBase {}
impl Element for TimeSlot {}
impl Element for MeetingTimeSuggestion {}
impl Element for AttendeeAvailability {}
impl Element for LocationConstraintItem {}
impl Element for ScheduleItem {}
impl Element for serde_json::Value {}
impl Element for Event {}
impl Element for Calendar {}
impl Element for CalendarGroup {}
impl Element for CalendarPermission {}
impl Element for Reminder {}
impl Element for ScheduleInformation {}
impl Element for Room {}
impl Element for RoomList {}

impl Element for TimeZoneInformation {}

impl<T: Element> ReadField for Vec<T> {
    fn read<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        Ok(map.next_value::<Option<crate::decode::path::Seq<T>>>()?.map(|s| s.0))
    }
}

impl<T: Element> WriteField for Vec<T> {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, s)
    }
}

/// Binary content (`contentBytes`) travels as base64.
impl ReadField for Vec<u8> {
    fn read<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        // Decoded inside the value's own deserializer so that errors carry the property's path.
        struct Base64(Vec<u8>);
        impl<'de> serde::Deserialize<'de> for Base64 {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use base64::Engine;
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                let bytes = base64::engine::general_purpose::STANDARD.decode(text.trim());
                bytes.map(Base64).map_err(serde::de::Error::custom)
            }
        }
        Ok(map.next_value::<Option<Base64>>()?.map(|b| b.0))
    }
}

impl WriteField for Vec<u8> {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use base64::Engine;
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(self))
    }
}

/// A model's known properties, for generators (Python stubs, TypeScript interfaces).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelInfo {
    pub name: &'static str,
    pub fields: &'static [FieldInfo],
}

/// One known property: its Rust (snake_case) name and its Rust type as `stringify!` wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldInfo {
    pub name: &'static str,
    pub ty: &'static str,
}

impl FieldInfo {
    /// The type as written in the model: "String", "Vec<Recipient>", "Box<Post>".
    pub fn type_name(&self) -> String {
        crate::ops::compact(self.ty)
    }

    /// The property's name in Graph JSON (camelCase; `odata_type` is the `@odata.type` annotation).
    pub fn wire_name(&self) -> String {
        if self.name == "odata_type" {
            return "@odata.type".into();
        }
        CamelCase(self.name).to_string()
    }
}

/// Every model, for generators.
pub static MODELS: &[ModelInfo] = &[
    EmailAddress::INFO,
    Recipient::INFO,
    ItemBody::INFO,
    Group::INFO,
    User::INFO,
    DirectoryObject::INFO,
    Conversation::INFO,
    ConversationThread::INFO,
    Post::INFO,
    Attachment::INFO,
    DateTimeTimeZone::INFO,
    LocaleInfo::INFO,
    TimeZoneInformation::INFO,
    TimeZoneBase::INFO,
    WorkingHours::INFO,
    Message::INFO,
    InternetMessageHeader::INFO,
    FollowupFlag::INFO,
    Mention::INFO,
    MentionsPreview::INFO,
    MailFolder::INFO,
    MailboxSettings::INFO,
    AutomaticRepliesSetting::INFO,
    InferenceClassificationOverride::INFO,
    MailTips::INFO,
    AutomaticRepliesMailTips::INFO,
    MailTipsError::INFO,
    MessageRule::INFO,
    MessageRulePredicates::INFO,
    SizeRange::INFO,
    MessageRuleActions::INFO,
    Event::INFO,
    Location::INFO,
    PhysicalAddress::INFO,
    OutlookGeoCoordinates::INFO,
    Attendee::INFO,
    AttendeeBase::INFO,
    ResponseStatus::INFO,
    TimeSlot::INFO,
    PatternedRecurrence::INFO,
    RecurrencePattern::INFO,
    RecurrenceRange::INFO,
    OnlineMeetingInfo::INFO,
    Calendar::INFO,
    CalendarGroup::INFO,
    CalendarPermission::INFO,
    Reminder::INFO,
    MeetingTimeSuggestionsResult::INFO,
    MeetingTimeSuggestion::INFO,
    AttendeeAvailability::INFO,
    TimeConstraint::INFO,
    LocationConstraint::INFO,
    LocationConstraintItem::INFO,
    ScheduleInformation::INFO,
    ScheduleItem::INFO,
    FreeBusyError::INFO,
    Room::INFO,
    RoomList::INFO,
];

mod attachment;
mod common;
mod conversation;
mod directory;
mod event;
mod mailbox_settings;
mod message;
mod message_rule;
mod scheduling;

pub use attachment::{Attachment, AttachmentKind};
pub use common::{
    DateTimeTimeZone, EmailAddress, Extra, ItemBody, LocaleInfo, Photo, Recipient, TimeZoneBase, TimeZoneInformation,
    WorkingHours,
};
pub use conversation::{Conversation, ConversationThread, Post};
pub use event::{
    Attendee, AttendeeBase, Calendar, CalendarGroup, CalendarPermission, Event, Location, OnlineMeetingInfo,
    OutlookGeoCoordinates, PatternedRecurrence, PhysicalAddress, RecurrencePattern, RecurrenceRange, Reminder,
    ResponseStatus, TimeSlot,
};
pub use directory::{DirectoryObject, Group, User};
pub use mailbox_settings::{
    AutomaticRepliesMailTips, AutomaticRepliesSetting, InferenceClassificationOverride, MailTips, MailTipsError,
    MailboxSettings,
};
pub use message::{FollowupFlag, InternetMessageHeader, MailFolder, Mention, MentionsPreview, Message};
pub use scheduling::{
    AttendeeAvailability, FreeBusyError, LocationConstraint, LocationConstraintItem, MeetingTimeSuggestion,
    MeetingTimeSuggestionsResult, Room, RoomList, ScheduleInformation, ScheduleItem, TimeConstraint,
};
pub use message_rule::{MessageRule, MessageRuleActions, MessageRulePredicates, SizeRange};
