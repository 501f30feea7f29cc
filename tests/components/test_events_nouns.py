"""Event nouns derived from the verb knowledge, and light verbs that lend them a subject."""

import pytest

from eventwire.kb.patterns import load_lexicon


@pytest.fixture(scope="module")
def rules_coder():
    """A coder whose confidence is the rule stages' own (no learned re-ranking)."""
    from eventwire.coder import Coder
    from eventwire.pipeline import build_nlp

    return Coder(nlp=build_nlp(config={"eventwire_second_opinion": {"enabled": False}}))


def codes(entities):
    return sorted({e.code for e in entities if e.code})


def events(coder, text):
    return coder.code(text, date="2026-01-13", doc_id="t").events


def first(coder, text, event_type):
    return next(e for e in events(coder, text) if e.event == event_type)


def test_derived_nouns_come_from_verbs_and_light_verb_patterns():
    nouns = load_lexicon().nouns
    # Nominalisations of event verbs keep the verb's code.
    assert nouns["withdrawal"].derived and nouns["deployment"].code == "150"
    assert nouns["condemnation"].code == "111" and nouns["accusation"].code == "112"
    # CAMEO's light-verb patterns (LAUNCH * OFFENSIVE, STAGE * CRACKDOWN) name events too.
    assert nouns["offensive"].code.startswith("19") and nouns["crackdown"].code == "170"
    # Hand rows win; words whose everyday sense is no event stay out.
    assert not nouns["talks"].derived
    assert "building" not in nouns and "fire" not in nouns and "government" not in nouns


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # The light verb's subject does what its noun names, to whom the noun's phrase names.
        ("Ethiopia launched an offensive against Eritrean positions.", "ASSAULT", ["ETH"],
         ["ERI"]),
        ("Peru and Bolivia held talks in La Paz on Friday.", "CONSULT", ["BOL", "PER"], []),
        ("Myanmar's army carried out a raid on a Thai border village.", "ASSAULT", ["MMR"],
         ["THA"]),
        ("Sudanese troops engaged in fighting with Chadian rebels.", "ASSAULT", ["SDN"], ["TCD"]),
        ("Japan issued a warning to North Korea.", "THREATEN", ["JPN"], ["PRK"]),
        ("Canada imposed a ban on Venezuelan oil.", "SANCTION", ["CAN"], ["VEN"]),
        ("Colombian rebels took part in talks with the Venezuelan government.", "CONSULT",
         ["COL", "VEN"], []),
        # The subject of a light verb's passive is its noun; the "by" phrase acts.
        ("A raid was carried out by Kenyan troops on a Somali village.", "ASSAULT", ["KEN"],
         ["SOM"]),
    ],
)
def test_light_verb_codes_its_noun(rules_coder, text, event_type, actors, recipients):
    event = first(rules_coder, text, event_type)
    assert codes(event.actor) == actors
    assert codes(event.recipient) == recipients
    assert event.confidence >= 0.8  # the clause's own predicate, not a bare noun


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # "of" names who is acted upon ...
        ("The arrest of a Georgian journalist by Russian police angered Tbilisi.", "COERCE",
         ["RUS"], ["GEO"]),
        # ... or who moves, for retreats and deployments.
        ("After the deployment of Chinese troops to Djibouti, trade grew.", "MOBILIZE", ["CHN"],
         ["DJI"]),
        ("The withdrawal of Ugandan troops from Somalia began on Monday.", "RETREAT", ["UGA"],
         []),
        ("Fierce clashes between Armenian and Azerbaijani troops left ten dead.", "ASSAULT",
         ["ARM", "AZE"], []),
        ("Chile's condemnation of Bolivia surprised observers.", "ACCUSE", ["CHL"], ["BOL"]),
    ],
)
def test_derived_event_nouns_read_their_own_phrase(coder, text, event_type, actors, recipients):
    event = first(coder, text, event_type)
    assert codes(event.actor) == actors
    assert codes(event.recipient) == recipients


