"""The compiled verb lexicon and PLOVER tables, without a parsing model."""

import pytest

from eventwire.kb.ontology import PLOVER_TYPES, load_ontology
from eventwire.kb.patterns import Word, load_lexicon


def words(text: str) -> list[Word]:
    return [Word(w, w.rstrip("s") if w.endswith("s") else w) for w in text.lower().split()]


@pytest.mark.parametrize(
    ("verb", "after", "code"),
    [
        ("call", "on seoul to help", "020"),  # CALL * (ON) -> appeal
        ("call", "", "041"),  # the verb alone: discuss by telephone
        ("stage", "a protest outside the embassy", "141"),
        ("agree", "to strengthen cooperation", "030"),  # local pattern beats the 050 default
        ("agree", "to sanctions", "163"),  # the more specific dictionary pattern wins
        ("block", "exports to japan", "163"),
        ("say", "that talks failed", ""),  # reporting verbs are no events by themselves
        ("take", "office in 2025", ""),
    ],
)
def test_verb_patterns_choose_the_most_specific_code(verb, after, code):
    match = load_lexicon().match(verb, verb, [], words(after))
    assert match is not None
    assert match.code == code


def test_unknown_word_is_not_a_verb():
    assert load_lexicon().match("xylophone", "xylophone", [], []) is None


def test_every_cameo_code_maps_to_a_plover_type_or_to_none():
    ontology = load_ontology()
    for code, info in ontology.cameo.items():
        assert info.event in PLOVER_TYPES or info.event == "", code
        if code.startswith("01"):
            assert info.event == "", "statements are not events"
        if code.startswith("02"):
            assert info.event == "REQUEST", "appeals are requests"


@pytest.mark.parametrize(
    ("event", "modes", "quad", "intensity"),
    [
        ("CONSULT", ["visit"], 1, 4.0),
        ("CONSULT", [], 1, 2.5),
        ("ASSAULT", ["aerial"], 4, -9.5),
        ("SANCTION", [], 4, -6.0),
        ("REQUEST", ["future"], 3, 0.0),
        ("ACCUSE", [], 3, -3.0),
    ],
)
def test_quad_and_intensity(event, modes, quad, intensity):
    ontology = load_ontology()
    assert ontology.quad(event) == quad
    assert ontology.intensity(event, modes) == intensity


def test_goldstein_from_cameo_table():
    ontology = load_ontology()
    assert ontology.lookup("042").goldstein == pytest.approx(1.9)
    assert ontology.lookup("0429").code == "042"  # an unknown 4-digit code falls back to its parent


def test_a_phrase_coded_as_no_event_does_not_swallow_a_passive_agent():
    lexicon = load_lexicon()
    # "attack helicopters" is a noun phrase, coded as nothing ...
    assert lexicon.match("attack", "attack", [], words("helicopters")).code == ""
    # ... but in "attacked by helicopters" the helicopters are the attackers.
    passive = lexicon.match("attacked", "attack", words("the rebels were"),
                            words("by military helicopters"))
    assert passive.code.startswith("19")


def test_a_misread_lemma_falls_back_to_the_form_without_its_ending() -> None:
    lexicon = load_lexicon()
    assert lexicon.entries("cordoned", "cordone") == lexicon.entries("cordon", "cordon")
    assert lexicon.entries("cordoned", "cordone")
    assert lexicon.entries("xyzzed", "xyzze") == []


def test_a_pattern_weighs_the_words_it_matched_not_its_first_alternative():
    # "military" is one word of the slot "armed forces|army|...|military" of APPREHEND: it
    # weighs no more than the one-word idiom "took three days" (time spent, no seizure)
    match = load_lexicon().match("took", "take", words("the military"),
                                 words("three days to admit"))
    assert match is not None and match.code == ""


def test_the_very_word_beats_a_stem_of_it():
    # "refuge" matches "refugees" only as a stem; the evacuation pattern names "refugees"
    match = load_lexicon().match("take", "take", [], [Word("more", "more"),
                                                      Word("refugees", "refugee")])
    assert match is not None and match.code == "073"


def test_a_stem_does_not_match_the_word_for_its_doers():
    # "support" names an act; "supporters" are people, and a rally of them expresses nothing
    lexicon = load_lexicon()
    people = lexicon.match("told", "tell", [], [Word("rally", "rally"), Word("of", "of"),
                                                Word("supporters", "supporter")])
    assert people is None or people.code == ""
    act = lexicon.match("expressed", "express", [], [Word("supports", "support")])
    assert act is not None and act.code != ""


def test_a_preposition_of_a_pattern_governs_the_next_word():
    # "deployed in Hong Kong ahead of the protest": the protest is no object of "in", so
    # MOBILIZE's "* IN PROTEST" (141) does not match; with both in one phrase it does
    lexicon = load_lexicon()
    apart = [Word("in", "in", position=5, reach=7), Word("hong", "hong", position=6),
             Word("kong", "kong", position=7), Word("ahead", "ahead", position=8),
             Word("of", "of", position=9, reach=11), Word("the", "the", position=10),
             Word("protest", "protest", position=11)]
    assert lexicon.match("deployed", "deploy", [], apart).code != "141"
    together = [Word("in", "in", position=5, reach=6), Word("protest", "protest", position=6)]
    match = lexicon.match("mobilized", "mobilize", [], together)
    assert match is not None and match.code == "141"


def test_a_later_occurrence_of_the_preposition_may_govern_the_next_word():
    # "mobilized in the morning in protest": the first "in" governs the morning
    sentence = [Word("in", "in", position=3, reach=5), Word("the", "the", position=4),
                Word("morning", "morning", position=5), Word("in", "in", position=6, reach=7),
                Word("protest", "protest", position=7)]
    match = load_lexicon().match("mobilized", "mobilize", [], sentence)
    assert match is not None and match.code == "141" and match.used == (3, 4)
