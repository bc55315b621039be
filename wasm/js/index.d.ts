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

/** A group photo. */
export interface Photo {
  /** `image/jpeg` or `image/png`. */
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
   * `"transport"`: no answer (status 0). */
  readonly kind: "api" | "decode" | "transport";
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
}

/** One operation of the table, as the package sees it. */
export interface OperationInfo {
  /** snake_case, as in Rust and Python. */
  name: string;
  /** camelCase: the method name. */
  jsName: string;
  kind: "list" | "item" | "empty" | "binary";
  output: string;
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

/** A Microsoft Graph client: one method per operation of the o365kit table. */
export class Client {
  constructor(options: ClientOptions);
  /** The versioned base URL, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;

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
  createConversation(groupId: string, topic: string, post: Post | string): Promise<Conversation>;

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
  createThread(groupId: string, topic: string, post: Post | string): Promise<ConversationThread>;

  /**
   * Add a thread to an existing conversation.
   * @param groupId The group's id.
   * @param conversationId The conversation's id.
   * @param post The post to send: its body (a plain string is HTML), and optionally new participants and attachments.
   */
  createConversationThread(groupId: string, conversationId: string, post: Post | string): Promise<ConversationThread>;

  /**
   * Update a thread's properties (e.g. `is_locked`); only the properties set are sent.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param thread The thread's properties; only those set are sent.
   */
  updateThread(groupId: string, threadId: string, thread: ConversationThread): Promise<void>;

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
  replyToThread(groupId: string, threadId: string, post: Post | string): Promise<void>;

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
  replyToPost(groupId: string, threadId: string, postId: string, post: Post | string): Promise<void>;

  /**
   * Forward a post to recipients, with an optional comment.
   * @param groupId The group's id.
   * @param threadId The conversation thread's id.
   * @param postId The post's id.
   * @param comment A comment to send with the forwarded post.
   * @param toRecipients Who to forward the post to.
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
}
