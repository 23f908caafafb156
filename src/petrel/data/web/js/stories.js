// Stories: the list, and one story's articles and events along a time strip.
import { clear, fill, fmtDate, h, quadColor, s } from "./dom.js";

export function renderStories(list, page, { onStory, selected }) {
  clear(list);
  if (!page.items.length) list.append(h("li", { class: "muted" }, "No stories yet."));
  for (const story of page.items) {
    list.append(h("li", { class: story.story_id === selected ? "selected" : "", "data-story-id": story.story_id },
      h("button", { type: "button", class: "link", onclick: () => onStory(story.story_id) }, story.title || story.story_id),
      h("span", { class: "meta" }, ` ${fmtDate(story.first_published)} – ${fmtDate(story.last_published)} · `,
        `${story.num_articles} articles · ${story.num_events} events · ${story.num_sources} outlets`)));
  }
}

const W = 640, H = 70;

function strip(story) {
  const times = [...story.articles.map((a) => Date.parse(a.published)),
    ...story.events.filter((e) => e.date && e.date.length === 10).map((e) => Date.parse(`${e.date}T00:00:00Z`))]
    .filter(Number.isFinite);
  const svg = s("svg", { class: "story-strip", viewBox: `0 0 ${W} ${H}` });
  if (!times.length) return svg;
  const t0 = Math.min(...times), t1 = Math.max(...times) + 1;
  const x = (t) => 10 + ((t - t0) / (t1 - t0)) * (W - 20);
  svg.append(s("line", { x1: 10, x2: W - 10, y1: 35, y2: 35, class: "axis" }));
  for (const e of story.events) {
    if (!e.date || e.date.length !== 10) continue;
    svg.append(s("rect", { class: "story-event", x: x(Date.parse(`${e.date}T00:00:00Z`)) - 3, y: 12, width: 6, height: 20,
      fill: quadColor(e.quad_class) }, s("title", {}, `${e.date} ${e.type}: ${e.source ? e.source.name : ""} → ${e.target ? e.target.name : ""}`)));
  }
  for (const a of story.articles) {
    const t = Date.parse(a.published);
    if (!Number.isFinite(t)) continue;
    svg.append(s("circle", { class: "story-article", cx: x(t), cy: 48, r: 4 },
      s("title", {}, `${fmtDate(a.published)} ${a.outlet || ""}: ${a.title || a.doc_id}`)));
  }
  svg.append(s("text", { x: 10, y: H - 4, class: "tick" }, new Date(t0).toISOString().slice(0, 10)),
    s("text", { x: W - 10, y: H - 4, class: "tick", "text-anchor": "end" }, new Date(t1).toISOString().slice(0, 10)));
  return svg;
}

export function renderStory(container, story, { onDocument }) {
  fill(container,
    h("h3", {}, story.title || story.story_id),
    h("p", { class: "meta" }, "events (bars, by quad class) and articles (dots) over time"),
    strip(story),
    h("ol", { class: "story-articles" }, story.articles.map((a) => h("li", {},
      `${fmtDate(a.published)} · ${a.outlet || "unknown outlet"} · `,
      h("button", { type: "button", class: "link", onclick: () => onDocument(a.doc_id) }, a.title || a.doc_id)))),
  );
}
