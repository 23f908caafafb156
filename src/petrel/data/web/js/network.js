// Actor network: source -> target edges weighted by event count, red for conflict, green for
// cooperation; laid out by a small force simulation run to rest before drawing (deterministic).
import { clear, s } from "./dom.js";

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
  const k = Math.min(140, Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.7);
  for (const n of nodes) { n.vx = (W / 2 - n.x) * 0.12; n.vy = (H / 2 - n.y) * 0.12; }
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

function edgeColor(e) {
  if (e.conflict > e.cooperation) return "#b2182b";
  if (e.cooperation > e.conflict) return "#1b7837";
  return "#777";
}

function defs() {
  const marker = (id, color) => s("marker", { id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "9",
    markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto" }, s("path", { d: "M0,0 L10,5 L0,10 z", fill: color }));
  return s("defs", {}, marker("arrow-conflict", "#b2182b"), marker("arrow-coop", "#1b7837"), marker("arrow-mixed", "#777"));
}

export function renderNetwork(svg, data, { onFilter }) {
  clear(svg);
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const nodes = (data.nodes || []).map((n) => ({ ...n })), edges = data.edges || [];
  if (!nodes.length) {
    svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" }, "No actor pairs"));
    return;
  }
  const index = layout(nodes, edges);
  const maxCount = Math.max(...edges.map((e) => e.count));
  const maxNode = Math.max(...nodes.map((n) => n.count));
  svg.append(defs());
  for (const e of edges) {
    const a = index.get(e.source), b = index.get(e.target), color = edgeColor(e);
    const marker = color === "#b2182b" ? "arrow-conflict" : color === "#1b7837" ? "arrow-coop" : "arrow-mixed";
    svg.append(s("path", { class: "edge", d: edgePath(a, b, radius(b, maxNode) + 2), stroke: color, fill: "none",
      "stroke-width": (1 + 5 * (e.count / maxCount)).toFixed(2), "marker-end": `url(#${marker})`,
      "data-source": e.source, "data-target": e.target, "data-count": e.count,
      onclick: () => onFilter({ source: e.source, target: e.target, actor: "" }) },
    s("title", {}, `${e.source_name} → ${e.target_name}: ${e.count} events (${e.conflict} conflict, ${e.cooperation} cooperation)`)));
  }
  for (const n of nodes) {
    svg.append(s("g", { class: "node", transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, "data-id": n.id,
      onclick: () => onFilter({ actor: n.id, source: "", target: "" }) },
    s("circle", { r: radius(n, maxNode).toFixed(1) }),
    s("text", { y: -14, "text-anchor": "middle" }, n.name || n.id),
    s("title", {}, `${n.name || n.id}${n.country ? ` (${n.country})` : ""}: ${n.count} events`)));
  }
}
