"""Snippet repairs of the clean stage: shouted and Title Case headlines put in sentence case, and a snippet's
source tag taken off (sentences written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petrel.clean import article_from_text, clean_text
from petrel.clean._headline import is_common, sentence_case_headlines
from petrel.clean._wire import strip_source_tags

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(("shouted", "cased"), [
    ("RWANDA ACCUSES BURUNDI OF SHELTERING REBELS", "Rwanda accuses Burundi of sheltering rebels"),
    ("EU FREEZES FUNDS FOR HUNGARY OVER RULE OF LAW", "EU freezes funds for Hungary over rule of law"),
    ("BREAKING: AL-SHABAAB CLAIMS ATTACK ON MOGADISHU HOTEL", "Breaking: Al-Shabaab claims attack on Mogadishu hotel"),
    ("NATO WARNS BELGRADE OVER TROOP BUILD-UP", "NATO warns Belgrade over troop build-up"),
    ("VENEZUELA'S MADURO EXPELS PERUVIAN ENVOY", "Venezuela's Maduro expels Peruvian envoy"),
])
def test_a_shouted_headline_is_put_in_sentence_case(shouted: str, cased: str) -> None:
    assert sentence_case_headlines(shouted) == cased


@pytest.mark.parametrize(("title", "cased"), [
    ("Somali Troops Recapture Town From Militants In Hiraan", "Somali troops recapture town from militants in Hiraan"),
    ("Honduras Recalls Its Ambassador To Nicaragua Over Border Row",
     "Honduras recalls its ambassador to Nicaragua over border row"),
    ("Police Disperse Teachers Marching On Parliament In Harare",
     "Police disperse teachers marching on parliament in Harare"),
])
def test_a_title_case_headline_is_put_in_sentence_case(title: str, cased: str) -> None:
    assert sentence_case_headlines(title) == cased


@pytest.mark.parametrize(("headline", "cased"), [
    ("U.S. Drone Strike Hits Militant Camp In Somalia", "U.S. drone strike hits militant camp in Somalia"),
    ("JAPAN PROTESTS N. KOREAN MISSILE LAUNCH", "Japan protests N. Korean missile launch"),
    ("Gunmen Kill A Teacher In A Village Near Jos", "Gunmen kill a teacher in a village near Jos"),
])
def test_initials_do_not_end_the_headline_and_keep_their_capitals(headline: str, cased: str) -> None:
    assert sentence_case_headlines(headline) == cased


def test_a_name_holding_a_common_word_keeps_its_capitals() -> None:
    assert sentence_case_headlines("Yemen Asks Security Council To Condemn Strikes On Ports") == (
        "Yemen asks Security Council to condemn strikes on ports")


@pytest.mark.parametrize("text", [
    "The foreign minister of Chad met President Mahamat Deby in N'Djamena on Tuesday.",
    "Officials said the UN World Food Programme would resume deliveries to Tigray.",
    "Prime Minister Shehbaz Sharif",
    "He told the BBC that the IDF had not yet left.",
])
def test_ordinary_sentences_and_short_names_are_left_alone(text: str) -> None:
    assert sentence_case_headlines(text) == text


def test_a_headline_verb_in_the_present_tense_counts_as_common() -> None:
    assert is_common("Slams") and is_common("urges") and is_common("Withdraws")
    assert not is_common("Paris") and not is_common("Tshisekedi")


HEADLINE_WORDS = st.sampled_from(["KILLS", "Police", "ARREST", "Iran", "UN", "RSF", "Attack", "On", "the",
                                  "in", "Of", "REBELS", "Seize", "Town", "NATO'S", "X-RAY", "3", "Über", ":",
                                  ",", ".", "\n\n", "—", "|", "Ça", "ǅemal", "ß", "İstanbul"])
HEADLINE_TEXT = st.one_of(st.text(max_size=200), st.lists(HEADLINE_WORDS, max_size=20).map(" ".join))


@FAST
@given(HEADLINE_TEXT)
def test_sentence_casing_changes_case_only_and_is_idempotent(text: str) -> None:
    cased = sentence_case_headlines(text)
    assert len(cased) == len(text)
    assert cased.lower() == text.lower() or cased.casefold() == text.casefold()
    assert sentence_case_headlines(cased) == cased


@pytest.mark.parametrize(("text", "body", "tag"), [
    ("(Reuters) - Miners strike at Zambian copper belt", "Miners strike at Zambian copper belt", "Reuters"),
    ("Troops shell border villages, residents say | Al Jazeera", "Troops shell border villages, residents say",
     "Al Jazeera"),
    ("Chile recalls envoy from Caracas - AFP", "Chile recalls envoy from Caracas", "AFP"),
])
def test_a_snippets_source_tag_is_taken_off(text: str, body: str, tag: str) -> None:
    assert strip_source_tags(text, lambda name: None) == (body, tag)


@pytest.mark.parametrize("text", [
    "Seven killed in Kasai clashes - police",
    "Army retakes town - official",
    "(AP) —",
])
def test_a_dash_before_other_words_is_not_a_tag(text: str) -> None:
    assert strip_source_tags(text, lambda name: None)[0] == text


def test_a_snippet_article_keeps_its_credit_and_loses_the_tag() -> None:
    article = article_from_text("(AP) — Venezuela frees jailed opposition mayor", doc_id="t")
    assert article.text == "Venezuela frees jailed opposition mayor" and article.wire_credit == "AP"
    tagged = article_from_text("GUNMEN KILL 12 VILLAGERS IN BENUE | Premium Times", doc_id="t")
    assert tagged.text == "Gunmen kill 12 villagers in Benue"


def test_the_full_clean_recases_a_shouted_line_after_its_dateline() -> None:
    body, found = clean_text("KANO, Nigeria (AP) — POLICE ARREST 30 PROTESTERS IN KANO. The arrests followed a march "
                             "on the governor's office, a spokesman said.")
    assert body.startswith("Police arrest 30 protesters in Kano. The arrests") and found.wire_credit == "AP"


@FAST
@given(st.lists(HEADLINE_WORDS, max_size=16).map(" ".join), st.sampled_from(["", " | Reuters", " - AP"]))
def test_tag_stripping_only_shortens_the_end(text: str, tag: str) -> None:
    stripped, _ = strip_source_tags(text + tag, lambda name: None)
    assert (text + tag).startswith(stripped) or stripped in (text + tag)


def test_a_headline_line_over_its_teaser_is_its_own_paragraph() -> None:
    text = ("Rebels seize gold mine in eastern Congo\n"
            "The M23 group took control of the site on Tuesday after two days of fighting, residents said.")
    assert article_from_text(text, doc_id="t").text == text.replace("\n", "\n\n")


def test_a_wrapped_paragraph_is_still_joined() -> None:
    text = ("Ministers from the regional bloc met in Gaborone on Thursday to discuss\n"
            "the deployment of a standby force to the north of Mozambique,\n"
            "officials said.")
    assert article_from_text(text, doc_id="t").text == text.replace("\n", " ")


@pytest.mark.parametrize(("text", "body"), [
    ("UPDATE 3-Malian army retakes Kidal from rebels", "Malian army retakes Kidal from rebels"),
    ("EXCLUSIVE-Serbia sends arms to Armenia, documents show", "Serbia sends arms to Armenia, documents show"),
    ("BREAKING: Gabon's army seizes power", "Gabon's army seizes power"),
    ("Watch: Police break up rally in Lusaka", "Police break up rally in Lusaka"),
])
def test_a_feed_label_is_taken_off(text: str, body: str) -> None:
    assert strip_source_tags(text, lambda name: None)[0] == body


@pytest.mark.parametrize("text", ["Live-fire drills resume off Crete", "Analysis: Why Dakar's protests spread",
                                  "Video shows troops firing on crowd"])
def test_a_genre_label_or_a_word_that_only_looks_like_a_label_stays(text: str) -> None:
    assert strip_source_tags(text, lambda name: None)[0] == text


def test_html_character_references_of_a_feed_are_decoded() -> None:
    article = article_from_text("Chad&#39;s junta bans rallies &amp; marches &#8230;", doc_id="t")
    assert article.text == "Chad's junta bans rallies & marches …"
    assert article_from_text("&amp;quot;No&amp;quot; vote &#65;", doc_id="t").text == '"No" vote &#65;'


@FAST
@given(st.lists(st.sampled_from(["&amp;", "&#39;", "&quot;", "&#65;", "amp;", "&", "#39;", "x", " ", "&nbsp;",
                                 "&#x27;", "&lt;", ";"]), max_size=20).map("".join))
def test_decoding_references_is_idempotent_and_invents_no_letters(text: str) -> None:
    from petrel.clean._unicode import normalise_unicode

    once = normalise_unicode(text)
    assert normalise_unicode(once) == once
    source = iter(c for c in text if c.isalnum())
    assert all(c in source for c in once if c.isalnum())  # its letters are the input's, in order
