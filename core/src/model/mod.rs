//! Resource models: typed known properties, every other property kept in `extra`.
//!
//! Every known property is optional because Graph omits what `$select` leaves out. Serializing a
//! parsed model gives back the same JSON, explicit `null`s included: a known property sent as
//! `null` reads as `None` and is remembered in `nulls`.

/// Declares a model: each field becomes `Option<T>`, camelCase on the wire, omitted when `None`,
/// plus `extra` for whatever this crate does not name and `nulls` for the explicit `null`s of named
/// properties (so that they are written back). Decoding and encoding are the generic ones of
/// `read.rs` and `write.rs`, driven by the model's table; the model itself only adds that table
/// and the glue from a field index to its field.
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
            /// The modelled properties that were sent as explicit `null`s (they read as `None`),
            /// so that they are written back.
            pub nulls: $crate::model::schema::Nulls,
        }

        impl $name {
            /// This model's description, for binding and stub generators.
            pub const INFO: $crate::model::ModelInfo = $crate::model::ModelInfo {
                name: stringify!($name),
                fields: &[ $( $crate::model::FieldInfo { name: stringify!($field), ty: stringify!($ty) } ),* ],
            };

            const SCHEMA: $crate::model::schema::Schema = {
                let fields: &[&str] = &[ $( stringify!($field) ),* ];
                assert!(fields.len() <= $crate::model::schema::Nulls::MAX_FIELDS, "too many fields for `Nulls`");
                $crate::model::schema::Schema {
                name: stringify!($name),
                fields: &[ $( $crate::model::schema::Field {
                    wire: wire_name!($field),
                    kind: <Option<$ty> as $crate::model::schema::FieldType>::KIND,
                    nested: <Option<$ty> as $crate::model::schema::FieldType>::NESTED,
                } ),* ],
            }
            };
        }

        impl $crate::model::schema::Record for $name {
            fn schema(&self) -> &'static $crate::model::schema::Schema {
                &Self::SCHEMA
            }
            #[allow(unused_assignments)]
            fn slot(&mut self, i: usize) -> Option<&mut dyn $crate::model::schema::Slot> {
                let mut n = 0;
                $(
                    if i == n {
                        return Some(&mut self.$field);
                    }
                    n += 1;
                )*
                None
            }
            #[allow(unused_assignments)]
            fn slot_ref(&self, i: usize) -> Option<&dyn $crate::model::schema::Slot> {
                let mut n = 0;
                $(
                    if i == n {
                        return Some(&self.$field);
                    }
                    n += 1;
                )*
                None
            }
            fn extra(&self) -> &$crate::model::Extra {
                &self.extra
            }
            fn extra_mut(&mut self) -> &mut $crate::model::Extra {
                &mut self.extra
            }
            fn nulls(&self) -> $crate::model::schema::Nulls {
                self.nulls
            }
            fn nulls_mut(&mut self) -> &mut $crate::model::schema::Nulls {
                &mut self.nulls
            }
        }

        impl $crate::model::schema::Slot for Option<$name> {
            fn clear(&mut self) {
                *self = None;
            }
            fn record(&mut self) -> Option<&mut dyn $crate::model::schema::Record> {
                Some($crate::model::schema::record_of(self))
            }
            fn view(&self) -> $crate::model::schema::View<'_> {
                $crate::model::schema::view_of(self)
            }
        }

        impl $crate::model::schema::FieldType for Option<$name> {
            const KIND: $crate::model::schema::Kind = $crate::model::schema::Kind::Model;
            const NESTED: Option<fn() -> &'static $crate::model::schema::Schema> =
                Some(<$name as $crate::model::schema::HasSchema>::table);
        }

        impl $crate::model::schema::HasSchema for $name {
            fn table() -> &'static $crate::model::schema::Schema {
                &Self::SCHEMA
            }
        }

        impl $crate::model::arg::ModelArg for $name {
            fn table() -> &'static $crate::model::schema::Schema {
                &Self::SCHEMA
            }
        }

        impl $crate::decode::FromJson for $name {
            fn from_json(what: &str, bytes: &[u8]) -> Result<Self, $crate::Error> {
                let mut out = $name::default();
                $crate::decode::fill(what, bytes, &mut out)?;
                Ok(out)
            }
        }

        impl $crate::decode::Fast for $name {
            fn fast(bytes: &[u8]) -> Option<Self> {
                $crate::decode::fast_model(bytes)
            }
        }

        impl $crate::decode::checked::Checked for $name {
            fn table() -> &'static $crate::model::schema::Schema {
                &Self::SCHEMA
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&$crate::model::write::Out(self), s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let mut out = $name::default();
                d.deserialize_map($crate::model::read::Fill(&mut out))?;
                Ok(out)
            }
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
    GroupMail::INFO,
    Attachment::INFO,
    DriveItem::INFO,
    Folder::INFO,
    File::INFO,
    Hashes::INFO,
    ItemReference::INFO,
    UploadSession::INFO,
    AttachmentItem::INFO,
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

pub mod arg;
mod attachment;
mod common;
mod conversation;
mod directory;
mod drive;
mod event;
mod mailbox_settings;
mod message;
mod message_rule;
pub mod read;
mod scheduling;
pub mod schema;
pub mod write;

pub use attachment::{Attachment, AttachmentKind};
pub use common::{
    DateTimeTimeZone, EmailAddress, Extra, ItemBody, LocaleInfo, Photo, Recipient, TimeZoneBase, TimeZoneInformation,
    WorkingHours,
};
pub use conversation::{Conversation, ConversationThread, GroupMail, Post};
pub use directory::{DirectoryObject, Group, User};
pub use drive::{AttachmentItem, DriveItem, File, Folder, Hashes, ItemReference, UploadSession};
pub use event::{
    Attendee, AttendeeBase, Calendar, CalendarGroup, CalendarPermission, Event, Location, OnlineMeetingInfo,
    OutlookGeoCoordinates, PatternedRecurrence, PhysicalAddress, RecurrencePattern, RecurrenceRange, Reminder,
    ResponseStatus, TimeSlot,
};
pub use mailbox_settings::{
    AutomaticRepliesMailTips, AutomaticRepliesSetting, InferenceClassificationOverride, MailTips, MailTipsError,
    MailboxSettings,
};
pub use message::{FollowupFlag, InternetMessageHeader, MailFolder, Mention, MentionsPreview, Message};
pub use message_rule::{MessageRule, MessageRuleActions, MessageRulePredicates, SizeRange};
pub use scheduling::{
    AttendeeAvailability, FreeBusyError, LocationConstraint, LocationConstraintItem, MeetingTimeSuggestion,
    MeetingTimeSuggestionsResult, Room, RoomList, ScheduleInformation, ScheduleItem, TimeConstraint,
};
