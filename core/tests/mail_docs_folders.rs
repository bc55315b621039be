//! The Graph v1.0 docs' examples for mail folders (user-list-mailfolders,
//! mailfolder-list-childfolders, mailfolder-get, user-post-mailfolders,
//! mailfolder-post-childfolders, mailfolder-update, mailfolder-delete, mailfolder-move,
//! mailfolder-copy): requests built from the docs' values equal the docs' requests; the docs'
//! responses parse and round-trip (see `common::docs`). `{id}` in the docs is `F` here.
mod common;

use common::cases_mail::F;
use common::docs::*;
use common::*;
use o365kit::model::MailFolder;
use o365kit::ops::*;
use o365kit::{Mailbox, Method, Operation, Query};
use serde_json::{json, Value};

fn folder(v: Value) -> MailFolder {
    serde_json::from_value(v).expect("the docs' folder is a MailFolder")
}

#[test]
fn list_mail_folders() {
    let make = |mailbox| ListMailFolders { mailbox, query: Query::new() };
    assert_docs_request(make, DocsRequest { method: Method::Get, path: "/mailFolders", body: None });
    let page = parse_docs_response(&make(Mailbox::Me), 200, "mail/list_mail_folders.json");
    assert_eq!(page.value.len(), 9);
    let inbox = &page.value[4];
    assert_eq!(inbox.display_name.as_deref(), Some("Inbox"));
    assert_eq!(
        (inbox.child_folder_count, inbox.unread_item_count, inbox.total_item_count),
        (Some(1), Some(70), Some(71))
    );
    // A search folder's own properties stay in extra.
    let search = &page.value[5];
    assert_eq!(search.extra["@odata.type"], "#microsoft.graph.mailSearchFolder");
    assert_eq!(search.extra["filterQuery"], "contains(subject, 'weekly digest')");
    // Example 2 (?includeHiddenFolders=true, a beta URL on the v1.0 page) answers the same shape.
    let hidden = parse_docs_response(&make(Mailbox::Me), 200, "mail/list_mail_folders_hidden.json");
    assert_eq!(hidden.value[0].is_hidden, Some(true));
}

#[test]
fn list_child_folders() {
    let make = |mailbox| ListChildFolders { mailbox, folder_id: F.into(), query: Query::new() };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Get, path: &format!("/mailFolders/{F}/childFolders"), body: None },
    );
    let page = parse_docs_response(&make(Mailbox::Me), 200, "mail/list_child_folders.json");
    assert_eq!(page.value[0].id.as_deref(), Some("id-value"));
    let hidden = parse_docs_response(&make(Mailbox::Me), 200, "mail/list_child_folders_hidden.json");
    assert_eq!(hidden.value.iter().map(|f| f.is_hidden).collect::<Vec<_>>(), [Some(false), Some(true)]);
}

#[test]
fn get_mail_folder() {
    let make = |id: &'static str| move |mailbox| GetMailFolder { mailbox, folder_id: id.into(), query: Query::new() };
    assert_docs_request(
        make("AAMkAGVmMDEzM"),
        DocsRequest { method: Method::Get, path: "/mailFolders/AAMkAGVmMDEzM", body: None },
    );
    let f = parse_docs_response(&make("AAMkAGVmMDEzM")(Mailbox::Me), 200, "mail/get_mail_folder.json");
    assert_eq!((f.display_name.as_deref(), f.unread_item_count), (Some("Inbox"), Some(59)));
    let s = parse_docs_response(&make("AAMkAGVmMDEzN")(Mailbox::Me), 200, "mail/get_mail_folder_search.json");
    assert_eq!(s.extra["sourceFolderIds"], json!(["AAMkAGVmMDEzM"]));
    assert_eq!(s.extra["includeNestedFolders"], true);
}

#[test]
fn create_mail_folder() {
    let docs = json!({ "displayName": "Clutter", "isHidden": true });
    let make = |mailbox| CreateMailFolder { mailbox, folder: folder(docs.clone()) };
    assert_docs_request(make, DocsRequest { method: Method::Post, path: "/mailFolders", body: Some(docs.clone()) });
    let typed = MailFolder { is_hidden: Some(true), ..MailFolder::named("Clutter") };
    assert_eq!(json_body(&CreateMailFolder { mailbox: Mailbox::Me, folder: typed }.request(&ep()).unwrap()), docs);
    let f = parse_docs_response(&make(Mailbox::Me), 201, "mail/create_mail_folder.json");
    assert_eq!(f.id.as_deref(), Some("hN2Y5OGRhNGYwODEALgAAA0DAKbvJvFhJgcT3lZpkhNQBAA1"));
    assert_eq!(f.is_hidden, Some(true));
}

#[test]
fn create_child_folder() {
    let docs = json!({ "displayName": "displayName-value", "isHidden": true });
    let make = |mailbox| CreateChildFolder { mailbox, folder_id: F.into(), folder: folder(docs.clone()) };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Post, path: &format!("/mailFolders/{F}/childFolders"), body: Some(docs.clone()) },
    );
    // The docs say 200 OK here (creating a top-level folder says 201 Created).
    let f = parse_docs_response(&make(Mailbox::Me), 200, "mail/create_child_folder.json");
    assert_eq!(f.parent_folder_id.as_deref(), Some("parentFolderId-value"));
}

#[test]
fn update_mail_folder() {
    // The docs' body, `{"displayName": "displayName-value",}`, is not JSON (a trailing comma).
    let docs = json!({ "displayName": "displayName-value" });
    let make = |mailbox| UpdateMailFolder { mailbox, folder_id: F.into(), folder: folder(docs.clone()) };
    assert_docs_request(
        make,
        DocsRequest { method: Method::Patch, path: &format!("/mailFolders/{F}"), body: Some(docs.clone()) },
    );
    let f = parse_docs_response(&make(Mailbox::Me), 200, "mail/update_mail_folder.json");
    assert_eq!(f.child_folder_count, Some(99));
}

#[test]
fn delete_mail_folder() {
    let make = |mailbox| DeleteMailFolder { mailbox, folder_id: F.into() };
    assert_docs_request(make, DocsRequest { method: Method::Delete, path: &format!("/mailFolders/{F}"), body: None });
    make(Mailbox::Me).parse(&ep(), empty_response(204)).unwrap();
}

#[test]
fn move_and_copy_mail_folder() {
    let body = json!({ "destinationId": "destinationId-value" });
    let mv = |mailbox| MoveMailFolder { mailbox, folder_id: F.into(), destination_id: "destinationId-value".into() };
    let cp = |mailbox| CopyMailFolder { mailbox, folder_id: F.into(), destination_id: "destinationId-value".into() };
    assert_docs_request(
        mv,
        DocsRequest { method: Method::Post, path: &format!("/mailFolders/{F}/move"), body: Some(body.clone()) },
    );
    assert_docs_request(
        cp,
        DocsRequest { method: Method::Post, path: &format!("/mailFolders/{F}/copy"), body: Some(body) },
    );
    // Both answer 200 OK with the folder (moving or copying a message answers 201 / 200).
    let f = parse_docs_response(&mv(Mailbox::Me), 200, "mail/move_mail_folder.json");
    assert_eq!(f.id.as_deref(), Some("id-value"));
    parse_docs_response(&cp(Mailbox::Me), 200, "mail/copy_mail_folder.json");
}