def test_a_derived_noun_does_not_borrow_the_subject_of_any_verb(coder):
    # Greece condemned the arrest; it did not arrest anyone.
    arrest = first(coder, "Greece condemned the arrest of a Turkish journalist.", "COERCE")
    assert codes(arrest.actor) == []
    assert codes(arrest.recipient) == ["TUR"]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "recipients"),
    [
        # A passive with a retained object: the "by" phrase the parser hangs on the object acts.
        ("The Kenyan opposition leader was refused entry by Ugandan officials.", None, ["UGA"],
         ["KEN"]),
        # A headline whose subject the parser misreads as a compound of the verb.
        ("Nigerian army launches offensive", "ASSAULT", ["NGA"], []),
        # Today's verbs CAMEO.2.0 lacks.
        ("Canada sanctioned Russian oligarchs.", "SANCTION", ["CAN"], ["RUS"]),
        ("Belarusian officials were sanctioned by the European Union.", "SANCTION", ["EUR"],
         ["BLR"]),
        ("Spain quarantined two towns in Catalonia.", "COERCE", ["ESP"], []),
        ("Peru sealed off its border with Ecuador.", "COERCE", ["PER"], ["ECU"]),
        ("China locked down the city of Xi'an.", "COERCE", ["CHN"], []),
        ("North Korean agents hacked a South Korean bank.", "COERCE", ["PRK"], ["KOR"]),
    ],
)
def test_passives_headlines_and_modern_verbs(coder, text, event_type, actors, recipients):
    found = events(coder, text)
    event = found[0] if event_type is None else first(coder, text, event_type)
    assert codes(event.actor) == actors
    assert set(recipients) <= set(codes(event.recipient))


def test_modern_event_nouns(coder):
    lockdown = first(coder, "The lockdown of Shanghai by Chinese authorities angered residents.",
                     "COERCE")
    assert codes(lockdown.actor) == ["CHN"]


def test_by_phrase_of_any_event_noun_acts(coder):
    sanctions = first(coder, "New sanctions by the European Union angered Minsk.", "SANCTION")
    assert codes(sanctions.actor) == ["EUR"]


@pytest.mark.parametrize("text", [
    "The convoy was hit by an airstrike near the border.",
    "A drone strike killed three people on Monday.",
])
def test_an_armed_attack_with_no_party_named_is_still_coded(coder, text):
    assert "ASSAULT" in [e.event for e in events(coder, text)]


def test_a_harm_with_no_party_and_no_political_weapon_is_not(coder):
    assert events(coder, "Shop windows were smashed overnight.") == []


@pytest.mark.parametrize(("text", "absent", "present"), [
    # "going to" + infinitive marks the future; "going to" a place is a visit.
    ("Canada is going to withdraw its troops from Mali.", "CONSULT", None),
    ("The Canadian president is going to Mali next week.", None, "CONSULT"),
    # "plans to deport" is no agreement of its own; the deportation is coded, as announced.
    ("Hungarian authorities plan to deport migrants to Serbia.", "AGREE", "THREATEN"),
])
def test_aspect_verbs_leave_the_event_to_their_infinitive(coder, text, absent, present):
    found = [e.event for e in events(coder, text)]
    assert absent is None or absent not in found
    assert present is None or present in found


@pytest.mark.parametrize(("text", "actors"), [
    ("Vietnam eased travel restrictions on Hanoi.", ["VNM"]),
    ("Peru lifted the lockdown in Lima.", ["PER"]),
    ("Chile ended the curfew in Santiago.", ["CHL"]),
    ("Lebanon reopened its border with Syria.", ["LBN"]),
])
def test_easing_restrictions_is_a_concession(coder, text, actors):
    event = first(coder, text, "CONCEDE")
    assert codes(event.actor) == actors


def test_what_the_object_is_asked_to_do_is_not_the_verbs_phrase(coder):
    # "call ... troops" would be a mobilisation; here the troops are what Turkey is asked about.
    found = events(coder, "Russia called on Turkey to withdraw its troops.")
    assert [e.event for e in found] == ["REQUEST"]
    assert codes(found[0].recipient) == ["TUR"]


def test_material_cooperation_needs_a_coded_partner(coder):
    assert "COOPERATE" not in [e.event for e in events(
        coder, "Ecuador's rebels established control of the border town.")]
    found = first(coder, "Brazil cooperated with Argentina on border security.", "COOPERATE")
    assert codes(found.actor) == ["ARG", "BRA"] and codes(found.recipient) == []


