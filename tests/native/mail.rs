//! Sending and handling mail with the native client: delivery, Bcc, drafts, replies and forwards,
//! move, copy, delete and attachments, each checked through what the other calls see afterwards.

use o365kit::model::{Attachment, Message, Recipient};
use o365kit::{Error, Query};
use o365kit_e2e::{address, folder_id, messages_in, only_in, Env, MEMBER, OUTSIDER, OWNER, SHARED};

fn addresses(list: &Option<Vec<Recipient>>) -> Vec<String> {
    list.iter().flatten().filter_map(|r| r.address().map(str::to_string)).collect()
}

fn assert_item_not_found(err: &Error) {
    let api = err.api().unwrap_or_else(|| panic!("an API error, got {err:?}"));
    assert_eq!((api.status, api.code.as_str()), (404, "ErrorItemNotFound"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn send_mail_delivers_to_every_recipient_and_keeps_bcc_private() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let mut message = Message::new("Offsite logistics", "<p>The bus leaves at 8.</p>", [address(MEMBER)]);
    message.cc_recipients = Some(vec![Recipient::new(address(OUTSIDER))]);
    message.bcc_recipients = Some(vec![Recipient::new(SHARED)]);
    owner.send_mail(message, true).await.unwrap();

    let member = env.client(MEMBER);
    for (reader, who) in
        [(member.clone(), "member"), (env.client(OUTSIDER), "outsider"), (member.mailbox(SHARED), "shared")]
    {
        let got = only_in(&reader, "inbox", "Offsite logistics").await;
        assert_eq!(got.from.as_ref().and_then(|r| r.address()), Some(address(OWNER)), "{who}");
        assert_eq!((got.is_read, got.is_draft), (Some(false), Some(false)), "{who}");
        assert!(addresses(&got.bcc_recipients).is_empty(), "{who} must not see the Bcc line");
        assert_eq!(addresses(&got.cc_recipients), [address(OUTSIDER)], "{who}");
        assert!(got.body.unwrap().content.unwrap().contains("bus leaves at 8"));
    }
    let sent = only_in(&owner, "sentitems", "Offsite logistics").await;
    assert_eq!(addresses(&sent.bcc_recipients), [SHARED], "the sender keeps the Bcc line");
    assert_eq!(sent.parent_folder_id, Some(folder_id(&owner, "sentitems").await));
}

#[tokio::test(flavor = "multi_thread")]
async fn send_mail_without_saving_leaves_sent_items_alone() {
    let env = Env::start();
    let owner = env.client(OWNER);
    owner.send_mail(Message::new("Not kept", "<p>x</p>", [address(MEMBER)]), false).await.unwrap();
    assert!(messages_in(&owner, "sentitems", "Not kept").await.is_empty());
    only_in(&env.client(MEMBER), "inbox", "Not kept").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_is_edited_given_an_attachment_and_sent() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let draft = owner.create_message(Message::new("Plan v1", "<p>first cut</p>", [address(MEMBER)])).await.unwrap();
    let draft_id = draft.id.clone().unwrap();
    assert_eq!(draft.is_draft, Some(true));
    assert_eq!(draft.parent_folder_id, Some(folder_id(&owner, "drafts").await));

    let edit = Message { subject: Some("Plan v2".into()), ..Default::default() };
    let edited = owner.update_message(draft_id.as_str(), edit).await.unwrap();
    assert_eq!(edited.subject.as_deref(), Some("Plan v2"));
    assert_eq!(only_in(&owner, "drafts", "Plan v2").await.id.as_deref(), Some(draft_id.as_str()));

    let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let added = owner
        .add_message_attachment(
            draft_id.as_str(),
            Attachment::file("plan.bin", "application/octet-stream", bytes.clone()),
        )
        .await
        .unwrap();
    let listed = owner.list_message_attachments(draft_id.as_str(), Query::new()).await.unwrap();
    assert_eq!(listed.value.iter().filter_map(|a| a.id.clone()).collect::<Vec<_>>(), [added.id.clone().unwrap()]);

    owner.send_message(draft_id.as_str()).await.unwrap();
    assert_item_not_found(&owner.get_message(draft_id.as_str(), Query::new()).await.unwrap_err());
    assert!(messages_in(&owner, "drafts", "Plan v2").await.is_empty(), "a sent draft leaves Drafts");
    assert_eq!(only_in(&owner, "sentitems", "Plan v2").await.has_attachments, Some(true));

    let member = env.client(MEMBER);
    let received = only_in(&member, "inbox", "Plan v2").await;
    assert_eq!(received.has_attachments, Some(true));
    let mid = received.id.unwrap();
    let attachments = member.list_message_attachments(mid.as_str(), Query::new()).await.unwrap().value;
    assert_eq!(attachments.len(), 1);
    let aid = attachments[0].id.clone().unwrap();
    let meta = member.get_message_attachment(mid.as_str(), aid.as_str(), Query::new()).await.unwrap();
    assert_eq!((meta.name.as_deref(), meta.size), (Some("plan.bin"), Some(5000)));
    assert_eq!(meta.content_bytes.as_deref(), Some(bytes.as_slice()), "contentBytes decode to the bytes sent");
    let raw = member.get_message_attachment_content(mid.as_str(), aid.as_str()).await.unwrap();
    assert_eq!(raw.bytes, bytes, "$value gives the bytes sent");
    assert_eq!(raw.content_type, "application/octet-stream");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_attachment_is_removed_from_a_draft() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let draft = owner.create_message(Message::new("With notes", "<p>see notes</p>", [address(MEMBER)])).await.unwrap();
    let mid = draft.id.unwrap();
    let a = owner
        .add_message_attachment(mid.as_str(), Attachment::file("notes.txt", "text/plain", b"n".to_vec()))
        .await
        .unwrap();
    let aid = a.id.unwrap();
    assert_eq!(owner.get_message(mid.as_str(), Query::new()).await.unwrap().has_attachments, Some(true));
    owner.delete_message_attachment(mid.as_str(), aid.as_str()).await.unwrap();
    assert!(owner.list_message_attachments(mid.as_str(), Query::new()).await.unwrap().value.is_empty());
    assert_eq!(owner.get_message(mid.as_str(), Query::new()).await.unwrap().has_attachments, Some(false));
    assert_item_not_found(&owner.get_message_attachment_content(mid.as_str(), aid.as_str()).await.unwrap_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn seeded_attachment_bytes_come_back_with_their_type() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let mid = "AAMkAGOwnerBudgetMail0001";
    let list = owner.list_message_attachments(mid, Query::new()).await.unwrap().value;
    let csv = list.iter().find(|a| a.name.as_deref() == Some("q2-budget.csv")).expect("the seed's CSV");
    let raw = owner.get_message_attachment_content(mid, csv.id.as_deref().unwrap()).await.unwrap();
    assert!(raw.content_type.starts_with("text/csv"), "{}", raw.content_type);
    assert_eq!(Some(raw.bytes.len() as i64), csv.size);
    assert!(String::from_utf8(raw.bytes).unwrap().starts_with("region,q1,q2"));
}

#[tokio::test(flavor = "multi_thread")]
async fn replies_and_forwards_stay_in_the_conversation() {
    let env = Env::start();
    let (owner, member, outsider) = (env.client(OWNER), env.client(MEMBER), env.client(OUTSIDER));
    let mut first = Message::new("Venue options", "<p>Two venues left.</p>", [address(MEMBER)]);
    first.cc_recipients = Some(vec![Recipient::new(address(OUTSIDER))]);
    owner.send_mail(first, true).await.unwrap();
    let got = only_in(&member, "inbox", "Venue options").await;
    let conversation = got.conversation_id.clone().expect("a conversation id");
    let mid = got.id.unwrap();

    member.reply_to_message(mid.as_str(), Some("The second one.".to_string()), None::<Message>).await.unwrap();
    let reply = only_in(&owner, "inbox", "RE: Venue options").await;
    assert_eq!(reply.conversation_id.as_deref(), Some(conversation.as_str()));
    assert!(reply.body.unwrap().content.unwrap().contains("The second one."));
    assert!(messages_in(&outsider, "inbox", "RE: Venue options").await.is_empty(), "reply goes to the sender only");

    member.reply_all_to_message(mid.as_str(), Some("Booked.".to_string()), None::<Message>).await.unwrap();
    for reader in [&owner, &outsider] {
        let all = messages_in(reader, "inbox", "RE: Venue options").await;
        assert!(all.iter().any(|m| m
            .body
            .as_ref()
            .and_then(|b| b.content.as_deref())
            .is_some_and(|c| c.contains("Booked."))));
    }

    member
        .forward_message(mid.as_str(), vec![Recipient::new(SHARED)], Some("FYI".to_string()), None::<Message>)
        .await
        .unwrap();
    let fwd = only_in(&member.mailbox(SHARED), "inbox", "FW: Venue options").await;
    assert_eq!(fwd.conversation_id.as_deref(), Some(conversation.as_str()));
    assert_eq!(fwd.from.as_ref().and_then(|r| r.address()), Some(address(MEMBER)));
}

#[tokio::test(flavor = "multi_thread")]
async fn create_reply_and_create_forward_make_drafts_to_send_later() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));
    owner.send_mail(Message::new("Logo files", "<p>Attached soon.</p>", [address(MEMBER)]), true).await.unwrap();
    let got = only_in(&member, "inbox", "Logo files").await;
    let mid = got.id.unwrap();

    let reply = member.create_reply(mid.as_str(), Some("Thanks!".to_string()), None::<Message>).await.unwrap();
    assert_eq!((reply.is_draft, reply.subject.as_deref()), (Some(true), Some("RE: Logo files")));
    assert_eq!(addresses(&reply.to_recipients), [address(OWNER)]);
    assert_eq!(reply.conversation_id, got.conversation_id);
    assert_eq!(reply.parent_folder_id, Some(folder_id(&member, "drafts").await));

    let reply_all = member.create_reply_all(mid.as_str(), None::<String>, None::<Message>).await.unwrap();
    assert_eq!(reply_all.is_draft, Some(true));

    let fwd = member
        .create_forward(mid.as_str(), Some(vec![Recipient::new(address(OUTSIDER))]), None::<String>, None::<Message>)
        .await
        .unwrap();
    assert_eq!((fwd.is_draft, fwd.subject.as_deref()), (Some(true), Some("FW: Logo files")));
    assert_eq!(addresses(&fwd.to_recipients), [address(OUTSIDER)]);
    assert!(messages_in(&env.client(OUTSIDER), "inbox", "FW: Logo files").await.is_empty(), "not sent yet");
    member.send_message(fwd.id.unwrap().as_str()).await.unwrap();
    let arrived = only_in(&env.client(OUTSIDER), "inbox", "FW: Logo files").await;
    assert_eq!(arrived.conversation_id, got.conversation_id);
}

