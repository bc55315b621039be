//! Whose mailbox the native client opens (`Client::mailbox`, `ClientBuilder::mailbox`), what the
//! emulator answers for mailboxes the caller may not open, bad inputs refused before any request,
//! and the token kept out of every error and Debug output.

use o365kit::model::{Attachment, InferenceClassificationOverride, Message, MessageRule, Recipient};
use o365kit::{Client, Error, Mailbox, Policy, Query};
use o365kit_e2e::{address, messages_in, only_in, Env, MEMBER, OUTSIDER, OWNER, SHARED};

const SHARED_ID: &str = "5d0c7a7e-5a51-4b1f-9c1e-3f1d3a9b8c21";
const TICKET: &str = "Ticket: cannot open the March invoice";

fn api(err: &Error) -> (u16, &str) {
    let api = err.api().unwrap_or_else(|| panic!("an API error, got {err:?}"));
    (api.status, api.code.as_str())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_delegate_opens_the_shared_mailbox_by_address_or_id() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let shared = member.mailbox(SHARED);
    assert_eq!(shared.current_mailbox(), &Mailbox::User(SHARED.into()));
    assert_eq!(member.current_mailbox(), &Mailbox::Me, "the original client keeps its mailbox");

    only_in(&shared, "inbox", TICKET).await;
    assert!(messages_in(&member, "inbox", TICKET).await.is_empty(), "not in the delegate's own mailbox");
    only_in(&member.mailbox(SHARED_ID), "inbox", TICKET).await;
    let built = Client::builder().base_url(&env.base_url()).token(MEMBER).mailbox(SHARED).build().unwrap();
    only_in(&built, "inbox", TICKET).await;
    assert_eq!(member.mailbox("me").current_mailbox(), &Mailbox::Me);
}

#[tokio::test(flavor = "multi_thread")]
async fn mail_sent_from_the_shared_mailbox_comes_from_it_on_behalf_of_the_delegate() {
    let env = Env::start();
    let shared = env.client(MEMBER).mailbox(SHARED);
    shared.send_mail(Message::new("Your ticket", "<p>Fixed.</p>", [address(OWNER)]), true).await.unwrap();
    let got = only_in(&env.client(OWNER), "inbox", "Your ticket").await;
    assert_eq!(got.from.as_ref().and_then(|r| r.address()), Some(SHARED));
    assert_eq!(got.sender.as_ref().and_then(|r| r.address()), Some(address(MEMBER)));
    only_in(&shared, "sentitems", "Your ticket").await;

    let ticket = only_in(&shared, "inbox", TICKET).await;
    let moved = shared.move_message(ticket.id.as_deref().unwrap(), "archive").await.unwrap();
    assert_eq!(moved.subject.as_deref(), Some(TICKET));
    only_in(&shared, "archive", TICKET).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn mailboxes_without_a_grant_are_access_denied() {
    let env = Env::start();
    let err = env.client(OUTSIDER).mailbox(SHARED).list_messages(Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Api(_)));
    assert_eq!(api(&err), (403, "ErrorAccessDenied"));
    let member = env.client(MEMBER);
    let owner_box = member.mailbox(address(OWNER));
    assert_eq!(api(&owner_box.get_mail_folder("inbox", Query::new()).await.unwrap_err()), (403, "ErrorAccessDenied"));
    let send = owner_box.send_mail(Message::new("spoof", "<p>x</p>", [address(OUTSIDER)]), true).await.unwrap_err();
    assert_eq!(api(&send), (403, "ErrorAccessDenied"));
    assert!(messages_in(&env.client(OUTSIDER), "inbox", "spoof").await.is_empty(), "nothing was delivered");

    let err = member.mailbox("nobody@contoso.test").list_messages(Query::new()).await.unwrap_err();
    assert_eq!(api(&err), (404, "ErrorInvalidUser"));
}

#[tokio::test(flavor = "multi_thread")]
async fn message_ids_belong_to_their_mailbox() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let owners = "AAMkAGOwnerBudgetMail0001";
    env.client(OWNER).get_message(owners, Query::new()).await.unwrap();
    assert_eq!(api(&member.get_message(owners, Query::new()).await.unwrap_err()), (404, "ErrorItemNotFound"));
    assert_eq!(api(&member.delete_message(owners).await.unwrap_err()), (404, "ErrorItemNotFound"));
    env.client(OWNER).get_message(owners, Query::new()).await.expect("still there");
}

