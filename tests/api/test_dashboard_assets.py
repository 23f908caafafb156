"""The dashboard's files: served at /, self-contained (offline), and free of HTML-parsing sinks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from petrel.api.app import WEB_DIR

SOURCES = sorted([*WEB_DIR.glob("*.html"), *WEB_DIR.glob("*.css"), *WEB_DIR.glob("js/*.js")])
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


def test_the_dashboard_is_served_with_a_strict_policy(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "connect-src 'self'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    for src in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert src.startswith(("js/", "app.css", "data:")), src
        if not src.startswith("data:"):
            assert client.get(f"/{src}").status_code == 200


def test_every_module_import_resolves(client) -> None:
    for path in WEB_DIR.glob("js/*.js"):
        for target in re.findall(r'from "\./([^"]+)"', path.read_text()):
            assert (WEB_DIR / "js" / target).is_file(), f"{path.name} imports missing {target}"
        assert client.get(f"/js/{path.name}").headers["content-type"].split(";")[0] in (
            "text/javascript", "application/javascript")


def test_the_world_outline_ships_with_the_package(client) -> None:
    world = client.get("/world.json").json()
    assert len(world["countries"]) > 170
    iso3 = {c["iso3"] for c in world["countries"]}
    assert {"UKR", "RUS", "ISR", "EGY", "USA", "BRA", "AUS"} <= iso3
    assert all(c["d"].startswith("M") for c in world["countries"])
    assert "Natural Earth" in (WEB_DIR / "LICENSES.md").read_text()


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_asset_loads_anything_from_elsewhere(path: Path) -> None:
    text = path.read_text().replace(SVG_NAMESPACE, "")
    assert not re.search(r"https?://|(?<![:\w])//[\w-]+\.[\w.-]+/", text), path.name
    assert "@import" not in text and not re.search(r"url\((?!['\"]?#)", text)  # only local references


@pytest.mark.parametrize("path", [p for p in SOURCES if p.suffix == ".js"], ids=lambda p: p.name)
def test_no_script_parses_strings_as_html(path: Path) -> None:
    text = path.read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "createContextualFragment", "DOMParser"):
        assert sink not in text, f"{path.name} uses {sink}"
