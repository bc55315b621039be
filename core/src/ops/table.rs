//! The one list of operations. The structs, `OPERATIONS`, the native client's methods and the
//! bindings' methods and stubs are all generated from `operation_table!`.
//!
//! Row grammar: doc comment, `fn name(param: Type, ...) -> Output, kind = Struct;`. `Id` params are
//! path segments (positional in every binding); `Query` is the optional OData/Prefer bag; every other
//! param is a required body value, `Option<..>` an optional one. Types are named as
//! `o365kit::table_types` exports them. A row ending in `@ Mailbox` works on a mailbox: its struct
//! gains a `mailbox: Mailbox` field that bindings fill from the client (`/me` unless the client
//! was pointed at another user's mailbox), so it is never a positional argument.

/// Types the table names, for bindings that expand `operation_table!` in their own crates.
pub mod table_types {
    pub use crate::datetime::DateTime;
    pub use crate::mailbox::Mailbox;
    pub use crate::model::{
        Attachment, AttendeeBase, AutomaticRepliesSetting, Calendar, CalendarGroup, CalendarPermission, Conversation,
        ConversationThread, DateTimeTimeZone, DirectoryObject, Event, Group, InferenceClassificationOverride,
        LocaleInfo, LocationConstraint, MailFolder, MailTips, MailboxSettings, MeetingTimeSuggestionsResult, Message,
        MessageRule, Photo, Post, Recipient, Reminder, Room, RoomList, ScheduleInformation, TimeConstraint, TimeSlot,
        TimeZoneInformation,
    };
    pub use crate::odata::{Page, Query};
    /// An ID: one URL path segment; empty, blank, control characters and dot segments are refused.
    pub type Id = String;
}

