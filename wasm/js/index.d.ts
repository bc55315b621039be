// Generated from the o365kit operation table and models by o365kit-wasm (src/dts.rs).
// Do not edit: run `cargo run --manifest-path wasm/Cargo.toml --bin gen-dts > wasm/js/index.d.ts`.

export interface ClientOptions {
  /** Returns a bearer token; called before every request so the host can refresh it
   * (`OfficeRuntime.auth.getAccessToken`, MSAL `acquireTokenSilent`, or a constant). */
  getToken: () => string | Promise<string>;
  /** A Graph-compatible root such as the emulator's `http://127.0.0.1:PORT` (not with `cloud`). */
  baseUrl?: string;
  /** `"v1.0"` (default) or `"beta"`. */
  version?: "v1.0" | "beta";
  /** National cloud: `"global"` (default), `"usgov-l4"`, `"usgov-l5"`, `"china"`. */
  cloud?: "global" | "usgov-l4" | "usgov-l5" | "china" | (string & {});
  /** Attempts per request, including the first (default 4). Throttled requests are retried. */
  maxAttempts?: number;
  /** The mailbox mail operations work on: `"me"` (default, the signed-in user's) or another
   * user's or a shared mailbox by id or user principal name, e.g. `"support@contoso.com"`. */
  mailbox?: string;
}

/** One page of a collection. */
export interface Page<T> {
  value: T[];
  /** Present when more pages follow. */
  nextLink?: string;
  deltaLink?: string;
  /** With `{ count: true }`. */
  count?: number;
}

/** What list methods return: await it for the first page, or iterate every item of every page. */
export interface ListRequest<T> extends PromiseLike<Page<T>>, AsyncIterable<T> {
  /** Every page, following `nextLink`. */
  pages(): AsyncIterableIterator<Page<T>>;
  /** Every item of every page. */
  all(): AsyncIterableIterator<T>;
  /** Every item of every page, in one array. */
  toArray(): Promise<T[]>;
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R>;
}

/** One change of a delta sync. `"resync"`: the server lost the sync's state; every item follows
 * again, and what the local copy holds that they do not list is gone. */
export type Change<T> =
  | { kind: "upserted"; id: string; item: T }
  | { kind: "removed"; id: string; reason: string }
  | { kind: "resync"; reason: string };

/** Where a sync starts and how it may be stopped. */
export interface SyncOptions {
  /** The `state` of an earlier sync of the same resource and query (none: a first, full round). */
  state?: string | null;
  /** Stops the sync between requests (the iteration then throws the signal's reason). */
  signal?: AbortSignal;
}

/** One round of a delta sync: `for await` its changes, then store `state` for the next round. While
 * iterating, `state` is that of the last page whose changes were all taken. */
export interface SyncRequest<T> extends AsyncIterable<Change<T>> {
  readonly state: string | null;
  /** The reasons of the resyncs announced so far. */
  readonly resyncs: string[];
  /** The round page by page; `state` is already the page's when it is yielded. */
  pages(): AsyncIterableIterator<Change<T>[]>;
}

/** Options of `watchGroupMail`. */
export interface WatchOptions {
  /** The `state` of an earlier watch of the same group (none: posts from now on are new). */
  state?: string | null;
  /** Time between rounds, in milliseconds (default 60000, as the Logic Apps trigger polls). */
  intervalMs?: number;
  /** Ends the watch, also while it waits (the iteration then throws the signal's reason). */
  signal?: AbortSignal;
}

/** A group's new posts, each once, for as long as it is iterated. `state` is that of after the
 * last round whose posts were all taken: store it to go on from there later. */
export interface WatchRequest extends AsyncIterable<GroupMail> {
  readonly state: string | null;
  /** Starts a new watch now (iterating starts it too): posts received from then on are new. */
  start(): Promise<void>;
}

/** Binary content: a group photo, or a file attachment's content (`getMessageAttachmentContent`). */
export interface Photo {
  /** The content's media type, e.g. `image/png`, `text/csv`, `application/pdf`. */
  contentType: string;
  bytes: Uint8Array;
}

/** A photo to upload. */
export interface PhotoInput {
  contentType: string;
  bytes: Uint8Array | ArrayBuffer;
}

/** A Graph error response, an unreadable response, or a request that got no answer. */
export class GraphError extends Error {
  readonly name: "GraphError";
  /** `"api"`: the service answered with an error; `"decode"`: the answer was not what was expected;
   * `"transport"`: no answer (status 0); `"uploadExpired"`: the upload session is gone (expired or
   * cancelled): create a new one and upload again. */
  readonly kind: "api" | "decode" | "transport" | "uploadExpired";
  /** HTTP status; 0 when no answer came. */
  readonly status: number;
  /** Graph's `error.code`, e.g. `"ErrorItemNotFound"`, `"Forbidden"`. */
  readonly code: string;
  readonly innerCode?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
  /** Seconds to wait, from `Retry-After`. */
  readonly retryAfter?: number;
  /** For `"decode"` errors: the JSON path of the value that did not fit, e.g. `value[3].from`. */
  readonly path?: string;
  /** For `"uploadExpired"` errors: the session's expiry as the service last gave it. */
  readonly expirationDateTime?: string;
}

/** How `Client.upload` runs. */
export interface UploadOptions {
  /** Called after every chunk the service acknowledged, with the bytes it holds and the total. */
  onProgress?: (sent: number, total: number) => void;
  /** Bytes per chunk: a multiple of 320 KiB (327680), default 3.2 MiB. */
  chunkSize?: number;
  /** Continue an interrupted upload through the same session: the service says what it has. */
  resume?: boolean;
}

/** One operation of the table, as the package sees it. */
export interface OperationInfo {
  /** snake_case, as in Rust and Python. */
  name: string;
  /** camelCase: the method name. */
  jsName: string;
  kind: "list" | "item" | "empty" | "binary";
  output: string;
  /** Whether it works on the client's mailbox (see `Client.mailbox`). */
  mailbox: boolean;
  params: { name: string; jsName: string; type: string; optional: boolean }[];
}

/** Every operation of the table. */
export const operations: readonly OperationInfo[];

/** OData query options and `Prefer` preferences; every field is optional. */
export interface Query {
  /** `$select`: the properties to return. */
  select?: string[];
  /** `$filter`: an OData filter expression. */
  filter?: string;
  /** `$orderby`: sort keys, e.g. `["lastDeliveredDateTime desc"]`. */
  orderby?: string[];
  /** `$top`: page size (at least 1). */
  top?: number;
  /** `$skip`: items to skip. */
  skip?: number;
  /** `$expand`: related entities to include. */
  expand?: string[];
  /** `$search`: search terms (quoted for you). */
  search?: string;
  /** `$count=true`: include `count` in the page. */
  count?: boolean;
  /** `Prefer: outlook.timezone`. */
  timezone?: string;
  /** `Prefer: outlook.body-content-type`. */
  bodyType?: "text" | "html";
  /** `Prefer: odata.maxpagesize`. */
  maxPageSize?: number;
  /** `Prefer: IdType="ImmutableId"`. */
  immutableIds?: boolean;
}

/** Graph `emailAddress` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface EmailAddress {
  name?: string | null;
  address?: string | null;
  [property: string]: unknown;
}

/** Graph `recipient` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Recipient {
  emailAddress?: EmailAddress | null;
  [property: string]: unknown;
}

/** Graph `itemBody` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface ItemBody {
  contentType?: string | null;
  content?: string | null;
  [property: string]: unknown;
}

/** Graph `group` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Group {
  id?: string | null;
  displayName?: string | null;
  description?: string | null;
  mail?: string | null;
  mailNickname?: string | null;
  mailEnabled?: boolean | null;
  securityEnabled?: boolean | null;
  groupTypes?: string[] | null;
  visibility?: string | null;
  classification?: string | null;
  createdDateTime?: string | null;
  renewedDateTime?: string | null;
  expirationDateTime?: string | null;
  proxyAddresses?: string[] | null;
  [property: string]: unknown;
}

/** Graph `user` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface User {
  id?: string | null;
  displayName?: string | null;
  givenName?: string | null;
  surname?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  officeLocation?: string | null;
  businessPhones?: string[] | null;
  mobilePhone?: string | null;
  preferredLanguage?: string | null;
  [property: string]: unknown;
}

/** Graph `directoryObject` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface DirectoryObject {
  "@odata.type"?: string | null;
  id?: string | null;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  [property: string]: unknown;
}

/** Graph `conversation` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Conversation {
  id?: string | null;
  topic?: string | null;
  hasAttachments?: boolean | null;
  lastDeliveredDateTime?: string | null;
  uniqueSenders?: string[] | null;
  preview?: string | null;
  threads?: ConversationThread[] | null;
  [property: string]: unknown;
}

/** Graph `conversation` as a parameter: like `Conversation`, and binary content may be a Uint8Array or ArrayBuffer. */
export interface ConversationInput {
  id?: string | null;
  topic?: string | null;
  hasAttachments?: boolean | null;
  lastDeliveredDateTime?: string | null;
  uniqueSenders?: string[] | null;
  preview?: string | null;
  threads?: ConversationThreadInput[] | null;
  [property: string]: unknown;
}

/** Graph `conversationThread` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface ConversationThread {
  id?: string | null;
  topic?: string | null;
  toRecipients?: Recipient[] | null;
  ccRecipients?: Recipient[] | null;
  hasAttachments?: boolean | null;
  isLocked?: boolean | null;
  lastDeliveredDateTime?: string | null;
  uniqueSenders?: string[] | null;
  preview?: string | null;
  posts?: Post[] | null;
  [property: string]: unknown;
}

/** Graph `conversationThread` as a parameter: like `ConversationThread`, and binary content may be a Uint8Array or ArrayBuffer. */
export interface ConversationThreadInput {
  id?: string | null;
  topic?: string | null;
  toRecipients?: Recipient[] | null;
  ccRecipients?: Recipient[] | null;
  hasAttachments?: boolean | null;
  isLocked?: boolean | null;
  lastDeliveredDateTime?: string | null;
  uniqueSenders?: string[] | null;
  preview?: string | null;
  posts?: PostInput[] | null;
  [property: string]: unknown;
}

