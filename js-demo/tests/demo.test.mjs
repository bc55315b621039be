// The task pane in real Chromium (playwright-core driving the system browser; never a downloaded
// one), against a real emulator process and the demo's own static server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Client } from "o365kit";
import { startEmulator, TOKENS } from "../../wasm/tests/emulator.mjs";
import { startServer } from "../server.mjs";
import { launchChromium, watch } from "./browser.mjs";

const ARTIFACTS = process.env.O365KIT_ARTIFACTS || fileURLToPath(new URL("../test-artifacts/", import.meta.url));

let emu, server, browser;
const problems = [];

before(async () => {
  emu = await startEmulator();
  server = await startServer({ emulatorUrl: emu.url });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await emu?.stop();
});

async function openAs(upn) {
  // About the size of a task pane.
  const page = watch(await browser.newPage({ viewport: { width: 420, height: 760 } }), problems);
  await page.goto(`${server.url}?user=${encodeURIComponent(upn)}`);
  return page;
}

/** Finds the seeded groups and the thread whose post carries the hostile <img onerror>, via the package. */
async function seed() {
  const api = new Client({ getToken: () => TOKENS.owner, baseUrl: emu.url });
  const groups = await api.listGroups().toArray();
  const pub = groups.find((g) => (g.visibility ?? "").toLowerCase() === "public");
  const priv = groups.find((g) => (g.visibility ?? "").toLowerCase() === "private");
  let hostile = null;
  for (const g of [pub, priv]) {
    for await (const th of api.listGroupThreads(g.id).all()) {
      const posts = await api.listPosts(g.id, th.id).toArray();
      if (posts.some((p) => /onerror/i.test(p.body?.content ?? ""))) { hostile = { group: g, thread: th }; break; }
    }
    if (hostile) break;
  }
  return { api, pub, priv, hostile };
}

