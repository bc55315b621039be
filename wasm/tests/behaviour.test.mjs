// Paging, errors, retries, token handling and argument checks, against a real emulator process.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { Client, GraphError } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";

let emu;
before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

const make = (token, extra = {}) => new Client({ getToken: async () => token, baseUrl: emu.url, ...extra });

async function groups() {
  const all = await make(TOKENS.owner).listGroups().toArray();
  return {
    pub: all.find((g) => (g.visibility ?? "").toLowerCase() === "public"),
    priv: all.find((g) => (g.visibility ?? "").toLowerCase() === "private"),
  };
}

/** Every way an error can turn into text. */
function allText(e) {
  return [String(e), e.message, e.stack ?? "", inspect(e, { depth: 5, showHidden: true }), JSON.stringify(e), JSON.stringify(Object.entries(e))].join("\n");
}

test("paging: first page, nextLink, pages() and all()", async () => {
  const c = make(TOKENS.member);
  const { pub } = await groups();
  for (let i = 0; i < 5; i++) await c.createThread(pub.id, `paging ${i}`, `<p>paging ${i}</p>`);
  const everything = await c.listGroupThreads(pub.id).toArray();
  assert.ok(everything.length >= 5);

  const first = await c.listGroupThreads(pub.id, { top: 2 });
  assert.equal(first.value.length, 2);
  assert.equal(typeof first.nextLink, "string");

  const pages = [];
  for await (const page of c.listGroupThreads(pub.id, { top: 2 }).pages()) pages.push(page);
  assert.equal(pages.length, Math.ceil(everything.length / 2));
  assert.ok(pages.slice(0, -1).every((p) => p.value.length === 2 && p.nextLink));
  assert.equal(pages.at(-1).nextLink, undefined);

  const ids = [];
  for await (const th of c.listGroupThreads(pub.id, { top: 2 })) ids.push(th.id);
  assert.deepEqual(new Set(ids), new Set(everything.map((t) => t.id)));
  assert.equal(ids.length, everything.length, "no item twice");

  // Awaiting and then iterating the same request reuses the first page.
  const req = c.listGroupThreads(pub.id, { top: 2 });
  const p1 = await req;
  const again = [];
  for await (const th of req.all()) again.push(th.id);
  assert.equal(again[0], p1.value[0].id);
  assert.equal(again.length, everything.length);
});

test("errors: GraphError with status, code, message, requestId", async () => {
  const { pub, priv } = await groups();
  const outsider = make(TOKENS.outsider);
  const err = await outsider.listGroupThreads(priv.id).then(() => null, (e) => e);
  assert.ok(err instanceof GraphError, `got ${err}`);
  assert.ok(err instanceof Error);
  assert.equal(err.name, "GraphError");
  assert.equal(err.kind, "api");
  assert.equal(err.status, 403);
  assert.equal(typeof err.code, "string");
  assert.ok(err.code.length > 0);
  assert.ok(err.message.length > 0);
  assert.equal(typeof err.requestId, "string");

  // The public group is readable by anyone in the tenant.
  assert.ok(Array.isArray((await outsider.listGroupThreads(pub.id)).value));

  const nf = await make(TOKENS.member).getGroup("00000000-0000-0000-0000-000000000000").catch((e) => e);
  assert.ok(nf instanceof GraphError);
  assert.equal(nf.status, 404);

  const unauth = await make("emulator:nobody@nowhere.test").listGroups().catch((e) => e);
  assert.ok(unauth instanceof GraphError);
  assert.equal(unauth.status, 401);
});

test("retry: an injected 429 with Retry-After is waited out", async () => {
  const c = make(TOKENS.member);
  await emu.injectFault({ status: 429, retryAfter: 1, count: 1 });
  const t0 = Date.now();
  const page = await c.listJoinedGroups();
  const elapsed = Date.now() - t0;
  assert.ok(Array.isArray(page.value));
  assert.ok(elapsed >= 900, `waited ${elapsed} ms for Retry-After: 1`);

  // When throttling outlasts the attempts, the 429 reaches the caller with retryAfter.
  const once = make(TOKENS.member, { maxAttempts: 1 });
  await emu.injectFault({ status: 429, retryAfter: 1, count: 1 });
  const e = await once.listJoinedGroups().catch((x) => x);
  assert.ok(e instanceof GraphError, `got ${e}`);
  assert.equal(e.status, 429);
  assert.equal(e.retryAfter, 1);
});

