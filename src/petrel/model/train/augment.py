"""Register variation for training sentences: the same event told with the frames real reports put around it.

A classifier trained on clean written sentences learns that a sentence opening with a date, a wire dateline or
a village-and-province description is something else: "Dozens of retirees demonstrated ..." is a protest, but
"On 20 June 2024, dozens of retirees demonstrated ..." fell to a coin toss. Real news and conflict-monitoring
descriptions wrap nearly every event in such frames, so a share of the training sentences gets one: a date
or weekday opening, a dateline, an attribution at the end. The label never changes (a frame adds no event),
and the same frames go on sentences without events, so a frame alone is no cue.

Only the training split is varied (never the validation or test sentences), with its own seeded generator,
so ``make model`` stays reproducible.
"""

from __future__ import annotations

import random
from dataclasses import replace

from petrel.model.train.data import Row

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SHORT_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DATELINE_PLACES = ("NAIROBI", "BAGHDAD", "KYIV", "BOGOTA", "DHAKA", "ABUJA", "BEIRUT", "MANILA", "ADDIS ABABA",
                   "KARACHI", "LIMA", "TUNIS", "YANGON", "KINSHASA", "ANKARA", "JAKARTA", "BAMAKO", "TBILISI",
                   "CARACAS", "SANAA", "ISLAMABAD", "MAPUTO", "PORT-AU-PRINCE", "BISHKEK", "KHARTOUM")
WIRES = ("Reuters", "AFP", "AP", "Petrel Desk")
OPENINGS = ("On {d} {month} {year}, ", "Around {d} {month} {year} (as reported), ", "On {weekday}, ",
            "Late on {weekday}, ", "Early on {weekday}, ", "On the night of {d} {month}, ",
            "{place}, {smonth} {d} ({wire}) - ", "{place}, {smonth} {d} - ")
ATTRIBUTIONS = ("local sources said", "according to a local monitor", "officials said on {weekday}",
                "residents told reporters", "the report said", "a security source said",
                "according to media reports", "a statement said")

#: share of training sentences that get a frame
SHARE = 0.3
#: words a frame never goes on: a sentence this short is a headline, which carries no frame
MIN_WORDS = 7


def _opening(rng: random.Random) -> str:
    form = rng.choice(OPENINGS)
    return form.format(d=rng.randint(1, 28), month=rng.choice(MONTHS), smonth=rng.choice(SHORT_MONTHS),
                       year=rng.randint(2014, 2025), weekday=rng.choice(WEEKDAYS),
                       place=rng.choice(DATELINE_PLACES), wire=rng.choice(WIRES))


def _framed_text(text: str, rng: random.Random) -> str | None:
    """``text`` with an opening, an attribution or both; None when the sentence already has a frame."""
    words = text.split()
    if len(words) < MIN_WORDS or not text.endswith(".") or " - " in text[:60] or words[0] in {"On", "Around"}:
        return None
    pick = rng.random()
    out = text
    if pick < 0.75:
        first = out[0].lower() + out[1:] if words[0] in {"A", "An", "The"} else out
        out = _opening(rng) + first
    if pick >= 0.5 and " said" not in text and "according to" not in text:
        out = out[:-1] + ", " + rng.choice(ATTRIBUTIONS).format(weekday=rng.choice(WEEKDAYS)) + "."
    return out if out != text else None


def vary_register(rows: list[Row], seed: int, share: float = SHARE) -> list[Row]:
    """``rows`` with about ``share`` of them framed (same labels), in the same order."""
    rng = random.Random(seed * 7919 + 1)
    out = []
    for row in rows:
        framed = _framed_text(row.text, rng) if rng.random() < share else None
        out.append(replace(row, text=framed) if framed else row)
    return out
