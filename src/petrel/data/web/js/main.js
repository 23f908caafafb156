// The dashboard: one filter drives every view; clicking an actor, country, bar, dot or edge narrows it.
// The filter lives in the URL fragment, so a view can be bookmarked and shared.
import { FILTER_KEYS, api, exportUrl, params } from "./api.js";
import { renderDocument, renderEvent } from "./detail.js";
import { renderDyad } from "./dyad.js";
import { clear, h } from "./dom.js";
import { renderAreas, renderMap } from "./map.js";
import { renderNetwork, renderNetworkLegend } from "./network.js";
import { renderStories, renderStory } from "./stories.js";
import { renderTable } from "./table.js";
import { renderLegend, renderTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const STORY_PAGE = 10;
const app = { filters: {}, view: {}, generation: 0, world: null };

function readState() {
  const p = new URLSearchParams(location.hash.slice(1));
  app.filters = Object.fromEntries(FILTER_KEYS.filter((k) => p.get(k)).map((k) => [k, p.get(k)]));
  app.view = { sort: p.get("sort") || "-date", page: Math.max(1, Number(p.get("page")) || 1),
    interval: p.get("interval") || "month", fit: p.get("fit") !== "0",
    net: ["actor", "sector"].includes(p.get("net")) ? p.get("net") : "country",
    color: p.get("color") === "quad" ? "quad" : "goldstein",
    areas: p.get("areas") === "admin1" ? "admin1" : "country",
    history: p.get("history") === "1", spage: Math.max(1, Number(p.get("spage")) || 1) };
}

function writeState(filters, view) {
  const extra = { sort: view.sort !== "-date" ? view.sort : "", page: view.page > 1 ? view.page : "",
    interval: view.interval !== "month" ? view.interval : "", fit: view.fit ? "" : "0",
    net: view.net !== "country" ? view.net : "", color: view.color !== "goldstein" ? view.color : "",
    areas: view.areas !== "country" ? view.areas : "", history: view.history ? "1" : "",
    spage: view.spage > 1 ? view.spage : "" };
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
  $("net-level").value = app.view.net;
  $("net-color").value = app.view.color;
  $("map-level").value = app.view.areas;
  $("download").href = exportUrl(app.filters, app.view.sort);
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

/**
 * The timeline's window: the filter's own dates when it has any; else the corpus's reporting window
 * (publication dates), or from the earliest event when history is asked for. Undated events are counted.
 */
function timelineWindow(extent) {
  if (app.filters.date_from || app.filters.date_to) return {};
  const [first, last] = extent.window || [];
  if (!first) return extent.first_date ? { date_from: extent.first_date } : {};
  return { date_from: app.view.history ? (extent.first_date || first) : first, date_to: extent.last_date && extent.last_date > last ? extent.last_date : last };
}

function timelineNote(extent) {
  const note = clear($("timeline-note"));
  const own = app.filters.date_from || app.filters.date_to;
  const [first, last] = extent.window || [];
  if (!own && first) {
    note.append(`${app.view.history ? "From the earliest event dated" : "Reporting window"} ${app.view.history ? extent.first_date || first : first} to ${last}. `);
    if (extent.before) {
      note.append(h("button", { type: "button", class: "link", id: "history",
        onclick: () => setView({ history: !app.view.history }) },
      app.view.history ? `hide the ${extent.before} earlier (history)` : `${extent.before} began before it (history): show`), ". ");
    }
  }
  note.append(h("span", { id: "undated", "data-count": extent.undated }, `${extent.undated} undated, not shown.`));
}

async function loadTimeline() {
  const extent = await api.extent(app.filters);
  const windowed = { ...app.filters, ...timelineWindow(extent) };
  const data = await api.timeline(windowed, { interval: app.view.interval });
  const own = app.filters.date_from || app.filters.date_to;
  renderTimeline($("timeline"), data, { ...handlers, since: own || app.view.history ? null : windowed.date_from });
  renderLegend($("timeline-legend"), data.by);
  timelineNote(extent);
}

async function loadNetwork() {
  const data = await api.rollup(app.filters, { level: app.view.net, limit: app.view.net === "actor" ? 60 : 200 });
  renderNetwork($("network"), data, { ...handlers, colorBy: app.view.color });
  renderNetworkLegend($("network-legend"), app.view.color);
  const { source, target } = app.filters;
  if (source && target) {
    const dyad = await api.dyads({ ...app.filters, actor: "" }, { interval: "month", directed: false });
    renderDyad($("dyad"), dyad, [source, target]);
  } else {
    clear($("dyad"));
    $("dyad").append(h("p", { class: "meta" }, "Click an edge to compare the two directions of that pair over time."));
  }
}

async function loadMap() {
  if (!app.world) app.world = await api.world().catch(() => ({ countries: [] }));
  const summary = await api.placeSummary(app.filters, { level: app.view.areas });
  renderMap($("map"), app.world, summary, { ...handlers, fit: app.view.fit });
  renderAreas($("areas"), summary, handlers);
}

async function loadStories() {
  const page = await api.stories({ limit: STORY_PAGE, offset: (app.view.spage - 1) * STORY_PAGE });
  renderStories($("stories"), page, { ...handlers, selected: app.filters.story_id });
  $("story-page").textContent = `${page.total} stories · page ${app.view.spage} of ${Math.max(page.pages, 1)}`;
  $("story-prev").disabled = app.view.spage <= 1;
  $("story-next").disabled = app.view.spage >= page.pages;
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
  $("story-prev").addEventListener("click", () => setView({ spage: app.view.spage - 1 }));
  $("story-next").addEventListener("click", () => setView({ spage: app.view.spage + 1 }));
  $("net-level").addEventListener("change", (e) => setView({ net: e.target.value }));
  $("net-color").addEventListener("change", (e) => setView({ color: e.target.value }));
  $("map-level").addEventListener("change", (e) => setView({ areas: e.target.value }));
  window.addEventListener("hashchange", refresh);
}

bind();
loadSummary().catch((err) => { $("error").textContent = `Could not load the summary: ${err.message}`; });
refresh();
