"""Scale benchmark of petrel's dedup (not a test): merge + stories on synthetic event mentions.

Generates N synthetic event mentions (vectorised NumPy -> Arrow -> one bulk insert) telling N/3 true
events between 150 Zipf-distributed countries, with noise: 20% without target, 20% without place, 10%
dated a day off, 5% undated, 5% historical recalls with a year date (drawn from a fixed pool of 2,000
past events, since a growing corpus keeps recalling the same background facts). Density is held
constant: the time span grows with N (one day per 2,000 mentions), as when a corpus grows by covering
more time. Near-duplicate articles are not modelled (no article text).

Prints seconds per 100k mentions (best of ``--repeat`` runs) for a full ``merge_events`` + ``build_stories`` at 100k and 1M, their
ratio (must be <= 1.3 for near-linear cost), and the cost of one incremental refresh of a 64-article
batch on top of the 1M database.

    .venv/bin/python bench/dedup_scale.py [--sizes 100000 1000000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import logging
import time

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from petrel.config import Settings
from petrel.dedup import build_stories, merge_events, refresh
from petrel.store.schema import create_schema

log = logging.getLogger("bench.dedup_scale")

TYPES = np.array(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"])
SECTORS = np.array(["GOV", "MIL", "REB", "COP", "CVL", "LEG", "OPP"])
N_COUNTRIES = 150
MENTIONS_PER_DAY = 2_000
MENTIONS_PER_ARTICLE = 4
START = np.datetime64("2020-01-01")
HISTORICAL_POOL = 2_000


def _ids(prefix: str, values: np.ndarray) -> pa.Array:
    return pc.binary_join_element_wise(prefix, pc.cast(pa.array(values), pa.string()), "")


def _countries(rng: np.random.Generator, n: int) -> np.ndarray:
    """Zipf-like country codes C000..C149 (a few countries get most of the news)."""
    weights = 1.0 / np.arange(1, N_COUNTRIES + 1)
    return rng.choice(N_COUNTRIES, size=n, p=weights / weights.sum())


def synthetic(n: int, seed: int = 7, offset: int = 0) -> tuple[pa.Table, pa.Table]:
    """(articles, event_mentions) Arrow tables with ``n`` mentions; ids start at ``offset``."""
    rng = np.random.default_rng(seed)
    days = max(1, n // MENTIONS_PER_DAY)
    n_events = n // 3
    ev_day = rng.integers(0, days, n_events)
    ev = {"type": rng.integers(0, 16, n_events), "src": _countries(rng, n_events), "tgt": _countries(rng, n_events),
          "ssec": rng.integers(0, 7, n_events), "tsec": rng.integers(0, 7, n_events),
          "place": rng.integers(0, 20, n_events)}
    owner = np.sort(rng.integers(0, n_events, n))  # mention -> true event (about 3 each)
    pub_day = ev_day[owner] + rng.geometric(0.6, n) - 1
    date_day = ev_day[owner] + np.where(rng.random(n) < 0.1, rng.integers(-1, 2, n), 0)
    undated, coarse = rng.random(n) < 0.05, rng.random(n) < 0.05
    n_articles = max(1, n // MENTIONS_PER_ARTICLE)
    doc = np.minimum((pub_day / (days + 5) * n_articles).astype(np.int64) + rng.integers(0, 50, n), n_articles - 1)
    dates = START + date_day.astype("timedelta64[D]")
    # historical recalls ("troops withdrew in 2011") tell one of a fixed pool of past events, whatever N
    owner = np.where(coarse, rng.integers(0, min(HISTORICAL_POOL, n_events), n), owner)
    year = (2000 + owner % 20).astype(str)
    date_str = np.where(coarse, year, np.datetime_as_string(dates, unit="D"))
    date_start = np.where(coarse, np.char.add(year, "-01-01").astype("datetime64[D]"), dates)
    date_end = np.where(coarse, np.char.add(year, "-12-31").astype("datetime64[D]"), dates)
    country = np.char.add("C", np.char.zfill(ev["src"][owner].astype(str), 3))
    target = np.char.add("C", np.char.zfill(ev["tgt"][owner].astype(str), 3))
    no_target, no_place = rng.random(n) < 0.2, rng.random(n) < 0.2
    place_id = ev["place"][owner]
    mentions = pa.table({
        "mention_id": _ids(f"m{offset:09d}-", np.arange(n)), "event_id": _ids(f"m{offset:09d}-", np.arange(n)),
        "doc_id": _ids(f"d{offset:09d}-", doc),
        "published": pa.array((START + pub_day.astype("timedelta64[D]")).astype("datetime64[us]")),
        "type": pa.array(TYPES[ev["type"][owner]]), "status": pa.array(np.where(coarse, "historical", "actual")),
        "source_name": pa.array(country), "source_country": pa.array(country),
        "source_sector": pa.array([[s] for s in SECTORS[ev["ssec"][owner]]], pa.list_(pa.string())),
        "target_name": pa.array(np.where(no_target, None, target)),
        "target_country": pa.array(np.where(no_target, None, target)),
        "target_sector": pa.array([None if t else [s] for t, s in zip(no_target, SECTORS[ev["tsec"][owner]], strict=True)],
                                  pa.list_(pa.string())),
        "date": pa.array(np.where(undated, None, date_str)), "date_precision": pa.array(
            np.where(undated, None, np.where(coarse, "year", "day"))),
        "date_start": pa.array(np.where(undated, np.datetime64("NaT"), date_start).astype("datetime64[D]")),
        "date_end": pa.array(np.where(undated, np.datetime64("NaT"), date_end).astype("datetime64[D]")),
        "place_name": pa.array(np.where(no_place, None, np.char.add(country, np.char.add("-town", place_id.astype(str))))),
        "place_country": pa.array(np.where(no_place, None, country)),
        "place_precision": pa.array(np.where(no_place, None, "city")),
        "lat": pa.array(np.where(no_place, np.nan, ev["src"][owner] + place_id * 2.0)),
        "lon": pa.array(np.where(no_place, np.nan, place_id * 3.0)),
        "confidence": pa.array(rng.random(n) * 0.5 + 0.4),
    })
    mentions = mentions.set_column(mentions.schema.get_field_index("lat"), "lat",
                                   pc.if_else(pc.is_nan(mentions["lat"]), None, mentions["lat"]))
    mentions = mentions.set_column(mentions.schema.get_field_index("lon"), "lon",
                                   pc.if_else(pc.is_nan(mentions["lon"]), None, mentions["lon"]))
    art_ids = np.unique(doc)
    first_pub = np.full(n_articles, np.iinfo(np.int64).max)
    np.minimum.at(first_pub, doc, pub_day)
    articles = pa.table({
        "doc_id": _ids(f"d{offset:09d}-", art_ids), "status": pa.array(np.full(len(art_ids), "ok")),
        "outlet": pa.array(np.char.add("outlet-", (art_ids % 50).astype(str))),
        "published": pa.array((START + first_pub[art_ids].astype("timedelta64[D]")).astype("datetime64[us]")),
        "title": pa.array(np.char.add("article ", art_ids.astype(str))),
    })
    return articles, mentions


def load(con: duckdb.DuckDBPyConnection, articles: pa.Table, mentions: pa.Table) -> None:
    for name, table in (("articles", articles), ("event_mentions", mentions)):
        con.register("_bench", table)
        cols = ", ".join(table.column_names)
        con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _bench")  # noqa: S608
        con.unregister("_bench")


def run_size(n: int, settings: Settings, repeat: int) -> tuple[float, duckdb.DuckDBPyConnection]:
    """Best of ``repeat`` full runs (a shared machine adds noise; the best run is the least disturbed)."""
    best, con = float("inf"), None
    for _ in range(repeat):
        con = duckdb.connect()
        create_schema(con)
        load(con, *synthetic(n))
        started = time.perf_counter()
        merged = merge_events(con, settings, full=True)
        merge_s = time.perf_counter() - started
        stories = build_stories(con, settings)
        total = time.perf_counter() - started
        best = min(best, total / (n / 100_000))
        print(f"{n:>9,} mentions: merge {merge_s:6.2f}s + stories {total - merge_s:6.2f}s = {total:6.2f}s "
              f"-> {total / (n / 100_000):5.2f}s per 100k; events {merged.events_total:,}, pairs {merged.pairs:,}, "
              f"constrained clusters {merged.constrained_clusters}, stories {stories.stories:,}", flush=True)
    return best, con


def incremental(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """One 64-article batch (256 mentions) on top of the database, refreshed incrementally."""
    articles, mentions = synthetic(64 * MENTIONS_PER_ARTICLE, seed=99, offset=1)
    load(con, articles, mentions)
    summary = refresh(con, settings)
    secs = ", ".join(f"{k} {v:.2f}s" for k, v in summary.seconds.items())
    print(f"incremental refresh of a 64-article batch: {secs}; "
          f"mentions re-clustered {summary.merges.mentions_considered:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=2, help="runs per size; the best counts")
    args = parser.parse_args()
    settings = Settings()
    results = []
    con = None
    for n in args.sizes:
        per_100k, con = run_size(n, settings, args.repeat)
        results.append(per_100k)
    if len(results) >= 2:
        ratio = results[-1] / results[0]
        print(f"ratio (per-100k time at {args.sizes[-1]:,} / at {args.sizes[0]:,}): {ratio:.2f} "
              f"({'ok' if ratio <= 1.3 else 'ABOVE 1.3'})")
    if con is not None:
        incremental(con, settings)


if __name__ == "__main__":
    main()
