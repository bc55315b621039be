//! Generates the package's TypeScript declarations (`js/index.d.ts`) from the operation table and
//! the models. `cargo run --bin gen-dts` prints them; the test `dts_is_up_to_date` keeps the file
//! in the repository equal to what this produces.

use o365kit::model::{ModelInfo, MODELS};
use o365kit::ops::{OpInfo, OpKind};
use o365kit::OPERATIONS;
use std::fmt::Write;

pub fn kind_name(kind: OpKind) -> &'static str {
    match kind {
        OpKind::List => "list",
        OpKind::Item => "item",
        OpKind::Empty => "empty",
        OpKind::Binary => "binary",
        OpKind::Delta => "delta",
    }
}

/// The JS options bag keys, from the core's `Query` (snake_case) — kept equal by a test.
pub const QUERY_FIELDS: &[(&str, &str, &str)] = &[
    ("select", "string[]", "`$select`: the properties to return."),
    ("filter", "string", "`$filter`: an OData filter expression."),
    ("orderby", "string[]", "`$orderby`: sort keys, e.g. `[\"lastDeliveredDateTime desc\"]`."),
    ("top", "number", "`$top`: page size (at least 1)."),
    ("skip", "number", "`$skip`: items to skip."),
    ("expand", "string[]", "`$expand`: related entities to include."),
    ("search", "string", "`$search`: search terms (quoted for you)."),
    ("count", "boolean", "`$count=true`: include `count` in the page."),
    ("timezone", "string", "`Prefer: outlook.timezone`."),
    ("bodyType", "\"text\" | \"html\"", "`Prefer: outlook.body-content-type`."),
    ("maxPageSize", "number", "`Prefer: odata.maxpagesize`."),
    ("immutableIds", "boolean", "`Prefer: IdType=\"ImmutableId\"`."),
];

const PRELUDE: &str = r#"// Generated from the o365kit operation table and models by o365kit-wasm (src/dts.rs).
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
"#;

const CLIENT: &str = r#"
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
"#;

/// A model's interface; with `input`, the variant callers pass (bytes may be typed arrays).
fn model_interface(out: &mut String, m: &ModelInfo, input: bool) {
    if input {
        let _ = writeln!(
            out,
            "\n/** Graph `{}` as a parameter: like `{}`, and binary content may be a Uint8Array or ArrayBuffer. */",
            lower_first(m.name),
            m.name
        );
        let _ = writeln!(out, "export interface {}Input {{", m.name);
    } else {
        let _ = writeln!(
            out,
            "\n/** Graph `{}` (properties in Graph's camelCase, `null` where Graph sends it; others are kept as sent). */",
            lower_first(m.name)
        );
        let _ = writeln!(out, "export interface {} {{", m.name);
    }
    for f in m.fields {
        let wire = f.wire_name();
        let key = if wire.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') { wire } else { format!("{wire:?}") };
        // Graph writes `null` for properties without a value; they reach JS as sent.
        let _ = writeln!(out, "  {key}?: {} | null;", ts_type(f.ty, input));
    }
    out.push_str("  [property: string]: unknown;\n}\n");
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
}

fn camel(s: &str) -> String {
    crate::camel(s)
}

/// A model field's Rust type, in TypeScript. `input`: as callers may pass it, where binary content
/// (`contentBytes`) may also be a Uint8Array or ArrayBuffer (js/core.js writes it as base64).
fn ts_type(rust: &str, input: bool) -> String {
    let rust = rust.replace(' ', "");
    if let Some(inner) = rust.strip_prefix("Vec<").and_then(|r| r.strip_suffix('>')) {
        if inner == "u8" {
            // base64, as Graph sends it
            return if input { "string | Uint8Array | ArrayBuffer".into() } else { "string".into() };
        }
        return format!("{}[]", ts_type(inner, input));
    }
    if let Some(inner) = rust.strip_prefix("Box<").and_then(|r| r.strip_suffix('>')) {
        return ts_type(inner, input);
    }
    match rust.as_str() {
        "String" | "Id" => "string".into(),
        "bool" => "boolean".into(),
        "i32" | "i64" | "u32" | "u64" | "f64" | "f32" => "number".into(),
        "serde_json::Value" | "Value" => "unknown".into(),
        other if MODELS.iter().any(|m| m.name == other) => {
            if input && carries_bytes(other) {
                format!("{other}Input")
            } else {
                other.into()
            }
        }
        other => panic!("gen-dts: no TypeScript type for Rust type {other:?}"),
    }
}

/// Whether a model holds binary content, itself or in a model it nests (Message -> Attachment).
fn carries_bytes(model: &str) -> bool {
    fn walk(model: &str, seen: &mut Vec<String>) -> bool {
        if seen.iter().any(|s| s == model) {
            return false;
        }
        seen.push(model.to_string());
        let Some(m) = MODELS.iter().find(|m| m.name == model) else { return false };
        m.fields.iter().any(|f| {
            let mut ty = f.ty.replace(' ', "");
            while let Some(inner) =
                ty.strip_prefix("Vec<").or_else(|| ty.strip_prefix("Box<")).and_then(|r| r.strip_suffix('>'))
            {
                if inner == "u8" {
                    return true;
                }
                ty = inner.to_string();
            }
            walk(&ty, seen)
        })
    }
    walk(model, &mut Vec::new())
}

