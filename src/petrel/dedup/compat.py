"""When two event mentions can be the same real-world event: the documented tables and SQL predicates.

Everything here is a constant table or a function returning a SQL fragment over two aliases (``a``, ``b``)
of the node table built by :mod:`petrel.dedup.merge` (one node = mentions with identical coded fields).

Rules (all must hold):

- type: the same PLOVER type; or the event model's reading of both sentences (``model_label``) is one type
  and the model set at least one of the two types (origin ``relabelled`` or ``model``); or two types of one
  ``TYPE_FAMILIES`` family (coders often disagree there)
  but then only on the same day and with a matching known city/point place or both actors known and
  matching.
- actors: source with source and target with target (either order for ``SYMMETRIC_TYPES``). Two actors
  are compatible when both have a knowledge-base id and the ids are equal; otherwise when their countries
  are equal and their sectors overlap (or one has none); with neither id nor country, when their names
  are equal. A missing target is compatible with any target (a partial report of the same happening);
  for symmetric types the one known actor may stand on either side of the other report.
- status: within one ``STATUS_GROUPS`` group (something that happened, reported as actual, historical or
  claimed; a future plan; a hypothetical; a negation).
- dates: both to the day and at most ``dedup_window_days`` apart; or both coarser (month, year, range)
  with overlapping ranges; or both undated and published at most ``story_window_days`` apart; or one
  undated and the other to the day, at most ``story_window_days`` before the undated one's publication
  (an undated recall of a recent event); or one to the day and the other a month (at most ``MONTH_DAYS``
  long) that contains the day ("on Tuesday" / "in March"). A day never merges with a year or longer range.
- place: unknown on either side; or both statements (``PLACE_FREE_TYPES``); or both city/point with coordinates within ``PLACE_KM``; or both
  city/point without coordinates and the same name; or (coarser) the same country and admin1 if both
  have one.
- anonymous sides: when neither report names anybody (no knowledge-base id, every side an unknown
  perpetrator, resolution ``unknown``, or only of ``ANONYMOUS_SECTORS``: "gunmen killed civilians", "residents protested"), a matching fine place
  on both sides is required: the shared word "civilians" says nothing about which event it was.
- article: two groups that share an article but not a sentence do not link (two different events of one
  article stay two); mentions of one sentence may link (a coder may emit A->B and B->A for one meeting).

Links are transitive, so a vague mention (no target, place or date) could chain distinct events: a vague
node keeps only its best link (then the better-attested one). After the
connected components, a cluster holding two nodes in *hard conflict* (one article; day dates further
apart than the window; disjoint coarse dates; a day outside a coarse date; two fine places that do not match) is re-clustered greedily,
best pair first (ties: the better-attested pair), never joining two clusters in hard conflict.
"""

from __future__ import annotations

TYPE_FAMILIES: dict[str, str] = {
    "ASSAULT": "FORCE", "COERCE": "FORCE",  # "raided" / "attacked", "detained" / "beat"
    # "signed a pact", "agreed to joint patrols", "backed", "helped": coders split these four
    "AGREE": "HELP", "AID": "HELP", "COOPERATE": "HELP", "SUPPORT": "HELP",
}
SYMMETRIC_TYPES: tuple[str, ...] = ("CONSULT", "AGREE", "COOPERATE")
STATUS_GROUPS: dict[str, str] = {
    "actual": "occurred", "historical": "occurred", "claimed": "occurred",
    "future": "future", "hypothetical": "hypothetical", "negated": "negated",
}
FINE_PLACES: tuple[str, ...] = ("point", "city")
# statements: the place an outlet gives is where it was said or reported (Nairobi) or what it was about
# (Mandera), so places do not separate two reports of one statement
PLACE_FREE_TYPES: tuple[str, ...] = ("ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN")
PLACE_KM = 50.0
# sectors that say nobody in particular: two events whose sides are only these merge only on a fine place
ANONYMOUS_SECTORS: tuple[str, ...] = ("CVL",)
UNKNOWN_NAME = "unidentified attackers"  # the coder's unknown perpetrator (petrel.coding.unnamed.UNKNOWN_ATTACKER)
PLACE_RANK: dict[str, int] = {"point": 0, "city": 1, "admin1": 2, "country": 3, "region": 4}
MAX_YEARS = 5  # a range date is blocked under at most this many of its years
MONTH_DAYS = 31  # a coarse date at most this many days long is a month: a day inside it may be the same event


