// The group-mail watcher from JS: the core's machine, run by the package's fetch loop; new posts
// come out once with their thread and conversation, and a stored state goes on from there.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";

let emu;
let group;
before(async () => {
  emu = await startEmulator();
  const all = await client().listJoinedGroups().toArray();
  group = all.find((g) => (g.visibility ?? "").toLowerCase() === "public").id;
});
after(async () => { await emu?.stop(); });

function client() {
  return new Client({ getToken: () => TOKENS.member, baseUrl: emu.url });
}

/** Mail to the group from an external sender, as Exchange delivers it. */
async function deliver(body) {
  const res = await fetch(`${emu.url}/_emulator/groups/deliver`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ groupId: group, from: "ada@vendor.example", ...body }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

/** Post ids from an iterator until all of `ids` came: posts of the same second as a watch's start
 * (from an earlier test) may come first, as new, but none twice. */
async function until(it, ids) {
  const seen = [];
  while (!ids.every((id) => seen.includes(id))) seen.push((await it.next()).value.post.id);
  assert.equal(new Set(seen).size, seen.length, "no post twice");
  return seen.filter((id) => ids.includes(id));
}

/** The next `n` posts of an iterator. */
async function take(it, n) {
  const out = [];
  while (out.length < n) out.push((await it.next()).value);
  return out;
}

test("new mail comes out once, with its thread and conversation", async () => {
  const watch = client().watchGroupMail(group, { intervalMs: 50 });
  await watch.start();
  const first = await deliver({ topic: "Invoice 42", body: "Please pay", from: { emailAddress: { name: "Ada", address: "ada@vendor.example" } } });
  const reply = await deliver({ threadId: first.threadId, body: "Reminder" });
  const it = watch[Symbol.asyncIterator]();
  const [a, b] = await take(it, 2);
  assert.deepEqual([a.post.id, b.post.id], [first.postId, reply.postId]);
  assert.equal(a.thread.id, first.threadId);
  assert.equal(a.thread.topic, "Invoice 42");
  assert.equal(a.conversation.id, first.conversationId);
  assert.equal(a.post.from.emailAddress.address, "ada@vendor.example");
  assert.equal(a.post.body.content, "Please pay");
  const later = await deliver({ topic: "Later", body: "x" });
  const [c] = await take(it, 1);
  assert.equal(c.post.id, later.postId, "the posts already handed out are not handed out again");
  await it.return();
  assert.match(watch.state, /^o365kit-watch\/1 /);
});

test("a stored state goes on without losing or repeating a post, through throttling", async () => {
  const watch = client().watchGroupMail(group, { intervalMs: 50 });
  await watch.start();
  const stored = watch.state;
  const a = await deliver({ topic: "A", body: "a" });
  const b = await deliver({ threadId: a.threadId, body: "b" });
  await emu.injectFault({ status: 429, retryAfter: 1, count: 1, pathPrefix: `/v1.0/groups/${group}/threads` });
  const again = client().watchGroupMail(group, { state: stored, intervalMs: 50 });
  const it = again[Symbol.asyncIterator]();
  const t0 = Date.now();
  assert.deepEqual(await until(it, [a.postId, b.postId]), [a.postId, b.postId]);
  assert.ok(Date.now() - t0 >= 900, "the throttled round waited for its Retry-After");
  const c = await deliver({ topic: "C", body: "c" });
  assert.deepEqual((await take(it, 1)).map((m) => m.post.id), [c.postId], "a and b are not handed out again");
  await it.return();
  await fetch(`${emu.url}/_emulator/faults`, { method: "DELETE" });
});

test("an AbortSignal ends the watch while it waits", async () => {
  const ctl = new AbortController();
  const watch = client().watchGroupMail(group, { intervalMs: 60000, signal: ctl.signal });
  const started = Date.now();
  setTimeout(() => ctl.abort(new Error("stop watching")), 300);
  await assert.rejects((async () => { for await (const _ of watch); })(), /stop watching/);
  assert.ok(Date.now() - started < 5000, "it did not wait out the interval");
});

test("bad arguments throw before anything is sent", () => {
  const c = client();
  assert.throws(() => c.watchGroupMail(group, { intervalMs: 1 }), RangeError);
  assert.throws(() => c.watchGroupMail(group, { state: "not a state" }), RangeError);
  assert.throws(() => c.watchGroupMail(group, { intervalMs: "60" }), TypeError);
  assert.throws(() => c.watchGroupMail(group, { every: 5 }), TypeError);
  assert.throws(() => c.watchGroupMail("", {}), RangeError);
});
