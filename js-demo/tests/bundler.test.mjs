// `import { Client } from "o365kit"` under webpack 5 (target web, no special config): the bundle
// carries the wasm as an asset and runs in Chromium against the emulator.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import webpack from "webpack";
import { startEmulator } from "../../wasm/tests/emulator.mjs";
import { launchChromium } from "./browser.mjs";

let emu, browser, server, out;

before(async () => {
  emu = await startEmulator();
  out = mkdtempSync(join(tmpdir(), "o365kit-webpack-"));
  const stats = await new Promise((resolve, reject) =>
    webpack({
      mode: "production",
      target: "web",
      context: fileURLToPath(new URL("./bundler/", import.meta.url)),
      entry: "./entry.js",
      output: { path: out, filename: "bundle.js", publicPath: "auto" },
      performance: { hints: false },
      resolve: { modules: [fileURLToPath(new URL("../node_modules", import.meta.url)), "node_modules"] },
    }, (err, s) => (err ? reject(err) : resolve(s))));
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  writeFileSync(join(out, "index.html"),
    `<!doctype html><script>window.__emulatorUrl = ${JSON.stringify(emu.url)};</script><script src="bundle.js"></script>`);
  server = createServer(async (req, res) => {
    try {
      const file = join(out, new URL(req.url, "http://x").pathname.replace(/^\/+/, "") || "index.html");
      if (!file.startsWith(out)) throw new Error("outside");
      const type = file.endsWith(".wasm") ? "application/wasm" : file.endsWith(".js") ? "text/javascript" : "text/html";
      const body = await readFile(file);
      res.writeHead(200, { "content-type": type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  await emu?.stop();
});

test("a webpack 5 bundle imports o365kit and runs in Chromium", async () => {
  assert.ok(readdirSync(out).some((f) => f.endsWith(".wasm")), `webpack emitted the wasm: ${readdirSync(out)}`);
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.__o365kit !== undefined);
  const result = await page.evaluate(() => window.__o365kit);
  assert.ok(result.operations >= 30);
  assert.ok(result.groups >= 1);
  assert.deepEqual(result.forbidden, { isGraphError: true, status: 401 });
  assert.deepEqual(errors, []);
  await page.close();
});
