"""re3d actor-span scoring on invented documents."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from petrel.evaluation.predict import CodedText, MentionSpan
from petrel.evaluation.records import Re3dDocument, Re3dEntity
from petrel.evaluation.scorers.re3d import OffsetMap, score_re3d

TEXT = "Zorland's army shelled Pellam.\nThe  Pellam Front said it would respond, Ana Vel said."


def ent(text: str, value: str, type_: str, confidence: float = 1.0, nth: int = 0) -> Re3dEntity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Re3dEntity(start, start + len(value), type_, value, confidence)


def mention(text: str, value: str, resolution: str = "kb") -> MentionSpan:
    start = text.index(value)
    return MentionSpan(start, start + len(value), resolution)


def metrics(result) -> dict[str, float | None]:
    return {m.name: m.value for m in result.metrics}


def test_offsets_survive_whitespace_repair():
    edited = TEXT.replace("\n", " ").replace("  ", " ")
    mapping = OffsetMap(TEXT, edited)
    start = TEXT.index("Ana Vel")
    assert edited[slice(*mapping.span(start, start + 7))] == "Ana Vel"


@given(st.text(alphabet="ab \n", max_size=40), st.integers(0, 39), st.integers(1, 5))
def test_mapped_spans_stay_inside_the_edited_text(text: str, start: int, length: int):
    edited = " ".join(text.split())
    span = OffsetMap(text, edited).span(start, start + length)
    assert span is None or 0 <= span[0] < span[1] <= len(edited)


def test_recall_precision_and_types():
    doc = Re3dDocument("D", "src", TEXT, (
        ent(TEXT, "Zorland", "Organisation"), ent(TEXT, "Zorland", "Location", 0.0),
        ent(TEXT, "Pellam", "Location"), ent(TEXT, "Pellam Front", "Organisation"),
        ent(TEXT, "Ana Vel", "Person"), ent(TEXT, "it", "Organisation", 0.2)))
    edited = TEXT.replace("\n", " ").replace("  ", " ")
    coded = CodedText(edited, [], (mention(edited, "Zorland's army"), mention(edited, "Pellam Front", "context"),
                                   mention(edited, "shelled")))
    result = score_re3d([doc], [coded])
    got = metrics(result)
    assert got["re3d.actor_recall"] == 2 / 3  # Ana Vel missed; "it" is below the confidence bar
    assert got["re3d.actor_precision"] == 2 / 3  # "shelled" overlaps nothing marked
    assert got["re3d.person_recall"] == 0.0 and got["re3d.organisation_recall"] == 1.0
    assert got["re3d.context_share"] == 0.5
    assert result.misses[0].gold == "Ana Vel" and result.misses[0].predicted == "shelled"
