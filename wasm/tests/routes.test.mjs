// Operations the package builds from their routes (the core's data, no code of their own here)
// whose route forms no other test here calls: the window as a function's arguments
// (reminderView), an optional id with segments after it (listRooms), and delta rounds of a
// collection and of a time window (syncMailFolders, syncCalendarView).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";

let emu;
before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

const client = (token) => new Client({ getToken: () => token, baseUrl: emu.url });

test("reminderView passes its window as the function's arguments", async () => {
  const owner = client(TOKENS.owner);
  const page = await owner.reminderView("2025-03-03T00:00:00Z", new Date("2025-03-04T00:00:00Z"), { timezone: "Europe/Paris" });
  const weekly = page.value.filter((r) => r.eventSubject === "Marketing team weekly");
  assert.equal(weekly.length, 1);
  await assert.rejects(owner.reminderView("2025-03-04T00:00:00Z", "2025-03-03T00:00:00Z"), { name: "RangeError", message: /^end: must be after start/ });
});

test("listRooms lists every room, or the rooms of one room list", async () => {
  const member = client(TOKENS.member);
  assert.equal((await member.listRooms()).value.length, 4);
  const inB = await member.listRooms("building-b@contoso.test");
  assert.deepEqual(inB.value.map((r) => r.displayName), ["Room B-100 Seine", "Room B-300 Atelier"]);
  await assert.rejects(member.listRooms("building/b"), { name: "RangeError", message: /^roomList: must be a single id/ });
});

test("syncMailFolders and syncCalendarView run a round; what a round refuses names the option", async () => {
  const owner = client(TOKENS.owner);
  const folders = new Map();
  for await (const c of owner.syncMailFolders({ maxPageSize: 3 })) folders.set(c.id, c.item.displayName);
  const listed = await owner.listMailFolders({ top: 100 }).toArray();
  // A round holds every folder, child folders too; the list, the top-level ones.
  for (const f of listed) assert.equal(folders.get(f.id), f.displayName);
  assert.ok(folders.size > listed.length);

  const events = [];
  for await (const c of owner.syncCalendarView("2025-03-03T00:00:00Z", "2025-03-10T00:00:00Z")) events.push(c);
  assert.ok(events.some((c) => c.kind === "upserted" && c.item.subject === "Marketing team weekly"));
  const drain = async (sync) => { for await (const _ of sync); };
  await assert.rejects(drain(owner.syncCalendarView("2025-03-03T00:00:00Z", "2025-03-10T00:00:00Z", { select: ["subject"] })),
    { message: /^query\.select: a delta of a calendar view takes no \$select/ });
  await assert.rejects(drain(owner.syncMailFolders({ search: "x" })), { message: /^query\.search: a delta of mail folders takes no \$search/ });
});