def test_telling_someone_to_act_is_a_demand(coder):
    demand = first(coder, "Kenya's president told Uganda to withdraw its troops.", "REQUEST")
    assert codes(demand.actor) == ["KEN"] and codes(demand.recipient) == ["UGA"]
    assert "REQUEST" not in [e.event for e in events(
        coder, "The Kenyan minister told reporters that talks would resume.")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Over one third of delegates are on offer in the nominating battle.", []),
    ("Weinstein lost his legal battle with the prosecutors.", []),
    ("China and the US are locked in a trade war.", []),
    ("The battle for Mosul raged on.", ["ASSAULT"]),
])
def test_a_figurative_battle_is_no_fight(coder, text, expected):
    assert [e.event for e in coder.code(text, date="2020-02-25").events] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("After an amiable chat with Turkey's president, Trump ordered the withdrawal.", "CONSULT"),
    ("Prosecutors brought fresh charges against the former Egyptian minister.", "ACCUSE"),
])
def test_a_chat_is_a_meeting_and_charges_accuse(coder, text, expected):
    assert expected in [e.event for e in coder.code(text, date="2019-01-10").events]


def test_an_event_noun_that_retells_its_verb_is_one_event(nlp):
    from eventwire.coder import Coder
    found = Coder(nlp=nlp).code("Russian troops killed 12 civilians in an attack on the village "
                                "on Monday.", date="2020-02-25").events
    assert [e.event for e in found] == ["ASSAULT"]


@pytest.mark.parametrize(("text", "event_type", "actors", "recipients"), [
    ("Turkey faces growing pressure from Washington.", "COERCE", ["USA"], ["TUR"]),
    ("The bank has faced criticism from the Iranian government.", "ACCUSE", ["IRN"], []),
    ("Russia received military aid from China.", "AID", ["CHN"], ["RUS"]),
    # obtaining: the "of" of the act received names its giver
    ("Iran won the backing of Russia.", "SUPPORT", ["RUS"], ["IRN"]),
    ("Iran received the backing of Russia.", "SUPPORT", ["RUS"], ["IRN"]),
])
def test_from_names_the_actor_and_the_subject_of_facing_the_recipient(
        nlp, text, event_type, actors, recipients):
    from eventwire.coder import Coder
    found = Coder(nlp=nlp).code(text, date="2020-02-25").events
    event = next(e for e in found if e.event == event_type)
    assert sorted({a.code for a in event.actor}) == actors
    assert set(recipients) <= {r.code for r in event.recipient}


def test_a_closure_ordered_by_a_state_restricts(nlp):
    from eventwire.coder import Coder
    found = Coder(nlp=nlp).code("Turkey announced the closure of its border with Iran.",
                                date="2020-02-25").events
    assert "COERCE" in [e.event for e in found]
    found = Coder(nlp=nlp).code("The carmaker announced the closure of its plant in Wales.",
                                date="2020-02-25").events
    assert found == []


@pytest.mark.parametrize(("text", "event_type", "actors", "recipients"), [
    ("Norway's mediation between the Colombian government and the guerrillas ended a war.",
     "CONSULT", ["COL", "NOR"], []),
    ("Japanese assistance to Vietnam doubled last year.", "AID", ["JPN"], ["VNM"]),
    ("Tehran's ultimatum to Baghdad expires on Friday.", "THREATEN", ["IRN"], ["IRQ"]),
    ("Canada's apology to China came after a week of tension.", "CONCEDE", ["CAN"], ["CHN"]),
    ("Spain approved the extradition of the banker to Venezuela.", "COOPERATE", ["ESP"],
     ["VEN"]),
])
def test_mediation_aid_ultimatum_apology_extradition_nouns(
        coder, text, event_type, actors, recipients):
    event = first(coder, text, event_type)
    assert codes(event.actor) == actors
    assert set(recipients) <= set(codes(event.recipient))


def test_an_indictment_accuses_and_an_uprising_is_no_noun_event(coder):
    found = coder.code("The indictment of the Peruvian senator by prosecutors in Lima was "
                       "announced.", date="2020-02-25").events
    assert "ACCUSE" in [e.event for e in found] and "COERCE" not in [e.event for e in found]
    found = coder.code("The city was the cradle of the 2011 uprising against the king.",
                       date="2020-02-25").events
    assert found == []


@pytest.mark.parametrize(("text", "event_type", "actors", "recipients"), [
    ("Israel tightened its blockade of Gaza on Monday.", "COERCE", ["ISR"], ["PSE"]),
    ("The Nigerian army prolonged its offensive against the insurgents.", "ASSAULT", ["NGA"],
     []),
    ("The European Union renewed its sanctions against Belarus.", "SANCTION", ["EUR"],
     ["BLR"]),
])
def test_verbs_of_prolonging_are_light(coder, text, event_type, actors, recipients):
    event = first(coder, text, event_type)
    assert codes(event.actor) == actors
    assert set(recipients) <= set(codes(event.recipient))


