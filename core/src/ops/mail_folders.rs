//! Mail folders and their child folders.

use super::check::{text, Check};
use super::route::Args;
use super::*;
use crate::model::MailFolder;

impl Check for MailFolder {}

/// A new folder has a name.
fn named(a: &Args) -> Result<(), Error> {
    require_text("folder.display_name", text(&a.json("folder")?, "displayName"))
}

routes! {
    ListMailFolders: GET mailbox / "mailFolders" ? query;
    ListChildFolders: GET mailbox / "mailFolders" / folder_id / "childFolders" ? query;
    GetMailFolder: GET mailbox / "mailFolders" / folder_id ? query;
    CreateMailFolder: POST mailbox / "mailFolders" <- folder
        if named;
    CreateChildFolder: POST mailbox / "mailFolders" / folder_id / "childFolders" <- folder
        if named;
    UpdateMailFolder: PATCH mailbox / "mailFolders" / folder_id <- folder;
    DeleteMailFolder: DELETE mailbox / "mailFolders" / folder_id;
    MoveMailFolder: POST mailbox / "mailFolders" / folder_id / "move" <- { destination_id }
        if |a: &Args| crate::endpoint::check_item_id("destination_id", a.text("destination_id")?);
    CopyMailFolder: POST mailbox / "mailFolders" / folder_id / "copy" <- { destination_id }
        if |a: &Args| crate::endpoint::check_item_id("destination_id", a.text("destination_id")?);
}
