"""Trigger families of the cooperative and verbal half of PLOVER (CAMEO 02-09) added in session 9 (triggers9c):
synonyms, phrasal verbs, light verb + event noun, British spellings, each with sentences written for petrel
(never probe, eval or real-news sentences), and the near misses that must stay silent.

Run with the lexicon rules alone (the ``run`` fixture), so that the event model's proposals hide no gap."""

from __future__ import annotations

import pytest


def kinds(events) -> set[tuple[str, str | None]]:  # noqa: ANN001
    return {(e.type, e.mode) for e in events}


def types(events) -> set[str]:  # noqa: ANN001
    return {e.type for e in events}


@pytest.mark.parametrize(("text", "etype", "mode"), [
    # REQUEST: light verb + appeal noun, seeking backing, mode from the complement of urge/ask/call on
    ("Uruguay made a formal appeal to Argentina for help in fighting the forest fires along the border.",
     "REQUEST", "assist"),
    ("Fiji renewed its plea to Australia for emergency loans after the cyclone, the finance ministry said.",
     "REQUEST", "assist"),
    ("Armenia sought European backing for its border monitoring mission, the foreign minister said.",
     "REQUEST", "assist"),
    ("Jordan urged Israel on Monday to reopen the Allenby crossing to aid lorries, the foreign ministry said.",
     "REQUEST", "yield"),
    ("The Somali government asked Turkey to supply more drones for the offensive, officials said.",
     "REQUEST", "assist"),
    ("Norway called on Ethiopia and Eritrea to resume talks on their border, the ministry said.",
     "REQUEST", "meet"),
    # AGREE: approval, readiness, undertakings, compromises
    ("The Polish government gave the go-ahead for the transfer of MiG jets to Ukraine on Thursday.", "AGREE", None),
    ("Azerbaijan signalled its willingness to resume peace talks with Armenia in Washington.", "AGREE", None),
    ("Sudan's army undertook to open three humanitarian corridors into Darfur, the UN said.", "AGREE", None),
    ("Kyrgyzstan and Tajikistan came to terms on the disputed stretch of their border on Friday.", "AGREE", None),
    ("Egypt and Ethiopia reached a compromise on the filling of the dam, officials said.", "AGREE", None),
    # SUPPORT: signing (ink, sign off on, clinch, hammer out), backing, ties, recognition (British spelling)
    ("Serbia and Hungary inked a gas supply agreement in Belgrade on Monday.", "SUPPORT", None),
    ("Peru and Ecuador clinched an agreement on fishing rights on Tuesday.", "SUPPORT", None),
    ("Qatar threw its weight behind the Palestinian Authority's reform plan on Sunday.", "SUPPORT", None),
    ("The United States lent its support to the Kenyan-led mission in Haiti on Monday.", "SUPPORT", None),
    ("Morocco and Algeria reopened their embassies after a meeting of their ministers in Rabat.", "SUPPORT", None),
    ("Ireland recognised the Palestinian state on Tuesday, the taoiseach said.", "SUPPORT", None),
    # CONSULT: phrasal meetings, calls, visits, hosting
    ("Lithuania's foreign minister sat down with his Polish counterpart in Vilnius on Tuesday.", "CONSULT", None),
    ("The Colombian government opened talks with the ELN guerrillas in Caracas on Monday.", "CONSULT", None),
    ("Ghana's president reached out to Togo's president on Monday after the border incident, his aides said.",
     "CONSULT", None),
    ("The leaders of Japan and South Korea held a phone call on Wednesday to discuss North Korea.",
     "CONSULT", "phone"),
    ("Spain's prime minister paid a visit to Mauritania on Wednesday to discuss migration.", "CONSULT", "visit"),
    ("The Angolan president received a delegation of Congolese ministers in Luanda on Monday.",
     "CONSULT", "visit"),
    ("Kazakhstan's president welcomed the Chinese leader to Astana for a two-day state visit.",
     "CONSULT", "visit"),
    ("Algeria played host to the Malian foreign minister on Sunday.", "CONSULT", "visit"),
    # COOPERATE: coordination, teaming up
    ("Greek and Turkish coast guards coordinated a search for missing migrants in the Aegean on Friday.",
     "COOPERATE", None),
    ("Colombia and Panama teamed up with the United States to fight smuggling in the Darien Gap.",
     "COOPERATE", None),
    # AID: credit lines, debt relief, disbursements, materiel handed over, sanctuary, taking refugees in
    ("Japan extended a $1 billion credit line to the Philippines for rail projects on Monday.", "AID", None),
    ("France wrote off Haiti's debt to the French development agency, the embassy said.", "AID", None),
    ("The World Bank disbursed $200 million to Kenya for drought relief, the bank said.", "AID", None),
    ("Greece handed over six patrol boats to the Libyan coast guard on Thursday.", "AID", None),
    ("The Netherlands delivered two more air defence systems to Ukraine on Wednesday.", "AID", None),
    ("Turkey came to the aid of Morocco after the earthquake, sending 300 rescuers.", "AID", None),
    ("Brazil granted sanctuary to a Bolivian opposition senator in its embassy in La Paz.", "AID", None),
    ("Poland took in thousands of refugees from Belarus last month, the interior ministry said.", "AID", None),
    # CONCEDE: pardons, commutations, dropped charges, restored access, shelved measures
    ("The Kenyan president pardoned 4,000 prisoners on Independence Day, the prisons service said.",
     "CONCEDE", None),
    ("Malawi's president commuted the death sentences of 20 prisoners to life terms.", "CONCEDE", None),
    ("Prosecutors in Turkey dropped charges against a Kurdish journalist on Wednesday.", "CONCEDE", None),
    ("Uganda's government restored internet access on Saturday, a week after the election.", "CONCEDE", None),
    ("The Ecuadorian government shelved the fuel tax hike after a week of protests by indigenous groups.",
     "CONCEDE", None),
    # RETREAT: handing over power, returning boats, swaps, letting aid in, vacating, demobilising, disarming
    ("Bangladesh's prime minister handed over power to an interim government on Monday.", "RETREAT", "resign"),
    ("Indonesia returned two Vietnamese fishing boats seized in the Natuna Sea, officials said.",
     "RETREAT", "return"),
    ("Armenia and Azerbaijan swapped prisoners at the border on Thursday.", "RETREAT", "release"),
    ("Myanmar's army let Red Cross workers into Rakhine state on Wednesday.", "RETREAT", "access"),
    ("Syrian rebels vacated their positions near Idlib under the Turkish-Russian deal.", "RETREAT", "withdraw"),
    ("Mozambique demobilised 2,000 Renamo fighters in Sofala province.", "RETREAT", "disarm"),
    ("Dozens of ELN fighters surrendered their weapons to the Colombian army on Sunday.", "RETREAT", "disarm"),
    # ACCUSE (investigation, CAMEO 09): British spellings, commissions of inquiry, questioning, ordered probes
    ("Peru's attorney general opened an enquiry into the deaths of protesters in Juliaca.",
     "ACCUSE", "investigate"),
    ("The UN Security Council ordered an investigation into the attack on peacekeepers in Lebanon.",
     "ACCUSE", "investigate"),
    ("Kenyan prosecutors questioned the former interior minister over the missing funds on Monday.",
     "ACCUSE", "investigate"),
])
def test_family_is_coded(run, text: str, etype: str, mode: str | None) -> None:
    events = run(text)
    assert etype in types(events), [(e.type, e.rule) for e in events]
    if mode is not None:
        assert (etype, mode) in kinds(events), [(e.type, e.mode, e.rule) for e in events]


