"""The actor knowledge base: who is who, which words name which country, what agent nouns mean.

:func:`load_knowledge_base` reads the YAML shipped in ``petrel/data/kb`` and then every file of
``settings.kb_paths`` in order (a user's actor with a known id replaces petrel's; new ids extend it).
The format is described in ``docs/actors.md`` and in :mod:`petrel.kb.loader`.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from petrel.config import Settings
from petrel.kb.base import COUNTRY_ID_PREFIX, KnowledgeBase
from petrel.kb.countries import merge_supplement, pycountry_entries
from petrel.kb.loader import KbSource, dump_actors, load_file
from petrel.kb.normalise import normalise, slugify
from petrel.kb.records import Actor, CountryTerm, Role

__all__ = [
    "COUNTRY_ID_PREFIX",
    "Actor",
    "CountryTerm",
    "KnowledgeBase",
    "Role",
    "build_knowledge_base",
    "dump_actors",
    "load_knowledge_base",
    "normalise",
    "package_kb_files",
    "slugify",
]

log = logging.getLogger(__name__)


def package_kb_files() -> list[Path]:
    """The YAML files shipped with petrel, in reading order."""
    root = Path(str(resources.files("petrel") / "data" / "kb"))
    return sorted(root.rglob("*.yaml")) if root.is_dir() else []


def load_knowledge_base(settings: Settings | None = None) -> KnowledgeBase:
    """petrel's knowledge base plus the user's ``settings.kb_paths`` (raises ConfigError on a bad file).

    The compiled result is cached (:mod:`petrel.cache`), keyed by the content of every YAML file read and
    of the package's own builder modules; ``kb.source_key`` holds that key.
    """
    from petrel.cache import cache_key, cached, resolve_cache_dir

    user_paths = [Path(p) for p in settings.kb_paths] if settings else []
    paths = [*package_kb_files(), *user_paths]
    for path in paths:  # a missing file is a ConfigError, cache or not
        if not path.is_file():
            load_file(path)
    import pycountry

    code = sorted(Path(__file__).parent.glob("*.py"))  # an edited builder is a new key too
    key = cache_key("kb", [*paths, *code], stat_files=[Path(pycountry.__file__)])
    kb = cached("kb", key, lambda: build_knowledge_base(paths), resolve_cache_dir(settings or Settings()))
    kb.source_key = key  # what the phrase rulers' cache is keyed by (petrel.nlp.add_kb_rulers)
    return kb


def build_knowledge_base(paths: list[Path]) -> KnowledgeBase:
    """A knowledge base from these files only (plus pycountry's country names)."""
    source = KbSource()
    for path in paths:
        source.merge(load_file(Path(path)))
    countries = pycountry_entries()
    merge_supplement(countries, source.countries)
    kb = KnowledgeBase(source.actors.values(), countries, source.agents, source.person_nouns)
    log.info("knowledge base: %d actors, %d countries from %d files", len(kb), len(countries), len(paths))
    return kb