/** Graph `post` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Post {
  id?: string | null;
  body?: ItemBody | null;
  from?: Recipient | null;
  sender?: Recipient | null;
  receivedDateTime?: string | null;
  createdDateTime?: string | null;
  lastModifiedDateTime?: string | null;
  changeKey?: string | null;
  categories?: string[] | null;
  hasAttachments?: boolean | null;
  newParticipants?: Recipient[] | null;
  conversationId?: string | null;
  conversationThreadId?: string | null;
  inReplyTo?: Post | null;
  attachments?: Attachment[] | null;
  [property: string]: unknown;
}

/** Graph `post` as a parameter: like `Post`, and binary content may be a Uint8Array or ArrayBuffer. */
export interface PostInput {
  id?: string | null;
  body?: ItemBody | null;
  from?: Recipient | null;
  sender?: Recipient | null;
  receivedDateTime?: string | null;
  createdDateTime?: string | null;
  lastModifiedDateTime?: string | null;
  changeKey?: string | null;
  categories?: string[] | null;
  hasAttachments?: boolean | null;
  newParticipants?: Recipient[] | null;
  conversationId?: string | null;
  conversationThreadId?: string | null;
  inReplyTo?: PostInput | null;
  attachments?: AttachmentInput[] | null;
  [property: string]: unknown;
}

/** Graph `groupMail` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface GroupMail {
  conversation?: Conversation | null;
  thread?: ConversationThread | null;
  post?: Post | null;
  [property: string]: unknown;
}

/** Graph `groupMail` as a parameter: like `GroupMail`, and binary content may be a Uint8Array or ArrayBuffer. */
export interface GroupMailInput {
  conversation?: ConversationInput | null;
  thread?: ConversationThreadInput | null;
  post?: PostInput | null;
  [property: string]: unknown;
}

/** Graph `attachment` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Attachment {
  "@odata.type"?: string | null;
  id?: string | null;
  name?: string | null;
  contentType?: string | null;
  size?: number | null;
  isInline?: boolean | null;
  lastModifiedDateTime?: string | null;
  contentBytes?: string | null;
  contentId?: string | null;
  contentLocation?: string | null;
  item?: unknown | null;
  sourceUrl?: string | null;
  [property: string]: unknown;
}

/** Graph `attachment` as a parameter: like `Attachment`, and binary content may be a Uint8Array or ArrayBuffer. */
export interface AttachmentInput {
  "@odata.type"?: string | null;
  id?: string | null;
  name?: string | null;
  contentType?: string | null;
  size?: number | null;
  isInline?: boolean | null;
  lastModifiedDateTime?: string | null;
  contentBytes?: string | Uint8Array | ArrayBuffer | null;
  contentId?: string | null;
  contentLocation?: string | null;
  item?: unknown | null;
  sourceUrl?: string | null;
  [property: string]: unknown;
}

/** Graph `driveItem` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface DriveItem {
  audio?: unknown | null;
  cTag?: string | null;
  createdBy?: unknown | null;
  createdDateTime?: string | null;
  deleted?: unknown | null;
  description?: string | null;
  eTag?: string | null;
  file?: File | null;
  fileSystemInfo?: unknown | null;
  folder?: Folder | null;
  id?: string | null;
  image?: unknown | null;
  lastModifiedBy?: unknown | null;
  lastModifiedDateTime?: string | null;
  location?: unknown | null;
  name?: string | null;
  package?: unknown | null;
  parentReference?: ItemReference | null;
  pendingOperations?: unknown | null;
  photo?: unknown | null;
  publication?: unknown | null;
  remoteItem?: unknown | null;
  root?: unknown | null;
  searchResult?: unknown | null;
  shared?: unknown | null;
  sharepointIds?: unknown | null;
  size?: number | null;
  specialFolder?: unknown | null;
  video?: unknown | null;
  webDavUrl?: string | null;
  webUrl?: string | null;
  [property: string]: unknown;
}

/** Graph `folder` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Folder {
  childCount?: number | null;
  view?: unknown | null;
  [property: string]: unknown;
}

/** Graph `file` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface File {
  hashes?: Hashes | null;
  mimeType?: string | null;
  [property: string]: unknown;
}

/** Graph `hashes` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Hashes {
  crc32Hash?: string | null;
  quickXorHash?: string | null;
  sha1Hash?: string | null;
  sha256Hash?: string | null;
  [property: string]: unknown;
}

/** Graph `itemReference` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface ItemReference {
  driveId?: string | null;
  driveType?: string | null;
  id?: string | null;
  name?: string | null;
  path?: string | null;
  shareId?: string | null;
  sharepointIds?: unknown | null;
  siteId?: string | null;
  [property: string]: unknown;
}

/** Graph `uploadSession` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface UploadSession {
  expirationDateTime?: string | null;
  nextExpectedRanges?: string[] | null;
  uploadUrl?: string | null;
  [property: string]: unknown;
}

/** Graph `attachmentItem` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface AttachmentItem {
  attachmentType?: string | null;
  contentType?: string | null;
  isInline?: boolean | null;
  name?: string | null;
  size?: number | null;
  [property: string]: unknown;
}

/** Graph `dateTimeTimeZone` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface DateTimeTimeZone {
  dateTime?: string | null;
  timeZone?: string | null;
  [property: string]: unknown;
}

/** Graph `localeInfo` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface LocaleInfo {
  locale?: string | null;
  displayName?: string | null;
  [property: string]: unknown;
}

/** Graph `timeZoneInformation` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface TimeZoneInformation {
  alias?: string | null;
  displayName?: string | null;
  [property: string]: unknown;
}

/** Graph `timeZoneBase` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface TimeZoneBase {
  "@odata.type"?: string | null;
  name?: string | null;
  [property: string]: unknown;
}

/** Graph `workingHours` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface WorkingHours {
  daysOfWeek?: string[] | null;
  startTime?: string | null;
  endTime?: string | null;
  timeZone?: TimeZoneBase | null;
  [property: string]: unknown;
}

/** Graph `message` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Message {
  id?: string | null;
  createdDateTime?: string | null;
  lastModifiedDateTime?: string | null;
  changeKey?: string | null;
  categories?: string[] | null;
  receivedDateTime?: string | null;
  sentDateTime?: string | null;
  hasAttachments?: boolean | null;
  internetMessageId?: string | null;
  internetMessageHeaders?: InternetMessageHeader[] | null;
  subject?: string | null;
  body?: ItemBody | null;
  bodyPreview?: string | null;
  uniqueBody?: ItemBody | null;
  importance?: string | null;
  parentFolderId?: string | null;
  sender?: Recipient | null;
  from?: Recipient | null;
  toRecipients?: Recipient[] | null;
  ccRecipients?: Recipient[] | null;
  bccRecipients?: Recipient[] | null;
  replyTo?: Recipient[] | null;
  conversationId?: string | null;
  conversationIndex?: string | null;
  isDeliveryReceiptRequested?: boolean | null;
  isReadReceiptRequested?: boolean | null;
  isRead?: boolean | null;
  isDraft?: boolean | null;
  webLink?: string | null;
  inferenceClassification?: string | null;
  flag?: FollowupFlag | null;
  attachments?: Attachment[] | null;
  mentions?: Mention[] | null;
  mentionsPreview?: MentionsPreview | null;
  [property: string]: unknown;
}

/** Graph `message` as a parameter: like `Message`, and binary content may be a Uint8Array or ArrayBuffer. */
export interface MessageInput {
  id?: string | null;
  createdDateTime?: string | null;
  lastModifiedDateTime?: string | null;
  changeKey?: string | null;
  categories?: string[] | null;
  receivedDateTime?: string | null;
  sentDateTime?: string | null;
  hasAttachments?: boolean | null;
  internetMessageId?: string | null;
  internetMessageHeaders?: InternetMessageHeader[] | null;
  subject?: string | null;
  body?: ItemBody | null;
  bodyPreview?: string | null;
  uniqueBody?: ItemBody | null;
  importance?: string | null;
  parentFolderId?: string | null;
  sender?: Recipient | null;
  from?: Recipient | null;
  toRecipients?: Recipient[] | null;
  ccRecipients?: Recipient[] | null;
  bccRecipients?: Recipient[] | null;
  replyTo?: Recipient[] | null;
  conversationId?: string | null;
  conversationIndex?: string | null;
  isDeliveryReceiptRequested?: boolean | null;
  isReadReceiptRequested?: boolean | null;
  isRead?: boolean | null;
  isDraft?: boolean | null;
  webLink?: string | null;
  inferenceClassification?: string | null;
  flag?: FollowupFlag | null;
  attachments?: AttachmentInput[] | null;
  mentions?: Mention[] | null;
  mentionsPreview?: MentionsPreview | null;
  [property: string]: unknown;
}

