// JSON batching from JS: calls sent together through /$batch, each read by its own operation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client, GraphError } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";

let emu;
before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

function client() {
  let requests = 0;
  const c = new Client({ getToken: () => { requests++; return TOKENS.member; }, baseUrl: emu.url });
  return { c, requests: () => requests };
}

async function publicGroup(c) {
  return (await c.listJoinedGroups().toArray()).find((g) => (g.visibility ?? "").toLowerCase() === "public");
}

test("calls come back in order, each read by its own operation, throttled items sent again", async () => {
  const { c } = client();
  const ids = (await c.listMessages({ top: 3 })).value.map((m) => m.id);
  assert.equal(ids.length, 3);
  const pub = await publicGroup(c);
  await emu.injectFault({ status: 429, retryAfter: 1, count: 2, pathPrefix: "/v1.0/me/messages/" });
  const t0 = Date.now();
  const out = await c.batch([
    ...ids.map((id) => ["getMessage", id]),
    ["getGroup", pub.id, { select: ["displayName"] }],
    ["listGroupThreads", pub.id, { top: 2 }],
  ]);
  assert.ok(Date.now() - t0 >= 900, "the throttled items waited for their Retry-After");
  assert.deepEqual(out.slice(0, 3).map((r) => r.ok && r.value.id), ids);
  assert.equal(out[3].value.displayName, pub.displayName);
  assert.equal(out[4].value.value.length, 2);
  assert.equal(typeof out[4].value.nextLink, "string");
  await fetch(`${emu.url}/_emulator/faults`, { method: "DELETE" });
});

test("each call fails on its own, and a failed dependency is Graph's 424", async () => {
  const { c } = client();
  const pub = await publicGroup(c);
  const out = await c.batch([
    ["getMessage", "AAMkAGNoSuchMessage0001"],
    ["listMessages", { top: 1 }],
    { call: ["getGroup", pub.id], dependsOn: [0] },
  ]);
  assert.equal(out[0].ok, false);
  assert.ok(out[0].error instanceof GraphError);
  assert.equal(out[0].error.code, "ErrorItemNotFound");
  assert.equal(out[1].ok, true);
  assert.equal(out[1].value.value.length, 1);
  assert.equal(out[2].ok, false);
  assert.equal(out[2].error.status, 424);
});

test("more than 20 calls go in several round trips", async () => {
  const { c, requests } = client();
  const pub = await publicGroup(c);
  const before = requests();
  const out = await c.batch(Array.from({ length: 45 }, () => ["getGroup", pub.id]));
  assert.equal(out.length, 45);
  assert.ok(out.every((r) => r.ok && r.value.id === pub.id));
  assert.equal(requests() - before, 3, "45 calls are three $batch requests");
  assert.deepEqual(await c.batch([]), []);
});

test("a bad call rejects the whole batch before anything is sent", async () => {
  const { c, requests } = client();
  const before = requests();
  await assert.rejects(c.batch([["getGroup", "g"], ["getMessage", "a/b"]]), (e) => e instanceof RangeError && /messageId/.test(e.message));
  await assert.rejects(c.batch([["noSuchMethod"]]), TypeError);
  await assert.rejects(c.batch([["syncMessages", "inbox"]]), TypeError);
  await assert.rejects(c.batch([{ call: ["getGroup", "g"], dependsOn: "0" }]), (e) => e instanceof TypeError && /dependsOn/.test(e.message));
  await assert.rejects(c.batch("getGroup"), TypeError);
  assert.equal(requests(), before, "no request was sent");
});
