"""The registry of the event coder's rules: every rule id an event's provenance may hold, once, with the
stage that applies it, what it reads, what it adds and a one-line doc.

An event says why it exists in ``EventMention.provenance``, one typed record
(:class:`petrel.models.Provenance`): the rule ids that shaped it, outermost first (``rules``), the lexicon
entry that fired (``entry``: ``("speech-threat", "announced")`` and ``verb:190:attack``), the provenance of
each act folded into it (``repeats``), and when the event model took part its label, score and what the
blend did (kept, proposed, relabelled). :func:`fired` gives a provenance's rules with their registry
entries. The store keeps the record as columns; ``EventMention.rule``
(``speech-threat<announced<verb:190:attack``) is only its display string (:func:`petrel.models.rule_text`),
never parsed. Control flow asks the record (``provenance.applied(RULE)``) with the constants below, never a
string prefix. A rule id listed in
``Settings.disabled_rules`` is switched off where it applies (``petrel eval --ablate RULE_ID`` measures
what each one adds); a lexicon entry id (``verb:172:ban from``) may be switched off the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from petrel.models import Provenance, rule_text  # noqa: F401 - rule_text: the display string, defined once there


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the coder."""

    id: str
    stage: str  # the stage (and step) that applies it
    reads: str  # what it looks at
    adds: str  # what it changes or adds
    doc: str  # one line


RULES: dict[str, Rule] = {}


def _rule(rule_id: str, stage: str, reads: str, adds: str, doc: str) -> str:
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id!r} registered twice")
    RULES[rule_id] = Rule(rule_id, stage, reads, adds, doc)
    return rule_id


PARTIES = "events: parties"
INTENT = "events: intent"
SPEECH = "events: speech"
WEIGH = "events: weigh drafts"

# --- parties the text does not name (petrel.coding.unnamed), in the order parties.find_parties tries them
SECTOR_ACTOR = _rule("sector-actor", PARTIES, "the trigger's subject", "a source known only by its sector",
                     "'rebels said ...': a party known by what it is (Settings.sector_actors, on by default)")
LOCAL_PROTESTERS = _rule("local-protesters", PARTIES, "a protest's unnamed subject, the place", "the source",
                         "people no actor names, protesting in a country, are its civilians")
LOCAL_AUTHORITIES = _rule("local-authorities", PARTIES, "an agentless arrest or release, the place", "the source",
                          "an arrest or release by nobody named, in a country, is by its authorities")
ATTACK_AGENT = _rule("attack-agent", PARTIES, "the attack noun a harm verb names as cause", "the source",
                     "'killed in an Israeli air strike': the doer of the attack named")
UNKNOWN_AGENT = _rule("unknown-agent", PARTIES, "agentless violence, its victims, the place its text states",
                      "source 'unidentified attackers', of the country where they struck (resolution place)",
                      "violence by nobody named is by unidentified attackers, unless an accident")
DEVICE_AGENT = _rule("device-agent", PARTIES, "a harm verb whose subject is a device nobody is named for",
                     "source 'unidentified attackers' of the country where they struck, target the people harmed",
                     "'a roadside bomb killed two soldiers', 'an IED exploded ..., injuring three soldiers'")
CARRIED_FORWARD = _rule("carried-forward", PARTIES, "a definite attack noun with nobody named (a subject, or in "
                        "a harm verb's in/during/by phrase)",
                        "the source: the last attack's doer within a few sentences",
                        "'The army launched an offensive. The strikes killed 12': the army's")
DEPLOYED_FORCES = _rule("deployed-forces", PARTIES, "forces deployed in the passive, no agent", "the source",
                         "'Russian peacekeepers were deployed to the region': Russia's forces mobilise")
BETWEEN = _rule("between", PARTIES, "a reciprocal noun's 'between X and Y' phrase", "source and target",
                "'talks between Russian and Ukrainian delegations': Russia meets Ukraine")
ANSWERED_PARTY = _rule("answered-party", PARTIES,
                        "a rejection of a charge, offer or demand, or a hostile act 'in response', nobody named",
                        "the target: who made the charge, offer or demand, or did the last hostile act, this "
                        "sentence or two before", "'X accused Y of ..., a charge Y denied': Y rejects X")
ISSUER = _rule("issuer", PARTIES, "'we' as a subject outside quotes", "the source: the document's issuer",
                "'We condemn the arrests' in a government's statement: the government named in its heading")
OWN_CLAIM = _rule("own-claim", SPEECH, "a violent or repressive act its doer's own side reports",
                   "status claimed", "'Hezbollah said it fired rockets at a base': the doer's word for its act")
