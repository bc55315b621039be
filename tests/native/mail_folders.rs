//! Mail folders through the native client: well-known names, counts, create, rename, child
//! folders, move, copy and delete.

use o365kit::model::{MailFolder, Message};
use o365kit::{ops, Client, Query};
use o365kit_e2e::{address, folder_id, messages_in, only_in, Env, MEMBER, OWNER};

async fn top_level(client: &Client) -> Vec<MailFolder> {
    client.all(ops::ListMailFolders { mailbox: client.current_mailbox().clone(), query: Query::new() }).await.unwrap()
}

async fn children(client: &Client, folder: &str) -> Vec<MailFolder> {
    let op = ops::ListChildFolders {
        mailbox: client.current_mailbox().clone(),
        folder_id: folder.to_string(),
        query: Query::new(),
    };
    client.all(op).await.unwrap()
}

fn names(folders: &[MailFolder]) -> Vec<&str> {
    folders.iter().filter_map(|f| f.display_name.as_deref()).collect()
}

fn api_code(err: &o365kit::Error) -> (u16, &str) {
    let api = err.api().unwrap_or_else(|| panic!("an API error, got {err:?}"));
    (api.status, api.code.as_str())
}

#[tokio::test(flavor = "multi_thread")]
async fn top_level_folders_are_the_well_known_ones_with_counts_that_match_their_messages() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let folders = top_level(&owner).await;
    for name in ["Inbox", "Drafts", "Sent Items", "Deleted Items", "Archive", "Junk Email", "Outbox"] {
        assert!(names(&folders).contains(&name), "{name} in {:?}", names(&folders));
    }
    for well_known in ["inbox", "drafts", "sentitems", "deleteditems", "archive", "junkemail"] {
        let folder = owner.get_mail_folder(well_known, Query::new()).await.unwrap();
        let by_id = folders.iter().find(|f| f.id == folder.id).expect("a top-level folder");
        assert_eq!(by_id.display_name, folder.display_name);
        let messages = owner
            .all(ops::ListFolderMessages {
                mailbox: owner.current_mailbox().clone(),
                folder_id: well_known.into(),
                query: Query::new(),
            })
            .await
            .unwrap();
        assert_eq!(folder.total_item_count, Some(messages.len() as i64), "{well_known}");
        let unread = messages.iter().filter(|m| m.is_read == Some(false)).count();
        assert_eq!(folder.unread_item_count, Some(unread as i64), "{well_known}");
    }
    let inbox = owner.get_mail_folder("inbox", Query::new()).await.unwrap();
    assert_eq!(inbox.child_folder_count, Some(1), "the seed's Campaigns folder");
    let campaigns = children(&owner, "inbox").await;
    assert_eq!(names(&campaigns), ["Campaigns"]);
    assert_eq!(names(&children(&owner, campaigns[0].id.as_deref().unwrap()).await), ["2025"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_folder_is_created_renamed_nested_and_listed() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let projects = member.create_mail_folder(MailFolder::named("Projects")).await.unwrap();
    let pid = projects.id.clone().unwrap();
    assert_eq!(projects.parent_folder_id, Some(folder_id(&member, "msgfolderroot").await));
    assert_eq!((projects.total_item_count, projects.child_folder_count), (Some(0), Some(0)));
    assert!(names(&top_level(&member).await).contains(&"Projects"));

    let renamed = member.update_mail_folder(pid.as_str(), MailFolder::named("Projects 2026")).await.unwrap();
    assert_eq!(renamed.display_name.as_deref(), Some("Projects 2026"));
    assert_eq!(renamed.id.as_deref(), Some(pid.as_str()), "a rename keeps the id");

    let child = member.create_child_folder(pid.as_str(), MailFolder::named("Launch")).await.unwrap();
    assert_eq!(child.parent_folder_id.as_deref(), Some(pid.as_str()));
    assert_eq!(names(&children(&member, &pid).await), ["Launch"]);
    assert_eq!(member.get_mail_folder(pid.as_str(), Query::new()).await.unwrap().child_folder_count, Some(1));

    let err = member.create_child_folder(pid.as_str(), MailFolder::named("launch")).await.unwrap_err();
    assert_eq!(api_code(&err), (409, "ErrorFolderExists"), "names are unique per parent, without case");
}

#[tokio::test(flavor = "multi_thread")]
async fn messages_are_created_and_moved_into_folders_by_id_or_well_known_name() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let folder = member.create_mail_folder(MailFolder::named("Receipts")).await.unwrap();
    let fid = folder.id.unwrap();
    let draft = member
        .create_folder_message(fid.as_str(), Message::new("Taxi receipt", "<p>12 EUR</p>", [address(OWNER)]))
        .await
        .unwrap();
    assert_eq!(draft.parent_folder_id.as_deref(), Some(fid.as_str()));
    assert_eq!(member.get_mail_folder(fid.as_str(), Query::new()).await.unwrap().total_item_count, Some(1));

    let moved = member.move_message(draft.id.as_deref().unwrap(), "archive").await.unwrap();
    assert_eq!(moved.parent_folder_id, Some(folder_id(&member, "archive").await));
    assert_eq!(member.get_mail_folder(fid.as_str(), Query::new()).await.unwrap().total_item_count, Some(0));
    only_in(&member, "archive", "Taxi receipt").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn folders_move_and_copy_with_their_contents() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let trips = member.create_mail_folder(MailFolder::named("Trips")).await.unwrap().id.unwrap();
    member
        .create_folder_message(trips.as_str(), Message::new("Lisbon", "<p>hotel</p>", [address(OWNER)]))
        .await
        .unwrap();
    let nested = member.create_child_folder(trips.as_str(), MailFolder::named("2026")).await.unwrap().id.unwrap();

    let moved = member.move_mail_folder(trips.as_str(), "archive").await.unwrap();
    assert_eq!(moved.parent_folder_id, Some(folder_id(&member, "archive").await));
    assert_eq!(names(&children(&member, "archive").await), ["Trips"]);
    assert!(!names(&top_level(&member).await).contains(&"Trips"));

    let copy = member.copy_mail_folder(trips.as_str(), "inbox").await.unwrap();
    let copy_id = copy.id.clone().unwrap();
    assert_ne!(copy_id, trips, "a copy is a new folder");
    assert_eq!(copy.display_name.as_deref(), Some("Trips"));
    assert_eq!(copy.total_item_count, Some(1), "with the messages");
    let copied_children = children(&member, &copy_id).await;
    assert_eq!(names(&copied_children), ["2026"], "and the subfolders");
    assert_ne!(copied_children[0].id.as_deref(), Some(nested.as_str()));
    assert_eq!(messages_in(&member, &copy_id, "Lisbon").await.len(), 1);
    assert_eq!(messages_in(&member, &trips, "Lisbon").await.len(), 1, "the original keeps its messages");

    let err = member.move_mail_folder(trips.as_str(), nested.as_str()).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "not into its own subtree: {err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_a_folder_moves_it_to_deleted_items_then_removes_it() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let old = member.create_mail_folder(MailFolder::named("Old stuff")).await.unwrap().id.unwrap();
    member.delete_mail_folder(old.as_str()).await.unwrap();
    assert!(!names(&top_level(&member).await).contains(&"Old stuff"));
    assert!(names(&children(&member, "deleteditems").await).contains(&"Old stuff"));

    let in_bin =
        children(&member, "deleteditems").await.into_iter().find(|f| f.display_name.as_deref() == Some("Old stuff"));
    let in_bin = in_bin.unwrap().id.unwrap();
    member.delete_mail_folder(in_bin.as_str()).await.unwrap();
    let err = member.get_mail_folder(in_bin.as_str(), Query::new()).await.unwrap_err();
    assert_eq!(api_code(&err), (404, "ErrorItemNotFound"));
}

#[tokio::test(flavor = "multi_thread")]
async fn well_known_folders_cannot_be_deleted_or_moved() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let err = member.delete_mail_folder("inbox").await.unwrap_err();
    assert_eq!(api_code(&err), (400, "ErrorDeleteDistinguishedFolder"));
    let err = member.move_mail_folder("sentitems", "archive").await.unwrap_err();
    assert_eq!(api_code(&err), (400, "ErrorMoveDistinguishedFolder"));
    let err = member.get_mail_folder("AAMkAGNoSuchFolder0001", Query::new()).await.unwrap_err();
    assert_eq!(api_code(&err), (404, "ErrorItemNotFound"));
}
