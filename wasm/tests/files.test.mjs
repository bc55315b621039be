// Group files and upload sessions through the npm package, against a real emulator process:
// folders, small uploads and downloads (the redirect followed without the token), large uploads
// from a Blob and a Uint8Array with progress, a cut-off chunk resumed, and an attachment over 3 MB.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { Client, GraphError } from "o365kit";
import { startEmulator, TOKENS } from "./emulator.mjs";

let emu;
before(async () => { emu = await startEmulator(); });
after(async () => { await emu?.stop(); });

const PUBLIC = "2c7a9f4e-8d31-4b6a-9e0f-5a1d3c2b7e64";

/** A client whose every request is recorded: URL and whether it carried a bearer token. */
function watched(token) {
  const seen = [];
  const realFetch = globalThis.fetch;
  const client = new Client({ getToken: async () => token, baseUrl: emu.url });
  const record = async (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    seen.push({ url: req.url, method: req.method, token: req.headers.has("authorization") });
    return realFetch(input, init);
  };
  return { client, seen, record, realFetch };
}

function data(n) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = ((i * 31) ^ (i >> 8)) & 0xff;
  return out;
}

test("group files and upload sessions", async (t) => {
  const member = new Client({ getToken: async () => TOKENS.member, baseUrl: emu.url });

  await t.test("folders: create, list, rename, move, delete, conflictBehavior", async () => {
    const reports = await member.createDriveFolder(PUBLIC, "Reports");
    assert.equal(reports.folder.childCount, 0);
    const year = await member.createDriveFolder(PUBLIC, "2025", reports.id);
    const { value } = await member.listDriveChildren(PUBLIC, reports.id);
    assert.deepEqual(value.map((i) => i.name), ["2025"]);
    assert.equal((await member.getDriveItemByPath(PUBLIC, "Reports/2025")).id, year.id);
    assert.equal((await member.renameDriveItem(PUBLIC, year.id, "FY25")).name, "FY25");
    const archive = await member.createDriveFolder(PUBLIC, "Archive");
    assert.equal((await member.moveDriveItem(PUBLIC, year.id, archive.id)).parentReference.id, archive.id);
    await assert.rejects(member.createDriveFolder(PUBLIC, "Archive"), (e) => e instanceof GraphError && e.status === 409 && e.code === "nameAlreadyExists");
    assert.equal((await member.createDriveFolder(PUBLIC, "Archive", undefined, "rename")).name, "Archive 1");
    await member.deleteDriveItem(PUBLIC, archive.id);
    await assert.rejects(member.getDriveItem(PUBLIC, year.id), (e) => e.status === 404);
  });

  await t.test("a small file goes up in one request and comes down through the redirect without the token", async () => {
    const item = await member.uploadDriveFile(PUBLIC, "hello.txt", { contentType: "text/plain", bytes: new TextEncoder().encode("hi there") });
    assert.equal(item.size, 8);
    const w = watched(TOKENS.member);
    globalThis.fetch = w.record;
    try {
      const got = await w.client.downloadDriveItem(PUBLIC, item.id);
      assert.equal(new TextDecoder().decode(got.bytes), "hi there");
      assert.equal(got.contentType, "text/plain");
    } finally {
      globalThis.fetch = w.realFetch;
    }
    assert.equal(w.seen.length, 2, "Graph's 302, then the download URL");
    assert.ok(w.seen[0].url.endsWith("/content") && w.seen[0].token);
    assert.ok(w.seen[1].url.includes("/download/") && !w.seen[1].token, "no token to the download URL");
    await assert.rejects(
      member.uploadDriveFile(PUBLIC, "big.bin", { contentType: "application/octet-stream", bytes: new Uint8Array(4 * 1024 * 1024 + 1) }),
      (e) => e instanceof RangeError && e.param === "content" && /upload session/.test(e.message),
    );
  });

  await t.test("where fetch hides redirects (a browser's opaque redirect), the download goes through the item's downloadUrl", async () => {
    const item = await member.uploadDriveFile(PUBLIC, "notes.txt", { contentType: "text/plain", bytes: new TextEncoder().encode("opaque") });
    const w = watched(TOKENS.member);
    // What a browser gives a script for `redirect: "manual"`: status 0, no headers, no body.
    globalThis.fetch = async (input, init) => {
      const res = await w.record(input, init);
      return res.status >= 300 && res.status < 400 ? Response.error() : res;
    };
    try {
      const got = await w.client.downloadDriveItem(PUBLIC, item.id);
      assert.equal(new TextDecoder().decode(got.bytes), "opaque");
    } finally {
      globalThis.fetch = w.realFetch;
    }
    assert.deepEqual(w.seen.map((r) => [new URL(r.url).pathname.replace(item.id, "ID").replace(/\/download\/.*/, "/download/…"), r.token]), [
      [`/v1.0/groups/${PUBLIC}/drive/items/ID/content`, true],
      [`/v1.0/groups/${PUBLIC}/drive/items/ID`, true],
      ["/download/…", false],
    ]);
  });

  await t.test("a 7 MB Blob goes up in chunks with progress, never with the token", async () => {
    const body = data(7 * 1024 * 1024);
    const session = await member.createDriveUploadSession(PUBLIC, "video.mp4");
    const w = watched(TOKENS.member);
    const seen = [];
    globalThis.fetch = w.record;
    let item;
    try {
      item = await w.client.upload(session, new Blob([body]), { onProgress: (sent, total) => seen.push([sent, total]) });
    } finally {
      globalThis.fetch = w.realFetch;
    }
    assert.equal(item.size, body.length);
    assert.deepEqual(seen, [[3276800, body.length], [6553600, body.length], [body.length, body.length]]);
    assert.equal(w.seen.length, 3);
    assert.ok(w.seen.every((r) => r.method === "PUT" && !r.token), "chunks go to the upload URL without the token");
    const got = await member.downloadDriveItem(PUBLIC, item.id);
    assert.deepEqual(got.bytes, body);
  });

  await t.test("a chunk whose answer is cut off is resumed from nextExpectedRanges", async () => {
    const body = data(5 * 1024 * 1024);
    const session = await member.createDriveUploadSession(PUBLIC, "dump.bin");
    await emu.injectFault({ truncate: true, pathPrefix: "/upload", method: "PUT" });
    const item = await member.upload(session, body);
    assert.deepEqual((await member.downloadDriveItem(PUBLIC, item.id)).bytes, body);
  });

  await t.test("a message attachment over 3 MB, and bad inputs", async () => {
    const draft = await member.createMessage({ subject: "Specs" });
    const body = data(3 * 1024 * 1024 + 100_000);
    const session = await member.createMessageUploadSession(draft.id, { attachmentType: "file", name: "specs.pdf", size: body.length });
    const attachment = await member.upload(session, body.buffer);
    assert.ok(attachment.id);
    const got = await member.getMessageAttachment(draft.id, attachment.id);
    assert.equal(got.size, body.length);
    await assert.rejects(member.upload(session, "not bytes"), TypeError);
    await assert.rejects(member.upload(session, body, { chunkSize: 1000 }), (e) => e instanceof RangeError && e.param === "chunkSize");
  });
});
