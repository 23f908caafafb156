"""The ``dates`` stage: each event's date from its own sentence, relative to the publication time.

Rules, in order (``docs/time-and-place.md`` has the full story):

1. Find the time expressions of the event's sentence and rank them by how closely they hang on the
   trigger in the dependency tree (climbing an arc costs 2, descending 1; descending into another
   clause, a relative clause or an apposition is not allowed, so "Khazali, who rose after the 2003
   invasion, said ..." does not date the saying 2003).
2. Resolve the best one under the tense of its verb (``will``/``shall`` -> future); a reported
   past event never takes a date that starts after the publication day.
3. An event inside "N days after/before <clause>" is dated from the main clause's date (its own
   expression, else the publication day) shifted by N (``petrel.dates.offsets``).
4. "at the time" / "that year" take the last date named in the two sentences before.
5. "the previous day", "two days later" count from the day of the event they refer to: an earlier date of
   the same sentence, else the main date of the sentence before (``referred_day``).
6. No expression: a past act told in the simple past continues the event of the sentence before ("The army
   launched an offensive on Monday. The strikes killed 12.") and takes its day; else the publication day,
   except for historical events (``None``).
7. An ``actual`` event whose date ends well before publication becomes ``historical``: more than
   ``historical_after_days`` for a month, a year or a range ("in 2019", "last year's"), more than
   ``REPORT_DAYS`` for a day ("On 3 May 2024, gunmen killed ...": a dated report, not background).
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from petrel.config import Settings
from petrel.dates.offsets import ClauseOffset, clause_offset, shifted
from petrel.dates.patterns import ANAPHORIC, DATELINE, FUTURE_AUX, RELATIVE_RULES
from petrel.dates.resolve import ResolvedDate, Tense, TimeExpression, add_days, day_date, find_expressions, resolve
from petrel.dates.tense import governing_verb, is_future_verb
from petrel.models import Article, EventMention
from petrel.nlp.evidence import CLAUSE_ARCS, path_arcs, sentence_of, span_head, trigger_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from petrel.state import DocState

log = logging.getLogger(__name__)

PAST_STATUSES = frozenset({"actual", "historical", "claimed", "negated"})
# a day-dated act is reported news for this long ("On 3 May 2024, gunmen killed ..." in a July description)
REPORT_DAYS = 365
SPAN_DAYS = 7  # a range of days at most this long is a monitor's span of days (places10)
MAX_COST = 10
NOUN_MODIFIER_ARCS = frozenset({"compound", "nummod", "amod", "nmod"})
# "killed 60 protesters during the 2019 uprising": a dated noun in a time frame dates the event
FRAME_PREPOSITIONS = frozenset({"during", "amid"})
# a material act told in the simple past with no time of its own continues the event of the sentence before;
# a statement (an accusation, a call, a welcome) reacting to it is dated by the report
FOLLOW_STATUSES = frozenset({"actual", "claimed"})
FOLLOW_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
LOOK_BACK = 2  # sentences
SPEECH_SIDE_COST = 3  # "said on Thursday they had arrested ...": the parse hangs the speech's day on the act
CONJUNCT_COST = 3  # "closed the border and expelled the envoy on Wednesday": a time after the last conjunct
PARTICIPLE_COST = 3  # "intercepted a ship carrying weapons on Wednesday": the parse hangs the time on "carrying"


def attachment_cost(trigger: Token, head: Token) -> float | None:
    """How closely an expression headed by ``head`` hangs on ``trigger`` (``None``: not attached). Descending
    into the trigger's own conjunct costs :data:`CONJUNCT_COST` more: a time after the last of two coordinated
    acts dates both, unless the first has its own ("left in 2009 but came back in 2013")."""
    arcs = path_arcs(trigger, head)
    if arcs is None:
        return None
    up, down = arcs
    conjunct = not up and bool(down) and down[0].dep_ == "conj" and down[0].pos_ in ("VERB", "AUX")
    checked = down[1:] if conjunct else down
    # "seized a ship carrying weapons on Wednesday": a time after an -ing participle of the object is the act's
    participles = [t for t in checked if t.dep_ == "acl" and t.tag_ == "VBG"]
    if any(t.dep_ in CLAUSE_ARCS for t in checked if t not in participles):
        return None
    cost = 2 * len(up) + len(down) + (CONJUNCT_COST if conjunct else 0) + PARTICIPLE_COST * len(participles)
    return cost if cost <= MAX_COST else None


def dates_another_thing(head: Token, trigger: Token | None) -> bool:
    """A time expression modifying a noun dates that noun ("suspended the 1960 Indus Waters Treaty"), not the
    event, unless the noun is the trigger ("the 2003 invasion") or the trigger's subject ("the 2023 attack
    killed ...": the attack is the event)."""
    noun = head.head
    if trigger is None or head.dep_ not in NOUN_MODIFIER_ARCS or noun.pos_ not in ("NOUN", "PROPN") or noun.i == head.i:
        return False
    if noun.dep_ == "pobj" and (noun.head.lower_ in FRAME_PREPOSITIONS
                                or (noun.head.lower_ == "in" and noun.head.head.i == trigger.i)):
        return False  # "during the 2019 uprising", "arrested ... in overnight raids": the act's own time frame
    return noun.i != trigger.i and not (noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == trigger.i)