/** Graph `internetMessageHeader` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface InternetMessageHeader {
  name?: string | null;
  value?: string | null;
  [property: string]: unknown;
}

/** Graph `followupFlag` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface FollowupFlag {
  flagStatus?: string | null;
  startDateTime?: DateTimeTimeZone | null;
  dueDateTime?: DateTimeTimeZone | null;
  completedDateTime?: DateTimeTimeZone | null;
  [property: string]: unknown;
}

/** Graph `mention` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Mention {
  id?: string | null;
  mentioned?: EmailAddress | null;
  mentionText?: string | null;
  clientReference?: string | null;
  createdBy?: EmailAddress | null;
  createdDateTime?: string | null;
  serverCreatedDateTime?: string | null;
  deepLink?: string | null;
  application?: string | null;
  [property: string]: unknown;
}

/** Graph `mentionsPreview` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MentionsPreview {
  isMentioned?: boolean | null;
  [property: string]: unknown;
}

/** Graph `mailFolder` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MailFolder {
  id?: string | null;
  displayName?: string | null;
  parentFolderId?: string | null;
  childFolderCount?: number | null;
  unreadItemCount?: number | null;
  totalItemCount?: number | null;
  isHidden?: boolean | null;
  [property: string]: unknown;
}

/** Graph `mailboxSettings` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MailboxSettings {
  archiveFolder?: string | null;
  automaticRepliesSetting?: AutomaticRepliesSetting | null;
  dateFormat?: string | null;
  timeFormat?: string | null;
  timeZone?: string | null;
  language?: LocaleInfo | null;
  workingHours?: WorkingHours | null;
  delegateMeetingMessageDeliveryOptions?: string | null;
  userPurpose?: string | null;
  [property: string]: unknown;
}

/** Graph `automaticRepliesSetting` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface AutomaticRepliesSetting {
  status?: string | null;
  externalAudience?: string | null;
  scheduledStartDateTime?: DateTimeTimeZone | null;
  scheduledEndDateTime?: DateTimeTimeZone | null;
  internalReplyMessage?: string | null;
  externalReplyMessage?: string | null;
  [property: string]: unknown;
}

/** Graph `inferenceClassificationOverride` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface InferenceClassificationOverride {
  id?: string | null;
  classifyAs?: string | null;
  senderEmailAddress?: EmailAddress | null;
  [property: string]: unknown;
}

/** Graph `mailTips` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MailTips {
  emailAddress?: EmailAddress | null;
  automaticReplies?: AutomaticRepliesMailTips | null;
  mailboxFull?: boolean | null;
  customMailTip?: string | null;
  externalMemberCount?: number | null;
  totalMemberCount?: number | null;
  deliveryRestricted?: boolean | null;
  isModerated?: boolean | null;
  recipientScope?: string | null;
  recipientSuggestions?: Recipient[] | null;
  maxMessageSize?: number | null;
  error?: MailTipsError | null;
  [property: string]: unknown;
}

/** Graph `automaticRepliesMailTips` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface AutomaticRepliesMailTips {
  message?: string | null;
  messageLanguage?: LocaleInfo | null;
  scheduledStartTime?: DateTimeTimeZone | null;
  scheduledEndTime?: DateTimeTimeZone | null;
  [property: string]: unknown;
}

/** Graph `mailTipsError` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MailTipsError {
  code?: string | null;
  message?: string | null;
  [property: string]: unknown;
}

/** Graph `messageRule` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MessageRule {
  id?: string | null;
  displayName?: string | null;
  sequence?: number | null;
  isEnabled?: boolean | null;
  hasError?: boolean | null;
  isReadOnly?: boolean | null;
  conditions?: MessageRulePredicates | null;
  exceptions?: MessageRulePredicates | null;
  actions?: MessageRuleActions | null;
  [property: string]: unknown;
}

/** Graph `messageRulePredicates` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MessageRulePredicates {
  bodyContains?: string[] | null;
  bodyOrSubjectContains?: string[] | null;
  categories?: string[] | null;
  fromAddresses?: Recipient[] | null;
  hasAttachments?: boolean | null;
  headerContains?: string[] | null;
  importance?: string | null;
  isApprovalRequest?: boolean | null;
  isAutomaticForward?: boolean | null;
  isAutomaticReply?: boolean | null;
  isEncrypted?: boolean | null;
  isMeetingRequest?: boolean | null;
  isMeetingResponse?: boolean | null;
  isNonDeliveryReport?: boolean | null;
  isPermissionControlled?: boolean | null;
  isReadReceipt?: boolean | null;
  isSigned?: boolean | null;
  isVoicemail?: boolean | null;
  messageActionFlag?: string | null;
  notSentToMe?: boolean | null;
  recipientContains?: string[] | null;
  senderContains?: string[] | null;
  sensitivity?: string | null;
  sentCcMe?: boolean | null;
  sentOnlyToMe?: boolean | null;
  sentToAddresses?: Recipient[] | null;
  sentToMe?: boolean | null;
  sentToOrCcMe?: boolean | null;
  subjectContains?: string[] | null;
  withinSizeRange?: SizeRange | null;
  [property: string]: unknown;
}

/** Graph `sizeRange` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface SizeRange {
  minimumSize?: number | null;
  maximumSize?: number | null;
  [property: string]: unknown;
}

/** Graph `messageRuleActions` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MessageRuleActions {
  assignCategories?: string[] | null;
  copyToFolder?: string | null;
  delete?: boolean | null;
  forwardAsAttachmentTo?: Recipient[] | null;
  forwardTo?: Recipient[] | null;
  markAsRead?: boolean | null;
  markImportance?: string | null;
  moveToFolder?: string | null;
  permanentDelete?: boolean | null;
  redirectTo?: Recipient[] | null;
  stopProcessingRules?: boolean | null;
  [property: string]: unknown;
}

/** Graph `event` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Event {
  id?: string | null;
  createdDateTime?: string | null;
  lastModifiedDateTime?: string | null;
  changeKey?: string | null;
  categories?: string[] | null;
  transactionId?: string | null;
  originalStartTimeZone?: string | null;
  originalEndTimeZone?: string | null;
  iCalUId?: string | null;
  uid?: string | null;
  reminderMinutesBeforeStart?: number | null;
  isReminderOn?: boolean | null;
  hasAttachments?: boolean | null;
  subject?: string | null;
  body?: ItemBody | null;
  bodyPreview?: string | null;
  importance?: string | null;
  sensitivity?: string | null;
  start?: DateTimeTimeZone | null;
  originalStart?: string | null;
  end?: DateTimeTimeZone | null;
  location?: Location | null;
  locations?: Location[] | null;
  isAllDay?: boolean | null;
  isCancelled?: boolean | null;
  isDraft?: boolean | null;
  isOrganizer?: boolean | null;
  isOnlineMeeting?: boolean | null;
  onlineMeetingProvider?: string | null;
  onlineMeeting?: OnlineMeetingInfo | null;
  onlineMeetingUrl?: string | null;
  recurrence?: PatternedRecurrence | null;
  responseRequested?: boolean | null;
  seriesMasterId?: string | null;
  showAs?: string | null;
  type?: string | null;
  attendees?: Attendee[] | null;
  organizer?: Recipient | null;
  webLink?: string | null;
  responseStatus?: ResponseStatus | null;
  allowNewTimeProposals?: boolean | null;
  hideAttendees?: boolean | null;
  attachments?: Attachment[] | null;
  [property: string]: unknown;
}

/** Graph `event` as a parameter: like `Event`, and binary content may be a Uint8Array or ArrayBuffer. */
export interface EventInput {
  id?: string | null;
  createdDateTime?: string | null;
  lastModifiedDateTime?: string | null;
  changeKey?: string | null;
  categories?: string[] | null;
  transactionId?: string | null;
  originalStartTimeZone?: string | null;
  originalEndTimeZone?: string | null;
  iCalUId?: string | null;
  uid?: string | null;
  reminderMinutesBeforeStart?: number | null;
  isReminderOn?: boolean | null;
  hasAttachments?: boolean | null;
  subject?: string | null;
  body?: ItemBody | null;
  bodyPreview?: string | null;
  importance?: string | null;
  sensitivity?: string | null;
  start?: DateTimeTimeZone | null;
  originalStart?: string | null;
  end?: DateTimeTimeZone | null;
  location?: Location | null;
  locations?: Location[] | null;
  isAllDay?: boolean | null;
  isCancelled?: boolean | null;
  isDraft?: boolean | null;
  isOrganizer?: boolean | null;
  isOnlineMeeting?: boolean | null;
  onlineMeetingProvider?: string | null;
  onlineMeeting?: OnlineMeetingInfo | null;
  onlineMeetingUrl?: string | null;
  recurrence?: PatternedRecurrence | null;
  responseRequested?: boolean | null;
  seriesMasterId?: string | null;
  showAs?: string | null;
  type?: string | null;
  attendees?: Attendee[] | null;
  organizer?: Recipient | null;
  webLink?: string | null;
  responseStatus?: ResponseStatus | null;
  allowNewTimeProposals?: boolean | null;
  hideAttendees?: boolean | null;
  attachments?: AttachmentInput[] | null;
  [property: string]: unknown;
}

