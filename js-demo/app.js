// An Office add-in style task pane on the o365kit npm package: groups, their conversations,
// a thread's posts (HTML sanitised with DOMPurify, never set as raw innerHTML), replies and new
// conversations; Mail (mail.js) and Calendar (calendar.js). Inside Office the token comes from Office SSO; elsewhere
// from a user picker against the o365kit emulator (config.json, written by js-demo/serve).
// The look is Fluent 2's: its web components (one self-contained script) and its web light theme.
import "./node_modules/@fluentui/web-components/dist/web-components.min.js";
import { webLightTheme } from "./node_modules/@fluentui/tokens/lib/themes/web/lightTheme.js";
import { Client } from "./node_modules/o365kit/index.js";
import { initMail, setMailClient, showFolders } from "./mail.js";
import { initCalendar, setCalendarClient, showCalendar } from "./calendar.js";
import { $, show, busy, showError, clearError, el, when, sender, bodyNodes, textToHtml } from "./ui.js";
const state = { client: null, group: null, thread: null, pager: null, seq: 0, tab: "groups", watch: null };

// Fluent's design tokens as CSS custom properties on the document (styles.css uses them).
globalThis.Fluent.setTheme(webLightTheme);

// ---------------------------------------------------------------- tokens

async function loadConfig() {
  try {
    const res = await fetch("./config.json", { cache: "no-store" });
    if (res.ok) return await res.json();
  } catch {
    // no config: Office or plain Graph
  }
  return {};
}

/** Office appends `_host_Info` to a task pane's URL. */
function hostedInOffice() {
  return new URLSearchParams(location.search).has("_host_Info");
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

/** Office SSO: the host signs the user in; `getToken` is asked before every request. A production
 * add-in whose SSO token is for its own API exchanges it on its server (on-behalf-of) or uses
 * MSAL's nested app authentication; either way it plugs in here as `getToken`. */
async function officeClient() {
  await loadScript("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  await globalThis.Office.onReady();
  const getToken = () =>
    globalThis.OfficeRuntime.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: true });
  $("#office-user").hidden = false;
  $("#office-user").textContent = "Signed in with Office";
  return new Client({ getToken });
}

function emulatorClient(config, upn) {
  return new Client({ getToken: async () => `emulator:${upn}`, baseUrl: config.baseUrl });
}

// ---------------------------------------------------------------- views

async function showGroups() {
  const seq = ++state.seq;
  stopWatching();
  state.group = state.thread = null;
  show("groups-view");
  const joinedList = $("#joined-groups");
  const otherList = $("#other-groups");
  joinedList.replaceChildren();
  otherList.replaceChildren();
  await busy("#groups-view", "Loading groups…", async () => {
    const [joined, all] = await Promise.all([
      state.client.listJoinedGroups().toArray(),
      state.client.listGroups().toArray().catch(() => []),
    ]);
    if (seq !== state.seq) return;
    const joinedIds = new Set(joined.map((g) => g.id));
    const others = all.filter((g) => !joinedIds.has(g.id));
    joinedList.replaceChildren(...joined.map(groupItem));
    otherList.replaceChildren(...others.map(groupItem));
    if (!joined.length) joinedList.append(el("li", { className: "empty" }, "You are not a member of any group."));
    if (!others.length) otherList.append(el("li", { className: "empty" }, "None."));
  });
}

function groupItem(g) {
  const visibility = g.visibility ?? "";
  return el("li", {},
    el("button", {
      type: "button", className: "item", dataset: { testid: "group", groupId: g.id, groupName: g.displayName ?? "" },
      onclick: () => { clearError(); showThreads(g); },
    },
    el("span", { className: "title" }, g.displayName ?? g.id),
    visibility ? el("span", { className: `badge ${visibility.toLowerCase()}` }, visibility) : null,
    g.description ? el("span", { className: "preview" }, g.description) : null));
}