/// A client whose every request would fail to connect: an `InvalidInput` from it proves the
/// input was refused before anything was sent.
fn offline(token: &str) -> Client {
    Client::builder().base_url("http://127.0.0.1:9").token(token).retry_policy(Policy::no_retries()).build().unwrap()
}

fn refused<T: std::fmt::Debug>(result: Result<T, Error>, param: &str) {
    match result {
        Err(Error::InvalidInput { param: p, why }) => {
            assert!(p == param || p.starts_with(&format!("{param}[")), "expected {param}, got {p}: {why}")
        }
        other => panic!("expected InvalidInput({param}), got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_inputs_are_refused_before_any_request() {
    let c = offline(MEMBER);
    let no_address = Recipient { email_address: None, ..Default::default() };
    refused(c.get_message("", Query::new()).await, "message_id");
    refused(c.get_message("..", Query::new()).await, "message_id");
    refused(c.mailbox("").list_messages(Query::new()).await, "mailbox");
    refused(c.mailbox("../me").list_messages(Query::new()).await, "mailbox");
    refused(c.list_folder_messages("inbox", Query::new().top(0)).await, "top");
    let mut bad_to = Message::new("s", "<p>b</p>", ["ok@contoso.test"]);
    bad_to.to_recipients = Some(vec![no_address.clone()]);
    refused(c.send_mail(bad_to, true).await, "message.to_recipients");
    let mut bad_cc = Message::new("s", "<p>b</p>", ["ok@contoso.test"]);
    bad_cc.cc_recipients = Some(vec![Recipient::new("not an address")]);
    refused(c.create_message(bad_cc).await, "message.cc_recipients");
    refused(c.forward_message("m", Vec::<Recipient>::new(), None::<String>, None::<Message>).await, "to_recipients");
    refused(c.move_message("m", "").await, "destination_id");
    refused(c.copy_message("m", "a/b").await, "destination_id");
    refused(c.move_mail_folder("f", "..").await, "destination_id");
    refused(
        c.add_message_attachment("m", Attachment { name: Some("x".into()), ..Default::default() }).await,
        "attachment.odata_type",
    );
    let empty_file = Attachment { content_bytes: None, ..Attachment::file("a.txt", "text/plain", Vec::new()) };
    refused(c.add_message_attachment("m", empty_file).await, "attachment.content_bytes");
    let big = Attachment::file("big.bin", "application/octet-stream", vec![0; 3 * 1024 * 1024 + 1]);
    refused(c.add_message_attachment("m", big).await, "attachment.content_bytes");
    refused(
        c.create_inference_override(InferenceClassificationOverride::new("a@b.test", "spam")).await,
        "inference_override.classify_as",
    );
    let nobody = InferenceClassificationOverride { classify_as: Some("other".into()), ..Default::default() };
    refused(c.create_inference_override(nobody).await, "inference_override.sender_email_address");
    refused(
        c.create_message_rule(MessageRule { display_name: Some("r".into()), ..Default::default() }).await,
        "rule.actions",
    );
    let tips = vec!["automaticReplies".to_string()];
    refused(c.get_mail_tips(Vec::<String>::new(), tips.clone()).await, "email_addresses");
    refused(c.get_mail_tips(vec!["not-an-address".to_string()], tips).await, "email_addresses");
    refused(c.get_mail_tips(vec!["a@b.test".to_string()], vec!["weather".to_string()]).await, "mail_tips_options");
    refused(c.list_supported_time_zones(Some("utc".to_string()), Query::new()).await, "standard");

    let err = c.list_messages(Query::new()).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "a good request does go out (and fails to connect): {err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_token_stays_out_of_errors_and_debug_output() {
    let env = Env::start();
    let secret = "emulator:member@contoso.test";
    let member = env.client(secret);
    let mut outputs = Vec::new();
    for err in [
        member.mailbox(address(OWNER)).list_messages(Query::new()).await.unwrap_err(),
        member.get_message("AAMkNoSuchMessage", Query::new()).await.unwrap_err(),
        member.send_mail(Message::new("nobody", "<p>x</p>", Vec::<String>::new()), true).await.unwrap_err(),
        offline(secret).list_mail_folders(Query::new()).await.unwrap_err(),
        offline(secret).move_message("m", "").await.unwrap_err(),
    ] {
        outputs.push(err.to_string());
        outputs.push(format!("{err:?}"));
    }
    outputs.push(format!("{:?}", member.mailbox(SHARED)));
    for out in &outputs {
        assert!(!out.contains(secret), "token leaked: {out}");
    }
    assert!(outputs.last().unwrap().contains(SHARED), "Debug names the mailbox");
}