def unknown_name(side: str) -> str:
    """The side's name for matching (``m`` the event_mentions alias): an unknown perpetrator (resolution
    ``unknown``: "unidentified gunmen", "unknown assailants") is the one ``UNKNOWN_NAME`` whatever its words,
    so two reports of it compare as unknown, never as somebody."""
    return (f"(CASE WHEN m.{side}_resolution = 'unknown' THEN '{UNKNOWN_NAME}' "
            f"ELSE lower(trim(m.{side}_name)) END)")


def case_map(column: str, table: dict[str, str], default: str) -> str:
    """``CASE column WHEN k THEN v ... ELSE default END`` from a constant table."""
    whens = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in sorted(table.items()))
    return f"(CASE {column} {whens} ELSE {default} END)"


def actor_ok(a: str, b: str) -> str:
    """Two actors compatible; ``a``/``b`` are column prefixes such as ``a.s`` and ``b.t``.

    Different knowledge-base ids still pass on the same country and overlapping sectors (outlets name
    different parts of one actor: "the United Nations" and "the World Food Programme").
    """
    return f"""(CASE
        WHEN {a}id IS NOT NULL AND {a}id = {b}id THEN true
        WHEN {a}cty IS NOT NULL AND {b}cty IS NOT NULL THEN {a}cty = {b}cty
             AND ({a}mask = 0 OR {b}mask = 0 OR ({a}mask & {b}mask) <> 0)
        WHEN {a}mask <> 0 AND {b}mask <> 0 THEN ({a}mask & {b}mask) <> 0
        ELSE coalesce({a}name = {b}name, false) END)"""


def actor_score(a: str, b: str) -> str:
    return f"""(CASE WHEN {a}id IS NOT NULL AND {a}id = {b}id THEN 1.0
        WHEN {a}id IS NOT NULL AND {b}id IS NOT NULL THEN 0.7
        WHEN len({a}sec) > 0 AND {a}sec = {b}sec THEN 0.9 ELSE 0.8 END)"""


def target_ok(a: str, b: str) -> str:
    return f"(NOT {a}known OR NOT {b}known OR {actor_ok(a, b)})"


def actors_ok() -> str:
    straight = f"({actor_ok('a.s', 'b.s')} AND {target_ok('a.t', 'b.t')})"
    swapped = f"(a.sym AND a.tknown AND b.tknown AND {actor_ok('a.s', 'b.t')} AND {actor_ok('a.t', 'b.s')})"
    # "Argentina's minister held talks" (no target) is one side of "Chile's minister met Argentina's"
    one_side = (f"(a.sym AND ((NOT a.tknown AND b.tknown AND {actor_ok('a.s', 'b.t')})"
                f" OR (a.tknown AND NOT b.tknown AND {actor_ok('a.t', 'b.s')})))")
    return f"({straight} OR {swapped} OR {one_side})"


def dates_ok(window_days: int, story_days: int) -> str:
    """Dates compatible (an undated mention may join a day-dated one it could be recalling)."""
    return f"""(CASE
        WHEN a.ds IS NULL AND b.ds IS NULL
             THEN a.pub_min - b.pub_max <= {story_days} AND b.pub_min - a.pub_max <= {story_days}
        WHEN a.ds IS NULL THEN b.precise AND b.ds <= a.pub_max AND a.pub_min - b.ds <= {story_days}
        WHEN b.ds IS NULL THEN a.precise AND a.ds <= b.pub_max AND b.pub_min - a.ds <= {story_days}
        WHEN a.precise AND b.precise THEN abs(a.ds - b.ds) <= {window_days}
        WHEN a.precise THEN {day_in_month('a', 'b')}
        WHEN b.precise THEN {day_in_month('b', 'a')}
        ELSE a.ds <= b.de AND b.ds <= a.de END)"""


