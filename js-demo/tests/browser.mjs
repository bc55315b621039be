// The system Chromium for the task pane tests (playwright-core drives it; never a downloaded
// browser), and what counts as a problem on a page.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
}

/** Page errors and console errors go to `problems`, except the expected noise: the hostile
 * <img src=x> 404s once its onerror is stripped, and Chromium reports (and the page's CSP blocks)
 * that handler while DOMPurify parses the raw HTML in its inert document. The handler's own
 * flag stays undefined either way (the tests assert it). */
export function watch(page, problems) {
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    const expected = /Failed to load resource|Executing inline event handler violates the following Content Security Policy/;
    if (m.type() === "error" && !expected.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return page;
}
