// The npm package against a bare fetch + JSON.parse, @microsoft/microsoft-graph-client and Microsoft's
// typed Kiota SDK (@microsoft/msgraph-sdk with its users package, through the GraphRequestAdapter its
// README shows), on the benchmarks' fixtures (1000-item Graph pages of posts, messages and events,
// python/bench/fixture.py) served from 127.0.0.1: list each page and read two nested fields of every
// item; every way must read the same values. Kiota reads messages and events at /users/{id}/...; it has
// no published groups package, so posts print n/a for it. Prints times and ratios; not a test. Run with
// wasm/bench/run (`wasm/bench/run events` for one page; ROUNDS=n).
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Client as GraphClient } from "@microsoft/microsoft-graph-client";
import { Client } from "o365kit";
import { BaseBearerTokenAuthenticationProvider, AllowedHostsValidator } from "@microsoft/kiota-abstractions";
import { createGraphServiceClient, GraphRequestAdapter } from "@microsoft/msgraph-sdk";
import "@microsoft/msgraph-sdk-users";

// The fixtures every benchmark decodes, from their one generator: three 1000-item pages, each
// served at the route its list operation calls (and at /users/u/... for Kiota, which has no /me), and the
// two nested fields read from each item. Kiota hands back typed camelCase objects whose fields here have
// the same names as Graph's JSON, so the same read applies; kiota is null where it has no package.
const fixture = (kind) =>
  execFileSync("python3", [fileURLToPath(new URL("../../python/bench/fixture.py", import.meta.url)), kind, "1000"], { maxBuffer: 64 << 20 });
const PAGES = [
  { kind: "posts", path: "/v1.0/groups/g/threads/t/posts", list: (c) => c.listPosts("g", "t"), kiota: null, reads: "from.emailAddress.address + body.content", read: (p) => [p.from.emailAddress.address, p.body.content] },
  { kind: "messages", path: "/v1.0/me/messages", list: (c) => c.listMessages(), kiotaPath: "/v1.0/users/u/messages", kiota: (k) => k.users.byUserId("u").messages.get(), reads: "from.emailAddress.address + body.content", read: (m) => [m.from.emailAddress.address, m.body.content] },
  { kind: "events", path: "/v1.0/me/events", list: (c) => c.listEvents(), kiotaPath: "/v1.0/users/u/events", kiota: (k) => k.users.byUserId("u").events.get(), reads: "organizer.emailAddress.address + start.dateTime", read: (e) => [e.organizer.emailAddress.address, e.start.dateTime] },
].filter((p) => process.argv.length <= 2 || process.argv.includes(p.kind));
for (const page of PAGES) page.body = fixture(page.kind);
const server = createServer((req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  const page = PAGES.find((p) => p.path === path || p.kiotaPath === path);
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json", "content-length": page.body.length });
  res.end(page.body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const o365 = new Client({ getToken: () => "t", baseUrl: base });
const peer = GraphClient.init({ authProvider: (done) => done(null, "t"), baseUrl: base, defaultVersion: "v1.0" });
const kiotaAdapter = new GraphRequestAdapter(
  new BaseBearerTokenAuthenticationProvider({ getAuthorizationToken: async () => "t", getAllowedHostsValidator: () => new AllowedHostsValidator() }),
);
kiotaAdapter.baseUrl = `${base}/v1.0`;
const kiota = createGraphServiceClient(kiotaAdapter);
const ROUNDS = Number(process.env.ROUNDS ?? 60);

/** The four ways (three where Kiota has no package), interleaved round by round so that a busy moment of the machine hits all. */
async function bench(page) {
  const cases = [
    ["fetch + JSON.parse", async () => (await (await fetch(base + page.path, { headers: { Authorization: "Bearer t" } })).json()).value.map(page.read)],
    ["o365kit", async () => (await page.list(o365)).value.map(page.read)],
    ["microsoft-graph-client", async () => (await peer.api(page.path.slice("/v1.0".length)).get()).value.map(page.read)],
  ];
  if (page.kiota) cases.push(["msgraph-sdk (Kiota)", async () => (await page.kiota(kiota)).value.map(page.read)]);
  const want = JSON.stringify(await cases[0][1]());
  for (const [name, run] of cases) {
    if (JSON.stringify(await run()) !== want) throw new Error(`${name} read something else from the ${page.kind}`);
    for (let i = 0; i < 3; i++) await run();
  }
  const times = cases.map(() => []);
  for (let i = 0; i < ROUNDS; i++) {
    for (const [c, [, run]] of cases.entries()) {
      const t = performance.now();
      await run();
      times[c].push(performance.now() - t);
    }
  }
  const results = cases.map(([name], c) => {
    const sorted = times[c].sort((a, b) => a - b);
    return [name, sorted[0], sorted[sorted.length >> 1]];
  });
  const [, baseMin, baseline] = results[0];
  const [, , ours] = results[1];
  console.log(`list a 1000-${page.kind.slice(0, -1)} page (${(page.body.length / 1e6).toFixed(1)} MB) over 127.0.0.1 and read ${page.reads} of each`);
  for (const [name, min, median] of results) {
    console.log(`  ${name.padEnd(24)} median ${median.toFixed(2).padStart(7)} ms  min ${min.toFixed(2).padStart(7)} ms  ${(median / baseline).toFixed(2)}x fetch+JSON.parse (mins: ${(min / baseMin).toFixed(2)}x)  ${(median / ours).toFixed(2)}x o365kit`);
  }
  if (!page.kiota) console.log(`  ${"msgraph-sdk (Kiota)".padEnd(24)} n/a: no published groups package`);
}

try {
  console.log(`Node ${process.version}, ${ROUNDS} rounds of each page, the ways interleaved`);
  for (const page of PAGES) await bench(page);
} finally {
  server.close();
}
