// The dashboard: one filter drives every view; clicking an actor, country, bar, dot or edge narrows it.
// The filter lives in the URL fragment, so a view can be bookmarked and shared.
import { FILTER_KEYS, api, params } from "./api.js";
import { renderDocument, renderEvent } from "./detail.js";
import { clear, h } from "./dom.js";
import { renderMap } from "./map.js";
import { renderNetwork } from "./network.js";
import { renderStories, renderStory } from "./stories.js";
import { renderTable } from "./table.js";
import { renderLegend, renderTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const app = { filters: {}, view: {}, generation: 0, world: null };

function readState() {
  const p = new URLSearchParams(location.hash.slice(1));
  app.filters = Object.fromEntries(FILTER_KEYS.filter((k) => p.get(k)).map((k) => [k, p.get(k)]));
  app.view = { sort: p.get("sort") || "-date", page: Math.max(1, Number(p.get("page")) || 1),
    interval: p.get("interval") || "month", fit: p.get("fit") !== "0" };
}

function writeState(filters, view) {
  const extra = { sort: view.sort !== "-date" ? view.sort : "", page: view.page > 1 ? view.page : "",
    interval: view.interval !== "month" ? view.interval : "", fit: view.fit ? "" : "0" };
  const hash = params(filters, extra).toString();
  if (location.hash.slice(1) === hash) refresh(); else location.hash = hash;
}

function setFilter(patch) {
  const filters = { ...app.filters };
  for (const [key, value] of Object.entries(patch)) {
    if (value === "" || value === null || value === undefined) delete filters[key]; else filters[key] = String(value);
  }
  writeState(filters, { ...app.view, page: 1 });
}

function setView(patch) {
  writeState(app.filters, { ...app.view, ...patch });
}

const handlers = {
  onFilter: setFilter,
  onSelect: (event) => showEvent(event.event_id),
  onDocument: (docId) => showDocument(docId),
  onStory: (storyId) => setFilter({ story_id: storyId }),
};

async function showEvent(eventId) {
  const event = await api.event(eventId);
  renderEvent($("detail"), event, handlers);
  $("detail-panel").scrollIntoView({ block: "nearest" });
}

async function showDocument(docId) {
  renderDocument($("detail"), await api.document(docId));
  $("detail-panel").scrollIntoView({ block: "nearest" });
}

function fillForm() {
  const form = $("filters");
  for (const el of form.elements) {
    if (el.name) el.value = app.filters[el.name] || "";
  }
  $("sort").value = app.view.sort;
  $("interval").value = app.view.interval;
  $("fit").checked = app.view.fit;
}

function renderChips() {
  const chips = clear($("chips"));
  for (const [key, value] of Object.entries(app.filters)) {
    chips.append(h("span", { class: "chip", "data-key": key }, `${key.replace("_", " ")}: ${value} `,
      h("button", { type: "button", title: `remove ${key}`, onclick: () => setFilter({ [key]: "" }) }, "×")));
  }
}

async function loadTable() {
  const page = await api.events(app.filters, { sort: app.view.sort, page: app.view.page, limit: PAGE_SIZE });
  renderTable($("events"), page, handlers);
  $("event-total").textContent = `${page.total} event${page.total === 1 ? "" : "s"}`;
  $("event-total").dataset.total = String(page.total);
  $("page-info").textContent = `page ${page.page} of ${Math.max(page.pages, 1)}`;
  $("prev").disabled = page.page <= 1;
  $("next").disabled = page.page >= page.pages;
}

async function loadTimeline() {
  const data = await api.timeline(app.filters, { interval: app.view.interval });
  renderTimeline($("timeline"), data, handlers);
  renderLegend($("timeline-legend"), data.by);
}

async function loadNetwork() {
  renderNetwork($("network"), await api.network(app.filters, { limit: 60 }), handlers);
}

async function loadMap() {
  if (!app.world) app.world = await api.world().catch(() => ({ countries: [] }));
  const places = await api.places(app.filters);
  renderMap($("map"), app.world, places.items, { ...handlers, fit: app.view.fit });
}

async function loadStories() {
  renderStories($("stories"), await api.stories({ limit: 20 }), { ...handlers, selected: app.filters.story_id });
  if (app.filters.story_id) {
    renderStory($("story-detail"), await api.story(app.filters.story_id), handlers);
  } else {
    clear($("story-detail"));
  }
}

async function refresh() {
  readState();
  const generation = ++app.generation;
  document.body.dataset.state = "loading";
  fillForm();
  renderChips();
  const results = await Promise.allSettled([loadTable(), loadTimeline(), loadNetwork(), loadMap(), loadStories()]);
  if (generation !== app.generation) return;
  const failed = results.find((r) => r.status === "rejected");
  $("error").textContent = failed ? `Could not load: ${failed.reason.message}` : "";
  document.body.dataset.state = failed ? "error" : "ready";
}

async function loadSummary() {
  const stats = await api.stats();
  const ok = stats.articles.ok || 0, rejected = stats.articles.rejected || 0;
  const [first, last] = stats.date_range || [];
  $("summary").textContent = `${stats.events} events from ${ok} articles` +
    (rejected ? ` (${rejected} inputs rejected)` : "") + (first ? ` · ${first} to ${last}` : "");
  const actors = await api.actors({ limit: 200 });
  $("actor-list").replaceChildren(...actors.items.map((a) => h("option", { value: a.actor_id }, a.name)));
}

function bind() {
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    const patch = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v).trim()]));
    setFilter(patch);
  });
  $("reset").addEventListener("click", () => writeState({}, { ...app.view, page: 1 }));
  $("sort").addEventListener("change", (e) => setView({ sort: e.target.value, page: 1 }));
  $("interval").addEventListener("change", (e) => setView({ interval: e.target.value }));
  $("fit").addEventListener("change", (e) => setView({ fit: e.target.checked }));
  $("prev").addEventListener("click", () => setView({ page: app.view.page - 1 }));
  $("next").addEventListener("click", () => setView({ page: app.view.page + 1 }));
  window.addEventListener("hashchange", refresh);
}

bind();
loadSummary().catch((err) => { $("error").textContent = `Could not load the summary: ${err.message}`; });
refresh();
