// A small static server for the task pane: serves js-demo/ (with node_modules, where `o365kit`
// links to wasm/pkg) on 127.0.0.1, plus /config.json telling the page where the emulator is.
//   node js-demo/server.mjs --emulator http://127.0.0.1:PORT [--port 0]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".wasm": "application/wasm", ".xml": "application/xml",
  ".png": "image/png", ".svg": "image/svg+xml", ".map": "application/json",
};

/** The emulator's seeded users, offered by the picker. */
export const USERS = [
  { upn: "member@contoso.test", name: "Miguel Mendes" },
  { upn: "owner@contoso.test", name: "Olivia Owens" },
  { upn: "outsider@contoso.test", name: "Oscar Ortega" },
];

/** The seed's shared mailbox (its delegate is member@contoso.test; others get a 403). */
export const SHARED_MAILBOXES = ["support@contoso.test"];

export function startServer({ emulatorUrl, port = 0, host = "127.0.0.1" }) {
  const config = JSON.stringify({ baseUrl: emulatorUrl, users: USERS, sharedMailboxes: SHARED_MAILBOXES });
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      if (path === "/config.json") {
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        return res.end(config);
      }
      const rel = normalize(path === "/" ? "/index.html" : path).replace(/^[/\\]+/, "");
      if (rel.split(sep).includes("..")) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      let file = join(ROOT, rel);
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" || e.code === "ENOTDIR" ? 404 : 500, { "content-type": "text/plain" });
      res.end(e.code === "ENOENT" || e.code === "ENOTDIR" ? "not found" : "error");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host}:${p}/`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const emulatorUrl = arg("--emulator", process.env.O365KIT_EMULATOR_URL);
  if (!emulatorUrl) { console.error("usage: node js-demo/server.mjs --emulator http://127.0.0.1:PORT [--port N]"); process.exit(2); }
  const { url } = await startServer({ emulatorUrl, port: Number(arg("--port", 0)) });
  console.log(`task pane demo: ${url}?user=member@contoso.test`);
}
