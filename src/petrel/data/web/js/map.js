// Map: event locations on the Natural Earth outline (equirectangular, x = lon + 180, y = 90 - lat),
// dots sized by event count, coloured by the share of conflict. Zooms to the dots, never to tiles.
import { clear, s } from "./dom.js";

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

export function renderMap(svg, world, places, { onFilter, fit = true }) {
  clear(svg);
  const points = places.map((p) => ({ ...p, ...project(p.lat, p.lon) }));
  const box = fit ? fitBox(points) : WORLD;
  svg.setAttribute("viewBox", `${box.x.toFixed(2)} ${box.y.toFixed(2)} ${box.w.toFixed(2)} ${box.h.toFixed(2)}`);
  const unit = box.w / 360;
  svg.append(s("rect", { x: 0, y: 0, width: 360, height: 180, class: "sea" }));
  const land = s("g", { class: "land", "stroke-width": (0.4 * unit).toFixed(3) });
  for (const c of (world && world.countries) || []) {
    land.append(s("path", { d: c.d, "data-iso3": c.iso3 || "",
      onclick: c.iso3 ? () => onFilter({ country: c.iso3 }) : null }, s("title", {}, c.name)));
  }
  svg.append(land);
  const maxCount = Math.max(1, ...points.map((p) => p.count));
  for (const p of points.sort((a, b) => b.count - a.count)) {
    const share = p.conflict / p.count;
    svg.append(s("circle", { class: "dot", cx: p.x.toFixed(3), cy: p.y.toFixed(3),
      r: ((1.2 + 4 * Math.sqrt(p.count / maxCount)) * unit * 1.5).toFixed(3),
      fill: share > 0.5 ? "#b2182b" : share < 0.5 ? "#1b7837" : "#777", "stroke-width": (0.3 * unit).toFixed(3),
      "data-name": p.name || "", "data-count": p.count, onclick: () => onFilter({ place: p.name || p.country }) },
    s("title", {}, `${p.name || "?"}${p.country ? `, ${p.country}` : ""}: ${p.count} events (${p.conflict} conflict)`)));
  }
}