PLACE_LIST = _rule("place-list", PARTIES, "mentions that are links of a chain of administrative units",
                   "none: they are places, not parties",
                   "'in Kauran Namoda LGA, Zamfara state', 'Ain Issa, Tell Abiad district': no target 'Zamfara state'")
SETTLEMENT_PEOPLE = _rule("settlement-people", PARTIES, "force against a town or village, nobody named",
                          "the target: its residents (civilians)", "'shelled the town', 'stormed the village of X'")
PROTESTED_GOVERNMENT = _rule("protested-government", PARTIES, "a protest without target, its place",
                             "the target", "a protest at nobody named is addressed to the government of its place")
RESTRICTED_POPULATION = _rule("restricted-population", PARTIES, "a curfew, ban or emergency without target",
                              "the target", "a restriction on nobody named falls on its place's people")

ADDRESSEE = _rule("addressee", PARTIES, "a request's object, its 'to/on' object, a participle under 'wrote to'",
                  "the target: the one asked (the story's parties for 'all sides')",
                  "'urged X to press Y': X is asked, not Y")
TOLD_ACT = _rule("told-act", PARTIES, "a statement about an act the story told ('condemned the coup')",
                 "the target: that act's doers, from the nearest earlier event of a fitting type",
                 "'ECOWAS condemned the coup': aimed at the coup's plotters")
RELATIVE_OBJECT = _rule("relative-object", PARTIES, "a relative clause with its own subject and no object; a noun "
                        "the parser made a clause under the verb", "the target: the antecedent, the noun",
                        "'officials it accused of fraud': the officials")
STATE_INSTITUTION = _rule("state-institution", PARTIES, "dissolving or annulling an institution nobody names",
                          "the target: the state's institution (LEG, GOV, JUD)",
                          "'dissolved parliament', 'annulling the result': the state's")
NO_TARGET = _rule("no-target", PARTIES, "forces sent, the place two sides fought in",
                  "drops the target", "'sent 300 troops to the area', 'X and Y clashed in Z': no target")
# --- whom a material act is aimed at outside its object (petrel.coding.material, whom9m)
BORDER_PARTY = _rule("border-party", PARTIES, "a troop movement's 'border with X' phrase", "the target: X",
                     "'massed troops near its border with Ukraine': aimed at Ukraine")
PASSIVE_RECIPIENT = _rule("passive-recipient", PARTIES, "a passive aid, sanction or coercion verb on a thing",
                          "the target: its to/on/against object",
                          "'boats were handed over to the Ghanaian navy by the US': to the navy")
SHARED_OBJECT = _rule("shared-object", PARTIES, "a verb joined by 'and' to one with an object",
                      "the target: the joined verb's object", "'settlers beat and robbed two farmers': the farmers")
CLAUSE_OBJECT = _rule("clause-object", PARTIES, "a target preposition whose object is a clause",
                      "the target: the clause's subject", "'fired tear gas at students marching': the students")
PURPOSE_PARTY = _rule("purpose-party", PARTIES, "a troop movement's hostile purpose clause ('to deter X')",
                      "the target: X", "'deployed a carrier to the Gulf to deter Iran': aimed at Iran")
FLAG_STATE = _rule("flag-state", PARTIES, "a ship attacked or seized, named by its flag",
                   "the target: a business of the flag's country", "'seized a British-flagged tanker': a British ship")
FOREIGN_GROUND = _rule("foreign-ground", PARTIES, "one-sided force with nobody named, in another country",
                       "the target: that country", "'Israeli jets carried out airstrikes in southern Lebanon': Lebanon")
REPRESSED_GROUP = _rule("repressed-group", PARTIES, "a state's coercion of a group named by its role",
                        "the target: that group of the state's country",
                        "'the junta's crackdown on the opposition': the country's opposition")
PERSON_VICTIMS = _rule("person-victims", PARTIES, "force on people named only as persons ('a teenager')",
                       "the target: civilians known by their sector (located by the act's place)",
                       "'shot dead a teenager near Jenin': a Palestinian civilian")
DISTRICT_PEOPLE = _rule("district-people", PARTIES, "force on a part of a city ('a neighbourhood of X')",
                        "the target: X's residents (civilians)",
                        "'shelled a suburb of Damascus': its residents, not Syria's government")
# --- promised, refused, threatened acts (intent.read_intent)
THREAT = _rule("threat", INTENT, "a hostile act under 'threaten'/'warn'", "the type (THREATEN)",
               "'threatened to censure X': one threat, aimed where the threatened act is aimed")
ULTIMATUM = _rule("ultimatum", INTENT, "an announced act with an 'unless' clause", "the type (THREATEN, 139)",
                  "'will withdraw unless Y ...' is an ultimatum")
