"""Text clean-up before parsing, keeping a map back to the source offsets.

Every step rewrites ``(text, offsets)`` together, so each output character
still knows where it came from: HTML -> main text, mojibake repair, NFC,
the character table in ``data/normalise/chars.tsv``, spacing, and splitting
words that scraping glued together ("Sanaecalled" -> "Sanae called").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from os.path import commonprefix

import ftfy
import ftfy.badness

from eventwire.errors import Errors, InputError
from eventwire.kb.english import word_zipf

# A past-tense tail in -ed must be at least this frequent (Zipf) to split off.
TAIL_ZIPF = 3.5
# The capitalised left part must be at least this frequent or a known name.
LEFT_ZIPF = 2.0
# A CamelCase left part that is not a name must be an ordinary word.
CAMEL_LEFT_ZIPF = 3.0
MIN_PART = 3

# What may open a page after its prolog (XML declaration, comments), matched at
# the position the prolog scan reached: no quantifier spans the comments.
_HTML_OPEN = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAGS = re.compile(r"</(?:p|div|span|a|li|td|h[1-6]|article|section|body|html)\s*>", re.I)
# Maximal runs of non-ASCII characters; a run is repaired only when it holds
# a UTF-8 lead byte read as Windows-1252 (Â..ô) followed by a continuation
# byte and ftfy finds it bad.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_MOJIBAKE_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122]")
# Carriage returns become newlines; runs of spaces and tabs one space.
_SPACING = re.compile(r"\r\n?|[ \t]{2,}|\t")
# Letters-only tokens not inside URLs, e-mails, hashtags, paths or hyphenated compounds.
_GLUE_CANDIDATE = re.compile(
    r"(?<![\w@#/.\-'&+])(?:[A-Za-z]+[a-z][A-Z][a-z]+|[A-Z][a-z]{5,})(?![\w@/\-+]|\.\w)")
_CAMEL_JUNCTION = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]+\Z)")


@dataclass
class NormalisedText:
    """``text`` is what the pipeline parses; ``source`` what offsets refer to.

    ``offsets[i]`` is the index in ``source`` of ``text[i]``; one extra entry
    maps the end of the text.
    """

    text: str
    source: str
    offsets: list[int]

    def to_source(self, index: int) -> int:
        return self.offsets[min(index, len(self.offsets) - 1)]

    def to_source_end(self, index: int) -> int:
        """Source offset for a span ending at ``index``.

        Unlike ``to_source`` it leaves out what was deleted or collapsed
        after the span's last character (a zero-width space, extra spaces).
        """
        index = min(index, len(self.offsets) - 1)
        end = self.offsets[index]
        if index == 0:
            return end
        last = self.offsets[index - 1] + 1
        while end > last and (self.source[end - 1].isspace()
                              or _char_table().get(self.source[end - 1]) == ""):
            end -= 1
        return max(end, last)


# Characters no UTF-8 output can carry (lone surrogates, as from a broken UTF-16 source),
# made U+FFFD one for one so offsets stay put.
_LONE_SURROGATES = dict.fromkeys(range(0xD800, 0xE000), "\ufffd")
# Control characters the HTML parser refuses in text; a space each.
_XML_INCOMPATIBLE = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)], " ")


def normalise(
    text: str,
    is_html: bool | None = None,
    known_names: frozenset[str] | None = None,
    source_name: str = "document",
) -> NormalisedText:
    """Clean ``text`` for parsing and map every character back to its source.

    text (str): plain text or an HTML page.
    is_html (bool | None): None guesses from the text.
    known_names (frozenset[str] | None): extra names (any case) that are
        never split and may be split off a glued word, e.g. from the actor KB.
    source_name (str): names the input in error messages.
    RETURNS (NormalisedText): the clean text, its source and the offset map.
    """
    if not text.isascii():
        text = text.translate(_LONE_SURROGATES)
    if is_html is None:
        is_html = looks_like_html(text)
    source = extract_html_text(text.translate(_XML_INCOMPATIBLE), source_name) if is_html \
        else text
    out, offsets = source, list(range(len(source) + 1))
    if not out.isascii():
        out, offsets = _repair_mojibake(out, offsets)
        out, offsets = _compose(out, offsets)
        out, offsets = _rewrite(out, offsets, _char_pattern(), _char_replacement)
    out, offsets = _rewrite(out, offsets, _SPACING,
                            lambda found: "\n" if found[0] == "\r" else " ")
    names = _glue_names(frozenset(known_names or ()))
    out, offsets = _split_glued(out, offsets, names)
    return NormalisedText(text=out, source=source, offsets=offsets)


def looks_like_html(text: str) -> bool:
    """True when the text opens like an HTML page or is dense with closing tags."""
    head = text[:20000]
    return bool(_HTML_OPEN.match(head, _prolog_end(head))) or len(_HTML_TAGS.findall(head)) >= 3


def _prolog_end(head: str) -> int:
    """Position after leading space, an XML declaration and comments.

    A scan with ``str.find`` rather than a regex: a repeated comment group with
    a lazy body backtracks exponentially when no page follows.
    """
    position = _skip_space(head, 0)
    if head[position:position + 5].lower() == "<?xml":
        close = head.find(">", position)
        if close < 0:
            return position
        position = _skip_space(head, close + 1)
    while head.startswith("<!--", position):
        close = head.find("-->", position + 4)
        if close < 0:
            break
        position = _skip_space(head, close + 3)
    return position


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def extract_html_text(html: str, source_name: str = "document") -> str:
    """Main text of a page, paragraphs separated by blank lines.

    trafilatura (precision first) drops navigation, footers and comments; when
    it finds nothing, a plain tag strip of the body keeps short pages usable.
    """
    import trafilatura

    main = trafilatura.extract(html, favor_precision=True, include_comments=False,
                               include_tables=False, deduplicate=True, output_format="txt")
    paragraphs = _paragraphs(main) if main else _strip_tags(html)
    if not paragraphs:
        raise InputError(Errors.E008.format(source=source_name))
    return "\n\n".join(paragraphs)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer",
              "aside", "form", "button", "svg", "iframe", "head")
_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
               "article", "section", "blockquote", "pre", "dd", "dt", "figcaption")


def _strip_tags(html: str) -> list[str]:
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    lxml.etree.strip_elements(tree, *_DROP_TAGS, lxml.etree.Comment, with_tail=False)
    for element in tree.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return _paragraphs(tree.text_content())


# A rewrite of a matched string, optionally with the index in the match where
# each of its characters starts; None keeps the match.
Replacement = Callable[[str], str | tuple[str, list[int]] | None]


def _rewrite(text: str, offsets: list[int], pattern: re.Pattern[str],
             replace: Replacement, widen: int = 0) -> tuple[str, list[int]]:
    """Replace each match (widened by ``widen`` characters to the left),
    carrying the offset map along.

    Without explicit starts, a replacement of the same length maps character
    by character; otherwise its characters map to the match's in order and
    the surplus to the last one (all of "..." point at the ellipsis). Results
    are cached per matched string, since news text repeats itself.
    """
    parts: list[str] = []
    new: list[int] = []
    last = 0
    cache: dict[str, tuple[str, list[int] | None] | None] = {}
    for match in pattern.finditer(text):
        start, end = max(match.start() - widen, 0), match.end()
        found = text[start:end]
        if found in cache:
            rewritten = cache[found]
        else:
            rewritten = cache[found] = _with_starts(found, replace(found))
        if rewritten is None:
            continue
        replacement, starts = rewritten
        parts.append(text[last:start])
        new.extend(offsets[last:start])
        parts.append(replacement)
        if starts is None:
            new.extend(offsets[start:end])
        else:
            new.extend([offsets[start + k] for k in starts])
        last = end
    if not parts:
        return text, offsets
    parts.append(text[last:])
    new.extend(offsets[last:])
    return "".join(parts), new


def _with_starts(found: str, result: str | tuple[str, list[int]] | None,
                 ) -> tuple[str, list[int] | None] | None:
    """A replacement with its starts; None for no change, no starts for one to one."""
    replacement, starts = result if isinstance(result, tuple) else (result, None)
    if replacement is None or replacement == found:
        return None
    if starts is None and len(replacement) != len(found):
        starts = [min(k, len(found) - 1) for k in range(len(replacement))]
    return replacement, starts


def _repair_mojibake(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Undo UTF-8 read as Windows-1252 ("itâ€™s"), one non-ASCII run at a time."""

    def repair(run: str) -> tuple[str, list[int]] | None:
        if not _MOJIBAKE_PAIR.search(run) or not ftfy.badness.is_bad(run):
            return None
        fixed = ftfy.fix_encoding(run)
        return fixed, _byte_starts(run, fixed)

    if not _MOJIBAKE_PAIR.search(text):
        return text, offsets
    return _rewrite(text, offsets, _NON_ASCII_RUN, repair)