/** Graph `location` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Location {
  displayName?: string | null;
  locationEmailAddress?: string | null;
  locationUri?: string | null;
  locationType?: string | null;
  uniqueId?: string | null;
  uniqueIdType?: string | null;
  address?: PhysicalAddress | null;
  coordinates?: OutlookGeoCoordinates | null;
  [property: string]: unknown;
}

/** Graph `physicalAddress` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface PhysicalAddress {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  countryOrRegion?: string | null;
  postalCode?: string | null;
  [property: string]: unknown;
}

/** Graph `outlookGeoCoordinates` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface OutlookGeoCoordinates {
  latitude?: number | null;
  longitude?: number | null;
  altitude?: number | null;
  accuracy?: number | null;
  altitudeAccuracy?: number | null;
  [property: string]: unknown;
}

/** Graph `attendee` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Attendee {
  type?: string | null;
  emailAddress?: EmailAddress | null;
  status?: ResponseStatus | null;
  proposedNewTime?: TimeSlot | null;
  [property: string]: unknown;
}

/** Graph `attendeeBase` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface AttendeeBase {
  type?: string | null;
  emailAddress?: EmailAddress | null;
  [property: string]: unknown;
}

/** Graph `responseStatus` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface ResponseStatus {
  response?: string | null;
  time?: string | null;
  [property: string]: unknown;
}

/** Graph `timeSlot` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface TimeSlot {
  start?: DateTimeTimeZone | null;
  end?: DateTimeTimeZone | null;
  [property: string]: unknown;
}

/** Graph `patternedRecurrence` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface PatternedRecurrence {
  pattern?: RecurrencePattern | null;
  range?: RecurrenceRange | null;
  [property: string]: unknown;
}

/** Graph `recurrencePattern` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface RecurrencePattern {
  type?: string | null;
  interval?: number | null;
  month?: number | null;
  dayOfMonth?: number | null;
  daysOfWeek?: string[] | null;
  firstDayOfWeek?: string | null;
  index?: string | null;
  [property: string]: unknown;
}

/** Graph `recurrenceRange` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface RecurrenceRange {
  type?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  recurrenceTimeZone?: string | null;
  numberOfOccurrences?: number | null;
  [property: string]: unknown;
}

/** Graph `onlineMeetingInfo` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface OnlineMeetingInfo {
  joinUrl?: string | null;
  conferenceId?: string | null;
  tollNumber?: string | null;
  tollFreeNumbers?: string[] | null;
  quickDial?: string | null;
  phones?: unknown[] | null;
  [property: string]: unknown;
}

/** Graph `calendar` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Calendar {
  id?: string | null;
  name?: string | null;
  color?: string | null;
  hexColor?: string | null;
  isDefaultCalendar?: boolean | null;
  changeKey?: string | null;
  canShare?: boolean | null;
  canViewPrivateItems?: boolean | null;
  canEdit?: boolean | null;
  isRemovable?: boolean | null;
  isTallyingResponses?: boolean | null;
  allowedOnlineMeetingProviders?: string[] | null;
  defaultOnlineMeetingProvider?: string | null;
  owner?: EmailAddress | null;
  [property: string]: unknown;
}

/** Graph `calendarGroup` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface CalendarGroup {
  id?: string | null;
  name?: string | null;
  classId?: string | null;
  changeKey?: string | null;
  [property: string]: unknown;
}

/** Graph `calendarPermission` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface CalendarPermission {
  id?: string | null;
  emailAddress?: EmailAddress | null;
  isRemovable?: boolean | null;
  isInsideOrganization?: boolean | null;
  role?: string | null;
  allowedRoles?: string[] | null;
  [property: string]: unknown;
}

/** Graph `reminder` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Reminder {
  eventId?: string | null;
  eventStartTime?: DateTimeTimeZone | null;
  eventEndTime?: DateTimeTimeZone | null;
  changeKey?: string | null;
  eventSubject?: string | null;
  eventLocation?: Location | null;
  eventWebLink?: string | null;
  reminderFireTime?: DateTimeTimeZone | null;
  [property: string]: unknown;
}

/** Graph `meetingTimeSuggestionsResult` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MeetingTimeSuggestionsResult {
  meetingTimeSuggestions?: MeetingTimeSuggestion[] | null;
  emptySuggestionsReason?: string | null;
  [property: string]: unknown;
}

/** Graph `meetingTimeSuggestion` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface MeetingTimeSuggestion {
  confidence?: number | null;
  order?: number | null;
  organizerAvailability?: string | null;
  suggestionReason?: string | null;
  meetingTimeSlot?: TimeSlot | null;
  attendeeAvailability?: AttendeeAvailability[] | null;
  locations?: Location[] | null;
  [property: string]: unknown;
}

/** Graph `attendeeAvailability` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface AttendeeAvailability {
  attendee?: AttendeeBase | null;
  availability?: string | null;
  [property: string]: unknown;
}

/** Graph `timeConstraint` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface TimeConstraint {
  activityDomain?: string | null;
  timeSlots?: TimeSlot[] | null;
  [property: string]: unknown;
}

/** Graph `locationConstraint` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface LocationConstraint {
  isRequired?: boolean | null;
  suggestLocation?: boolean | null;
  locations?: LocationConstraintItem[] | null;
  [property: string]: unknown;
}

/** Graph `locationConstraintItem` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface LocationConstraintItem {
  displayName?: string | null;
  locationEmailAddress?: string | null;
  resolveAvailability?: boolean | null;
  [property: string]: unknown;
}

/** Graph `scheduleInformation` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface ScheduleInformation {
  scheduleId?: string | null;
  availabilityView?: string | null;
  scheduleItems?: ScheduleItem[] | null;
  workingHours?: WorkingHours | null;
  error?: FreeBusyError | null;
  [property: string]: unknown;
}

/** Graph `scheduleItem` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface ScheduleItem {
  start?: DateTimeTimeZone | null;
  end?: DateTimeTimeZone | null;
  isPrivate?: boolean | null;
  status?: string | null;
  subject?: string | null;
  location?: string | null;
  [property: string]: unknown;
}

/** Graph `freeBusyError` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface FreeBusyError {
  message?: string | null;
  responseCode?: string | null;
  [property: string]: unknown;
}

/** Graph `room` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface Room {
  id?: string | null;
  displayName?: string | null;
  emailAddress?: string | null;
  address?: PhysicalAddress | null;
  geoCoordinates?: OutlookGeoCoordinates | null;
  phone?: string | null;
  nickname?: string | null;
  building?: string | null;
  floorNumber?: number | null;
  floorLabel?: string | null;
  label?: string | null;
  capacity?: number | null;
  bookingType?: string | null;
  audioDeviceName?: string | null;
  videoDeviceName?: string | null;
  displayDeviceName?: string | null;
  isWheelChairAccessible?: boolean | null;
  tags?: string[] | null;
  [property: string]: unknown;
}

/** Graph `roomList` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */
export interface RoomList {
  id?: string | null;
  displayName?: string | null;
  emailAddress?: string | null;
  address?: PhysicalAddress | null;
  geoCoordinates?: OutlookGeoCoordinates | null;
  phone?: string | null;
  [property: string]: unknown;
}

/** A Microsoft Graph client: one method per operation of the o365kit table. */
export class Client {
  constructor(options: ClientOptions);
  /** The versioned base URL, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;
  /** The mailbox mail operations work on: `"me"` or the id or user principal name given. */
  readonly mailboxId: string;
  /** A client on another mailbox (a shared mailbox, or another user's you have been granted),
   * with the same token source and settings: `client.mailbox("support@contoso.com").listMessages()`.
   * `"me"` is the signed-in user's. Mail operations then go to `/users/{id}` instead of `/me`;
   * without access Graph answers 403 (a `GraphError`). */
  mailbox(id: string): Client;
  /** Runs calls together in JSON batches (20 per round trip; throttled items are sent again after
   * their Retry-After): each call is `[method, ...args]` or `{ call, dependsOn }` (indexes of earlier
   * calls that must succeed first, else that call's error is Graph's 424). Resolves to one result
   * per call, in order; a list method's value is its first page. A sync cannot be batched. */
  batch(calls: readonly (BatchCall | { call: BatchCall; dependsOn?: readonly number[] })[]): Promise<BatchResult[]>;
  /** Uploads a file through an upload session (`createDriveUploadSession`, `createMessageUploadSession`,
   * `createEventUploadSession`) with the core's machine: chunks of a multiple of 320 KiB, failed chunks
   * resumed from the service's `nextExpectedRanges`, and never the token to the (pre-authenticated)
   * upload URL. `source`: a Blob or File (read slice by slice), a Uint8Array or an ArrayBuffer.
   * Resolves to the drive item, or to the attachment (holding its id). */
  upload(session: UploadSession, source: Blob | Uint8Array | ArrayBuffer, options?: UploadOptions): Promise<DriveItem | Attachment>;
  /** Each new post of group `groupId` once, with its thread and conversation (what the Logic Apps
   * trigger "When a new email arrives in a group" gives), polling every `intervalMs`: as few
   * requests as Graph allows, throttling honoured, and resumable from `state` without losing or
   * repeating a post. */
  watchGroupMail(groupId: string, options?: WatchOptions): WatchRequest;

  /**
   * List the groups in the organization.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listGroups(query?: Query): ListRequest<Group>;

  /**
   * Get a group's properties.
   * @param groupId The group's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getGroup(groupId: string, query?: Query): Promise<Group>;

  /**
   * Create a group. `Group::unified(name, nickname)` gives a Microsoft 365 group.
   * @param group The group's properties; only those set are sent.
   */
  createGroup(group: Group): Promise<Group>;

  /**
   * Update a group's properties; only the properties set are sent.
   * @param groupId The group's id.
   * @param group The group's properties; only those set are sent.
   */
  updateGroup(groupId: string, group: Group): Promise<void>;

  /**
   * Delete a group (Microsoft 365 groups go to the recycle bin for 30 days).
   * @param groupId The group's id.
   */
  deleteGroup(groupId: string): Promise<void>;

  /**
   * List the groups the signed-in user is a direct member of.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listJoinedGroups(query?: Query): ListRequest<Group>;

  /**
   * List a group's direct members.
   * @param groupId The group's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listGroupMembers(groupId: string, query?: Query): ListRequest<DirectoryObject>;

  /**
   * Add a user (or other directory object) to a group's members.
   * @param groupId The group's id.
   * @param memberId The id of the user (or other directory object) to add or remove as member.
   */
  addGroupMember(groupId: string, memberId: string): Promise<void>;

  /**
   * Remove a member from a group.
   * @param groupId The group's id.
   * @param memberId The id of the user (or other directory object) to add or remove as member.
   */
  removeGroupMember(groupId: string, memberId: string): Promise<void>;

  /**
   * List a group's owners.
   * @param groupId The group's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listGroupOwners(groupId: string, query?: Query): ListRequest<DirectoryObject>;

  /**
   * Add an owner to a group.
   * @param groupId The group's id.
   * @param ownerId The id of the user to add or remove as owner.
   */
  addGroupOwner(groupId: string, ownerId: string): Promise<void>;

  /**
   * Remove an owner from a group.
   * @param groupId The group's id.
   * @param ownerId The id of the user to add or remove as owner.
   */
  removeGroupOwner(groupId: string, ownerId: string): Promise<void>;

  /**
   * Get a group's photo: its bytes and media type.
   * @param groupId The group's id.
   */
  getGroupPhoto(groupId: string): Promise<Photo>;

  /**
   * Set a group's photo (JPEG or PNG, at most 4 MB).
   * @param groupId The group's id.
   * @param photo The image bytes and their media type (image/jpeg or image/png).
   */
  setGroupPhoto(groupId: string, photo: PhotoInput): Promise<void>;

  /**
   * List a group's conversations.
   * @param groupId The group's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listConversations(groupId: string, query?: Query): ListRequest<Conversation>;

  /**
   * Get one conversation of a group.
   * @param groupId The group's id.
   * @param conversationId The conversation's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getConversation(groupId: string, conversationId: string, query?: Query): Promise<Conversation>;

  /**
   * Start a conversation: its topic and first post. The result carries the new thread ids.
   * @param groupId The group's id.
   * @param topic The conversation topic (subject).
   * @param post The post to send: its body (a plain string is HTML), and optionally new participants and attachments.
   */
  createConversation(groupId: string, topic: string, post: PostInput | string): Promise<Conversation>;

  /**
   * Delete a conversation and all its threads.
   * @param groupId The group's id.
   * @param conversationId The conversation's id.
   */
  deleteConversation(groupId: string, conversationId: string): Promise<void>;

