"""Quotes: who said what, direct ("...," he said) and indirect (X said that ..., according to X).

:class:`QuoteStage` runs after the actors stage and before the events stage. It adds a :class:`Quote` per
direct quotation (curly or straight quotes, across glued sentences, the cue before or after) and per
indirect one (a speech verb with a clausal complement; "according to X"). The speaker is resolved through
the actor mentions, so pronoun speakers ("he said") are as good as the actors stage's coreference. A speaker
that is no known actor ("a maritime security firm said") is kept as written, unresolved, rather than
dropped; only an unresolved pronoun stays without speaker. A direct quote without a cue continues the
previous quote's speaker.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from petrel.coding.arguments import MentionIndex, np_actors, subject_token
from petrel.coding.lexicon import Lexicon
from petrel.config import Settings
from petrel.models import ActorRef, Quote

log = logging.getLogger(__name__)

QUOTE_RE = re.compile(r"“([^”]{2,2000}?)”|\"([^\"\n]{2,2000}?)\"|«([^»]{2,2000}?)»")
CUE_WINDOW = 80  # characters after a closing quote in which "he said" is looked for
CONTINUATION_GAP = 400  # a cue-less quote this close after another continues its speaker
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them"})
# Texts that speak for whoever issued them; one released in a capital speaks for that country.
DOCUMENT_NOUNS = frozenset({"report", "statement", "communique", "communiqué", "study", "document", "dossier",
                            "declaration", "memorandum", "memo", "paper", "bulletin", "letter", "release"})
RELEASE_VERBS = frozenset({"release", "issue", "publish", "present", "unveil", "circulate", "distribute", "make"})


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    cue: Token | None
    speaker_tok: Token | None


def quote_id(doc_id: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}|q|{start}|{end}".encode()).hexdigest()[:16]


class QuoteStage:
    """Adds ``state.quotes``: direct and indirect quotes with speaker, cue and offsets."""

    name = "quotes"
    reads = ("doc", "article", "mentions")  # article: the doc id
    adds = ("quotes",)

    def __init__(self, settings: Settings | None = None, *, lexicon: Lexicon | None = None) -> None:
        self.settings = settings or Settings()
        self.lexicon = lexicon or Lexicon.load()
        self.speech = self.lexicon.speech

    def __call__(self, state) -> None:  # noqa: ANN001 - DocState (import cycle avoided)
        doc, doc_id = state.doc, state.article.doc_id
        index = MentionIndex(doc, state.mentions)
        quotes = self.direct_quotes(doc, doc_id, index)
        quotes += self.indirect_quotes(doc, doc_id, index)
        state.quotes.extend(quotes)

    # direct quotes -------------------------------------------------------------------------------
    def direct_quotes(self, doc: Doc, doc_id: str, index: MentionIndex) -> list[Quote]:
        out: list[Quote] = []
        last: Quote | None = None
        for match in QUOTE_RE.finditer(doc.text):
            start, end = match.start(), match.end()
            found = self._cue_for(doc, start, end)
            speaker = self._speaker(found.speaker_tok, index, last)
            if found.cue is None and last is not None and start - last.end < CONTINUATION_GAP:
                speaker = speaker or last.speaker
            content = doc.text[start + 1:end - 1]
            quote = Quote(quote_id(doc_id, start, end), doc_id, speaker,
                          found.cue.text if found.cue is not None else None, content, start, end, "direct")
            out.append(quote)
            if speaker is not None:
                last = quote
        return out

    def _cue_for(self, doc: Doc, start: int, end: int) -> _Found:
        first = doc.char_span(start, min(end, len(doc.text)), alignment_mode="expand")
        sent_start = first.sent.start_char if first is not None else start
        before = [t for t in doc[max(0, first.start - 40) if first is not None else 0:
                                  first.start if first is not None else 0] if t.idx >= sent_start]
        cue = self._speech_verb(list(reversed(before))[:3], start, end)  # 'X said, "..."'
        if cue is None:
            after_start = first.end if first is not None else len(doc)
            after = [t for t in doc[after_start:after_start + 8] if t.idx < end + CUE_WINDOW]
            cue = self._speech_verb(after, start, end, own_clause=False)  # '"...," he said'
        if cue is None:
            cue = self._speech_verb(list(reversed(before)), start, end)
        subj = _subject(cue, start, end) if cue is not None else None
        return _Found(start, end, cue, subj)

    def _speech_verb(self, tokens: list[Token], start: int, end: int, *, own_clause: bool = True) -> Token | None:
        """A speech verb with a subject outside the quote; after a quote it may not have its own clause."""
        for tok in tokens:
            if not (tok.tag_.startswith("VB") and tok.lemma_.lower() in self.speech and _subject(tok, start, end)):
                continue
            if own_clause or not any(c.dep_ in ("ccomp", "xcomp") and not (start <= c.idx < end)
                                     for c in tok.children):
                return tok
        return None

    def _speaker(self, tok: Token | None, index: MentionIndex, last: Quote | None) -> ActorRef | None:
        if tok is None:
            return None
        if tok.lower_ in PRONOUNS and last is not None and not np_actors(tok, index):
            return last.speaker  # unresolved pronoun: the last speaker is the best guess
        return speaker_of(tok, index)

    # indirect quotes -----------------------------------------------------------------------------
    def indirect_quotes(self, doc: Doc, doc_id: str, index: MentionIndex) -> list[Quote]:
        out: list[Quote] = []
        for sent in doc.sents:
            for tok in sent:
                quote = self._indirect(tok, doc_id, index)
                if quote is not None:
                    out.append(quote)
        return out

    def _indirect(self, tok: Token, doc_id: str, index: MentionIndex) -> Quote | None:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            return self._according(tok, doc_id, index)
        if not tok.tag_.startswith("VB") or tok.lemma_.lower() not in self.speech:
            return None
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        subj = subject_token(tok)  # "..., saying that ...": the subject of the clause it hangs on
        if comp is None or subj is None:
            return None
        span = _subtree_span(comp)
        speaker = speaker_of(subj, index)
        return Quote(quote_id(doc_id, span.start_char, span.end_char), doc_id, speaker,
                     tok.text, span.text, span.start_char, span.end_char, "indirect")

    def _according(self, tok: Token, doc_id: str, index: MentionIndex) -> Quote | None:
        obj = next((g for c in tok.children for g in c.children if g.dep_ == "pobj"), None)
        if obj is None:
            return None
        sent = tok.sent
        speaker = speaker_of(obj, index)
        return Quote(quote_id(doc_id, sent.start_char, sent.end_char), doc_id, speaker,
                     "according to", sent.text, sent.start_char, sent.end_char, "indirect")


SPEAKER_MAX_TOKENS = 8


def speaker_of(head: Token, index: MentionIndex) -> ActorRef | None:
    """The actor a speaker phrase names, else the author of the text it names, else the phrase as written."""
    actors = np_actors(head, index)
    return actors[0] if actors else (document_author(head, index) or described_speaker(head))


def described_speaker(head: Token, origin: str | None = None) -> ActorRef | None:
    """A speaker no actor was found for, as the text names it ("military officials", "a spokesman for the
    port authority"): unresolved, without country unless ``origin`` gives one (resolution ``place``).
    Pronouns and bare determiners give None."""
    if head.pos_ == "PRON" or head.lower_ in PRONOUNS or not head.is_alpha:
        return None
    doc = head.doc
    whole = doc[head.left_edge.i: head.right_edge.i + 1]
    span = whole if len(whole) <= SPEAKER_MAX_TOKENS else doc[head.left_edge.i: head.i + 1]
    name = span.text.strip(" ,")
    if not name:
        return None
    return ActorRef(name=name, country=origin, resolution="place") if origin else ActorRef(name=name)


def document_author(head: Token, index: MentionIndex) -> ActorRef | None:
    """Who speaks through a text nobody is named as saying: its author ("a report by Amnesty International",
    "a statement from the Syrian foreign ministry", "a report released by the UN"), else, when it names
    where it was released, that country ("a report released in the Rwandan capital" -> RWA, resolution
    ``place``)."""
    if head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    authors = [a for obj in _author_objects(head) for a in np_actors(obj, index)]
    if authors:
        return authors[0]
    country = _release_country(head, index)
    return described_speaker(head, country) if country else None


def _author_objects(head: Token) -> list[Token]:
    """"by X", "from X", "of X" on the text, and "by X" on its release verb."""
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")]
    preps += [c for v in _release_verbs(head) for c in v.children if c.dep_ == "agent"]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _release_verbs(head: Token) -> list[Token]:
    return [v for v in head.children if v.dep_ == "acl" and v.lemma_.lower() in RELEASE_VERBS]


def _release_country(head: Token, index: MentionIndex) -> str | None:
    for verb in _release_verbs(head):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
                places = [a for obj in prep.children if obj.dep_ == "pobj" for a in index.actors_at(obj)]
                countries = {a.country for a in places if a.country and not a.sector}
                if len(countries) == 1:
                    return countries.pop()
    return None


def _subject(verb: Token, start: int, end: int) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not (start <= child.idx < end):
            return child
    return None


def _subtree_span(tok: Token) -> Span:
    doc = tok.doc
    return doc[tok.left_edge.i: tok.right_edge.i + 1]


def cue_kind(cue: str | None, speech: dict[str, str]) -> str:
    """say|claim|warn|demand|deny for a cue word as written ("claimed" -> claim)."""
    if not cue:
        return "say"
    word = cue.lower()
    for form in (word, word[:-2], word[:-1], word[:-3], word[:-2] + "e" if word.endswith("ed") else word):
        if form in speech:
            return speech[form]
    return "say"
