// The Mail operations of the table through the npm package, against a real emulator process:
// messages, replies, folders, attachments (bytes), settings, rules, and the mailbox a client is on.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { Client, GraphError } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";
import { isCalendar, recorder } from "./recording.mjs";

let emu;
const rec = recorder();
const client = (token, extra) => rec.client(emu.url, token, extra);

before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

const SHARED = "support@contoso.test";
const OWNER_BUDGET = "AAMkAGOwnerBudgetMail0001"; // from member to owner, cc outsider, two file attachments
const MEMBER_HOSTILE = "AAMkAGMemberHostile0001";
const MEMBER_NEWSLETTER = "AAMkAGMemberNewsletter0001"; // has a List-Unsubscribe mailto header
const unique = (s) => `${s} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const html = (s) => ({ contentType: "html", content: s });
const b64 = (bytes) => Buffer.from(bytes).toString("base64");

/** The messages with `subject` in `folder` of `c`'s mailbox. */
async function inFolder(c, folder, subject) {
  return (await c.listFolderMessages(folder, { top: 200 }).toArray()).filter((m) => m.subject === subject);
}

/** Every way an error can turn into text. */
function allText(e) {
  return [String(e), e.message, e.stack ?? "", inspect(e, { depth: 5, showHidden: true }), JSON.stringify(e)].join("\n");
}

test("Mail operations of the table against the emulator", async (t) => {
  const owner = client(TOKENS.owner);
  const member = client(TOKENS.member);
  const outsider = client(TOKENS.outsider);

  await t.test("messages: list (paged), get, per folder, as Graph sent them", async () => {
    const first = await member.listMessages();
    assert.equal(first.value.length, 10, "Graph's default page size for messages");
    assert.equal(typeof first.nextLink, "string");
    const all = await member.listMessages({ top: 50 }).toArray();
    assert.ok(all.length > 80, `member has the seeded and filler mail (${all.length})`);
    assert.equal(new Set(all.map((m) => m.id)).size, all.length);
    const got = await member.getMessage(MEMBER_HOSTILE);
    assert.equal(got.subject, "Action required: verify your mailbox");
    assert.match(got.body.content, /onerror/, "the body comes as sent; sanitising is the page's job");
    assert.equal(got.from.emailAddress.address, "it-support@phish.example");
    const inbox = await member.listFolderMessages("inbox", { select: ["id", "subject"], top: 100 }).toArray();
    assert.ok(inbox.some((m) => m.id === MEMBER_HOSTILE));
    const text = await member.getMessage(MEMBER_HOSTILE, { bodyType: "text" });
    assert.equal(text.body.contentType.toLowerCase(), "text");
    const unread = await member.listFolderMessages("inbox", { filter: "isRead eq false", top: 100 }).toArray();
    assert.ok(unread.length >= 1 && unread.every((m) => m.isRead === false));
  });

  await t.test("drafts: create, update, send; sendMail; delete", async () => {
    const subject = unique("Draft from Node");
    const draft = await member.createMessage({ subject, body: html("<p>draft</p>"), toRecipients: [{ emailAddress: { address: "owner@contoso.test" } }] });
    assert.equal(draft.isDraft, true);
    const updated = await member.updateMessage(draft.id, { importance: "high" });
    assert.equal(updated.importance, "high");
    await member.sendMessage(draft.id);
    assert.equal((await inFolder(owner, "inbox", subject)).length, 1, "the owner got the draft once sent");
    assert.equal((await inFolder(member, "sentitems", subject)).length, 1);

    const draftSubject = unique("In drafts");
    const inFolderDraft = await member.createFolderMessage("drafts", { subject: draftSubject });
    assert.equal(inFolderDraft.isDraft, true);
    await member.deleteMessage(inFolderDraft.id);
    assert.equal((await inFolder(member, "deleteditems", draftSubject)).length, 1, "a delete moves to Deleted Items");
    await assert.rejects(member.getMessage(inFolderDraft.id), (e) => e instanceof GraphError && e.status === 404, "under a new id");

    const direct = unique("sendMail from Node");
    await member.sendMail({ subject: direct, body: html("<p>hi</p>"), toRecipients: [{ emailAddress: { address: "outsider@contoso.test" } }] });
    assert.equal((await inFolder(outsider, "inbox", direct)).length, 1);
    assert.equal((await inFolder(member, "sentitems", direct)).length, 1);
    const unsaved = unique("not saved");
    await member.sendMail({ subject: unsaved, toRecipients: [{ emailAddress: { address: "outsider@contoso.test" } }] }, false);
    assert.equal((await inFolder(member, "sentitems", unsaved)).length, 0, "saveToSentItems false");
    assert.equal((await inFolder(outsider, "inbox", unsaved)).length, 1);
  });

  await t.test("replies and forwards: reply, replyAll, forward, and their drafts", async () => {
    const comment = unique("Looks good");
    await owner.replyToMessage(OWNER_BUDGET, comment);
    const replies = (await member.listFolderMessages("inbox", { top: 200 }).toArray()).filter((m) => (m.body?.content ?? "").includes(comment));
    assert.equal(replies.length, 1, "the reply reached the sender");
    assert.equal(replies[0].subject, "RE: Q2 budget numbers");

    const all = unique("To everyone");
    await owner.replyAllToMessage(OWNER_BUDGET, all);
    for (const c of [member, outsider]) {
      const got = (await c.listFolderMessages("inbox", { top: 200 }).toArray()).filter((m) => (m.body?.content ?? "").includes(all));
      assert.equal(got.length, 1, "reply all reaches the sender and the cc");
    }

    const fyi = unique("fyi");
    await owner.forwardMessage(OWNER_BUDGET, ["outsider@contoso.test"], fyi);
    const fwd = (await outsider.listFolderMessages("inbox", { top: 200 }).toArray()).filter((m) => (m.body?.content ?? "").includes(fyi));
    assert.equal(fwd.length, 1);
    assert.equal(fwd[0].subject, "FW: Q2 budget numbers");

    const reply = await owner.createReply(OWNER_BUDGET, "draft reply", { importance: "low" });
    assert.equal(reply.isDraft, true);
    assert.equal(reply.subject, "RE: Q2 budget numbers");
    const replyAll = await owner.createReplyAll(OWNER_BUDGET);
    assert.equal(replyAll.isDraft, true);
    assert.ok(replyAll.ccRecipients.some((r) => r.emailAddress.address === "outsider@contoso.test"));
    const forward = await owner.createForward(OWNER_BUDGET, ["member@contoso.test", { emailAddress: { address: "outsider@contoso.test", name: "Oscar" } }]);
    assert.equal(forward.subject, "FW: Q2 budget numbers");
    assert.deepEqual(forward.toRecipients.map((r) => r.emailAddress.address), ["member@contoso.test", "outsider@contoso.test"]);
    assert.equal(forward.hasAttachments, true, "a forward keeps the attachments");
  });

  await t.test("move and copy give new ids; unsubscribe", async () => {
    const draft = await member.createMessage({ subject: unique("to move") });
    const copy = await member.copyMessage(draft.id, "archive");
    assert.notEqual(copy.id, draft.id);
    const archive = await member.getMailFolder("archive");
    assert.equal(copy.parentFolderId, archive.id);
    const moved = await member.moveMessage(draft.id, "deleteditems");
    assert.notEqual(moved.id, draft.id);
    await assert.rejects(member.getMessage(draft.id), (e) => e instanceof GraphError && e.status === 404 && e.code === "ErrorItemNotFound");
    assert.equal(await member.unsubscribeMessage(MEMBER_NEWSLETTER), undefined, "202, no body");
    const plain = await member.unsubscribeMessage(MEMBER_HOSTILE).catch((e) => e);
    assert.ok(plain instanceof GraphError && plain.status === 400, `no List-Unsubscribe header: ${plain}`);
  });

  await t.test("attachments: list, get, bytes, add (Uint8Array or base64), delete", async () => {
    const atts = await owner.listMessageAttachments(OWNER_BUDGET).toArray();
    assert.deepEqual(atts.map((a) => a.name).sort(), ["q2-budget.csv", "summary.pdf"]);
    const csv = atts.find((a) => a.name === "q2-budget.csv");
    const one = await owner.getMessageAttachment(OWNER_BUDGET, csv.id);
    assert.equal(typeof one.contentBytes, "string", "contentBytes in results: base64, as Graph sends it");
    const content = await owner.getMessageAttachmentContent(OWNER_BUDGET, csv.id);
    assert.match(content.contentType, /text\/csv/);
    assert.ok(content.bytes instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(content.bytes), "region,q1,q2\nNorth,120,135\nSouth,98,110\n");
    assert.equal(b64(content.bytes), one.contentBytes);

    const draft = await owner.createMessage({ subject: unique("with attachments") });
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff); // not text: every byte value path
    const added = await owner.addMessageAttachment(draft.id, {
      "@odata.type": "#microsoft.graph.fileAttachment", name: "data.bin", contentType: "application/octet-stream", contentBytes: bytes,
    });
    assert.equal(added.name, "data.bin");
    const back = await owner.getMessageAttachmentContent(draft.id, added.id);
    assert.deepEqual([...back.bytes], [...bytes]);
    const fromBase64 = await owner.addMessageAttachment(draft.id, {
      "@odata.type": "#microsoft.graph.fileAttachment", name: "hello.txt", contentType: "text/plain", contentBytes: btoa("hello"),
    });
    assert.equal(new TextDecoder().decode((await owner.getMessageAttachmentContent(draft.id, fromBase64.id)).bytes), "hello");
    const fromBuffer = await owner.addMessageAttachment(draft.id, {
      "@odata.type": "#microsoft.graph.fileAttachment", name: "buf.txt", contentType: "text/plain", contentBytes: Buffer.from("a Node Buffer"),
    });
    assert.equal(new TextDecoder().decode((await owner.getMessageAttachmentContent(draft.id, fromBuffer.id)).bytes), "a Node Buffer");
    await owner.deleteMessageAttachment(draft.id, added.id);
    assert.deepEqual((await owner.listMessageAttachments(draft.id).toArray()).map((a) => a.name).sort(), ["buf.txt", "hello.txt"]);
  });

  await t.test("folders: list, children, get, create, rename, move, copy, delete", async () => {
    const top = await member.listMailFolders().toArray();
    for (const name of ["Inbox", "Drafts", "Sent Items", "Deleted Items"]) assert.ok(top.some((f) => f.displayName === name), name);
    const inbox = await member.getMailFolder("inbox");
    assert.equal(inbox.displayName, "Inbox");
    const children = await member.listChildFolders("inbox").toArray();
    assert.deepEqual(children.map((f) => f.displayName).sort(), ["Finance", "Newsletters"]);
    const newsletters = children.find((f) => f.displayName === "Newsletters");
    assert.ok((await member.listFolderMessages(newsletters.id).toArray()).some((m) => m.id === MEMBER_NEWSLETTER));

    const made = await member.createMailFolder({ displayName: unique("Projects") });
    const child = await member.createChildFolder(made.id, { displayName: "Spring" });
    assert.equal(child.parentFolderId, made.id);
    const renamed = await member.updateMailFolder(child.id, { displayName: "Spring 2025" });
    assert.equal(renamed.displayName, "Spring 2025");
    const archive = await member.getMailFolder("archive");
    const copied = await member.copyMailFolder(child.id, "archive");
    assert.equal(copied.parentFolderId, archive.id);
    assert.notEqual(copied.id, child.id);
    const moved = await member.moveMailFolder(child.id, "inbox");
    assert.equal(moved.parentFolderId, inbox.id);
    // The same name twice under one parent: Graph's 409.
    const clash = await member.copyMailFolder(copied.id, "inbox").catch((e) => e);
    assert.ok(clash instanceof GraphError && clash.status === 409 && clash.code === "ErrorFolderExists", `got ${clash}`);
    // A delete moves the folder to Deleted Items; a delete there is for good.
    const deletedItems = await member.getMailFolder("deleteditems");
    await member.deleteMailFolder(made.id);
    assert.equal((await member.getMailFolder(made.id)).parentFolderId, deletedItems.id);
    await member.deleteMailFolder(made.id);
    await assert.rejects(member.getMailFolder(made.id), (e) => e instanceof GraphError && e.status === 404);
    const distinguished = await member.deleteMailFolder("inbox").catch((e) => e);
    assert.ok(distinguished instanceof GraphError && distinguished.status >= 400, `got ${distinguished}`);
  });

  await t.test("settings, automatic replies, Focused Inbox overrides, rules, MailTips, languages, time zones", async () => {
    const settings = await owner.getMailboxSettings();
    assert.equal(settings.timeZone, "Pacific Standard Time");
    const changed = await owner.updateMailboxSettings({ timeZone: "UTC" });
    assert.equal(changed.timeZone, "UTC");
    assert.equal((await owner.getMailboxSettings()).timeZone, "UTC");
    const auto = await owner.getAutomaticReplies();
    assert.equal(auto.status, "alwaysEnabled");
    const tips = await member.getMailTips(["owner@contoso.test"], ["automaticReplies"]);
    assert.match(tips.value[0].automaticReplies.message, /offsite/);
    await owner.setAutomaticReplies({ status: "disabled" });
    assert.equal((await owner.getAutomaticReplies()).status, "disabled");

    const overrides = await member.listInferenceOverrides().toArray();
    assert.ok(overrides.some((o) => o.senderEmailAddress.address === "news@northwind.example"));
    const o = await member.createInferenceOverride({ classifyAs: "focused", senderEmailAddress: { name: "Owner", address: "owner@contoso.test" } });
    assert.equal(o.classifyAs, "focused");
    assert.equal((await member.updateInferenceOverride(o.id, { classifyAs: "other" })).classifyAs, "other");
    await member.deleteInferenceOverride(o.id);
    assert.ok(!(await member.listInferenceOverrides().toArray()).some((x) => x.id === o.id));

    const rules = await member.listMessageRules().toArray();
    assert.deepEqual(rules.map((r) => r.displayName), ["Newsletters to their folder", "Budget mail is finance"]);
    assert.equal((await member.getMessageRule(rules[0].id)).sequence, 1);
    const rule = await member.createMessageRule({
      displayName: "Flag the boss", sequence: 3, isEnabled: true,
      conditions: { fromAddresses: [{ emailAddress: { address: "owner@contoso.test" } }] },
      actions: { markImportance: "high", stopProcessingRules: false },
    });
    assert.equal(rule.displayName, "Flag the boss");
    assert.equal((await member.updateMessageRule(rule.id, { isEnabled: false })).isEnabled, false);
    await member.deleteMessageRule(rule.id);
    assert.equal((await member.listMessageRules().toArray()).length, 2);

    const languages = await member.listSupportedLanguages();
    assert.ok(languages.value.some((l) => l.locale === "en-US"));
    const zones = await member.listSupportedTimeZones();
    assert.ok(zones.value.some((z) => z.alias === "Pacific Standard Time"));
    const iana = await member.listSupportedTimeZones("Iana");
    assert.ok(iana.value.some((z) => z.alias === "America/Los_Angeles"));
  });

  await t.test("all mail operations were exercised", () => {
    assert.deepEqual(rec.missing((o) => o.mailbox && !isCalendar(o)), []);
  });
});

test("the mailbox a client is on: a granted shared mailbox works, another is a 403", async () => {
  const member = client(TOKENS.member);
  assert.equal(member.mailboxId, "me");
  const shared = member.mailbox(SHARED);
  assert.equal(shared.mailboxId, SHARED);
  assert.equal(member.mailboxId, "me", "mailbox() leaves the original client as it was");
  assert.match(String(shared), /mailbox support@contoso\.test/);

  const tickets = await shared.listFolderMessages("inbox").toArray();
  assert.ok(tickets.some((m) => m.id === "AAMkAGSupportTicket0001"), "the shared mailbox's own mail");
  const mine = await member.listMessages({ top: 200 }).toArray();
  assert.ok(!mine.some((m) => m.id === "AAMkAGSupportTicket0001"), "not the member's own mailbox");
  assert.ok(!tickets.some((m) => m.id === MEMBER_HOSTILE));

  // The same mailbox from the constructor, and back to "me".
  const fromOptions = client(TOKENS.member, { mailbox: SHARED });
  assert.ok((await fromOptions.listFolderMessages("inbox").toArray()).some((m) => m.id === "AAMkAGSupportTicket0001"));
  assert.ok((await fromOptions.mailbox("me").getMessage(MEMBER_HOSTILE)).id);

  // A delegate sends as the shared mailbox.
  const subject = unique("Your ticket");
  await shared.sendMail({ subject, toRecipients: [{ emailAddress: { address: "owner@contoso.test" } }] });
  const got = await inFolder(client(TOKENS.owner), "inbox", subject);
  assert.equal(got[0].from.emailAddress.address, SHARED);

  // The owner is no delegate of it: Graph's 403, as a GraphError with its code.
  const denied = await client(TOKENS.owner).mailbox(SHARED).listMessages().then(() => null, (e) => e);
  assert.ok(denied instanceof GraphError, `got ${denied}`);
  assert.equal(denied.status, 403);
  assert.equal(denied.code, "ErrorAccessDenied");
  assert.equal(typeof denied.requestId, "string");
  assert.ok(!allText(denied).includes(TOKENS.owner), "no token in the error");
  const otherUser = await client(TOKENS.outsider).mailbox("member@contoso.test").getMailboxSettings().catch((e) => e);
  assert.ok(otherUser instanceof GraphError && otherUser.status === 403, `got ${otherUser}`);
  assert.ok(!allText(otherUser).includes(TOKENS.outsider));
});

test("bad mail arguments throw TypeError/RangeError naming the parameter, before any request", async () => {
  let calls = 0;
  const c = new Client({ getToken: () => { calls++; return TOKENS.member; }, baseUrl: emu.url });
  const cases = [
    [() => c.getMessage(), TypeError, /^messageId: is required/],
    [() => c.getMessage(""), RangeError, /messageId/],
    [() => c.createMessage(), TypeError, /^message: is required/],
    [() => c.createMessage("hello"), TypeError, /^message: /],
    [() => c.createMessage({ subject: 5 }), TypeError, /^message\.subject: /],
    [() => c.createMessage({ toRecipients: [{ emailAddress: { address: 5 } }] }), TypeError, /^message\.toRecipients\[0\]\.emailAddress\.address: /],
    [() => c.sendMail({ subject: "x" }, "yes"), TypeError, /^saveToSentItems: must be a boolean/],
    [() => c.replyToMessage("m", 5), TypeError, /^comment: must be a string/],
    [() => c.replyToMessage("m", "ok", "not a message"), TypeError, /^message: /],
    [() => c.forwardMessage("m", "a@contoso.test"), TypeError, /^toRecipients: must be an array/],
    [() => c.forwardMessage("m"), TypeError, /^toRecipients: is required/],
    [() => c.createForward("m", [5]), TypeError, /^toRecipients\[0\]: /],
    [() => c.moveMessage("m"), TypeError, /^destinationId: is required/],
    [() => c.getMailTips("owner@contoso.test", ["automaticReplies"]), TypeError, /^emailAddresses: /],
    [() => c.getMailTips([1], ["automaticReplies"]), TypeError, /^emailAddresses\[0\]: must be a string/],
    [() => c.getMailTips(["owner@contoso.test"]), TypeError, /^mailTipsOptions: is required/],
    [() => c.addMessageAttachment("m", { name: "x", contentBytes: 5 }), TypeError, /^attachment\.contentBytes: /],
    [() => c.addMessageAttachment("m", { name: "x", contentBytes: "not base64!" }), TypeError, /^attachment\.contentBytes: /],
    [() => c.createMailFolder(null), TypeError, /^folder: is required/],
    [() => c.createMailFolder({ displayName: ["x"] }), TypeError, /^folder\.displayName: /],
    [() => c.updateMailboxSettings([]), TypeError, /^settings: /],
    [() => c.setAutomaticReplies({ status: 1 }), TypeError, /^automaticRepliesSetting\.status: /],
    [() => c.createInferenceOverride({ senderEmailAddress: "x" }), TypeError, /^inferenceOverride\.senderEmailAddress: /],
    [() => c.createMessageRule({ conditions: { subjectContains: "budget" } }), TypeError, /^rule\.conditions\.subjectContains: /],
    [() => c.listSupportedTimeZones(5), TypeError, /^standard: must be a string/],
    [() => c.listMessages({ top: 0 }), RangeError, /top/],
    [() => c.getMailboxSettings({}, "extra"), TypeError, /at most 1 arguments/],
    [() => c.createMessage({ subject: "x", extra: () => 1, n: 10n }), TypeError, /^message: cannot be written as JSON/],
  ];
  for (const [fn, type, re] of cases) {
    await assert.rejects(fn(), (e) => {
      assert.ok(e instanceof type, `${fn}: expected ${type.name}, got ${e?.constructor?.name}: ${e?.message}`);
      assert.match(e.message, re, fn.toString());
      return true;
    });
  }
  assert.equal(calls, 0, "no request was made for bad arguments");

  assert.throws(() => c.mailbox(), (e) => e instanceof TypeError && /^mailbox: /.test(e.message));
  assert.throws(() => c.mailbox(42), (e) => e instanceof TypeError && /^mailbox: /.test(e.message));
  assert.throws(() => c.mailbox(""), (e) => e instanceof RangeError && /^mailbox: /.test(e.message));
  assert.throws(() => c.mailbox("a/../b"), (e) => e instanceof RangeError && /^mailbox: /.test(e.message));
  assert.throws(() => new Client({ getToken: () => "t", mailbox: 5 }), (e) => e instanceof TypeError && /^mailbox: /.test(e.message));
  assert.throws(() => new Client({ getToken: () => "t", mailbox: " " }), (e) => e instanceof RangeError && /^mailbox: /.test(e.message));
});