async function showThreads(group) {
  const seq = ++state.seq;
  state.group = group;
  state.thread = null;
  show("threads-view");
  $("#threads-title").textContent = group.displayName ?? group.id;
  $("#threads").replaceChildren();
  $("#more-threads").hidden = true;
  $("#new-conversation").hidden = true;
  state.pager = state.client.listGroupThreads(group.id, { top: 20 }).pages();
  // Without read access (403) there is nothing to post to either, nor mail to watch for.
  if ((await moreThreads(seq)) && seq === state.seq) {
    $("#new-conversation").hidden = false;
    watchGroup(group);
  }
}

// ---------------------------------------------------------------- new mail, live

/** Watches the open group for new mail (the core's group-mail watcher: a round every minute on
 * Graph, every two seconds on the emulator) until another group, tab or user is chosen. */
function watchGroup(group) {
  if (state.watch?.groupId === group.id) return;
  stopWatching();
  const ctl = new AbortController();
  const watcher = state.client.watchGroupMail(group.id, { intervalMs: hostedInOffice() ? 60000 : 2000, signal: ctl.signal });
  state.watch = { groupId: group.id, ctl };
  (async () => {
    await watcher.start();
    $("#threads-view").dataset.watching = group.id;
    for await (const mail of watcher) arrived(group, mail);
  })().catch((e) => { if (!ctl.signal.aborted) showError(e); });
}

function stopWatching() {
  state.watch?.ctl.abort();
  state.watch = null;
  delete $("#threads-view").dataset.watching;
}

/** A new post: its thread goes to the top of the list, marked new; an open thread shows it. */
function arrived(group, { thread, post }) {
  if (state.group?.id !== group.id) return;
  const list = $("#threads");
  list.querySelector(`[data-thread-id="${CSS.escape(thread.id)}"]`)?.closest("li")?.remove();
  list.querySelector(".empty")?.remove();
  const item = threadItem(thread);
  item.classList.add("fresh");
  item.querySelector(".title").append(" ", el("span", { className: "badge new" }, "New"));
  list.prepend(item);
  $("#threads-view .status").textContent = `New mail from ${sender(post)}: ${thread.topic || "(no topic)"}`;
  if (state.thread?.id === thread.id && !$("#posts").querySelector(`[data-post-id="${CSS.escape(post.id)}"]`)) {
    $("#posts").append(postItem(post));
  }
}

async function moreThreads(seq = state.seq) {
  return busy("#threads-view", "Loading conversations…", async () => {
    const { value: page, done } = await state.pager.next();
    if (seq !== state.seq) return false;
    if (done) { $("#more-threads").hidden = true; return true; }
    const threads = [...page.value].sort((a, b) => (b.lastDeliveredDateTime ?? "").localeCompare(a.lastDeliveredDateTime ?? ""));
    $("#threads").append(...threads.map(threadItem));
    $("#more-threads").hidden = !page.nextLink;
    if (!$("#threads").children.length) $("#threads").append(el("li", { className: "empty" }, "No conversations yet."));
    return true;
  });
}

function threadItem(t) {
  return el("li", {},
    el("button", {
      type: "button", className: "item", dataset: { testid: "thread", threadId: t.id, topic: t.topic ?? "" },
      onclick: () => { clearError(); showPosts(t); },
    },
    el("span", { className: "title" }, t.topic || "(no topic)"),
    el("span", { className: "meta" }, when(t.lastDeliveredDateTime)),
    t.preview ? el("span", { className: "preview" }, t.preview) : null));
}

async function showPosts(thread) {
  const seq = ++state.seq;
  state.thread = thread;
  show("posts-view");
  $("#posts-title").textContent = thread.topic || "(no topic)";
  $("#posts").replaceChildren();
  await loadPosts(seq);
}

async function loadPosts(seq = state.seq) {
  await busy("#posts-view", "Loading posts…", async () => {
    const posts = await state.client.listPosts(state.group.id, state.thread.id).toArray();
    if (seq !== state.seq) return;
    $("#posts").replaceChildren(...posts.map(postItem));
  });
}

