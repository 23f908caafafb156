// Network: source -> target edges weighted by event count, coloured by mean Goldstein score or by the
// dominant quad class; nodes are countries, country + sector, or named actors. Laid out by a small force
// simulation run to rest before drawing (deterministic); labels are placed greedily so none overlap.
import { QUAD, clear, h, quadColor, s } from "./dom.js";

const W = 640, H = 420;

function initial(nodes) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(n, 1);
    node.x = W / 2 + (W / 3) * Math.cos(angle);
    node.y = H / 2 + (H / 3) * Math.sin(angle);
    node.vx = 0; node.vy = 0;
  });
}

// Fruchterman-Reingold: repulsion k^2/d between pairs closer than 2.5 k (so separate groups don't
// fly to the corners), attraction d^2/k along edges, a pull to
// the centre, each move capped by a temperature that cools to zero.
function step(nodes, edges, index, temperature) {
  const k = Math.min(150, Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.7);
  for (const n of nodes) { n.vx = (W / 2 - n.x) * 0.06; n.vy = (H / 2 - n.y) * 0.06; }
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(Math.hypot(dx, dy), 0.5), f = d < 2.5 * k ? (k * k) / d / d : 0;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }
  }
  for (const e of edges) {
    const a = index.get(e.source), b = index.get(e.target);
    if (!a || !b || a === b) continue;
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 0.5), f = d / k;
    a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
  }
  for (const n of nodes) {
    const v = Math.max(Math.hypot(n.vx, n.vy), 1e-9), move = Math.min(v, temperature);
    n.x = Math.min(W - 70, Math.max(70, n.x + (n.vx / v) * move));
    n.y = Math.min(H - 25, Math.max(25, n.y + (n.vy / v) * move));
  }
}

export function layout(nodes, edges, iterations = 300) {
  const index = new Map(nodes.map((n) => [n.id, n]));
  initial(nodes);
  for (let i = 0; i < iterations; i++) step(nodes, edges, index, (W / 8) * (1 - i / iterations) + 0.5);
  return index;
}

