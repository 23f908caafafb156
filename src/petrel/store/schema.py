"""DuckDB schema of the petrel store. One statement per table; ``create_schema`` is idempotent.

Tables
- ``articles``: one row per input, ingested or rejected (``status`` ok|rejected|duplicate, ``reason``).
- ``actors``: knowledge-base actors that appeared, and actors resolved from context.
- ``mentions``: spans of articles linked to actors.
- ``quotes``: direct and indirect quotes with their speaker.
- ``event_mentions``: one row per event coded from one sentence of one article (never changed by dedup).
- ``events``: real-world events; each groups one or more event mentions (rebuilt by dedup, so reversible).
  Besides the representative mention's coding it carries that mention's ``evidence`` (sentence, offsets,
  trigger) and ``mention_docs`` (one ``{doc_id, outlet, published}`` per reporting document, with that
  document's own evidence: ``mention_id, sentence, start, end, trigger, trigger_start``), so a page
  of events is read from ``events`` alone.
- ``merge_log``: why each event mention joined its event.
- ``stories`` / ``story_articles``: articles and events grouped into stories.
- ``article_minhash`` / ``article_pairs``: MinHash signature and LSH bands of each article, and the
  article pairs whose estimated Jaccard passed the similarity floor (written by dedup, so each batch
  hashes only its new articles).
"""

from __future__ import annotations

import duckdb

from petrel.errors import StoreError

SCHEMA_VERSION = 6  # 2: events.evidence and events.mention_docs; 3: event_mentions.origin, model_label, model_score;
# 4: each mention_docs entry carries its sentence, offsets and trigger; place_basis;
# 5: event_mentions.provenance (VARCHAR[]) and repeats (VARCHAR[][]): the typed provenance, and the
# representative mention's on events (MIGRATIONS);
# 6: event_mentions.blend (what the event model's blend did: kept|proposed|relabelled, NULL when the model
# took no part), and the representative mention's model_label, model_score and blend on events: the
# columns of one petrel.models.Provenance (``provenance`` is its rules then its entry; ``origin`` and
# ``rule`` are derived from it, kept for SQL written against older schemas)

_TO_5 = tuple(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column}" for table in ("event_mentions", "events")
              for column in ("provenance VARCHAR[]", "repeats VARCHAR[][]"))
_TO_6 = (
    "ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS blend VARCHAR",
    # what the blend did, read back from what schema 3 to 5 stored: who decided, and whether the model read it
    "UPDATE event_mentions SET blend = CASE WHEN origin = 'model' THEN 'proposed' WHEN origin = 'relabelled' "
    "THEN 'relabelled' WHEN model_label IS NOT NULL THEN 'kept' END",
    *(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column}"
      for column in ("model_label VARCHAR", "model_score DOUBLE", "blend VARCHAR")),
    "UPDATE events SET model_label = m.model_label, model_score = m.model_score, blend = m.blend "
    "FROM event_mentions m WHERE m.mention_id = events.rep_mention_id",
)
# how a database of an older schema is brought to this one, in place, by a writer: version -> statements.
# Rows stored before 5 keep their ``rule`` text and get an empty provenance (NULL): the text is not parsed
# back (a lexicon entry's text may hold "<" or "+").
MIGRATIONS: dict[str, tuple[str, ...]] = {"4": (*_TO_5, *_TO_6), "5": _TO_6}
# versions read-only readers accept as they are (the columns a version lacks read as NULL: see has_column)
READABLE_VERSIONS = frozenset({"4", "5", str(SCHEMA_VERSION)})

EVIDENCE_TYPE = ('STRUCT(doc_id VARCHAR, sentence VARCHAR, start INTEGER, "end" INTEGER, trigger VARCHAR, '
                 "trigger_start INTEGER, mention_id VARCHAR)")
MENTION_DOCS_TYPE = ('STRUCT(doc_id VARCHAR, outlet VARCHAR, published TIMESTAMP, mention_id VARCHAR, sentence VARCHAR, '
                     'start INTEGER, "end" INTEGER, trigger VARCHAR, trigger_start INTEGER)[]')

