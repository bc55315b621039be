// The bearer token never shows: every error path of the package is provoked against an emulator
// process of this file's own, and everything that could carry the token is scanned for it (errors'
// message, stack, String, util.inspect with hidden properties, JSON, causes; the clients and request
// objects inspected; console output, process warnings, everything written to stdout and stderr; the
// emulator's stdout and stderr), as it is and base64- or percent-encoded. Pre-authenticated URLs
// (uploads, downloads after Graph's redirect) answer 401 to a request carrying a token, so the
// uploads and downloads that succeed here prove the token was not sent there; fetch is watched too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { get } from "node:http";
import { inspect } from "node:util";
import { Client, GraphError } from "o365kit";
import { startEmulator } from "./emulator.mjs";

// Seed users spelled as nobody else spells them: the emulator matches principal names without case,
// so these sign in, and any text holding them came from the token.
const MEMBER = "emulator:mEmBeR@cOnToSo.TeSt";
const OUTSIDER = "emulator:OuTsIdEr@CoNtOsO.tEsT";
// Refused: an unknown user (401 "Access token validation failure.") and a token not the emulator's.
const UNKNOWN_USER = "emulator:nObOdY-q7x3k9@cOnToSo.TeSt";
const FOREIGN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzdWIiOiJjYW5hcnkifQ.Zm9yZ2VkLXNpZ25hdHVyZQ";
const SECRETS = [MEMBER, OUTSIDER, UNKNOWN_USER, FOREIGN];
const PUBLIC = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64";
const PRIVATE = "9b1e5d2a-47c6-4f0e-b8a3-6e2d9c4f1a07";
const CHUNK = 327_680;

/** [what, needle, any case]: the token, its principal name as spelled, percent-encoded, and base64
 * (standard and URL-safe) at each of the three alignments it can have inside longer base64. */
function forms(secret) {
  const out = [["the token", secret, true]];
  if (secret.startsWith("emulator:")) out.push(["its principal name as spelled", secret.slice("emulator:".length), false]);
  out.push(["percent-encoded", encodeURIComponent(secret), true]);
  for (const enc of ["base64", "base64url"]) {
    for (let pad = 0; pad < 3; pad++) {
      let text = Buffer.from("xx".slice(0, pad) + secret).toString(enc);
      if (enc === "base64url") text = text.padEnd(Math.ceil(text.length / 4) * 4, "=");
      out.push([enc, text.slice(pad ? 4 : 0, text.length - 4), false]);
    }
  }
  return out;
}

function leaks(texts) {
  const found = [];
  for (const secret of SECRETS) {
    for (const [what, needle, anyCase] of forms(secret)) {
      for (const [label, text] of texts) {
        const hit = anyCase ? text.toLowerCase().includes(needle.toLowerCase()) : text.includes(needle);
        if (hit) found.push(`${label}: ${what} of ${JSON.stringify(secret)}`);
      }
    }
  }
  return found;
}

/** Every way a thrown value turns into text. */
function allText(e) {
  const parts = [String(e), e?.message ?? "", e?.stack ?? "", inspect(e, { showHidden: true, depth: Infinity })];
  try { parts.push(JSON.stringify(e), JSON.stringify(Object.entries(e ?? {}))); } catch { /* a cycle: inspect has it */ }
  if (e?.cause !== undefined) parts.push(allText(e.cause));
  return parts.join("\n");
}

/** Everything said along the way, and the error paths checked. */
class Seen {
  texts = [];
  paths = [];
  text(label, text) { this.texts.push([label, String(text)]); }
  error(label, e) {
    this.paths.push(label);
    this.text(label, allText(e));
    return e;
  }
  /** Awaits `call()`, which must fail with `kind` (and `status`, for a GraphError). */
  async expect(label, kind, call, status) {
    let e;
    try {
      await call();
    } catch (x) {
      e = x;
    }
    assert.ok(e instanceof kind, `${label}: expected ${kind.name}, got ${e?.constructor?.name}: ${e?.message}`);
    if (status !== undefined) assert.equal(e.status, status, `${label}: ${e.message}`);
    return this.error(label, e);
  }
}

