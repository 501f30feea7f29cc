"""Normalisation: the offset map, character clean-up, HTML and glued words."""

from __future__ import annotations

import random
import time
import unicodedata
from pathlib import Path

import pytest

from eventwire.coder import Coder
from eventwire.errors import InputError
from eventwire.normalise import (
    _char_table,
    extract_html_text,
    looks_like_html,
    normalise,
)

NARA = (Path(__file__).parent / "data" / "nara-summit.txt").read_text(encoding="utf-8")

# Pieces that exercise every transformation, mixed at random below.
PIECES = [
    "Lee", " ", "said", "  ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u200b", "\u00ad",
    "\u201cquoted\u201d", "\u2018it\u2019s\u2019", "\u2014", " \u2013 ", "\u2212", "\u2026",
    "e\u0301", "cafe\u0301", "\u1100\u1161\u11a8", "\u00e9", "\x07", "\ufeff",
    "it\u00e2\u20ac\u2122s", "caf\u00c3\u00a9", "Sanaecalled", "PresidentTuesday",
    "BeijingMonday", "McDonald", "YouTube", "2026", ".", ",", "\u3000", "\u2028",
]


def _related(out: str, src: str) -> bool:
    """An output character is its source character or what it was rewritten from."""
    if out == src or (out == " " and (src.isspace() or src.isalpha())):
        return True
    if out in _char_table().get(src, "") or (out == "\n" and src == "\r"):
        return True
    if unicodedata.normalize("NFD", out)[0] == src:  # NFC composition
        return True
    if unicodedata.normalize("NFD", src)[0] == unicodedata.normalize("NFD", out)[0]:
        return True
    # Mojibake repair (then the table): a character maps to its UTF-8 lead byte.
    before = {out} | {char for char, new in _char_table().items() if out in new}
    return any(char.encode("utf-8")[:1].decode("latin-1") == src for char in before)


def _check_map(result) -> None:
    text, source, offsets = result.text, result.source, result.offsets
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(source)
    assert all(a <= b for a, b in zip(offsets, offsets[1:], strict=False))
    for i, char in enumerate(text):
        assert 0 <= offsets[i] < len(source)
        assert _related(char, source[offsets[i]]), (i, char, source[offsets[i]], text)


@pytest.mark.parametrize("seed", range(300))
def test_offset_map_holds_for_random_mixtures(seed):
    rng = random.Random(seed)
    source = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
    _check_map(normalise(source, is_html=False))


def test_identity_for_clean_ascii():
    result = normalise("Lee met Takaichi in Nara.", is_html=False)
    assert result.text == result.source
    assert result.offsets == list(range(len(result.text) + 1))


def test_to_source_clamps_past_the_end():
    result = normalise("ab", is_html=False)
    assert result.to_source(10) == 2


def test_unicode_clean_up():
    source = ("\u201cWe\u2019re ready\u201d\u00a0\u2014 Lee\u200b said\u2026\t\tthe "
              "cafe\u0301 \u00e2\u20ac\u201c done\x07.\r\nNext\u00adline")
    result = normalise(source, is_html=False)
    assert result.text == "\"We're ready\" - Lee said... the caf\u00e9 - done.\nNextline"
    _check_map(result)


def test_spans_map_back_to_source_words():
    source = "\u201cLee\u00a0\u00a0Jae-myung\u201d met\u200b Sanae Takaichi\u2026"
    result = normalise(source, is_html=False)
    for word in ("Lee", "Jae-myung", "met", "Sanae Takaichi"):
        start = result.text.index(word)
        end = start + len(word)
        assert source[result.to_source(start):result.to_source_end(end)] == word


def test_span_ends_keep_composed_and_rewritten_characters():
    source = "cafe\u0301\u200b  ok\u2026\u00ad"
    result = normalise(source, is_html=False)
    assert result.text == "caf\u00e9 ok..."
    assert source[:result.to_source_end(4)] == "cafe\u0301"
    assert source[result.to_source(5):result.to_source_end(10)] == "ok\u2026"


@pytest.mark.parametrize(("glued", "fixed"), [
    ("Sanaecalled", "Sanae called"),
    ("PresidentTuesday", "President Tuesday"),
    ("BeijingMonday", "Beijing Monday"),
    ("Leesaid", "Lee said"),
    ("saidTuesday", "said Tuesday"),
    ("Putinwarned", "Putin warned"),
    ("TokyoJanuary", "Tokyo January"),
])
def test_glued_words_are_split(glued, fixed):
    result = normalise(f"The {glued} story.", is_html=False)
    assert result.text == f"The {fixed} story."
    _check_map(result)


