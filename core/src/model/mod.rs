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
    };
}

mod attachment;
mod common;
mod conversation;
mod directory;

pub use attachment::{Attachment, AttachmentKind};
pub use common::{EmailAddress, Extra, ItemBody, Photo, Recipient};
pub use conversation::{Conversation, ConversationThread, Post};
pub use directory::{DirectoryObject, Group, User};
