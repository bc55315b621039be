// A group's calendar through the package, as the task pane's Calendar view uses it: the week read
// in a zone, and a group event created, read, changed and deleted by a member.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client, GraphError } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";

const MARKETING = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64"; // "Contoso Marketing"

let emu;
before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

test("a group's week in New York: the series and the single event at New York wall-clock times", async () => {
  const member = new Client({ getToken: () => TOKENS.member, baseUrl: emu.url });
  const week = await member
    .listGroupCalendarView(MARKETING, new Date("2025-05-19T04:00:00Z"), "2025-05-26T00:00:00-04:00", { timezone: "America/New_York" })
    .toArray();
  const seen = week.map((e) => [e.subject, e.start.dateTime.slice(0, 16), e.start.timeZone]);
  assert.deepEqual(seen, [
    ["Brand workshop", "2025-05-20T08:00", "America/New_York"], // 13:00 in London
    ["Campaign stand-up", "2025-05-20T09:30", "America/New_York"],
    ["Campaign stand-up", "2025-05-22T09:30", "America/New_York"],
  ]);
  assert.equal(week[1].type, "occurrence");
  assert.equal(week[1].seriesMasterId, "AAMkAGMarketingStandup0001");
});

test("a member creates, reads, renames and deletes a group event", async () => {
  const member = new Client({ getToken: () => TOKENS.member, baseUrl: emu.url });
  const subject = `Copy review ${Date.now().toString(36)}`;
  const made = await member.createGroupEvent(MARKETING, {
    subject,
    start: { dateTime: "2025-05-21T11:00:00", timeZone: "Europe/Paris" },
    end: { dateTime: "2025-05-21T11:30:00", timeZone: "Europe/Paris" },
  });
  const read = await member.getGroupEvent(MARKETING, made.id, { timezone: "UTC" });
  assert.equal(read.subject, subject);
  assert.match(read.start.dateTime, /^2025-05-21T09:00:00/);
  const renamed = await member.updateGroupEvent(MARKETING, made.id, { subject: `${subject} (moved)` });
  assert.equal(renamed.subject, `${subject} (moved)`);
  await member.deleteGroupEvent(MARKETING, made.id);
  await assert.rejects(member.getGroupEvent(MARKETING, made.id), (e) => e instanceof GraphError && e.status === 404);
});
