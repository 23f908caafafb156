"""The parse pre-filter (petrel.prefilter) measured: speed and recall, with and without it, same run.

For each corpus, in one process and interleaved rounds (fastest of ``--rounds``): bare ``nlp.pipe`` on the
texts, the pipeline (parse + every stage) with the pre-filter off (``prefilter=False``, what ``--full-parse``
does) and on. Prints words/s and the ratio to bare spaCy, the share of sentences (and words) the pre-filter
parsed, and recall: the share of the events found with the full parse that are also found with the
pre-filter (same sentence, type, source and target), plus the events only the filtered run found.

Corpora: the bundled sample corpus (written for petrel; nearly every sentence reports an event), the
real-news set (eval/realnews, articles only; its gold is not read), the seed articles (../shared/corpus/seeds,
when present) and a generated corpus: the sample corpus' sentences shuffled into articles with background
sentences made from templates (markets, weather, sport, history), about a third of each article.
Usage: python bench/prefilter.py [--rounds N] [--generated N]   (also the last block of `make bench`)

``--floor`` prints instead the fastest any pre-filter can code the sample and generated corpora: every
sentence skipped (with and without the event model's look at them), against bare ``nlp.pipe`` and the
full parse in the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import dataclass, replace
from pathlib import Path

from petrel.clean import clean_document
from petrel.config import Settings
from petrel.demo import sample_corpus_path
from petrel.ingest import iter_inputs
from petrel.models import Article, RawDocument
from petrel.pipeline import Pipeline, Resources

ROOT = Path(__file__).resolve().parent.parent
BACKGROUND = [
    "Shares in {city} closed {dir} {n} percent on {day}, led by {sector} stocks.",
    "The {city} bourse has {verb2} {n} percent since the start of the year.",
    "Temperatures in {city} are forecast to reach {n} degrees by the weekend.",
    "Heavy rain is expected across the {region} region later this {unit}.",
    "{city} is home to about {n} million people and lies on the banks of the {river} river.",
    "The local football club finished {ord} in the league last season.",
    "The festival, held every {unit} since {year}, draws visitors from across the {region} region.",
    "Inflation stood at {n} percent in {month}, according to official figures.",
    "The {sector} sector accounts for roughly {n} percent of economic output.",
    "The region's population has doubled since {year}.",
    "Traffic on the main highway out of {city} was slow on {day} morning.",
    "Officials say the new terminal at {city} airport will open in {month}.",
]
FILL = {
    "city": ["Lagos", "Karachi", "Manila", "Lima", "Nairobi", "Hanoi", "Quito", "Dhaka"],
    "dir": ["up", "down"], "verb2": ["gained", "lost"], "day": ["Monday", "Tuesday", "Thursday", "Friday"],
    "sector": ["banking", "energy", "mining", "telecoms", "farming"], "region": ["northern", "coastal", "eastern"],
    "unit": ["week", "month", "year"], "river": ["Niger", "Indus", "Pasig", "Rimac"],
    "ord": ["third", "fifth", "second"], "month": ["March", "June", "September", "November"],
}


@dataclass
class Figures:
    corpus: str
    articles: int
    words: int
    bare_s: float
    full_s: float
    filtered_s: float
    sentences: int
    kept: int
    kept_words_share: float
    full_events: int
    filtered_events: int
    both: int

    @property
    def recall(self) -> float:
        return self.both / self.full_events if self.full_events else 1.0


def sample_articles(settings: Settings, folder: Path | None = None) -> list[Article]:
    items = iter_inputs([str(folder or sample_corpus_path())], settings)
    return [clean_document(i, settings) for i in items if isinstance(i, RawDocument)]


def realnews_articles(settings: Settings) -> list[Article]:
    path = ROOT / "eval" / "realnews" / "articles.jsonl"
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        raw = RawDocument(source=f"realnews:{a['id']}", text=a["text"], fmt="text", doc_id=a["id"],
                          title=a.get("title"), published=a.get("published"), outlet=a.get("outlet"))
        out.append(clean_document(raw, settings))
    return out


def generated_articles(settings: Settings, sample: list[Article], n: int, seed: int = 12) -> list[Article]:
    """``n`` articles of 6-12 sentences: two thirds sample-corpus sentences, one third template background."""
    rng = random.Random(seed)
    pool = [s.strip() for a in sample for p in a.text.split("\n") for s in _sentences(p) if len(s.split()) > 4]

    def background() -> str:
        text = rng.choice(BACKGROUND)
        values = {k: rng.choice(v) for k, v in FILL.items()}
        values.update(n=rng.randint(2, 40), year=rng.randint(1950, 2015))
        return text.format(**values)

    out = []
    for i in range(n):
        size = rng.randint(6, 12)
        sents = [rng.choice(pool) if rng.random() < 2 / 3 else background() for _ in range(size)]
        paras = ["  ".join(sents[k:k + 2]) for k in range(0, size, 2)]
        raw = RawDocument(source=f"generated:{i}", text="\n\n".join(paras), fmt="text", doc_id=f"gen-{i}",
                          published="2025-03-01")
        out.append(clean_document(raw, settings))
    return out


def _sentences(paragraph: str) -> list[str]:
    import re

    return re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph)


def event_key(e) -> tuple:  # noqa: ANN001 - EventMention
    def who(ref) -> str | None:  # noqa: ANN001
        return None if ref is None else (ref.actor_id or ref.country or ref.name)
    return (e.evidence.doc_id, e.evidence.start, e.type, who(e.source), who(e.target))


def stock_nlp(settings: Settings):  # noqa: ANN201 - spacy.language.Language
    """The spaCy pipeline as installed (``spacy.load``), none of petrel's components or changes: what
    "bare spaCy" means in every ratio of the benches (petrel's own rulers and its table attribute ruler
    are petrel's cost or saving, not spaCy's)."""
    import spacy

    return spacy.load(settings.spacy_model)


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def measure(name: str, articles: list[Article], full: Pipeline, filtered: Pipeline, rounds: int, bare_nlp) -> Figures:  # noqa: ANN001
    texts = [a.text for a in articles]
    words = sum(a.word_count for a in articles)
    bare, off, on = [], [], []
    for _ in range(rounds):  # interleaved, so a burst of load elsewhere hits all three alike
        bare.append(timed(lambda: list(bare_nlp.pipe(texts, batch_size=32)))[0])
        secs, docs_full = timed(lambda: list(full.process_articles(articles)))
        off.append(secs)
        filtered.prefilter.stats.__init__()
        secs, docs_on = timed(lambda: list(filtered.process_articles(articles)))
        on.append(secs)
    stats = filtered.prefilter.stats
    a = {event_key(e) for d in docs_full for e in d.events}
    b = {event_key(e) for d in docs_on for e in d.events}
    return Figures(name, len(articles), words, min(bare), min(off), min(on), stats.sentences, stats.kept,
                   stats.kept_words / stats.words if stats.words else 1.0, len(a), len(b), len(a & b))


def bench_prefilter(rounds: int = 2, generated: int = 60, copies: int = 2) -> list[Figures]:
    settings = Settings(prefilter=True)
    resources = Resources.load(settings)
    filtered = Pipeline(settings, resources=resources)
    full = Pipeline(settings.model_copy(update={"prefilter": False}), resources=resources)
    sample = sample_articles(settings)
    corpora = {
        f"sample x{copies}": [replace(a, doc_id=f"{a.doc_id}-{k}") for k in range(copies) for a in sample],
        "realnews": realnews_articles(settings),
        "seeds": sample_articles(settings, ROOT.parent / "shared" / "corpus" / "seeds")
        if (ROOT.parent / "shared" / "corpus" / "seeds").is_dir() else [],
        f"generated ({generated})": generated_articles(settings, sample, generated),
    }
    list(full.process_articles(sample[:10]))  # warm-up: lazy indexes are built here
    list(filtered.process_articles(sample[:10]))
    bare = stock_nlp(settings)
    list(bare.pipe([a.text for a in sample[:10]]))
    return [measure(name, arts, full, filtered, rounds, bare) for name, arts in corpora.items() if arts]


@dataclass
class Floor:
    """The fastest the pre-filter can make coding on a corpus: every sentence skipped (same run as bare)."""

    corpus: str
    words: int
    bare_s: float
    full_s: float
    skip_all_s: float  # no sentence kept: tokens, rulers and NER for all, the model's look at all, the stages
    skip_all_no_look_s: float  # the same without the model's look (no sentence can be kept by the model)


def measure_floor(name: str, articles: list[Article], full: Pipeline, resources: Resources,
                  rounds: int, bare_nlp) -> Floor:  # noqa: ANN001
    """Bare ``nlp.pipe``, the full parse, and the pre-filter forced to skip every sentence (with and
    without the event model's look at them), interleaved, fastest of ``rounds``. What no pre-filter can
    beat on this text: a kept sentence only adds to these times."""
    settings = full.settings.model_copy(update={"prefilter": True, "prefilter_lead_sentences": 0})
    skip = Pipeline(settings, resources=resources)
    skip.prefilter.keep = lambda text: False  # noqa: ARG005 - no sentence passes the word test
    skip.prefilter.min_event_probability = 2.0  # the model reads every sentence and keeps none
    blind = Pipeline(settings, resources=resources)
    blind.prefilter.keep = lambda text: False  # noqa: ARG005
    blind.prefilter.classifier = None
    texts = [a.text for a in articles]
    times: dict[str, list[float]] = {"bare": [], "full": [], "skip": [], "blind": []}
    for _ in range(rounds):
        times["bare"].append(timed(lambda: list(bare_nlp.pipe(texts, batch_size=32)))[0])
        times["full"].append(timed(lambda: list(full.process_articles(articles)))[0])
        times["skip"].append(timed(lambda: list(skip.process_articles(articles)))[0])
        times["blind"].append(timed(lambda: list(blind.process_articles(articles)))[0])
    return Floor(name, sum(a.word_count for a in articles), *(min(times[k]) for k in ("bare", "full", "skip", "blind")))


def print_floor(floors: list[Floor]) -> None:
    print("pre-filter floor: every sentence skipped (parse + stages, no store), words/s against bare nlp.pipe, same run")
    print(f"{'corpus':18} {'words':>7} {'bare w/s':>9} {'full':>6} {'skip all':>9} {'skip all, no model look':>24}")
    for f in floors:
        print(f"{f.corpus:18} {f.words:7d} {f.words / f.bare_s:9.0f} {f.bare_s / f.full_s:6.2f} "
              f"{f.bare_s / f.skip_all_s:9.2f} {f.bare_s / f.skip_all_no_look_s:24.2f}")


def print_prefilter(figures: list[Figures]) -> None:
    print("parse pre-filter (petrel.prefilter), same run; ratios are words/s against bare nlp.pipe on the same text")
    print(f"{'corpus':18} {'words':>7} {'bare w/s':>9} {'full':>6} {'filter':>7} {'gain':>6} "
          f"{'sent. parsed':>13} {'words parsed':>13} {'events full':>12} {'recall':>7} {'extra':>6}")
    for f in figures:
        print(f"{f.corpus:18} {f.words:7d} {f.words / f.bare_s:9.0f} {f.bare_s / f.full_s:6.2f} "
              f"{f.bare_s / f.filtered_s:7.2f} {f.full_s / f.filtered_s:6.2f} "
              f"{f.kept:5d}/{f.sentences:<5d}{f.kept / max(1, f.sentences):.2f} {f.kept_words_share:13.2f} "
              f"{f.full_events:12d} {f.recall:7.3f} {f.filtered_events - f.both:6d}")


def save_prefilter(figures: list[Figures]) -> None:
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    rows = [{**f.__dict__, "recall": f.recall, "ratio_full": f.bare_s / f.full_s,
             "ratio_filtered": f.bare_s / f.filtered_s} for f in figures]
    (out / "prefilter.json").write_text(json.dumps(rows, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--generated", type=int, default=60, help="articles in the generated corpus")
    parser.add_argument("--floor", action="store_true", help="only the floor block: every sentence skipped")
    args = parser.parse_args()
    if args.floor:
        print_floor(bench_floor(args.rounds, args.generated))
        return
    figures = bench_prefilter(args.rounds, args.generated)
    print_prefilter(figures)
    save_prefilter(figures)


def bench_floor(rounds: int = 2, generated: int = 60) -> list[Floor]:
    """:func:`measure_floor` on the sample corpus and the generated one."""
    settings = Settings(prefilter=False)
    resources = Resources.load(settings)
    full = Pipeline(settings, resources=resources)
    sample = sample_articles(settings)
    list(full.process_articles(sample[:10]))  # warm-up
    corpora = {"sample": sample, f"generated ({generated})": generated_articles(settings, sample, generated)}
    bare = stock_nlp(settings)
    return [measure_floor(name, arts, full, resources, rounds, bare) for name, arts in corpora.items()]


if __name__ == "__main__":
    main()