def expression_tense(head: Token, status: str) -> Tense:
    """Future when the expression's verb carries ``will``/``would``/``shall``/``going to`` or is a plan's
    infinitive ("plan to hold"), whatever the event's status: a day told ahead is never a past day. For a past
    event (a promise coded as an act now: "will resume talks on Wednesday") the day ahead is then skipped by
    :func:`fits_status` and the event keeps the report's day."""
    return "future" if is_future_verb(governing_verb(head), FUTURE_AUX) else "past"


FILED_LAG_DAYS = 2  # a publication time this much after the dateline's day is the page's, not the story's


def report_time(article: Article) -> datetime | None:
    """The time relative expressions count from: the publication time, or the dateline's own day when the
    publication time is one or two days after it (a web page stamped after the story was filed: "KABUL,
    March 4 (Reuters) - ... yesterday" on a page dated March 5 means March 3)."""
    published, filed = article.published, article.filed
    if published is None or filed is None:
        return published
    lag = (published.date() - filed.date()).days
    return filed if 0 < lag <= FILED_LAG_DAYS else published


def anchor_day(published: datetime | None) -> date | None:
    return published.date() if published is not None else None


def fits_status(result: ResolvedDate, status: str, anchor: date | None) -> bool:
    """A reported past event cannot start after the publication day."""
    return anchor is None or status not in PAST_STATUSES or result.first <= anchor


def ranked_expressions(doc: Doc, sentence: Span, trigger: Token | None):
    """(cost, expression, head token) for each attached expression of the sentence, best first."""
    ranked = []
    dateline = DATELINE.match(sentence.text)
    for expr in find_expressions(sentence.text):
        if dateline is not None and expr.end <= dateline.end():
            continue  # the report's day, not the event's
        head = span_head(doc, sentence.start_char + expr.start, sentence.start_char + expr.end)
        if head is None:
            continue
        cost = attachment_cost(trigger, head) if trigger is not None else 0
        if cost is not None and trigger is not None and on_speech_side(head, trigger):
            cost += SPEECH_SIDE_COST
        if cost is not None and not dates_another_thing(head, trigger):
            gap = abs(head.idx - trigger.idx) if trigger is not None else expr.start
            ranked.append((cost, gap, expr, head))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [(cost, expr, head) for cost, _, expr, head in ranked]


def previous_date(doc: Doc, sentence: Span, published: datetime | None) -> ResolvedDate | None:
    """The last date named in the two sentences before ``sentence`` (for "at the time")."""
    before = [s for s in doc.sents if s.end <= sentence.start][-2:]
    for sent in reversed(before):
        for expr in reversed(find_expressions(sent.text)):
            result = resolve(expr, published, tense="past")
            if result is not None:
                return result
    return None