/** Console output, process warnings and everything written to stdout and stderr, while `work` runs. */
async function listening(work) {
  const heard = [];
  const restore = [];
  for (const name of ["log", "info", "warn", "error", "debug", "trace", "dir"]) {
    const real = console[name];
    console[name] = (...args) => { heard.push(`console.${name}: ${args.map((a) => inspect(a, { showHidden: true, depth: Infinity })).join(" ")}`); };
    restore.push(() => { console[name] = real; });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const real = stream.write;
    stream.write = function (chunk, ...rest) {
      heard.push(String(chunk));
      return real.call(this, chunk, ...rest);
    };
    restore.push(() => { stream.write = real; });
  }
  const onWarning = (w) => heard.push(`warning: ${allText(w)}`);
  process.on("warning", onWarning);
  restore.push(() => process.off("warning", onWarning));
  try {
    await work();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return heard.join("\n");
}

test("no error path shows the token anywhere", async () => {
  const emu = await startEmulator();
  const seen = new Seen();
  // Every request the package makes, and whether it carried a token.
  const sent = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const req = new Request(input, init);
    sent.push({ url: req.url, auth: req.headers.has("authorization") });
    return realFetch(input, init);
  };
  let heard;
  try {
    heard = await listening(async () => {
      console.debug("listening to the console");
      await provokeEveryError(emu, seen);
    });
  } finally {
    globalThis.fetch = realFetch;
    await emu.stop();
  }
  const preauthenticated = sent.filter((r) => /\/(upload|download)\//.test(new URL(r.url).pathname));
  assert.ok(preauthenticated.length >= 5, `uploads and downloads went out: ${preauthenticated.length}`);
  assert.deepEqual(preauthenticated.filter((r) => r.auth), [], "no token to a pre-authenticated URL");
  assert.match(heard, /console\.debug: 'listening to the console'/, "the console was heard");
  const { stdout, stderr } = emu.output();
  assert.match(stdout, /listening on http:\/\/127\.0\.0\.1:/, "the emulator's output was read");
  seen.text("emulator stdout", stdout);
  seen.text("emulator stderr", stderr);
  seen.text("console, stdout, stderr, warnings", heard);
  assert.equal(seen.paths.length, 34, seen.paths.join(", "));
  const found = leaks(seen.texts);
  const shown = new Set(found.map((f) => f.split(": ")[0]));
  const details = seen.texts.filter(([label]) => shown.has(label)).map(([l, t]) => `== ${l}\n${t}`).join("\n\n");
  assert.deepEqual(found, [], `the token leaked:\n${found.join("\n")}\n\n${details}`);
});

async function provokeEveryError(emu, seen) {
  const url = emu.url;
  const make = (token, extra = {}) => new Client({ getToken: async () => token, baseUrl: url, ...extra });
  const member = make(MEMBER, { maxAttempts: 3 });
  const memberOnce = make(MEMBER, { maxAttempts: 1 });
  const outsider = make(OUTSIDER, { maxAttempts: 1 });
  const unknown = make(UNKNOWN_USER, { maxAttempts: 1 });
  const foreign = new Client({ getToken: () => FOREIGN, baseUrl: url, maxAttempts: 1 });
  const dead = new Client({ getToken: () => MEMBER, baseUrl: "http://127.0.0.1:9", maxAttempts: 1 });
  for (const c of [member, memberOnce, outsider, unknown, foreign, dead, member.mailbox("member@contoso.test")]) {
    seen.text("client", `${c} ${inspect(c, { showHidden: true, depth: Infinity })} ${JSON.stringify(c)}`);
  }
  const fault = (rule) => emu.injectFault(rule);
  const faultsLeft = async () => {
    const rules = await (await fetch(`${url}/_emulator/faults`)).json();
    return (rules.value ?? rules).reduce((n, r) => n + (r.count ?? 0), 0);
  };

  await seen.expect("400 bad $filter", GraphError, () => memberOnce.listGroups({ filter: "displayName eq" }), 400);
  const e401 = await seen.expect("401 unknown user", GraphError, () => unknown.listJoinedGroups(), 401);
  assert.equal(e401.code, "InvalidAuthenticationToken");
  await seen.expect("401 foreign token", GraphError, () => foreign.listGroups().toArray(), 401);
  await seen.expect("403 private group", GraphError, () => outsider.listGroupThreads(PRIVATE).toArray(), 403);
  await seen.expect("404 thread", GraphError, () => member.getThread(PUBLIC, "AAQkAGNoSuchThreadAAAAAAAA="), 404);
  await member.createCalendar({ name: "Token canary" });
  await seen.expect("409 calendar exists", GraphError, () => member.createCalendar({ name: "Token canary" }), 409);
  // The emulator has no ETags to disagree with: an injected 412 stands in for Graph's.
  await fault({ status: 412, count: 1 });
  await seen.expect("412 injected", GraphError, () => memberOnce.getGroup(PUBLIC), 412);
  const big = { subject: "big", body: { contentType: "text", content: "a".repeat(5 << 20) } };
  await seen.expect("413 body over 4 MB", GraphError, () => memberOnce.createMessage(big), 413);

  await fault({ status: 429, retryAfter: 0, count: 3 });
  await seen.expect("429 retries exhausted", GraphError, () => member.listJoinedGroups(), 429);
  assert.equal(await faultsLeft(), 0, "all three attempts were sent");
  await fault({ status: 503, retryAfter: 1, count: 1 });
  await seen.expect("503", GraphError, () => memberOnce.listGroups(), 503);
  await fault({ status: 500, count: 1 });
  await seen.expect("500", GraphError, () => memberOnce.getGroup(PUBLIC), 500);

  await fault({ truncate: true, count: 1 });
  const cut = await seen.expect("truncated body", GraphError, () => memberOnce.listGroupThreads(PUBLIC));
  assert.ok(["decode", "transport"].includes(cut.kind), cut.kind);
  await fault({ drop: true, count: 1 });
  const dropped = await seen.expect("dropped connection", GraphError, () => memberOnce.listGroupThreads(PUBLIC));
  assert.ok(["decode", "transport"].includes(dropped.kind), dropped.kind);
  assert.equal(await faultsLeft(), 0);
  const refused = await seen.expect("connection refused", GraphError, () => dead.listGroups());
  assert.equal(refused.kind, "transport");

  // Refused before sending: a bad id, a bad client, tokens that cannot go in a header.
  const bad = await seen.expect("invalid id", RangeError, () => member.getThread(PUBLIC, ""));
  assert.equal(bad.param, "threadId");
  await seen.expect("bad baseUrl", Error, () => new Client({ getToken: () => MEMBER, baseUrl: "not a url" }));
  const broken = new Client({ getToken: () => `${MEMBER}\r\n`, baseUrl: url });
  seen.text("client", inspect(broken, { showHidden: true, depth: Infinity }));
  await seen.expect("token with a line break", TypeError, () => broken.listGroups());
  // fetch refuses a header that is not Latin-1, which the package reports as a failed request.
  const wide = new Client({ getToken: () => `${MEMBER}\u2028`, baseUrl: url, maxAttempts: 1 });
  const notLatin1 = await seen.expect("token not in Latin-1", GraphError, () => wide.listGroups());
  assert.equal(notLatin1.kind, "transport");
  const notText = new Client({ getToken: () => Buffer.from(MEMBER), baseUrl: url });
  await seen.expect("token not a string", TypeError, () => notText.listGroups());

  // Uploads: the emulator answers 401 to a chunk carrying a token, so a finished one sent none.
  const body = new Uint8Array(CHUNK * 2 + 1000).map((_, i) => i % 251);
  let session = await member.createDriveUploadSession(PUBLIC, "token-canary.bin");
  seen.text("session", inspect(session, { depth: Infinity }));
  const item = await member.upload(session, body, { chunkSize: CHUNK });
  seen.text("uploaded", inspect(item, { depth: Infinity }));
  // The download follows Graph's 302 to a pre-authenticated URL, throttled once and asked again.
  await fault({ status: 503, retryAfter: 0, count: 1, pathPrefix: "/download" });
  assert.deepEqual((await member.downloadDriveItem(PUBLIC, item.id)).bytes, body);
  assert.equal(await faultsLeft(), 0, "the download URL was asked twice");
  // The emulator does tell: the same URL with a token is a 401.
  const link = (await member.getDriveItem(PUBLIC, item.id))["@microsoft.graph.downloadUrl"];
  const told = await new Promise((resolve, reject) => {
    get(link, { headers: { authorization: "Bearer x" } }, (res) => { res.resume(); resolve(res.statusCode); }).on("error", reject);
  });
  assert.equal(told, 401);

  session = await member.createDriveUploadSession(PUBLIC, "token-canary-2.bin");
  await fault({ status: 500, count: 1, pathPrefix: "/upload" });
  await seen.expect("upload chunk 500", GraphError, () => memberOnce.upload(session, body), 500);
  session = await member.createDriveUploadSession(PUBLIC, "token-canary-3.bin");
  await seen.expect("upload chunk 413", GraphError, () => member.upload(session, new Uint8Array(CHUNK * 16), { chunkSize: CHUNK * 16 }), 413);
  // A pre-authenticated URL authorizes whoever holds it, like a token: a connection lost on one
  // (a chunk, a download) is an error that does not name it.
  session = await member.createDriveUploadSession(PUBLIC, "token-canary-5.bin");
  await fault({ drop: true, count: 1, pathPrefix: "/upload" });
  const chunkCut = await seen.expect("upload chunk cut off", GraphError, () => memberOnce.upload(session, body));
  assert.ok(!allText(chunkCut).includes(session.uploadUrl.split("/").at(-1)), allText(chunkCut));
  await fault({ drop: true, count: 1, pathPrefix: "/download" });
  const downloadCut = await seen.expect("download cut off", GraphError, () => memberOnce.downloadDriveItem(PUBLIC, item.id));
  assert.ok(!allText(downloadCut).includes("/download/"), allText(downloadCut));
  session = await member.createDriveUploadSession(PUBLIC, "token-canary-4.bin");
  await fetch(`${url}/_emulator/uploads/expire`, { method: "POST" });
  const expired = await seen.expect("upload expired", GraphError, () => member.upload(session, body));
  assert.match(expired.message, /upload session expired/);
  assert.equal(expired.kind, "uploadExpired");
  assert.equal(expired.code, "UploadExpired");

  // Delta sync: someone else's inbox, a step failing with 503, a foreign state.
  const drain = async (sync) => { for await (const _ of sync); };
  await seen.expect("sync 403", GraphError, () => drain(outsider.mailbox("member@contoso.test").syncMessages("inbox")), 403);
  await fault({ status: 503, count: 1, pathPrefix: "/v1.0/me/mailFolders/inbox/messages/delta" });
  const sync = memberOnce.syncMessages("inbox", { maxPageSize: 5 });
  await seen.expect("sync 503", GraphError, () => drain(sync), 503);
  seen.text("sync", inspect(sync, { showHidden: true, depth: Infinity }));
  const stale = await seen.expect("sync foreign state", RangeError, () => drain(member.syncMessages("inbox", {}, { state: "garbage" })));
  assert.equal(stale.param, "state");

  // A batch whose items fail: 404, 403, and 424 for the one depending on a failed item.
  const out = await member.batch([
    ["getGroup", PUBLIC],
    ["getThread", PUBLIC, "AAQkAGNoSuchThreadAAAAAAAA="],
    ["listGroupThreads", PRIVATE],
    { call: ["getGroup", PRIVATE], dependsOn: [1] },
  ]);
  seen.text("batch", inspect(out, { showHidden: true, depth: Infinity }));
  assert.equal(out[0].value.id, PUBLIC);
  for (const [i, status] of [[1, 404], [2, 403], [3, 424]]) {
    assert.equal(out[i].ok, false);
    await seen.expect(`batch item ${status}`, GraphError, () => { throw out[i].error; }, status);
  }

  // The group-mail watcher: denied, a round failing, a foreign state.
  const first = async (watch) => { for await (const mail of watch) return mail; };
  const denied = outsider.watchGroupMail(PRIVATE, { intervalMs: 50 });
  await seen.expect("watcher 403", GraphError, () => first(denied), 403);
  seen.text("watcher", inspect(denied, { showHidden: true, depth: Infinity }));
  const watch = memberOnce.watchGroupMail(PUBLIC, { intervalMs: 50 });
  await fault({ status: 400, count: 1, pathPrefix: `/v1.0/groups/${PUBLIC}/threads` });
  await seen.expect("watcher 400", GraphError, () => watch.start(), 400);
  const foreignState = await seen.expect("watcher foreign state", RangeError, () => first(member.watchGroupMail(PUBLIC, { state: "garbage" })));
  assert.equal(foreignState.param, "state");

  // A getToken that fails: its own error reaches the caller, as it is.
  const own = new Error("no SSO here");
  const failing = new Client({ getToken: async () => { throw own; }, baseUrl: url });
  assert.equal(await seen.expect("getToken fails", Error, () => failing.listGroups()), own);
}

test("the scan sees the token in every form", () => {
  const planted = [
    MEMBER,
    MEMBER.toLowerCase(),
    "signed in as mEmBeR@cOnToSo.TeSt",
    `url?t=${encodeURIComponent(MEMBER).toLowerCase()}`,
    Buffer.from(`Authorization: Bearer ${MEMBER}`).toString("base64"),
    Buffer.from(`Bearer ${MEMBER}!`).toString("base64"),
    Buffer.from(`[${FOREIGN}]`).toString("base64url"),
    inspect(Buffer.from(MEMBER).toString()),
  ];
  for (const text of planted) assert.ok(leaks([["planted", text]]).length > 0, text);
  assert.deepEqual(leaks([["clean", "member@contoso.test signed in; outsider@contoso.test denied; emulator: ok"]]), []);
});
