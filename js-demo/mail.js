// The Mail view: the mailbox's folders, a folder's messages (paged), one message with its HTML
// sanitised by DOMPurify (as group posts are), its attachments, and a reply. The mailbox is the
// user's own or a shared one they were granted (`client.mailbox(id)`), picked in the view.
import { $, show, busy, clearError, el, when, sender, bodyNodes, textToHtml } from "./ui.js";

const mail = { base: null, client: null, folder: null, message: null, pager: null, seq: 0 };

/** Outlook's order for the well-known folders; the others follow by name. */
const ORDER = ["Inbox", "Drafts", "Sent Items", "Deleted Items", "Junk Email", "Archive", "Outbox"];
const LIST_FIELDS = ["id", "subject", "from", "sender", "receivedDateTime", "bodyPreview", "isRead", "hasAttachments", "importance", "flag"];

/** The client (signed-in user) and the shared mailboxes the picker offers. */
export function setMailClient(client, sharedMailboxes = []) {
  mail.base = mail.client = client;
  mail.seq++;
  const picker = $("#mailbox");
  picker.replaceChildren(el("option", { value: "me" }, "Your mailbox"), ...sharedMailboxes.map((m) => el("option", { value: m }, m)));
  picker.value = "me";
  picker.closest("label").hidden = sharedMailboxes.length === 0;
}

export async function showFolders() {
  const seq = ++mail.seq;
  mail.folder = mail.message = null;
  show("mail-folders-view");
  const list = $("#mail-folders");
  list.replaceChildren();
  await busy("#mail-folders-view", "Loading folders…", async () => {
    const [top, inbox] = await Promise.all([mail.client.listMailFolders({ top: 100 }).toArray(), mail.client.getMailFolder("inbox")]);
    // The Inbox's subfolders go under it, as in Outlook.
    const children = inbox.childFolderCount ? await mail.client.listChildFolders(inbox.id, { top: 100 }).toArray() : [];
    if (seq !== mail.seq) return;
    const rank = (f) => { const i = ORDER.indexOf(f.displayName); return i < 0 ? ORDER.length : i; };
    const byName = (a, b) => (a.displayName ?? "").localeCompare(b.displayName ?? "");
    const sorted = [...top].sort((a, b) => rank(a) - rank(b) || byName(a, b));
    const items = [];
    for (const f of sorted) {
      items.push(folderItem(f, 0));
      if (f.id === inbox.id) items.push(...[...children].sort(byName).map((c) => folderItem(c, 1)));
    }
    list.replaceChildren(...items);
  });
}

function folderItem(f, depth) {
  const unread = f.unreadItemCount ?? 0;
  return el("li", {},
    el("button", {
      type: "button", className: `folder depth-${depth}`, dataset: { testid: "mail-folder", folderId: f.id, name: f.displayName ?? "" },
      onclick: () => { clearError(); showMessages(f); },
    },
    el("span", { className: "name" }, f.displayName ?? f.id),
    unread ? el("span", { className: "count", title: `${unread} unread` }, String(unread)) : null));
}

async function showMessages(folder) {
  const seq = ++mail.seq;
  mail.folder = folder;
  mail.message = null;
  show("mail-messages-view");
  $("#mail-messages-title").textContent = folder.displayName ?? folder.id;
  $("#mail-messages").replaceChildren();
  $("#more-messages").hidden = true;
  mail.pager = mail.client.listFolderMessages(folder.id, { top: 25, select: LIST_FIELDS }).pages();
  await moreMessages(seq);
}

async function moreMessages(seq = mail.seq) {
  await busy("#mail-messages-view", "Loading messages…", async () => {
    const { value: page, done } = await mail.pager.next();
    if (seq !== mail.seq) return;
    if (done) { $("#more-messages").hidden = true; return; }
    $("#mail-messages").append(...page.value.map(messageItem));
    $("#more-messages").hidden = !page.nextLink;
    if (!$("#mail-messages").children.length) $("#mail-messages").append(el("li", { className: "empty" }, "Nothing in this folder."));
  });
}

/** A paperclip, drawn (no icon font needed). */
function clip() {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("class", "icon");
  svg.setAttribute("aria-label", "Has attachments");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", "M10.5 5.5 6.2 9.8a1.2 1.2 0 0 0 1.7 1.7l4.6-4.6a2.5 2.5 0 0 0-3.5-3.5L4.3 8.1a3.7 3.7 0 0 0 5.3 5.3L13.5 9.5");
  svg.append(path);
  return svg;
}

function messageItem(m) {
  const important = m.importance === "high";
  const flags = important || m.hasAttachments
    ? el("span", { className: "flags" }, important ? el("span", { className: "important", title: "High importance" }, "!") : null, m.hasAttachments ? clip() : null)
    : null;
  return el("li", {},
    el("button", {
      type: "button", className: `message${m.isRead ? "" : " unread"}`, dataset: { testid: "mail-message", messageId: m.id, subject: m.subject ?? "" },
      onclick: () => { clearError(); showMessage(m); },
    },
    el("span", { className: "from" }, sender(m)),
    el("time", { className: "meta", dateTime: m.receivedDateTime ?? "" }, shortWhen(m.receivedDateTime)),
    el("span", { className: "subject" }, m.subject || "(no subject)"),
    flags,
    m.bodyPreview ? el("span", { className: "preview" }, m.bodyPreview) : null));
}

