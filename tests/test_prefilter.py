"""The parse pre-filter: which sentences it keeps, the document it hands the stages, and that it only ever
loses events (never invents them) on a small corpus written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from petrel.clean import article_from_text
from petrel.config import Settings
from petrel.models import SentencePrediction
from petrel.pipeline import Pipeline, parsed_spans
from petrel.prefilter import PreFilter, inflections, sentence_bounds

# Written for this test: event sentences among background ones that cannot hold an event.
CORPUS = [
    "Rebels attacked an army base near Goma on Monday, killing six soldiers.\n\n"
    "The town lies on the northern shore of a large lake. Its market is busy on weekdays.\n\n"
    "The regional bourse gained 2 percent. The weather was mild and dry.\n\n"
    "The army said it had arrested twelve rebels after the assault.",
    "Heavy rain is forecast for the capital this weekend.\n\n"
    "Temperatures will reach 30 degrees by Friday. The festival draws visitors every summer.\n\n"
    "Kenya's president met his Ugandan counterpart in Nairobi on Tuesday to discuss trade.\n\n"
    "The stadium holds 40,000 people. The river is wide at this point.\n\n"
    "Police fired tear gas at protesters in Kampala, witnesses said.",
    "The ministry's annual report runs to 300 pages.\n\n"
    "Japan urged China to release the detained fishermen. The coastline is long and rocky.\n\n"
    "Inflation stood at 4 percent in March.\n\n"
    "Troops struck militant positions in the hills overnight, the defence ministry said.",
]


@pytest.fixture(scope="module")
def pipelines(session_settings: Settings, resources) -> tuple[Pipeline, Pipeline]:
    """(pre-filter on, pre-filter off) on the session's shared resources."""
    on = Pipeline(session_settings.model_copy(update={"prefilter": True, "prefilter_lead_sentences": 0}),
                  resources=resources)
    off = Pipeline(session_settings.model_copy(update={"prefilter": False}), resources=resources)
    return on, off


@pytest.fixture(scope="module")
def prefilter(pipelines) -> PreFilter:
    """The words alone: no lead sentences, no event model."""
    on = pipelines[0].prefilter
    assert on is not None and on.classifier is not None
    return PreFilter(on.nlp, lead=0)


class _Confident:
    """A stand-in event model: every sentence holds an event with probability 0.7."""

    def predict(self, texts):
        return [SentencePrediction(label="PROTEST", score=0.7, probs={"NONE": 0.3, "PROTEST": 0.7}) for _ in texts]


@pytest.mark.parametrize("sentence", [
    "Rebels attacked the town at dawn.",
    "Troops struck militant positions overnight.",  # irregular past, from the lemmatizer's exceptions
    "The two leaders held talks in Geneva.",  # "hold" needs a meeting noun: here it has one
    "Japan urged China to release the fishermen.",
    "The minister called on the rebels to lay down their arms.",
    "The council said the government must resign.",  # no lexicon trigger: the speech-obligation rule
    "Protesters blocked the main road into the capital.",
])
def test_keeps_sentences_with_a_possible_trigger(prefilter: PreFilter, sentence: str) -> None:
    assert prefilter.keep(sentence)


@pytest.mark.parametrize("sentence", [
    "The weather was mild and dry.",
    "The regional bourse gained 2 percent.",
    "The town lies on the northern shore of a large lake.",
    "The stadium holds 40,000 people.",  # "hold" without a meeting noun is no event
    "Inflation stood at 4 percent in March.",
])
def test_drops_sentences_that_cannot_hold_an_event(prefilter: PreFilter, sentence: str) -> None:
    assert not prefilter.keep(sentence)


def test_inflections_cover_regular_forms() -> None:
    assert {"attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"allies", "allied"} <= inflections("ally")
    assert {"seizing", "seized"} <= inflections("seize")
    assert "stopped" in inflections("stop")


def test_sentence_bounds_split_on_final_punctuation_and_line_breaks(prefilter: PreFilter) -> None:
    doc = prefilter.nlp.make_doc('He left. "We will return." She stayed in the U.S. capital.\nA new line')
    starts = [doc[i].text for i in sentence_bounds(doc)]
    assert starts == ["He", '"', "She", "A"]


@hsettings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\"'\n")), max_size=80))
def test_sentence_bounds_are_increasing_token_starts(prefilter: PreFilter, text: str) -> None:
    doc = prefilter.nlp.make_doc(text)
    starts = sentence_bounds(doc)
    assert starts == sorted(set(starts))
    if len(doc):
        assert starts[0] == 0 and all(not doc[i].is_space for i in starts[1:])


def test_the_joined_document_keeps_the_text_and_parses_only_kept_sentences(prefilter: PreFilter) -> None:
    text = CORPUS[0]
    doc = next(prefilter.pipe([text]))
    assert doc.text == text
    spans = parsed_spans(doc)
    assert spans is not None
    for sent in doc.sents:
        parsed = any(a <= sent.start_char < b for a, b in spans)
        assert parsed == prefilter.keep(sent.text), sent.text
        assert all(bool(t.tag_) for t in sent if not t.is_space) == parsed
    assert {s.text.strip() for s in doc.sents} >= {"Its market is busy on weekdays.", "The weather was mild and dry."}


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "The weather was mild and dry.\n\n  "])
def test_empty_and_blank_texts_come_back_whole(prefilter: PreFilter, text: str) -> None:
    doc = next(prefilter.pipe([text]))
    assert doc.text == text
    assert [s.text for s in doc.sents] == [s.text for s in prefilter.nlp(text).sents] or not text.strip(" \n")


