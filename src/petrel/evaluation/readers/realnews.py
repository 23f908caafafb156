"""The real-news set (``Settings.realnews_dir``, default ``eval/realnews``): articles and hand-coded events.

Unlike the other sets it lives in the repository (it was written or collected for petrel, under open
licences; see ``eval/realnews/PROVENANCE.md``). Two files, one JSON object a line:

- ``articles.jsonl``: ``id``, ``title``, ``outlet``, ``published`` (ISO date), ``url``, ``licence``,
  ``split`` (``dev``: rules may be written from it; ``test``: scored unread) and ``text``;
- ``events.jsonl``: ``article_id``, ``type`` (PLOVER), ``mode`` (a PLOVER mode of the type, or null),
  ``status``, ``sentence`` (a substring of
  the article text), ``source`` and ``target`` (``{"text", "country", "sector": [...]}``, target may be
  null), ``date`` (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or null) and ``place``
  (``{"name", "country", "admin1"}`` or null).

:func:`check_realnews` lists every problem of the two files (a test keeps it empty);
:func:`read_realnews` drops a bad event with a warning and keeps the rest.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from petrel.evaluation.records import RealnewsActor, RealnewsArticle, RealnewsEvent, RealnewsPlace
from petrel.model.labels import MODES
from petrel.models import PLOVER_TYPES, STATUSES

log = logging.getLogger(__name__)

ARTICLES_FILE = "articles.jsonl"
EVENTS_FILE = "events.jsonl"
SPLITS = ("dev", "test")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def read_realnews(folder: Path) -> tuple[list[RealnewsArticle], list[RealnewsEvent]]:
    """Articles and their gold events; an event with a problem is logged and left out."""
    articles = [_article(r) for r in _jsonl(folder / ARTICLES_FILE)]
    by_id = {a.article_id: a for a in articles}
    events: list[RealnewsEvent] = []
    for n, raw in enumerate(_jsonl(folder / EVENTS_FILE), start=1):
        problems = event_problems(raw, by_id)
        if problems:
            log.warning("realnews event line %d left out: %s", n, "; ".join(problems))
            continue
        events.append(_event(raw))
    return articles, events


def check_realnews(folder: Path) -> list[str]:
    """Every problem of the set's two files, one line each (empty when the set is sound)."""
    raw_articles = _jsonl(folder / ARTICLES_FILE)
    problems: list[str] = []
    seen: set[str] = set()
    for n, raw in enumerate(raw_articles, start=1):
        missing = [k for k in ("id", "title", "published", "licence", "split", "text") if not raw.get(k)]
        if missing:
            problems.append(f"article line {n}: missing {', '.join(missing)}")
        if raw.get("id") in seen:
            problems.append(f"article line {n}: duplicate id {raw.get('id')}")
        seen.add(raw.get("id"))
        if raw.get("split") not in SPLITS:
            problems.append(f"article line {n}: split {raw.get('split')!r} is not dev or test")
        if raw.get("published") and not _DATE.match(str(raw["published"])[:10]):
            problems.append(f"article line {n}: published {raw.get('published')!r} is not an ISO date")
    by_id = {a.article_id: a for a in (_article(r) for r in raw_articles if r.get("id") and r.get("text"))}
    for n, raw in enumerate(_jsonl(folder / EVENTS_FILE), start=1):
        problems += [f"event line {n}: {p}" for p in event_problems(raw, by_id)]
    return problems


def event_problems(raw: dict[str, Any], articles: dict[str, RealnewsArticle]) -> list[str]:
    """What is wrong with one raw event line (empty when nothing is)."""
    out: list[str] = []
    article = articles.get(raw.get("article_id", ""))
    if article is None:
        return [f"unknown article {raw.get('article_id')!r}"]
    if raw.get("type") not in PLOVER_TYPES:
        out.append(f"type {raw.get('type')!r} is not a PLOVER type")
    if raw.get("mode") is not None and raw.get("mode") not in MODES.get(raw.get("type", ""), ()):
        out.append(f"mode {raw.get('mode')!r} is not a PLOVER mode of {raw.get('type')}")
    if raw.get("status") not in STATUSES:
        out.append(f"status {raw.get('status')!r} is not one of {', '.join(STATUSES)}")
    sentence = raw.get("sentence") or ""
    if not sentence or sentence not in article.text:
        out.append(f"sentence not in the article text: {sentence[:60]!r}")
    if raw.get("date") is not None and not _DATE.match(str(raw["date"])):
        out.append(f"date {raw.get('date')!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    for side in ("source", "target", "place"):
        value = raw.get(side)
        if value is None:
            if side == "source":
                out.append("no source")
            continue
        country = value.get("country")
        if country is not None and not _ISO3.match(country):
            out.append(f"{side} country {country!r} is not ISO alpha-3")
        if side != "place" and not isinstance(value.get("sector", []), list):
            out.append(f"{side} sector is not a list")
    return out


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _article(raw: dict[str, Any]) -> RealnewsArticle:
    return RealnewsArticle(article_id=raw["id"], title=raw.get("title") or "", outlet=raw.get("outlet"),
                           published=raw.get("published"), url=raw.get("url"), licence=raw.get("licence") or "",
                           split=raw.get("split") or "", text=raw["text"])


def _event(raw: dict[str, Any]) -> RealnewsEvent:
    return RealnewsEvent(article_id=raw["article_id"], type=raw["type"], status=raw["status"],
                         sentence=raw["sentence"], source=_actor(raw["source"]), target=_actor(raw.get("target")),
                         mode=raw.get("mode"), date=raw.get("date"), place=_place(raw.get("place")))


def _actor(raw: dict[str, Any] | None) -> RealnewsActor | None:
    if raw is None:
        return None
    return RealnewsActor(text=raw.get("text"), country=raw.get("country"), sectors=tuple(raw.get("sector") or ()))


def _place(raw: dict[str, Any] | None) -> RealnewsPlace | None:
    if raw is None:
        return None
    return RealnewsPlace(name=raw.get("name"), country=raw.get("country"), admin1=raw.get("admin1"))
