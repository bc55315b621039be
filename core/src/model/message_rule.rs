//! Inbox rules: conditions, exceptions and actions run on mail as it arrives.

use super::Recipient;

model! {
    /// An Inbox rule; rules run in `sequence` order.
    pub struct MessageRule {
        id: String,
        display_name: String,
        sequence: i64,
        is_enabled: bool,
        has_error: bool,
        is_read_only: bool,
        conditions: MessageRulePredicates,
        exceptions: MessageRulePredicates,
        actions: MessageRuleActions,
    }
}

model! {
    /// Conditions (or exceptions) of a rule; all that are set must hold.
    pub struct MessageRulePredicates {
        body_contains: Vec<String>,
        body_or_subject_contains: Vec<String>,
        categories: Vec<String>,
        from_addresses: Vec<Recipient>,
        has_attachments: bool,
        header_contains: Vec<String>,
        importance: String,
        is_approval_request: bool,
        is_automatic_forward: bool,
        is_automatic_reply: bool,
        is_encrypted: bool,
        is_meeting_request: bool,
        is_meeting_response: bool,
        is_non_delivery_report: bool,
        is_permission_controlled: bool,
        is_read_receipt: bool,
        is_signed: bool,
        is_voicemail: bool,
        message_action_flag: String,
        not_sent_to_me: bool,
        recipient_contains: Vec<String>,
        sender_contains: Vec<String>,
        sensitivity: String,
        sent_cc_me: bool,
        sent_only_to_me: bool,
        sent_to_addresses: Vec<Recipient>,
        sent_to_me: bool,
        sent_to_or_cc_me: bool,
        subject_contains: Vec<String>,
        within_size_range: SizeRange,
    }
}

model! {
    /// A message size range in kilobytes.
    pub struct SizeRange {
        minimum_size: i64,
        maximum_size: i64,
    }
}

model! {
    /// What a rule does to a matching message.
    pub struct MessageRuleActions {
        assign_categories: Vec<String>,
        copy_to_folder: String,
        delete: bool,
        forward_as_attachment_to: Vec<Recipient>,
        forward_to: Vec<Recipient>,
        mark_as_read: bool,
        mark_importance: String,
        move_to_folder: String,
        permanent_delete: bool,
        redirect_to: Vec<Recipient>,
        stop_processing_rules: bool,
    }
}