  /**
   * List the threads of one conversation.
   * @param groupId The group's id.
   * @param conversationId The conversation's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listConversationThreads(groupId: string, conversationId: string, query?: Query): ListRequest<ConversationThread>;

  /**
   * List all threads of a group.
   * @param groupId The group's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listGroupThreads(groupId: string, query?: Query): ListRequest<ConversationThread>;

  /**
   * Get one thread of a group.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getThread(groupId: string, threadId: string, query?: Query): Promise<ConversationThread>;

  /**
   * Start a new conversation by creating a thread: topic and first post.
   * @param groupId The group's id.
   * @param topic The conversation topic (subject).
   * @param post The post to send: its body (a plain string is HTML), and optionally new participants and attachments.
   */
  createThread(groupId: string, topic: string, post: PostInput | string): Promise<ConversationThread>;

  /**
   * Add a thread to an existing conversation.
   * @param groupId The group's id.
   * @param conversationId The conversation's id.
   * @param post The post to send: its body (a plain string is HTML), and optionally new participants and attachments.
   */
  createConversationThread(groupId: string, conversationId: string, post: PostInput | string): Promise<ConversationThread>;

  /**
   * Update a thread's properties (e.g. `is_locked`); only the properties set are sent.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param thread The thread's properties; only those set are sent.
   */
  updateThread(groupId: string, threadId: string, thread: ConversationThreadInput): Promise<void>;

  /**
   * Delete a thread.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   */
  deleteThread(groupId: string, threadId: string): Promise<void>;

  /**
   * Reply to a thread with a new post.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param post The post to send: its body (a plain string is HTML), and optionally new participants and attachments.
   */
  replyToThread(groupId: string, threadId: string, post: PostInput | string): Promise<void>;

  /**
   * List the posts of a thread.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listPosts(groupId: string, threadId: string, query?: Query): ListRequest<Post>;

  /**
   * Get one post.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param postId The post's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getPost(groupId: string, threadId: string, postId: string, query?: Query): Promise<Post>;

  /**
   * Reply to a post; the reply joins the same thread.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param postId The post's id.
   * @param post The post to send: its body (a plain string is HTML), and optionally new participants and attachments.
   */
  replyToPost(groupId: string, threadId: string, postId: string, post: PostInput | string): Promise<void>;

  /**
   * Forward a post to recipients, with an optional comment.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param postId The post's id.
   * @param comment A comment to send with the reply or forward.
   * @param toRecipients Who to forward to (email addresses or recipients).
   */
  forwardPost(groupId: string, threadId: string, postId: string, comment: string | null | undefined, toRecipients: Array<Recipient | string>): Promise<void>;

  /**
   * List a post's attachments.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param postId The post's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listPostAttachments(groupId: string, threadId: string, postId: string, query?: Query): ListRequest<Attachment>;

  /**
   * Get one attachment of a post, with its content.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param postId The post's id.
   * @param attachmentId The attachment's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getPostAttachment(groupId: string, threadId: string, postId: string, attachmentId: string, query?: Query): Promise<Attachment>;

  /**
   * List the messages of the mailbox (all folders), newest first.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listMessages(query?: Query): ListRequest<Message>;

  /**
   * List the messages of one folder (an id or a well-known name such as "inbox").
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listFolderMessages(folderId: string, query?: Query): ListRequest<Message>;

  /**
   * Get one message.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getMessage(messageId: string, query?: Query): Promise<Message>;

  /**
   * Create a draft message in Drafts.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  createMessage(message: MessageInput): Promise<Message>;

  /**
   * Create a message (a draft) in a folder.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  createFolderMessage(folderId: string, message: MessageInput): Promise<Message>;

  /**
   * Update a message's properties; only the properties set are sent.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  updateMessage(messageId: string, message: MessageInput): Promise<Message>;

  /**
   * Delete a message (it moves to Deleted Items; deleting it there removes it).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   */
  deleteMessage(messageId: string): Promise<void>;

  /**
   * Send a new message at once; a copy goes to Sent Items unless `save_to_sent_items` is false.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   * @param saveToSentItems Whether to keep a copy in Sent Items (default true).
   */
  sendMail(message: MessageInput, saveToSentItems?: boolean | null): Promise<void>;

  /**
   * Send a draft.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   */
  sendMessage(messageId: string): Promise<void>;

  /**
   * Reply to the sender, with a comment and/or message properties to update.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param comment A comment to send with the reply or forward.
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  replyToMessage(messageId: string, comment?: string | null, message?: MessageInput | null): Promise<void>;

  /**
   * Reply to the sender and every recipient.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param comment A comment to send with the reply or forward.
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  replyAllToMessage(messageId: string, comment?: string | null, message?: MessageInput | null): Promise<void>;

  /**
   * Forward a message to recipients, with an optional comment.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param toRecipients Who to forward to (email addresses or recipients).
   * @param comment A comment to send with the reply or forward.
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  forwardMessage(messageId: string, toRecipients: Array<Recipient | string>, comment?: string | null, message?: MessageInput | null): Promise<void>;

  /**
   * Create a draft reply to the sender; returns the draft.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param comment A comment to send with the reply or forward.
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  createReply(messageId: string, comment?: string | null, message?: MessageInput | null): Promise<Message>;

  /**
   * Create a draft reply to the sender and every recipient; returns the draft.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param comment A comment to send with the reply or forward.
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  createReplyAll(messageId: string, comment?: string | null, message?: MessageInput | null): Promise<Message>;

  /**
   * Create a draft forward; returns the draft.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param toRecipients Who to forward to (email addresses or recipients).
   * @param comment A comment to send with the reply or forward.
   * @param message The message: subject, body, recipients... (for replies and forwards: properties to update).
   */
  createForward(messageId: string, toRecipients?: Array<Recipient | string> | null, comment?: string | null, message?: MessageInput | null): Promise<Message>;

  /**
   * Move a message to a folder; returns the message under its new id.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param destinationId The destination folder's id, or a well-known name (inbox, archive, deleteditems...).
   */
  moveMessage(messageId: string, destinationId: string): Promise<Message>;

  /**
   * Copy a message to a folder; returns the copy.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param destinationId The destination folder's id, or a well-known name (inbox, archive, deleteditems...).
   */
  copyMessage(messageId: string, destinationId: string): Promise<Message>;

  /**
   * Unsubscribe from a mailing list by the message's List-Unsubscribe mailto header (beta).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   */
  unsubscribeMessage(messageId: string): Promise<void>;

  /**
   * List a message's attachments.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listMessageAttachments(messageId: string, query?: Query): ListRequest<Attachment>;

  /**
   * Get one attachment of a message.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param attachmentId The attachment's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getMessageAttachment(messageId: string, attachmentId: string, query?: Query): Promise<Attachment>;

  /**
   * Attach a file (at most 3 MB), an item or a reference to a message.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param attachment The attachment: a file (name, content_bytes), an item or a reference.
   */
  addMessageAttachment(messageId: string, attachment: AttachmentInput): Promise<Attachment>;

  /**
   * Remove an attachment from a message.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param attachmentId The attachment's id.
   */
  deleteMessageAttachment(messageId: string, attachmentId: string): Promise<void>;

  /**
   * Get an attachment's raw content and media type.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param attachmentId The attachment's id.
   */
  getMessageAttachmentContent(messageId: string, attachmentId: string): Promise<Photo>;

  /**
   * List the top-level mail folders.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listMailFolders(query?: Query): ListRequest<MailFolder>;

  /**
   * List a folder's child folders.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listChildFolders(folderId: string, query?: Query): ListRequest<MailFolder>;

  /**
   * Get a mail folder (an id or a well-known name such as "inbox").
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getMailFolder(folderId: string, query?: Query): Promise<MailFolder>;

  /**
   * Create a top-level mail folder.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folder The folder's properties (display_name).
   */
  createMailFolder(folder: MailFolder): Promise<MailFolder>;

  /**
   * Create a folder inside another.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param folder The folder's properties (display_name).
   */
  createChildFolder(folderId: string, folder: MailFolder): Promise<MailFolder>;

  /**
   * Rename a mail folder.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param folder The folder's properties (display_name).
   */
  updateMailFolder(folderId: string, folder: MailFolder): Promise<MailFolder>;

  /**
   * Delete a mail folder and its contents.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   */
  deleteMailFolder(folderId: string): Promise<void>;

  /**
   * Move a folder into another; returns the moved folder.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param destinationId The destination folder's id, or a well-known name (inbox, archive, deleteditems...).
   */
  moveMailFolder(folderId: string, destinationId: string): Promise<MailFolder>;

  /**
   * Copy a folder into another; returns the copy.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param destinationId The destination folder's id, or a well-known name (inbox, archive, deleteditems...).
   */
  copyMailFolder(folderId: string, destinationId: string): Promise<MailFolder>;

  /**
   * List the Focused Inbox overrides (senders always classified as focused or other).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listInferenceOverrides(query?: Query): ListRequest<InferenceClassificationOverride>;

  /**
   * Always classify a sender's mail as "focused" or "other".
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param inferenceOverride The sender and how to classify their mail ("focused" or "other").
   */
  createInferenceOverride(inferenceOverride: InferenceClassificationOverride): Promise<InferenceClassificationOverride>;

  /**
   * Change an override's classification.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param overrideId The Focused Inbox override's id.
   * @param inferenceOverride The sender and how to classify their mail ("focused" or "other").
   */
  updateInferenceOverride(overrideId: string, inferenceOverride: InferenceClassificationOverride): Promise<InferenceClassificationOverride>;

  /**
   * Remove an override.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param overrideId The Focused Inbox override's id.
   */
  deleteInferenceOverride(overrideId: string): Promise<void>;

  /**
   * Get the mailbox settings (time zone, language, working hours, automatic replies...).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getMailboxSettings(query?: Query): Promise<MailboxSettings>;

  /**
   * Update mailbox settings; only the properties set are sent.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param settings The mailbox settings to change; only those set are sent.
   */
  updateMailboxSettings(settings: MailboxSettings): Promise<MailboxSettings>;

  /**
   * Get the automatic replies (out of office) setting.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   */
  getAutomaticReplies(): Promise<AutomaticRepliesSetting>;

  /**
   * Set automatic replies: always, scheduled between two times, or off.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param automaticRepliesSetting Status (disabled, alwaysEnabled, scheduled), schedule, and the internal and external replies.
   */
  setAutomaticReplies(automaticRepliesSetting: AutomaticRepliesSetting): Promise<MailboxSettings>;

