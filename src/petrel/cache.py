"""A disk cache of compiled resources (knowledge base, gazetteer), never stale.

Building the knowledge base and the gazetteer from their YAML and JSON sources costs seconds of CPU on
every start; their compiled form is pickled into ``settings.cache_dir`` (default
``$XDG_CACHE_HOME/petrel`` or ``~/.cache/petrel``) under a key made of petrel's version, the Python
version, the resource's own parameters, and the content hash of every source file it was built from
(large third-party data files, which only change with their package, by path, size and mtime). Change
one byte of a YAML file and the key changes, so the next start rebuilds. A cache that cannot be read
or written (read-only home, a corrupt or foreign file) is logged and ignored: the resource is built as
if there were no cache. ``PETREL_USE_CACHE=false`` turns it off.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from petrel import __version__

log = logging.getLogger(__name__)
T = TypeVar("T")
_FORMAT = 3  # bump when what is pickled changes shape (2: GazEntry pickled by its arguments; 3: packed gazetteer)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "petrel"


def cache_key(kind: str, files: Iterable[Path], *, stat_files: Iterable[Path] = (), extra: Any = None) -> str:
    """A hex key for ``kind`` built from ``files`` (by content), ``stat_files`` (by size and mtime) and ``extra``."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr((_FORMAT, __version__, sys.version_info[:2], kind, extra)).encode())
    for path in files:
        path = Path(path)
        digest.update(str(path.resolve()).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    for path in stat_files:
        path = Path(path)
        stat = path.stat() if path.exists() else None
        digest.update(repr((str(path.resolve()), stat and (stat.st_size, stat.st_mtime_ns))).encode())
    return digest.hexdigest()


def cached(kind: str, key: str, build: Callable[[], T], cache_dir: Path | None) -> T:
    """``build()``'s result, read from ``cache_dir/kind-key.pickle`` when present, else built and stored there.

    ``cache_dir=None`` means no cache. Only petrel writes these files; they live in the user's own cache
    directory (pickle runs code on load: never point ``cache_dir`` at a directory others can write).
    """
    if cache_dir is None:
        return build()
    path = Path(cache_dir) / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)  # noqa: S301 - petrel's own file in the user's cache dir
        log.debug("%s loaded from cache %s", kind, path)
        return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # a corrupt or foreign cache file: rebuild, then overwrite it
        log.warning("ignoring unreadable %s cache %s: %s", kind, path, exc)
    value = build()
    _store(path, kind, value)
    return value


def _store(path: Path, kind: str, value: object) -> None:
    """Write atomically (temp file + rename) so a concurrent reader never sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent, kind, keep=path.name)
    except Exception as exc:  # a read-only cache dir costs speed, never a run
        log.warning("cannot write the %s cache in %s: %s", kind, path.parent, exc)


def _prune(directory: Path, kind: str, keep: str) -> None:
    """Drop older entries of ``kind`` (stale keys), keeping the newest few for other configurations."""
    entries = sorted(directory.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[4:]:
        if old.name != keep:
            old.unlink(missing_ok=True)


def resolve_cache_dir(settings: Any) -> Path | None:
    """The cache directory ``settings`` asks for (``None`` when caching is off)."""
    if not getattr(settings, "use_cache", True):
        return None
    return getattr(settings, "cache_dir", None) or default_cache_dir()
