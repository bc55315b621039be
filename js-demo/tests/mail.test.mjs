// The task pane's Mail view in real Chromium (playwright-core driving the system browser), against
// a real emulator process and the demo's own static server: folders, messages, a hostile message
// that must stay inert, attachments, a reply confirmed through the emulator, the shared mailbox.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Client } from "o365kit";
import { startEmulator, TOKENS } from "../../wasm/tests/emulator.mjs";
import { startServer } from "../server.mjs";
import { launchChromium, watch } from "./browser.mjs";

const ARTIFACTS = process.env.O365KIT_ARTIFACTS || fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const HOSTILE = "AAMkAGMemberHostile0001"; // <img src=x onerror="window.__pwned=1">
const KICKOFF = "AAMkAGMemberKickoff0001"; // from owner to member

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

async function openMail(upn) {
  // About the size of a task pane.
  const page = watch(await browser.newPage({ viewport: { width: 420, height: 760 } }), problems);
  await page.goto(`${server.url}?user=${encodeURIComponent(upn)}&view=mail`);
  await page.locator('[data-testid="mail-folder"]').first().waitFor();
  return page;
}

const api = (token) => new Client({ getToken: () => token, baseUrl: emu.url });

test("member: folders, the inbox, a hostile message stays inert, attachments, a reply reaches the sender", async () => {
  const page = await openMail("member@contoso.test");
  const member = api(TOKENS.member);

  // Folders in Outlook's order, the Inbox's subfolders under it, unread counts.
  const names = await page.locator('[data-testid="mail-folder"]').evaluateAll((els) => els.map((e) => e.dataset.name));
  assert.deepEqual(names.slice(0, 4), ["Inbox", "Finance", "Newsletters", "Drafts"]);
  const inbox = await member.getMailFolder("inbox");
  assert.ok(inbox.unreadItemCount > 0);
  assert.equal(await page.locator(`[data-testid="mail-folder"][data-folder-id="${inbox.id}"] .count`).textContent(), String(inbox.unreadItemCount));
  assert.equal(await page.locator('[data-testid="tab-mail"]').getAttribute("aria-selected"), "true");
  await page.screenshot({ path: `${ARTIFACTS}/mail-folders.png`, fullPage: true });

  // The inbox's first page, as the package lists it.
  await page.locator(`[data-testid="mail-folder"][data-folder-id="${inbox.id}"]`).click();
  await page.locator('[data-testid="folder-title"]', { hasText: "Inbox" }).waitFor();
  const rows = page.locator('[data-testid="mail-message"]');
  await rows.first().waitFor();
  const shown = await rows.evaluateAll((els) => els.map((e) => e.dataset.messageId));
  const first = await member.listFolderMessages("inbox", { top: 25, select: ["id"] });
  assert.deepEqual(shown, first.value.map((m) => m.id));
  assert.equal(await page.locator("#more-messages").isVisible(), Boolean(first.nextLink));
  assert.ok(await page.locator(`[data-testid="mail-message"][data-message-id="${HOSTILE}"].unread`).count() === 1, "unread mail is marked");
  await page.screenshot({ path: `${ARTIFACTS}/mail-inbox.png`, fullPage: true });

  // The hostile message: shown sanitised, its handler never runs (the page's CSP is the second line).
  await page.locator(`[data-testid="mail-message"][data-message-id="${HOSTILE}"]`).click();
  await page.locator('[data-testid="message-subject"]', { hasText: "Action required: verify your mailbox" }).waitFor();
  await page.locator('[data-testid="message-body"]', { hasText: "Your mailbox is almost full." }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("[data-testid=message-body] [onerror]").count(), 0);
  assert.equal(await page.locator("[data-testid=message-body] script").count(), 0);
  assert.ok(await page.locator("[data-testid=message-body] img").count() >= 1, "the image itself is kept");
  await page.screenshot({ path: `${ARTIFACTS}/mail-hostile.png`, fullPage: true });

  // Opening it marked it read, in the emulator too.
  await waitFor(async () => (await member.getMessage(HOSTILE)).isRead === true, "opening marks the message read");

  // Reply from the pane; the owner (the sender) gets it.
  await page.locator('[data-action="back-to-messages"]').click();
  await page.locator(`[data-testid="mail-message"][data-message-id="${KICKOFF}"]`).click();
  await page.locator('[data-testid="message-subject"]', { hasText: "Spring campaign kickoff" }).waitFor();
  const text = `Happy to own the social posts ${Date.now()}`;
  await page.locator('[data-testid="mail-reply-body"]').fill(text);
  await page.locator('[data-testid="mail-reply-submit"]').click();
  await page.locator('[data-testid="mail-message-status"]', { hasText: "Reply sent." }).waitFor();
  const owner = api(TOKENS.owner);
  const got = (await owner.listFolderMessages("inbox", { top: 200 }).toArray()).filter((m) => (m.body?.content ?? "").includes(text));
  assert.equal(got.length, 1, "the owner has the reply");
  assert.equal(got[0].subject, "RE: Spring campaign kickoff");
  assert.equal(got[0].from.emailAddress.address, "member@contoso.test");
  await page.screenshot({ path: `${ARTIFACTS}/mail-after-reply.png`, fullPage: true });
  await page.close();
});

test("owner: an attachment downloads with its bytes", async () => {
  const page = await openMail("owner@contoso.test");
  await page.locator('[data-testid="mail-folder"][data-name="Inbox"]').click();
  await page.locator('[data-testid="mail-message"][data-subject="Q2 budget numbers"]').click();
  const csv = page.locator('[data-testid="attachment"][data-name="q2-budget.csv"]');
  await csv.waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), csv.click()]);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  assert.equal(readFileSync(path, "utf8"), "region,q1,q2\nNorth,120,135\nSouth,98,110\n");
  assert.equal(download.suggestedFilename(), "q2-budget.csv");
  await page.close();
});

test("the shared mailbox: a delegate opens it; anyone else sees the 403", async () => {
  const page = await openMail("member@contoso.test");
  await page.locator('[data-testid="mailbox-picker"]').selectOption("support@contoso.test");
  await page.locator('[data-testid="mail-folder"][data-name="Inbox"]').click();
  await page.locator('[data-testid="mail-message"][data-message-id="AAMkAGSupportTicket0001"]').waitFor();
  await page.close();

  const denied = await openMail("owner@contoso.test");
  await denied.locator('[data-testid="mailbox-picker"]').selectOption("support@contoso.test");
  const error = denied.locator('[data-testid="error"]');
  await error.waitFor({ state: "visible" });
  assert.equal(await error.getAttribute("data-status"), "403");
  assert.match(await error.textContent(), /403 ErrorAccessDenied/);
  await denied.close();
});

async function waitFor(check, what, ms = 3000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out: ${what}`);
}

test("no page errors", () => {
  assert.deepEqual(problems, []);
});
