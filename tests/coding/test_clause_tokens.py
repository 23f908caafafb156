"""petrel.coding.clause_tokens on hand-built parses (tags and arcs given, so no tagger decides the case)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from petrel.coding.clause_tokens import is_passive, small_clause, subject_token


def parsed(words: list[str], tags: list[str], deps: list[str], heads: list[int], lemmas: list[str]) -> Doc:
    return Doc(Vocab(), words=words, tags=tags, deps=deps, heads=heads, lemmas=lemmas)


def test_a_participle_under_an_order_is_a_small_clause() -> None:
    # "The council ordered him banned": "banned" is a passive participle whose subject is "him"
    doc = parsed(["The", "council", "ordered", "him", "banned"], ["DT", "NN", "VBD", "PRP", "VBN"],
                 ["det", "nsubj", "ROOT", "nsubj", "ccomp"], [1, 2, 2, 4, 2],
                 ["the", "council", "order", "he", "ban"])
    assert small_clause(doc[4]) and is_passive(doc[4])


def test_a_reported_past_tense_misread_as_a_participle_is_active() -> None:
    # "Shelling killed 20 people, medics said" with "killed" tagged VBN: still the shelling's act
    doc = parsed(["Shelling", "killed", "20", "people", ",", "medics", "said"],
                 ["NN", "VBN", "CD", "NNS", ",", "NNS", "VBD"],
                 ["nsubj", "ccomp", "nummod", "dobj", "punct", "nsubj", "ROOT"], [1, 6, 3, 1, 6, 6, 6],
                 ["shelling", "kill", "20", "people", ",", "medic", "say"])
    assert not small_clause(doc[1]) and not is_passive(doc[1])
    assert subject_token(doc[1]) is not None and subject_token(doc[1]).i == 0


def test_a_participle_with_a_direct_object_is_no_small_clause() -> None:
    # "The court saw militias killed the guards" (tagger slip): a participle with an object is not passive
    doc = parsed(["The", "court", "saw", "militias", "killed", "the", "guards"],
                 ["DT", "NN", "VBD", "NNS", "VBN", "DT", "NNS"],
                 ["det", "nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj"], [1, 2, 2, 4, 2, 6, 4],
                 ["the", "court", "see", "militia", "kill", "the", "guard"])
    assert not small_clause(doc[4])
