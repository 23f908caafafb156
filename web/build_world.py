"""Build the dashboard's world outline from world-atlas (Natural Earth 1:110m, public domain).

Run after ``npm install`` in this folder::

    ../.venv/bin/python build_world.py

It decodes the TopoJSON (quantised, delta-encoded arcs), projects it equirectangularly to a
360 x 180 SVG box (x = lon + 180, y = 90 - lat), and writes one SVG path per country with its
ISO 3166 alpha-3 code to ``src/petrel/data/web/world.json``. The dashboard draws that file as it is:
no projection code and no map tiles at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "node_modules" / "world-atlas" / "countries-110m.json"
TARGET = HERE.parent / "src" / "petrel" / "data" / "web" / "world.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc (undoing the quantisation and the delta encoding)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def ring_path(points: list[tuple[float, float]]) -> str:
    coords = [f"{lon + 180:.1f} {90 - lat:.1f}" for lon, lat in points]
    deduped = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
    return "M" + "L".join(deduped) + "Z"


def geometry_path(geometry: dict, arcs: list[list[tuple[float, float]]]) -> str:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)


def alpha3(numeric: str | None) -> str | None:
    if not numeric:
        return None
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_3 if country else None


def main() -> None:
    topology = json.loads(SOURCE.read_text())
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        countries.append({"iso3": alpha3(geometry.get("id")), "name": geometry["properties"]["name"],
                          "d": geometry_path(geometry, arcs)})
    out = {"source": "world-atlas 2.0.2 countries-110m (Natural Earth 1:110m Admin 0, public domain)",
           "projection": "equirectangular, x = lon + 180, y = 90 - lat", "width": 360, "height": 180,
           "countries": countries}
    TARGET.write_text(json.dumps(out, separators=(",", ":")))
    print(f"wrote {len(countries)} countries to {TARGET} ({TARGET.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
