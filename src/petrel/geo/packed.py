"""The gazetteer's indexes in a packed, read-only form that loads in milliseconds.

Unpickling the built gazetteer as Python objects (40k :class:`GazEntry` records, 112k name keys each with
its own dict) cost about 0.2 s of every start, most of it making objects a one-article run never reads.
The packed form is a few flat strings and arrays, so loading it is a copy of bytes; an entry is decoded on
first use (and kept, so it is the same object every time), and a name key is found by binary search over
the sorted keys. Lookups answer exactly as the built dicts do, in the same order.
"""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from petrel.geo.sources import GazEntry

_FIELDS = GazEntry.__slots__


def _ints(values: Sequence[int]) -> array:
    return array("q", values)


def _from_bytes(code: str, raw: bytes) -> array:
    out = array(code)
    out.frombytes(raw)
    return out


class PackedEntries:
    """A read-only list of :class:`GazEntry`, each decoded on first access."""

    __slots__ = ("_blob", "_starts", "_decoded")

    def __init__(self, blob: bytes, starts: array) -> None:
        self._blob = blob
        self._starts = starts
        self._decoded: dict[int, GazEntry] = {}

    @classmethod
    def pack(cls, entries: Sequence[GazEntry]) -> PackedEntries:
        parts = [marshal.dumps(tuple(getattr(e, name) for name in _FIELDS)) for e in entries]
        starts = [0]
        for part in parts:
            starts.append(starts[-1] + len(part))
        return cls(b"".join(parts), _ints(starts))

    def __reduce__(self) -> tuple[Any, tuple]:
        return (_entries, (self._blob, self._starts.tobytes()))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, eid: int) -> GazEntry:
        entry = self._decoded.get(eid)
        if entry is None:
            if not 0 <= eid < len(self):
                raise IndexError(eid)
            start, end = self._starts[eid], self._starts[eid + 1]
            entry = self._decoded.setdefault(eid, GazEntry(*marshal.loads(self._blob[start:end])))
        return entry

    def __iter__(self) -> Iterator[GazEntry]:
        return (self[i] for i in range(len(self)))


class PackedIndex:
    """Name key -> ``{entry id: name penalty}`` (in the built index's order), read-only, by binary search."""

    __slots__ = ("_keys", "_key_starts", "_value_starts", "_eids", "_penalties")

    def __init__(self, keys: str, key_starts: array, value_starts: array, eids: array, penalties: array) -> None:
        self._keys = keys
        self._key_starts = key_starts
        self._value_starts = value_starts
        self._eids = eids
        self._penalties = penalties

    @classmethod
    def pack(cls, index: Mapping[str, Mapping[int, float]]) -> PackedIndex:
        keys = sorted(k for k, v in index.items() if v)
        key_starts, value_starts, eids, penalties = [0], [0], [], []
        for key in keys:
            key_starts.append(key_starts[-1] + len(key))
            values = index[key]
            eids.extend(values.keys())
            penalties.extend(values.values())
            value_starts.append(len(eids))
        return cls("".join(keys), _ints(key_starts), _ints(value_starts), _ints(eids), array("d", penalties))

    def __reduce__(self) -> tuple[Any, tuple]:
        return (_index, (self._keys, self._key_starts.tobytes(), self._value_starts.tobytes(),
                         self._eids.tobytes(), self._penalties.tobytes()))

    def __len__(self) -> int:
        return len(self._key_starts) - 1

    def _find(self, key: str) -> int:
        return _search(self._keys, self._key_starts, key)

    def get(self, key: str, default: Any = None) -> Any:
        i = self._find(key)
        if i < 0:
            return default
        start, end = self._value_starts[i], self._value_starts[i + 1]
        return dict(zip(self._eids[start:end], self._penalties[start:end], strict=True))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def items(self) -> Iterator[tuple[str, dict[int, float]]]:
        """Every key with its entries, in key order (a full scan: for rare lookups by likeness)."""
        keys, starts, values = self._keys, self._key_starts, self._value_starts
        for i in range(len(self)):
            start, end = values[i], values[i + 1]
            yield keys[starts[i]:starts[i + 1]], dict(zip(self._eids[start:end], self._penalties[start:end], strict=True))


def _search(keys: str, starts: array, key: str) -> int:
    """The position of ``key`` among the sorted keys concatenated in ``keys`` (``starts``: their offsets), or -1."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        probe = keys[starts[mid]:starts[mid + 1]]
        if probe < key:
            lo = mid + 1
        elif probe > key:
            hi = mid
        else:
            return mid
    return -1


def _entries(blob: bytes, starts: bytes) -> PackedEntries:
    return PackedEntries(blob, _from_bytes("q", starts))


def _index(keys: str, key_starts: bytes, value_starts: bytes, eids: bytes, penalties: bytes) -> PackedIndex:
    return PackedIndex(keys, _from_bytes("q", key_starts), _from_bytes("q", value_starts),
                       _from_bytes("q", eids), _from_bytes("d", penalties))


class PackedRows:
    """Name key -> its text rows (the villages index, :mod:`petrel.geo.villages`), read-only, by binary search.

    The built index is a dict of 200,000-odd keys, each with a list of tab-joined rows: unpickling it made
    every key and row a Python object (about 0.4 s and 67 MB). Packed, it is two strings and two arrays."""

    __slots__ = ("_keys", "_key_starts", "_rows", "_row_starts")

    def __init__(self, keys: str, key_starts: array, rows: str, row_starts: array) -> None:
        self._keys = keys
        self._key_starts = key_starts
        self._rows = rows
        self._row_starts = row_starts

    @classmethod
    def pack(cls, index: Mapping[str, Sequence[str]]) -> PackedRows:
        """Rows hold no newline (they are joined by one)."""
        keys = sorted(k for k, v in index.items() if v)
        key_starts, row_starts, parts, size = [0], [0], [], 0
        for key in keys:
            key_starts.append(key_starts[-1] + len(key))
            text = "\n".join(index[key])
            parts.append(text)
            size += len(text)
            row_starts.append(size)
        return cls("".join(keys), _ints(key_starts), "".join(parts), _ints(row_starts))

    def __reduce__(self) -> tuple[Any, tuple]:
        return (_rows, (self._keys, self._key_starts.tobytes(), self._rows, self._row_starts.tobytes()))

    def __len__(self) -> int:
        return len(self._key_starts) - 1

    def get(self, key: str, default: Any = None) -> Any:
        i = _search(self._keys, self._key_starts, key)
        return default if i < 0 else self._rows[self._row_starts[i]:self._row_starts[i + 1]].split("\n")


def _rows(keys: str, key_starts: bytes, rows: str, row_starts: bytes) -> PackedRows:
    return PackedRows(keys, _from_bytes("q", key_starts), rows, _from_bytes("q", row_starts))
