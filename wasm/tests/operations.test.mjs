// Every group operation of the table, through the npm package, against a real emulator process
// (the mail ones: mail.test.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { GraphError } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";
import { isCalendar, recorder } from "./recording.mjs";

let emu;
const rec = recorder();
const client = (token) => rec.client(emu.url, token);

before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

const html = (s) => ({ body: { contentType: "html", content: s } });
const unique = (s) => `${s} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function seedGroups(c) {
  const all = await c.listGroups().toArray();
  const pub = all.find((g) => (g.visibility ?? "").toLowerCase() === "public");
  const priv = all.find((g) => (g.visibility ?? "").toLowerCase() === "private");
  assert.ok(pub, `a public group in ${JSON.stringify(all.map((g) => [g.displayName, g.visibility]))}`);
  assert.ok(priv, "a private group");
  return { all, pub, priv };
}

test("every group operation of the table works against the emulator", async (t) => {
  const owner = client(TOKENS.owner);
  const member = client(TOKENS.member);
  const { pub } = await seedGroups(owner);

  await t.test("groups: list, get, joined, members, owners", async () => {
    const g = await owner.getGroup(pub.id, { select: ["id", "displayName", "visibility"] });
    assert.equal(g.id, pub.id);
    assert.equal(typeof g.displayName, "string");
    const joined = await member.listJoinedGroups();
    assert.ok(joined.value.some((x) => x.id === pub.id), "member has joined the public group");
    const members = await owner.listGroupMembers(pub.id).toArray();
    assert.ok(members.length >= 1);
    assert.ok(members.every((m) => typeof m.id === "string"));
    const owners = await owner.listGroupOwners(pub.id).toArray();
    assert.ok(owners.length >= 1);
  });

  await t.test("groups: create, update, members, owners, photo, delete", async () => {
    const members = await owner.listGroupMembers(pub.id).toArray();
    const memberUser = members.find((m) => /member@/i.test(m.userPrincipalName ?? m.mail ?? "")) ?? members[0];
    const nick = `jsgroup${Date.now().toString(36)}`;
    const created = await owner.createGroup({
      displayName: unique("JS test group"), mailNickname: nick, mailEnabled: true, securityEnabled: false,
      groupTypes: ["Unified"], visibility: "Private",
    });
    assert.equal(typeof created.id, "string");
    assert.equal(created.mailNickname, nick);

    await owner.updateGroup(created.id, { description: "updated from Node" });
    assert.equal((await owner.getGroup(created.id)).description, "updated from Node");

    await owner.addGroupMember(created.id, memberUser.id);
    assert.ok((await owner.listGroupMembers(created.id).toArray()).some((m) => m.id === memberUser.id));
    await owner.removeGroupMember(created.id, memberUser.id);
    assert.ok(!(await owner.listGroupMembers(created.id).toArray()).some((m) => m.id === memberUser.id));

    await owner.addGroupOwner(created.id, memberUser.id);
    assert.ok((await owner.listGroupOwners(created.id).toArray()).some((m) => m.id === memberUser.id));
    await owner.removeGroupOwner(created.id, memberUser.id);
    assert.ok(!(await owner.listGroupOwners(created.id).toArray()).some((m) => m.id === memberUser.id));

    // A 1x1 PNG.
    const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));
    await owner.setGroupPhoto(created.id, { contentType: "image/png", bytes: png });
    const photo = await owner.getGroupPhoto(created.id);
    assert.match(photo.contentType, /image\/png/);
    assert.ok(photo.bytes instanceof Uint8Array);
    assert.deepEqual([...photo.bytes], [...png]);

    await owner.deleteGroup(created.id);
    await assert.rejects(owner.getGroup(created.id), (e) => e instanceof GraphError && e.status === 404);
  });

  await t.test("conversations, threads and posts", async () => {
    const topic = unique("From Node");
    const conv = await member.createConversation(pub.id, topic, html("<p>first post</p>"));
    assert.equal(typeof conv.id, "string");
    assert.ok(conv.threads?.[0]?.id, "createConversation returns the new thread id");
    const threadId = conv.threads[0].id;

    const convs = await member.listConversations(pub.id).toArray();
    assert.ok(convs.some((c) => c.id === conv.id));
    assert.equal((await member.getConversation(pub.id, conv.id)).topic, topic);
    const convThreads = await member.listConversationThreads(pub.id, conv.id).toArray();
    assert.ok(convThreads.some((th) => th.id === threadId));

    const thread = await member.getThread(pub.id, threadId);
    assert.equal(thread.topic, topic);
    assert.ok((await member.listGroupThreads(pub.id).toArray()).some((th) => th.id === threadId));

    // A plain string is an HTML body.
    await member.replyToThread(pub.id, threadId, "<p>a reply from Node</p>");
    let posts = await member.listPosts(pub.id, threadId).toArray();
    assert.equal(posts.length, 2);
    assert.ok(posts.some((p) => p.body?.content?.includes("a reply from Node")));

    const first = posts[0];
    assert.equal((await member.getPost(pub.id, threadId, first.id)).id, first.id);
    await member.replyToPost(pub.id, threadId, first.id, {
      body: { contentType: "text", content: "reply with an attachment" },
      attachments: [{
        "@odata.type": "#microsoft.graph.fileAttachment", name: "hello.txt", contentType: "text/plain",
        contentBytes: btoa("hello from node"),
      }],
    });
    posts = await member.listPosts(pub.id, threadId).toArray();
    assert.equal(posts.length, 3);
    const withAttachment = posts.find((p) => p.body?.content?.includes("reply with an attachment"));
    assert.ok(withAttachment);
    const attachments = await member.listPostAttachments(pub.id, threadId, withAttachment.id).toArray();
    assert.equal(attachments.length, 1);
    assert.equal(attachments[0].name, "hello.txt");
    const att = await member.getPostAttachment(pub.id, threadId, withAttachment.id, attachments[0].id);
    assert.equal(att.name, "hello.txt");
    assert.equal(atob(att.contentBytes), "hello from node");

    await member.forwardPost(pub.id, threadId, first.id, "fyi", ["someone@contoso.test", { emailAddress: { address: "other@contoso.test", name: "Other" } }]);

    const t2 = await member.createThread(pub.id, unique("Thread from Node"), html("<p>thread body</p>"));
    assert.equal(typeof t2.id, "string");
    const t3 = await member.createConversationThread(pub.id, conv.id, html("<p>second thread</p>"));
    assert.equal(typeof t3.id, "string");
    assert.ok((await member.listConversationThreads(pub.id, conv.id).toArray()).some((th) => th.id === t3.id));

    await owner.updateThread(pub.id, t2.id, { isLocked: true });
    assert.equal((await owner.getThread(pub.id, t2.id)).isLocked, true);

    await owner.deleteThread(pub.id, t2.id);
    await assert.rejects(owner.getThread(pub.id, t2.id), (e) => e instanceof GraphError && e.status === 404);
    await owner.deleteConversation(pub.id, conv.id);
    await assert.rejects(owner.getConversation(pub.id, conv.id), (e) => e instanceof GraphError && e.status === 404);
  });

  await t.test("all group operations were exercised", () => {
    assert.deepEqual(rec.missing((o) => !o.mailbox && !isCalendar(o)), []);
  });
});