ANNOUNCED = _rule("announced", INTENT, "a future or vowed hostile act", "the type (THREATEN)",
                  "'will impose sanctions', 'vowed to fight': a hostile act announced is a threat")
REFUSAL = _rule("refusal", INTENT, "cooperation refused or negated with a modal", "the type (REJECT)",
                "'refused to deploy peacekeepers', 'will not provide aid' is a rejection")
INTENT_RULE = _rule("intent", INTENT, "cooperation promised or in the future", "the type (AGREE)",
                    "'agreed to withdraw', 'will provide aid' is a promise")

# --- reported speech (speech_drafts: apply_speech, obligations, accusations)
SPEECH_SPEAKER = _rule("speech-speaker", SPEECH, "a quote whose act names no doer", "the source (the speaker)",
                       "'we will retaliate', 'X said it would ...': the speaker is the doer")
SPEECH_THREAT = _rule("speech-threat", SPEECH, "a future hostile act by the speaker's side", "the type, parties",
                      "a speaker announcing their own side's hostile act threatens")
SPEECH_DEMAND = _rule("speech-demand", SPEECH, "a retreat the speaker says another must make", "the type (1056)",
                      "'Y must withdraw' said by X: X demands that Y yield")
REPORTED_AND = _rule("reported-and", SPEECH, "a speech act joined to a reported clause, no subject of its own",
                     "the source: the speech verb's subject",
                     "'X said Y was behind the raid and urged Z to act': X urges Z")
ACCUSED_ACT = _rule("accused-act", SPEECH, "the violent or repressive act an accusation's 'of' names",
                    "an act by the accused, status claimed",
                    "'accused soldiers of killing civilians': the killing, as the accuser's claim")
SPEECH_ORIGIN = _rule("speech-origin", SPEECH, "an agentless hostile act fired 'from' a place",
                      "the source (that place's side)", "a hostile act reported with its origin is by that side")
SPEECH_OBLIGATION = _rule("speech-obligation", SPEECH, "'X said Y must Z'", "a REQUEST draft",
                          "what a speaker says another must do is the speaker's demand, whatever it is")
SPEECH_ACCUSE = _rule("speech-accuse", SPEECH, "a wrong a speaker says another camp did",
                      "an ACCUSE draft (the act itself becomes claimed)",
                      "'X said Y fired rockets' is also X's accusation of Y")

# --- whom a verbal or diplomatic act is aimed at (petrel.coding.whom), after the parse's reading
WITH_PARTY = _rule("with-party", PARTIES, "a meeting's or agreement's 'with' phrase, on the trigger or its noun",
                   "the target, before a topic or a place", "'held talks with X', 'discussed the crisis with X'")
RECIPROCAL_SUBJECT = _rule("reciprocal-subject", PARTIES, "a meeting's or agreement's subject naming two parties",
                           "the target: the party beside the source", "'officials from X and Y met': X meets Y")
ADDRESSED_PARTY = _rule("addressed-party", PARTIES, "a concession, support, appeal or warning without target, "
                        "its 'to/towards' phrase", "the target", "'granted concessions to X', 'softened its "
                        "stance towards X'")
PASSIVE_HOLDER = _rule("passive-holder", PARTIES, "a passive whose subject is a demand, ban or proposal",
                       "the target: the party the subject's phrase names",
                       "'calls from the unions were rejected by X', 'the ban on Y was lifted by X'")
APPOSITIVE_PARTY = _rule("appositive-party", PARTIES, "an object that is a relation noun with an apposition",
                         "the target: the party named in the apposition", "'stood by its ally, the Philippines'")
RETURNED_PEOPLE = _rule("returned-people", PARTIES, "a return or release 'to their families/homes/country'",
                        "the target: the people returned, not their own home", "'returned 12 children to their "
                        "families': the children")
GROUP_PARTY = _rule("group-party", PARTIES, "a verbal act's object or obliged subject that is a group noun "
                    "('the opposition', 'the government') naming no country",
                    "the target: that group, of the demonym's country or the source's own",
                    "'the president accused the opposition of ...': the country's opposition")
DEED_DOER = _rule("deed-doer", PARTIES, "praise or blame whose object is a deed with a 'by' phrase",
                  "the target: the deed's doer", "'welcomed the release of two hostages by Hamas': Hamas")
REPORTED_SUBJECT = _rule("reported-subject", PARTIES, "an accusation, demand or threat read off a speech verb "
                         "with no target", "the target: the reported clause's subject",
                         "'X said the government was behind the campaign': X accuses the government")
