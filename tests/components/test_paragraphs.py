"""The eventwire_paragraphs stage: a blank line ends a sentence, a line break does not."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

STORY = ('Kejriwal said: "Violence will not help find a solution."\n\n'
         "India's Home Minister Amit Shah is expected to meet Kejriwal on Tuesday.\n"
         "The talks\nwill be held in Delhi.")


def test_a_blank_line_ends_a_sentence_and_a_line_break_does_not(nlp: Language) -> None:
    sentences = [s.text.strip() for s in nlp(STORY).sents]
    assert sentences == [
        'Kejriwal said: "Violence will not help find a solution."',
        "India's Home Minister Amit Shah is expected to meet Kejriwal on Tuesday.",
        "The talks\nwill be held in Delhi.",
    ]


def test_a_negation_stays_in_its_paragraph(coder: Any) -> None:
    text = ('"Violence will not help find a solution."\n\nIndia\'s Home Minister Amit Shah is '
            "expected to meet Kejriwal and police officials on Tuesday afternoon to discuss "
            "the situation.")
    meeting = [e for e in coder.code(text, date="2020-02-25").events
               if e.event_text == "meet"]
    assert meeting and meeting[0].event == "AGREE" and "future" in meeting[0].mode
