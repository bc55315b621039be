// The task pane's Calendar view in real Chromium (playwright-core driving the system browser), against
// a real emulator process and the demo's own static server: the group's week grouped by day in the
// browser's time zone (as the package lists it), the hostile "Brand workshop" body staying inert, an
// event booked from the form, and an invitation from another client accepted from the pane.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Client } from "o365kit";
import { startEmulator, TOKENS } from "../../wasm/tests/emulator.mjs";
import { startServer } from "../server.mjs";
import { launchChromium, watch } from "./browser.mjs";

const ARTIFACTS = process.env.O365KIT_ARTIFACTS || fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const MARKETING = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64"; // "Contoso Marketing"
const WORKSHOP = "AAMkAGMarketingWorkshop0001"; // <img src=x onerror="window.__calxss=1">
const WEEK = "2025-05-19"; // a Monday: the workshop (Tuesday) and two stand-ups

let emu, server, browser;
const problems = [];

before(async () => {
  emu = await startEmulator();
  server = await startServer({ emulatorUrl: emu.url });
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await emu?.stop();
});

const api = (token) => new Client({ getToken: () => token, baseUrl: emu.url });

/** The pane at a task pane's size, in a browser whose clock reads `timezoneId`. */
async function openCalendar(upn, timezoneId, week = WEEK) {
  const page = watch(await browser.newPage({ viewport: { width: 420, height: 900 }, timezoneId, locale: "en-GB" }), problems);
  await page.goto(`${server.url}?user=${encodeURIComponent(upn)}&view=calendar&week=${week}`);
  await page.locator('[data-testid="calendar-day"]').first().waitFor();
  await page.locator("#calendar-view[aria-busy]").waitFor({ state: "detached" });
  return page;
}

/** Day -> the ids of the events shown on it, as the page has them. */
async function shownByDay(page) {
  return page.locator('[data-testid="calendar-day"]').evaluateAll((days) =>
    Object.fromEntries(days.map((d) => [d.dataset.date, [...d.querySelectorAll('[data-testid="calendar-event"]')].map((e) => e.dataset.eventId)])));
}

test("member in Paris: the group's week by day, as the package lists it; the hostile workshop body never runs", async () => {
  const page = await openCalendar("member@contoso.test", "Europe/Paris");
  assert.equal(await page.locator('[data-testid="tab-calendar"]').getAttribute("aria-selected"), "true");
  assert.equal(await page.locator('[data-testid="calendar-title"]').textContent(), "Contoso Marketing");
  assert.equal(await page.locator('[data-testid="calendar-zone"]').textContent(), "Europe/Paris");

  // The same events the package gets for that week in Paris, each on its Paris day.
  const listed = await api(TOKENS.member)
    .listGroupCalendarView(MARKETING, "2025-05-19T00:00:00+02:00", "2025-05-26T00:00:00+02:00", { timezone: "Europe/Paris" })
    .toArray();
  const expected = {};
  for (let d = 19; d <= 25; d++) expected[`2025-05-${d}`] = [];
  for (const e of listed) expected[e.start.dateTime.slice(0, 10)].push(e.id);
  const shown = await shownByDay(page);
  assert.deepEqual(Object.keys(shown), Object.keys(expected), "seven days, Monday first");
  for (const day of Object.keys(expected)) assert.deepEqual([...shown[day]].sort(), [...expected[day]].sort(), day);
  // Tuesday: the workshop (13:00 London) at 14:00, then the stand-up (09:30 New York) at 15:30.
  assert.deepEqual(shown["2025-05-20"], [WORKSHOP, "AAMkAGMarketingStandup0001_20250520"]);
  assert.deepEqual(shown["2025-05-22"], ["AAMkAGMarketingStandup0001_20250522"]);
  const workshop = page.locator(`[data-testid="calendar-event"][data-event-id="${WORKSHOP}"]`);
  assert.equal(await workshop.getAttribute("data-start"), "2025-05-20T14:00:00");
  assert.equal(await workshop.locator(".time").textContent(), "14:00 – 16:00");
  assert.equal(await page.locator('[data-event-id="AAMkAGMarketingStandup0001_20250520"] .time').textContent(), "15:30 – 15:45");
  await page.screenshot({ path: `${ARTIFACTS}/calendar-week.png`, fullPage: true });

  // The workshop's body: sanitised, kept as content, its onerror never runs.
  await workshop.click();
  await page.locator('[data-testid="event-title"]', { hasText: "Brand workshop" }).waitFor();
  await page.locator('[data-testid="event-body"]', { hasText: "Bring ideas" }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__calxss), undefined);
  assert.equal(await page.locator("[data-testid=event-body] [onerror]").count(), 0);
  assert.ok(await page.locator("[data-testid=event-body] img").count() >= 1, "the image itself is kept");
  assert.match(await page.locator('[data-testid="event-head"]').textContent(), /Tuesday,? 20 May 2025, 14:00 – 16:00/);
  await page.screenshot({ path: `${ARTIFACTS}/calendar-event.png`, fullPage: true });

  // Back to the same week; the next week has the stand-ups only.
  await page.locator('[data-action="back-to-week"]').click();
  await page.locator(`[data-testid="calendar-event"][data-event-id="${WORKSHOP}"]`).waitFor();
  await page.locator('[data-testid="week-next"]').click();
  await page.locator('[data-testid="calendar-day"][data-date="2025-05-26"]').waitFor();
  const next = await shownByDay(page);
  assert.deepEqual(next["2025-05-27"], ["AAMkAGMarketingStandup0001_20250527"]);
  assert.equal(Object.values(next).flat().length, 2);
  assert.match(page.url(), /week=2025-05-26/);
  await page.close();
});

