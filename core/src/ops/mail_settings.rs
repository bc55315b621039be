//! Mailbox settings, automatic replies, Focused Inbox overrides, Inbox rules, MailTips, and the
//! languages and time zones Outlook supports.

use super::check::{field, nested, text, Check};
use super::route::{self, Args};
use super::*;
use crate::model::{
    AutomaticRepliesSetting, InferenceClassificationOverride, MailboxSettings, MessageRule, MessageRulePredicates,
    Recipient,
};
use serde_json::Value;

impl Check for MailboxSettings {}
impl Check for AutomaticRepliesSetting {}
impl Check for MessageRulePredicates {}

impl Check for InferenceClassificationOverride {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        match text(json, "classifyAs") {
            None | Some("focused" | "other") => Ok(()),
            Some(other) => Err(Error::invalid(
                &format!("{param}.classify_as"),
                format!("must be \"focused\" or \"other\", not {other:?}"),
            )),
        }
    }
}

impl Check for MessageRule {
    fn check_json(json: &Value, param: &str) -> Result<(), Error> {
        if let Some(actions) = field(json, "actions") {
            let at = format!("{param}.actions");
            for (key, name) in [
                ("forwardTo", "forward_to"),
                ("forwardAsAttachmentTo", "forward_as_attachment_to"),
                ("redirectTo", "redirect_to"),
            ] {
                nested::<Vec<Recipient>>(actions, key, &at, name)?;
            }
        }
        for name in ["conditions", "exceptions"] {
            if let Some(p) = field(json, name) {
                let at = format!("{param}.{name}");
                nested::<Vec<Recipient>>(p, "fromAddresses", &at, "from_addresses")?;
                nested::<Vec<Recipient>>(p, "sentToAddresses", &at, "sent_to_addresses")?;
            }
        }
        Ok(())
    }
}

fn new_override(a: &Args) -> Result<(), Error> {
    let o = a.json("inference_override")?;
    require_text("inference_override.classify_as", text(&o, "classifyAs"))?;
    match field(&o, "senderEmailAddress").and_then(|e| text(e, "address")) {
        Some(a) if a.contains('@') => Ok(()),
        _ => Err(Error::invalid("inference_override.sender_email_address", "needs an email address")),
    }
}

fn new_rule(a: &Args) -> Result<(), Error> {
    let rule = a.json("rule")?;
    require_text("rule.display_name", text(&rule, "displayName"))?;
    if field(&rule, "actions").is_none() {
        return Err(Error::invalid("rule.actions", "is required: what the rule does"));
    }
    Ok(())
}

/// The MailTips Graph can give (`MailTipsOptions`).
pub const MAIL_TIPS: &[&str] = &[
    "automaticReplies",
    "customMailTip",
    "deliveryRestriction",
    "externalMemberCount",
    "mailboxFullStatus",
    "maxMessageSize",
    "moderationStatus",
    "recipientScope",
    "recipientSuggestions",
    "totalMemberCount",
];

fn mail_tips_args(a: &Args) -> Result<(), Error> {
    let (addresses, options): (&Vec<String>, &Vec<String>) = (a.get("email_addresses")?, a.get("mail_tips_options")?);
    if addresses.is_empty() {
        return Err(Error::invalid("email_addresses", "needs at least one address"));
    }
    for (i, a) in addresses.iter().enumerate() {
        if !a.contains('@') || a.trim() != a || a.is_empty() {
            return Err(Error::invalid(&format!("email_addresses[{i}]"), "must be an email address"));
        }
    }
    if options.is_empty() {
        return Err(Error::invalid("mail_tips_options", "needs at least one option"));
    }
    for (i, o) in options.iter().enumerate() {
        if !MAIL_TIPS.iter().any(|t| t.eq_ignore_ascii_case(o)) {
            let why = format!("unknown MailTip {o:?}; expected one of {}", MAIL_TIPS.join(", "));
            return Err(Error::invalid(&format!("mail_tips_options[{i}]"), why));
        }
    }
    Ok(())
}

/// `supportedTimeZones(TimeZoneStandard=...)` in each dialect's spelling.
const TIME_ZONE_STANDARDS: &[(&str, &str, &str)] = &[
    (
        "windows",
        "outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Windows')",
        "SupportedTimeZones(TimeZoneStandard=Microsoft.OutlookServices.TimeZoneStandard'Windows')",
    ),
    (
        "iana",
        "outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')",
        "SupportedTimeZones(TimeZoneStandard=Microsoft.OutlookServices.TimeZoneStandard'Iana')",
    ),
];

routes! {
    ListInferenceOverrides: GET mailbox / "inferenceClassification" / "overrides" ? query;
    CreateInferenceOverride: POST mailbox / "inferenceClassification" / "overrides" <- inference_override
        if new_override;
    UpdateInferenceOverride: PATCH mailbox / "inferenceClassification" / "overrides" / override_id <- inference_override;
    DeleteInferenceOverride: DELETE mailbox / "inferenceClassification" / "overrides" / override_id;
    GetMailboxSettings: GET mailbox / "mailboxSettings" ? query;
    UpdateMailboxSettings: PATCH mailbox / "mailboxSettings" <- settings;
    GetAutomaticReplies: GET mailbox / "mailboxSettings" / "automaticRepliesSetting";
    SetAutomaticReplies: PATCH mailbox / "mailboxSettings" <- { automatic_replies_setting };
    ListMessageRules: GET mailbox / "mailFolders" / "inbox" / "messageRules" ? query;
    GetMessageRule: GET mailbox / "mailFolders" / "inbox" / "messageRules" / rule_id ? query;
    CreateMessageRule: POST mailbox / "mailFolders" / "inbox" / "messageRules" <- rule if new_rule;
    UpdateMessageRule: PATCH mailbox / "mailFolders" / "inbox" / "messageRules" / rule_id <- rule;
    DeleteMessageRule: DELETE mailbox / "mailFolders" / "inbox" / "messageRules" / rule_id;
    // `{"emailAddresses": [...], "mailTipsOptions": "automaticReplies, mailboxFullStatus"}`: the
    // options travel as one comma-separated string of flags.
    GetMailTips: POST mailbox / "getMailTips" <- { email_addresses, mail_tips_options: flags(mail_tips_options) }
        if mail_tips_args;
    // Graph's functions hang off `outlook` (`/me/outlook/supportedLanguages`); Outlook REST's off
    // the user (`/me/SupportedLanguages`).
    ListSupportedLanguages: GET mailbox / ("outlook/supportedLanguages" | "SupportedLanguages") ? query;
    // Windows names unless `standard` says "iana" (the `TimeZoneStandard` function parameter);
    // checked before the mailbox too, as it always was.
    ListSupportedTimeZones: GET mailbox / (standard ? ("outlook/supportedTimeZones" | "SupportedTimeZones") : TIME_ZONE_STANDARDS)
        ? query
        if |a: &Args| route::choose(a, "standard", TIME_ZONE_STANDARDS).map(drop);
}