/// Calls `$callback! { rows }` with every operation row.
#[macro_export]
macro_rules! operation_table {
    ($callback:path) => {
        $callback! {
            // ---- groups
            /// List the groups in the organization.
            fn list_groups(query: Query) -> Page<Group>, List = ListGroups;
            /// Get a group's properties.
            fn get_group(group_id: Id, query: Query) -> Group, Item = GetGroup;
            /// Create a group. `Group::unified(name, nickname)` gives a Microsoft 365 group.
            fn create_group(group: Group) -> Group, Item = CreateGroup;
            /// Update a group's properties; only the properties set are sent.
            fn update_group(group_id: Id, group: Group) -> (), Empty = UpdateGroup;
            /// Delete a group (Microsoft 365 groups go to the recycle bin for 30 days).
            fn delete_group(group_id: Id) -> (), Empty = DeleteGroup;
            /// List the groups the signed-in user is a direct member of.
            fn list_joined_groups(query: Query) -> Page<Group>, List = ListJoinedGroups;
            /// List a group's direct members.
            fn list_group_members(group_id: Id, query: Query) -> Page<DirectoryObject>, List = ListGroupMembers;
            /// Add a user (or other directory object) to a group's members.
            fn add_group_member(group_id: Id, member_id: Id) -> (), Empty = AddGroupMember;
            /// Remove a member from a group.
            fn remove_group_member(group_id: Id, member_id: Id) -> (), Empty = RemoveGroupMember;
            /// List a group's owners.
            fn list_group_owners(group_id: Id, query: Query) -> Page<DirectoryObject>, List = ListGroupOwners;
            /// Add an owner to a group.
            fn add_group_owner(group_id: Id, owner_id: Id) -> (), Empty = AddGroupOwner;
            /// Remove an owner from a group.
            fn remove_group_owner(group_id: Id, owner_id: Id) -> (), Empty = RemoveGroupOwner;
            /// Get a group's photo: its bytes and media type.
            fn get_group_photo(group_id: Id) -> Photo, Binary = GetGroupPhoto;
            /// Set a group's photo (JPEG or PNG, at most 4 MB).
            fn set_group_photo(group_id: Id, photo: Photo) -> (), Empty = SetGroupPhoto;
            // ---- conversations
            /// List a group's conversations.
            fn list_conversations(group_id: Id, query: Query) -> Page<Conversation>, List = ListConversations;
            /// Get one conversation of a group.
            fn get_conversation(group_id: Id, conversation_id: Id, query: Query) -> Conversation, Item = GetConversation;
            /// Start a conversation: its topic and first post. The result carries the new thread ids.
            fn create_conversation(group_id: Id, topic: String, post: Post) -> Conversation, Item = CreateConversation;
            /// Delete a conversation and all its threads.
            fn delete_conversation(group_id: Id, conversation_id: Id) -> (), Empty = DeleteConversation;
            // ---- threads
            /// List the threads of one conversation.
            fn list_conversation_threads(group_id: Id, conversation_id: Id, query: Query) -> Page<ConversationThread>, List = ListConversationThreads;
            /// List all threads of a group.
            fn list_group_threads(group_id: Id, query: Query) -> Page<ConversationThread>, List = ListGroupThreads;
            /// Get one thread of a group.
            fn get_thread(group_id: Id, thread_id: Id, query: Query) -> ConversationThread, Item = GetThread;
            /// Start a new conversation by creating a thread: topic and first post.
            fn create_thread(group_id: Id, topic: String, post: Post) -> ConversationThread, Item = CreateThread;
            /// Add a thread to an existing conversation.
            fn create_conversation_thread(group_id: Id, conversation_id: Id, post: Post) -> ConversationThread, Item = CreateConversationThread;
            /// Update a thread's properties (e.g. `is_locked`); only the properties set are sent.
            fn update_thread(group_id: Id, thread_id: Id, thread: ConversationThread) -> (), Empty = UpdateThread;
            /// Delete a thread.
            fn delete_thread(group_id: Id, thread_id: Id) -> (), Empty = DeleteThread;
            /// Reply to a thread with a new post.
            fn reply_to_thread(group_id: Id, thread_id: Id, post: Post) -> (), Empty = ReplyToThread;
            // ---- posts
            /// List the posts of a thread.
            fn list_posts(group_id: Id, thread_id: Id, query: Query) -> Page<Post>, List = ListPosts;
            /// Get one post.
            fn get_post(group_id: Id, thread_id: Id, post_id: Id, query: Query) -> Post, Item = GetPost;
            /// Reply to a post; the reply joins the same thread.
            fn reply_to_post(group_id: Id, thread_id: Id, post_id: Id, post: Post) -> (), Empty = ReplyToPost;
            /// Forward a post to recipients, with an optional comment.
            fn forward_post(group_id: Id, thread_id: Id, post_id: Id, comment: Option<String>, to_recipients: Vec<Recipient>) -> (), Empty = ForwardPost;
            /// List a post's attachments.
            fn list_post_attachments(group_id: Id, thread_id: Id, post_id: Id, query: Query) -> Page<Attachment>, List = ListPostAttachments;
            /// Get one attachment of a post, with its content.
            fn get_post_attachment(group_id: Id, thread_id: Id, post_id: Id, attachment_id: Id, query: Query) -> Attachment, Item = GetPostAttachment;
            // ---- messages
            /// List the messages of the mailbox (all folders), newest first.
            fn list_messages(query: Query) -> Page<Message>, List = ListMessages @ Mailbox;
            /// List the messages of one folder (an id or a well-known name such as "inbox").
            fn list_folder_messages(folder_id: Id, query: Query) -> Page<Message>, List = ListFolderMessages @ Mailbox;
            /// Get one message.
            fn get_message(message_id: Id, query: Query) -> Message, Item = GetMessage @ Mailbox;
            /// Create a draft message in Drafts.
            fn create_message(message: Message) -> Message, Item = CreateMessage @ Mailbox;
            /// Create a message (a draft) in a folder.
            fn create_folder_message(folder_id: Id, message: Message) -> Message, Item = CreateFolderMessage @ Mailbox;
            /// Update a message's properties; only the properties set are sent.
            fn update_message(message_id: Id, message: Message) -> Message, Item = UpdateMessage @ Mailbox;
            /// Delete a message (it moves to Deleted Items; deleting it there removes it).
            fn delete_message(message_id: Id) -> (), Empty = DeleteMessage @ Mailbox;
            /// Send a new message at once; a copy goes to Sent Items unless `save_to_sent_items` is false.
            fn send_mail(message: Message, save_to_sent_items: Option<bool>) -> (), Empty = SendMail @ Mailbox;
            /// Send a draft.
            fn send_message(message_id: Id) -> (), Empty = SendMessage @ Mailbox;
            /// Reply to the sender, with a comment and/or message properties to update.
            fn reply_to_message(message_id: Id, comment: Option<String>, message: Option<Message>) -> (), Empty = ReplyToMessage @ Mailbox;
            /// Reply to the sender and every recipient.
            fn reply_all_to_message(message_id: Id, comment: Option<String>, message: Option<Message>) -> (), Empty = ReplyAllToMessage @ Mailbox;
            /// Forward a message to recipients, with an optional comment.
            fn forward_message(message_id: Id, to_recipients: Vec<Recipient>, comment: Option<String>, message: Option<Message>) -> (), Empty = ForwardMessage @ Mailbox;
            /// Create a draft reply to the sender; returns the draft.
            fn create_reply(message_id: Id, comment: Option<String>, message: Option<Message>) -> Message, Item = CreateReply @ Mailbox;
            /// Create a draft reply to the sender and every recipient; returns the draft.
            fn create_reply_all(message_id: Id, comment: Option<String>, message: Option<Message>) -> Message, Item = CreateReplyAll @ Mailbox;
            /// Create a draft forward; returns the draft.
            fn create_forward(message_id: Id, to_recipients: Option<Vec<Recipient>>, comment: Option<String>, message: Option<Message>) -> Message, Item = CreateForward @ Mailbox;
            /// Move a message to a folder; returns the message under its new id.
            fn move_message(message_id: Id, destination_id: Id) -> Message, Item = MoveMessage @ Mailbox;
            /// Copy a message to a folder; returns the copy.
            fn copy_message(message_id: Id, destination_id: Id) -> Message, Item = CopyMessage @ Mailbox;
            /// Unsubscribe from a mailing list by the message's List-Unsubscribe mailto header (beta).
            fn unsubscribe_message(message_id: Id) -> (), Empty = UnsubscribeMessage @ Mailbox;
            // ---- message attachments
            /// List a message's attachments.
            fn list_message_attachments(message_id: Id, query: Query) -> Page<Attachment>, List = ListMessageAttachments @ Mailbox;
            /// Get one attachment of a message.
            fn get_message_attachment(message_id: Id, attachment_id: Id, query: Query) -> Attachment, Item = GetMessageAttachment @ Mailbox;
            /// Attach a file (at most 3 MB), an item or a reference to a message.
            fn add_message_attachment(message_id: Id, attachment: Attachment) -> Attachment, Item = AddMessageAttachment @ Mailbox;
            /// Remove an attachment from a message.
            fn delete_message_attachment(message_id: Id, attachment_id: Id) -> (), Empty = DeleteMessageAttachment @ Mailbox;
            /// Get an attachment's raw content and media type.
            fn get_message_attachment_content(message_id: Id, attachment_id: Id) -> Photo, Binary = GetMessageAttachmentContent @ Mailbox;
            // ---- mail folders
            /// List the top-level mail folders.
            fn list_mail_folders(query: Query) -> Page<MailFolder>, List = ListMailFolders @ Mailbox;
            /// List a folder's child folders.
            fn list_child_folders(folder_id: Id, query: Query) -> Page<MailFolder>, List = ListChildFolders @ Mailbox;
            /// Get a mail folder (an id or a well-known name such as "inbox").
            fn get_mail_folder(folder_id: Id, query: Query) -> MailFolder, Item = GetMailFolder @ Mailbox;
            /// Create a top-level mail folder.
            fn create_mail_folder(folder: MailFolder) -> MailFolder, Item = CreateMailFolder @ Mailbox;
            /// Create a folder inside another.
            fn create_child_folder(folder_id: Id, folder: MailFolder) -> MailFolder, Item = CreateChildFolder @ Mailbox;
            /// Rename a mail folder.
            fn update_mail_folder(folder_id: Id, folder: MailFolder) -> MailFolder, Item = UpdateMailFolder @ Mailbox;
            /// Delete a mail folder and its contents.
            fn delete_mail_folder(folder_id: Id) -> (), Empty = DeleteMailFolder @ Mailbox;
            /// Move a folder into another; returns the moved folder.
            fn move_mail_folder(folder_id: Id, destination_id: Id) -> MailFolder, Item = MoveMailFolder @ Mailbox;
            /// Copy a folder into another; returns the copy.
            fn copy_mail_folder(folder_id: Id, destination_id: Id) -> MailFolder, Item = CopyMailFolder @ Mailbox;
            // ---- Focused Inbox, settings, rules, MailTips
            /// List the Focused Inbox overrides (senders always classified as focused or other).
            fn list_inference_overrides(query: Query) -> Page<InferenceClassificationOverride>, List = ListInferenceOverrides @ Mailbox;
            /// Always classify a sender's mail as "focused" or "other".
            fn create_inference_override(inference_override: InferenceClassificationOverride) -> InferenceClassificationOverride, Item = CreateInferenceOverride @ Mailbox;
            /// Change an override's classification.
            fn update_inference_override(override_id: Id, inference_override: InferenceClassificationOverride) -> InferenceClassificationOverride, Item = UpdateInferenceOverride @ Mailbox;
            /// Remove an override.
            fn delete_inference_override(override_id: Id) -> (), Empty = DeleteInferenceOverride @ Mailbox;
            /// Get the mailbox settings (time zone, language, working hours, automatic replies...).
            fn get_mailbox_settings(query: Query) -> MailboxSettings, Item = GetMailboxSettings @ Mailbox;
            /// Update mailbox settings; only the properties set are sent.
            fn update_mailbox_settings(settings: MailboxSettings) -> MailboxSettings, Item = UpdateMailboxSettings @ Mailbox;
            /// Get the automatic replies (out of office) setting.
            fn get_automatic_replies() -> AutomaticRepliesSetting, Item = GetAutomaticReplies @ Mailbox;
            /// Set automatic replies: always, scheduled between two times, or off.
            fn set_automatic_replies(automatic_replies_setting: AutomaticRepliesSetting) -> MailboxSettings, Item = SetAutomaticReplies @ Mailbox;
            /// List the Inbox rules, in the order they run.
            fn list_message_rules(query: Query) -> Page<MessageRule>, List = ListMessageRules @ Mailbox;
            /// Get one Inbox rule.
            fn get_message_rule(rule_id: Id, query: Query) -> MessageRule, Item = GetMessageRule @ Mailbox;
            /// Create an Inbox rule: display name, sequence, conditions, actions.
            fn create_message_rule(rule: MessageRule) -> MessageRule, Item = CreateMessageRule @ Mailbox;
            /// Update an Inbox rule; only the properties set are sent.
            fn update_message_rule(rule_id: Id, rule: MessageRule) -> MessageRule, Item = UpdateMessageRule @ Mailbox;
            /// Delete an Inbox rule.
            fn delete_message_rule(rule_id: Id) -> (), Empty = DeleteMessageRule @ Mailbox;
            /// MailTips for recipients before sending: automatic replies, full mailboxes, external recipients...
            fn get_mail_tips(email_addresses: Vec<String>, mail_tips_options: Vec<String>) -> Page<MailTips>, List = GetMailTips @ Mailbox;
            /// The languages Outlook supports for the mailbox.
            fn list_supported_languages(query: Query) -> Page<LocaleInfo>, List = ListSupportedLanguages @ Mailbox;
            /// The time zones Outlook supports: Windows names, or IANA with `standard` "iana".
            fn list_supported_time_zones(standard: Option<String>, query: Query) -> Page<TimeZoneInformation>, List = ListSupportedTimeZones @ Mailbox;
            // ---- events
            /// List the events of the mailbox's calendars (series masters and single events).
            fn list_events(query: Query) -> Page<Event>, List = ListEvents @ Mailbox;
            /// List the events of one calendar.
            fn list_calendar_events(calendar_id: Id, query: Query) -> Page<Event>, List = ListCalendarEvents @ Mailbox;
            /// Get one event.
            fn get_event(event_id: Id, query: Query) -> Event, Item = GetEvent @ Mailbox;
            /// Create an event in the default calendar; attendees get a meeting request.
            fn create_event(event: Event) -> Event, Item = CreateEvent @ Mailbox;
            /// Create an event in a calendar.
            fn create_calendar_event(calendar_id: Id, event: Event) -> Event, Item = CreateCalendarEvent @ Mailbox;
            /// Update an event; only the properties set are sent.
            fn update_event(event_id: Id, event: Event) -> Event, Item = UpdateEvent @ Mailbox;
            /// Delete an event.
            fn delete_event(event_id: Id) -> (), Empty = DeleteEvent @ Mailbox;
            /// The occurrences, exceptions and single events between `start` and `end`, recurring series expanded.
            fn list_calendar_view(start: DateTime, end: DateTime, query: Query) -> Page<Event>, List = ListCalendarView @ Mailbox;
            /// One calendar's view between `start` and `end`.
            fn list_calendar_view_of(calendar_id: Id, start: DateTime, end: DateTime, query: Query) -> Page<Event>, List = ListCalendarViewOf @ Mailbox;
            /// The occurrences and exceptions of a series between `start` and `end`.
            fn list_event_instances(event_id: Id, start: DateTime, end: DateTime, query: Query) -> Page<Event>, List = ListEventInstances @ Mailbox;
            /// Accept a meeting request. A group's events cannot be answered: on a group mailbox ("groups/{id}") Graph answers 400 ErrorInvalidRequest.
            fn accept_event(event_id: Id, comment: Option<String>, send_response: Option<bool>) -> (), Empty = AcceptEvent @ Mailbox;
            /// Tentatively accept, optionally proposing a new time (not on a group mailbox: Graph's 400).
            fn tentatively_accept_event(event_id: Id, comment: Option<String>, send_response: Option<bool>, proposed_new_time: Option<TimeSlot>) -> (), Empty = TentativelyAcceptEvent @ Mailbox;
            /// Decline, optionally proposing a new time (not on a group mailbox: Graph's 400).
            fn decline_event(event_id: Id, comment: Option<String>, send_response: Option<bool>, proposed_new_time: Option<TimeSlot>) -> (), Empty = DeclineEvent @ Mailbox;
            /// Forward a meeting request to more people.
            fn forward_event(event_id: Id, to_recipients: Vec<Recipient>, comment: Option<String>) -> (), Empty = ForwardEvent @ Mailbox;
            /// Cancel a meeting you organize; attendees are told, with the comment.
            fn cancel_event(event_id: Id, comment: Option<String>) -> (), Empty = CancelEvent @ Mailbox;
            /// The reminders due between `start` and `end`.
            fn reminder_view(start: DateTime, end: DateTime, query: Query) -> Page<Reminder>, List = ReminderView @ Mailbox;
            /// Snooze an event's reminder until a new time.
            fn snooze_reminder(event_id: Id, new_reminder_time: DateTimeTimeZone) -> (), Empty = SnoozeReminder @ Mailbox;
            /// Dismiss an event's reminder.
            fn dismiss_reminder(event_id: Id) -> (), Empty = DismissReminder @ Mailbox;
            /// List an event's attachments.
            fn list_event_attachments(event_id: Id, query: Query) -> Page<Attachment>, List = ListEventAttachments @ Mailbox;
            /// Get one attachment of an event.
            fn get_event_attachment(event_id: Id, attachment_id: Id, query: Query) -> Attachment, Item = GetEventAttachment @ Mailbox;
            /// Attach a file (at most 3 MB), an item or a reference to an event.
            fn add_event_attachment(event_id: Id, attachment: Attachment) -> Attachment, Item = AddEventAttachment @ Mailbox;
            /// Remove an attachment from an event.
            fn delete_event_attachment(event_id: Id, attachment_id: Id) -> (), Empty = DeleteEventAttachment @ Mailbox;
            // ---- calendars, calendar groups, sharing
            /// List the mailbox's calendars.
            fn list_calendars(query: Query) -> Page<Calendar>, List = ListCalendars @ Mailbox;
            /// Get a calendar, or the default calendar when no id is given.
            fn get_calendar(calendar_id: Option<Id>, query: Query) -> Calendar, Item = GetCalendar @ Mailbox;
            /// Create a calendar.
            fn create_calendar(calendar: Calendar) -> Calendar, Item = CreateCalendar @ Mailbox;
            /// Update a calendar (name, color); only the properties set are sent.
            fn update_calendar(calendar_id: Id, calendar: Calendar) -> Calendar, Item = UpdateCalendar @ Mailbox;
            /// Delete a calendar and its events.
            fn delete_calendar(calendar_id: Id) -> (), Empty = DeleteCalendar @ Mailbox;
            /// List the calendar groups.
            fn list_calendar_groups(query: Query) -> Page<CalendarGroup>, List = ListCalendarGroups @ Mailbox;
            /// Get a calendar group.
            fn get_calendar_group(calendar_group_id: Id, query: Query) -> CalendarGroup, Item = GetCalendarGroup @ Mailbox;
            /// Create a calendar group.
            fn create_calendar_group(calendar_group: CalendarGroup) -> CalendarGroup, Item = CreateCalendarGroup @ Mailbox;
            /// Rename a calendar group.
            fn update_calendar_group(calendar_group_id: Id, calendar_group: CalendarGroup) -> CalendarGroup, Item = UpdateCalendarGroup @ Mailbox;
            /// Delete a calendar group.
            fn delete_calendar_group(calendar_group_id: Id) -> (), Empty = DeleteCalendarGroup @ Mailbox;
            /// List the calendars of a calendar group.
            fn list_calendar_group_calendars(calendar_group_id: Id, query: Query) -> Page<Calendar>, List = ListCalendarGroupCalendars @ Mailbox;
            /// Create a calendar in a calendar group.
            fn create_calendar_group_calendar(calendar_group_id: Id, calendar: Calendar) -> Calendar, Item = CreateCalendarGroupCalendar @ Mailbox;
            /// Who a calendar (the default one when no id is given) is shared with.
            fn list_calendar_permissions(calendar_id: Option<Id>, query: Query) -> Page<CalendarPermission>, List = ListCalendarPermissions @ Mailbox;
            /// Share a calendar with someone, with a role ("read", "write", "freeBusyRead"...).
            fn create_calendar_permission(permission: CalendarPermission, calendar_id: Option<Id>) -> CalendarPermission, Item = CreateCalendarPermission @ Mailbox;
            /// Change a share's role.
            fn update_calendar_permission(permission_id: Id, permission: CalendarPermission, calendar_id: Option<Id>) -> CalendarPermission, Item = UpdateCalendarPermission @ Mailbox;
            /// Stop sharing a calendar with someone.
            fn delete_calendar_permission(permission_id: Id, calendar_id: Option<Id>) -> (), Empty = DeleteCalendarPermission @ Mailbox;
            // ---- scheduling
            /// Suggest meeting times from the attendees' and rooms' free/busy.
            fn find_meeting_times(attendees: Vec<AttendeeBase>, time_constraint: Option<TimeConstraint>, meeting_duration: Option<String>, location_constraint: Option<LocationConstraint>, max_candidates: Option<i64>, is_organizer_optional: Option<bool>, return_suggestion_reasons: Option<bool>, minimum_attendee_percentage: Option<f64>) -> MeetingTimeSuggestionsResult, Item = FindMeetingTimes @ Mailbox;
            /// The free/busy of users and rooms over a window.
            fn get_schedule(schedules: Vec<String>, start_time: DateTimeTimeZone, end_time: DateTimeTimeZone, availability_view_interval: Option<i64>) -> Page<ScheduleInformation>, List = GetSchedule @ Mailbox;
            /// List the tenant's rooms, or those of one room list (by its email address).
            fn list_rooms(room_list: Option<String>, query: Query) -> Page<Room>, List = ListRooms;
            /// List the tenant's room lists.
            fn list_room_lists(query: Query) -> Page<RoomList>, List = ListRoomLists;
            // ---- group calendars
            /// List a group calendar's events.
            fn list_group_events(group_id: Id, query: Query) -> Page<Event>, List = ListGroupEvents;
            /// Get one event of a group calendar.
            fn get_group_event(group_id: Id, event_id: Id, query: Query) -> Event, Item = GetGroupEvent;
            /// Create an event in a group calendar.
            fn create_group_event(group_id: Id, event: Event) -> Event, Item = CreateGroupEvent;
            /// Update a group event; only the properties set are sent.
            fn update_group_event(group_id: Id, event_id: Id, event: Event) -> Event, Item = UpdateGroupEvent;
            /// Delete a group event.
            fn delete_group_event(group_id: Id, event_id: Id) -> (), Empty = DeleteGroupEvent;
            /// A group calendar's view between `start` and `end`, recurring series expanded.
            fn list_group_calendar_view(group_id: Id, start: DateTime, end: DateTime, query: Query) -> Page<Event>, List = ListGroupCalendarView;
        }
    };
}

