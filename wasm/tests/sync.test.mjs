// Delta sync through the npm package: `for await` over a round's changes, the state to store, the
// next round's changes, an announced resync, and an AbortSignal. The core's state machine runs it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";

let emu;
before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

const client = (token) => new Client({ getToken: () => token, baseUrl: emu.url });

async function inbox(c) {
  const all = await c.listFolderMessages("inbox", { maxPageSize: 500 }).toArray();
  return new Map(all.map((m) => [m.id, m.subject]));
}

function apply(local, change) {
  if (change.kind === "upserted") local.set(change.id, change.item.subject);
  else if (change.kind === "removed") local.delete(change.id);
  else local.clear();
}

test("a round, the changes since, and a resumed sync", async () => {
  const member = client(TOKENS.member);
  const local = new Map();
  const sync = member.syncMessages("inbox", { maxPageSize: 7 });
  assert.equal(sync.state, null);
  for await (const change of sync) apply(local, change);
  assert.deepEqual(local, await inbox(member));
  assert.equal(typeof sync.state, "string");

  const [gone] = local.keys();
  await member.deleteMessage(gone);
  await member.sendMail({ subject: "Synced from Node", body: { contentType: "html", content: "<p>hi</p>" },
    toRecipients: [{ emailAddress: { address: "member@contoso.test" } }] });
  const next = member.syncMessages("inbox", { maxPageSize: 7 }, { state: sync.state });
  const changes = [];
  for await (const change of next) changes.push(change);
  assert.deepEqual(changes.filter((c) => c.kind === "removed"), [{ kind: "removed", id: gone, reason: "deleted" }]);
  for (const c of changes) apply(local, c);
  assert.deepEqual(local, await inbox(member));

  // A page state stored mid-round resumes without repeating or losing an item.
  const first = member.syncMessages("inbox", { maxPageSize: 5 });
  const pages = first.pages();
  const seen = (await pages.next()).value.map((c) => c.id);
  const rest = member.syncMessages("inbox", { maxPageSize: 5 }, { state: first.state });
  for await (const c of rest) seen.push(c.id);
  assert.equal(new Set(seen).size, seen.length);
  assert.deepEqual(new Set(seen), new Set((await inbox(member)).keys()));
});

test("an expired state is announced as a resync; bad states are refused", async () => {
  const owner = client(TOKENS.owner);
  const sync = owner.syncMessages("inbox", { maxPageSize: 100 });
  const local = new Map();
  for await (const c of sync) apply(local, c);
  const res = await fetch(`${emu.url}/_emulator/delta/expire`, { method: "POST" });
  assert.equal(res.status, 204);
  const again = owner.syncMessages("inbox", { maxPageSize: 100 }, { state: sync.state });
  const changes = [];
  for await (const c of again) changes.push(c);
  assert.equal(changes[0].kind, "resync");
  assert.match(changes[0].reason, /SyncStateNotFound/);
  assert.deepEqual(again.resyncs, [changes[0].reason]);
  for (const c of changes) apply(local, c);
  assert.deepEqual(local, await inbox(owner));

  await assert.rejects(async () => {
    for await (const _ of owner.syncMessages("inbox", {}, { state: "not a state" })) { /* nothing */ }
  }, (e) => e instanceof RangeError && e.param === "state");
  await assert.rejects(async () => {
    for await (const _ of owner.syncMessages("archive", {}, { state: sync.state })) { /* nothing */ }
  }, (e) => e instanceof RangeError && e.param === "state");
});

test("an AbortSignal stops a sync between requests, and its state still resumes", async () => {
  const member = client(TOKENS.member);
  const controller = new AbortController();
  const sync = member.syncMessages("inbox", { maxPageSize: 3 }, { signal: controller.signal });
  const seen = [];
  await assert.rejects(async () => {
    for await (const c of sync.pages()) {
      seen.push(...c.map((x) => x.id));
      controller.abort(new Error("user left"));
    }
  }, /user left/);
  assert.equal(seen.length, 3);
  const rest = member.syncMessages("inbox", { maxPageSize: 50 }, { state: sync.state });
  for await (const c of rest) seen.push(c.id);
  assert.equal(new Set(seen).size, seen.length);
  assert.equal(seen.length, (await inbox(member)).size);
});

test("groups: members@delta", async () => {
  const owner = client(TOKENS.owner);
  const sync = owner.syncGroups({ select: ["displayName", "members"] });
  const groups = new Map();
  for await (const c of sync) groups.set(c.id, c.item);
  const marketing = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64";
  assert.equal(groups.get(marketing)["members@delta"].length, 2);
});
