"""Mailbox settings, automatic replies, inbox rules, Focused Inbox overrides, MailTips, languages
and time zones against the emulator."""

import o365kit


def test_settings_and_automatic_replies(owner, member):
    settings = owner.get_mailbox_settings()
    assert settings.time_zone == "Pacific Standard Time"
    assert settings.automatic_replies_setting.status == "alwaysEnabled"
    assert owner.get_automatic_replies().status == "alwaysEnabled"
    changed = member.update_mailbox_settings(o365kit.MailboxSettings(time_zone="W. Europe Standard Time"))
    assert changed.time_zone == "W. Europe Standard Time"
    assert member.get_mailbox_settings().time_zone == "W. Europe Standard Time"
    member.set_automatic_replies(o365kit.AutomaticRepliesSetting(
        status="scheduled", external_audience="none", internal_reply_message="<p>Back Monday</p>",
        scheduled_start_date_time=o365kit.DateTimeTimeZone(date_time="2025-04-01T08:00:00", time_zone="UTC"),
        scheduled_end_date_time={"dateTime": "2025-04-07T08:00:00", "timeZone": "UTC"}))
    replies = member.get_automatic_replies()
    assert replies.status == "scheduled" and replies.internal_reply_message == "<p>Back Monday</p>"
    assert replies.scheduled_end_date_time.date_time.startswith("2025-04-07T08:00:00")


def test_message_rules(member):
    rules = member.list_message_rules().to_list()
    assert [r.display_name for r in rules] == ["Newsletters to their folder", "Budget mail is finance"]
    assert rules[0].actions.stop_processing_rules is True
    created = member.create_message_rule(o365kit.MessageRule(
        display_name="Flag the boss", sequence=3, is_enabled=True,
        conditions={"fromAddresses": [{"emailAddress": {"address": "owner@contoso.test"}}]},
        actions={"markImportance": "high"}))
    assert created.id and member.get_message_rule(created.id).display_name == "Flag the boss"
    assert member.update_message_rule(created.id, {"isEnabled": False}).is_enabled is False
    member.delete_message_rule(created.id)
    assert len(member.list_message_rules().to_list()) == 2


def test_inference_overrides(member):
    overrides = member.list_inference_overrides().to_list()
    assert overrides[0].sender_email_address.address == "news@northwind.example"
    created = member.create_inference_override(o365kit.InferenceClassificationOverride(
        classify_as="focused", sender_email_address={"name": "Olivia", "address": "owner@contoso.test"}))
    assert created.classify_as == "focused"
    assert member.update_inference_override(created.id, {"classifyAs": "other"}).classify_as == "other"
    member.delete_inference_override(created.id)
    assert len(member.list_inference_overrides().to_list()) == len(overrides)


def test_mail_tips(member):
    tips = member.get_mail_tips(["owner@contoso.test"], ["automaticReplies", "mailboxFullStatus"]).to_list()
    assert tips[0].email_address.address == "owner@contoso.test"
    assert "offsite" in tips[0].automatic_replies.message


def test_languages_and_time_zones(member):
    languages = member.list_supported_languages().to_list()
    assert "en-US" in {lang.locale for lang in languages}
    windows = {z.alias for z in member.list_supported_time_zones()}
    iana = {z.alias for z in member.list_supported_time_zones("iana")}
    assert "Pacific Standard Time" in windows and "America/Los_Angeles" in iana
