// @microsoft/microsoft-graph-client beyond groups: a few Mail and Calendar calls over https.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "@microsoft/microsoft-graph-client";

const base = process.env.O365KIT_EMULATOR_URL;
const host = new URL(base).hostname;
const OWNER = "owner@contoso.test";
const MEMBER = "member@contoso.test";

function client(upn) {
  return Client.init({
    authProvider: (done) => done(null, `emulator:${upn}`),
    baseUrl: `${base}/`,
    customHosts: new Set([host]),
  });
}

test("send mail, find it in the recipient's inbox, reply", async () => {
  const subject = `graph-client mail ${Date.now()}`;
  await client(OWNER)
    .api("/me/sendMail")
    .post({ message: { subject, body: { contentType: "Text", content: "hello" }, toRecipients: [{ emailAddress: { address: MEMBER } }] } });
  const inbox = await client(MEMBER).api("/me/mailFolders/inbox/messages").filter(`subject eq '${subject}'`).get();
  assert.equal(inbox.value.length, 1);
  assert.equal(inbox.value[0].from.emailAddress.address, OWNER);
  await client(MEMBER).api(`/me/messages/${encodeURIComponent(inbox.value[0].id)}/reply`).post({ comment: "thanks" });
  const replies = await client(OWNER).api("/me/mailFolders/inbox/messages").filter(`subject eq 'RE: ${subject}'`).get();
  assert.equal(replies.value.length, 1);
});

test("create an event and read it in a calendar view", async () => {
  const c = client(MEMBER);
  const subject = `graph-client event ${Date.now()}`;
  const created = await c.api("/me/events").post({
    subject,
    start: { dateTime: "2033-07-08T09:00:00", timeZone: "UTC" },
    end: { dateTime: "2033-07-08T10:00:00", timeZone: "UTC" },
  });
  const view = await c
    .api("/me/calendarView")
    .query({ startDateTime: "2033-07-08T00:00:00Z", endDateTime: "2033-07-09T00:00:00Z" })
    .get();
  assert.deepEqual(view.value.filter((e) => e.subject === subject).map((e) => e.id), [created.id]);
});