def _byte_starts(run: str, fixed: str) -> list[int]:
    """Where each repaired character began: one mojibake character per UTF-8 byte."""
    starts, position = [], 0
    for char in fixed:
        starts.append(position)
        position += len(char.encode("utf-8"))
    if position != len(run):
        return _spread(run, fixed)
    return starts


def _spread(old: str, new: str) -> list[int]:
    """Starts for a rewrite of ``old`` as ``new``: common ends map one to one,
    the changed middle spreads evenly over what it replaced."""
    prefix = len(commonprefix([old, new]))
    suffix = len(commonprefix([old[prefix:][::-1], new[prefix:][::-1]]))
    old_middle, new_middle = len(old) - prefix - suffix, len(new) - prefix - suffix
    middle = [prefix + min(k * old_middle // new_middle, max(old_middle - 1, 0))
              for k in range(new_middle)]
    tail = range(len(old) - suffix, len(old))
    return [*range(prefix), *middle, *tail]


def _compose(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """NFC, cluster by cluster; a composed character maps to its base letter."""

    def compose(run: str) -> tuple[str, list[int]] | None:
        whole = unicodedata.normalize("NFC", run)
        if whole == run:
            return None
        composed, starts, position = [], [], 0
        for piece in _clusters(run):
            normal = unicodedata.normalize("NFC", piece)
            composed.append(normal)
            starts.extend([position] * len(normal))
            position += len(piece)
        if "".join(composed) != whole:  # a composition this clustering does not see
            return whole, _spread(run, whole)
        return whole, starts

    return _rewrite(text, offsets, _nfc_pattern(), compose, widen=1)


@lru_cache(maxsize=1)
def _nfc_pattern() -> re.Pattern[str]:
    """Characters that NFC may change or join to the character before them.

    Those are combining marks, characters NFC replaces on their own, and any
    character that is not first in a canonical decomposition (Hangul jamo,
    some Indic vowel signs), found from the Unicode database once.
    """
    unstable = set()
    for point in range(0xC0, 0x2FA20):
        char = chr(point)
        if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char:
            unstable.add(char)
        decomposition = unicodedata.decomposition(char)
        if decomposition and not decomposition.startswith("<"):
            unstable.update(chr(int(code, 16)) for code in decomposition.split()[1:])
    unstable.update(chr(point) for point in range(0x1160, 0x1200))
    return re.compile(f"[{_char_class(unstable)}]+")


def _char_class(chars: Iterable[str]) -> str:
    """A compact regex class body: consecutive code points become ranges."""
    points = sorted(ord(char) for char in chars)
    spans: list[list[int]] = []
    for point in points:
        if spans and point == spans[-1][1] + 1:
            spans[-1][1] = point
        else:
            spans.append([point, point])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "")
                   for a, b in spans)