@pytest.mark.parametrize("text", [
    "The carmaker extended the deadline for its offer by a week.",
    "The ruling party maintained its lead in the polls.",
    "Airports tightened security ahead of the holiday.",
])
def test_verbs_of_prolonging_code_only_event_nouns(coder, text):
    assert coder.code(text, date="2020-02-25").events == []


@pytest.mark.parametrize(("text", "event_type", "actors"), [
    ("The rebels were hunted by Congolese troops for months.", "ASSAULT", ["COD"]),
    ("The jihadists were hunted down by French troops in Mali.", "ASSAULT", ["FRA"]),
])
def test_a_passive_subject_is_the_object_its_verb_patterns_name(coder, text, event_type, actors):
    event = first(coder, text, event_type)
    assert codes(event.actor) == actors


@pytest.mark.parametrize("text", [
    "US sanctions were lifted on several Turkish citizens.",
    "The EU's sanctions on Iran were lifted in January.",
])
def test_an_event_noun_a_passive_pattern_names_is_no_event_of_its_own(coder, text):
    assert [e.event for e in events(coder, text)] == ["RETREAT"]


def test_a_noun_summing_up_a_reported_clause_is_no_object_of_its_verb(coder):
    text = ("Erdogan declared that the PKK has been defeated, a proposition disputed by many "
            "experts.")
    assert "REQUEST" not in [e.event for e in events(coder, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Syria's war has dashed any meaningful talk of reconciliation.", []),
    ("Turkey's offensive has ended talk of a deal with the Kurds.", ["ASSAULT"]),
    ("The talks of Russia and Turkey on Syria went well.", ["CONSULT"]),
])
def test_talk_of_something_is_speculation_and_talks_are_negotiations(coder, text, expected):
    assert [e.event for e in events(coder, text)] == expected


def test_a_participle_on_an_event_noun_leaves_the_event_to_the_noun(coder):
    found = coder.code("Talks sponsored by Egypt are expected next week.",
                       date="2020-02-25").events
    assert "CONSULT" not in [e.event for e in found]


@pytest.mark.parametrize("text", [
    "Beijing was furious at the foreign minister's suggestion that Manila could seize the reef.",
    "Tehran's insistence that the tankers had entered its waters angered London.",
])
def test_a_noun_of_asking_whose_clause_states_asks_for_nothing(coder, text):
    assert "REQUEST" not in {e.event for e in events(coder, text)}
    assert "REJECT" not in {e.event for e in events(coder, text)}


def test_a_noun_of_asking_whose_clause_asks_still_requests(coder):
    text = ("Canada's suggestion that Turkey should release the detained journalists was "
            "welcomed by rights groups.")
    request = first(coder, text, "REQUEST")
    assert codes(request.actor) == ["CAN"] and request.event_text == "suggestion"


@pytest.mark.parametrize("text", [
    "Islamic State still poses a serious threat to Iraq, the general said.",
    "North Korea remains the biggest threat to Japan's security.",
    "The drone strike represents a new threat from armed groups in the region.",
])
def test_an_event_noun_that_says_what_something_is_is_no_event(coder, text):
    assert "THREATEN" not in [e.event for e in coder.code(text, date="2019-03-01").events]


def test_a_threat_issued_is_still_a_threat(coder):
    found = coder.code("Russia issued a threat against Ukraine on Monday.", date="2019-03-01")
    assert [e.event for e in found.events] == ["THREATEN"]


def test_an_event_noun_inside_a_hyphenated_modifier_is_no_event(coder):
    found = coder.code("Iraq sent 2,000 battle-tested soldiers to the front.", date="2019-03-01")
    assert "ASSAULT" not in [e.event for e in found.events]


@pytest.mark.parametrize(("text", "actor"), [
    ("Sudan's government is responsible for the killings in Darfur, a UN report said.", "SDN"),
    ("Islamic State claimed responsibility for the killings of twelve Iraqi soldiers.", "IMG"),
])
def test_a_party_that_owns_an_act_does_it(coder, text, actor):
    found = coder.code(text, date="2005-01-31").events
    attack = next(e for e in found if e.event == "ASSAULT")
    assert actor in [a.code for a in attack.actor]