function edgePath(a, b, gap) {
  // a slight curve, so A -> B and B -> A are two visible edges; the end stops ``gap`` before B's centre
  const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, dx = b.x - a.x, dy = b.y - a.y;
  const d = Math.max(Math.hypot(dx, dy), 1), bend = Math.min(40, d * 0.15);
  const cx = mx - (dy / d) * bend, cy = my + (dx / d) * bend;
  const ex = b.x - cx, ey = b.y - cy, e = Math.max(Math.hypot(ex, ey), 1);
  const tx = b.x - (ex / e) * gap, ty = b.y - (ey / e) * gap;
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`;
}

function radius(node, maxNode) {
  return 5 + 9 * Math.sqrt(node.count / maxNode);
}

/** Mean Goldstein -10 .. +10 on a red - grey - green scale. */
export function goldsteinColor(g) {
  if (g === null || g === undefined) return "#777";
  const t = Math.max(-1, Math.min(1, g / 10));
  const mix = (a, b, u) => Math.round(a + (b - a) * u);
  const [r, gr, b] = t < 0 ? [mix(150, 178, -t), mix(150, 24, -t), mix(150, 43, -t)]
    : [mix(150, 27, t), mix(150, 120, t), mix(150, 55, t)];
  return `rgb(${r},${gr},${b})`;
}

function dominantQuad(e) {
  const by = e.by_quad || {};
  let best = null;
  for (const q of ["4", "3", "2", "1"]) if ((by[q] || 0) > (best ? by[best] : 0)) best = q;
  return best;
}

function edgeColor(e, colorBy) {
  if (colorBy === "quad") return quadColor(Number(dominantQuad(e)));
  return goldsteinColor(e.goldstein);
}

/** Label boxes: for each node try above, below, right, left; a label that fits nowhere is left out. The boxes
 * are estimates of the rendered text (fonts differ between browsers), so they are kept PAD pixels apart. */
export function placeLabels(nodes, radiusOf) {
  const boxes = nodes.map((n) => ({ x0: n.x - radiusOf(n), y0: n.y - radiusOf(n), x1: n.x + radiusOf(n), y1: n.y + radiusOf(n) }));
  const PAD = 2;
  const overlaps = (a, b) => a.x0 < b.x1 + PAD && b.x0 < a.x1 + PAD && a.y0 < b.y1 + PAD && b.y0 < a.y1 + PAD;
  const placed = [];
  const order = [...nodes].sort((a, b) => b.count - a.count);
  for (const n of order) {
    const label = String(n.name || n.id), w = Math.min(label.length, 28) * 6.6 + 6, hgt = 14, r = radiusOf(n) + 2;
    const spots = [
      { x: n.x, y: n.y - r - 2, anchor: "middle", box: [n.x - w / 2, n.y - r - hgt, n.x + w / 2, n.y - r] },
      { x: n.x, y: n.y + r + 11, anchor: "middle", box: [n.x - w / 2, n.y + r, n.x + w / 2, n.y + r + hgt] },
      { x: n.x + r + 1, y: n.y + 4, anchor: "start", box: [n.x + r, n.y - hgt / 2, n.x + r + w, n.y + hgt / 2] },
      { x: n.x - r - 1, y: n.y + 4, anchor: "end", box: [n.x - r - w, n.y - hgt / 2, n.x - r, n.y + hgt / 2] },
    ];
    n.label = null;
    for (const spot of spots) {
      const [x0, y0, x1, y1] = spot.box, box = { x0, y0, x1, y1 };
      if (x0 < 0 || x1 > W || y0 < 0 || y1 > H) continue;
      if (placed.some((b) => overlaps(b, box)) || boxes.some((b, i) => nodes[i] !== n && overlaps(b, box))) continue;
      placed.push(box);
      n.label = { ...spot, text: label.length > 28 ? `${label.slice(0, 27)}…` : label, box };
      break;
    }
  }
  return nodes;
}

function defs(colors) {
  const marker = (id, color) => s("marker", { id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "9",
    markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto" }, s("path", { d: "M0,0 L10,5 L0,10 z", fill: color }));
  return s("defs", {}, [...colors].map((c, i) => marker(`arrow-${i}`, c)));
}

/** What a click on a node or an edge end filters on, at each level ("?" countries are not filterable). */
function spec(id, level) {
  if (level === "actor") return id;
  const code = String(id).split(" ")[0];
  return code === "?" ? "" : code;
}

export function renderNetwork(svg, data, { onFilter, colorBy = "goldstein" }) {
  clear(svg);
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const level = data.level || "actor";
  const nodes = (data.nodes || []).map((n) => ({ ...n })), edges = data.edges || [];
  svg.dataset.level = level;
  if (!nodes.length) {
    svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" }, "No source-target pairs"));
    return;
  }
  const index = layout(nodes, edges);
  const maxCount = Math.max(...edges.map((e) => e.count));
  const maxNode = Math.max(...nodes.map((n) => n.count));
  const colors = [...new Set(edges.map((e) => edgeColor(e, colorBy)))];
  svg.append(defs(colors));
  for (const e of edges) {
    const a = index.get(e.source), b = index.get(e.target), color = edgeColor(e, colorBy);
    const src = spec(e.source, level), tgt = spec(e.target, level);
    const quads = e.by_quad ? ` · by quad class ${[1, 2, 3, 4].map((q) => `${q}: ${e.by_quad[q] || 0}`).join(", ")}` : "";
    svg.append(s("path", { class: "edge", d: edgePath(a, b, radius(b, maxNode) + 2), stroke: color, fill: "none",
      "stroke-width": (1 + 6 * (e.count / maxCount)).toFixed(2), "marker-end": `url(#arrow-${colors.indexOf(color)})`,
      "data-source": e.source, "data-target": e.target, "data-count": e.count,
      onclick: src && tgt ? () => onFilter({ source: src, target: tgt, actor: "", country: "" }) : null },
    s("title", {}, `${e.source_name} → ${e.target_name}: ${e.count} events (${e.conflict} conflict, ` +
      `${e.cooperation} cooperation), mean Goldstein ${e.goldstein ?? "—"}${quads}`)));
  }
  placeLabels(nodes, (n) => radius(n, maxNode));
  for (const n of nodes) {
    const key = spec(n.id, level);
    const patch = level === "actor" ? { actor: key, source: "", target: "" } : { country: key, actor: "", source: "", target: "" };
    svg.append(s("g", { class: "node", transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, "data-id": n.id,
      onclick: key ? () => onFilter(patch) : null },
    s("circle", { r: radius(n, maxNode).toFixed(1) }),
    s("title", {}, `${n.name || n.id}${n.country && level === "actor" ? ` (${n.country})` : ""}: ${n.count} events`)));
  }
  const labels = s("g", { class: "labels" });
  for (const n of nodes) {
    if (!n.label) continue;
    labels.append(s("text", { class: "label", x: n.label.x.toFixed(1), y: n.label.y.toFixed(1),
      "text-anchor": n.label.anchor, "data-id": n.id }, n.label.text));
  }
  svg.append(labels);
}

export function renderNetworkLegend(el, colorBy) {
  clear(el);
  if (colorBy === "quad") {
    for (const [key, q] of Object.entries(QUAD)) {
      el.append(h("span", { class: "legend-item" }, h("span", { class: "swatch", style: `background:${q.color}` }),
        `${key} ${q.label}`));
    }
  } else {
    for (const [g, label] of [[-10, "hostile (-10)"], [0, "neutral"], [10, "cooperative (+10)"]]) {
      el.append(h("span", { class: "legend-item" }, h("span", { class: "swatch", style: `background:${goldsteinColor(g)}` }),
        label));
    }
    el.append(h("span", {}, "edge colour: mean Goldstein; width: events"));
  }
}
