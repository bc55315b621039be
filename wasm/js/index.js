// Browser and bundler entry: the wasm file is fetched next to this module (webpack, Vite and
// Rollup see `new URL(..., import.meta.url)` and ship the file as an asset).
import { setup } from "./core.js";

await setup(new URL("./o365kit_wasm_bg.wasm", import.meta.url));

export { Client, GraphError, operations } from "./core.js";
