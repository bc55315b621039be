// Node entry: the wasm file is read from disk next to this module.
import { readFile } from "node:fs/promises";
import { setup } from "./core.js";

await setup(await readFile(new URL("./o365kit_wasm_bg.wasm", import.meta.url)));

export { Client, GraphError, operations } from "./core.js";
