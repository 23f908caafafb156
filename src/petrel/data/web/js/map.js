// Map: events per country (a choropleth on the Natural Earth outline) or per admin1 (sized circles),
// with counts per type on hover and in a list; event markers only for places precise to a point or city
// (equirectangular, x = lon + 180, y = 90 - lat). Zooms to what is drawn, never to tiles.
import { clear, fill, h, s } from "./dom.js";

const WORLD = { x: 0, y: 0, w: 360, h: 180 };

function project(lat, lon) {
  return { x: lon + 180, y: 90 - lat };
}

/** The view box around the dots (2:1, at least 40 degrees wide), or the whole world. */
export function fitBox(points) {
  if (!points.length) return WORLD;
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  let w = Math.max(40, (Math.max(...xs) - Math.min(...xs)) * 1.4, (Math.max(...ys) - Math.min(...ys)) * 2.8);
  w = Math.min(w, 360);
  const hgt = w / 2;
  return { x: Math.min(Math.max(cx - w / 2, 0), 360 - w), y: Math.min(Math.max(cy - hgt / 2, 0), 180 - hgt), w, h: hgt };
}

function shade(count, max) {
  const t = Math.sqrt(count / max);
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(238, 49)},${mix(226, 54)},${mix(200, 149)})`;
}

function typeLine(byType) {
  return Object.entries(byType || {}).slice(0, 4).map(([k, n]) => `${k} ${n}`).join(", ");
}

/** ``summary`` is /api/places/summary: areas (``items``) at ``level``, precise ``points``, ``unplaced``. */
export function renderMap(svg, world, summary, { onFilter, fit = true }) {
  clear(svg);
  const level = summary.level || "country";
  const areas = summary.items || [], points = (summary.points || []).map((p) => ({ ...p, ...project(p.lat, p.lon) }));
  const circles = level === "admin1" ? areas.filter((a) => a.lat !== null && a.lon !== null)
    .map((a) => ({ ...a, ...project(a.lat, a.lon) })) : [];
  const countryCounts = new Map();
  for (const a of areas) countryCounts.set(a.country, (countryCounts.get(a.country) || 0) + a.count);
  const byCountry = new Map(areas.filter(() => level === "country").map((a) => [a.country, a]));
  const anchors = [...points, ...circles, ...areas.filter((a) => a.lat !== null && a.lon !== null).map((a) => project(a.lat, a.lon))];
  const box = fit ? fitBox(anchors) : WORLD;
  svg.setAttribute("viewBox", `${box.x.toFixed(2)} ${box.y.toFixed(2)} ${box.w.toFixed(2)} ${box.h.toFixed(2)}`);
  svg.dataset.level = level;
  const unit = box.w / 360;
  svg.append(s("rect", { x: 0, y: 0, width: 360, height: 180, class: "sea" }));
  const land = s("g", { class: "land", "stroke-width": (0.4 * unit).toFixed(3) });
  const maxCountry = Math.max(1, ...countryCounts.values());
  for (const c of (world && world.countries) || []) {
    const n = countryCounts.get(c.iso3) || 0, area = byCountry.get(c.iso3);
    land.append(s("path", { d: c.d, "data-iso3": c.iso3 || "", "data-count": n || null, class: n ? "counted" : null,
      style: n && level === "country" ? `fill:${shade(n, maxCountry)}` : null,
      onclick: c.iso3 ? () => onFilter({ country: c.iso3 }) : null },
    s("title", {}, n ? `${c.name}: ${n} events${area ? ` (${typeLine(area.by_type)})` : ""}` : c.name)));
  }
  svg.append(land);
  const maxArea = Math.max(1, ...circles.map((a) => a.count));
  for (const a of circles.sort((p, q) => q.count - p.count)) {
    svg.append(s("circle", { class: "area", cx: a.x.toFixed(3), cy: a.y.toFixed(3),
      r: ((2 + 6 * Math.sqrt(a.count / maxArea)) * unit * 1.5).toFixed(3), "stroke-width": (0.3 * unit).toFixed(3),
      "data-count": a.count, onclick: () => onFilter({ place: a.country }) },
    s("title", {}, `${a.admin1 || "(no admin1)"}, ${a.country}: ${a.count} events (${typeLine(a.by_type)})`)));
  }
  const maxCount = Math.max(1, ...points.map((p) => p.count));
  for (const p of points.sort((a, b) => b.count - a.count)) {
    const share = p.conflict / p.count;
    svg.append(s("circle", { class: "dot", cx: p.x.toFixed(3), cy: p.y.toFixed(3),
      r: ((1 + 2.5 * Math.sqrt(p.count / maxCount)) * unit * 1.5).toFixed(3),
      fill: share > 0.5 ? "#b2182b" : share < 0.5 ? "#1b7837" : "#777", "stroke-width": (0.3 * unit).toFixed(3),
      "data-name": p.name || "", "data-count": p.count, onclick: () => onFilter({ place: p.name || p.country }) },
    s("title", {}, `${p.name || "?"}${p.country ? `, ${p.country}` : ""}: ${p.count} events (${p.conflict} conflict)`)));
  }
}

/** The largest areas with their counts per type, under the map. */
export function renderAreas(list, summary, { onFilter }) {
  const items = (summary.items || []).slice(0, 8);
  fill(list, items.map((a) => h("li", { "data-country": a.country },
    h("button", { type: "button", class: "link", onclick: () => onFilter({ country: a.country }) },
      summary.level === "admin1" ? `${a.admin1 || "(no admin1)"}, ${a.country}` : a.country),
    h("span", { class: "meta" }, ` ${a.count} · ${typeLine(a.by_type)}`))),
  summary.unplaced ? h("li", { class: "muted" }, `${summary.unplaced} without a place`) : null);
}
