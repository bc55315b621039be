//! Resource models: typed known properties, every other property kept in `extra`.
//!
//! Every known property is optional because Graph omits what `$select` leaves out. Serializing a
//! parsed model gives back the same JSON, except that explicit `null`s read as absent.

/// Declares a model: each field becomes `Option<T>`, camelCase on the wire, omitted when `None`,
/// plus `extra` for whatever this crate does not name.
macro_rules! model {
    ($(#[$m:meta])* pub struct $name:ident { $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
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

        impl $name {
            /// This model's description, for binding and stub generators.
            pub const INFO: $crate::model::ModelInfo = $crate::model::ModelInfo {
                name: stringify!($name),
                fields: &[ $( $crate::model::FieldInfo { name: stringify!($field), ty: stringify!($ty) } ),* ],
            };
        }
    };
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