def sentence_date(doc: Doc, event: EventMention, published: datetime | None) -> ResolvedDate | None:
    """The date the event's own sentence gives it, or ``None`` if the sentence names none."""
    sentence = sentence_of(doc, event.evidence)
    if sentence is None:
        return None
    trigger = trigger_token(doc, event.evidence, sentence)
    anchor = anchor_day(published)
    offset = clause_offset(sentence) if trigger is not None else None
    if offset is not None and offset.contains(trigger):
        result = offset_date(doc, sentence, offset, event.status, published)
        if result is not None:
            return result
    for _cost, expr, head in ranked_expressions(doc, sentence, trigger):
        result = resolve_in(doc, sentence, expr, published, tense=expression_tense(head, event.status))
        if result is not None and fits_status(result, event.status, anchor):
            return result
    framed = framing_date(sentence.text, published, event.status, anchor)
    if framed is not None:
        return framed
    if ANAPHORIC.search(sentence.text):
        return previous_date(doc, sentence, published)
    if (event.status in FOLLOW_STATUSES and event.type in FOLLOW_TYPES and trigger is not None
            and told_in_simple_past(trigger)):
        day = referred_day(doc, sentence, published)
        if day is not None:
            return day_date(day, text="(the day of the sentence before)")
    return None


def on_speech_side(head: Token, trigger: Token) -> bool:
    """An expression between a speech verb and the subject of the clause it reports ("said on Thursday they
    had arrested ..."): the parse often hangs it on the reported act, but it dates the saying."""
    if trigger.dep_ != "ccomp" or not trigger.head.i < head.i < trigger.i:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") and head.i < c.i < trigger.i for c in trigger.children)


def told_in_simple_past(trigger: Token) -> bool:
    """The verb governing the trigger is a simple past ("killed", "were detained", "did attack")."""
    verb = governing_verb(trigger)
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ in ("VBN", "VBG", "VB") and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lemma_ in ("be", "do") for c in verb.children)


def resolve_in(doc: Doc, sentence: Span, expr: TimeExpression, published: datetime | None, *, tense: Tense,
               depth: int = 0) -> ResolvedDate | None:
    """Resolve ``expr`` of ``sentence``; one counted from another event ("the previous day", "two days later")
    counts from that event's day (:func:`referred_day`), else from publication."""
    if expr.rule not in RELATIVE_RULES:
        return resolve(expr, published, tense=tense)
    base = referred_day(doc, sentence, published, before=expr.start, depth=depth + 1) if depth < LOOK_BACK else None
    # counted forward from a past day it may land after that day: checked against publication, not the base
    result = resolve(expr, base if base is not None else published, tense="future" if base is not None else tense)
    anchor = anchor_day(published)
    return result if result is None or anchor is None or result.first <= anchor or tense == "future" else None


def referred_day(doc: Doc, sentence: Span, published: datetime | None, *, before: int | None = None,
                 depth: int = 0) -> date | None:
    """The day of the event the text refers back to: a day named earlier in ``sentence`` (before character
    ``before``), else the main day of the nearest of the :data:`LOOK_BACK` sentences before that names a time.
    ``None`` when that time is not a day on or before publication (a month, a year, a day ahead)."""
    anchor = anchor_day(published)
    if before is not None:
        for expr in reversed([e for e in find_expressions(sentence.text[:before]) if e.rule not in RELATIVE_RULES]):
            result = resolve(expr, published, tense="past")
            if result is not None:
                return result.first if result.precision == "day" else None
    for sent in reversed([s for s in doc.sents if s.end <= sentence.start][-LOOK_BACK:]):
        found = find_expressions(sent.text)
        if not found:
            continue
        # the expressions on the sentence's main verb first; else any ("said it killed 20 on Monday")
        ranked = [(expr, head) for _cost, expr, head in ranked_expressions(doc, sent, sent.root)] or [
            (expr, span_head(doc, sent.start_char + expr.start, sent.start_char + expr.end)) for expr in found]
        for expr, head in ranked:
            if head is not None and is_future_verb(governing_verb(head), FUTURE_AUX):
                return None  # the sentence tells what will happen: no day to carry on
            result = resolve_in(doc, sent, expr, published, tense="past", depth=depth)
            if result is not None:
                day_ok = result.precision == "day" and (anchor is None or result.first <= anchor)
                return result.first if day_ok else None
        return None
    return None