#[tokio::test(flavor = "multi_thread")]
async fn move_and_copy_give_new_ids() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let original = "AAMkAGMemberPlainText0001";
    let archive = folder_id(&member, "archive").await;

    let copy = member.copy_message(original, "archive").await.unwrap();
    let copy_id = copy.id.clone().unwrap();
    assert_ne!(copy_id, original);
    assert_eq!(copy.parent_folder_id.as_deref(), Some(archive.as_str()));
    assert_eq!(copy.subject.as_deref(), Some("Site visit notes"));
    member.get_message(original, Query::new()).await.expect("a copy leaves the original");

    let moved = member.move_message(original, "deleteditems").await.unwrap();
    let moved_id = moved.id.clone().unwrap();
    assert_ne!(moved_id, original);
    assert_eq!(moved.parent_folder_id, Some(folder_id(&member, "deleteditems").await));
    assert_item_not_found(&member.get_message(original, Query::new()).await.unwrap_err());
    let ids: Vec<_> =
        messages_in(&member, "archive", "Site visit notes").await.into_iter().filter_map(|m| m.id).collect();
    assert_eq!(ids, [copy_id]);
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_moves_to_deleted_items_and_deleting_there_removes_for_good() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let mid = "AAMkAGMemberHostile0001";
    let subject = "Action required: verify your mailbox";
    member.delete_message(mid).await.unwrap();
    assert!(messages_in(&member, "inbox", subject).await.is_empty());
    let in_bin = only_in(&member, "deleteditems", subject).await;

    member.delete_message(in_bin.id.as_deref().unwrap()).await.unwrap();
    assert!(messages_in(&member, "deleteditems", subject).await.is_empty());
    let err = member.get_message(in_bin.id.as_deref().unwrap(), Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Api(_)), "{err:?}");
    assert_item_not_found(&err);
    assert!(err.api().unwrap().request_id.is_some());
    assert_item_not_found(&member.delete_message(in_bin.id.as_deref().unwrap()).await.unwrap_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn read_state_and_flags_are_updated_on_received_mail() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let mid = "AAMkAGMemberPlainText0001";
    let before = inbox_unread(&member).await;
    let patch = Message { is_read: Some(true), categories: Some(vec!["Red category".into()]), ..Default::default() };
    let updated = member.update_message(mid, patch).await.unwrap();
    assert_eq!(updated.is_read, Some(true));
    assert_eq!(updated.categories, Some(vec!["Red category".to_string()]));
    assert_eq!(inbox_unread(&member).await, before - 1, "the Inbox's unread count follows");

    let retitle = Message { subject: Some("rewritten".into()), ..Default::default() };
    let err = member.update_message(mid, retitle).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "only drafts change subject: {err}");
}

