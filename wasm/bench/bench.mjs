// The npm package against @microsoft/microsoft-graph-client and a bare fetch + JSON.parse, on the
// benchmarks' fixture (a 1000-post Graph page, python/bench/fixture.py) served from 127.0.0.1:
// list the posts and read each sender address and body. Prints times and ratios; not a test. Run with wasm/bench/run.
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Client as GraphClient } from "@microsoft/microsoft-graph-client";
import { Client } from "o365kit";

// The fixture every benchmark decodes, from its one generator.
const BODY = execFileSync("python3", [fileURLToPath(new URL("../../python/bench/fixture.py", import.meta.url)), "1000"], { maxBuffer: 64 << 20 });
const server = createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": BODY.length });
  res.end(BODY);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const read = (posts) => posts.map((p) => [p.from.emailAddress.address, p.body.content]);

const o365 = new Client({ getToken: () => "t", baseUrl: base });
const peer = GraphClient.init({ authProvider: (done) => done(null, "t"), baseUrl: base, defaultVersion: "v1.0" });
const cases = [
  ["fetch + JSON.parse", async () => read((await (await fetch(`${base}/v1.0/groups/g/threads/t/posts`, { headers: { Authorization: "Bearer t" } })).json()).value)],
  ["o365kit", async () => read((await o365.listPosts("g", "t")).value)],
  ["microsoft-graph-client", async () => read((await peer.api("/groups/g/threads/t/posts").get()).value)],
];

const ROUNDS = Number(process.env.ROUNDS ?? 40);
const results = [];
try {
  const want = JSON.stringify(await cases[0][1]());
  for (const [name, run] of cases) {
    if (JSON.stringify(await run()) !== want) throw new Error(`${name} read something else`);
    for (let i = 0; i < 5; i++) await run();
    const times = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results.push([name, times[0], times[times.length >> 1]]);
  }
} finally {
  server.close();
}
const [, , baseline] = results[0];
const [, , ours] = results[1];
console.log(`list a 1000-post page over 127.0.0.1 and read each sender and body (Node ${process.version}, ${ROUNDS} rounds)`);
for (const [name, min, median] of results) {
  console.log(`  ${name.padEnd(24)} median ${median.toFixed(2).padStart(7)} ms  min ${min.toFixed(2).padStart(7)} ms  ${(median / baseline).toFixed(2)}x fetch+JSON.parse  ${(median / ours).toFixed(2)}x o365kit`);
}
