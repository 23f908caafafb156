// DOM helpers. Every piece of text from the database goes in as a text node or an attribute value:
// nothing here ever parses a string as HTML, so an article that carries <script> shows as text.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) {
      if (typeof value === "function") el.addEventListener(key.slice(2).toLowerCase(), value);
      // a string is never turned into an inline handler
    } else if (key === "style") {
      el.style.cssText = String(value); // CSSOM, allowed by the page's style-src 'self' policy
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  return el;
}

/** An HTML element: h("td", {class: "x"}, "text", child). */
export function h(tag, attrs, ...children) {
  return append(setAttrs(document.createElement(tag), attrs), children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return append(setAttrs(document.createElementNS(SVG_NS, tag), attrs), children);
}

/** Replace the children of ``el`` (skipping null/false, flattening arrays). */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Only http(s) links are rendered as links; anything else (javascript:, data:) stays text. */
export function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

/**
 * The sentence with its trigger in <mark>: uses the trigger's offset into the sentence when known,
 * else its first occurrence; falls back to the plain sentence.
 */
export function highlighted(sentence, trigger, offset) {
  const text = sentence || "";
  let at = Number.isInteger(offset) && offset >= 0 && trigger && text.substr(offset, trigger.length) === trigger
    ? offset : (trigger ? text.indexOf(trigger) : -1);
  if (at < 0) return h("span", { class: "sentence" }, text);
  return h("span", { class: "sentence" }, text.slice(0, at), h("mark", {}, trigger),
    text.slice(at + trigger.length));
}

export const QUAD = {
  1: { label: "verbal cooperation", color: "#7fbf7b" },
  2: { label: "material cooperation", color: "#1b7837" },
  3: { label: "verbal conflict", color: "#f4a582" },
  4: { label: "material conflict", color: "#b2182b" },
};

export function quadColor(q) {
  return (QUAD[q] || { color: "#999" }).color;
}

export function fmtDate(value) {
  return value ? String(value).slice(0, 10) : "";
}
