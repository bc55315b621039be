// Calendar arguments as an add-in passes them: windows as Dates or RFC 3339 text, events with zoned
// times; what the core refuses before any request, and calendars against the emulator.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client, GraphError } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";

let emu;
before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

const zoned = (dateTime) => ({ dateTime, timeZone: "Europe/Paris" });
const event = (end) => ({ subject: "Standup", start: zoned("2026-03-02T09:00:00"), end: zoned(end) });

test("bad calendar arguments throw naming the parameter, before any request", async () => {
  let calls = 0;
  const c = new Client({ getToken: () => { calls++; return TOKENS.member; }, baseUrl: emu.url });
  const cases = [
    [() => c.listCalendarView("2026-03-01T00:00:00", new Date("2026-03-08T00:00:00Z")), /^start: .*offset/],
    [() => c.listCalendarView(new Date("2026-03-08T00:00:00Z"), "2026-03-01T00:00:00Z"), /^end: must be after start/],
    [() => c.listCalendarView("2026-02-30T00:00:00Z", "2026-03-01T00:00:00Z"), /^start: .*does not exist/],
    [() => c.createEvent(event("2026-03-02T08:45:00")), /^event\.end: must not be before/],
    [() => c.createEvent({ ...event("2026-03-02T09:15:00"), recurrence: { pattern: { type: "weekly", interval: 1 }, range: { type: "noEnd", startDate: "2026-03-02" } } }), /^event\.recurrence\.pattern\.daysOfWeek: /],
    [() => c.findMeetingTimes([{ emailAddress: { address: "owner@contoso.test" } }], null, "an hour"), /^meetingDuration: /],
  ];
  for (const [fn, re] of cases) {
    await assert.rejects(fn(), (e) => {
      assert.ok(e instanceof TypeError || e instanceof RangeError, `${fn}: got ${e?.constructor?.name}: ${e?.message}`);
      assert.match(e.message, re, fn.toString());
      return true;
    });
  }
  assert.equal(calls, 0, "no request was made for bad arguments");
});

test("a weekly series expands in the calendar view, in the zone asked for (Dates as the window)", async () => {
  const owner = new Client({ getToken: () => TOKENS.owner, baseUrl: emu.url });
  const week = await owner
    .listCalendarView(new Date("2025-03-03T00:00:00Z"), new Date("2025-03-10T00:00:00Z"), { timezone: "Europe/Paris" })
    .toArray();
  const weekly = week.filter((e) => e.subject === "Marketing team weekly");
  assert.equal(weekly.length, 1, "one occurrence of the weekly meeting that week");
  assert.equal(weekly[0].type, "occurrence");
  assert.equal(weekly[0].seriesMasterId, "AAMkAGOwnerWeeklyTeamMeeting0001");
  assert.match(weekly[0].start.dateTime, /^2025-03-03T10:00:00/);
  assert.equal(weekly[0].start.timeZone, "Europe/Paris");
});

test("a meeting request reaches the attendee, whose answer reaches the organizer", async () => {
  const member = new Client({ getToken: () => TOKENS.member, baseUrl: emu.url });
  const owner = new Client({ getToken: () => TOKENS.owner, baseUrl: emu.url });
  const subject = `Budget review ${Date.now().toString(36)}`;
  const created = await member.createEvent({
    subject,
    start: zoned("2026-03-02T09:00:00"),
    end: zoned("2026-03-02T10:00:00"),
    attendees: [{ type: "required", emailAddress: { address: "owner@contoso.test" } }],
  });
  const invite = (await owner.listEvents({ top: 100 }).toArray()).find((e) => e.subject === subject);
  assert.ok(invite, "the attendee's calendar has the meeting");
  await owner.acceptEvent(invite.id, "See you there", true);
  const mine = await member.getEvent(created.id);
  assert.equal(mine.attendees[0].status.response, "accepted");
  await assert.rejects(member.acceptEvent(created.id), (e) => e instanceof GraphError && e.status === 400, "the organizer does not answer her own meeting");
});

test("a weekly New York meeting keeps its wall-clock time across the US DST change, seen from UTC and Paris", async () => {
  const member = new Client({ getToken: () => TOKENS.member, baseUrl: emu.url });
  const subject = `DST check ${Date.now().toString(36)}`;
  const ny = (dateTime) => ({ dateTime, timeZone: "America/New_York" });
  const created = await member.createEvent({
    subject,
    start: ny("2026-03-02T09:00:00"),
    end: ny("2026-03-02T09:30:00"),
    recurrence: {
      pattern: { type: "weekly", interval: 1, daysOfWeek: ["monday"] },
      range: { type: "numbered", startDate: "2026-03-02", numberOfOccurrences: 2 },
    },
  });
  try {
    // New York moves to daylight time on 2026-03-08; Paris only on 2026-03-29.
    const starts = async (opts) => (await member.listCalendarView("2026-03-01T00:00:00Z", "2026-03-15T00:00:00Z", opts).toArray())
      .filter((e) => e.subject === subject)
      .map((e) => [e.start.dateTime.slice(0, 16), e.start.timeZone]);
    assert.deepEqual(await starts(), [["2026-03-02T14:00", "UTC"], ["2026-03-09T13:00", "UTC"]]);
    assert.deepEqual(await starts({ timezone: "America/New_York" }),
      [["2026-03-02T09:00", "America/New_York"], ["2026-03-09T09:00", "America/New_York"]]);
    assert.deepEqual(await starts({ timezone: "Europe/Paris" }), [["2026-03-02T15:00", "Europe/Paris"], ["2026-03-09T14:00", "Europe/Paris"]]);
  } finally {
    await member.deleteEvent(created.id);
  }
});
