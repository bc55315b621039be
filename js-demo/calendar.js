// The Calendar view: a group's week (the group calendar's view, read in the browser's time zone
// so a day here is the user's day), an event with its HTML body sanitised by DOMPurify (as posts
// and mail are), a small form that books an event on the group calendar, and the user's own
// pending invitations with Accept / Decline.
import { $, show, busy, clearError, el, bodyNodes } from "./ui.js";

const cal = { client: null, groups: [], group: null, week: null, event: null, seq: 0 };

/** The zone Graph is asked to answer in (`Prefer: outlook.timezone`): the browser's own. */
export const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const DAY_MS = 86_400_000;
const pad = (n) => String(n).padStart(2, "0");
const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const addDays = (d, n) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** Local midnight of the Monday on or before `d` (the week as Outlook shows it in Europe). */
function monday(d) {
  const day = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - day);
}

/** "YYYY-MM-DD" from the URL, as a local date (not UTC midnight, which is another day west of it). */
function parseDay(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** Wall-clock text of a dateTimeTimeZone already in the view's zone, cut to seconds. */
const wall = (dt) => (dt?.dateTime ?? "").slice(0, 19);

export function setCalendarClient(client) {
  cal.client = client;
  cal.groups = [];
  cal.group = null;
  cal.seq++;
}

export async function showCalendar() {
  const seq = ++cal.seq;
  show("calendar-view");
  cal.week ??= monday(parseDay(new URLSearchParams(location.search).get("week")) ?? new Date());
  $("#calendar-zone").textContent = zone();
  if (!cal.groups.length) {
    const groups = await busy("#calendar-view", "Loading your groups…", () => cal.client.listJoinedGroups().toArray());
    if (seq !== cal.seq || !groups) return;
    cal.groups = [...groups].sort((a, b) => (a.displayName ?? "").localeCompare(b.displayName ?? ""));
    const picker = $("#calendar-group");
    picker.replaceChildren(...cal.groups.map((g) => el("option", { value: g.id }, g.displayName ?? g.id)));
    const wanted = new URLSearchParams(location.search).get("group");
    cal.group = cal.groups.find((g) => g.id === wanted) ?? cal.groups.find((g) => g.displayName === "Contoso Marketing") ?? cal.groups[0] ?? null;
    if (cal.group) picker.value = cal.group.id;
    picker.closest("label").hidden = cal.groups.length < 2;
  }
  await Promise.all([loadWeek(seq), loadInvitations(seq)]);
}

async function loadWeek(seq = cal.seq) {
  const start = cal.week;
  const end = addDays(start, 7);
  const url = new URL(location.href);
  url.searchParams.set("week", ymd(start));
  history.replaceState(null, "", url);
  const last = addDays(start, 6);
  $("#calendar-week-label").textContent = `${start.toLocaleDateString([], { month: "short", day: "numeric" })} – ${last.toLocaleDateString([], { month: "short", day: "numeric", year: "numeric" })}`;
  $("#calendar-title").textContent = cal.group?.displayName ?? "Calendar";
  const days = $("#calendar-days");
  days.replaceChildren();
  $("#new-event").hidden = !cal.group;
  if (!cal.group) {
    days.append(el("li", { className: "empty" }, "You are not a member of any group, so there is no group calendar to show."));
    return;
  }
  await busy("#calendar-view", "Loading the week…", async () => {
    const events = await cal.client.listGroupCalendarView(cal.group.id, start, end, { timezone: zone(), top: 50 }).toArray();
    if (seq !== cal.seq) return;
    days.replaceChildren(...Array.from({ length: 7 }, (_, i) => dayItem(addDays(start, i), events)));
  });
}

/** One day of the week and the events overlapping it (an event of several days shows on each). */
function dayItem(day, events) {
  const from = `${ymd(day)}T00:00:00`;
  const to = `${ymd(addDays(day, 1))}T00:00:00`;
  const today = ymd(day) === ymd(new Date());
  const mine = events
    .filter((e) => { const s = wall(e.start), t = wall(e.end); return s < to && (t > from || (s === t && s >= from)); })
    .sort((a, b) => Number(Boolean(b.isAllDay)) - Number(Boolean(a.isAllDay)) || wall(a.start).localeCompare(wall(b.start)));
  return el("li", { className: `day${today ? " today" : ""}`, dataset: { testid: "calendar-day", date: ymd(day) } },
    el("h3", { className: "day-name" }, day.toLocaleDateString([], { weekday: "long", month: "long", day: "numeric" })),
    mine.length
      ? el("ul", { className: "events" }, ...mine.map((e) => el("li", {}, eventItem(e))))
      : el("p", { className: "empty" }, "Nothing scheduled"));
}

function timeRange(e) {
  if (e.isAllDay) return "All day";
  const s = wall(e.start), t = wall(e.end);
  const sameDay = s.slice(0, 10) === t.slice(0, 10);
  return `${clock(s)} – ${sameDay ? clock(t) : `${shortDate(t)} ${clock(t)}`}`;
}

/** "14:00" or "2:00 PM", as the browser's locale writes a time (the text is already wall-clock). */
function clock(text) {
  const [h, m] = text.slice(11, 16).split(":").map(Number);
  return new Date(2000, 0, 1, h, m).toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
}

function shortDate(text) {
  const d = parseDay(text.slice(0, 10));
  return d ? d.toLocaleDateString([], { month: "short", day: "numeric" }) : "";
}

function eventItem(e) {
  const where = e.location?.displayName;
  return el("button", {
    type: "button", className: `event show-${(e.showAs ?? "busy").toLowerCase()}`,
    dataset: { testid: "calendar-event", eventId: e.id, subject: e.subject ?? "", start: wall(e.start), end: wall(e.end) },
    onclick: () => { clearError(); showEvent(e); },
  },
  el("span", { className: "time" }, timeRange(e)),
  el("span", { className: "subject" }, e.subject || "(no title)"),
  where ? el("span", { className: "where" }, where) : null,
  e.type === "occurrence" || e.type === "exception" ? el("span", { className: "repeat", title: "Part of a series" }, "↻") : null);
}

async function showEvent(summary) {
  const seq = ++cal.seq;
  show("calendar-event-view");
  $("#calendar-event-title").textContent = summary.subject || "(no title)";
  $("#calendar-event-head").replaceChildren();
  $("#calendar-event-body").replaceChildren();
  await busy("#calendar-event-view", "Loading the event…", async () => {
    const e = await cal.client.getGroupEvent(cal.group.id, summary.id, { timezone: zone() });
    if (seq !== cal.seq) return;
    cal.event = e;
    const organizer = e.organizer?.emailAddress;
    const when = e.isAllDay
      ? `${longDate(wall(e.start))}, all day`
      : `${longDate(wall(e.start))}, ${timeRange(e)}`;
    $("#calendar-event-head").replaceChildren(...[
      el("div", { className: "when" }, el("strong", {}, when)),
      e.location?.displayName ? el("div", {}, e.location.displayName) : null,
      organizer ? el("div", {}, `Organizer: ${organizer.name || organizer.address}`) : null,
      e.recurrence ? el("div", {}, "Repeats") : null,
    ].filter(Boolean));
    const body = $("#calendar-event-body");
    body.classList.toggle("text", (e.body?.contentType ?? "").toLowerCase() !== "html");
    body.replaceChildren(...bodyNodes(e.body));
    body.hidden = !(e.body?.content ?? "").trim();
  });
}

function longDate(text) {
  const d = parseDay(text.slice(0, 10));
  return d ? d.toLocaleDateString([], { weekday: "long", month: "long", day: "numeric", year: "numeric" }) : "";
}

/** Books an event on the group calendar from the form's wall-clock times in the browser's zone. */
async function createEvent(form) {
  const subject = form.subject.value.trim();
  if (!subject || !form.start.value || !form.end.value) return;
  const at = (v) => ({ dateTime: v.length === 16 ? `${v}:00` : v, timeZone: zone() });
  const startDay = parseDay(form.start.value.slice(0, 10));
  const created = await busy("#calendar-view", "Creating the event…", () =>
    cal.client.createGroupEvent(cal.group.id, { subject, start: at(form.start.value), end: at(form.end.value) }));
  if (!created) return;
  form.reset();
  $("#new-event").open = false;
  cal.week = monday(startDay ?? cal.week);
  await loadWeek();
  $("#calendar-view .status").textContent = `Created “${subject}”.`;
}

// ------------------------------------------------------------ invitations (the user's own calendar)

async function loadInvitations(seq = cal.seq) {
  const list = $("#invitations");
  list.replaceChildren();
  const pending = await busy("#invitations-panel", "Loading your invitations…", async () => {
    const events = await cal.client.listEvents({ timezone: zone(), top: 50 }).toArray();
    return events.filter((e) => !e.isOrganizer && !e.isCancelled && ["notResponded", "none"].includes(e.responseStatus?.response ?? "none"));
  });
  if (seq !== cal.seq || !pending) return;
  pending.sort((a, b) => wall(a.start).localeCompare(wall(b.start)));
  list.replaceChildren(...pending.map(invitationItem));
  if (!pending.length) list.append(el("li", { className: "empty" }, "No invitations waiting for an answer."));
}

function invitationItem(e) {
  const organizer = e.organizer?.emailAddress;
  const answer = (verb, label) => el("fluent-button", {
    appearance: verb === "accept" ? "primary" : "secondary", size: "small",
    dataset: { testid: `invitation-${verb}` },
    onclick: () => respond(e, verb, label),
  }, label);
  return el("li", { className: "invitation", dataset: { testid: "invitation", eventId: e.id, subject: e.subject ?? "" } },
    el("div", { className: "what" },
      el("span", { className: "subject" }, e.subject || "(no title)"),
      el("span", { className: "meta" }, `${e.type === "seriesMaster" ? "Recurring, from " : ""}${longDate(wall(e.start))}, ${timeRange(e)}`),
      organizer ? el("span", { className: "meta" }, `From ${organizer.name || organizer.address}`) : null),
    el("div", { className: "answers" }, answer("accept", "Accept"), answer("decline", "Decline")));
}

async function respond(e, verb, label) {
  const done = await busy("#invitations-panel", `${label === "Accept" ? "Accepting" : "Declining"} “${e.subject}”…`, async () => {
    if (verb === "accept") await cal.client.acceptEvent(e.id, null, true);
    else await cal.client.declineEvent(e.id, null, true);
    return true;
  });
  if (!done) return;
  await loadInvitations();
  $("#invitations-panel .status").textContent = `${verb === "accept" ? "Accepted" : "Declined"} “${e.subject}”.`;
}

export function initCalendar() {
  $("#calendar-group").addEventListener("change", (e) => {
    clearError();
    cal.group = cal.groups.find((g) => g.id === e.target.value) ?? null;
    const url = new URL(location.href);
    url.searchParams.set("group", e.target.value);
    history.replaceState(null, "", url);
    loadWeek();
  });
  const move = (days) => () => { clearError(); cal.week = days === null ? monday(new Date()) : addDays(cal.week, days); loadWeek(); };
  $("#week-prev").addEventListener("click", move(-7));
  $("#week-next").addEventListener("click", move(7));
  $("#week-today").addEventListener("click", move(null));
  $("#new-event-form").addEventListener("submit", (e) => { e.preventDefault(); clearError(); createEvent(e.target); });
  document.addEventListener("click", (e) => {
    if (e.target.closest("[data-action]")?.dataset.action === "back-to-week") { clearError(); showCalendar(); }
  });
}