def test_sharing_intelligence_is_cooperation_not_aid(run) -> None:
    events = run("Kenya shared intelligence with Uganda on the rebel commanders, the army said.")
    assert "COOPERATE" in types(events) and "AID" not in types(events), [(e.type, e.rule) for e in events]


def test_a_prisoner_exchange_is_a_release_not_cooperation(run) -> None:
    events = run("Russia and Ukraine exchanged prisoners on Friday, the defence ministry said.")
    assert "RETREAT" in types(events) and "COOPERATE" not in types(events), [(e.type, e.rule) for e in events]


def test_a_pardon_is_a_concession(run) -> None:
    events = run("The Algerian president pardoned a jailed journalist on Thursday, the presidency said.")
    assert "CONCEDE" in types(events) and "SUPPORT" not in types(events), [(e.type, e.rule) for e in events]


@pytest.mark.parametrize(("text", "etype"), [
    ("The Louvre received a donation of paintings from the French government on Monday.", "CONSULT"),
    ("Argentine striker Lautaro Martinez signed a contract extension with Inter Milan on Tuesday.", "SUPPORT"),
    ("The French president conferred the Legion of Honour on the Senegalese novelist on Friday.", "CONSULT"),
    ("Rebels handed over their rifles to the United Nations in Bambari on Monday.", "AID"),
    ("The Nigerian government extended the rail line to Kano last year.", "AID"),  # a line, not a credit line
    ("A US appeals court vacated the conviction of the former Honduran president on Friday.", "RETREAT"),
    ("Russian missiles landed in the centre of Kharkiv overnight, the mayor said.", "CONSULT"),  # no visit
    ("The ministry said it recognised that the reforms would take time.", "SUPPORT"),  # cognition
    ("The navy kept sending ships to the disputed reef, the minister said.", "AID"),  # a deployment
])
def test_near_misses_stay_silent(run, text: str, etype: str) -> None:
    assert etype not in types(run(text)), [(e.type, e.rule) for e in run(text)]