  /**
   * List the Inbox rules, in the order they run.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listMessageRules(query?: Query): ListRequest<MessageRule>;

  /**
   * Get one Inbox rule.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param ruleId The Inbox rule's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getMessageRule(ruleId: string, query?: Query): Promise<MessageRule>;

  /**
   * Create an Inbox rule: display name, sequence, conditions, actions.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param rule The rule: display name, sequence, conditions, exceptions, actions.
   */
  createMessageRule(rule: MessageRule): Promise<MessageRule>;

  /**
   * Update an Inbox rule; only the properties set are sent.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param ruleId The Inbox rule's id.
   * @param rule The rule: display name, sequence, conditions, exceptions, actions.
   */
  updateMessageRule(ruleId: string, rule: MessageRule): Promise<MessageRule>;

  /**
   * Delete an Inbox rule.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param ruleId The Inbox rule's id.
   */
  deleteMessageRule(ruleId: string): Promise<void>;

  /**
   * MailTips for recipients before sending: automatic replies, full mailboxes, external recipients...
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param emailAddresses The recipients' email addresses.
   * @param mailTipsOptions Which MailTips to get: automaticReplies, mailboxFullStatus, externalMemberCount...
   */
  getMailTips(emailAddresses: string[], mailTipsOptions: string[]): ListRequest<MailTips>;

  /**
   * The languages Outlook supports for the mailbox.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listSupportedLanguages(query?: Query): ListRequest<LocaleInfo>;

  /**
   * The time zones Outlook supports: Windows names, or IANA with `standard` "iana".
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param standard "windows" (default) or "iana" time zone names.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listSupportedTimeZones(standard?: string | null, query?: Query): ListRequest<TimeZoneInformation>;

  /**
   * List the events of the mailbox's calendars (series masters and single events).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listEvents(query?: Query): ListRequest<Event>;

  /**
   * List the events of one calendar.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarId The calendar's id (none: the default calendar).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listCalendarEvents(calendarId: string, query?: Query): ListRequest<Event>;

  /**
   * Get one event.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getEvent(eventId: string, query?: Query): Promise<Event>;

  /**
   * Create an event in the default calendar; attendees get a meeting request.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param event The event: subject, body, start and end (zoned), attendees, location, recurrence...
   */
  createEvent(event: EventInput): Promise<Event>;

  /**
   * Create an event in a calendar.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarId The calendar's id (none: the default calendar).
   * @param event The event: subject, body, start and end (zoned), attendees, location, recurrence...
   */
  createCalendarEvent(calendarId: string, event: EventInput): Promise<Event>;

  /**
   * Update an event; only the properties set are sent.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param event The event: subject, body, start and end (zoned), attendees, location, recurrence...
   */
  updateEvent(eventId: string, event: EventInput): Promise<Event>;

  /**
   * Delete an event.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   */
  deleteEvent(eventId: string): Promise<void>;

  /**
   * The occurrences, exceptions and single events between `start` and `end`, recurring series expanded.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param start The window's start: an RFC 3339 date-time with offset (2026-03-15T09:00:00Z).
   * @param end The window's end: an RFC 3339 date-time with offset, after start.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listCalendarView(start: Date | string, end: Date | string, query?: Query): ListRequest<Event>;

  /**
   * One calendar's view between `start` and `end`.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarId The calendar's id (none: the default calendar).
   * @param start The window's start: an RFC 3339 date-time with offset (2026-03-15T09:00:00Z).
   * @param end The window's end: an RFC 3339 date-time with offset, after start.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listCalendarViewOf(calendarId: string, start: Date | string, end: Date | string, query?: Query): ListRequest<Event>;

  /**
   * The occurrences and exceptions of a series between `start` and `end`.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param start The window's start: an RFC 3339 date-time with offset (2026-03-15T09:00:00Z).
   * @param end The window's end: an RFC 3339 date-time with offset, after start.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listEventInstances(eventId: string, start: Date | string, end: Date | string, query?: Query): ListRequest<Event>;

  /**
   * Accept a meeting request. A group's events cannot be answered: on a group mailbox ("groups/{id}") Graph answers 400 ErrorInvalidRequest.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param comment A comment to send with the reply or forward.
   * @param sendResponse Whether to tell the organizer (default true).
   */
  acceptEvent(eventId: string, comment?: string | null, sendResponse?: boolean | null): Promise<void>;

  /**
   * Tentatively accept, optionally proposing a new time (not on a group mailbox: Graph's 400).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param comment A comment to send with the reply or forward.
   * @param sendResponse Whether to tell the organizer (default true).
   * @param proposedNewTime A new time to propose to the organizer.
   */
  tentativelyAcceptEvent(eventId: string, comment?: string | null, sendResponse?: boolean | null, proposedNewTime?: TimeSlot | null): Promise<void>;

  /**
   * Decline, optionally proposing a new time (not on a group mailbox: Graph's 400).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param comment A comment to send with the reply or forward.
   * @param sendResponse Whether to tell the organizer (default true).
   * @param proposedNewTime A new time to propose to the organizer.
   */
  declineEvent(eventId: string, comment?: string | null, sendResponse?: boolean | null, proposedNewTime?: TimeSlot | null): Promise<void>;

  /**
   * Forward a meeting request to more people.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param toRecipients Who to forward to (email addresses or recipients).
   * @param comment A comment to send with the reply or forward.
   */
  forwardEvent(eventId: string, toRecipients: Array<Recipient | string>, comment?: string | null): Promise<void>;

  /**
   * Cancel a meeting you organize; attendees are told, with the comment.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param comment A comment to send with the reply or forward.
   */
  cancelEvent(eventId: string, comment?: string | null): Promise<void>;

  /**
   * The reminders due between `start` and `end`.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param start The window's start: an RFC 3339 date-time with offset (2026-03-15T09:00:00Z).
   * @param end The window's end: an RFC 3339 date-time with offset, after start.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  reminderView(start: Date | string, end: Date | string, query?: Query): ListRequest<Reminder>;

  /**
   * Snooze an event's reminder until a new time.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param newReminderTime When the reminder should fire again.
   */
  snoozeReminder(eventId: string, newReminderTime: DateTimeTimeZone): Promise<void>;

  /**
   * Dismiss an event's reminder.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   */
  dismissReminder(eventId: string): Promise<void>;

  /**
   * List an event's attachments.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listEventAttachments(eventId: string, query?: Query): ListRequest<Attachment>;

  /**
   * Get one attachment of an event.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param attachmentId The attachment's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getEventAttachment(eventId: string, attachmentId: string, query?: Query): Promise<Attachment>;

  /**
   * Attach a file (at most 3 MB), an item or a reference to an event.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param attachment The attachment: a file (name, content_bytes), an item or a reference.
   */
  addEventAttachment(eventId: string, attachment: AttachmentInput): Promise<Attachment>;

  /**
   * Remove an attachment from an event.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param attachmentId The attachment's id.
   */
  deleteEventAttachment(eventId: string, attachmentId: string): Promise<void>;

  /**
   * List the mailbox's calendars.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listCalendars(query?: Query): ListRequest<Calendar>;

  /**
   * Get a calendar, or the default calendar when no id is given.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarId The calendar's id (none: the default calendar).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getCalendar(calendarId?: string | null, query?: Query): Promise<Calendar>;

  /**
   * Create a calendar.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendar The calendar's properties (name, color).
   */
  createCalendar(calendar: Calendar): Promise<Calendar>;

  /**
   * Update a calendar (name, color); only the properties set are sent.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarId The calendar's id (none: the default calendar).
   * @param calendar The calendar's properties (name, color).
   */
  updateCalendar(calendarId: string, calendar: Calendar): Promise<Calendar>;

  /**
   * Delete a calendar and its events.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarId The calendar's id (none: the default calendar).
   */
  deleteCalendar(calendarId: string): Promise<void>;

  /**
   * List the calendar groups.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listCalendarGroups(query?: Query): ListRequest<CalendarGroup>;

  /**
   * Get a calendar group.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarGroupId The calendar group's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getCalendarGroup(calendarGroupId: string, query?: Query): Promise<CalendarGroup>;

  /**
   * Create a calendar group.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarGroup The calendar group's properties (name).
   */
  createCalendarGroup(calendarGroup: CalendarGroup): Promise<CalendarGroup>;

  /**
   * Rename a calendar group.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarGroupId The calendar group's id.
   * @param calendarGroup The calendar group's properties (name).
   */
  updateCalendarGroup(calendarGroupId: string, calendarGroup: CalendarGroup): Promise<CalendarGroup>;

  /**
   * Delete a calendar group.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarGroupId The calendar group's id.
   */
  deleteCalendarGroup(calendarGroupId: string): Promise<void>;

  /**
   * List the calendars of a calendar group.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarGroupId The calendar group's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listCalendarGroupCalendars(calendarGroupId: string, query?: Query): ListRequest<Calendar>;

  /**
   * Create a calendar in a calendar group.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarGroupId The calendar group's id.
   * @param calendar The calendar's properties (name, color).
   */
  createCalendarGroupCalendar(calendarGroupId: string, calendar: Calendar): Promise<Calendar>;

  /**
   * Who a calendar (the default one when no id is given) is shared with.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param calendarId The calendar's id (none: the default calendar).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listCalendarPermissions(calendarId?: string | null, query?: Query): ListRequest<CalendarPermission>;

  /**
   * Share a calendar with someone, with a role ("read", "write", "freeBusyRead"...).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param permission Who to share with (email_address) and their role.
   * @param calendarId The calendar's id (none: the default calendar).
   */
  createCalendarPermission(permission: CalendarPermission, calendarId?: string | null): Promise<CalendarPermission>;

  /**
   * Change a share's role.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param permissionId The calendar permission's id.
   * @param permission Who to share with (email_address) and their role.
   * @param calendarId The calendar's id (none: the default calendar).
   */
  updateCalendarPermission(permissionId: string, permission: CalendarPermission, calendarId?: string | null): Promise<CalendarPermission>;

  /**
   * Stop sharing a calendar with someone.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param permissionId The calendar permission's id.
   * @param calendarId The calendar's id (none: the default calendar).
   */
  deleteCalendarPermission(permissionId: string, calendarId?: string | null): Promise<void>;

