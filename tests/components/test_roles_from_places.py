"""Actors and recipients read off places: where people flee from, a region's
government, a promised withdrawal from a place, and a few names of the news."""

import pytest
from spacy.language import Language

from eventwire.coder import Coder


@pytest.fixture(scope="module")
def coder(nlp: Language) -> Coder:
    return Coder(nlp=nlp)


def roles(coder: Coder, text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = coder.code(text, date="2024-05-06")
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient])
            for e in doc.events]


def test_refugees_take_the_country_they_flee(coder: Coder) -> None:
    events = roles(coder, "The agency gave food to refugees fleeing the fighting in Sudan.")
    assert any("SDN" in recipients for _, _, recipients in events)


def test_a_regions_government_is_its_countrys(coder: Coder) -> None:
    events = roles(coder, "The government of Punjab province in Pakistan ordered police "
                          "patrols after the riots.")
    assert events and events[0][1] == ["PAK"]
    events = roles(coder, "The government of Sindh province ordered police patrols.")
    assert events and events[0][1] == ["PAK"]


def test_a_name_of_a_city_that_is_also_a_word_in_an_organisation_places_nothing(
        coder: Coder) -> None:
    events = roles(coder, "Workers affiliated with the Croatian Union of Miners walked out.")
    assert all("USA" not in actors for _, actors, _ in events)


def test_a_promised_withdrawal_is_aimed_at_the_state_it_leaves(coder: Coder) -> None:
    done = roles(coder, "Russia evacuated its military bases in Moldova last year.")
    assert done and done[0] == ("RETREAT", ["RUS"], ["MDA"])
    promised = roles(coder, "Russia will evacuate its military bases in Moldova next year.")
    # an announced retreat concedes (PLOVER manual)
    assert promised and promised[0] == ("CONCEDE", ["RUS"], ["MDA"])


@pytest.mark.parametrize(("text", "code"), [
    ("Qatar mediated between the Emirates and Saudi Arabia.", "ARE"),
    ("The government lifted its ban on the Islamic Salvation Front.", "DZA"),
])
def test_names_of_the_news(coder: Coder, text: str, code: str) -> None:
    assert any(code in recipients for _, _, recipients in roles(coder, text))


def test_a_place_attacked_stands_for_the_people_it_serves(coder: Coder) -> None:
    events = roles(coder, "A camp for Sudanese refugees was attacked by Chadian rebels.")
    assert events and events[0][0] == "ASSAULT"
    assert events[0][1] == ["TCD"] and events[0][2] == ["SDN"]


def test_congolese_is_the_democratic_republic_as_in_the_phoenix_dictionary(
        coder: Coder) -> None:
    events = roles(coder, "Congolese troops attacked rebels near Goma.")
    assert events and events[0][1] == ["COD"]


@pytest.mark.parametrize(("text", "recipient"), [
    ("Rebel fighters seized control of Mosul overnight.", "IRQ"),
    ("Army units shelled the outskirts of Aleppo on Sunday.", "SYR"),
])
def test_the_place_an_acts_object_is_of_is_acted_on(coder: Coder, text: str,
                                                    recipient: str) -> None:
    events = roles(coder, text)
    assert events and recipient in events[0][2]


def test_an_uncoded_recipient_takes_the_country_where_it_is_acted_on(coder: Coder) -> None:
    events = roles(coder, "The report fuelled criticism of the government's handling of the "
                          "epidemic in Peru by Peruvian doctors.")
    assert ("ACCUSE", ["PER"], ["PER"]) in events


@pytest.mark.parametrize(("text", "code"), [
    ("Erdogan launched a crackdown on the Gulen movement.", "TUR"),
    ("Peru has sealed off its worst affected provinces and closed schools.", "PER"),
])
def test_a_states_coercion_naming_no_other_country_is_at_home(coder: Coder, text: str,
                                                              code: str) -> None:
    assert any(kind == "COERCE" and actors == [code] and code in recipients
               for kind, actors, recipients in roles(coder, text))


def test_a_states_coercion_of_another_countrys_people_is_not_at_home(coder: Coder) -> None:
    events = roles(coder, "Iran seized a British tanker in the Gulf.")
    assert events and "IRN" not in events[0][2]


@pytest.mark.parametrize("text", ["Iran will not accept the deal.", "Iran accepted the offer."])
def test_a_state_accepting_or_refusing_a_deal_does_so_not_at_home(coder: Coder,
                                                                   text: str) -> None:
    events = roles(coder, text)
    assert events and events[0][1] == ["IRN"] and "IRN" not in events[0][2]


def test_a_state_easing_a_measure_eases_it_at_home(coder: Coder) -> None:
    assert ("CONCEDE", ["ITA"], ["ITA"]) in roles(coder, "Italy lifted the curfew.")


def test_a_seizure_of_an_owner_not_named_is_not_at_home(coder: Coder) -> None:
    events = roles(coder, "Iran seized a tanker in the Strait of Hormuz.")
    assert events and events[0][:2] == ("COERCE", ["IRN"]) and "IRN" not in events[0][2]


def test_a_place_among_the_parties_between_whom_an_act_is_places_it(coder: Coder) -> None:
    events = roles(coder, "Kenyan envoys ended mediation efforts between rival clans in "
                          "Mogadishu on Friday.")
    assert events and events[0][1:] == (["KEN"], ["SOM"])