@pytest.mark.parametrize(("text", "threats"), [
    ("The strikes helped to reduce the Iranian threat, officials said.", 0),
    ("Washington worried about a Russian threat to attack its bases.", 1),
    ("Iran's threat of retaliation alarmed Washington.", 1),
])
def test_a_threat_is_an_act_only_with_what_it_threatens(coder, text, threats):
    found = coder.code(text, date="2019-03-01").events
    assert len([e for e in found if e.event_text == "threat"]) == threats


@pytest.mark.parametrize(("text", "expected"), [
    # A strike that kills, or one by armed forces, is a military strike (armed_senses.tsv)
    ("A US strike killed the Iranian general in Baghdad.", "ASSAULT"),
    ("Dozens of its nationals were killed by a US-led coalition strike in Syria.", "ASSAULT"),
    ("Russian military strikes on Idlib continued.", "ASSAULT"),
    # workers' strikes stay walkouts
    ("A French strike over pensions paralysed Paris.", "PROTEST"),
])
def test_a_strike_by_armed_forces_is_an_attack(coder, text, expected):
    strikes = [e.event for e in coder.code(text, date="2020-01-03", doc_id="t").events
               if e.event_text.startswith("strike") or e.event_text == "killed"]
    assert strikes and set(strikes) == {expected}, strikes


@pytest.mark.parametrize("text", ["The government lifted the ban on opposition rallies.",
                                  "The government imposed restrictions on protests."])
def test_an_act_a_ban_forbids_did_not_take_place(coder, text):
    found = coder.code(text, date="2020-01-01", doc_id="t").events
    assert "PROTEST" not in [e.event for e in found] and found


def test_an_attack_named_as_a_reason_is_its_own_act(coder):
    # the raid answers Friday's attack: two acts, each on its own day
    found = coder.code("The Navy also raided a second oil rig in retaliation for Friday's "
                       "Iranian missile attack on a U.S. flag tanker.", date="1987-10-19").events
    attack = next(e for e in found if e.event_text == "attack")
    assert (attack.event, attack.date) == ("ASSAULT", "1987-10-16")
    assert [a.code for a in attack.actor] == ["IRN"]


@pytest.mark.parametrize(("text", "event_type", "not_actor"), [
    ("People look at us differently after the Berlin Christmas market attack.", "ASSAULT",
     "DEU"),
    ("The Ankara shopping mall bombing killed dozens.", "ASSAULT", "TUR"),
])
def test_a_capital_before_an_event_noun_is_its_place_not_its_doer(
        nlp, text, event_type, not_actor):
    from eventwire.coder import Coder
    found = [e for e in Coder(nlp=nlp).code(text, date="2018-02-02").events
             if e.event == event_type]
    assert found and all(not_actor not in {a.code for a in e.actor} for e in found)


def test_an_unknown_name_is_its_own_words_not_those_of_its_clause(nlp):
    from eventwire.components.events import _unresolved_mention
    from eventwire.participants import mention_index
    doc = nlp.make_doc("Americans evacuated from the Diamond Princess who tested positive "
                       "after backing off plans to quarantine them in Alabama were flown home.")
    for name, proc in nlp.pipeline:  # the stages before events find the known mentions
        if name == "eventwire_events":
            break
        doc = proc(doc)
    princess = next(t for t in doc if t.text == "Princess")
    index = mention_index(doc)
    assert index[princess.i] < 0
    added = _unresolved_mention(princess, index)
    assert doc._.ew_mentions[added]["text"] == "Diamond Princess"


def test_the_holder_of_talks_with_others_takes_part_in_them(coder):
    found = coder.code("Egypt was considering a summit with Sudan and Ethiopia, officials said.",
                       date="2020-02-25").events
    summit = next(e for e in found if e.event_text == "summit")
    assert sorted(a.code for a in summit.actor) == ["EGY", "ETH", "SDN"]


def test_a_battle_for_confirmation_is_no_fight(coder):
    found = coder.code("The nominee withdrew in the face of a long battle for confirmation in the "
                       "Senate.", date="1987-03-02").events
    assert "ASSAULT" not in [e.event for e in found]


def test_both_names_of_a_hyphenated_pair_meet(coder):
    [event] = coder.code("The Macron-Merkel summit ended without a deal.",
                         date="2018-04-28").events
    assert sorted(a.code for a in event.actor) == ["DEU", "FRA"]
