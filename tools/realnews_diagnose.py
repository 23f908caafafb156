"""Why petrel's events on one half of the real-news set fail: the tuple part that is wrong, and the gold missed.

Usage: python tools/realnews_diagnose.py [--half dev|test] [--examples N] [--places] [--days]

For the events matched to a gold event (same article, sentence and type; `petrel.evaluation.scorers.realnews`)
it counts what breaks the full tuple (status, source, target missing / wrong / extra), and for the gold
events left unmatched whether petrel coded another type on their sentence or nothing. ``--places`` adds,
for matched events with a gold place, gold country/admin1 against petrel's place and its basis; ``--days``, for
matched events with a gold date, the gold date against petrel's (and the article's publication day).

Sentences are printed only for the dev half (``--examples``): the test half is never read, only counted,
so its figures stay a measure of news the rules were not written from (docs/evaluation.md).
"""

from __future__ import annotations

import argparse
import collections
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("realnews_diagnose")


def _side(actor: object) -> str:
    return "-" if actor is None else f"{actor.country}/{','.join(actor.sectors)}"  # type: ignore[attr-defined]


def tuple_faults(match: object) -> list[str]:
    """The parts of a matched event that break its tuple (empty: the tuple is right)."""
    from petrel.evaluation.scorers import realnews as R

    gold, pred = match.gold, match.predicted  # type: ignore[attr-defined]
    faults = []
    if gold.status != pred.status:
        faults.append("status")
    if not R.source_agrees(match):
        faults.append("source")
    if not R.target_agrees(match):
        faults.append("target-missing" if gold.target and not pred.has_target
                      else "target-extra" if gold.target is None else "target-wrong")
    return faults


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "test"), default="dev")
    parser.add_argument("--examples", type=int, default=0, help="sentences to print per kind (dev half only)")
    parser.add_argument("--places", action="store_true", help="also compare places of matched events")
    parser.add_argument("--days", action="store_true", help="also compare dates of matched events")
    args = parser.parse_args(argv)
    if args.examples and args.half != "dev":
        parser.error("sentences are shown for the dev half only: the test half stays unread")
    logging.basicConfig(level=logging.WARNING)

    from petrel.clean import clean_document
    from petrel.config import Settings
    from petrel.evaluation import readers
    from petrel.evaluation.runners import EvalContext, realnews_prediction
    from petrel.evaluation.scorers import realnews as R
    from petrel.models import RawDocument

    settings = Settings()
    articles, gold = readers.read_realnews(Path(settings.realnews_dir))
    articles = [a for a in articles if a.split == args.half]
    by_article: dict[str, list] = collections.defaultdict(list)
    for g in gold:
        by_article[g.article_id].append(g)
    cleaned = [clean_document(RawDocument(source=f"realnews:{a.article_id}", text=a.text, fmt="text",
                                          doc_id=a.article_id, title=a.title, url=a.url, published=a.published,
                                          outlet=a.outlet), settings) for a in articles]
    docs = list(EvalContext(settings).pipeline.process_articles(cleaned))
    places = {}
    faults: collections.Counter[str] = collections.Counter()
    missed: collections.Counter[str] = collections.Counter()
    shown: dict[str, list[str]] = collections.defaultdict(list)
    n_gold = n_pred = n_matched = 0
    for doc in docs:
        text, events = doc.article.text, list(doc.events)
        preds = [realnews_prediction(e, text) for e in events]
        places.update({id(p): e.place for p, e in zip(preds, events, strict=True)})
        golds = by_article.get(doc.article.doc_id, [])
        matches = R.match_article(golds, preds, text)
        n_gold, n_pred, n_matched = n_gold + len(golds), n_pred + len(preds), n_matched + len(matches)
        for m in matches:
            found = tuple_faults(m)
            faults.update(found or ["tuple right"])
            if found:
                p = m.predicted
                shown[found[0]].append(f"[{m.gold.type}] {m.gold.sentence[:200]}\n     gold {_side(m.gold.source)} -> "
                                       f"{_side(m.gold.target)} {m.gold.status} | petrel {p.source_name}="
                                       f"{p.source_country}/{','.join(p.source_sectors)} -> {p.target_name}="
                                       f"{p.target_country}/{','.join(p.target_sectors)} {p.status}")
            if args.places and m.gold.place is not None and m.gold.place.country:
                place = places.get(id(m.predicted))
                right = m.predicted.place_country == m.gold.place.country
                faults.update(["place country right" if right else "place country wrong"])
                if not right or R.admin1_key(m.predicted.admin1) != R.admin1_key(m.gold.place.admin1):
                    shown["place"].append(f"{m.gold.sentence[:160]}\n     gold {m.gold.place.country}/"
                                          f"{m.gold.place.admin1} | petrel {place.country if place else None}/"
                                          f"{place.admin1 if place else None} {place.name if place else ''}")
            if args.days and m.gold.date:
                right = R.day_agrees(m.gold.date, m.predicted.date)
                faults.update(["day right" if right else "day wrong"])
                if not right:
                    published = doc.article.published.date() if doc.article.published else None
                    shown["day"].append(f"{m.gold.sentence[:200]}\n     published {published} gold {m.gold.date} | "
                                        f"petrel {m.predicted.date} ({m.predicted.type} {m.predicted.status})")
        matched_gold = {id(m.gold) for m in matches}
        for g in golds:
            if id(g) in matched_gold:
                continue
            span = R.locate(g.sentence, text)
            other = [p.type for p in preds if span and R.overlap(span, (p.start, p.end)) > 0]
            missed.update(["another type on its sentence" if other else "nothing on its sentence"])
            shown["missed"].append(f"[{g.type}] {g.status} | petrel: {other}\n     {g.sentence[:200]}")
    print(f"{args.half} half: gold {n_gold}, petrel {n_pred}, matched {n_matched}")
    for kind, n in faults.most_common():
        print(f"  {kind}: {n}")
    for kind, n in missed.most_common():
        print(f"  missed, {kind}: {n}")
    if args.examples:
        for kind, lines in shown.items():
            print(f"== {kind}")
            for line in lines[: args.examples]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
