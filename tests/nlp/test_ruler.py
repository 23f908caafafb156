"""The cached phrase ruler tags exactly what spaCy's entity_ruler tagged, and reads its phrases from the cache."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
import spacy

from petrel.nlp import RULER_NAMES, add_kb_rulers, add_paragraph_boundaries
from petrel.nlp import ruler as ruler_module
from petrel.nlp.ruler import PhraseRuler

ONLY_RULERS = {"disable": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"]}


def _ents(doc) -> list[tuple[int, int, str, str]]:
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


@pytest.fixture(scope="module")
def spacy_rulers(session_settings, kb):
    """The model with spaCy's own entity rulers fed the same patterns (the way petrel built them before)."""
    nlp = spacy.load(session_settings.spacy_model)
    add_paragraph_boundaries(nlp)
    for name, attr, case_sensitive in ((RULER_NAMES[0], "LOWER", False), (RULER_NAMES[1], "ORTH", True)):
        ruler = nlp.add_pipe("entity_ruler", name=name, config={"phrase_matcher_attr": attr}, before="ner")
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(kb.entity_ruler_patterns(case_sensitive=case_sensitive))
    return nlp


def _ambiguous(kb) -> set[str]:
    """Pattern texts with two (label, id) pairs: spaCy's winner among them depended on hash order."""
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for p in kb.entity_ruler_patterns():
        seen[p["pattern"].lower()].add((p["label"], p["id"]))
    return {text for text, pairs in seen.items() if len(pairs) > 1}


def test_the_phrase_ruler_tags_what_spacys_entity_ruler_tagged(nlp, spacy_rulers, kb) -> None:
    ambiguous = _ambiguous(kb)
    names = [p["pattern"] for p in kb.entity_ruler_patterns() if p["pattern"].lower() not in ambiguous]
    rng = random.Random(12)
    texts = []
    for _ in range(1500):  # names side by side, in other cases, overlapping, inside longer names
        a, b, c, d, e = rng.sample(names, 5)
        texts.append(f"{a} met {b.title()} and {c.upper()} near {d}, {e} {a.lower()} said.\n\n{b} {c}.")
    texts += ["The Hezbollah Brigades and Kataib Hezbollah met the US envoy in Chad.",
              "Let us talk about the US and Chad, said the man named chad."]
    assert nlp.get_pipe(RULER_NAMES[0]).__class__ is PhraseRuler
    mine = [_ents(d) for d in nlp.pipe(texts, **ONLY_RULERS)]
    theirs = [_ents(d) for d in spacy_rulers.pipe(texts, **ONLY_RULERS)]
    assert sum(map(len, mine)) > 3 * len(texts)  # the test tags names, it does not compare empty lists
    assert mine == theirs


def test_a_phrase_with_two_meanings_takes_the_first_listed_every_time(nlp, kb) -> None:
    ambiguous = sorted(_ambiguous(kb))
    if not ambiguous:
        pytest.skip("no pattern with two meanings in this knowledge base")
    first = next(p for p in kb.entity_ruler_patterns(case_sensitive=True) if p["pattern"].lower() == ambiguous[0])
    word = first["pattern"]
    for text in (f"{word} said so.", f"Officials of Chad, Mali and {word} met the US envoy in Niger."):
        tagged = [(e.label_, e.ent_id_) for e in nlp(text).ents if e.text == word]
        assert tagged == [(first["label"], first["id"])]


def test_tokenised_phrases_come_from_the_cache(session_settings, kb, tmp_path, monkeypatch) -> None:
    nlp = spacy.blank("en")
    add_kb_rulers(nlp, kb, cache_dir=tmp_path)  # tokenises and stores
    assert list(tmp_path.glob("kb-phrases-*.pickle"))

    def no_tokenizing(*args, **kwargs):
        raise AssertionError("tokenised again despite the cache")

    monkeypatch.setattr(ruler_module, "tokenize_patterns", no_tokenizing)
    again = spacy.blank("en")
    add_kb_rulers(again, kb, cache_dir=tmp_path)
    doc = again("Kataib Hezbollah met the US envoy.")
    assert ("Kataib Hezbollah", "kataib-hezbollah") in [(e.text, e.ent_id_) for e in doc.ents]
    assert len(again.get_pipe(RULER_NAMES[0])) == len(nlp.get_pipe(RULER_NAMES[0])) > 1000


USER_ACTOR = """actors:
  - id: start16-test-militia
    name: {name}
    kind: organisation
    country: IRQ
    sectors: [REB]
"""


def test_cached_phrases_follow_the_knowledge_base_files(tmp_path, monkeypatch) -> None:
    """A knowledge base from load_knowledge_base keys the phrase cache by its files: a second start makes no
    patterns at all, and an edited YAML file gives new phrases (the old name is no longer tagged)."""
    from petrel.config import Settings
    from petrel.kb import KnowledgeBase, load_knowledge_base

    user = tmp_path / "mine.yaml"
    user.write_text(USER_ACTOR.format(name="Brigade of the Old Name"), encoding="utf-8")
    settings = Settings(kb_paths=[user], cache_dir=tmp_path / "cache")

    def tagged(text: str) -> list[str]:
        nlp = spacy.blank("en")
        add_kb_rulers(nlp, load_knowledge_base(settings), cache_dir=tmp_path / "cache")
        return [e.ent_id_ for e in nlp(text).ents]

    assert tagged("The Brigade of the Old Name attacked.") == ["start16-test-militia"]
    made = KnowledgeBase.entity_ruler_patterns

    def no_patterns(*args, **kwargs):
        raise AssertionError("patterns made again despite the cache")

    monkeypatch.setattr(KnowledgeBase, "entity_ruler_patterns", no_patterns)
    assert tagged("The Brigade of the Old Name attacked.") == ["start16-test-militia"]  # from the cache
    monkeypatch.setattr(KnowledgeBase, "entity_ruler_patterns", made)
    user.write_text(USER_ACTOR.format(name="Brigade of the New Name"), encoding="utf-8")
    assert tagged("The Brigade of the New Name attacked the Brigade of the Old Name.") == ["start16-test-militia"]