TABLES: dict[str, str] = {
    "meta": """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    "articles": """CREATE TABLE IF NOT EXISTS articles (
        doc_id VARCHAR PRIMARY KEY, source VARCHAR, fmt VARCHAR, status VARCHAR NOT NULL,
        reason_code VARCHAR, reason VARCHAR, url VARCHAR, outlet VARCHAR, published TIMESTAMP,
        title VARCHAR, section VARCHAR, wire_credit VARCHAR, dateline VARCHAR, text VARCHAR,
        word_count INTEGER, content_hash VARCHAR, near_dup_of VARCHAR, near_dup_score DOUBLE,
        story_id VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp)""",
    "actors": """CREATE TABLE IF NOT EXISTS actors (
        actor_id VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, sectors VARCHAR[],
        kind VARCHAR, resolution VARCHAR, aliases VARCHAR[], first_doc VARCHAR)""",
    "mentions": """CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR, actor_id VARCHAR,
        name VARCHAR, country VARCHAR, sectors VARCHAR[], resolution VARCHAR)""",
    "quotes": """CREATE TABLE IF NOT EXISTS quotes (
        quote_id VARCHAR PRIMARY KEY, doc_id VARCHAR, speaker_name VARCHAR, speaker_actor_id VARCHAR,
        speaker_country VARCHAR, cue VARCHAR, content VARCHAR, start_char INTEGER, end_char INTEGER,
        kind VARCHAR)""",
    "event_mentions": """CREATE TABLE IF NOT EXISTS event_mentions (
        mention_id VARCHAR PRIMARY KEY, event_id VARCHAR, doc_id VARCHAR, outlet VARCHAR,
        published TIMESTAMP, type VARCHAR, mode VARCHAR, context VARCHAR[], cameo VARCHAR,
        quad_class TINYINT, goldstein DOUBLE, status VARCHAR,
        source_name VARCHAR, source_actor_id VARCHAR, source_country VARCHAR, source_sector VARCHAR[],
        source_resolution VARCHAR,
        target_name VARCHAR, target_actor_id VARCHAR, target_country VARCHAR, target_sector VARCHAR[],
        target_resolution VARCHAR,
        date VARCHAR, date_precision VARCHAR, date_start DATE, date_end DATE,
        place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
        place_precision VARCHAR, place_basis VARCHAR,
        sentence VARCHAR, sent_start INTEGER, sent_end INTEGER, trigger VARCHAR, trigger_start INTEGER,
        rule VARCHAR, confidence DOUBLE, quote_id VARCHAR,
        origin VARCHAR, model_label VARCHAR, model_score DOUBLE, provenance VARCHAR[], repeats VARCHAR[][],
        blend VARCHAR)""",
    "events": """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, type VARCHAR, mode VARCHAR, context VARCHAR[], cameo VARCHAR,
        quad_class TINYINT, goldstein DOUBLE, status VARCHAR,
        source_name VARCHAR, source_actor_id VARCHAR, source_country VARCHAR, source_sector VARCHAR[],
        target_name VARCHAR, target_actor_id VARCHAR, target_country VARCHAR, target_sector VARCHAR[],
        date VARCHAR, date_precision VARCHAR, date_start DATE, date_end DATE,
        place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
        place_precision VARCHAR, place_basis VARCHAR,
        num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
        first_seen TIMESTAMP, last_seen TIMESTAMP, confidence DOUBLE, story_id VARCHAR,
        rep_mention_id VARCHAR, num_copies INTEGER,
        evidence """ + EVIDENCE_TYPE + """, mention_docs """ + MENTION_DOCS_TYPE + """,
        provenance VARCHAR[], repeats VARCHAR[][], model_label VARCHAR, model_score DOUBLE, blend VARCHAR)""",
    "merge_log": """CREATE TABLE IF NOT EXISTS merge_log (
        mention_id VARCHAR, event_id VARCHAR, merged_with VARCHAR, reason VARCHAR, score DOUBLE)""",
    "article_minhash": """CREATE TABLE IF NOT EXISTS article_minhash (
        doc_id VARCHAR PRIMARY KEY, sig BLOB, bands UBIGINT[])""",
    "article_pairs": """CREATE TABLE IF NOT EXISTS article_pairs (
        doc_a VARCHAR, doc_b VARCHAR, score DOUBLE)""",
    "stories": """CREATE TABLE IF NOT EXISTS stories (
        story_id VARCHAR PRIMARY KEY, title VARCHAR, first_published TIMESTAMP, last_published TIMESTAMP,
        num_articles INTEGER, num_events INTEGER, num_sources INTEGER, top_actors VARCHAR[])""",
}

INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS em_doc ON event_mentions(doc_id)",
    "CREATE INDEX IF NOT EXISTS em_event ON event_mentions(event_id)",
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id)",
)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table and index that is missing, after migrating a database of an older schema listed
    in :data:`MIGRATIONS`; refuse a database written with any other schema.

    One transaction: each statement on its own would be a commit of its own (a write to the file's log
    and a sync each, 15 of them at every open)."""
    found = _version(con)
    if found is not None and found != str(SCHEMA_VERSION) and found not in MIGRATIONS:
        raise _other_version(found)
    con.execute("BEGIN TRANSACTION")
    try:
        for ddl in MIGRATIONS.get(found or "", ()):
            con.execute(ddl)
        for ddl in TABLES.values():
            con.execute(ddl)
        for ddl in INDEXES:
            con.execute(ddl)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def check_schema_version(con: duckdb.DuckDBPyConnection) -> None:
    """Raise :class:`StoreError` when a read-only reader cannot read the database: its schema is neither
    this one nor one of :data:`READABLE_VERSIONS` (a writer migrates those in place)."""
    found = _version(con)
    if found is not None and found not in READABLE_VERSIONS:
        raise _other_version(found)


def has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    """Whether ``table`` has ``column`` (a database of an older readable schema may lack it)."""
    return bool(con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = ? "
                            "AND column_name = ?", [table, column]).fetchone()[0])


def _version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The database's schema version; None for a new database."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
    if not has_meta:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row[0] if row else None


def _other_version(found: str) -> StoreError:
    return StoreError(f"this database has petrel schema {found}, this petrel writes schema {SCHEMA_VERSION}: "
                      "ingest into a new database file", found=found, expected=SCHEMA_VERSION)