PAIR_ANAPHOR = _rule("pair-anaphor", PARTIES, "a meeting's or agreement's subject 'both sides', 'the two parties'",
                     "the sources: the last two parties named before it, each with the other",
                     "'X and Y signed a deal, and both parties pledged to ...': X and Y")
# --- rules that weigh the drafts of one sentence (petrel.coding.drafts) and of one article
PROTEST_PURPOSE = _rule("protest-purpose", WEIGH, "a demand or protest in a protest's purpose clause",
                        "the protest's target (the purpose goes)", "what a protest demands is its target")
CHARGE = _rule("charge", WEIGH, "an act under 'for' of a punishment or 'wanted for'", "drops that draft",
               "what someone is punished, blamed or wanted for is the charge, not an event")
ELABORATION = _rule("elaboration", WEIGH, "a participle of the same act and source", "drops that draft",
                    "'protested, blocking the highway': how it was done, not a second act")
REPEAT = _rule("repeat", WEIGH, "an act of the same type and source without target inside another's clause",
               "drops it; the kept act may take its code ('+' in the rule text)", "an act told again is that act")
DENIED_CHARGE = _rule("denied-charge", WEIGH, "a denial answering a charge noun of its sentence",
                      "an ACCUSE draft: the sentence's subject accuses the denier",
                      "'X called the vote a sham, a charge Y rejected': X accuses Y")
RESTATED_ACCUSATION = _rule("restated-accusation", "events: article", "speech-accuse events and stated ones",
                            "drops the read-off accusation", "an accusation stated outright is not counted twice")

# --- whom a side stands for, after places (petrel.coding.sides)
SIDES = "events: sides"
UNKNOWN_PERPETRATOR = _rule("unknown-perpetrator", SIDES, "'unidentified gunmen', 'unidentified attackers'",
                            "no guessed country (resolution unknown)",
                            "an unknown perpetrator stays unknown: no country from the place or story")
ARMED_STATE = _rule("armed-state", SIDES, "an ASSAULT by a state named alone or by its weapons",
                    "the MIL sector", "'Iran launched missiles', 'Russian missiles struck': the military")
POLICING_FORCES = _rule("policing-forces", SIDES, "'security forces' or 'officers' arresting or dispersing",
                        "the COP sector instead of MIL", "security forces that police are the police")
# --- what a target is, from its words (petrel.coding.targets)
TARGET_KIND = _rule("target-kind", SIDES, "a force or coercion target with a country and no sector, its head noun",
                    "MIL for a military site or unit, CVL for a person, settlement or civil building",
                    "'fired on Armenian positions', 'killed a Palestinian teenager': who was hit")
MOBILIZED_FORCES = _rule("mobilized-forces", SIDES, "a MOBILIZE target named by a force noun",
                         "no target", "'massed troops near the border': the troops are the means, not a target")
OFFICIAL_REPORT = _rule("official-report", SPEECH, "the speaker of a reported act: officials, police, ministries",
                        "keeps the act actual", "'..., the regional governor said': reported, not claimed")

# --- the event model (petrel.coding.blend)
EVENT_MODEL = _rule("event-model", "events: blend", "the model's sentence label, the main predicate",
                    "an event where the lexicon found none", "the model proposes an event the rules missed")
MODEL_TARGET = _rule("model-target", "events: blend", "a model-proposed event with a source and no target; the "
                     "actors its sentence names", "the target: the first other party the sentence names after the word",
                     "'Japan voiced concern to China': the model's CONSULT/ACCUSE has China as its target")
SPAN_PARTY = _rule("span-party", "events: blend", "a model-proposed event; the span head's source and target spans "
                   "and the actor mentions they overlap", "the source and target: the actors the spans cover "
                   "(before the parse's parties and model-target)",
                   "'Talks between A and B ...' read by the model: its source span covers A, its target span B")
SPAN_TARGET = _rule("span-target", "events: blend", "a rule event with a source and no target; the span head's best "
                    "target span, if its score passes blend.json's span_target", "the target: the actor that span "
                    "covers, never the source itself", "'A lashed out at B over the strike': the parse found no "
                    "object of 'lashed out', the span head reads B as the target")


class UnknownRule(ValueError):
    """A rule id that is not registered."""


def fired(provenance: Provenance) -> list[Rule]:
    """The registry entries of the rules that shaped an event, outermost first (an id no longer registered,
    from a store written by an older petrel, is left out)."""
    return [RULES[r] for r in provenance.rules if r in RULES]


def check(rule_id: str) -> str:
    """``rule_id`` itself, if registered."""
    if rule_id not in RULES:
        raise UnknownRule(f"rule {rule_id!r} is not registered in petrel.coding.rules")
    return rule_id
