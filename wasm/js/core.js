// The JS face of o365kit: `Client` with one camelCase method per operation of the core's table,
// `GraphError`, and list results that are both a promise of the first page and an async iterator
// over every item. The methods are made from the table at load time (see `operations`), so this
// file does not grow with the number of operations. Requests, paging links, retries, redirects and
// errors all come from the Rust core; this file sends what the core's machines say with `fetch`,
// waits with `setTimeout`, and shapes the results for JS.

import initWasm, { RawClient, operations as rawOperations, setBytesReplacer } from "./o365kit_wasm.js";

const RAW = Symbol("o365kit.raw");

/** A Graph error response, an unreadable response, or a request that got no answer. */
export class GraphError extends Error {
  constructor(init) {
    super(init.message);
    this.name = "GraphError";
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.code = init.code ?? "";
    for (const key of ["innerCode", "requestId", "clientRequestId", "date", "retryAfter", "path", "expirationDateTime"]) {
      if (init[key] !== undefined) this[key] = init[key];
    }
  }
}

/** The core's tagged errors become GraphError, RangeError (a bad value) or TypeError (a bad type). */
function toJsError(e) {
  if (e && typeof e === "object" && typeof e.o365kitError === "string" && !(e instanceof Error)) {
    if (e.o365kitError === "invalid") {
      const err = new RangeError(e.message);
      err.param = e.param;
      return err;
    }
    const { o365kitError, ...rest } = e;
    return new GraphError({ ...rest, kind: o365kitError });
  }
  return e;
}

function camel(snake) {
  return snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** `getToken`'s token, checked (a rejection of the host's getToken reaches the caller as is). */
async function bearer(getToken) {
  const token = await getToken();
  if (typeof token !== "string" || !token.trim() || /[\0-\x1f\x7f-\x9f]/.test(token)) {
    throw new TypeError("getToken must return (or resolve to) a non-empty token string");
  }
  return token;
}

/** fetch's own words, and its cause's as Node gives them (fetch errors never hold headers). */
function describe(e) {
  let msg = typeof e?.message === "string" ? e.message : "request failed";
  const cause = e?.cause;
  const why = typeof cause?.message === "string" ? cause.message : typeof cause === "string" ? cause : undefined;
  return why === undefined ? msg : `${msg}: ${why}`;
}

/** One attempt at what a machine's `send` step says; the token only where `auth` says so. The
 * core follows redirects (without the token), so fetch must hand them over. */
async function send(step, token) {
  const headers = new Headers(step.headers);
  if (token !== undefined) headers.set("Authorization", `Bearer ${token}`);
  const init = { method: step.method, headers, body: step.body, redirect: "manual" };
  // The whole request, as the native client's default (Graph's own gateway gives up at 100 s).
  if (typeof AbortSignal.timeout === "function") init.signal = AbortSignal.timeout(100000);
  const res = await fetch(step.url, init);
  let lines = "";
  res.headers.forEach((value, name) => { lines += `${name}:${value}\n`; });
  let body;
  try {
    body = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new Error(`the response body was cut off: ${describe(e)}`);
  }
  return [res.status, lines, body];
}

/** Runs a core machine (a call, a sync step, an upload, a watch round) to its next result. */
async function drive(machine, getToken, hooks = {}) {
  try {
    for (;;) {
      const step = machine.step();
      switch (step.k) {
        case "send": {
          // A fresh token for every attempt, so the host can refresh it.
          const token = step.auth ? await bearer(getToken) : undefined;
          let res;
          try {
            res = await send(step, token);
          } catch (e) {
            machine.fail(describe(e));
            break;
          }
          machine.feed(...res);
          break;
        }
        case "wait":
          await pause(step.ms);
          break;
        case "read": {
          const chunk = await hooks.read(step.offset, step.length);
          if (!(chunk instanceof Uint8Array)) throw new TypeError("source: read must give a Uint8Array");
          machine.chunk(chunk);
          break;
        }
        case "progress":
          hooks.progress?.(step.sent, step.total);
          break;
        default:
          return step.value;
      }
    }
  } catch (e) {
    throw toJsError(e);
  }
}

/** Runs a machine to its result, then frees it. */
async function run(machine, getToken, hooks) {
  try {
    return await drive(machine, getToken, hooks);
  } finally {
    machine.free();
  }
}