function postItem(p) {
  return el("li", { className: "post", dataset: { testid: "post", postId: p.id } },
    el("header", {}, el("strong", {}, sender(p)), " ", el("time", { dateTime: p.receivedDateTime ?? "" }, when(p.receivedDateTime))),
    el("div", { className: "post-body" }, ...bodyNodes(p.body)));
}

async function reply(form) {
  const text = form.body.value.trim();
  if (!text) return;
  const ok = await busy("#posts-view", "Sending reply…", async () => {
    await state.client.replyToThread(state.group.id, state.thread.id, { body: { contentType: "html", content: textToHtml(text) } });
    return true;
  });
  if (ok) {
    form.reset();
    await loadPosts();
    $("#posts-view .status").textContent = "Reply sent.";
  }
}

async function newConversation(form) {
  const topic = form.topic.value.trim();
  const text = form.body.value.trim();
  if (!topic || !text) return;
  const conv = await busy("#threads-view", "Starting the conversation…", () =>
    state.client.createConversation(state.group.id, topic, { body: { contentType: "html", content: textToHtml(text) } }));
  if (conv) {
    form.reset();
    $("#new-conversation").open = false;
    const threadId = conv.threads?.[0]?.id;
    if (threadId) await showPosts({ id: threadId, topic });
    else await showThreads(state.group);
  }
}

// ---------------------------------------------------------------- start

/** Groups, Mail or Calendar; the choice is kept in the URL (`?view=mail`, `?view=calendar`). */
function openTab(tab) {
  state.tab = tab;
  if (tab !== "groups") stopWatching();
  for (const b of document.querySelectorAll("[data-tab]")) b.setAttribute("aria-selected", String(b.dataset.tab === tab));
  const url = new URL(location.href);
  if (tab === "groups") url.searchParams.delete("view"); else url.searchParams.set("view", tab);
  history.replaceState(null, "", url);
  clearError();
  return tab === "mail" ? showFolders() : tab === "calendar" ? showCalendar() : showGroups();
}

/** A client for the signed-in user: every view uses it (mail on the user's or a shared mailbox). */
function useClient(client, sharedMailboxes) {
  stopWatching();
  state.client = client;
  setMailClient(client, sharedMailboxes);
  setCalendarClient(client);
  return openTab(state.tab);
}

async function main() {
  document.addEventListener("click", (e) => {
    const action = e.target.closest("[data-action]")?.dataset.action;
    if (action === "back-to-groups") { clearError(); showGroups(); }
    if (action === "back-to-threads") { clearError(); showThreads(state.group); }
  });
  $("#more-threads").addEventListener("click", () => moreThreads());
  $("#reply-form").addEventListener("submit", (e) => { e.preventDefault(); reply(e.target); });
  $("#new-conversation-form").addEventListener("submit", (e) => { e.preventDefault(); newConversation(e.target); });
  for (const b of document.querySelectorAll("[data-tab]")) b.addEventListener("click", () => openTab(b.dataset.tab));
  initMail();
  initCalendar();
  const view = new URLSearchParams(location.search).get("view");
  if (view === "mail" || view === "calendar") state.tab = view;

  if (hostedInOffice()) {
    await useClient(await officeClient(), []);
    return;
  }
  const config = await loadConfig();
  if (!config.baseUrl) {
    showError(new Error("No emulator configured: start the demo with js-demo/serve, or open it from Office."));
    return;
  }
  const users = config.users ?? [];
  const picker = $("#user");
  picker.replaceChildren(...users.map((u) => el("option", { value: u.upn }, u.name ? `${u.name} <${u.upn}>` : u.upn)));
  const wanted = new URLSearchParams(location.search).get("user");
  if (wanted && users.some((u) => u.upn === wanted)) picker.value = wanted;
  $("#user-picker").hidden = false;
  const pick = () => {
    clearError();
    const url = new URL(location.href);
    url.searchParams.set("user", picker.value);
    history.replaceState(null, "", url);
    useClient(emulatorClient(config, picker.value), config.sharedMailboxes ?? []);
  };
  picker.addEventListener("change", pick);
  pick();
}

main().catch(showError);
