// The evidence panel: one event with every sentence that reported it, its quotes and merges;
// and the document reader, with the event sentences of the article marked.
import { fill, fmtDate, h, highlighted, safeUrl } from "./dom.js";
import { triggerOffset } from "./table.js";

function docLink(docId, label, onDocument) {
  return h("button", { type: "button", class: "link", onclick: () => onDocument(docId) }, label || docId);
}

function actorLabel(actor) {
  return actor ? `${actor.name}${actor.country ? ` (${actor.country})` : ""}` : "—";
}

function mentionItem(m, onDocument) {
  const offset = Number.isInteger(m.trigger_start) && Number.isInteger(m.sent_start) ? m.trigger_start - m.sent_start : null;
  return h("li", { class: "mention" },
    h("div", { class: "meta" }, docLink(m.doc_id, m.title || m.doc_id, onDocument), " · ", m.outlet || "unknown outlet",
      " · ", fmtDate(m.published), " · ", m.status),
    h("blockquote", {}, highlighted(m.sentence, m.trigger, offset)));
}

function article(outlet, title, published) {
  const name = outlet || "an unknown outlet";
  return `${name}${title ? `: “${title}”` : ""}${published ? ` (${fmtDate(published)})` : ""}`;
}

/** One merge-log row in words (the API's summary when it has one), never ids or "null". */
export function mergeWords(m) {
  if (m.summary) return m.summary;
  if (m.kind === "first" || !m.merged_with) return `first report: ${article(m.outlet, m.title, m.published)}`;
  const why = m.reason ? ` because ${m.reason}` : "";
  return `${article(m.outlet, m.title, m.published)} joined${why}: first report by ` +
    article(m.merged_with_outlet, m.merged_with_title, m.merged_with_published);
}

const BLEND_WORDS = { kept: "the event model let it stand", proposed: "the event model proposed it",
  relabelled: "the event model gave it its type" };

/** Why the event exists, in words: the rules with their registry docs, the lexicon entry, the model's part. */
export function whyWords(why) {
  if (!why) return [];
  const lines = (why.rules || []).map((r) => `rule ${r.id}${r.doc ? `: ${r.doc}` : ""}`);
  if (why.entry) lines.push(`lexicon entry ${why.entry}`);
  (why.repeats || []).forEach((chain) => lines.push(`told again: ${chain.join(" < ")}`));
  if (why.model_label) {
    const score = typeof why.model_score === "number" ? ` (${why.model_score.toFixed(2)})` : "";
    lines.push(`event model read ${why.model_label}${score}${why.blend ? `: ${BLEND_WORDS[why.blend] || why.blend}` : ""}`);
  }
  return lines;
}

export function renderEvent(container, event, { onDocument, onFilter }) {
  const ev = event.evidence;
  fill(container,
    h("h3", {}, `${actorLabel(event.source)} — ${event.type} → ${actorLabel(event.target)}`),
    h("p", { class: "meta" }, `${event.date || "undated"} · ${event.status} · CAMEO ${event.cameo || "—"} · `,
      `Goldstein ${event.goldstein ?? "—"} · confidence ${event.confidence ?? "—"} · `,
      `${event.num_articles} article(s), ${event.num_sources} outlet(s)`,
      event.story_id ? [" · ", h("button", { type: "button", class: "link",
        onclick: () => onFilter({ story_id: event.story_id }) }, "story")] : null),
    ev ? h("blockquote", { class: "lead" }, highlighted(ev.sentence, ev.trigger, triggerOffset(ev))) : null,
    event.why ? [h("h4", {}, "Why this event"), h("ul", { class: "why" },
      whyWords(event.why).map((line) => h("li", {}, line)))] : null,
    h("h4", {}, "Reported in"),
    h("ol", { class: "mentions" }, (event.event_mentions || []).map((m) => mentionItem(m, onDocument))),
    event.quotes && event.quotes.length ? [h("h4", {}, "Quotes"), h("ul", {}, event.quotes.map((q) =>
      h("li", {}, h("strong", {}, q.speaker_name || "unknown"), ` ${q.cue || "said"}: `, h("q", {}, q.content))))] : null,
    event.merges && event.merges.length ? [h("h4", {}, "Why these mentions are one event"), h("ul", {},
      event.merges.map((m) => h("li", { class: "merge" }, mergeWords(m))))] : null,
  );
}

/** The article text with the event sentences marked (offsets into the text, built as text nodes). */
function markedText(text, events) {
  const spans = events.filter((e) => Number.isInteger(e.sent_start) && Number.isInteger(e.sent_end))
    .sort((a, b) => a.sent_start - b.sent_start);
  const out = [];
  let at = 0;
  for (const e of spans) {
    if (e.sent_start < at) continue;
    out.push(text.slice(at, e.sent_start));
    out.push(h("mark", { class: "event-sentence", title: `${e.type} (${e.status})` }, text.slice(e.sent_start, e.sent_end)));
    at = e.sent_end;
  }
  out.push(text.slice(at));
  return out;
}

export function renderDocument(container, doc) {
  const url = safeUrl(doc.url);
  fill(container,
    h("h3", { class: "doc-title" }, doc.title || doc.doc_id),
    h("p", { class: "meta" }, `${doc.outlet || "unknown outlet"} · ${fmtDate(doc.published)} · ${doc.doc_id} · `,
      url ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "source") : (doc.url || doc.source || "")),
    doc.status !== "ok" ? h("p", { class: "warn" }, `${doc.status}: ${doc.reason || ""}`) : null,
    h("div", { class: "doc-text" }, markedText(doc.text || "", doc.events || [])),
  );
}
