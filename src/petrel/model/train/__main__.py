"""``python -m petrel.model.train [CORPUS] [--out DIR]``: train the event model and export it.

Needs the ``train`` extra (torch, the packaged MiniLM weights). ``make model`` runs it with the repo's
``training/`` folder and writes into ``src/petrel/data/model``.
"""

from __future__ import annotations

import argparse
import json
import random
import logging
from pathlib import Path

from petrel.model.train.augment import SHARE, vary_register
from petrel.model.train.data import corpus_digest, load_corpus, split

log = logging.getLogger("petrel.model.train")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petrel.model.train")
    parser.add_argument("corpus", nargs="?", default="training", type=Path)
    parser.add_argument("--out", default=Path("src/petrel/data/model"), type=Path)
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--frozen-layers", type=int, default=None)
    parser.add_argument("--valid-share", type=float, default=0.1)
    parser.add_argument("--limit", type=int, default=None,
                        help="train on the first N training sentences only (a smoke run of the whole path)")
    parser.add_argument("--frame-share", type=float, default=SHARE,
                        help="share of training sentences given a date, dateline or attribution frame")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    from petrel.model.train.export import calibration_texts, export
    from petrel.model.train.fit import FitSettings, fit

    changes = {k: v for k, v in (("epochs", args.epochs), ("frozen_layers", args.frozen_layers)) if v is not None}
    settings = FitSettings(**changes)
    rows, test, problems = load_corpus(args.corpus)
    for p in problems:
        log.warning("dropped %s", p)
    train, valid = split(rows, args.valid_share, settings.seed)
    if args.limit:
        pick = random.Random(settings.seed)
        train = pick.sample(train, min(args.limit, len(train)))
        valid = pick.sample(valid, min(max(1, args.limit // 5), len(valid)))
    calibration = calibration_texts([r.text for r in train], settings.seed)  # unframed, as `quantise --calibrate`
    train = vary_register(train, settings.seed, args.frame_share)
    log.info("%d training sentences (%d train, %d valid), %d test", len(rows), len(train), len(valid), len(test))
    net, history = fit(train, valid, settings)
    meta = {"corpus_digest": corpus_digest(rows), "train_rows": len(train), "valid_rows": len(valid),
            "test_rows": len(test), "settings": settings.to_dict(), "history": history,
            "max_len": settings.max_len, "frame_share": args.frame_share}
    path = export(net, args.out, meta, calibration)
    log.info("wrote %s (%.1f MB)", path, path.stat().st_size / 1e6)
    print(json.dumps(history[-1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