@pytest.mark.parametrize("text", [
    # (an invasion it "faces" is still to come, and names no one: not coded)
    "The autonomous Kurdish region of Rojava in Northeast Syria suffered an invasion.",
    "The White House said no decision had been made on military intervention in Syria.",
])
def test_an_invasion_of_a_place_is_no_act_of_its_state(coder: Coder, text: str) -> None:
    found = [r for r in roles(coder, text) if r[0] == "ASSAULT"]
    assert found and all("SYR" not in actors for _, actors, _ in found)
    assert all("SYR" in recipients for _, _, recipients in found)


@pytest.mark.parametrize("text", [
    "The Allies occupied Berlin in 1945.",
    "Unknown gunmen seized a bus near Kano on Tuesday.",
])
def test_a_place_seized_is_its_states_loss_not_its_deed(coder: Coder, text: str) -> None:
    found = [r for r in roles(coder, text) if r[0] in ("COERCE", "ASSAULT")]
    assert found and all(not set(actors) & set(recipients) for _, actors, recipients in found)


def test_an_attack_on_a_states_ground_does_not_make_the_state_the_attacker(
        coder: Coder) -> None:
    events = roles(coder, "Kurdish militias shelled the Turkish province of Hatay across the "
                          "border.")
    assert ("ASSAULT", [None], ["TUR"]) in events


def test_people_hurt_in_an_attack_are_not_of_the_attackers_state(coder: Coder) -> None:
    events = roles(coder, "Iran said several people were injured in Monday's U.S. attack on "
                          "an Iranian offshore oil site.")
    assert all("USA" not in recipients for _, _, recipients in events)


def test_an_unnamed_attacker_at_a_place_is_armed_men_of_its_country_not_its_state(
        coder: Coder) -> None:
    doc = coder.code("Two soldiers were killed in Libya.", date="2024-05-06")
    found = [e for e in doc.events if e.event == "ASSAULT"]
    assert found and [(a.code, a.sector) for a in found[0].actor] == [("LBY", "UAF")]


def test_an_attack_on_a_city_does_not_make_its_state_the_attacker(coder: Coder) -> None:
    events = roles(coder, "Activists said the attack on Idlib killed ten people.")
    found = [r for r in events if r[0] == "ASSAULT"]
    assert found and all("SYR" not in actors for _, actors, _ in found)


def test_an_attack_at_a_named_country_stays_political_with_its_unnamed_attacker(
        coder: Coder) -> None:
    doc = coder.code("Father Paolo, a dissident priest, was kidnapped in Syria.",
                     date="2024-05-06")
    found = [e for e in doc.events if e.event == "ASSAULT"]
    assert found and [(a.code, a.sector) for a in found[0].actor] == [("SYR", "UAF")]


def test_the_state_a_place_stands_for_is_not_the_unnamed_attackers_found_there(
        coder: Coder) -> None:
    doc = coder.code("In opposition-held east Aleppo, the healthcare network was destroyed "
                     "before the area was overrun by pro-regime forces in late 2016.",
                     date="2018-01-01")
    overrun = next(e for e in doc.events if e.event_text == "overrun")
    assert [(r.code, r.sector) for r in overrun.recipient] == [("SYR", None)]


def test_an_unresolved_pronoun_doer_is_not_the_places_armed_men(coder: Coder) -> None:
    killing = coder.code("They killed two soldiers in Mali on Sunday.", date="2019-11-20").events[0]
    assert killing.event == "ASSAULT" and killing.actor == []


def test_people_a_pronoun_names_are_not_the_state_where_they_were_held(coder: Coder) -> None:
    found = coder.code("The journalists had been reporting in Turkey when they were detained "
                       "on Friday.", date="2019-11-20").events
    detention = next(e for e in found if e.event_text == "detained")
    assert [a.code for a in detention.actor] == ["TUR"] and detention.recipient == []


def test_a_place_in_the_subjects_phrase_does_not_place_the_speaker(coder: Coder) -> None:
    found = coder.code("“Withdrawal of the small French force in Mali would be a grave mistake,” "
                       "Senator Jones said in a tweet.", date="2019-02-17").events
    criticism = next(e for e in found if e.event == "ACCUSE")
    assert [a.code for a in criticism.actor] == [None]


def test_a_battle_at_a_place_is_not_its_unnamed_forces_attacking_it(coder: Coder) -> None:
    [battle] = coder.code("The advance followed fierce battles near Mosul last week.",
                          date="2017-03-11").events
    assert battle.actor == [] and [r.code for r in battle.recipient] == ["IRQ"]


def test_the_state_whose_passport_is_cancelled_cancels_it(coder: Coder) -> None:
    [event] = coder.code("His Turkish passport was cancelled last year.", date="2019-02-20").events
    assert event.event == "SANCTION" and [a.code for a in event.actor] == ["TUR"]


def test_a_leaders_strikes_on_regime_targets_are_not_aimed_at_home(coder: Coder) -> None:
    found = coder.code("The attack persuaded Macron to launch missile strikes on regime targets.",
                       date="2018-04-14").events
    strikes = next(e for e in found if "strikes" in e.event_text)
    assert [(r.code, r.sector) for r in strikes.recipient] == [(None, "GOV")]
