// Clients that record which operations a test file used, so that each file can check it covered
// its part of the table (group operations in operations.test.mjs, mail ones in mail.test.mjs).
import { Client, operations } from "o365kit";

/** The Calendar section of the table (from list_events on): calendar.test.mjs drives some of it
 * against the emulator; the every-operation checks of the other files cover Groups and Mail. */
const firstCalendar = operations.findIndex((o) => o.name === "list_events");
export const isCalendar = (o) => operations.indexOf(o) >= firstCalendar;

export function recorder() {
  const called = new Set();
  const names = new Set(operations.map((o) => o.jsName));
  function wrap(c) {
    return new Proxy(c, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target);
        if (prop === "mailbox") return (id) => wrap(target.mailbox(id));
        if (typeof v === "function" && names.has(prop)) {
          return (...args) => { called.add(prop); return v.apply(target, args); };
        }
        return v;
      },
    });
  }
  return {
    called,
    /** A recording client for `token` on the emulator at `url`. */
    client: (url, token, extra = {}) => wrap(new Client({ getToken: async () => token, baseUrl: url, ...extra })),
    /** The operations matching `which` that no test called. */
    missing: (which) => operations.filter(which).map((o) => o.jsName).filter((n) => !called.has(n)),
  };
}
