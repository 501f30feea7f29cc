"""Long documents: cut into sections at paragraph breaks, records joined with full offsets."""

from __future__ import annotations

from pathlib import Path

from eventwire.coder import Coder
from eventwire.sections import section_bounds

NARA = (Path(__file__).parent / "data" / "nara-summit.txt").read_text(encoding="utf-8").strip()


def test_sections_end_at_paragraph_breaks_and_cover_the_text():
    text = "\n\n".join(f"Paragraph {n} " + "word " * (n % 7 + 3) for n in range(300))
    bounds = section_bounds(text, 500)
    assert len(bounds) > 1
    assert all(end - start <= 500 for start, end in bounds)
    assert all(text[end - 2:end] == "\n\n" for _, end in bounds[:-1])
    assert [start for start, _ in bounds[1:]] == [end for _, end in bounds[:-1]]
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)


def test_a_paragraph_longer_than_a_section_is_cut_at_a_sentence_or_word():
    text = "The talks went on. " * 200
    bounds = section_bounds(text, 300)
    assert all(end - start <= 300 for start, end in bounds)
    assert all(text[end - 2:end] == ". " for _, end in bounds[:-1])
    assert section_bounds("x" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_whitespace_only_sections_are_left_out():
    assert section_bounds("Lee spoke." + " " * 50 + "\n\n" + " " * 60, 40) == [(0, 40)]


def test_a_long_document_in_sections_codes_like_the_whole(nlp):
    text = "\n\n".join([NARA] * 3)
    whole = Coder(nlp=nlp).code(text, date="2026-01-13", doc_id="nara")
    parts = Coder(nlp=nlp, section_chars=len(NARA) // 2).code(text, date="2026-01-13",
                                                              doc_id="nara")
    assert parts.status == "ok" and parts.text == text
    assert [e.id for e in parts.events] == [f"nara-{n:04d}" for n in
                                            range(1, len(parts.events) + 1)]
    for event in parts.events:
        assert text[event.text_info.start:event.text_info.end] == event.text
    for quote in parts.quotes:
        assert quote.quote in text[quote.start - 1:quote.end + 1]
    for actor in parts.actors:
        assert all(0 <= start < end <= len(text) for start, end in actor.mentions)
    # Cut at paragraph breaks, the sections lose only what crosses a break.
    same = {(e.event, e.text_info.sentence, e.text_info.start) for e in whole.events}
    found = {(e.event, e.text_info.sentence, e.text_info.start) for e in parts.events}
    assert len(same & found) >= 0.8 * len(same)
    assert {a.code for a in parts.actors} == {a.code for a in whole.actors}


def test_documents_past_the_ceiling_are_refused(nlp):
    document = Coder(nlp=nlp, max_chars=1000).code("Lee met Takaichi. " * 100, doc_id="big")
    assert document.status == "failed" and "[E006] big" in document.error