def month_like(n: str) -> str:
    """A coarse date no longer than a month ("in March", "March 2026")."""
    return f"({n}.de - {n}.ds < {MONTH_DAYS})"


def day_in_month(day: str, coarse: str) -> str:
    """A day date and a month date are compatible when the day falls in the month (a year is too coarse)."""
    return f"({month_like(coarse)} AND {day}.ds BETWEEN {coarse}.ds AND {coarse}.de)"


def date_score(window_days: int, story_days: int) -> str:
    return f"""(CASE WHEN a.ds IS NULL AND b.ds IS NULL THEN 0.5
        WHEN a.ds IS NULL THEN 0.5 - 0.3 * (a.pub_min - b.ds) / ({story_days} + 1.0)
        WHEN b.ds IS NULL THEN 0.5 - 0.3 * (b.pub_min - a.ds) / ({story_days} + 1.0)
        WHEN a.precise AND b.precise THEN 1.0 - abs(a.ds - b.ds) / ({window_days} + 1.0)
        WHEN a.precise OR b.precise THEN 0.7
        ELSE 0.8 END)"""


def vague(n: str) -> str:
    """A node missing its target, its place or its date: it links only to its best match."""
    return f"(NOT {n}.tknown OR NOT {n}.pknown OR {n}.ds IS NULL OR {n}.scty IS NULL)"


def same_article() -> str:
    """The nodes share an article but not a sentence (one sentence may yield A->B and B->A of one event)."""
    return "(list_has_any(a.docs, b.docs) AND NOT list_has_any(a.sents, b.sents))"


def hard_conflict(window_days: int) -> str:
    """Two nodes that may never share an event, even through a third: one article, two dates, two places."""
    return f"""({same_article()}
        OR (a.precise AND b.precise AND abs(a.ds - b.ds) > {window_days})
        OR (NOT a.precise AND NOT b.precise AND (a.ds > b.de OR b.ds > a.de))
        OR (a.precise AND NOT b.precise AND b.ds IS NOT NULL AND NOT a.ds BETWEEN b.ds AND b.de)
        OR (b.precise AND NOT a.precise AND a.ds IS NOT NULL AND NOT b.ds BETWEEN a.ds AND a.de)
        OR (a.pfine AND b.pfine AND NOT {places_ok()}))"""


def distance_km() -> str:
    """Haversine distance between the two nodes' coordinates."""
    return """(12742.0 * asin(sqrt(
        pow(sin(radians(b.lat - a.lat) / 2), 2)
        + cos(radians(a.lat)) * cos(radians(b.lat)) * pow(sin(radians(b.lon - a.lon) / 2), 2))))"""


def places_ok() -> str:
    return f"""(CASE
        WHEN NOT a.pknown OR NOT b.pknown OR (a.placefree AND b.placefree) THEN true
        WHEN a.pfine AND b.pfine AND a.lat IS NOT NULL AND b.lat IS NOT NULL THEN {distance_km()} <= {PLACE_KM}
        WHEN a.pfine AND b.pfine THEN a.pname = b.pname
        ELSE coalesce(a.pcty = b.pcty, true) AND (a.padm IS NULL OR b.padm IS NULL OR a.padm = b.padm) END)"""


def place_strong() -> str:
    """A known fine place on both sides that matches (required for a cross-type merge)."""
    return f"(a.pknown AND b.pknown AND a.pfine AND b.pfine AND {places_ok()})"


def place_score() -> str:
    return "(CASE WHEN NOT a.pknown OR NOT b.pknown THEN 0.6 WHEN a.pfine AND b.pfine THEN 1.0 ELSE 0.8 END)"


def model_label(m: str) -> str:
    """The event model's label of mention ``m``'s sentence, NULL for none or ``NONE``."""
    return f"nullif({m}.model_label, 'NONE')"


