// Calendar arguments as an add-in passes them: windows as Dates or RFC 3339 text, events with zoned
// times. The emulator serves no calendars yet, so these check what the core refuses before any
// request, and that good arguments do reach the server.
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

test("good calendar arguments reach the server (Dates included)", async () => {
  const c = new Client({ getToken: () => TOKENS.member, baseUrl: emu.url, maxAttempts: 1 });
  // Until the emulator has calendars it answers as Graph does for a path it does not serve.
  await assert.rejects(c.listCalendarView(new Date("2026-03-01T00:00:00Z"), new Date("2026-03-08T00:00:00Z")), (e) => e instanceof GraphError);
  await assert.rejects(c.createEvent(event("2026-03-02T09:15:00")), (e) => e instanceof GraphError);
});
