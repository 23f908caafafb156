"""Readers of the labelled sets in ``Settings.eval_dir`` (one module per set), each returning typed records.

The files are read where they are, at run time; nothing of them is copied into petrel.

================  ==============================================  ===============================
set               file (relative to ``eval_dir``)                  reader
================  ==============================================  ===============================
plover            ``plover-gsr/PLOVER_GSR_CAMEO.json``             :func:`read_plover`
petr2             ``petrarch-validation/petr2-gsr/...xml``         :func:`read_petr2`
conflibert        ``conflibert-cameo/cameo_class/train.tsv``       :func:`read_pentaclass`
conflibert spans  ``conflibert-cameo/cameo_ner/train.txt``         :func:`read_spans`
seeds             ``seeds/gold.jsonl``, ``seeds/metadata.jsonl``   :func:`read_seed_events`, ...
re3d              ``re3d/*/documents.json``, ``entities.json``     :func:`read_re3d`
realnews          ``Settings.realnews_dir`` (in the repository)    :func:`read_realnews`
================  ==============================================  ===============================
"""

from petrel.evaluation.readers.conflibert import PENTA_FILE, SPAN_FILE, read_pentaclass, read_spans
from petrel.evaluation.readers.petrarch import PETR2_FILE, read_petr2
from petrel.evaluation.readers.plover import PLOVER_FILE, PLOVER_RENAMES, read_plover
from petrel.evaluation.readers.re3d import RE3D_DIR, read_re3d
from petrel.evaluation.readers.realnews import check_realnews, read_realnews
from petrel.evaluation.readers.seeds import (
    SEED_GOLD_FILE,
    SEED_METADATA_FILE,
    read_seed_events,
    read_seed_metadata,
    seed_articles_dir,
)

__all__ = [
    "PENTA_FILE", "PETR2_FILE", "check_realnews", "read_realnews", "PLOVER_FILE", "PLOVER_RENAMES", "RE3D_DIR", "read_re3d", "SEED_GOLD_FILE", "SEED_METADATA_FILE",
    "SPAN_FILE", "read_pentaclass", "read_petr2", "read_plover", "read_seed_events", "read_seed_metadata",
    "read_spans", "seed_articles_dir",
]