test("retry rules come from the core: idempotency, 503 backoff, truncated bodies", async () => {
  const c = make(TOKENS.member);
  const { pub } = await groups();

  // A GET hit by a 503 without Retry-After is retried with backoff.
  await emu.injectFault({ status: 503, count: 1, method: "GET" });
  assert.ok(Array.isArray((await c.listJoinedGroups()).value));

  // A POST hit by a 503 without Retry-After may have been processed: not resent.
  await emu.injectFault({ status: 503, count: 1, method: "POST" });
  const e = await c.createThread(pub.id, "not resent", "<p>x</p>").catch((x) => x);
  assert.ok(e instanceof GraphError, `got ${e}`);
  assert.equal(e.status, 503);

  // A POST throttled with Retry-After was not processed: resent after the wait.
  await emu.injectFault({ status: 429, retryAfter: 1, count: 1, method: "POST" });
  const t0 = Date.now();
  const created = await c.createThread(pub.id, "resent after 429", "<p>x</p>");
  assert.equal(typeof created.id, "string");
  assert.ok(Date.now() - t0 >= 900);

  // A body cut short: a GraphError of kind "decode".
  await emu.injectFault({ truncate: true, count: 4 });
  const d = await c.listJoinedGroups().catch((x) => x);
  assert.ok(d instanceof GraphError, `got ${d}`);
  assert.equal(d.kind, "decode");
  assert.equal(d.code, "DecodeError");
  await fetch(`${emu.url}/_emulator/faults`, { method: "DELETE" });
});

test("the token is never in error text", async () => {
  const secret = "emulator:member@contoso.test";
  const { priv } = await groups();
  const outsiderSecret = TOKENS.outsider;
  const forbidden = await make(outsiderSecret).listGroupThreads(priv.id).catch((e) => e);
  assert.ok(forbidden instanceof GraphError);
  assert.ok(!allText(forbidden).includes(outsiderSecret), allText(forbidden));

  const badToken = "emulator:not-a-user-s3cr3t@contoso.test";
  const unauth = await make(badToken).listGroups().catch((e) => e);
  assert.ok(unauth instanceof GraphError);
  assert.ok(!allText(unauth).includes("s3cr3t"), allText(unauth));

  // No answer at all: a port nobody listens on.
  const dead = new Client({ getToken: () => secret, baseUrl: "http://127.0.0.1:9", maxAttempts: 1 });
  const transport = await dead.listGroups().catch((e) => e);
  assert.ok(transport instanceof GraphError);
  assert.equal(transport.kind, "transport");
  assert.equal(transport.status, 0);
  assert.ok(!allText(transport).includes(secret), allText(transport));
  assert.ok(!inspect(dead, { showHidden: true, depth: 5 }).includes(secret));
});

test("getToken is called for every request, and its failures reach the caller", async () => {
  let calls = 0;
  const c = new Client({ getToken: () => { calls++; return TOKENS.member; }, baseUrl: emu.url });
  await c.listJoinedGroups();
  await c.listJoinedGroups();
  assert.equal(calls, 2, "a sync getToken works too");

  const boom = new Error("no SSO here");
  const failing = new Client({ getToken: async () => { throw boom; }, baseUrl: emu.url });
  await assert.rejects(failing.listJoinedGroups(), (e) => e === boom);

  const empty = new Client({ getToken: async () => "", baseUrl: emu.url });
  await assert.rejects(empty.listJoinedGroups(), TypeError);
});