# "On 3 May 2024, ...", "Around 14 June 2024 (as reported), ...": a date that opens the sentence frames it
FRAME_CHARS = 60
FRAME_LEAD = re.compile(r"^\W*(?:(?:on or around|on or about|on|around|about|circa|approximately|by|early on|late on|in|"
                        r"during)\s+)?$",
                        re.IGNORECASE)


def framing_date(text: str, published: datetime | None, status: str, anchor: date | None) -> ResolvedDate | None:
    """A date expression that opens the sentence ("On 3 May 2024,", "Around 14 June 2024 (as reported),")
    dates every event of it, however the parser hangs it (a parenthesis often detaches it)."""
    found = find_expressions(text[:FRAME_CHARS])  # only an opening date frames: the sentence's head is enough
    if not found or not FRAME_LEAD.match(text[:found[0].start]):
        return None
    result = resolve(found[0], published, tense="past" if status in PAST_STATUSES else "future")
    return result if result is not None and fits_status(result, status, anchor) else None


def offset_date(doc: Doc, sentence: Span, offset: ClauseOffset, status: str,
                published: datetime | None) -> ResolvedDate | None:
    """The inner event's date: the main clause's date (else the publication day) moved by the offset."""
    anchor = anchor_day(published)
    main = None
    for _cost, expr, head in ranked_expressions(doc, sentence, offset.main):
        if not offset.contains(head):
            main = resolve(expr, published, tense="past")
            if main is not None:
                break
    if main is None and anchor is not None:
        main = day_date(anchor)
    result = shifted(main, offset) if main is not None else None
    return result if result is not None and fits_status(result, status, anchor) else None


def adjusted_status(status: str, result: ResolvedDate | None, anchor: date | None, *, after_days: int) -> str:
    """``actual`` becomes ``historical`` when the date clearly ends before publication: more than
    ``after_days`` for a coarse date (month, year, range: background), more than :data:`REPORT_DAYS` for a
    day (an act given its day is the report's own news, as in a monitoring description of last spring)."""
    if status != "actual" or result is None or anchor is None or result.vague:
        return status
    days = max(after_days, REPORT_DAYS) if result.precision == "day" or few_days(result) else after_days
    return "historical" if result.last < add_days(anchor, -days) else status


def few_days(result: ResolvedDate) -> bool:
    """A span of a few given days ("between 1 and 3 June"): dated like one day, not like background."""
    return result.precision == "range" and len(result.value) == 21 and (result.last - result.first).days <= SPAN_DAYS


class DateStage:
    """Sets ``event.date``, ``event.date_precision`` and may turn ``actual`` into ``historical``."""

    name = "dates"
    reads = ("doc", "article.published", "events")
    adds = ("event.date", "event.date_precision")
    # the one field of an earlier stage a later one writes, declared (as spaCy's ``overwrite_ents``): an
    # ``actual`` event whose own date lies well before the report is ``historical`` (adjusted_status); the
    # events stage cannot know, it has no date
    overrides = ("event.status",)

    def __init__(self, settings: Settings | None = None, *, historical_after_days: int = 30) -> None:
        self.settings = settings or Settings()
        self.historical_after_days = historical_after_days

    def __call__(self, state: DocState) -> None:
        published = report_time(state.article)
        for event in state.events:
            self.date_event(state.doc, event, published)

    def date_event(self, doc: Doc, event: EventMention, published: datetime | None) -> None:
        anchor = anchor_day(published)
        result = sentence_date(doc, event, published)
        if result is None and anchor is not None and event.status != "historical":
            result = day_date(anchor)
        else:
            event.status = adjusted_status(event.status, result, anchor, after_days=self.historical_after_days)
        event.date = result.value if result else None
        event.date_precision = result.precision if result else None