async fn inbox_unread(client: &o365kit::Client) -> i64 {
    client.get_mail_folder("inbox", Query::new()).await.unwrap().unread_item_count.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn unsubscribe_needs_a_list_unsubscribe_mailto_header() {
    let env = Env::start();
    let member = env.client(MEMBER);
    member.unsubscribe_message("AAMkAGMemberNewsletter0001").await.unwrap();
    let err = member.unsubscribe_message("AAMkAGMemberKickoff0001").await.unwrap_err();
    assert_eq!(err.status(), Some(400), "no List-Unsubscribe header: {err}");
    assert_item_not_found(&member.unsubscribe_message("AAMkAGNoSuchMessage0001").await.unwrap_err());
}

#[tokio::test(flavor = "multi_thread")]
async fn mentions_reach_the_mentioned_colleague_on_beta() {
    use o365kit::model::{EmailAddress, Mention};
    let env = Env::start();
    let beta = |token: &str| {
        let builder = o365kit::Client::builder().base_url(&env.base_url()).version(o365kit::ApiVersion::Beta);
        builder.token(token).build().unwrap()
    };
    let (owner, member) = (beta(OWNER), beta(MEMBER));
    let mut message = Message::new("Your turn", "<p>@Miguel can you take this?</p>", [address(MEMBER)]);
    message.mentions = Some(vec![Mention {
        mentioned: Some(EmailAddress { address: Some(address(MEMBER).into()), ..Default::default() }),
        ..Default::default()
    }]);
    owner.send_mail(message, true).await.unwrap();
    let mentioned =
        member.list_folder_messages("inbox", Query::new().filter("mentionsPreview/isMentioned eq true")).await.unwrap();
    let got = mentioned.value.iter().find(|m| m.subject.as_deref() == Some("Your turn")).expect("the mention");
    let full = member.get_message(got.id.as_deref().unwrap(), Query::new().expand(["mentions"])).await.unwrap();
    let who: Vec<_> = full.mentions.iter().flatten().filter_map(|m| m.mentioned.as_ref()?.address.clone()).collect();
    assert_eq!(who, [address(MEMBER)]);
}

#[tokio::test(flavor = "multi_thread")]
async fn immutable_ids_survive_a_move() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let immutable = Query::new().immutable_ids(true);
    let listed = member.list_folder_messages("inbox", immutable.clone().top(1)).await.unwrap().value;
    let id = listed[0].id.clone().unwrap();
    let op = o365kit::ops::MoveMessage {
        mailbox: Default::default(),
        message_id: id.clone(),
        destination_id: "archive".into(),
    };
    let mut req = o365kit::Operation::request(&op, member.endpoint()).unwrap();
    req = req.header("Prefer", "IdType=\"ImmutableId\"");
    let res = member.execute(&req).await.unwrap();
    assert_eq!(res.header("Preference-Applied"), Some("IdType=\"ImmutableId\""));
    let moved = o365kit::Operation::parse(&op, member.endpoint(), res).unwrap();
    assert_eq!(moved.id.as_deref(), Some(id.as_str()), "an immutable id stays across folders");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reply_takes_message_properties_alongside_the_comment() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));
    owner.send_mail(Message::new("Room booking", "<p>Room 4?</p>", [address(MEMBER)]), true).await.unwrap();
    let mid = only_in(&member, "inbox", "Room booking").await.id.unwrap();

    let extra = Message {
        cc_recipients: Some(vec![Recipient::new(address(OUTSIDER))]),
        importance: Some("high".into()),
        ..Default::default()
    };
    let draft = member.create_reply(mid.as_str(), None::<String>, Some(extra.clone())).await.unwrap();
    assert_eq!(draft.importance.as_deref(), Some("high"));
    assert_eq!(addresses(&draft.cc_recipients), [address(OUTSIDER)]);

    member.reply_to_message(mid.as_str(), Some("Booked room 4.".to_string()), Some(extra)).await.unwrap();
    for reader in [&owner, &env.client(OUTSIDER)] {
        let got = only_in(reader, "inbox", "RE: Room booking").await;
        assert_eq!(got.importance.as_deref(), Some("high"));
        assert!(got.body.unwrap().content.unwrap().contains("Booked room 4."));
    }
}