def _clusters(text: str) -> list[str]:
    """A base character with the marks (or Hangul vowel and final jamo) it takes."""
    pieces: list[str] = []
    for char in text:
        if pieces and (unicodedata.combining(char) or "\u1160" <= char <= "\u11ff"):
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


@lru_cache(maxsize=1)
def _char_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _data_lines("chars.tsv"):
        code, replacement = (line.split("\t") + [""])[:2]
        first, _, last = code.partition("..")
        target = "".join(chr(int(c[2:], 16)) for c in replacement.split())
        for point in range(int(first[2:], 16), int((last or first)[2:], 16) + 1):
            table[chr(point)] = target
    return table


@lru_cache(maxsize=1)
def _char_pattern() -> re.Pattern[str]:
    return re.compile(f"[{_char_class(_char_table())}]+")


def _char_replacement(found: str) -> tuple[str, list[int]]:
    table = _char_table()
    pieces = [table[char] for char in found]
    starts = [index for index, piece in enumerate(pieces) for _ in piece]
    return "".join(pieces), starts


def _data_lines(name: str) -> Iterable[str]:
    text = files("eventwire").joinpath("data", "normalise", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=8)
def _glue_names(known_names: frozenset[str]) -> frozenset[str]:
    """Packaged capitalised words plus the caller's names, lowercased once per set."""
    return _words("proper_words.txt") | {name.lower() for name in known_names}


@cache
def _words(name: str) -> frozenset[str]:
    """A lowercase word list from ``data/normalise``."""
    return frozenset(line.strip().lower() for line in _data_lines(name))


def glue_split(token: str, names: frozenset[str]) -> int | None:
    """Where to split a token that scraping glued together, or None.

    The token must be unknown (not a word, not a name). A CamelCase junction
    splits when the left part is a word or name and the right part a word
    written capitalised ("PresidentTuesday"). A capitalised token splits
    before a phrase-opening word or a frequent past tense when the left part
    is a word or name ("Sanaecalled"). Name particles never split off.
    """
    lower = token.lower()
    if lower in names or word_zipf(lower) > 0:
        return None
    camel = _CAMEL_JUNCTION.search(token)
    if camel:
        cut = camel.start()
        left = lower[:cut]
        if (lower[cut:] in names and _splittable_left(left)
                and (left in names or word_zipf(left) >= CAMEL_LEFT_ZIPF)):
            return cut
        return None
    if not token[1:].islower():
        return None
    for cut in range(MIN_PART, len(token) - MIN_PART):
        left, tail = lower[:cut], lower[cut:]
        if _opens_phrase(tail) and _splittable_left(left) and (
                left in names or word_zipf(left) >= LEFT_ZIPF):
            return cut
    return None


def _splittable_left(left: str) -> bool:
    return len(left) >= 2 and left not in _words("name_prefixes.txt")


def _opens_phrase(tail: str) -> bool:
    if tail in _words("glue_tails.txt"):
        return True
    return len(tail) >= 5 and tail.endswith("ed") and word_zipf(tail) >= TAIL_ZIPF


def _split_glued(text: str, offsets: list[int],
                 names: frozenset[str]) -> tuple[str, list[int]]:
    """Insert a space at each glued junction; the space maps to the next letter."""

    def split(token: str) -> tuple[str, list[int]] | None:
        cut = glue_split(token, names)
        if cut is None:
            return None
        starts = list(range(len(token)))
        return f"{token[:cut]} {token[cut:]}", starts[:cut] + [cut] + starts[cut:]

    return _rewrite(text, offsets, _GLUE_CANDIDATE, split)
