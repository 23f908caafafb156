// Reading the petrel HTTP API (same origin).

export const FILTER_KEYS = ["actor", "source", "target", "country", "type", "quad_class", "status",
  "date_from", "date_to", "place", "outlet", "text", "story_id"];

/** URLSearchParams from the filter object plus extra parameters; empty values are left out. */
export function params(filters, extra = {}) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value === null || value === undefined || value === "") continue;
    out.set(key, String(value));
  }
  return out;
}

/** The CSV export of every event matching the filter, in the table's order (only declared parameters). */
export function exportUrl(filters, sort) {
  const query = params(filters, { sort: sort && sort !== "-date" ? sort : "", format: "csv" });
  return `/api/events?${query}`;
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error && body.error.code;
  }
}

export async function getJSON(path, query) {
  const url = query && [...query].length ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export const api = {
  events: (f, extra) => getJSON("/api/events", params(f, extra)),
  event: (id) => getJSON(`/api/events/${encodeURIComponent(id)}`),
  timeline: (f, extra) => getJSON("/api/timeline", params(f, extra)),
  network: (f, extra) => getJSON("/api/network", params(f, extra)),
  rollup: (f, extra) => getJSON("/api/network/rollup", params(f, extra)),
  places: (f, extra) => getJSON("/api/places", params(f, extra)),
  placeSummary: (f, extra) => getJSON("/api/places/summary", params(f, extra)),
  extent: (f) => getJSON("/api/timeline/extent", params(f)),
  dyads: (f, extra) => getJSON("/api/dyads", params(f, extra)),
  stories: (extra) => getJSON("/api/stories", params({}, extra)),
  story: (id) => getJSON(`/api/stories/${encodeURIComponent(id)}`),
  document: (id) => getJSON(`/api/documents/${encodeURIComponent(id)}`),
  actors: (extra) => getJSON("/api/actors", params({}, extra)),
  stats: () => getJSON("/api/stats"),
  world: () => getJSON("/world.json"),
};