test("the same week in Auckland: the days are Auckland's (the Tuesday events fall on Wednesday)", async () => {
  const page = await openCalendar("member@contoso.test", "Pacific/Auckland");
  assert.equal(await page.locator('[data-testid="calendar-zone"]').textContent(), "Pacific/Auckland");
  const shown = await shownByDay(page);
  assert.deepEqual(shown["2025-05-20"], []);
  assert.deepEqual(shown["2025-05-21"], [WORKSHOP, "AAMkAGMarketingStandup0001_20250520"]);
  assert.deepEqual(shown["2025-05-23"], ["AAMkAGMarketingStandup0001_20250522"]);
  assert.equal(await page.locator(`[data-event-id="${WORKSHOP}"]`).getAttribute("data-start"), "2025-05-21T00:00:00");
  await page.close();
});

test("an event booked from the form lands on the group calendar at the browser's wall-clock time", async () => {
  const page = await openCalendar("member@contoso.test", "Europe/Paris");
  const member = api(TOKENS.member);
  const inWeek = () => member.listGroupCalendarView(MARKETING, "2025-05-19T00:00:00Z", "2025-05-26T00:00:00Z", { timezone: "UTC" }).toArray();
  const before = (await inWeek()).length;

  // End before start: the core refuses it, naming the field; nothing is created.
  await page.locator('[data-testid="new-event"] summary').click();
  await page.locator('[data-testid="event-subject"]').fill("Backwards");
  await page.locator('[data-testid="event-start"]').fill("2025-05-21T11:00");
  await page.locator('[data-testid="event-end"]').fill("2025-05-21T10:00");
  await page.locator('[data-testid="event-submit"]').click();
  const error = page.locator('[data-testid="error"]');
  await error.waitFor({ state: "visible" });
  assert.match(await error.textContent(), /event\.end/);
  assert.equal((await inWeek()).length, before);

  const subject = `Print proofs ${Date.now().toString(36)}`;
  await page.locator('[data-testid="event-subject"]').fill(subject);
  await page.locator('[data-testid="event-end"]').fill("2025-05-21T11:30");
  await page.screenshot({ path: `${ARTIFACTS}/calendar-new-event.png`, fullPage: true });
  await page.locator('[data-testid="event-submit"]').click();
  await page.locator('[data-testid="calendar-status"]', { hasText: `Created “${subject}”.` }).waitFor();
  assert.equal(await error.isVisible(), false, "the earlier error is cleared");

  const row = page.locator(`[data-testid="calendar-day"][data-date="2025-05-21"] [data-testid="calendar-event"][data-subject="${subject}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute("data-start"), "2025-05-21T11:00:00");
  // 11:00 in Paris (CEST) is 09:00 UTC, as the group calendar has it.
  const made = (await inWeek()).filter((e) => e.subject === subject);
  assert.equal(made.length, 1);
  assert.match(made[0].start.dateTime, /^2025-05-21T09:00:00/);
  assert.match(made[0].end.dateTime, /^2025-05-21T09:30:00/);
  await page.close();
});

test("an invitation sent by another client is accepted from the pane; the organizer sees the answer", async () => {
  const owner = api(TOKENS.owner);
  const member = api(TOKENS.member);
  const subject = `Launch retro ${Date.now().toString(36)}`;
  const meeting = await owner.createEvent({
    subject,
    start: { dateTime: "2025-05-23T10:00:00", timeZone: "Europe/Paris" },
    end: { dateTime: "2025-05-23T11:00:00", timeZone: "Europe/Paris" },
    attendees: [{ type: "required", emailAddress: { address: "member@contoso.test", name: "Miguel Mendes" } }],
  });

  const page = await openCalendar("member@contoso.test", "Europe/Paris");
  // The seed's own: the owner's weekly team meeting, a series, not yet answered.
  const weekly = page.locator('[data-testid="invitation"][data-subject="Marketing team weekly"]');
  await weekly.waitFor();
  assert.match(await weekly.textContent(), /Recurring, from Monday,? 6 January 2025, 10:00 – 10:45/);
  const invitation = page.locator(`[data-testid="invitation"][data-subject="${subject}"]`);
  await invitation.waitFor();
  assert.match(await invitation.textContent(), /Friday,? 23 May 2025, 10:00 – 11:00/);
  assert.match(await invitation.textContent(), /From Olivia Owens|From owner@contoso\.test/);
  await page.screenshot({ path: `${ARTIFACTS}/calendar-invitation.png`, fullPage: true });

  await invitation.locator('[data-testid="invitation-accept"]').click();
  await page.locator('[data-testid="invitations-status"]', { hasText: `Accepted “${subject}”.` }).waitFor();
  assert.equal(await invitation.count(), 0, "answered invitations leave the list");

  const organizers = await owner.getEvent(meeting.id);
  assert.equal(organizers.attendees.find((a) => a.emailAddress.address === "member@contoso.test").status.response, "accepted");
  const copy = (await member.listEvents({ top: 100 }).toArray()).find((e) => e.subject === subject);
  assert.equal(copy.responseStatus.response, "accepted");
  await page.close();
});

test("no page errors", () => {
  assert.deepEqual(problems, []);
});
