"""The spaCy pipeline petrel parses with, taught the knowledge base's names.

:func:`load_nlp` loads ``settings.spacy_model`` and adds two phrase rulers before ``ner`` fed by
:meth:`KnowledgeBase.entity_ruler_patterns`: ``petrel_names`` matches multi-word names on lower-cased
text ("asa'ib ahl al-haq", "hezbollah brigades"), ``petrel_terms`` matches one-word names exactly
("US" but not "us"). Matched entities carry the actor id (or ``country:XXX``) in ``ent.ent_id_``; the
statistical ``ner`` keeps them and labels the rest. The rulers are :class:`petrel.nlp.ruler.PhraseRuler`
(spaCy's ``entity_ruler`` semantics, with the tokenised patterns cached on disk, so a start does not
tokenise 5,700 names).

A component ``petrel_paragraphs`` before the parser starts a sentence after every line break, so a
sentence never spans two paragraphs (the parser alone joins a line with no final full stop, such as a
caption or a heading, to the next paragraph's first sentence).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language

from petrel.config import Settings
from petrel.errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from petrel.kb import KnowledgeBase

__all__ = ["PARAGRAPHS", "RULER_NAMES", "add_kb_rulers", "add_paragraph_boundaries", "load_nlp"]

log = logging.getLogger(__name__)
RULER_NAMES: tuple[str, str] = ("petrel_names", "petrel_terms")
PARAGRAPHS = "petrel_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break (blank lines separate cleaned paragraphs)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            token.is_sent_start = True
    return doc


def add_paragraph_boundaries(nlp: Language) -> None:
    """Add :func:`paragraph_boundaries` before the parser (or first, without one); idempotent."""
    if PARAGRAPHS in nlp.pipe_names:
        return
    where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe(PARAGRAPHS, **where)


def load_nlp(settings: Settings, kb: KnowledgeBase | None = None) -> Language:
    """The configured spaCy pipeline with the knowledge base's entity rulers (ConfigError if not installed)."""
    try:
        nlp = spacy.load(settings.spacy_model)
    except OSError as exc:
        raise ConfigError(f"spaCy model {settings.spacy_model!r} is not installed: pip install it or set "
                          "PETREL_SPACY_MODEL", model=settings.spacy_model) from exc
    add_paragraph_boundaries(nlp)
    from petrel.nlp.headlines import add_headline_repair

    add_headline_repair(nlp)
    if settings.table_attribute_ruler:
        from petrel.nlp.attributes import use_table_attribute_ruler

        use_table_attribute_ruler(nlp)
    if kb is not None:
        from petrel.cache import resolve_cache_dir

        add_kb_rulers(nlp, kb, cache_dir=resolve_cache_dir(settings))
    return nlp


_RULERS: tuple[tuple[str, str, bool], ...] = ((RULER_NAMES[0], "LOWER", False), (RULER_NAMES[1], "ORTH", True))


def add_kb_rulers(nlp: Language, kb: KnowledgeBase, *, cache_dir: Path | None = None) -> None:
    """Add the two phrase rulers before ``ner`` (or at the end when the pipeline has no ``ner``).

    Their tokenised patterns are read from ``cache_dir`` when cached there (None: tokenised now).
    """
    from petrel.cache import cached
    from petrel.nlp.ruler import FACTORY, phrases_key, tokenize_patterns

    def patterns() -> list[list[dict]]:
        return [kb.entity_ruler_patterns(case_sensitive=case_sensitive) for _, _, case_sensitive in _RULERS]

    def tokenized() -> list[list[tuple]]:
        return [tokenize_patterns(nlp, group, attr) for group, (_, attr, _) in zip(patterns(), _RULERS, strict=True)]

    source_key = getattr(kb, "source_key", None)  # set by load_knowledge_base: no need to make the patterns
    key = phrases_key(nlp, source_key=source_key) if source_key else phrases_key(nlp, patterns())
    phrases = cached("kb-phrases", key, tokenized, cache_dir)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    for (name, attr, _), group in zip(_RULERS, phrases, strict=True):
        ruler = nlp.add_pipe(FACTORY, name=name, config={"attr": attr}, **where)
        ruler.set_phrases(group)
    log.info("phrase rulers added: %s", ", ".join(RULER_NAMES))
