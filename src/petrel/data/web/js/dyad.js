// A dyad's two directions side by side: quad-class counts over time for source -> target and
// target -> source, on one time axis and one count scale ("who is escalating against whom").
import { QUAD, clear, h, quadColor, s } from "./dom.js";

const W = 300, H = 130, M = { left: 26, right: 4, top: 6, bottom: 18 };

function panel(buckets, rows, maxTotal, title) {
  const svg = s("svg", { class: "dyad-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": title });
  const innerW = W - M.left - M.right, innerH = H - M.top - M.bottom;
  const bw = Math.min(innerW / Math.max(buckets.length, 1), 28);
  const byBucket = new Map(buckets.map((b) => [b, []]));
  for (const r of rows) byBucket.get(r.bucket)?.push(r);
  buckets.forEach((bucket, i) => {
    let base = H - M.bottom;
    for (const r of byBucket.get(bucket).sort((a, b) => a.key - b.key)) {
      const bh = Math.max(1, (r.count / maxTotal) * innerH);
      base -= bh;
      svg.append(s("rect", { class: "dyad-bar", x: (M.left + i * bw + 0.5).toFixed(2), y: base.toFixed(2),
        width: Math.max(1, bw - 1).toFixed(2), height: bh.toFixed(2), fill: quadColor(r.key),
        "data-bucket": bucket, "data-key": r.key, "data-count": r.count },
      s("title", {}, `${bucket}: ${r.count} ${(QUAD[r.key] || {}).label || ""}`)));
    }
  });
  svg.append(
    s("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: "axis" }),
    s("text", { x: M.left - 3, y: M.top + 8, "text-anchor": "end", class: "tick" }, String(maxTotal)),
    s("text", { x: M.left, y: H - 4, class: "tick" }, buckets[0] || ""),
    s("text", { x: W - M.right, y: H - 4, class: "tick", "text-anchor": "end" }, buckets[buckets.length - 1] || ""),
  );
  const total = rows.reduce((n, r) => n + r.count, 0);
  return h("figure", { class: "dyad-side" }, h("figcaption", {}, `${title}: ${total} event${total === 1 ? "" : "s"}`), svg);
}

export function renderDyad(container, data, names) {
  clear(container);
  if (!data) return;
  const series = data.series || [];
  const buckets = [...new Set(series.map((r) => r.bucket))].sort();
  const totals = new Map();
  for (const r of series) totals.set(`${r.direction}|${r.bucket}`, (totals.get(`${r.direction}|${r.bucket}`) || 0) + r.count);
  const maxTotal = Math.max(1, ...totals.values());
  const [a, b] = names;
  container.append(
    h("h3", {}, `Who is escalating against whom: ${a} and ${b}, by month`),
    series.length ? h("div", { class: "dyad-pair" },
      panel(buckets, series.filter((r) => r.direction === "forward"), maxTotal, `${a} → ${b}`),
      panel(buckets, series.filter((r) => r.direction === "backward"), maxTotal, `${b} → ${a}`))
      : h("p", { class: "muted" }, "No dated events between them."));
}