def model_agrees() -> str:
    """The model reads both sentences as one type and the model set at least one of the two types (a
    relabelled or model-proposed mention). One outlet's sentence may clear the relabel threshold and another's
    not, or the coder's conventions may turn a proposed type into another ("will send troops": THREATEN): the
    shared reading is what the two reports have in common."""
    return "coalesce(a.mlabel = b.mlabel AND (a.by_model OR b.by_model), false)"


def types_ok() -> str:
    """Same type; or the model's reading shared (:func:`model_agrees`); or one family, the same day and either
    a matching fine place or the same full dyad."""
    dyad = f"(a.tknown AND b.tknown AND {actor_ok('a.s', 'b.s')} AND {actor_ok('a.t', 'b.t')})"
    return (f"(a.type = b.type OR {model_agrees()} OR (a.family = b.family AND a.precise AND b.precise AND a.ds = b.ds"
            f" AND ({place_strong()} OR {dyad})))")


def anonymous(n: str) -> str:
    """Node ``n`` (or, with ``n=""``, the current row) names nobody: each side is no one in particular, without a knowledge-base id ("unidentified
    attackers", or a phrase whose sectors are all ``ANONYMOUS_SECTORS``: "civilians", "residents"). A
    country alone (no sector) is somebody."""
    p = f"{n}." if n else ""

    def nobody(side: str) -> str:
        return (f"({p}{side}id IS NULL AND ({p}{side}name = '{UNKNOWN_NAME}' OR (len({p}{side}sec) > 0"
                f" AND len(list_filter({p}{side}sec, x -> x NOT IN ({anon}))) = 0)))")
    anon = ", ".join(f"'{s}'" for s in ANONYMOUS_SECTORS)
    return f"({nobody('s')} AND (NOT {p}tknown OR {nobody('t')}))"


def pair_predicate(window_days: int, story_days: int) -> str:
    """The whole compatibility test of two nodes ``a`` and ``b`` sharing a block. Two reports that name
    nobody ("gunmen killed civilians") share only the words of their sectors: they merge only on a matching
    town or point, never on a country or an unknown place alone."""
    return (f"a.sgroup = b.sgroup AND {actors_ok()} AND {dates_ok(window_days, story_days)} AND {types_ok()}"
            f" AND {places_ok()} AND NOT {same_article()}"
            f" AND NOT ({anonymous('a')} AND {anonymous('b')} AND NOT {place_strong()})")


def pair_score(window_days: int, story_days: int) -> str:
    """Mean of five parts in [0, 1]: type, source, target, date, place."""
    type_part = "(CASE WHEN a.type = b.type THEN 1.0 ELSE 0.7 END)"
    target_part = f"(CASE WHEN a.tknown AND b.tknown THEN {actor_score('a.t', 'b.t')} ELSE 0.6 END)"
    parts = [type_part, actor_score("a.s", "b.s"), target_part, date_score(window_days, story_days), place_score()]
    return f"round(({' + '.join(parts)}) / 5.0, 3)"


def pair_reason() -> str:
    """Readable reason, e.g. ``same type ASSAULT; actors USA/MIL->IRQ; dates 2011~2011; place Iraq``."""
    return """concat_ws('; ',
        CASE WHEN a.type = b.type THEN 'same type ' || a.type ELSE 'compatible types ' || a.type || '/' || b.type END,
        'actors ' || a.slabel || '->' || coalesce(a.tlabel, b.tlabel, '?')
            || CASE WHEN a.slabel <> b.slabel OR a.tlabel IS DISTINCT FROM b.tlabel
                    THEN ' ~ ' || b.slabel || '->' || coalesce(b.tlabel, '?') ELSE '' END,
        'dates ' || coalesce(a.dlabel, 'undated') || '~' || coalesce(b.dlabel, 'undated'),
        'place ' || coalesce(a.plabel, b.plabel, 'unknown')
            || CASE WHEN a.plabel IS NOT NULL AND b.plabel IS NOT NULL AND a.plabel <> b.plabel
                    THEN '~' || b.plabel ELSE '' END,
        'status ' || a.sgroup)"""
