// What the task pane's views share: view switching, loading states, the error banner, DOM
// building, and message/post bodies through DOMPurify (never raw innerHTML).
import { GraphError } from "./node_modules/o365kit/index.js";
import DOMPurify from "./node_modules/dompurify/dist/purify.es.mjs";

export const $ = (sel) => document.querySelector(sel);

/** Shows one section of <main> and hides the others. */
export function show(view) {
  for (const section of document.querySelectorAll("main > section")) section.hidden = section.id !== view;
}

const CONTROLS = "button, textarea, input, select, fluent-button";

/** Runs `work` with a loading state on `section`; errors go to the banner. */
export async function busy(section, text, work) {
  const el = $(section);
  const status = el.querySelector(".status");
  el.setAttribute("aria-busy", "true");
  for (const b of el.querySelectorAll(CONTROLS)) b.disabled = true;
  status.textContent = text;
  status.classList.add("loading");
  try {
    return await work();
  } catch (e) {
    showError(e);
    return undefined;
  } finally {
    el.removeAttribute("aria-busy");
    for (const b of el.querySelectorAll(CONTROLS)) b.disabled = false;
    status.classList.remove("loading");
    if (status.textContent === text) status.textContent = "";
  }
}

export function showError(e) {
  const box = $("#error");
  box.hidden = false;
  if (e instanceof GraphError) {
    box.dataset.status = String(e.status);
    box.dataset.code = e.code;
    box.textContent =
      e.status === 403 ? `You don't have access to this (403 ${e.code}): ${e.message}`
      : e.status === 404 ? `Not found (404 ${e.code}): ${e.message}`
      : e.status === 0 ? `Could not reach the server: ${e.message}`
      : `Request failed (${e.status} ${e.code}): ${e.message}`;
    if (e.requestId) box.title = `request-id ${e.requestId}`;
  } else {
    delete box.dataset.status;
    box.textContent = `Something went wrong: ${e?.message ?? e}`;
  }
}

export function clearError() {
  const box = $("#error");
  box.hidden = true;
  box.textContent = "";
  delete box.dataset.status;
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") Object.assign(node.dataset, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

export function when(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString();
}

export function sender(post) {
  const e = post.from?.emailAddress ?? post.sender?.emailAddress;
  return e?.name || e?.address || "Someone";
}

/** A post body as DOM nodes: HTML through DOMPurify (as a fragment, never via innerHTML of the
 * raw text), text as text. */
export function bodyNodes(body) {
  const content = body?.content ?? "";
  if ((body?.contentType ?? "").toLowerCase() !== "html") return [document.createTextNode(content)];
  return [DOMPurify.sanitize(content, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select"],
    FORBID_ATTR: ["style"],
  })];
}

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

/** Text typed by the user, as the HTML body of a post. */
export function textToHtml(text) {
  const p = document.createElement("p");
  text.split("\n").forEach((line, i) => {
    if (i) p.append(document.createElement("br"));
    p.append(line);
  });
  return p.outerHTML;
}

