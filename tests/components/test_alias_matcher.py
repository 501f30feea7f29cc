"""AliasMatcher finds knowledge-base aliases by their text, as PhraseMatcher would."""

import pytest
import spacy

from eventwire.components.alias_matcher import AliasMatcher


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def spans(nlp, aliases, text):
    doc = nlp(text)
    return sorted(doc[s:e].text for s, e in AliasMatcher(aliases)(doc))


def test_multiword_alias_and_its_prefix_both_match(nlp):
    found = spans(nlp, ["south korea", "korea", "south korean president"],
                  "The South Korean President met South Korea's envoy.")
    assert found == ["Korea", "South Korea", "South Korean President"]


def test_match_ignores_case_and_stops_at_unknown_words(nlp):
    assert spans(nlp, ["kim jong un"], "KIM JONG UN spoke; Kim Jong said nothing.") == [
        "KIM JONG UN"]


def test_aliases_split_into_several_tokens_without_spaces(nlp):
    # spaCy splits the hyphen off; the alias text still matches across the pieces.
    assert spans(nlp, ["kim jong-un", "u.s."], "Kim Jong-un warned the U.S. again.") == [
        "Kim Jong-un", "U.S."]


def test_line_breaks_end_a_match(nlp):
    assert spans(nlp, ["south korea"], "South\n\nKorea") == []


def test_no_aliases_no_matches(nlp):
    assert spans(nlp, [], "Japan and China") == []
