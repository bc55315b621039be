//! The same native client on the Outlook REST v2.0 dialect (`/api/v2.0`, PascalCase JSON): mail
//! goes out and comes back in the same models as on Graph.

use o365kit::model::{Attachment, AutomaticRepliesSetting, MailFolder, Message, Recipient};
use o365kit::{BodyType, Client, Endpoint, Query};
use o365kit_e2e::{address, Env, MEMBER, OWNER, SHARED};

fn rest_client(env: &Env, token: &str) -> Client {
    let endpoint = Endpoint::outlook_rest(&env.base_url()).unwrap();
    Client::builder().endpoint(endpoint).token(token).build().unwrap()
}

async fn find(client: &Client, folder: &str, subject: &str) -> Message {
    let op = o365kit::ops::ListFolderMessages {
        mailbox: client.current_mailbox().clone(),
        folder_id: folder.into(),
        query: Query::new(),
    };
    let all = client.all(op).await.unwrap();
    let mut hits: Vec<_> = all.into_iter().filter(|m| m.subject.as_deref() == Some(subject)).collect();
    assert_eq!(hits.len(), 1, "{subject} in {folder}");
    hits.remove(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn mail_round_trips_through_outlook_rest() {
    let env = Env::start();
    let (owner, member) = (rest_client(&env, OWNER), rest_client(&env, MEMBER));
    let mut message = Message::new("Over REST", "<p>PascalCase</p>", [address(MEMBER)]);
    message.bcc_recipients = Some(vec![Recipient::new(SHARED)]);
    owner.send_mail(message, true).await.unwrap();

    let got = find(&member, "inbox", "Over REST").await;
    assert_eq!(got.from.as_ref().and_then(|r| r.address()), Some(address(OWNER)));
    assert_eq!(got.is_read, Some(false));
    assert!(got.bcc_recipients.iter().flatten().next().is_none());
    assert!(got.conversation_id.is_some() && got.received_date_time.is_some());
    let text = member.get_message(got.id.as_deref().unwrap(), Query::new().body_type(BodyType::Text)).await.unwrap();
    assert_eq!(text.body.and_then(|b| b.content), Some("PascalCase".to_string()));

    member.reply_to_message(got.id.as_deref().unwrap(), Some("ok".to_string()), None::<Message>).await.unwrap();
    let reply = find(&owner, "inbox", "RE: Over REST").await;
    assert_eq!(reply.conversation_id, got.conversation_id);
}

#[tokio::test(flavor = "multi_thread")]
async fn drafts_attachments_folders_and_settings_work_over_outlook_rest() {
    let env = Env::start();
    let owner = rest_client(&env, OWNER);
    let draft = owner.create_message(Message::new("REST draft", "<p>d</p>", [address(MEMBER)])).await.unwrap();
    let mid = draft.id.unwrap();
    assert_eq!(draft.is_draft, Some(true));
    let bytes = b"col1,col2\n1,2\n".to_vec();
    let added =
        owner.add_message_attachment(mid.as_str(), Attachment::file("t.csv", "text/csv", bytes.clone())).await.unwrap();
    let fetched = owner.get_message_attachment(mid.as_str(), added.id.as_deref().unwrap(), Query::new()).await.unwrap();
    assert_eq!(fetched.content_bytes, Some(bytes));

    let folder = owner.create_mail_folder(MailFolder::named("REST folder")).await.unwrap();
    let moved = owner.move_message(mid.as_str(), folder.id.as_deref().unwrap()).await.unwrap();
    assert_eq!(moved.parent_folder_id, folder.id);
    let counted = owner.get_mail_folder(folder.id.as_deref().unwrap(), Query::new()).await.unwrap();
    assert_eq!(counted.total_item_count, Some(1));

    let settings = owner.get_mailbox_settings(Query::new()).await.unwrap();
    assert_eq!(settings.time_zone.as_deref(), Some("Pacific Standard Time"));
    let off = AutomaticRepliesSetting { status: Some("disabled".into()), ..Default::default() };
    owner.set_automatic_replies(off).await.unwrap();
    assert_eq!(owner.get_automatic_replies().await.unwrap().status.as_deref(), Some("disabled"));
    let tips = owner
        .get_mail_tips(vec![address(MEMBER).to_string()], vec!["mailboxFullStatus".to_string()])
        .await
        .unwrap()
        .value;
    assert_eq!(tips[0].mailbox_full, Some(false));
}