  /**
   * Suggest meeting times from the attendees' and rooms' free/busy.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param attendees Who should attend: addresses with type required, optional or resource (rooms).
   * @param timeConstraint When the meeting may take place: activity domain and time slots.
   * @param meetingDuration How long: an ISO 8601 duration such as PT1H (default 30 minutes).
   * @param locationConstraint Which rooms or places to consider.
   * @param maxCandidates At most this many suggestions.
   * @param isOrganizerOptional Whether the organizer need not attend.
   * @param returnSuggestionReasons Whether to say why each time is suggested.
   * @param minimumAttendeePercentage The least confidence (0-100) a suggestion must have.
   */
  findMeetingTimes(attendees: AttendeeBase[], timeConstraint?: TimeConstraint | null, meetingDuration?: string | null, locationConstraint?: LocationConstraint | null, maxCandidates?: number | null, isOrganizerOptional?: boolean | null, returnSuggestionReasons?: boolean | null, minimumAttendeePercentage?: number | null): Promise<MeetingTimeSuggestionsResult>;

  /**
   * The free/busy of users and rooms over a window.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param schedules The users' and rooms' email addresses.
   * @param startTime The window's start, in a time zone.
   * @param endTime The window's end, in a time zone.
   * @param availabilityViewInterval Minutes per digit of the availability view (5 to 1440, default 30).
   */
  getSchedule(schedules: string[], startTime: DateTimeTimeZone, endTime: DateTimeTimeZone, availabilityViewInterval?: number | null): ListRequest<ScheduleInformation>;

  /**
   * List the tenant's rooms, or those of one room list (by its email address).
   * @param roomList A room list's email address (none: every room).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listRooms(roomList?: string | null, query?: Query): ListRequest<Room>;

  /**
   * List the tenant's room lists.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listRoomLists(query?: Query): ListRequest<RoomList>;

  /**
   * List a group calendar's events.
   * @param groupId The group's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listGroupEvents(groupId: string, query?: Query): ListRequest<Event>;

  /**
   * Get one event of a group calendar.
   * @param groupId The group's id.
   * @param eventId The event's id.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getGroupEvent(groupId: string, eventId: string, query?: Query): Promise<Event>;

  /**
   * Create an event in a group calendar.
   * @param groupId The group's id.
   * @param event The event: subject, body, start and end (zoned), attendees, location, recurrence...
   */
  createGroupEvent(groupId: string, event: EventInput): Promise<Event>;

  /**
   * Update a group event; only the properties set are sent.
   * @param groupId The group's id.
   * @param eventId The event's id.
   * @param event The event: subject, body, start and end (zoned), attendees, location, recurrence...
   */
  updateGroupEvent(groupId: string, eventId: string, event: EventInput): Promise<Event>;

  /**
   * Delete a group event.
   * @param groupId The group's id.
   * @param eventId The event's id.
   */
  deleteGroupEvent(groupId: string, eventId: string): Promise<void>;

  /**
   * A group calendar's view between `start` and `end`, recurring series expanded.
   * @param groupId The group's id.
   * @param start The window's start: an RFC 3339 date-time with offset (2026-03-15T09:00:00Z).
   * @param end The window's end: an RFC 3339 date-time with offset, after start.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listGroupCalendarView(groupId: string, start: Date | string, end: Date | string, query?: Query): ListRequest<Event>;

  /**
   * Track a folder's messages: the first round lists them all, later rounds what was added, changed or removed.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param folderId The mail folder's id, or a well-known name (inbox, drafts, sentitems, deleteditems, archive, junkemail...).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  syncMessages(folderId: string, query?: Query, sync?: SyncOptions): SyncRequest<Message>;

  /**
   * Track the mailbox's mail folders: added, renamed, moved and deleted folders.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  syncMailFolders(query?: Query, sync?: SyncOptions): SyncRequest<MailFolder>;

  /**
   * Track the events between `start` and `end` (recurring series expanded).
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param start The window's start: an RFC 3339 date-time with offset (2026-03-15T09:00:00Z).
   * @param end The window's end: an RFC 3339 date-time with offset, after start.
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  syncCalendarView(start: Date | string, end: Date | string, query?: Query, sync?: SyncOptions): SyncRequest<Event>;

  /**
   * Track the organization's groups; `select` "members" adds each group's membership changes (`members@delta`).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  syncGroups(query?: Query, sync?: SyncOptions): SyncRequest<Group>;

  /**
   * List the files and folders in a folder of a group's document library (the root's when no folder is given).
   * @param groupId The group's id.
   * @param itemId The drive item's id (where it may be left out: the library's root folder).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  listDriveChildren(groupId: string, itemId?: string | null, query?: Query): ListRequest<DriveItem>;

  /**
   * Get a file or folder of a group's document library.
   * @param groupId The group's id.
   * @param itemId The drive item's id (where it may be left out: the library's root folder).
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getDriveItem(groupId: string, itemId: string, query?: Query): Promise<DriveItem>;

  /**
   * Get a file or folder by its path from the library's root ("Reports/2025/q1.xlsx").
   * @param groupId The group's id.
   * @param path The item's path from the library's root, names separated by "/" ("Reports/2025/q1.xlsx").
   * @param query OData query options ($select, $filter, $orderby, $top, ...) and Prefer preferences.
   */
  getDriveItemByPath(groupId: string, path: string, query?: Query): Promise<DriveItem>;

  /**
   * Create a folder (in the root when no parent is given); if the name is taken, `conflict_behavior` "fail" (the default), "replace" or "rename".
   * @param groupId The group's id.
   * @param name The file or folder name (no " * : < > ? / \ |).
   * @param parentId The id of the folder to put it in (none: the library's root folder).
   * @param conflictBehavior What to do when the name is taken: "fail", "replace" or "rename".
   */
  createDriveFolder(groupId: string, name: string, parentId?: string | null, conflictBehavior?: string | null): Promise<DriveItem>;

  /**
   * Upload a file of at most 4 MB in one request (a file of that name is replaced unless `conflict_behavior` says "fail" or "rename"); larger files go through an upload session.
   * @param groupId The group's id.
   * @param name The file or folder name (no " * : < > ? / \ |).
   * @param content The file's bytes (at most 4 MB) and media type.
   * @param parentId The id of the folder to put it in (none: the library's root folder).
   * @param conflictBehavior What to do when the name is taken: "fail", "replace" or "rename".
   */
  uploadDriveFile(groupId: string, name: string, content: PhotoInput, parentId?: string | null, conflictBehavior?: string | null): Promise<DriveItem>;

  /**
   * Download a file's content. Graph redirects to a pre-authenticated URL, which is fetched without the bearer token.
   * @param groupId The group's id.
   * @param itemId The drive item's id (where it may be left out: the library's root folder).
   */
  downloadDriveItem(groupId: string, itemId: string): Promise<Photo>;

  /**
   * Rename a file or folder.
   * @param groupId The group's id.
   * @param itemId The drive item's id (where it may be left out: the library's root folder).
   * @param name The file or folder name (no " * : < > ? / \ |).
   */
  renameDriveItem(groupId: string, itemId: string, name: string): Promise<DriveItem>;

  /**
   * Move a file or folder into another folder, optionally under a new name.
   * @param groupId The group's id.
   * @param itemId The drive item's id (where it may be left out: the library's root folder).
   * @param parentId The id of the folder to put it in (none: the library's root folder).
   * @param name The file or folder name (no " * : < > ? / \ |).
   */
  moveDriveItem(groupId: string, itemId: string, parentId: string, name?: string | null): Promise<DriveItem>;

  /**
   * Delete a file, or a folder with everything in it.
   * @param groupId The group's id.
   * @param itemId The drive item's id (where it may be left out: the library's root folder).
   */
  deleteDriveItem(groupId: string, itemId: string): Promise<void>;

  /**
   * Start an upload session for a file of any size (in the root when no parent is given); `upload` sends its bytes.
   * @param groupId The group's id.
   * @param name The file or folder name (no " * : < > ? / \ |).
   * @param parentId The id of the folder to put it in (none: the library's root folder).
   * @param conflictBehavior What to do when the name is taken: "fail", "replace" or "rename".
   */
  createDriveUploadSession(groupId: string, name: string, parentId?: string | null, conflictBehavior?: string | null): Promise<UploadSession>;

  /**
   * Start an upload session to attach a file of 3 MB to 150 MB to a message; `upload` sends its bytes.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param messageId The message's id.
   * @param attachmentItem The file to attach: attachment_type "file", its name and size in bytes (3 MB to 150 MB), optionally content_type and is_inline.
   */
  createMessageUploadSession(messageId: string, attachmentItem: AttachmentItem): Promise<UploadSession>;

  /**
   * Start an upload session to attach a file of 3 MB to 150 MB to an event; `upload` sends its bytes.
   * On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`).
   * @param eventId The event's id.
   * @param attachmentItem The file to attach: attachment_type "file", its name and size in bytes (3 MB to 150 MB), optionally content_type and is_inline.
   */
  createEventUploadSession(eventId: string, attachmentItem: AttachmentItem): Promise<UploadSession>;
}

