"""docs/api.md documents every route and every parameter; docs/dashboard.md exists."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def sections() -> dict[str, str]:
    text = (DOCS / "api.md").read_text()
    parts = re.split(r"^### `([A-Z]+ [^`]+)`\s*$", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def filter_table() -> str:
    text = (DOCS / "api.md").read_text()
    return text[text.index("### Event filter parameters"):text.index("## Events")]


def test_every_route_has_a_section(client) -> None:
    schema = client.get("/openapi.json").json()
    documented = set(sections())
    missing = [f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops
               if f"{method.upper()} {path}" not in documented]
    assert missing == []


def test_every_parameter_is_named_in_its_section(client) -> None:
    schema = client.get("/openapi.json").json()
    docs = sections()
    table = filter_table()
    takes_filter = "takes the event filter"
    missing = []
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            section = docs[f"{method.upper()} {path}"]
            for param in op.get("parameters", []):
                name = f"`{param['name']}`"
                if name not in section and not (takes_filter in section.lower() and name in table):
                    missing.append(f"{method.upper()} {path}: {param['name']}")
    assert missing == []


def test_the_dashboard_is_documented() -> None:
    text = (DOCS / "dashboard.md").read_text()
    for word in ("timeline", "network", "map", "stories", "evidence", "offline", "world-atlas"):
        assert word in text.lower()
