"""Near-duplicate articles: syndicated copies and light rewrites are linked to the earliest one."""

from __future__ import annotations

from petrel.dedup import find_near_duplicates, merge_events, refresh
from tests.dedup.builders import add_article, add_mentions, day, mention

BODY = ("Gunmen attacked an army base near the town of Monguno on Monday evening, killing six soldiers, "
        "military sources said. The attackers arrived in pickup trucks and opened fire on the perimeter. "
        "Troops repelled them after a battle that lasted more than two hours, two officers said. Residents "
        "heard explosions late into the night and the army has not issued a statement on the attack yet.")
OTHER = ("Truck drivers blocked the main highway of the border city for most of Thursday to protest against a "
         "sharp rise in diesel prices, and union leaders said they would return every day until heard.")


def _corpus(con) -> None:
    add_article(con, "wire", outlet="Wire", published=day(2), text=BODY)
    add_article(con, "copy", outlet="Ledger", published=day(3), text="MONGUNO (Wire) - " + BODY)
    add_article(con, "rewrite", outlet="Post", published=day(3),
                text=BODY.replace("six soldiers", "six troops") + " Reporting by our staff.")
    add_article(con, "other", outlet="Courier", published=day(2), text=OTHER)


def _links(con) -> dict[str, str | None]:
    return dict(con.execute("SELECT doc_id, near_dup_of FROM articles").fetchall())


def test_copies_and_light_rewrites_point_at_the_earliest_article(con, dedup_settings) -> None:
    _corpus(con)
    result = find_near_duplicates(con, dedup_settings)
    assert result.hashed == 4
    assert _links(con) == {"wire": None, "copy": "wire", "rewrite": "wire", "other": None}
    scores = dict(con.execute("SELECT doc_id, near_dup_score FROM articles WHERE near_dup_of IS NOT NULL").fetchall())
    assert all(0.8 <= s <= 1.0 for s in scores.values())


def test_an_earlier_copy_arriving_later_becomes_the_root(con, dedup_settings) -> None:
    _corpus(con)
    find_near_duplicates(con, dedup_settings)
    add_article(con, "first", outlet="Early", published=day(1), text=BODY + " Early edition.")
    result = find_near_duplicates(con, dedup_settings)
    assert result.hashed == 1
    assert _links(con)["wire"] == "first" and _links(con)["copy"] == "first"


def test_raising_the_threshold_unlinks_the_rewrite(con, dedup_settings) -> None:
    _corpus(con)
    find_near_duplicates(con, dedup_settings)
    find_near_duplicates(con, dedup_settings.model_copy(update={"near_dup_threshold": 0.97}))
    assert _links(con)["rewrite"] is None


def test_copies_do_not_count_as_independent_reports(con, dedup_settings) -> None:
    _corpus(con)
    add_mentions(con, [mention("w1", "wire"), mention("c1", "copy"), mention("r1", "rewrite")])
    refresh(con, dedup_settings)
    row = con.execute("SELECT num_mentions, num_articles, num_sources, num_copies FROM events").fetchone()
    assert row == (3, 1, 1, 2)


def test_rejected_articles_are_ignored(con, dedup_settings) -> None:
    _corpus(con)
    con.execute("UPDATE articles SET status = 'rejected' WHERE doc_id = 'copy'")
    find_near_duplicates(con, dedup_settings)
    assert _links(con)["copy"] is None
    assert merge_events(con, dedup_settings).events_total == 0