/** One call of `Client.batch`: a method's name and its arguments. */
export type BatchCall =
  | [method: "listGroups", query?: Query]
  | [method: "getGroup", groupId: string, query?: Query]
  | [method: "createGroup", group: Group]
  | [method: "updateGroup", groupId: string, group: Group]
  | [method: "deleteGroup", groupId: string]
  | [method: "listJoinedGroups", query?: Query]
  | [method: "listGroupMembers", groupId: string, query?: Query]
  | [method: "addGroupMember", groupId: string, memberId: string]
  | [method: "removeGroupMember", groupId: string, memberId: string]
  | [method: "listGroupOwners", groupId: string, query?: Query]
  | [method: "addGroupOwner", groupId: string, ownerId: string]
  | [method: "removeGroupOwner", groupId: string, ownerId: string]
  | [method: "getGroupPhoto", groupId: string]
  | [method: "setGroupPhoto", groupId: string, photo: PhotoInput]
  | [method: "listConversations", groupId: string, query?: Query]
  | [method: "getConversation", groupId: string, conversationId: string, query?: Query]
  | [method: "createConversation", groupId: string, topic: string, post: PostInput | string]
  | [method: "deleteConversation", groupId: string, conversationId: string]
  | [method: "listConversationThreads", groupId: string, conversationId: string, query?: Query]
  | [method: "listGroupThreads", groupId: string, query?: Query]
  | [method: "getThread", groupId: string, threadId: string, query?: Query]
  | [method: "createThread", groupId: string, topic: string, post: PostInput | string]
  | [method: "createConversationThread", groupId: string, conversationId: string, post: PostInput | string]
  | [method: "updateThread", groupId: string, threadId: string, thread: ConversationThreadInput]
  | [method: "deleteThread", groupId: string, threadId: string]
  | [method: "replyToThread", groupId: string, threadId: string, post: PostInput | string]
  | [method: "listPosts", groupId: string, threadId: string, query?: Query]
  | [method: "getPost", groupId: string, threadId: string, postId: string, query?: Query]
  | [method: "replyToPost", groupId: string, threadId: string, postId: string, post: PostInput | string]
  | [method: "forwardPost", groupId: string, threadId: string, postId: string, comment: string | null, toRecipients: Array<Recipient | string>]
  | [method: "listPostAttachments", groupId: string, threadId: string, postId: string, query?: Query]
  | [method: "getPostAttachment", groupId: string, threadId: string, postId: string, attachmentId: string, query?: Query]
  | [method: "listMessages", query?: Query]
  | [method: "listFolderMessages", folderId: string, query?: Query]
  | [method: "getMessage", messageId: string, query?: Query]
  | [method: "createMessage", message: MessageInput]
  | [method: "createFolderMessage", folderId: string, message: MessageInput]
  | [method: "updateMessage", messageId: string, message: MessageInput]
  | [method: "deleteMessage", messageId: string]
  | [method: "sendMail", message: MessageInput, saveToSentItems?: boolean | null]
  | [method: "sendMessage", messageId: string]
  | [method: "replyToMessage", messageId: string, comment?: string | null, message?: MessageInput | null]
  | [method: "replyAllToMessage", messageId: string, comment?: string | null, message?: MessageInput | null]
  | [method: "forwardMessage", messageId: string, toRecipients: Array<Recipient | string>, comment?: string | null, message?: MessageInput | null]
  | [method: "createReply", messageId: string, comment?: string | null, message?: MessageInput | null]
  | [method: "createReplyAll", messageId: string, comment?: string | null, message?: MessageInput | null]
  | [method: "createForward", messageId: string, toRecipients?: Array<Recipient | string> | null, comment?: string | null, message?: MessageInput | null]
  | [method: "moveMessage", messageId: string, destinationId: string]
  | [method: "copyMessage", messageId: string, destinationId: string]
  | [method: "unsubscribeMessage", messageId: string]
  | [method: "listMessageAttachments", messageId: string, query?: Query]
  | [method: "getMessageAttachment", messageId: string, attachmentId: string, query?: Query]
  | [method: "addMessageAttachment", messageId: string, attachment: AttachmentInput]
  | [method: "deleteMessageAttachment", messageId: string, attachmentId: string]
  | [method: "getMessageAttachmentContent", messageId: string, attachmentId: string]
  | [method: "listMailFolders", query?: Query]
  | [method: "listChildFolders", folderId: string, query?: Query]
  | [method: "getMailFolder", folderId: string, query?: Query]
  | [method: "createMailFolder", folder: MailFolder]
  | [method: "createChildFolder", folderId: string, folder: MailFolder]
  | [method: "updateMailFolder", folderId: string, folder: MailFolder]
  | [method: "deleteMailFolder", folderId: string]
  | [method: "moveMailFolder", folderId: string, destinationId: string]
  | [method: "copyMailFolder", folderId: string, destinationId: string]
  | [method: "listInferenceOverrides", query?: Query]
  | [method: "createInferenceOverride", inferenceOverride: InferenceClassificationOverride]
  | [method: "updateInferenceOverride", overrideId: string, inferenceOverride: InferenceClassificationOverride]
  | [method: "deleteInferenceOverride", overrideId: string]
  | [method: "getMailboxSettings", query?: Query]
  | [method: "updateMailboxSettings", settings: MailboxSettings]
  | [method: "getAutomaticReplies"]
  | [method: "setAutomaticReplies", automaticRepliesSetting: AutomaticRepliesSetting]
  | [method: "listMessageRules", query?: Query]
  | [method: "getMessageRule", ruleId: string, query?: Query]
  | [method: "createMessageRule", rule: MessageRule]
  | [method: "updateMessageRule", ruleId: string, rule: MessageRule]
  | [method: "deleteMessageRule", ruleId: string]
  | [method: "getMailTips", emailAddresses: string[], mailTipsOptions: string[]]
  | [method: "listSupportedLanguages", query?: Query]
  | [method: "listSupportedTimeZones", standard?: string | null, query?: Query]
  | [method: "listEvents", query?: Query]
  | [method: "listCalendarEvents", calendarId: string, query?: Query]
  | [method: "getEvent", eventId: string, query?: Query]
  | [method: "createEvent", event: EventInput]
  | [method: "createCalendarEvent", calendarId: string, event: EventInput]
  | [method: "updateEvent", eventId: string, event: EventInput]
  | [method: "deleteEvent", eventId: string]
  | [method: "listCalendarView", start: Date | string, end: Date | string, query?: Query]
  | [method: "listCalendarViewOf", calendarId: string, start: Date | string, end: Date | string, query?: Query]
  | [method: "listEventInstances", eventId: string, start: Date | string, end: Date | string, query?: Query]
  | [method: "acceptEvent", eventId: string, comment?: string | null, sendResponse?: boolean | null]
  | [method: "tentativelyAcceptEvent", eventId: string, comment?: string | null, sendResponse?: boolean | null, proposedNewTime?: TimeSlot | null]
  | [method: "declineEvent", eventId: string, comment?: string | null, sendResponse?: boolean | null, proposedNewTime?: TimeSlot | null]
  | [method: "forwardEvent", eventId: string, toRecipients: Array<Recipient | string>, comment?: string | null]
  | [method: "cancelEvent", eventId: string, comment?: string | null]
  | [method: "reminderView", start: Date | string, end: Date | string, query?: Query]
  | [method: "snoozeReminder", eventId: string, newReminderTime: DateTimeTimeZone]
  | [method: "dismissReminder", eventId: string]
  | [method: "listEventAttachments", eventId: string, query?: Query]
  | [method: "getEventAttachment", eventId: string, attachmentId: string, query?: Query]
  | [method: "addEventAttachment", eventId: string, attachment: AttachmentInput]
  | [method: "deleteEventAttachment", eventId: string, attachmentId: string]
  | [method: "listCalendars", query?: Query]
  | [method: "getCalendar", calendarId?: string | null, query?: Query]
  | [method: "createCalendar", calendar: Calendar]
  | [method: "updateCalendar", calendarId: string, calendar: Calendar]
  | [method: "deleteCalendar", calendarId: string]
  | [method: "listCalendarGroups", query?: Query]
  | [method: "getCalendarGroup", calendarGroupId: string, query?: Query]
  | [method: "createCalendarGroup", calendarGroup: CalendarGroup]
  | [method: "updateCalendarGroup", calendarGroupId: string, calendarGroup: CalendarGroup]
  | [method: "deleteCalendarGroup", calendarGroupId: string]
  | [method: "listCalendarGroupCalendars", calendarGroupId: string, query?: Query]
  | [method: "createCalendarGroupCalendar", calendarGroupId: string, calendar: Calendar]
  | [method: "listCalendarPermissions", calendarId?: string | null, query?: Query]
  | [method: "createCalendarPermission", permission: CalendarPermission, calendarId?: string | null]
  | [method: "updateCalendarPermission", permissionId: string, permission: CalendarPermission, calendarId?: string | null]
  | [method: "deleteCalendarPermission", permissionId: string, calendarId?: string | null]
  | [method: "findMeetingTimes", attendees: AttendeeBase[], timeConstraint?: TimeConstraint | null, meetingDuration?: string | null, locationConstraint?: LocationConstraint | null, maxCandidates?: number | null, isOrganizerOptional?: boolean | null, returnSuggestionReasons?: boolean | null, minimumAttendeePercentage?: number | null]
  | [method: "getSchedule", schedules: string[], startTime: DateTimeTimeZone, endTime: DateTimeTimeZone, availabilityViewInterval?: number | null]
  | [method: "listRooms", roomList?: string | null, query?: Query]
  | [method: "listRoomLists", query?: Query]
  | [method: "listGroupEvents", groupId: string, query?: Query]
  | [method: "getGroupEvent", groupId: string, eventId: string, query?: Query]
  | [method: "createGroupEvent", groupId: string, event: EventInput]
  | [method: "updateGroupEvent", groupId: string, eventId: string, event: EventInput]
  | [method: "deleteGroupEvent", groupId: string, eventId: string]
  | [method: "listGroupCalendarView", groupId: string, start: Date | string, end: Date | string, query?: Query]
  | [method: "listDriveChildren", groupId: string, itemId?: string | null, query?: Query]
  | [method: "getDriveItem", groupId: string, itemId: string, query?: Query]
  | [method: "getDriveItemByPath", groupId: string, path: string, query?: Query]
  | [method: "createDriveFolder", groupId: string, name: string, parentId?: string | null, conflictBehavior?: string | null]
  | [method: "uploadDriveFile", groupId: string, name: string, content: PhotoInput, parentId?: string | null, conflictBehavior?: string | null]
  | [method: "downloadDriveItem", groupId: string, itemId: string]
  | [method: "renameDriveItem", groupId: string, itemId: string, name: string]
  | [method: "moveDriveItem", groupId: string, itemId: string, parentId: string, name?: string | null]
  | [method: "deleteDriveItem", groupId: string, itemId: string]
  | [method: "createDriveUploadSession", groupId: string, name: string, parentId?: string | null, conflictBehavior?: string | null]
  | [method: "createMessageUploadSession", messageId: string, attachmentItem: AttachmentItem]
  | [method: "createEventUploadSession", eventId: string, attachmentItem: AttachmentItem]
;

/** A batch call's outcome: its value (a list's first page), or its error. */
export type BatchResult = { ok: true; value: unknown } | { ok: false; error: GraphError | RangeError | TypeError };
