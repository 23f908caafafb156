"""``python -m petrel.model.tune [CORPUS] --model DIR``: tune how rules and model combine, and score the
coder on the synthetic test split.

The thresholds of :class:`petrel.coding.blend.BlendSettings` are chosen on the *validation* share of the
training corpus (the same seeded split :mod:`petrel.model.train` held out), by top-event type accuracy, and
written to ``DIR/blend.json``. Then rules alone, model alone and combined are scored on ``test/`` (written
before training, never trained or tuned on) and the figures are added to ``DIR/labels.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from petrel.coding.blend import MODEL_ONLY, NONE, BlendSettings, blend
from petrel.config import Settings
from petrel.evaluation.metrics import macro_f1
from petrel.models import EventMention, SentencePrediction
from petrel.model.train.data import SEED, Row, load_corpus, split

log = logging.getLogger("petrel.model.tune")

GRID = {"propose": (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01), "veto": (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01),
        "keep": (0.02, 0.05, 0.1, 0.2), "relabel": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01), "weight": (0.3, 0.5, 0.7, 0.9)}


@dataclass(slots=True)
class Coded:
    """One sentence's parts, computed once: the rules' events, the model's, and its prediction."""

    gold: str
    parts: list[tuple[list[EventMention], list[EventMention], SentencePrediction | None]]


def code_rows(rows: list[Row], model_dir: Path):  # noqa: ANN201 - (codings, recode)
    from petrel.clean import article_from_text
    from petrel.coding import MentionIndex
    from petrel.pipeline import Pipeline
    from petrel.state import DocState

    pipe = Pipeline(Settings(event_model="combined", event_model_dir=model_dir))
    events_stage = next(s for s in pipe.stages if s.name == "events")
    early = [s for s in pipe.stages if s.name in ("actors", "model", "quotes")]
    out: list[Coded] = []
    articles = [article_from_text(r.text, doc_id=f"tune-{i}") for i, r in enumerate(rows)]
    for row, article, doc in zip(rows, articles, pipe.nlp.pipe([a.text for a in articles], batch_size=64), strict=True):
        state = DocState(article, doc)
        for stage in early:
            stage(state)
        preds = {p.start: p for p in state.predictions}
        index = MentionIndex(doc, state.mentions)
        quotes = sorted(state.quotes, key=lambda q: (q.end - q.start))
        parts = []
        for sent in doc.sents:
            pred = preds.get(sent.start_char)
            if not index:
                parts.append(([], [], pred))
                continue
            rules = events_stage.rule_events(sent, index, quotes, article.doc_id)
            proposed = events_stage.proposed_events(sent, index, quotes, article.doc_id, pred) if pred else []
            parts.append((rules, proposed, pred))
        out.append(Coded(row.type, parts))
    return out, events_stage.recode


def top_label(coded: Coded, settings: BlendSettings | None, recode, *, rules_only: bool = False) -> str:  # noqa: ANN001
    events: list[EventMention] = []
    for rules, proposed, pred in coded.parts:
        if rules_only or pred is None:
            events += rules
            continue
        base = [] if settings is MODEL_ONLY else [replace(e) for e in rules]
        events += blend(base, pred, settings, lambda p=proposed: [replace(e) for e in p], recode)
    if not events:
        return NONE
    return max(events, key=lambda e: e.confidence).type


def score(coded: list[Coded], settings: BlendSettings | None, recode, *, rules_only: bool = False) -> dict:  # noqa: ANN001
    gold = [c.gold for c in coded]
    pred = [top_label(c, settings, recode, rules_only=rules_only) for c in coded]
    return {"accuracy": round(sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold)), 4),
            "macro_f1": round(macro_f1(gold, pred), 4), "n": len(gold)}


def tune(coded: list[Coded], recode) -> tuple[BlendSettings, dict]:  # noqa: ANN001
    best: tuple[float, BlendSettings, dict] | None = None
    for values in itertools.product(*GRID.values()):
        settings = BlendSettings(**dict(zip(GRID, values)))
        s = score(coded, settings, recode)
        key = s["accuracy"] + s["macro_f1"]
        if best is None or key > best[0]:
            best = (key, settings, s)
    return best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petrel.model.tune")
    parser.add_argument("corpus", nargs="?", default="training", type=Path)
    parser.add_argument("--model", default=Path("src/petrel/data/model"), type=Path)
    parser.add_argument("--valid-share", type=float, default=0.1)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    rows, test, _ = load_corpus(args.corpus)
    _, valid = split(rows, args.valid_share, SEED)
    log.info("coding %d validation and %d test sentences", len(valid), len(test))
    coded_valid, recode = code_rows(valid, args.model)
    settings, valid_score = tune(coded_valid, recode)
    (args.model / "blend.json").write_text(json.dumps(settings.to_dict(), indent=1) + "\n")
    coded_test, recode = code_rows(test, args.model)
    report = {"valid_combined": valid_score,
              "test_rules": score(coded_test, None, recode, rules_only=True),
              "test_model": score(coded_test, MODEL_ONLY, recode),
              "test_combined": score(coded_test, settings, recode)}
    labels_path = args.model / "labels.json"
    labels = json.loads(labels_path.read_text())
    labels["blend"] = settings.to_dict()
    labels["scores"] = report
    labels_path.write_text(json.dumps(labels, indent=1) + "\n")
    print(json.dumps({"blend": settings.to_dict(), **report}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
