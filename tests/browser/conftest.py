"""Fixtures for the end-to-end dashboard test: a database, a server on a free loopback port, Chromium.

The database is a fixture of its own so it can be swapped: set ``PETREL_BROWSER_DB`` to a petrel
database (e.g. the sample corpus after ``petrel demo``) or override ``dashboard_db`` in a conftest.
Chromium is Debian's (``/usr/bin/chromium``, or ``PETREL_CHROMIUM``), driven by Playwright; the tests
skip with the reason when either is missing. Playwright never downloads a browser here.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from petrel.api import BackgroundServer
from petrel.config import Settings

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _load_fixture_builder() -> Any:
    spec = importlib.util.spec_from_file_location("petrel_api_fixture_db", REPO / "tests" / "api" / "fixture_db.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr] (dataclasses look their module up)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="session")
def dashboard_db(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus after `petrel demo` (tests/conftest.py), or the database in ``PETREL_BROWSER_DB``.

    The server gets a copy, so other tests may keep writing to the session's sample database.
    """
    if not os.environ.get("PETREL_BROWSER_DB"):
        copy = tmp_path_factory.mktemp("dashboard") / "sample.duckdb"
        shutil.copyfile(sample_db, copy)
        return copy
    path = Path(os.environ["PETREL_BROWSER_DB"])
    if not path.exists():
        pytest.skip(f"PETREL_BROWSER_DB={path} does not exist")
    return path


@pytest.fixture(scope="session")
def markup_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The API fixture database, which holds an article and a sentence made of hostile markup."""
    return _load_fixture_builder().build_fixture_db(tmp_path_factory.mktemp("browserdb") / "dashboard.duckdb")


@pytest.fixture(scope="session")
def server(chromium_path: str, dashboard_db: Path) -> Iterator[BackgroundServer]:
    with BackgroundServer(Settings(db_path=dashboard_db)) as running:
        yield running


@pytest.fixture(scope="session")
def markup_server(chromium_path: str, markup_db: Path) -> Iterator[BackgroundServer]:
    with BackgroundServer(Settings(db_path=markup_db)) as running:
        yield running


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("PETREL_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        pytest.skip(f"no Chromium at {path}: `apt-get install chromium` (or set PETREL_CHROMIUM)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        except Exception as exc:  # a broken browser install is an environment problem: skip with why
            pytest.skip(f"Chromium at {chromium_path} does not start: {exc}")
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    tab = context.new_page()
    tab.errors = []  # type: ignore[attr-defined]
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.on("console", lambda msg: tab.errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = REPO / "artifacts"
    path.mkdir(exist_ok=True)
    return path
