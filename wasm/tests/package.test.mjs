// The package itself: entry points, generated declarations, and the table they come from.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Client, GraphError, operations } from "o365kit";

const PKG = new URL("../pkg/", import.meta.url);
const read = (f) => readFileSync(new URL(f, PKG), "utf8");

test("node resolves the package to its Node entry; browsers and bundlers to index.js", () => {
  assert.match(import.meta.resolve("o365kit"), /\/node\.js$/);
  const pj = JSON.parse(read("package.json"));
  assert.equal(pj.name, "o365kit");
  assert.equal(pj.type, "module");
  assert.deepEqual(Object.keys(pj.exports["."]), ["types", "node", "default"]);
  assert.equal(pj.exports["."].default, "./index.js");
  for (const f of pj.files) assert.ok(existsSync(new URL(f, PKG)), `${f} is in pkg/`);
});

test("one camelCase method per operation, and the declarations list the same ones", () => {
  assert.ok(operations.length >= 30);
  const dts = read("index.d.ts");
  const body = dts.slice(dts.indexOf("export class Client"));
  const declared = [...body.matchAll(/^  ([a-z][A-Za-z]+)\(/gm)].map((m) => m[1]).filter((n) => !["constructor", "mailbox", "upload", "batch", "watchGroupMail"].includes(n));
  assert.deepEqual(declared, operations.map((o) => o.jsName));
  for (const op of operations) {
    assert.equal(typeof Client.prototype[op.jsName], "function", op.jsName);
    assert.equal(op.jsName, op.name.replace(/_([a-z])/g, (_, c) => c.toUpperCase()));
  }
  assert.ok(operations.find((o) => o.jsName === "listGroupThreads").kind === "list");
  assert.ok(new GraphError({ message: "x", status: 400, code: "BadRequest", kind: "api" }) instanceof Error);
});

test("the declarations type-check a typical add-in", () => {
  const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
  if (!existsSync(tsc)) return; // typescript not installed: nothing to check with
  const project = fileURLToPath(new URL("./typecheck/tsconfig.json", import.meta.url));
  execFileSync(process.execPath, [tsc, "-p", project], { stdio: "pipe" });
});

test("npm pack gives a tarball that installs and imports in a fresh project", () => {
  const dir = mkdtempSync(join(tmpdir(), "o365kit-consumer-"));
  try {
    const pkgDir = fileURLToPath(PKG);
    const tgz = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: pkgDir, encoding: "utf8" }).trim().split("\n").pop();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", join(dir, tgz)], { cwd: dir, stdio: "pipe" });
    const out = execFileSync(process.execPath, ["--input-type=module", "-e",
      'import { Client, operations } from "o365kit"; console.log(operations.length, typeof Client.prototype.listGroupThreads)'],
    { cwd: dir, encoding: "utf8" });
    assert.equal(out.trim(), `${operations.length} function`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
