"""Regular expressions for English time expressions, and the word tables they use.

Month and weekday names are matched case-sensitively ("May" the month, not "may" the verb;
"March" needs a cue word before it when it stands alone); every other word is case-insensitive.
The patterns only *find* expressions; :mod:`petrel.dates.resolve` turns them into dates.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2,
}
# Vague counts resolve to a range from the larger to the smaller count ago.
VAGUE_COUNTS: dict[str, tuple[int, int]] = {"a few": (2, 4), "few": (2, 4), "several": (3, 7)}

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?P<mon>{_FULL_MONTH}|{_ABBR_MONTH})"
MONTH_FULL = rf"(?P<mon>{_FULL_MONTH})"
WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# counts and units match in any case: "Two days ago" opens a sentence
_COUNT = r"(?P<n>\d{1,3}|(?i:a\s+couple\s+of|couple\s+of|a\s+few|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_UNIT = r"(?P<unit>(?i:day|week|month|year|decade))(?i:s)?"
_PART = r"(?:[\s-]+(?i:morning|afternoon|evening|night))?"
# Bare years followed by a count noun are quantities, not years ("2000 troops").
_NOT_COUNT = r"(?!\s+(?i:troops|soldiers|people|fighters|members|civilians|men|women|children|families|refugees|dollars|euros|km|kilometers|kilometres|miles|tons|tonnes|barrels|rockets|missiles|homes|houses|votes|deaths|cases)\b)"

# Numbers that look like years after these words are not years ("Resolution 1973", "Flight 2020").
_NOT_NUMBERED = r"(?<![Rr]esolution\s)(?<![Ff]light\s)(?<!No\.\s)(?<![Nn]umber\s)(?<![Rr]oute\s)(?<![Aa]rticle\s)"

# Cue words of a deadline, which looks ahead whatever the tense ("no later than May 10").
_DEADLINE = (r"(?i:no\s+later\s+than|not\s+later\s+than|(?:a|the)\s+deadline\s+of|deadline\s+(?:of|on|is)|"
             r"due\s+(?:on|by))")

# A weekday after these words is ahead of the report whatever the tense: "gave them until Friday", "told them
# to leave by Saturday", "called a strike for Monday" (under the past tense it is not the act's day).
_AHEAD = r"(?i:until|till|by|for)"
# A night across two days is dated by its first day: "on the night of 3-4 May", "overnight Saturday into Sunday".
_NIGHT_OF = r"(?i:(?:the\s+)?night\s+(?:of|between|from))"
_DAY_TO = r"(?:\s*[-–/]\s*|\s+(?i:to|and|into)\s+)"
# Days counted from another event the text names ("the previous day", "two days later"): the stage
# resolves these against that event's day (the sentence's or the one before's), not publication.
_WORD_COUNT = r"(?P<n>\d{1,2}|(?i:a|one|two|three|four|five|six|seven|eight|nine|ten))"
_NOT_NOUN = r"(?!\s+(?i:yesterday|the|last|his|her|their|its|a|an)\b)"

# name -> pattern; names are what :mod:`petrel.dates.resolve` dispatches on.
RULES: tuple[tuple[str, str], ...] = (
    # a deadline looks ahead whatever the tense: "no later than May 10", "a deadline of June 1"
    ("deadline", rf"\b(?P<cue>{_DEADLINE})\s+(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+(?P<y>{YEAR}))?\b"),
    ("deadline", rf"\b(?P<cue>{_DEADLINE})\s+(?:{WEEKDAY},?\s+)?{DAY}\s+(?:(?i:of)\s+)?{MONTH}(?![a-z])(?:,?\s+(?P<y>{YEAR}))?"),
    ("iso_day", r"\b(?P<y>" + YEAR + r")[-/](?P<m>[01]\d)[-/](?P<d>[0-3]\d)\b"),
    # day first with dashes or dots ("25-08-2020", "3.5.2024"); with slashes only when the day is over 12
    ("numeric_dmy", r"(?<![\d/.-])(?P<d>[0-3]?\d)(?P<sep>[-.])(?P<m>[01]?\d)(?P=sep)(?P<y>" + YEAR + r")\b(?![-/.]\d)"),
    ("numeric_dmy", r"(?<![\d/.-])(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>" + YEAR + r")\b(?![-/.]\d)"),
    # "between 1 and 3 June", "from 30 May to 2 June 2025": the days from the first to the last (places10)
    ("day_span", rf"\b(?i:between|from)\s+{DAY}(?:\s+(?:(?i:of)\s+)?(?P<mon1>{_FULL_MONTH}|{_ABBR_MONTH}))?\s+(?i:and|to|until|till|through)\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{MONTH}(?![a-z])(?:,?\s+(?P<y>{YEAR}))?"),
    ("night_of", rf"\b{_NIGHT_OF}\s+(?:{WEEKDAY},?\s+)?{DAY}(?:\s+(?:(?i:of)\s+)?(?P<mon1>{_FULL_MONTH}|{_ABBR_MONTH}))?{_DAY_TO}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?{MONTH}(?![a-z])(?:,?\s+(?P<y>{YEAR}))?"),
    ("overnight_weekday", rf"\b(?i:overnight)\s+(?:(?i:on|of|from)\s+)?{WEEKDAY}\b(?:{_DAY_TO}(?:{WEEKDAY.replace('wd', 'wd2')}))?"),
    ("ahead_weekday", rf"\b(?P<cue>{_AHEAD})\s+(?:(?i:next)\s+)?{WEEKDAY}\b(?!\s+(?i:prayers?|sermons?|services?)\b)"),
    ("iso_month", r"\b(?P<y>" + YEAR + r")-(?P<m>0[1-9]|1[0-2])\b(?![-/]\d)"),
    ("month_day_year", rf"\b{MONTH}\s+{DAY},?\s+(?P<y>{YEAR})\b"),
    ("day_month_year", rf"\b{DAY}\s+(?:(?i:of)\s+)?{MONTH},?\s+(?P<y>{YEAR})\b"),
    ("month_day", rf"\b{MONTH}\s+{DAY}\b(?!\s*(?:,\s*)?\d)"),
    ("day_month", rf"\b{DAY}\s+(?:(?i:of)\s+)?{MONTH}(?![a-z])"),
    ("month_year", rf"(?:\b(?i:early|late|mid)[\s-]+)?\b{MONTH}\s+(?:(?i:of)\s+)?(?P<y>{YEAR})\b"),
    ("bare_month", rf"\b(?P<cue>(?i:last|next|this|in|since|until|till|by|during|early|late|mid|before|after|from|through|of))[\s-]+(?:(?i:early|late|mid)[\s-]+)?{MONTH_FULL}\b(?!\s+\d)"),
    ("year_range", rf"\b(?i:(?:from|between)\s+)(?P<y1>{YEAR})\s+(?i:to|and|until|till|through)\s+(?P<y2>{YEAR})\b"),
    ("year_dash_range", rf"\b(?P<y1>{YEAR})\s*(?:[–—]\s*|-(?=\d{{4}}))(?P<y2>{YEAR}|\d\d)\b(?![-/]\d)"),
    ("decade", rf"\b(?:(?P<since>(?i:since))\s+)?(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?P<dec>1[89]\d0|20\d0)s\b"),
    ("since_year", rf"\b(?i:since|from)\s+(?:(?i:early|late|mid)[\s-]+)?(?P<y>{YEAR})\b(?!\s+(?i:to|and|until|till|through)\s+\d)"),
    ("year", rf"(?<![\d$£€.,]){_NOT_NUMBERED}(?:\b(?i:early|late|mid)[\s-]+)?\b(?P<y>{YEAR})\b(?![%]|[,.]\d|-\d){_NOT_COUNT}"),
    ("weekday", rf"(?:\b(?P<mod>(?i:last|next|this|on|coming|past))\s+)?\b{WEEKDAY}\b{_PART}"),
    ("day_word", r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|earlier\s+today|today|tonight|tomorrow|last\s+night|overnight|this\s+(?:morning|afternoon|evening)))\b"),
    # "the night before", "the previous day": the day before the anchor (the publication day; the
    # main clause's day is not known to the resolver)
    ("day_before", r"\b(?P<w>(?i:the\s+(?:night|day|evening)\s+before|the\s+previous\s+(?:day|night|evening)|a\s+day\s+earlier))\b(?!\s+(?i:yesterday|the|last|his|her|their|its|a|an)\b)"),
    ("day_after", rf"\b(?P<w>(?i:the\s+(?:following|next)\s+(?:day|morning|night|evening)|the\s+day\s+after|a\s+day\s+later))\b{_NOT_NOUN}"),
    ("days_later", rf"\b{_WORD_COUNT}\s+(?P<unit>(?i:day|week))(?i:s)?\s+(?P<rel>(?i:later|earlier))\b"),
    ("season", rf"\b(?P<mod>(?i:last|this|next|past|early|late|mid|in|during|over|since|by))[\s-]+(?:(?i:the)\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR})\b)?"),
    ("season_year", rf"\b(?P<season>(?i:spring|summer|autumn|fall|winter))\s+(?:(?i:of)\s+)?(?P<y>{YEAR})\b"),
    ("ago", rf"\b{_COUNT}\s+{_UNIT}\s+(?i:ago)\b"),
    ("in_future", rf"\b(?i:in|within)\s+{_COUNT}\s+{_UNIT}(?!\s+(?i:ago))\b"),
    ("from_now", rf"\b{_COUNT}\s+{_UNIT}\s+(?i:from\s+now)\b"),
    ("past_few", rf"\b(?i:(?:over\s+|in\s+|during\s+)?the\s+(?:past|last|previous))\s+{_COUNT}\s+{_UNIT}\b"),
    ("coming_few", rf"\b(?i:(?:(?:in|over|during)\s+)?the\s+(?:coming|next))\s+(?:{_COUNT}\s+)?{_UNIT}\b"),
    ("recent_years", r"\b(?i:in\s+recent\s+(?P<unit>year|month|week|day)s)\b"),
    ("relative_unit", r"\b(?P<mod>(?i:last|this|next|past|previous|coming|over\s+the|earlier\s+this|later\s+this|earlier\s+in\s+the|late\s+last|early\s+last|late\s+this|early\s+this|early\s+next|late\s+next))\s+(?P<unit>(?i:week|weekend|month|year))\b"),
)

COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(rx)) for name, rx in RULES)

# A dateline left in the text ("SANAA, July 22 (Desk) -", "MOSUL, Iraq, Aug. 9, 2023 -"): its date is the report's.
DATELINE = re.compile(rf"^\W*[A-Z][A-Za-z .'’-]{{1,40}},\s+(?:[A-Z][A-Za-z ]{{1,30}},\s+)?{MONTH}\s+\d{{1,2}}"
                      rf"(?:,?\s+{YEAR})?\s*(?:\([^()]{{1,40}}\))?\s*(?:—|–|--|-|:)\s")

# Words that point back to a time named in an earlier sentence.
ANAPHORIC = re.compile(r"\b(?i:at\s+the\s+time|at\s+that\s+time|that\s+(?:day|week|month|year))\b")
# "would" only for an event whose status is not past ("said they would release the hostages on Thursday")
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
# expressions counted from another event's day, not publication ("the previous day", "two days later")
RELATIVE_RULES = frozenset({"day_before", "day_after", "days_later"})
