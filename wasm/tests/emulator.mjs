// Starts a real o365kit-emulator process on 127.0.0.1 and a free port, for the JS tests.
// The binary: $O365KIT_EMULATOR, else <repo>/target/debug/o365kit-emulator (wasm/run-tests builds it).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

export function emulatorBinary() {
  const bin = process.env.O365KIT_EMULATOR || `${REPO}target/debug/o365kit-emulator`;
  if (!existsSync(bin)) {
    throw new Error(`no emulator at ${bin}: run \`cargo build -p o365kit-emulator\` (or set O365KIT_EMULATOR)`);
  }
  return bin;
}

export const TOKENS = {
  owner: "emulator:owner@contoso.test",
  member: "emulator:member@contoso.test",
  outsider: "emulator:outsider@contoso.test",
};

/** Starts the emulator; resolves to { url, stop() }. */
export async function startEmulator(extraArgs = []) {
  const child = spawn(emulatorBinary(), ["--port", "0", ...extraArgs], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (d) => { stderr += d; });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start in 30 s: ${stderr}`)), 30_000);
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`emulator exited (${code}): ${stderr}`)); });
    lines.once("line", (line) => {
      clearTimeout(timer);
      stdout += `${line}\n`;
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) resolve(m[1].replace(/\/$/, "")); else reject(new Error(`unexpected first line from the emulator: ${line}`));
    });
  });
  lines.on("line", (line) => { stdout += `${line}\n`; }); // keep draining stdout
  const closed = new Promise((r) => child.once("close", r));
  return {
    url,
    /** Everything the process printed so far (all of it once `stop` resolved). */
    output: () => ({ stdout, stderr }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      await closed;
      clearTimeout(t);
    },
    /** POST /_emulator/faults: e.g. { status: 429, retryAfter: 1, count: 1 }. */
    async injectFault(fault) {
      const res = await fetch(`${url}/_emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKENS.owner}` },
        body: JSON.stringify(fault),
      });
      if (!res.ok) throw new Error(`fault injection failed: ${res.status} ${await res.text()}`);
    },
  };
}