/** Today's mail by its time, older mail by its date, as Outlook's list does. */
function shortWhen(iso) {
  const d = new Date(iso ?? "");
  if (Number.isNaN(d.getTime())) return "";
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" }) : d.toLocaleDateString([], { month: "short", day: "numeric", year: "numeric" });
}

function addresses(list) {
  return (list ?? []).map((r) => r.emailAddress?.name || r.emailAddress?.address).filter(Boolean).join("; ");
}

async function showMessage(summary) {
  const seq = ++mail.seq;
  mail.message = summary;
  show("mail-message-view");
  $("#back-to-messages").textContent = `← ${mail.folder?.displayName ?? "Messages"}`;
  $("#mail-message-title").textContent = summary.subject || "(no subject)";
  $("#mail-message-head").replaceChildren();
  $("#mail-message-body").replaceChildren();
  $("#mail-attachments").hidden = true;
  $("#mail-reply-form").hidden = true;
  await busy("#mail-message-view", "Loading the message…", async () => {
    const m = await mail.client.getMessage(summary.id);
    const attachments = m.hasAttachments
      ? await mail.client.listMessageAttachments(m.id, { select: ["id", "name", "contentType", "size", "isInline"] }).toArray()
      : [];
    if (seq !== mail.seq) return;
    mail.message = m;
    const from = m.from?.emailAddress ?? {};
    $("#mail-message-head").replaceChildren(...[
      el("div", { className: "from" }, el("strong", {}, from.name || from.address || "Unknown sender"),
        from.name && from.address ? el("span", { className: "address" }, ` <${from.address}>`) : null),
      m.toRecipients?.length ? el("div", { className: "to" }, `To: ${addresses(m.toRecipients)}`) : null,
      m.ccRecipients?.length ? el("div", { className: "to" }, `Cc: ${addresses(m.ccRecipients)}`) : null,
      el("time", { dateTime: m.receivedDateTime ?? "" }, when(m.receivedDateTime)),
    ].filter(Boolean));
    // Files only: inline images belong to the body, and item attachments (a forwarded message) have no bytes to save.
    const files = attachments.filter((a) => !a.isInline && a["@odata.type"] === "#microsoft.graph.fileAttachment");
    $("#mail-attachments").replaceChildren(...files.map(attachmentItem));
    $("#mail-attachments").hidden = files.length === 0;
    const body = $("#mail-message-body");
    body.classList.toggle("text", (m.body?.contentType ?? "").toLowerCase() !== "html");
    body.replaceChildren(...bodyNodes(m.body));
    $("#mail-reply-form").hidden = Boolean(m.isDraft);
    // Opening a message marks it read, as Outlook does; a failure here is not worth a banner.
    if (!m.isRead) mail.client.updateMessage(m.id, { isRead: true }).catch(() => {});
  });
}

function attachmentItem(a) {
  const kb = a.size ? ` · ${Math.max(1, Math.round(a.size / 1024))} KB` : "";
  return el("li", {},
    el("button", {
      type: "button", className: "attachment", dataset: { testid: "attachment", attachmentId: a.id, name: a.name ?? "" },
      onclick: () => download(a),
    }, el("span", { className: "name" }, a.name ?? "attachment"), el("span", { className: "meta" }, `${a.contentType ?? ""}${kb}`)));
}

/** The attachment's bytes as a file download (a blob: URL, revoked once used). */
async function download(a) {
  const content = await busy("#mail-message-view", `Downloading ${a.name}…`, () =>
    mail.client.getMessageAttachmentContent(mail.message.id, a.id));
  if (!content) return;
  const url = URL.createObjectURL(new Blob([content.bytes], { type: content.contentType }));
  const link = el("a", { href: url, download: a.name ?? "attachment" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function reply(form) {
  const text = form.body.value.trim();
  if (!text) return;
  const sent = await busy("#mail-message-view", "Sending reply…", async () => {
    await mail.client.replyToMessage(mail.message.id, textToHtml(text));
    return true;
  });
  if (sent) {
    form.reset();
    $("#mail-message-view .status").textContent = "Reply sent.";
  }
}

export function initMail() {
  $("#more-messages").addEventListener("click", () => moreMessages());
  $("#mail-reply-form").addEventListener("submit", (e) => { e.preventDefault(); reply(e.target); });
  $("#mailbox").addEventListener("change", (e) => {
    clearError();
    mail.client = e.target.value === "me" ? mail.base : mail.base.mailbox(e.target.value);
    showFolders();
  });
  document.addEventListener("click", (e) => {
    const action = e.target.closest("[data-action]")?.dataset.action;
    if (action === "back-to-folders") { clearError(); showFolders(); }
    if (action === "back-to-messages") { clearError(); showMessages(mail.folder); }
  });
}
