//! Mailbox settings, automatic replies, Focused Inbox overrides, MailTips.

use super::{DateTimeTimeZone, EmailAddress, LocaleInfo, Recipient, WorkingHours};

model! {
    /// A user's mailbox settings; `update_mailbox_settings` sends only the properties set.
    pub struct MailboxSettings {
        archive_folder: String,
        automatic_replies_setting: AutomaticRepliesSetting,
        date_format: String,
        time_format: String,
        /// A Windows or IANA time zone name.
        time_zone: String,
        language: LocaleInfo,
        working_hours: WorkingHours,
        /// "sendToDelegateAndInformationToPrincipal", "sendToDelegateAndPrincipal" or "sendToDelegateOnly".
        delegate_meeting_message_delivery_options: String,
        /// "user", "linked", "shared", "room", "equipment" or "others".
        user_purpose: String,
    }
}

model! {
    /// Automatic replies: `status` "disabled", "alwaysEnabled" or "scheduled" (then between the
    /// scheduled start and end); `externalAudience` "none", "contactsOnly" or "all".
    pub struct AutomaticRepliesSetting {
        status: String,
        external_audience: String,
        scheduled_start_date_time: DateTimeTimeZone,
        scheduled_end_date_time: DateTimeTimeZone,
        internal_reply_message: String,
        external_reply_message: String,
    }
}

model! {
    /// Focused Inbox: always classify mail from one sender as "focused" or "other".
    pub struct InferenceClassificationOverride {
        id: String,
        /// "focused" or "other".
        classify_as: String,
        sender_email_address: EmailAddress,
    }
}

impl InferenceClassificationOverride {
    /// Mail from `address` goes to `classify_as` ("focused" or "other").
    pub fn new(address: impl Into<String>, classify_as: impl Into<String>) -> Self {
        InferenceClassificationOverride {
            classify_as: Some(classify_as.into()),
            sender_email_address: Some(EmailAddress { address: Some(address.into()), ..Default::default() }),
            ..Default::default()
        }
    }
}

model! {
    /// What Outlook would tell a sender about one recipient before sending.
    pub struct MailTips {
        email_address: EmailAddress,
        automatic_replies: AutomaticRepliesMailTips,
        mailbox_full: bool,
        custom_mail_tip: String,
        external_member_count: i64,
        total_member_count: i64,
        delivery_restricted: bool,
        is_moderated: bool,
        /// "none", "internal", "external", "externalPartner", "externalNonPartner" (may be combined).
        recipient_scope: String,
        recipient_suggestions: Vec<Recipient>,
        max_message_size: i64,
        error: MailTipsError,
    }
}

model! {
    /// A recipient's automatic reply, as MailTips show it.
    pub struct AutomaticRepliesMailTips {
        message: String,
        message_language: LocaleInfo,
        scheduled_start_time: DateTimeTimeZone,
        scheduled_end_time: DateTimeTimeZone,
    }
}

model! {
    /// Why MailTips could not be had for a recipient.
    pub struct MailTipsError {
        code: String,
        message: String,
    }
}
