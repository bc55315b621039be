//! Mail folders and their child folders.

use super::route::{Args, Check};
use super::*;
use crate::model::MailFolder;

impl Check for MailFolder {}

fn named(param: &str, folder: &MailFolder) -> Result<(), Error> {
    require_text(&format!("{param}.display_name"), folder.display_name.as_deref())
}

routes! {
    ListMailFolders: GET mailbox / "mailFolders" ? query;
    ListChildFolders: GET mailbox / "mailFolders" / folder_id / "childFolders" ? query;
    GetMailFolder: GET mailbox / "mailFolders" / folder_id ? query;
    CreateMailFolder: POST mailbox / "mailFolders" <- folder
        if |a: &Args| named("folder", a.get("folder")?);
    CreateChildFolder: POST mailbox / "mailFolders" / folder_id / "childFolders" <- folder
        if |a: &Args| named("folder", a.get("folder")?);
    UpdateMailFolder: PATCH mailbox / "mailFolders" / folder_id <- folder;
    DeleteMailFolder: DELETE mailbox / "mailFolders" / folder_id;
    MoveMailFolder: POST mailbox / "mailFolders" / folder_id / "move" <- { destination_id }
        if |a: &Args| crate::endpoint::check_item_id("destination_id", a.text("destination_id")?);
    CopyMailFolder: POST mailbox / "mailFolders" / folder_id / "copy" <- { destination_id }
        if |a: &Args| crate::endpoint::check_item_id("destination_id", a.text("destination_id")?);
}
