//! Focused Inbox overrides, Inbox rules, automatic replies and MailTips, mailbox settings,
//! supported languages and time zones, seen through mail that arrives afterwards.

use o365kit::model::{
    AutomaticRepliesSetting, InferenceClassificationOverride, MailFolder, MailboxSettings, Message, MessageRule,
    MessageRuleActions, MessageRulePredicates, Recipient,
};
use o365kit::Query;
use o365kit_e2e::{address, child_folder, messages_in, only_in, Env, MEMBER, OUTSIDER, OWNER};

fn tips_for(addresses: &[&str]) -> Vec<String> {
    addresses.iter().map(|a| a.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn focused_inbox_overrides_classify_new_mail() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));
    let seeded = member.list_inference_overrides(Query::new()).await.unwrap().value;
    assert_eq!(seeded.len(), 1, "the seed's Contoso Weekly override");

    owner.send_mail(Message::new("Before", "<p>1</p>", [address(MEMBER)]), true).await.unwrap();
    assert_eq!(only_in(&member, "inbox", "Before").await.inference_classification.as_deref(), Some("focused"));

    let created =
        member.create_inference_override(InferenceClassificationOverride::new(address(OWNER), "other")).await.unwrap();
    let oid = created.id.clone().unwrap();
    assert_eq!(created.classify_as.as_deref(), Some("other"));
    owner.send_mail(Message::new("While other", "<p>2</p>", [address(MEMBER)]), true).await.unwrap();
    assert_eq!(only_in(&member, "inbox", "While other").await.inference_classification.as_deref(), Some("other"));
    assert_eq!(
        only_in(&member, "inbox", "Before").await.inference_classification.as_deref(),
        Some("focused"),
        "an override classifies new mail only"
    );

    let flip = InferenceClassificationOverride { classify_as: Some("focused".into()), ..Default::default() };
    let updated = member.update_inference_override(oid.as_str(), flip).await.unwrap();
    assert_eq!(updated.classify_as.as_deref(), Some("focused"));
    owner.send_mail(Message::new("Focused again", "<p>3</p>", [address(MEMBER)]), true).await.unwrap();
    assert_eq!(only_in(&member, "inbox", "Focused again").await.inference_classification.as_deref(), Some("focused"));

    member.delete_inference_override(oid.as_str()).await.unwrap();
    let left = member.list_inference_overrides(Query::new()).await.unwrap().value;
    assert!(left.iter().all(|o| o.id.as_deref() != Some(oid.as_str())));
    assert_eq!(left.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn seeded_rules_categorize_and_copy_budget_mail_except_from_the_excepted_sender() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let rules = member.list_message_rules(Query::new()).await.unwrap().value;
    let sequences: Vec<_> = rules.iter().map(|r| r.sequence).collect();
    assert_eq!(sequences, [Some(1), Some(2)], "listed in sequence order");

    env.client(OWNER)
        .send_mail(Message::new("Budget for Q3", "<p>numbers</p>", [address(MEMBER)]), true)
        .await
        .unwrap();
    let inbox = only_in(&member, "inbox", "Budget for Q3").await;
    assert_eq!(inbox.categories, Some(vec!["Finance".to_string()]));
    let finance_id = child_folder(&member, "inbox", "Finance").await;
    let finance = only_in(&member, &finance_id, "Budget for Q3").await;
    assert_ne!(finance.id, inbox.id, "copyToFolder makes a second item");

    env.client(OUTSIDER).send_mail(Message::new("Budget question", "<p>?</p>", [address(MEMBER)]), true).await.unwrap();
    let excepted = only_in(&member, "inbox", "Budget question").await;
    assert_eq!(excepted.categories, Some(vec![]), "the rule's exception skips the outsider's mail");
    assert!(messages_in(&member, &finance_id, "Budget question").await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_rule_runs_on_delivery_until_disabled_and_deleted() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));
    let folder = member.create_child_folder("inbox", MailFolder::named("From Olivia")).await.unwrap().id.unwrap();
    let rule = MessageRule {
        display_name: Some("Olivia's mail to its folder".into()),
        sequence: Some(3),
        is_enabled: Some(true),
        conditions: Some(MessageRulePredicates {
            from_addresses: Some(vec![Recipient::new(address(OWNER))]),
            ..Default::default()
        }),
        actions: Some(MessageRuleActions {
            move_to_folder: Some(folder.clone()),
            mark_as_read: Some(true),
            mark_importance: Some("high".into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let created = member.create_message_rule(rule).await.unwrap();
    let rid = created.id.clone().unwrap();
    assert_eq!(created.is_enabled, Some(true));
    let fetched = member.get_message_rule(rid.as_str(), Query::new()).await.unwrap();
    assert_eq!(fetched.actions.and_then(|a| a.move_to_folder), Some(folder.clone()));

    owner.send_mail(Message::new("Ruled", "<p>r</p>", [address(MEMBER)]), true).await.unwrap();
    assert!(messages_in(&member, "inbox", "Ruled").await.is_empty(), "moved out of the Inbox");
    let ruled = only_in(&member, &folder, "Ruled").await;
    assert_eq!((ruled.is_read, ruled.importance.as_deref()), (Some(true), Some("high")));

    let off = MessageRule { is_enabled: Some(false), ..Default::default() };
    assert_eq!(member.update_message_rule(rid.as_str(), off).await.unwrap().is_enabled, Some(false));
    owner.send_mail(Message::new("Unruled", "<p>u</p>", [address(MEMBER)]), true).await.unwrap();
    assert_eq!(only_in(&member, "inbox", "Unruled").await.is_read, Some(false), "a disabled rule does nothing");

    member.delete_message_rule(rid.as_str()).await.unwrap();
    let err = member.get_message_rule(rid.as_str(), Query::new()).await.unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!((api.status, api.code.as_str()), (404, "ErrorItemNotFound"));
    assert_eq!(member.list_message_rules(Query::new()).await.unwrap().value.len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn automatic_replies_show_in_mail_tips() {
    let env = Env::start();
    let (owner, member) = (env.client(OWNER), env.client(MEMBER));
    let seeded = owner.get_automatic_replies().await.unwrap();
    assert_eq!(seeded.status.as_deref(), Some("alwaysEnabled"));

    let opts = vec!["automaticReplies".to_string(), "mailboxFullStatus".to_string()];
    let tips = member.get_mail_tips(tips_for(&[address(OWNER), address(MEMBER)]), opts.clone()).await.unwrap().value;
    assert_eq!(tips.len(), 2);
    let owner_tip = tips[0].automatic_replies.as_ref().and_then(|r| r.message.clone()).unwrap_or_default();
    assert!(owner_tip.contains("marketing offsite"), "internal senders get the internal message: {owner_tip}");
    assert_eq!(tips[0].mailbox_full, Some(false));
    let member_tip = tips[1].automatic_replies.as_ref().and_then(|r| r.message.clone()).unwrap_or_default();
    assert!(member_tip.is_empty(), "no automatic replies yet: {member_tip}");

    let on = AutomaticRepliesSetting {
        status: Some("alwaysEnabled".into()),
        external_audience: Some("none".into()),
        internal_reply_message: Some("<p>Back on Monday.</p>".into()),
        external_reply_message: Some("<p>Away.</p>".into()),
        ..Default::default()
    };
    member.set_automatic_replies(on).await.unwrap();
    let now = member.get_automatic_replies().await.unwrap();
    assert_eq!(now.internal_reply_message.as_deref(), Some("<p>Back on Monday.</p>"));
    let tips = owner.get_mail_tips(tips_for(&[address(MEMBER)]), opts.clone()).await.unwrap().value;
    let msg = tips[0].automatic_replies.as_ref().and_then(|r| r.message.clone()).unwrap_or_default();
    assert!(msg.contains("Back on Monday."), "{msg}");

    let off = AutomaticRepliesSetting { status: Some("disabled".into()), ..Default::default() };
    member.set_automatic_replies(off).await.unwrap();
    let tips = owner.get_mail_tips(tips_for(&[address(MEMBER)]), opts).await.unwrap().value;
    assert_eq!(tips[0].automatic_replies.as_ref().and_then(|r| r.message.clone()).unwrap_or_default(), "");
}

#[tokio::test(flavor = "multi_thread")]
async fn mail_tips_name_unknown_tenant_recipients_and_external_scope() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let opts = vec!["recipientScope".to_string()];
    let tips = member.get_mail_tips(tips_for(&["ghost@contoso.test", "someone@fabrikam.example"]), opts).await.unwrap();
    let ghost = &tips.value[0];
    assert_eq!(ghost.error.as_ref().and_then(|e| e.code.as_deref()), Some("ErrorRecipientNotFound"));
    assert_eq!(tips.value[1].recipient_scope.as_deref(), Some("external"));
}

#[tokio::test(flavor = "multi_thread")]
async fn mailbox_settings_are_read_and_updated() {
    let env = Env::start();
    let owner = env.client(OWNER);
    let settings = owner.get_mailbox_settings(Query::new()).await.unwrap();
    assert_eq!(settings.time_zone.as_deref(), Some("Pacific Standard Time"));
    assert!(settings.archive_folder.is_some());

    let patch = MailboxSettings { time_zone: Some("W. Europe Standard Time".into()), ..Default::default() };
    let answer = owner.update_mailbox_settings(patch).await.unwrap();
    assert_eq!(answer.time_zone.as_deref(), Some("W. Europe Standard Time"));
    let again = owner.get_mailbox_settings(Query::new()).await.unwrap();
    assert_eq!(again.time_zone.as_deref(), Some("W. Europe Standard Time"));
    assert_eq!(again.automatic_replies_setting, settings.automatic_replies_setting, "other settings are kept");

    let bad = MailboxSettings { time_zone: Some("Mars/Olympus_Mons".into()), ..Default::default() };
    let err = owner.update_mailbox_settings(bad).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn supported_languages_and_time_zones_are_listed() {
    let env = Env::start();
    let member = env.client(MEMBER);
    let languages = member.list_supported_languages(Query::new()).await.unwrap().value;
    assert!(languages.iter().any(|l| l.locale.as_deref() == Some("en-US") && l.display_name.is_some()));

    let windows = member.list_supported_time_zones(None::<String>, Query::new()).await.unwrap().value;
    assert!(windows.iter().any(|z| z.alias.as_deref() == Some("Pacific Standard Time")));
    let iana = member.list_supported_time_zones(Some("iana".to_string()), Query::new()).await.unwrap().value;
    assert!(iana.iter().any(|z| z.alias.as_deref() == Some("America/Los_Angeles")));
    assert_eq!(windows.len(), iana.len());
    let explicit = member.list_supported_time_zones(Some("windows".to_string()), Query::new()).await.unwrap().value;
    assert_eq!(explicit, windows);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_forwarding_rule_sends_a_forward_on_delivery() {
    let env = Env::start();
    let (owner, member, outsider) = (env.client(OWNER), env.client(MEMBER), env.client(OUTSIDER));
    let rule = MessageRule {
        display_name: Some("Invoices to Oscar".into()),
        sequence: Some(5),
        conditions: Some(MessageRulePredicates {
            subject_contains: Some(vec!["invoice".into()]),
            ..Default::default()
        }),
        actions: Some(MessageRuleActions {
            forward_to: Some(vec![Recipient::new(address(OUTSIDER))]),
            ..Default::default()
        }),
        ..Default::default()
    };
    member.create_message_rule(rule).await.unwrap();
    owner.send_mail(Message::new("Invoice 77", "<p>due Friday</p>", [address(MEMBER)]), true).await.unwrap();
    only_in(&member, "inbox", "Invoice 77").await;
    let forwarded = only_in(&outsider, "inbox", "FW: Invoice 77").await;
    assert_eq!(forwarded.from.as_ref().and_then(|r| r.address()), Some(address(MEMBER)));
    assert!(forwarded.body.unwrap().content.unwrap().contains("due Friday"));
}