/// Parsing by output kind: JSON for lists and items, nothing for actions, bytes for media.
macro_rules! parse_as {
    (List, $ep:ident, $res:ident, $out:ty) => {
        $crate::ops::read_json::<$out>($ep, stringify!($out), &$res)
    };
    (Item, $ep:ident, $res:ident, $out:ty) => {
        $crate::ops::read_json::<$out>($ep, stringify!($out), &$res)
    };
    (Empty, $ep:ident, $res:ident, $out:ty) => {{
        let _ = $ep;
        $crate::ops::read_empty(&$res)
    }};
    (Binary, $ep:ident, $res:ident, $out:ty) => {{
        let _ = $ep;
        $crate::ops::read_binary($res)
    }};
}

/// Expands the table into the operation structs, their `Operation` impls and `OPERATIONS`.
macro_rules! define_operations {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident ( $( $p:ident : $pty:ty ),* $(,)? ) -> $out:ty, $kind:ident = $op:ident $( @ $scope:ident )?;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
            pub struct $op {
                $(
                    /// Whose mailbox: the signed-in user's unless set.
                    #[serde(default)]
                    pub mailbox: $scope,
                )?
                $( pub $p: $pty, )*
            }

            impl $crate::ops::Named for $op {
                const NAME: &'static str = stringify!($name);
            }

            impl $crate::ops::Operation for $op {
                type Output = $out;
                fn request(&self, ep: &$crate::Endpoint) -> Result<$crate::Request, $crate::Error> {
                    $crate::ops::BuildRequest::build(self, ep)
                }
                fn parse(&self, ep: &$crate::Endpoint, res: $crate::Response) -> Result<$out, $crate::Error> {
                    parse_as!($kind, ep, res, $out)
                }
            }
        )*

        /// Every operation, in table order.
        pub static OPERATIONS: &[$crate::ops::OpInfo] = &[ $(
            $crate::ops::OpInfo {
                name: stringify!($name),
                op: shipped_text!(stringify!($op)),
                doc: shipped_text!(concat!($($doc, "\n"),*)),
                params: &[ $( $crate::ops::ParamInfo { name: stringify!($p), ty: stringify!($pty) } ),* ],
                output: stringify!($out),
                kind: $crate::ops::OpKind::$kind,
                mailbox: false $( || stringify!($scope).len() > 0 )?,
                route: <$op as $crate::ops::route::Routing>::ROUTED,
            },
        )* ];
    };
}

/// Text for documentation and code generators, which run natively: the npm package's wasm does
/// not carry it (its TypeScript declarations have the docs).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! shipped_text {
    ($text:expr) => {
        $text
    };
}

#[cfg(target_arch = "wasm32")]
macro_rules! shipped_text {
    ($text:expr) => {
        ""
    };
}

use table_types::*;
operation_table!(define_operations);
