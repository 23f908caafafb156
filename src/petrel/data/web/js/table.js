// The event table: one row per event, the evidence sentence with its trigger highlighted.
import { fmtDate, h, highlighted, quadColor } from "./dom.js";

function link(label, title, onClick) {
  return h("button", { type: "button", class: "link", title, onclick: (e) => { e.stopPropagation(); onClick(); } },
    label);
}

function actorCell(actor, onFilter) {
  if (!actor) return h("td", { class: "muted" }, "—");
  const key = actor.actor_id || actor.name;
  return h("td", {},
    link(actor.name, `filter on ${key}`, () => onFilter({ actor: key })),
    actor.country ? [" ", link(actor.country, `filter on country ${actor.country}`,
      () => onFilter({ country: actor.country }))] : null);
}

function triggerOffset(evidence) {
  if (!evidence || !Number.isInteger(evidence.trigger_start) || !Number.isInteger(evidence.start)) return null;
  return evidence.trigger_start - evidence.start;
}

function row(event, handlers) {
  const { onFilter, onSelect } = handlers;
  const ev = event.evidence;
  return h("tr", { "data-event-id": event.event_id, tabindex: "0", onclick: () => onSelect(event),
    onkeydown: (e) => { if (e.key === "Enter") onSelect(event); } },
    h("td", { class: "nowrap" }, event.date || h("span", { class: "muted", title: "no event date (first reported)" },
      event.first_seen ? `undated (${fmtDate(event.first_seen)})` : "undated")),
    actorCell(event.source, onFilter),
    h("td", {}, h("span", { class: "swatch", style: `background:${quadColor(event.quad_class)}` }),
      link(event.type, `filter on ${event.type}`, () => onFilter({ type: event.type }))),
    actorCell(event.target, onFilter),
    h("td", { class: `status status-${event.status}` }, event.status),
    h("td", {}, event.place ? link(event.place.name, `filter on ${event.place.name}`,
      () => onFilter({ place: event.place.name })) : h("span", { class: "muted" }, "—")),
    h("td", { class: "num" }, String(event.num_articles)),
    h("td", { class: "evidence" }, ev ? highlighted(ev.sentence, ev.trigger, triggerOffset(ev)) : ""));
}

export function renderTable(table, page, handlers) {
  const head = h("thead", {}, h("tr", {}, ["Date", "Source", "Event", "Target", "Status", "Place", "Articles",
    "Evidence"].map((label) => h("th", {}, label))));
  const body = h("tbody", {}, page.items.map((event) => row(event, handlers)));
  if (!page.items.length) body.append(h("tr", {}, h("td", { colspan: "8", class: "muted" }, "No events match.")));
  table.replaceChildren(head, body);
}

export { triggerOffset };