/** `setTimeout` as a promise that an AbortSignal cuts short (rejecting with its reason). */
function pause(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A machine from the wasm client; bad arguments throw here, before anything is sent. */
function made(make) {
  try {
    return make();
  } catch (e) {
    throw toJsError(e);
  }
}

/** The wasm client with the host's token source: what `Client` methods run their calls on. */
class Conn {
  constructor(raw, getToken) {
    this.raw = raw;
    this.getToken = getToken;
  }
  async call(name, args, nextLink) {
    return run(made(() => this.raw.call(name, args, nextLink)), this.getToken);
  }
  async syncStep(name, args, state) {
    return run(made(() => this.raw.syncStep(name, args, state)), this.getToken);
  }
}

/** What list methods return: a promise of the first page that can also walk every page. */
class ListRequest {
  constructor(raw, name, args) {
    this._raw = raw;
    this._name = name;
    this._args = args;
    this._first = null;
  }
  _firstPage() {
    if (!this._first) this._first = this._raw.call(this._name, this._args, undefined).catch((e) => { throw toJsError(e); });
    return this._first;
  }
  then(onFulfilled, onRejected) {
    return this._firstPage().then(onFulfilled, onRejected);
  }
  catch(onRejected) {
    return this._firstPage().catch(onRejected);
  }
  finally(onFinally) {
    return this._firstPage().finally(onFinally);
  }
  /** Every page, following nextLink (the core checks each link stays on the endpoint's origin). */
  async *pages() {
    let page = await this._firstPage();
    yield page;
    while (page.nextLink) {
      try {
        page = await this._raw.call(this._name, this._args, page.nextLink);
      } catch (e) {
        throw toJsError(e);
      }
      yield page;
    }
  }
  /** Every item of every page. */
  async *all() {
    for await (const page of this.pages()) yield* page.value;
  }
  [Symbol.asyncIterator]() {
    return this.all();
  }
  /** Every item of every page, in one array. */
  async toArray() {
    const out = [];
    for await (const item of this.all()) out.push(item);
    return out;
  }
  get [Symbol.toStringTag]() {
    return "ListRequest";
  }
}

/** What delta methods return: one round of a sync, run by the core's state machine one page per
 * step. `for await` its changes, then store `state`; an AbortSignal stops it between requests. */
class SyncRequest {
  constructor(raw, name, args, options) {
    if (options !== undefined && (options === null || typeof options !== "object")) {
      throw new TypeError("sync: expected { state?, signal? }");
    }
    const { state, signal } = options ?? {};
    if (state !== undefined && state !== null && typeof state !== "string") throw new TypeError("state: must be a string");
    this._raw = raw;
    this._name = name;
    this._args = args;
    this._signal = signal;
    this.state = state ?? null;
    this.resyncs = [];
  }
  /** [changes, the state after them] per page, until the round is complete. */
  async *_steps() {
    let state = this.state;
    for (;;) {
      this._signal?.throwIfAborted();
      let out;
      try {
        out = await this._raw.syncStep(this._name, this._args, state ?? undefined);
      } catch (e) {
        throw toJsError(e);
      }
      // A page that arrives after the abort is dropped: its state was not taken either.
      this._signal?.throwIfAborted();
      state = out.state;
      if (out.kind === "resync") {
        this.resyncs.push(out.reason);
        yield [[{ kind: "resync", reason: out.reason }], state];
        continue;
      }
      yield [out.changes, state];
      if (out.caughtUp) return;
    }
  }
  /** The round page by page; `state` is already the page's when it is yielded. */
  async *pages() {
    for await (const [changes, state] of this._steps()) {
      this.state = state;
      yield changes;
    }
  }
  async *[Symbol.asyncIterator]() {
    for await (const [changes, state] of this._steps()) {
      yield* changes;
      this.state = state;
    }
  }
  get [Symbol.toStringTag]() {
    return "SyncRequest";
  }
}

/** What `watchGroupMail` returns: each new post of a group once, as `{ conversation, thread, post }`,
 * for as long as it is iterated (a round every `intervalMs`); `state` is what to store after
 * handling a post. An AbortSignal ends it, also while it waits. */
class WatchRequest {
  constructor(conn, groupId, options) {
    if (options !== undefined && (options === null || typeof options !== "object")) {
      throw new TypeError("watchGroupMail: expected { state?, intervalMs?, signal? }");
    }
    const { state, intervalMs, signal, ...rest } = options ?? {};
    const unknown = Object.keys(rest);
    if (unknown.length) throw new TypeError(`options: unknown option ${JSON.stringify(unknown[0])}; expected state, intervalMs, signal`);
    if (state !== undefined && state !== null && typeof state !== "string") throw new TypeError("state: must be a string");
    if (intervalMs !== undefined && (typeof intervalMs !== "number" || !Number.isFinite(intervalMs))) {
      throw new TypeError("intervalMs: must be a number of milliseconds");
    }
    // Made now: a bad group id, state or interval throws here. One iteration at a time.
    this._machine = made(() => conn.raw.watchGroupMail(groupId, state ?? undefined, intervalMs ?? 60000));
    this._getToken = conn.getToken;
    this._signal = signal;
    this.state = state ?? null;
  }
  /** Starts a new watch now (iterating starts it too): posts received from then on are new. */
  async start() {
    while (this._machine.starting) {
      const out = await drive(this._machine, this._getToken);
      this.state = out.state;
      if (this._machine.starting) await pause(out.waitMs, this._signal);
    }
  }
  async *[Symbol.asyncIterator]() {
    for (;;) {
      this._signal?.throwIfAborted();
      const out = await drive(this._machine, this._getToken);
      // Posts that arrive after the abort are dropped: their state was not taken either.
      this._signal?.throwIfAborted();
      for (const mail of out.posts) yield mail;
      this.state = out.state;
      await pause(out.waitMs, this._signal);
    }
  }
  get [Symbol.toStringTag]() {
    return "WatchRequest";
  }
}

/** `JSON.stringify` replacer for arguments: binary content given as a Uint8Array (any typed array,
 * a Node Buffer) or an ArrayBuffer goes as the base64 text Graph's JSON carries (`contentBytes`).
 * `this[key]` is the value before `toJSON` (Buffer has one that would make it `{ type, data }`). */
function bytesAsBase64(key, value) {
  const raw = this[key];
  let bytes;
  if (raw instanceof ArrayBuffer) bytes = new Uint8Array(raw);
  else if (ArrayBuffer.isView(raw)) bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  else return value;
  if (typeof bytes.toBase64 === "function") return bytes.toBase64();
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

const OPTION_KEYS = new Set(["getToken", "baseUrl", "version", "cloud", "maxAttempts", "mailbox"]);

/** A Microsoft Graph client: one method per operation of the o365kit table. */
export class Client {
  constructor(options) {
    if (options === null || typeof options !== "object") {
      throw new TypeError("options: expected { getToken, baseUrl?, version?, cloud?, maxAttempts?, mailbox? }");
    }
    for (const key of Object.keys(options)) {
      if (!OPTION_KEYS.has(key)) {
        throw new TypeError(`options: unknown option ${JSON.stringify(key)}; expected one of ${[...OPTION_KEYS].join(", ")}`);
      }
    }
    const { getToken, baseUrl, version, cloud, maxAttempts, mailbox } = options;
    if (typeof getToken !== "function") {
      throw new TypeError("getToken: must be a function returning a bearer token or a promise of one");
    }
    for (const [name, value] of [["baseUrl", baseUrl], ["version", version], ["cloud", cloud], ["mailbox", mailbox]]) {
      if (value !== undefined && value !== null && typeof value !== "string") {
        throw new TypeError(`${name}: must be a string`);
      }
    }
    if (maxAttempts !== undefined && maxAttempts !== null && (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100)) {
      throw new RangeError("maxAttempts: must be an integer from 1 to 100");
    }
    try {
      this[RAW] = new Conn(new RawClient(baseUrl ?? undefined, version ?? undefined, cloud ?? undefined, maxAttempts ?? undefined,
        mailbox ?? undefined), getToken);
    } catch (e) {
      throw toJsError(e);
    }
    Object.defineProperty(this, RAW, { enumerable: false });
  }

  /** A client on another mailbox (shared, or another user's you were granted), with the same
   * token source and settings; `"me"` is the signed-in user's. */
  mailbox(id) {
    if (typeof id !== "string") throw new TypeError("mailbox: must be a string (a user id or principal name, or \"me\")");
    let raw;
    try {
      raw = new Conn(this[RAW].raw.withMailbox(id), this[RAW].getToken);
    } catch (e) {
      throw toJsError(e);
    }
    const client = Object.create(Client.prototype);
    Object.defineProperty(client, RAW, { value: raw, enumerable: false });
    return client;
  }

  /** Each new post of group `groupId` once, with its thread and conversation: `for await (const
   * { conversation, thread, post } of client.watchGroupMail(id, { state, intervalMs, signal }))`,
   * then store `.state` to go on from there later without losing or repeating a post. */
  watchGroupMail(groupId, options) {
    return new WatchRequest(this[RAW], groupId, options);
  }

  /** Runs calls together in JSON batches (20 per round trip, throttled items sent again after
   * their Retry-After). Each call is `[method, ...args]` (`["getGroup", id]`) or
   * `{ call: [method, ...args], dependsOn: [indexes of earlier calls] }`; resolves to one
   * `{ ok: true, value }` or `{ ok: false, error }` per call, in order (a list method gives its
   * first page). A bad call rejects the whole batch before anything is sent. */
  async batch(calls) {
    if (!Array.isArray(calls)) throw new TypeError("calls: must be an array of [method, ...args] or { call, dependsOn }");
    const raw = calls.map((c, i) => {
      const { call, dependsOn } = Array.isArray(c) ? { call: c } : (c ?? {});
      const op = Array.isArray(call) ? operations.find((o) => o.jsName === call[0]) : undefined;
      if (!op || op.kind === "delta") {
        throw new TypeError(`calls[${i}]: must be [method, ...args] or { call: [method, ...args], dependsOn } with a method of Client (not a sync)`);
      }
      return [op.name, call.slice(1), dependsOn];
    });
    const answers = await run(made(() => this[RAW].raw.batch(raw)), this[RAW].getToken);
    return answers.map((a) => ("error" in a ? { ok: false, error: toJsError(a.error) } : { ok: true, value: a.value }));
  }

  /** `"me"`, or the mailbox given to `mailbox()` or the constructor. */
  get mailboxId() {
    return this[RAW].raw.mailboxId;
  }

  /** The versioned base URL, e.g. `https://graph.microsoft.com/v1.0`. */
  get baseUrl() {
    return this[RAW].raw.baseUrl;
  }

  /** Uploads `source` (a Blob or File, a Uint8Array or an ArrayBuffer) through an upload session
   * with the core's machine; resolves to the drive item or the attachment (with its id). */
  async upload(session, source, options) {
    const { onProgress, chunkSize, resume, ...rest } = options ?? {};
    const unknown = Object.keys(rest);
    if (unknown.length) throw new TypeError(`options: unknown option ${JSON.stringify(unknown[0])}; expected onProgress, chunkSize, resume`);
    if (onProgress !== undefined && typeof onProgress !== "function") throw new TypeError("onProgress: must be a function");
    let size, read;
    if (typeof Blob !== "undefined" && source instanceof Blob) {
      size = source.size;
      read = async (offset, length) => new Uint8Array(await source.slice(offset, offset + length).arrayBuffer());
    } else if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
      const bytes = source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
      size = bytes.length;
      read = (offset, length) => bytes.slice(offset, offset + length);
    } else {
      throw new TypeError("source: must be a Blob, File, Uint8Array or ArrayBuffer");
    }
    const machine = made(() => this[RAW].raw.upload(session, size, chunkSize, Boolean(resume)));
    return (await run(machine, this[RAW].getToken, { read, progress: onProgress })).value;
  }

  toString() {
    return this.mailboxId === "me" ? `Client(${this.baseUrl})` : `Client(${this.baseUrl}, mailbox ${this.mailboxId})`;
  }
}

/** Every operation of the table, with its JS names. */
export let operations = [];

let ready = null;

/** Loads the wasm module (once) and adds the operations' methods to `Client`. */
export function setup(wasmSource) {
  if (!ready) {
    ready = initWasm({ module_or_path: wasmSource }).then(() => {
      setBytesReplacer(bytesAsBase64);
      operations = Object.freeze(
        rawOperations().map((op) =>
          Object.freeze({
            ...op,
            jsName: camel(op.name),
            params: Object.freeze(op.params.map((p) => Object.freeze({ ...p, jsName: camel(p.name) }))),
          }),
        ),
      );
      for (const op of operations) {
        const { name, kind } = op;
        const arity = op.params.length;
        const method = kind === "list"
          ? function (...args) {
              return new ListRequest(this[RAW], name, args);
            }
          : kind === "delta"
          ? function (...args) {
              // The sync options come after the operation's own parameters.
              return new SyncRequest(this[RAW], name, args.slice(0, arity), args[arity]);
            }
          : function (...args) {
              return this[RAW].call(name, args, undefined);
            };
        Object.defineProperty(method, "name", { value: op.jsName });
        Object.defineProperty(Client.prototype, op.jsName, { value: method, writable: true, configurable: true });
      }
    });
  }
  return ready;
}
