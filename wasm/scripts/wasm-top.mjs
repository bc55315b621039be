// Prints the largest functions of a wasm file (by body size), using its name section.
// Usage: node wasm/scripts/wasm-top.mjs file.wasm [N]
import { readFileSync } from "node:fs";
const buf = readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 40);
let p = 8;
const u = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
let imports = 0; const sizes = []; const names = new Map(); const sections = {};
while (p < buf.length) {
  const id = buf[p++]; const len = u(); const end = p + len;
  if (id === 0) { const nl = u(); const nm = buf.toString("utf8", p, p + nl); p += nl; sections["custom:" + nm] = len;
    if (nm === "name") { while (p < end) { const sub = buf[p++]; const sl = u(); const se = p + sl;
      if (sub === 1) { const n = u(); for (let i = 0; i < n; i++) { const idx = u(); const l = u(); names.set(idx, buf.toString("utf8", p, p + l)); p += l; } }
      p = se; } }
  } else { sections[id] = len;
    if (id === 2) { const n = u(); for (let i = 0; i < n; i++) { let l = u(); p += l; l = u(); p += l; const k = buf[p++]; if (k === 0) { u(); imports++; } else if (k === 1) { p++; const f = buf[p++]; u(); if (f & 1) u(); } else if (k === 2) { const f = buf[p++]; u(); if (f & 1) u(); } else if (k === 3) { p += 2; } else { p++; u(); } } }
    if (id === 10) { const n = u(); for (let i = 0; i < n; i++) { const l = u(); sizes.push([imports + i, l]); p += l; } } }
  p = end;
}
console.log("sections:", sections);
const total = sizes.reduce((a, [, l]) => a + l, 0);
console.log("code bytes:", total, "functions:", sizes.length);
const groups = new Map();
for (const [i, l] of sizes) { const n = names.get(i) ?? `f${i}`; const key = (n.match(/(serde_json|serde_wasm_bindgen|serde_path_to_error|serde|core::fmt|alloc|o365kit_wasm|o365kit|wasm_bindgen|js_sys|web_sys|httpdate|base64|std|core|dlmalloc)/) ?? ["other"])[0]; groups.set(key, (groups.get(key) ?? 0) + l); }
console.log([...groups].sort((a, b) => b[1] - a[1]));
for (const [i, l] of sizes.sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(l, (names.get(i) ?? `f${i}`).slice(0, 150));
