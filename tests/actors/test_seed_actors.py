"""The seed articles in ../shared: every named actor the gold events need comes out of ActorStage."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from petrel.actors import ActorStage, actors_in_doc
from petrel.config import Settings
from petrel.kb import normalise
from petrel.models import ActorRef, Article
from petrel.state import DocState


def _seed_refs(seeds_dir: Path, eval_dir: Path, nlp, kb) -> dict[str, list[ActorRef]]:
    published = {m["doc"]: m["published"] for m in map(json.loads, (eval_dir / "seeds" / "metadata.jsonl").open())}
    stage = ActorStage(Settings(), kb)
    refs: dict[str, list[ActorRef]] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = Article(doc_id=path.stem, source=str(path), fmt="text", text=text,
                          published=datetime.fromisoformat(published[path.stem]))
        state = DocState(article, nlp(text))
        stage(state)
        refs[path.stem] = actors_in_doc(state)
    return refs


@pytest.fixture(scope="module")
def seed_refs(seeds_dir: Path, eval_dir: Path, nlp, kb) -> dict[str, list[ActorRef]]:
    if not (eval_dir / "seeds" / "gold.jsonl").is_file() or not seeds_dir.is_dir():
        pytest.skip("seed articles or gold events are not in ../shared")
    return _seed_refs(seeds_dir, eval_dir, nlp, kb)


def _gold_named_actors(eval_dir: Path) -> set[tuple[str, str, str]]:
    needed = set()
    for line in (eval_dir / "seeds" / "gold.jsonl").open():
        event = json.loads(line)
        for role in ("source", "target"):
            actor = event.get(role) or {}
            if actor.get("name") and isinstance(actor.get("country"), str):
                needed.add((event["doc"], actor["name"], actor["country"]))
    return needed


def _same_actor(ref: ActorRef, name: str, kb) -> bool:
    known = kb.match(name)
    if known is not None and ref.actor_id == known.id:
        return True
    return normalise(ref.name) == normalise(name)


def test_gold_named_actors_are_found(seed_refs, eval_dir: Path, kb) -> None:
    needed = _gold_named_actors(eval_dir)
    assert len(needed) >= 5
    missing = [(doc, name, country) for doc, name, country in needed
               if not any(_same_actor(r, name, kb) and r.country == country for r in seed_refs[doc])]
    assert missing == []


def test_seed_people_have_their_offices(seed_refs) -> None:
    everyone = {r.actor_id: r for refs in seed_refs.values() for r in refs if r.actor_id}
    assert (everyone["donald-trump"].country, everyone["donald-trump"].sector) == ("USA", ["GOV"])
    assert (everyone["barham-salih"].country, everyone["barham-salih"].sector) == ("IRQ", ["GOV"])
    assert everyone["qais-al-khazali"].country == "IRQ"
    assert {"kataib-hezbollah", "asaib-ahl-al-haq", "popular-mobilization-forces"} <= set(everyone)


def test_spokesperson_is_a_context_actor(seed_refs) -> None:
    context = [r for refs in seed_refs.values() for r in refs if r.resolution == "context" and r.actor_id]
    mohiy = [r for r in context if r.actor_id.endswith("mohiy")]
    assert mohiy and mohiy[0].country == "IRQ" and {"REB", "MIL"} & set(mohiy[0].sector)