def test_reference_article_first_sentence_is_repaired():
    result = normalise(NARA, is_html=False)
    assert result.text.startswith("Japanese Prime Minister Sanae called on South Korean "
                                  "President Tuesday to help")
    assert result.source == NARA
    start = result.text.index("called")
    assert NARA[result.to_source(start):result.to_source(start + 6)] == "called"
    _check_map(result)


PROTECTED = ["McDonald", "iPhone", "YouTube", "LinkedIn", "Takaichi", "Pyongyang", "Kyiv",
    "Gyeongju", "OpenAI", "DeepSeek", "PlayStation", "JavaScript", "HuffPost", "MacArthur",
    "DeSantis", "LaGuardia", "TransCanada", "AirAsia", "GlaxoSmithKline", "PowerPoint",
    "WhatsApp", "BlackRock", "SoftBank", "Qatargate", "Trumpworld", "Partygate", "Sheinbaum",
    "Zelenskyy", "Kishida", "Ishiba", "Starmer", "NATO", "ASEAN", "Japan-South", "Korea-Japan",
    "e-mail", "www.BeijingMonday.com", "user@PresidentTuesday.org", "#Sanaecalled", "@Leesaid",
    "https://x.org/SanaeCalled", "O'Brienhas", "Bidenomics", "Brexiteers", "Obamacare"]


@pytest.mark.parametrize("token", PROTECTED)
def test_real_words_and_names_are_not_split(token):
    assert normalise(f"Then {token} spoke.", is_html=False).text == f"Then {token} spoke."


ORDINARY = """\
The Federal Reserve left interest rates unchanged on Wednesday, citing steady growth.
Prime Minister Shigeru Ishiba resigned after his party lost its majority in the upper house.
Chancellor Friedrich Merz travelled to Washington to meet President Donald Trump.
Volodymyr Zelenskyy thanked European leaders for their continued support.
Protesters gathered outside the Parliament building in Tbilisi late on Saturday.
The International Monetary Fund trimmed its forecast for the eurozone.
Kim Jong Un oversaw a missile launch into the Sea of Japan, Pyongyang's state media said.
Claudia Sheinbaum said Mexico would not accept foreign military intervention.
Representatives from Microsoft, Alphabet, Nvidia and OpenAI attended the hearing.
The Kremlin dismissed the report as Western propaganda.
Secretary-General Antonio Guterres called for an immediate ceasefire in Gaza.
Thousands of demonstrators marched through Santiago, Lima and Bogota.
Narendra Modi inaugurated the new terminal at Navi Mumbai airport.
Rescuers searched for survivors after flooding in Valencia and Andalusia.
Anwar Ibrahim hosted the ASEAN summit in Kuala Lumpur.
Luiz Inacio Lula da Silva criticised the tariffs announced by Washington.
The Bundestag approved the spending package with a two-thirds majority.
Taoiseach Micheal Martin met Keir Starmer at Downing Street.
Shareholders of Volkswagen and Stellantis approved the merger talks.
The Houthis claimed responsibility for the attack on a Liberian-flagged vessel.
Negotiators from Hamas and Israel met in Doha and Cairo with Qatari mediators.
Xi Jinping received Vietnamese leader To Lam in the Great Hall of the People.
The Philippine coast guard accused Chinese vessels of ramming its ship near Scarborough Shoal.
Lithuania, Latvia and Estonia disconnected from the Soviet-era power grid.
Senator Lindsey Graham introduced a sanctions bill backed by eighty colleagues.
Police in Nairobi fired tear gas at protesters demanding the president's resignation.
The Supreme Court in Seoul upheld the impeachment of Yoon Suk Yeol.
Analysts at Goldman Sachs and JPMorgan expect the central bank to cut rates.
The Taliban barred women from studying at medical institutes across Afghanistan.
Ursula von der Leyen announced a defence fund worth eight hundred billion euros.
Macron and Albanese discussed the AUKUS submarine pact at the Elysee Palace.
Ethiopia and Eritrea traded accusations over the disputed border town of Badme.
Farmers blocked roads around Brussels with tractors to protest the Mercosur deal.
Saudi Crown Prince Mohammed bin Salman welcomed Emmanuel Macron to Riyadh.
The Pentagon confirmed the deployment of additional Patriot batteries to Poland.
Governor Gavin Newsom sued the administration over the National Guard deployment.
A spokesperson for Nestle declined to comment on the recall.
Pakistan's army chief Asim Munir visited Washington for talks with CENTCOM commanders.
The Wagner Group's former fighters were absorbed into the Africa Corps.
Hungarian Prime Minister Viktor Orban vetoed the European Union's aid package.
Greenpeace activists unfurled a banner at the TotalEnergies headquarters.
Residents of Khartoum fled as the Rapid Support Forces advanced on Omdurman.
"""


