//! Resource models: typed known properties, every other property kept in `extra`.
//!
//! Every known property is optional because Graph omits what `$select` leaves out. Serializing a
//! parsed model gives back the same JSON, except that explicit `null`s read as absent.

/// Declares a model: each field becomes `Option<T>`, camelCase on the wire, omitted when `None`,
/// plus `extra` for whatever this crate does not name.
macro_rules! model {
    ($(#[$m:meta])* pub struct $name:ident { $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$fm])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            /// Properties this crate does not model, kept verbatim.
            #[serde(flatten)]
            pub extra: $crate::model::Extra,
        }

        // Hand-rolled rather than derived: serde's `flatten` buffers every object into an
        // intermediate tree first, which doubles parse time and code size (wasm ships it).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visit;
                impl<'de> serde::de::Visitor<'de> for Visit {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let mut out = $name::default();
                        while let Some(key) = map.next_key::<String>()? {
                            $(
                                if $crate::model::is_wire_name(&key, stringify!($field)) {
                                    out.$field = <$ty as $crate::model::ReadField>::read(&mut map)?;
                                    continue;
                                }
                            )*
                            let value: serde_json::Value = map.next_value()?;
                            out.extra.insert(key, value);
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

/// Whether `key` is the wire name of the snake_case field `snake` (camelCase; `odata_type` is the
/// `@odata.type` annotation), compared without allocating.
pub fn is_wire_name(key: &str, snake: &str) -> bool {
    if snake == "odata_type" {
        return key == "@odata.type";
    }
    let mut k = key.chars();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
            continue;
        }
        let want = if upper { c.to_ascii_uppercase() } else { c };
        upper = false;
        if k.next() != Some(want) {
            return false;
        }
    }
    k.next().is_none()
}

/// How a model reads one known property's value; JSON `null` reads as absent.
pub trait ReadField: Sized {
    fn read<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error>;
}

macro_rules! read_as_json {
    ($($t:ty),* $(,)?) => { $(
        impl ReadField for $t {
            fn read<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
                map.next_value()
            }
        }
    )* };
}

read_as_json!(
    String,
    bool,
    i64,
    Vec<String>,
    serde_json::Value,
    EmailAddress,
    Recipient,
    ItemBody,
    Vec<Recipient>,
    Box<Post>,
    Vec<ConversationThread>,
    Vec<Post>,
    Vec<Attachment>,
);

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
        let mut out = String::with_capacity(self.name.len());
        let mut upper = false;
        for c in self.name.chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
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
];

mod attachment;
mod common;
mod conversation;
mod directory;

pub use attachment::{Attachment, AttachmentKind};
pub use common::{EmailAddress, Extra, ItemBody, Photo, Recipient};
pub use conversation::{Conversation, ConversationThread, Post};
pub use directory::{DirectoryObject, Group, User};
