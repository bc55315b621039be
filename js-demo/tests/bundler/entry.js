// Bundled by webpack in bundler.test.mjs: the same import an add-in writes.
import { Client, GraphError, operations } from "o365kit";

window.__o365kit = (async () => {
  const client = new Client({ getToken: async () => "emulator:member@contoso.test", baseUrl: window.__emulatorUrl });
  const groups = await client.listJoinedGroups();
  let forbidden = null;
  try {
    await new Client({ getToken: () => "emulator:nobody@nowhere.test", baseUrl: window.__emulatorUrl }).listGroups();
  } catch (e) {
    forbidden = { isGraphError: e instanceof GraphError, status: e.status };
  }
  return { operations: operations.length, groups: groups.value.length, forbidden };
})();