test("bad arguments throw TypeError/RangeError naming the parameter, before any request", async () => {
  let calls = 0;
  const c = new Client({ getToken: () => { calls++; return TOKENS.member; }, baseUrl: emu.url });
  const cases = [
    [() => c.getGroup(), TypeError, /groupId/],
    [() => c.getGroup(42), TypeError, /groupId/],
    [() => c.getGroup(""), RangeError, /groupId/],
    [() => c.getGroup(".."), RangeError, /groupId/],
    [() => c.getGroup("a\nb"), RangeError, /groupId/],
    [() => c.listGroupThreads("g", { top: 0 }), RangeError, /top/],
    [() => c.listGroupThreads("g", { top: -1 }), RangeError, /top/],
    [() => c.listGroupThreads("g", { top: "ten" }), TypeError, /top/],
    [() => c.listGroupThreads("g", { tpo: 5 }), TypeError, /tpo/],
    [() => c.listGroupThreads("g", "top=5"), TypeError, /query/],
    [() => c.replyToThread("g", "t"), TypeError, /post/],
    [() => c.replyToThread("g", "t", { body: { content: 5 } }), TypeError, /post\.body\.content/],
    [() => c.forwardPost("g", "t", "p", null, []), RangeError, /toRecipients/],
    [() => c.forwardPost("g", "t", "p", null, "x@y.z"), TypeError, /toRecipients/],
    [() => c.getGroup("g", {}, "extra"), TypeError, /at most 2 arguments/],
    [() => c.setGroupPhoto("g", { contentType: "image/png", bytes: "abc" }), TypeError, /photo\.bytes/],
  ];
  for (const [fn, type, re] of cases) {
    await assert.rejects(fn(), (e) => {
      assert.ok(e instanceof type, `${fn}: expected ${type.name}, got ${e?.constructor?.name}: ${e?.message}`);
      assert.match(e.message, re, fn.toString());
      return true;
    });
  }
  assert.equal(calls, 0, "no request was made for bad arguments");

  assert.throws(() => new Client(), TypeError);
  assert.throws(() => new Client({ baseUrl: emu.url }), /getToken/);
  assert.throws(() => new Client({ getToken: () => "t", baseUrl: "not a url" }), (e) => e instanceof RangeError || e instanceof TypeError);
  assert.throws(() => new Client({ getToken: () => "t", cloud: "mars" }), /cloud/);
  assert.throws(() => new Client({ getToken: () => "t", token: "x" }), /unknown option "token"/);
  assert.throws(() => new Client({ getToken: () => "t", maxAttempts: 0 }), RangeError);
});

test("national clouds and versions pick the base URL", () => {
  const t = () => "t";
  assert.equal(new Client({ getToken: t }).baseUrl, "https://graph.microsoft.com/v1.0");
  assert.equal(new Client({ getToken: t, version: "beta" }).baseUrl, "https://graph.microsoft.com/beta");
  assert.equal(new Client({ getToken: t, cloud: "usgov-l4" }).baseUrl, "https://graph.microsoft.us/v1.0");
  assert.equal(new Client({ getToken: t, cloud: "china" }).baseUrl, "https://microsoftgraph.chinacloudapi.cn/v1.0");
  assert.equal(new Client({ getToken: t, baseUrl: emu.url }).baseUrl, `${emu.url}/v1.0`);
});

test("results are Graph's JSON as sent: every property, nulls included", async () => {
  const { pub } = await groups();
  const c = make(TOKENS.owner);
  const got = await c.getGroup(pub.id);
  const raw = await (await fetch(`${emu.url}/v1.0/groups/${pub.id}`, { headers: { Authorization: `Bearer ${TOKENS.owner}` } })).json();
  assert.deepEqual(got, raw);
  assert.ok(Object.values(got).includes(null), "the seed group has null properties, and they stay null");
  const page = await c.listGroups({ top: 2 });
  const rawPage = await (await fetch(`${emu.url}/v1.0/groups?$top=2`, { headers: { Authorization: `Bearer ${TOKENS.owner}` } })).json();
  assert.deepEqual(page.value, rawPage.value);
  assert.equal(page.nextLink, rawPage["@odata.nextLink"]);
});