test("member: public group, thread, posts, reply; hostile HTML stays inert", async () => {
  const { api, pub, hostile } = await seed();
  assert.ok(pub, "the emulator has a public group");
  assert.ok(hostile, "the emulator has a post with <img onerror>");
  const page = await openAs("member@contoso.test");

  // Groups, with a loading state first.
  const groupButton = page.locator(`[data-testid="group"][data-group-id="${pub.id}"]`);
  await groupButton.waitFor();
  await groupButton.click();
  await page.locator('[data-testid="group-title"]', { hasText: pub.displayName }).waitFor();

  // Threads of the public group.
  const threads = page.locator('[data-testid="thread"]');
  await threads.first().waitFor();
  const threadIds = await threads.evaluateAll((els) => els.map((e) => e.dataset.threadId));
  const apiThreads = await api.listGroupThreads(pub.id).toArray();
  assert.ok(threadIds.length >= 1);
  assert.ok(threadIds.every((id) => apiThreads.some((t) => t.id === id)));

  // Open a thread: its posts.
  const target = hostile.group.id === pub.id ? hostile.thread : apiThreads[0];
  await page.locator(`[data-testid="thread"][data-thread-id="${target.id}"]`).click();
  const posts = page.locator('[data-testid="post"]');
  await posts.first().waitFor();
  const apiPosts = await api.listPosts(pub.id, target.id).toArray();
  assert.equal(await posts.count(), apiPosts.length);

  // The hostile post rendered, sanitised: no handler ran, no handler attribute survived.
  if (hostile.group.id === pub.id) {
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator("[data-testid=posts] [onerror]").count(), 0);
    assert.equal(await page.locator("[data-testid=posts] script").count(), 0);
  }

  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/thread-view.png`, fullPage: true });

  // Reply, see it appear, and confirm it through the emulator's API.
  const text = `Reply from Chromium ${Date.now()}`;
  await page.locator('[data-testid="reply-body"]').fill(text);
  await page.locator('[data-testid="reply-submit"]').click();
  await page.locator('[data-testid="post"]', { hasText: text }).waitFor();
  assert.equal(await posts.count(), apiPosts.length + 1);
  const after = await api.listPosts(pub.id, target.id).toArray();
  assert.ok(after.some((p) => (p.body?.content ?? "").includes(text)), "the emulator has the reply");
  await page.screenshot({ path: `${ARTIFACTS}/thread-after-reply.png`, fullPage: true });

  // Start a new conversation from the pane.
  await page.locator('[data-action="back-to-threads"]').click();
  await page.locator('[data-testid="new-conversation"] summary').click();
  const topic = `New from Chromium ${Date.now()}`;
  await page.locator('[data-testid="new-topic"]').fill(topic);
  await page.locator('[data-testid="new-body"]').fill("Hello <b>group</b>");
  await page.locator('[data-testid="new-submit"]').click();
  await page.locator('[data-testid="thread-title"]', { hasText: topic }).waitFor();
  await page.locator('[data-testid="post"]', { hasText: "Hello <b>group</b>" }).waitFor();
  const created = (await api.listGroupThreads(pub.id).toArray()).find((t) => t.topic === topic);
  assert.ok(created, "the emulator has the new conversation");

  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.close();
});

test("the hostile post, wherever it is, never runs its onerror", async () => {
  const { hostile } = await seed();
  const page = await openAs("owner@contoso.test");
  await page.locator(`[data-testid="group"][data-group-id="${hostile.group.id}"]`).click();
  await page.locator(`[data-testid="thread"][data-thread-id="${hostile.thread.id}"]`).click();
  await page.locator('[data-testid="post"]').first().waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator("[data-testid=posts] [onerror]").count(), 0);
  assert.ok(await page.locator("[data-testid=posts] img").count() >= 1, "the image itself is kept");
  await page.close();
});

test("outsider: the private group shows the 403 in the pane", async () => {
  const { priv } = await seed();
  assert.ok(priv, "the emulator has a private group");
  const page = await openAs("outsider@contoso.test");
  const button = page.locator(`[data-testid="group"][data-group-id="${priv.id}"]`);
  await button.waitFor();
  await button.click();
  const error = page.locator('[data-testid="error"]');
  await error.waitFor({ state: "visible" });
  assert.equal(await error.getAttribute("data-status"), "403");
  assert.match(await error.textContent(), /403/);
  await page.screenshot({ path: `${ARTIFACTS}/outsider-403.png` });
  await page.close();
});

test("inside Office the token comes from Office SSO (office.js stubbed, Graph routed to the emulator)", async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 760 } });
  const asked = [];
  // A stand-in for office.js: Office.onReady and OfficeRuntime.auth.getAccessToken.
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({
    contentType: "text/javascript",
    body: `window.Office = { onReady: () => Promise.resolve({ host: "Word" }) };
           window.__ssoCalls = 0;
           window.OfficeRuntime = { auth: { getAccessToken: async (o) => { window.__ssoCalls++; window.__ssoOptions = o; return "emulator:member@contoso.test"; } } };`,
  }));
  await page.route("https://graph.microsoft.com/**", async (route) => {
    const url = route.request().url().replace("https://graph.microsoft.com", emu.url);
    asked.push(url);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  await page.goto(`${server.url}?_host_Info=Word$Win32$16.02$en-US`);
  await page.locator('[data-testid="group"]').first().waitFor();
  assert.ok(await page.evaluate(() => window.__ssoCalls) >= 1);
  assert.equal(await page.evaluate(() => window.__ssoOptions.allowSignInPrompt), true);
  assert.ok(asked.some((u) => u.includes("/v1.0/me/memberOf")), asked.join("\n"));
  assert.equal(await page.locator("#user-picker").isHidden(), true);
  await page.close();
});

test("loading states show while requests run", async () => {
  const page = await browser.newPage({ viewport: { width: 420, height: 760 } });
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(`${emu.url}/**`, async (route) => { await gate; await route.continue(); });
  await page.goto(`${server.url}?user=member@contoso.test`);
  const status = page.locator('[data-testid="groups-status"]');
  await page.locator('#groups-view[aria-busy="true"]').waitFor();
  assert.match(await status.textContent(), /Loading groups/);
  release();
  await page.locator('[data-testid="group"]').first().waitFor();
  assert.equal(await page.locator('#groups-view[aria-busy="true"]').count(), 0);
  assert.equal((await status.textContent()).trim(), "");
  await page.close();
});

test("new mail to the open group shows up live, and in the open thread", async () => {
  const { pub } = await seed();
  const page = await openAs("member@contoso.test");
  await page.locator(`[data-testid="group"][data-group-id="${pub.id}"]`).click();
  await page.locator(`#threads-view[data-watching="${pub.id}"]`).waitFor();
  const deliver = async (body) => {
    const res = await fetch(`${emu.url}/_emulator/groups/deliver`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ groupId: pub.id, from: { emailAddress: { name: "Ada Vendor", address: "ada@vendor.example" } }, ...body }),
    });
    assert.equal(res.status, 201);
    return res.json();
  };
  const first = await deliver({ topic: "Live invoice", body: { contentType: "html", content: "<p>Please pay <img src=x onerror=\"window.__pwned=1\"></p>" } });
  const fresh = page.locator(`li.fresh [data-testid="thread"][data-thread-id="${first.threadId}"]`);
  await fresh.waitFor({ timeout: 15000 });
  assert.match(await fresh.textContent(), /Live invoice/);
  assert.match(await fresh.textContent(), /New/);
  assert.match(await page.locator('[data-testid="threads-status"]').textContent(), /New mail from Ada Vendor: Live invoice/);
  // The first item of the list is the new thread.
  assert.equal(await page.locator('[data-testid="thread"]').first().getAttribute("data-thread-id"), first.threadId);

  await fresh.click();
  const firstPost = page.locator(`[data-testid="post"][data-post-id="${first.postId}"]`);
  await firstPost.waitFor();
  assert.match(await firstPost.textContent(), /Please pay/);
  assert.doesNotMatch(await firstPost.textContent(), /onerror/);
  const reply = await deliver({ threadId: first.threadId, body: "Second reminder" });
  await page.locator(`[data-testid="post"][data-post-id="${reply.postId}"]`).waitFor({ timeout: 15000 });
  assert.equal(await page.locator(`[data-testid="post"][data-post-id="${reply.postId}"]`).count(), 1);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "a live post's HTML stays inert");
  await page.screenshot({ path: `${ARTIFACTS}/live-mail.png`, fullPage: true });
  await page.close();
});

test("no page errors", () => {
  assert.deepEqual(problems, []);
});
