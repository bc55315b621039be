// @microsoft/microsoft-graph-client, unmodified, against the emulator over https: it sends its
// token only to https URLs of its own hosts or of `customHosts`, and follows https nextLinks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Client, PageIterator, ResponseType } from "@microsoft/microsoft-graph-client";

const base = process.env.O365KIT_EMULATOR_URL;
assert.ok(base?.startsWith("https://"), "run through tests/compat/run (an https emulator)");
const host = new URL(base).hostname;
const OWNER = "owner@contoso.test";
const MEMBER = "member@contoso.test";
const OUTSIDER = "outsider@contoso.test";
const PUBLIC = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64";
const OUTSIDER_ID = "973137be-a645-4737-89fb-51870a0326a5";
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63600000020000050001e226059b0000000049454e44ae426082",
  "hex",
);

function client(upn) {
  return Client.init({
    authProvider: (done) => done(null, `emulator:${upn}`),
    baseUrl: `${base}/`,
    defaultVersion: "v1.0",
    customHosts: new Set([host]),
  });
}

test("list and get groups, paging by https nextLinks", async () => {
  const c = client(OWNER);
  const first = await c.api("/groups").top(1).get();
  assert.equal(first.value.length, 1);
  assert.ok(first["@odata.nextLink"].startsWith(`${base}/v1.0/groups?`));
  const seen = [];
  await new PageIterator(c, first, (g) => (seen.push(g.id), true)).iterate();
  assert.ok(seen.includes(PUBLIC) && seen.length >= 2 && new Set(seen).size === seen.length, String(seen));
  const group = await c.api(`/groups/${PUBLIC}`).select("displayName,visibility").get();
  assert.equal(group.displayName, "Contoso Marketing");
  assert.equal(group["@odata.context"], `${base}/v1.0/$metadata#groups(displayName,visibility)/$entity`);
});

test("members and the casts Microsoft's clients write", async () => {
  const c = client(OWNER);
  const members = await c.api(`/groups/${PUBLIC}/members`).get();
  assert.deepEqual([...new Set(members.value.map((m) => m["@odata.type"]))], ["#microsoft.graph.user"]);
  for (const cast of ["microsoft.graph.user", "graph.user"]) {
    const users = await c.api(`/groups/${PUBLIC}/members/${cast}`).get();
    assert.ok(users["@odata.context"].endsWith("/$metadata#users"), cast);
    const upns = users.value.map((u) => u.userPrincipalName);
    assert.ok(upns.includes(OWNER) && upns.includes(MEMBER), `${cast}: ${upns}`);
  }
  for (const cast of ["microsoft.graph.group", "graph.group"]) {
    const joined = await client(MEMBER).api(`/me/memberOf/${cast}`).get();
    assert.deepEqual(joined.value.map((g) => g.id), [PUBLIC], cast);
  }
});

test("add and remove a member", async () => {
  const c = client(OWNER);
  const ids = async () => (await c.api(`/groups/${PUBLIC}/members`).get()).value.map((m) => m.id);
  await c
    .api(`/groups/${PUBLIC}/members/$ref`)
    .post({ "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${OUTSIDER_ID}` });
  assert.ok((await ids()).includes(OUTSIDER_ID));
  await c.api(`/groups/${PUBLIC}/members/${OUTSIDER_ID}/$ref`).delete();
  assert.ok(!(await ids()).includes(OUTSIDER_ID));
});

test("conversations, threads, posts, reply and forward", async () => {
  const c = client(MEMBER);
  const group = `/groups/${PUBLIC}`;
  const topic = `graph-client ${Date.now()}`;
  const body = (text) => ({ contentType: "html", content: `<p>${text}</p>` });
  const created = await c.api(`${group}/conversations`).post({ topic, threads: [{ posts: [{ body: body("first") }] }] });
  const threadId = created.threads[0].id;
  assert.ok((await c.api(`${group}/conversations`).get()).value.some((x) => x.topic === topic));
  const threads = await c.api(`${group}/conversations/${created.id}/threads`).get();
  assert.deepEqual(threads.value.map((t) => t.id), [threadId]);
  const thread = `${group}/threads/${threadId}`;
  assert.equal((await c.api(thread).get()).topic, topic);

  await c.api(`${thread}/reply`).post({ post: { body: body("a reply") } });
  const posts = (await c.api(`${thread}/posts`).get()).value;
  assert.deepEqual(posts.map((p) => p.body.content), ["<p>first</p>", "<p>a reply</p>"]);
  await c.api(`${thread}/posts/${posts[0].id}/reply`).post({ post: { body: body("to the first") } });
  assert.equal((await c.api(`${thread}/posts`).get()).value.length, 3);
  const to = [{ emailAddress: { address: OUTSIDER, name: "Outsider" } }];
  await c.api(`${thread}/posts/${posts[0].id}/forward`).post({ comment: "FYI", toRecipients: to });
  const post = await c.api(`${thread}/posts/${posts[0].id}`).expand("attachments").get();
  assert.equal(post.from.emailAddress.address, MEMBER);
});

test("group photo", async () => {
  const c = client(OWNER);
  await c.api(`/groups/${PUBLIC}/photo/$value`).header("Content-Type", "image/png").put(PNG);
  const bytes = await c.api(`/groups/${PUBLIC}/photo/$value`).responseType(ResponseType.ARRAYBUFFER).get();
  assert.deepEqual(Buffer.from(bytes), PNG);
  const meta = await c.api(`/groups/${PUBLIC}/photo`).get();
  assert.deepEqual([meta.width, meta.height, meta["@odata.mediaContentType"]], [1, 1, "image/png"]);
});

test("an error is the client's GraphError with Graph's code", async () => {
  await assert.rejects(client(OWNER).api("/groups/11111111-2222-3333-4444-555555555555").get(), (e) => {
    assert.equal(e.statusCode, 404);
    assert.equal(e.code, "Request_ResourceNotFound");
    return true;
  });
});
