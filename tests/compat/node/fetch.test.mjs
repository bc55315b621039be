// Plain fetch (Node's undici) over https, trusting the emulator's CA through NODE_EXTRA_CA_CERTS.
import { test } from "node:test";
import assert from "node:assert/strict";

const base = process.env.O365KIT_EMULATOR_URL;

test("fetch reads a group list and follows its https nextLink", async () => {
  const auth = { Authorization: "Bearer emulator:owner@contoso.test" };
  const first = await (await fetch(`${base}/v1.0/groups?$top=1`, { headers: auth })).json();
  assert.equal(first["@odata.context"], `${base}/v1.0/$metadata#groups`);
  const next = await fetch(first["@odata.nextLink"], { headers: auth });
  assert.equal(next.status, 200);
  assert.equal((await next.json()).value.length, 1);
});

test("a 401 over https is Graph's, with its WWW-Authenticate", async () => {
  const res = await fetch(`${base}/v1.0/me`);
  assert.equal(res.status, 401);
  assert.ok(res.headers.get("www-authenticate").startsWith("Bearer"));
  assert.equal((await res.json()).error.code, "InvalidAuthenticationToken");
});