/// A parameter's type as a JS caller may pass it.
fn param_type(rust: &str) -> String {
    let rust = rust.replace(' ', "");
    if let Some(inner) = rust.strip_prefix("Option<").and_then(|r| r.strip_suffix('>')) {
        return format!("{} | null", param_type(inner));
    }
    match rust.as_str() {
        "Id" | "String" => "string".into(),
        // An instant with its offset: a Date, or RFC 3339 text such as "2026-03-15T09:00:00Z".
        "DateTime" => "Date | string".into(),
        "Query" => "Query".into(),
        "Post" => format!("{} | string", ts_type("Post", true)),
        "Vec<Recipient>" => "Array<Recipient | string>".into(),
        "Photo" => "PhotoInput".into(),
        other => ts_type(other, true),
    }
}

fn return_type(op: &OpInfo) -> String {
    match op.kind {
        OpKind::List => {
            let output = op.output.replace(" ", "");
            let inner = output.strip_prefix("Page<").and_then(|r| r.strip_suffix('>'));
            format!("ListRequest<{}>", ts_type(inner.expect("a List operation returns Page<T>"), false))
        }
        OpKind::Delta => {
            let output = op.output.replace(" ", "");
            let inner = output.strip_prefix("DeltaPage<").and_then(|r| r.strip_suffix('>'));
            format!("SyncRequest<{}>", ts_type(inner.expect("a Delta operation returns DeltaPage<T>"), false))
        }
        OpKind::Empty => "Promise<void>".into(),
        OpKind::Binary => "Promise<Photo>".into(),
        OpKind::Item => format!("Promise<{}>", ts_type(&op.output.replace(" ", ""), false)),
    }
}

fn doc_comment(out: &mut String, indent: &str, lines: &[String]) {
    let lines: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}/**");
    for l in lines {
        let _ = writeln!(out, "{indent} * {}", l.trim().replace("*/", "*\\/"));
    }
    let _ = writeln!(out, "{indent} */");
}

/// The whole `index.d.ts`.
pub fn generate() -> String {
    let mut out = String::from(PRELUDE);

    out.push_str("\n/** OData query options and `Prefer` preferences; every field is optional. */\n");
    out.push_str("export interface Query {\n");
    for (name, ty, doc) in QUERY_FIELDS {
        let _ = writeln!(out, "  /** {doc} */\n  {name}?: {ty};");
    }
    out.push_str("}\n");

    for m in MODELS {
        model_interface(&mut out, m, false);
        if carries_bytes(m.name) {
            model_interface(&mut out, m, true);
        }
    }

    out.push_str(CLIENT);
    for op in OPERATIONS {
        let mut lines: Vec<String> = op.doc.lines().map(str::to_string).collect();
        if op.mailbox {
            lines.push(
                "On the client's mailbox: the signed-in user's unless `mailbox` was given (see `Client.mailbox`)."
                    .into(),
            );
        }
        for p in op.params {
            if !p.doc().is_empty() {
                lines.push(format!("@param {} {}", camel(p.name), p.doc()));
            }
        }
        out.push('\n');
        doc_comment(&mut out, "  ", &lines);
        let mut params = Vec::new();
        for (i, p) in op.params.iter().enumerate() {
            let trailing_optional = op.params[i..].iter().all(|q| q.is_optional());
            let name = camel(p.name);
            let ty = param_type(p.ty);
            params.push(if trailing_optional {
                format!("{name}?: {ty}")
            } else if p.is_optional() {
                format!("{name}: {ty} | undefined")
            } else {
                format!("{name}: {ty}")
            });
        }
        if op.kind == OpKind::Delta {
            params.push("sync?: SyncOptions".into());
        }
        let _ = writeln!(out, "  {}({}): {};", camel(op.name), params.join(", "), return_type(op));
    }
    out.push_str("}\n");
    batch_types(&mut out);
    out
}

/// `BatchCall`: one tuple type per operation (`["getGroup", groupId: string, query?: Query]`).
fn batch_types(out: &mut String) {
    out.push_str("\n/** One call of `Client.batch`: a method's name and its arguments. */\nexport type BatchCall =\n");
    for op in OPERATIONS.iter().filter(|op| op.kind != OpKind::Delta) {
        let mut elems = vec![format!("method: \"{}\"", camel(op.name))];
        for (i, p) in op.params.iter().enumerate() {
            let optional = op.params[i..].iter().all(|q| q.is_optional());
            let ty = param_type(p.ty);
            elems.push(if optional { format!("{}?: {ty}", camel(p.name)) } else { format!("{}: {ty}", camel(p.name)) });
        }
        let _ = writeln!(out, "  | [{}]", elems.join(", "));
    }
    out.push_str(";\n\n/** A batch call's outcome: its value (a list's first page), or its error. */\n");
    out.push_str(
        "export type BatchResult = { ok: true; value: unknown } | { ok: false; error: GraphError | RangeError | TypeError };\n",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_fields_match_the_core() {
        let keys: Vec<String> = o365kit::Query::OPTIONS.iter().map(|k| camel(k)).collect();
        let mut ours: Vec<String> = QUERY_FIELDS.iter().map(|(k, _, _)| k.to_string()).collect();
        let mut theirs = keys.clone();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn dts_is_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/js/index.d.ts");
        let want = generate();
        if std::env::var_os("UPDATE_DTS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "wasm/js/index.d.ts is stale: run `UPDATE_DTS=1 cargo test --manifest-path wasm/Cargo.toml`"
        );
    }

    #[test]
    fn every_operation_has_a_return_type() {
        for op in OPERATIONS {
            return_type(op);
            for p in op.params {
                param_type(p.ty);
            }
        }
    }
}
