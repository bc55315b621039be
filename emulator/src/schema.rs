//! The entity types the emulator serves and what Graph's metadata says about them: property
//! names (for `$select`, `$filter`, `$orderby` checks), properties returned only on `$select`,
//! and expandable navigation properties.

use crate::calendar::schema as cal;
use crate::errors::Family;
use crate::mail::schema as mail;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Group,
    User,
    /// Members and owners: users, typed by `@odata.type`.
    DirectoryObject,
    Conversation,
    Thread,
    Post,
    Attachment,
    Message,
    MailFolder,
    MessageRule,
    InferenceOverride,
    Event,
    Calendar,
    CalendarGroup,
    /// Rooms and room lists.
    Place,
    CalendarPermission,
    /// Files and folders of a group's document library.
    DriveItem,
}

const GROUP: &[&str] = &[
    "id",
    "deletedDateTime",
    "allowExternalSenders",
    "assignedLabels",
    "assignedLicenses",
    "autoSubscribeNewMembers",
    "classification",
    "createdDateTime",
    "creationOptions",
    "description",
    "displayName",
    "expirationDateTime",
    "groupTypes",
    "hasMembersWithLicenseErrors",
    "hideFromAddressLists",
    "hideFromOutlookClients",
    "isArchived",
    "isAssignableToRole",
    "isSubscribedByMail",
    "licenseProcessingState",
    "mail",
    "mailEnabled",
    "mailNickname",
    "membershipRule",
    "membershipRuleProcessingState",
    "onPremisesDomainName",
    "onPremisesLastSyncDateTime",
    "onPremisesNetBiosName",
    "onPremisesProvisioningErrors",
    "onPremisesSamAccountName",
    "onPremisesSecurityIdentifier",
    "onPremisesSyncEnabled",
    "preferredDataLocation",
    "preferredLanguage",
    "proxyAddresses",
    "renewedDateTime",
    "resourceBehaviorOptions",
    "resourceProvisioningOptions",
    "securityEnabled",
    "securityIdentifier",
    "serviceProvisioningErrors",
    "theme",
    "unseenCount",
    "visibility",
];

const USER: &[&str] = &[
    "id",
    "accountEnabled",
    "businessPhones",
    "city",
    "companyName",
    "country",
    "createdDateTime",
    "department",
    "displayName",
    "employeeId",
    "givenName",
    "jobTitle",
    "mail",
    "mailNickname",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "userType",
];

const CONVERSATION: &[&str] = &["id", "topic", "hasAttachments", "lastDeliveredDateTime", "uniqueSenders", "preview"];

const THREAD: &[&str] = &[
    "id",
    "topic",
    "toRecipients",
    "ccRecipients",
    "hasAttachments",
    "isLocked",
    "lastDeliveredDateTime",
    "uniqueSenders",
    "preview",
];

const POST: &[&str] = &[
    "id",
    "body",
    "categories",
    "changeKey",
    "conversationId",
    "conversationThreadId",
    "createdDateTime",
    "from",
    "hasAttachments",
    "lastModifiedDateTime",
    "newParticipants",
    "receivedDateTime",
    "sender",
];

const ATTACHMENT: &[&str] = &[
    "id",
    "contentBytes",
    "contentId",
    "contentLocation",
    "contentType",
    "isInline",
    "lastModifiedDateTime",
    "name",
    "size",
];

impl Kind {
    /// The name after `microsoft.graph.` in messages and `@odata.type`.
    pub fn type_name(self) -> &'static str {
        match self {
            Kind::Group => "group",
            Kind::User => "user",
            Kind::DirectoryObject => "directoryObject",
            Kind::Conversation => "conversation",
            Kind::Thread => "conversationThread",
            Kind::Post => "post",
            Kind::Attachment => "attachment",
            Kind::Message => "message",
            Kind::MailFolder => "mailFolder",
            Kind::MessageRule => "messageRule",
            Kind::InferenceOverride => "inferenceClassificationOverride",
            Kind::Event => "event",
            Kind::Calendar => "calendar",
            Kind::CalendarGroup => "calendarGroup",
            Kind::Place => "place",
            Kind::CalendarPermission => "calendarPermission",
            Kind::DriveItem => "driveItem",
        }
    }

    pub fn family(self) -> Family {
        match self {
            Kind::Group | Kind::User | Kind::DirectoryObject => Family::Directory,
            _ => Family::Exchange,
        }
    }

    pub fn properties(self) -> &'static [&'static str] {
        match self {
            Kind::Group => GROUP,
            // Member lists hold users; their properties are what `$select` and `$filter` see.
            Kind::User | Kind::DirectoryObject => USER,
            Kind::Conversation => CONVERSATION,
            Kind::Thread => THREAD,
            Kind::Post => POST,
            Kind::Attachment => ATTACHMENT,
            Kind::Message => mail::MESSAGE,
            Kind::MailFolder => mail::MAIL_FOLDER,
            Kind::MessageRule => mail::MESSAGE_RULE,
            Kind::InferenceOverride => mail::OVERRIDE,
            Kind::Event => cal::EVENT,
            Kind::Calendar => cal::CALENDAR,
            Kind::CalendarGroup => cal::CALENDAR_GROUP,
            Kind::Place => cal::PLACE,
            Kind::CalendarPermission => cal::CALENDAR_PERMISSION,
            Kind::DriveItem => crate::drive::view::DRIVE_ITEM,
        }
    }

    /// Properties Graph leaves out unless `$select` names them.
    pub fn select_only(self) -> &'static [&'static str] {
        match self {
            Kind::Thread => &["toRecipients", "ccRecipients"],
            Kind::Message => &["internetMessageHeaders", "uniqueBody"],
            Kind::Group => &[
                "allowExternalSenders",
                "autoSubscribeNewMembers",
                "hideFromAddressLists",
                "hideFromOutlookClients",
                "isSubscribedByMail",
                "unseenCount",
                "isArchived",
            ],
            _ => &[],
        }
    }

    /// For users, Graph returns a fixed default set unless `$select` asks for more.
    pub fn defaults(self) -> Option<&'static [&'static str]> {
        match self {
            Kind::User | Kind::DirectoryObject => Some(&[
                "id",
                "businessPhones",
                "displayName",
                "givenName",
                "jobTitle",
                "mail",
                "mobilePhone",
                "officeLocation",
                "preferredLanguage",
                "surname",
                "userPrincipalName",
            ]),
            _ => None,
        }
    }

    /// Outlook's collections page with `$skip` in their next links.
    pub fn skip_links(self) -> bool {
        matches!(self, Kind::Message | Kind::MailFolder | Kind::Event)
    }

    /// Outlook's `$search` takes no `$filter`, `$orderby` or `$skip` alongside.
    pub fn search_alone(self) -> bool {
        self == Kind::Message
    }

    /// Navigation properties `$expand` may name.
    pub fn navigations(self) -> &'static [&'static str] {
        match self {
            Kind::Group => &["members", "owners"],
            Kind::Conversation => &["threads"],
            Kind::Thread => &["posts"],
            Kind::Post => &["attachments", "inReplyTo"],
            Kind::Message => &["attachments", "mentions"],
            Kind::Attachment => &["microsoft.graph.itemAttachment/item"],
            _ => &[],
        }
    }
}