@hsettings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["Rebels attacked the town.", "The weather was mild.", "He said:", '"No."',
                                 "\n\n", "  ", "U.S. troops left", "!", "talks"]), max_size=8))
def test_the_joined_document_has_the_exact_text(prefilter: PreFilter, parts: list[str]) -> None:
    text = " ".join(parts)
    doc = next(prefilter.pipe([text]))
    assert doc.text == text
    assert [t.idx for t in doc] == [t.idx for t in prefilter.nlp.make_doc(text)]


class _CopyingJoin(PreFilter):
    """The join as it was: a new ``Doc`` built from the pieces by ``Doc.from_docs``."""

    @staticmethod
    def _concatenate(doc, pieces):  # noqa: ANN001, ANN205
        from spacy.tokens import Doc

        return Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])


def _annotations(doc) -> tuple:  # noqa: ANN001
    from spacy.tokens import Doc

    names = ["ORTH", "NORM", "LEMMA", "POS", "TAG", "MORPH", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE",
             "ENT_KB_ID", "ENT_ID", "SPACY", "LENGTH", "LANG"]
    return (doc.text, doc.to_array(names).tolist(), [(t.idx, t.lemma_, t.tag_, t.dep_, t.head.i) for t in doc],
            [(s.start, s.end) for s in doc.sents], [(e.start, e.end, e.label_, e.kb_id_, e.ent_id_) for e in doc.ents],
            parsed_spans(doc), sorted(a for a in Doc._get_array_attrs()))


def test_the_join_writes_what_a_new_doc_from_the_pieces_would_hold(prefilter: PreFilter) -> None:
    texts = [*CORPUS, "The weather was mild. Hezbollah fighters attacked Israeli positions. Kenya is dry.\n\nShe said:",
             "Its market is busy.  The United Nations and the African Union met in Addis Ababa. The lake is deep."]
    copying = _CopyingJoin(prefilter.nlp, lead=0)
    joined, reference = list(prefilter.pipe(texts)), list(copying.pipe(texts))
    assert any(parsed_spans(d) is not None for d in joined)  # pieces were joined, not one parse returned
    assert any(e.ent_id_ for d in joined for e in d.ents)  # the knowledge base's ids are carried
    for doc, ref in zip(joined, reference, strict=True):
        assert _annotations(doc) == _annotations(ref)


def test_every_sentence_kept_gives_the_plain_parse(prefilter: PreFilter) -> None:
    text = "Rebels attacked the town. Troops fought back."
    doc = next(prefilter.pipe([text]))
    plain = prefilter.nlp(text)
    assert parsed_spans(doc) is None
    assert [(t.text, t.dep_, t.head.i) for t in doc] == [(t.text, t.dep_, t.head.i) for t in plain]


def test_the_event_model_keeps_a_sentence_the_words_would_skip(prefilter: PreFilter) -> None:
    text = "Rebels attacked the town. The weather was mild and dry."
    assert parsed_spans(next(prefilter.pipe([text]))) == ((0, len("Rebels attacked the town.")),)
    with_model = PreFilter(prefilter.nlp, lead=0, classifier=_Confident(), min_event_probability=0.5)
    assert parsed_spans(next(with_model.pipe([text]))) is None and with_model.stats.by_model == 1
    unsure = PreFilter(prefilter.nlp, lead=0, classifier=_Confident(), min_event_probability=0.8)
    assert parsed_spans(next(unsure.pipe([text]))) is not None and unsure.stats.by_model == 0


def test_lead_sentences_are_always_parsed(prefilter: PreFilter) -> None:
    text = "The weather was mild and dry. Rebels attacked the town. The river is wide here."
    lead = PreFilter(prefilter.nlp, lead=1)
    spans = parsed_spans(next(lead.pipe([text])))
    assert spans == ((0, len("The weather was mild and dry. Rebels attacked the town.")),)


def _events(pipeline: Pipeline, texts: list[str]) -> set[tuple]:
    articles = [article_from_text(t, doc_id=f"pf-{i}", published="2025-03-04") for i, t in enumerate(texts)]
    return {(e.evidence.doc_id, e.evidence.start, e.type, e.source.name, e.target.name if e.target else None)
            for doc in pipeline.process_articles(articles) for e in doc.events}


def test_events_with_the_filter_are_a_subset_of_the_full_parse(pipelines) -> None:
    on, off = pipelines
    filtered, full = _events(on, CORPUS), _events(off, CORPUS)
    assert full, "the corpus must hold events"
    assert filtered <= full
    assert len(filtered) == len(full)  # here no event sits in a sentence without a lexicon word
    assert on.prefilter.stats.kept < on.prefilter.stats.sentences


def test_full_parse_gives_the_events_of_the_plain_pipeline(pipelines) -> None:
    _, off = pipelines
    assert off.prefilter is None
    articles = [article_from_text(t, doc_id=f"fp-{i}", published="2025-03-04") for i, t in enumerate(CORPUS)]
    old = off.run_batch(list(zip(articles, off.nlp.pipe([a.text for a in articles]), strict=True)))
    new = list(off.process_articles(articles))
    assert [d.events for d in new] == [d.events for d in old]


def test_ingest_flags_turn_the_filter_off_and_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from petrel.cli import app
    from petrel.ingest_service import IngestReport

    seen = []
    monkeypatch.setattr("petrel.cli.ingest.ingest_paths",
                        lambda paths, settings, **kw: seen.append(settings.prefilter) or IngestReport())
    runner = CliRunner()
    for extra in (["--full-parse"], ["--prefilter"], []):
        result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb"), "-q", *extra, "a.jsonl"])
        assert result.exit_code == 0, result.output
    assert seen == [False, True, Settings().prefilter]