def test_ordinary_sentences_are_left_alone():
    for line in ORDINARY.splitlines():
        assert normalise(line, is_html=False).text == line


def test_known_names_help_and_protect():
    assert normalise("Ishibasaid no.", is_html=False).text == "Ishibasaid no."
    names = frozenset({"Ishiba", "Gwangjuhill"})
    assert normalise("Ishibasaid no.", known_names=names).text == "Ishiba said no."
    assert normalise("Gwangjuhill", known_names=names).text == "Gwangjuhill"


ARTICLE_PARAGRAPHS = [
    "Japanese Prime Minister Sanae Takaichi called on South Korean President Lee "
    "Jae-myung on Tuesday to help ensure regional stability, as Beijing pressures Tokyo "
    "over its stance on Taiwan.",
    "The two leaders met in Takaichi's picturesque home region of Nara in western Japan, "
    "days after Lee visited Chinese leader Xi Jinping in Beijing.",
    "They agreed to strengthen cooperation on economic security, regional and global "
    "issues, as well as artificial intelligence, according to the presidential office.",
]

PAGE = """<!DOCTYPE html><html><head><title>Leaders meet</title>
<script>var tracking = "Subscribe now";</script><style>p {{color: red}}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/login">Sign in to your account</a></li></ul></nav>
<header><div class="banner">Breaking: subscribe for unlimited access</div></header>
<article><h1>Leaders meet in Nara</h1>
{paragraphs}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens restaurant</a></li></ul>
</aside>
<footer><p>Copyright 2026 Example News. All rights reserved.</p>
<p>Privacy policy | Cookie settings | Contact us</p></footer></body></html>"""


def test_html_page_keeps_main_text_only():
    html = PAGE.format(paragraphs="\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS))
    result = normalise(html)
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in result.text
    for junk in ("Sign in", "Copyright", "Cookie", "Subscribe", "tracking", "Most read"):
        assert junk not in result.text
    assert "\n\n" in result.text
    assert result.source != html
    _check_map(result)


def test_short_html_falls_back_to_tag_strip():
    html = "<html><body><nav>Menu</nav><p>Lee met Takaichi.</p><p>They agreed.</p></body></html>"
    result = normalise(html)
    assert result.text == "Lee met Takaichi.\n\nThey agreed."


def test_html_without_text_is_an_input_error():
    with pytest.raises(InputError, match=r"E008.*story\.html"):
        normalise("<html><body><script>x()</script></body></html>", source_name="story.html")


@pytest.mark.parametrize(("text", "expected"), [
    ("<!doctype html><p>x</p>", True),
    ("  <html lang='en'><body>x</body></html>", True),
    ("<div>a</div><div>b</div><p>c</p>", True),
    ("Lee said 3 < 4 and 5 > 2.", False),
    ("Plain text about <b>bold</b> claims.", False),
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_html_paragraphs_are_blank_line_separated():
    text = extract_html_text("<html><body><p>One.</p><div>Two <b>bold</b>.</div></body></html>")
    assert text == "One.\n\nTwo bold."


def test_five_megabytes_cost_about_five_times_one():
    # Linear in length, measured as a ratio in one run (a shared machine's load cancels out):
    # linear work gives about 5, quadratic work 25.
    block = ("\u201cLee\u00a0said\u201d \u2014 the leaders  met\u200b in Nara\u2026 "
             "Sanaecalled PresidentTuesday cafe\u0301.\n")
    small, large = block * (1_000_000 // len(block)), block * (5_000_000 // len(block))
    seconds = []
    for source in (small, large):
        start = time.perf_counter()
        result = normalise(source, is_html=False)
        seconds.append(time.perf_counter() - start)
        assert len(result.offsets) == len(result.text) + 1
    assert result.text.startswith('"Lee said" - the leaders met in Nara... Sanae called')
    assert seconds[1] < 10 * seconds[0], seconds


def test_names_from_the_actor_kb_repair_glued_words(nlp):
    # "Zelensky" is in no packaged word list, only among the knowledge base's people.
    text = "Ukrainian President Volodymyr Zelenskysaid on Monday that talks would go on."
    assert "Zelenskysaid" in normalise(text).text
    doc = Coder(nlp=nlp).code(text, date="2025-03-10")
    zelensky = [a for a in doc.actors if a.name == "Volodymyr Zelenskyy"]
    assert zelensky and zelensky[0].code == "UKR"


def test_lone_surrogates_and_markup_controls_are_replaced_one_for_one():
    plain = normalise("Japan\ud800 met China.", is_html=False)
    assert plain.source == "Japan\ufffd met China." and len(plain.offsets) == len(plain.text) + 1
    html = normalise("<html><body><p>Japan\x08 met China.</p></body></html>", is_html=True)
    assert "Japan" in html.text and "\x08" not in html.text
