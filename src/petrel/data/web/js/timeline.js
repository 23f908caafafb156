// Timeline: stacked bars of event counts per day/week/month/year, one colour per quad class.
import { QUAD, clear, h, quadColor, s } from "./dom.js";

const DAY = 86400000;
const W = 640, H = 190, M = { left: 34, right: 8, top: 10, bottom: 24 };

function utc(iso) {
  return Date.parse(`${iso}T00:00:00Z`);
}

function iso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Last day of the bucket that starts on ``start`` (ms). */
export function bucketEnd(start, interval) {
  const d = new Date(start);
  if (interval === "day") return start;
  if (interval === "week") return start + 6 * DAY;
  if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY;
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1) - DAY;
}

/** First day (ISO) of the bucket holding ``day`` (weeks start on Monday, as in the API). */
export function bucketStart(day, interval) {
  const d = new Date(utc(day));
  if (interval === "day") return day;
  if (interval === "week") return iso(utc(day) - ((d.getUTCDay() + 6) % 7) * DAY);
  if (interval === "month") return `${day.slice(0, 7)}-01`;
  return `${day.slice(0, 4)}-01-01`;
}

function stacks(series) {
  const byBucket = new Map();
  for (const row of series) {
    if (!byBucket.has(row.bucket)) byBucket.set(row.bucket, []);
    byBucket.get(row.bucket).push(row);
  }
  for (const rows of byBucket.values()) rows.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return byBucket;
}

function colorFor(key, by) {
  if (by === "quad_class") return quadColor(Number(key));
  let hash = 0;
  for (const ch of String(key)) hash = (hash * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${hash}, 55%, 50%)`;
}

/** ``since``: drop the buckets before the one holding this day (events that began before the window). */
export function renderTimeline(svg, data, { onFilter, since = null }) {
  clear(svg);
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const first = since ? bucketStart(since, data.interval) : null;
  const series = (data.series || []).filter((row) => !first || row.bucket >= first);
  if (!series.length) {
    svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" }, "No dated events"));
    return;
  }
  const byBucket = stacks(series);
  const starts = [...byBucket.keys()].map(utc);
  const t0 = Math.min(...starts), t1 = bucketEnd(Math.max(...starts), data.interval) + DAY;
  const innerW = W - M.left - M.right, innerH = H - M.top - M.bottom;
  const x = (t) => M.left + ((t - t0) / (t1 - t0)) * innerW;
  const maxTotal = Math.max(...[...byBucket.values()].map((rows) => rows.reduce((n, r) => n + r.count, 0)));
  const y = (n) => (n / maxTotal) * innerH;
  for (const [bucket, rows] of byBucket) {
    const start = utc(bucket), end = bucketEnd(start, data.interval);
    const bx = x(start), bw = Math.max(1.5, x(end + DAY) - bx - 1);
    let base = H - M.bottom;
    for (const row of rows) {
      const bh = Math.max(1, y(row.count));
      base -= bh;
      const label = data.by === "quad_class" ? (QUAD[row.key] || {}).label : row.key;
      svg.append(s("rect", { class: "bar", x: bx.toFixed(2), y: base.toFixed(2), width: bw.toFixed(2),
        height: bh.toFixed(2), fill: colorFor(row.key, data.by), "data-bucket": bucket, "data-key": row.key,
        "data-count": row.count, onclick: () => onFilter({ date_from: bucket, date_to: iso(end) }) },
      s("title", {}, `${bucket}: ${row.count} ${label || ""} (mean Goldstein ${row.goldstein ?? "—"})`)));
    }
  }
  axes(svg, t0, t1, maxTotal);
  goldsteinLine(svg, byBucket, (bucket) => {
    const start = utc(bucket);
    return (x(start) + x(bucketEnd(start, data.interval) + DAY)) / 2;
  });
}

/** The mean Goldstein score per bucket (-10 hostile .. +10 cooperative) as a line: the escalation curve. */
function goldsteinLine(svg, byBucket, xMid) {
  const innerH = H - M.top - M.bottom, y = (g) => M.top + ((10 - g) / 20) * innerH;
  const points = [];
  for (const [bucket, rows] of byBucket) {
    const scored = rows.filter((r) => r.goldstein !== null && r.goldstein !== undefined);
    const n = scored.reduce((sum, r) => sum + r.count, 0);
    if (n) points.push([xMid(bucket), y(scored.reduce((sum, r) => sum + r.count * r.goldstein, 0) / n)]);
  }
  if (points.length < 2) return;
  svg.append(
    s("line", { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), class: "zero" }),
    s("polyline", { class: "goldstein", points: points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ") },
      s("title", {}, "mean Goldstein score per bucket (-10 hostile, +10 cooperative)")),
    s("text", { x: W - M.right, y: M.top + 8, "text-anchor": "end", class: "tick" }, "— mean Goldstein"),
  );
}

function axes(svg, t0, t1, maxTotal) {
  const yBase = H - M.bottom;
  svg.append(
    s("line", { x1: M.left, x2: W - M.right, y1: yBase, y2: yBase, class: "axis" }),
    s("text", { x: M.left, y: H - 6, class: "tick" }, iso(t0)),
    s("text", { x: W - M.right, y: H - 6, "text-anchor": "end", class: "tick" }, iso(t1 - DAY)),
    s("text", { x: M.left - 4, y: M.top + 8, "text-anchor": "end", class: "tick" }, String(maxTotal)),
    s("text", { x: M.left - 4, y: yBase, "text-anchor": "end", class: "tick" }, "0"),
  );
}

export function renderLegend(el, by) {
  clear(el);
  if (by !== "quad_class") return;
  for (const [key, q] of Object.entries(QUAD)) {
    el.append(h("span", { class: "legend-item" }, h("span", { class: "swatch", style: `background:${q.color}` }),
      `${key} ${q.label}`));
  }
}
