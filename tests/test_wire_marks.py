"""Datelines and photo credits of wire stories: their places and agencies are never actors."""

import pytest

from eventwire.wire_marks import credit_tokens, dateline_tokens

DASHES = {"-", "--", "\u2014", "\u2013"}


@pytest.mark.parametrize("text, dateline", [
    ("LONDON, April 1 - The bank is issuing a bond.", "LONDON, April 1 -"),
    ("SANTA BARBARA, Calif, April 17 - The White House issued a list.",
     "SANTA BARBARA, Calif, April 17 -"),
    ("Nara, Japan, Jan 13, 2026 (AFP) -- Takaichi met Lee.", "Nara, Japan, Jan 13, 2026 (AFP) --"),
    ("WASHINGTON (Reuters) \u2014 The Senate voted.", "WASHINGTON (Reuters) \u2014"),
    ("First story.\n\nBAGHDAD, March 5 - Iraq said its forces crushed an offensive.",
     "BAGHDAD, March 5 -"),
])
def test_a_dateline_is_found_at_a_paragraph_start(nlp, text, dateline):
    doc = nlp.make_doc(text)
    found = sorted(dateline_tokens(doc, DASHES))
    assert doc[found[0]:found[-1] + 1].text == dateline


@pytest.mark.parametrize("text", [
    "Russia and China - the two powers - condemned the strikes.",
    "Iran - which denies it - was blamed.",
    "The talks in Geneva, which began on Monday - ended without a deal.",
    "He said: LONDON, April 1 - was the date.",
])
def test_an_ordinary_sentence_has_no_dateline(nlp, text):
    assert dateline_tokens(nlp.make_doc(text), DASHES) == set()


def test_the_dateline_city_does_not_act(coder):
    text = ("LONDON, April 1 - GMAC Finance Ltd is issuing a 50 mln dlr eurobond due May 6, "
            "1991, lead manager Hambros Bank Ltd said.")
    events = coder.code(text, date="1987-04-01").events
    assert not [e for e in events if "GBR" in {a.code for a in e.actor}]


def test_the_story_after_a_dateline_is_coded(coder):
    text = ("BAGHDAD, March 5 - Iraq said its forces killed or wounded 15,000 Iranian "
            "Revolutionary Guards near Basra.")
    events = coder.code(text, date="1987-03-05").events
    assert any(e.event == "ASSAULT" and "IRQ" in {a.code for a in e.actor} for e in events)


AGENCIES = {"reuters", "afp", "ap", "getty"}


@pytest.mark.parametrize("text, credit", [
    ("REUTERS/Phil Noble/File Photo  Having struggled to crack the market, Tesco left.",
     "REUTERS/Phil Noble/File Photo"),
    ("Trump arrives in Delhi, February 25, 2020. REUTERS/Adnan Abidi", "REUTERS/Adnan Abidi"),
    ("AP Photo/Evan Vucci", "AP Photo/Evan Vucci"),
    ("Yonhap via REUTERS  The church asked the government to help.", "Yonhap via REUTERS"),
])
def test_a_photo_credit_is_found(nlp, text, credit):
    doc = nlp.make_doc(text)
    found = sorted(credit_tokens(doc, AGENCIES))
    assert doc[found[0]:found[-1] + 1].text == credit


@pytest.mark.parametrize("text", [
    "The US/China talks resumed.",
    "A spokesman told Reuters via email that the talks had ended.",
])
def test_a_slash_between_words_or_prose_via_an_agency_is_no_credit(nlp, text):
    assert credit_tokens(nlp.make_doc(text), AGENCIES) == set()


def test_the_agency_of_a_photo_credit_does_not_act(coder):
    text = ("REUTERS/Phil Noble/File Photo  Having failed to crack the Indian market, Walmart "
            "opened a joint venture in 2015 with a British partner.")
    events = coder.code(text, date="2020-02-25").events
    assert not [e for e in events if any(a.code == "GBR" for a in e.actor)]


def test_a_subject_the_parser_hangs_on_the_dateline_still_acts(coder):
    # The parser reads "AVIV" as the subject and the gunships as its apposition.
    text = ("TEL AVIV, April 9 - Israeli helicopter gunships attacked Palestinian guerrilla "
            "positions near Sidon in southern Lebanon today.")
    events = coder.code(text, date="1987-04-09").events
    assert [[a.code for a in e.actor] for e in events if e.event == "ASSAULT"] == [["ISR"]]
