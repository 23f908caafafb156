"""Where the event model says a sentence holds an event the lexicon did not find: which word carries it
and which CAMEO code stands for the model's PLOVER type and mode.

The word is the sentence's main predicate: its root, or, when the root only reports speech ("officials
said ..."), the verb of what was said; a copula hands over to its complement. The rules then read the
parties, status and speech off that word as they do for a lexicon trigger.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from petrel.coding.speech import same_side
from petrel.models import ActorRef

#: the CAMEO code that stands for a PLOVER type when the model, not a lexicon entry, names it
TYPE_CODES: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "060", "AID": "070",
    "RETREAT": "084", "REQUEST": "020", "ACCUSE": "110", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190",
}
#: a more specific code for a (type, mode) pair, where CAMEO has one
MODE_CODES: dict[tuple[str, str], str] = {
    ("CONSULT", "phone"): "041", ("CONSULT", "visit"): "042", ("CONSULT", "third-party"): "044",
    ("RETREAT", "release"): "0841", ("RETREAT", "access"): "086", ("RETREAT", "disarm"): "087",
    ("REQUEST", "assist"): "021", ("REQUEST", "change"): "024", ("REQUEST", "yield"): "025",
    ("REQUEST", "meet"): "026", ("REJECT", "assist"): "121", ("REJECT", "change"): "123",
    ("REJECT", "meet"): "125", ("REJECT", "yield"): "128", ("ACCUSE", "allege"): "112",
    ("ACCUSE", "investigate"): "090", ("THREATEN", "ban"): "132", ("THREATEN", "relations"): "133",
    ("THREATEN", "expel"): "136", ("THREATEN", "violence"): "137", ("PROTEST", "demo"): "141",
    ("PROTEST", "hunger"): "142", ("PROTEST", "boycott"): "143", ("PROTEST", "obstruct"): "144",
    ("PROTEST", "riot"): "145", ("SANCTION", "withdraw"): "161", ("SANCTION", "discontinue"): "162",
    ("SANCTION", "expel"): "166", ("MOBILIZE", "police"): "151", ("MOBILIZE", "troops"): "152",
    ("COERCE", "seize"): "171", ("COERCE", "restrict"): "172", ("COERCE", "arrest"): "173",
    ("COERCE", "deport"): "174", ("ASSAULT", "abduct"): "181", ("ASSAULT", "beat"): "182",
    ("ASSAULT", "explosives"): "183", ("ASSAULT", "suicide-attack"): "1831", ("ASSAULT", "assassinate"): "185",
    ("ASSAULT", "firearms"): "190", ("ASSAULT", "heavy-weapons"): "194", ("ASSAULT", "aerial"): "195",
    ("ASSAULT", "drone"): "195", ("ASSAULT", "massacre"): "200", ("ASSAULT", "cleansing"): "201",
    ("ASSAULT", "unconventional"): "204",
}
COPULAS = frozenset({"be", "become", "remain"})
#: types whose event needs no other party (a mobilisation, a protest has its own addressee rule)
SELF_TYPES = frozenset({"MOBILIZE", "PROTEST"})
PREDICATE_DEPS = ("ccomp", "xcomp", "attr", "acomp", "advcl")


def code_for(event_type: str, mode: str | None, known: dict) -> str:
    """The CAMEO code for a model label, one the lexicon's table knows."""
    code = MODE_CODES.get((event_type, mode or ""))
    return code if code in known else TYPE_CODES[event_type]


def main_predicate(sent: Span, speech: dict[str, str]) -> Token:
    """The word that carries what the sentence reports (see the module docstring)."""
    tok = sent.root
    for _ in range(3):
        lemma = tok.lemma_.lower()
        if lemma in speech or lemma in COPULAS:
            nxt = next((c for c in tok.children if c.dep_ in PREDICATE_DEPS and c.pos_ in ("VERB", "NOUN", "AUX")), None)
            if nxt is not None:
                tok = nxt
                continue
        break
    return tok


def other_party(sent: Span, tok: Token, named: list[tuple[int, ActorRef]], sources: list[ActorRef],
                speaker: ActorRef | None) -> ActorRef | None:
    """The party a model-proposed event is aimed at when the parse gave none (rule model-target): an actor
    the sentence names after the event's word, on neither the source's nor the speaker's side, the first
    such. None when there is none (an actor before the word is more often a doer or a speaker than a target)."""
    inside = [(start, actor) for start, actor in named
              if sent.start_char <= start < sent.end_char and actor.actor_id  # a named party, not "residents"
              and not any(same_side(actor, s) for s in sources)
              and not (speaker is not None and same_side(actor, speaker))]
    return next((actor for start, actor in inside if start > tok.idx), None)

