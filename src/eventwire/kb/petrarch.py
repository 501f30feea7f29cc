"""PETRARCH dictionaries: the one reader of actor and agent files.

The packaged knowledge base is built from the Phoenix dictionaries with these
functions (scripts/build_actors.py), and a user's own dictionaries
(``eventwire code --actors FILE``) are read with the same ones, so both
understand the same syntax: names with underscores, codes in brackets, dated
roles (``[KORGOV 130225-170310]``, ``[HOBCIV <20080120]``, ``[HOBELI >20130119]``),
synonyms on ``+`` lines, ``#`` and ``<!-- -->`` comments; agent files with
``!MACRO!`` lists, ``{plural}`` forms and ``[~SECTOR]`` codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# CAMEO sector codes whose meaning differs in PLOVER (CAMEO MED is media).
CAMEO_TO_PLOVER_SECTOR = {"MED": "JRN", "HLH": "MED"}
# PETRARCH agent codes that mark words as "not an actor", or too vague to help ("group").
NOT_ACTOR_SECTORS = frozenset({"NON", "JNK", "UNK"})
# PETRARCH's codes for "no actor": the name is known and names nobody.
NULL_CODES = frozenset({"---", "+++"})
# Two-digit years up to this value are 20xx, later ones 19xx.
YEAR_PIVOT = 30

CODE = re.compile(r"\[([^\[\]]*)\]")
CODE_WORD = re.compile(r"^(?:[A-Za-z0-9]+(?:/[A-Za-z0-9]+)*|---|\+\+\+)$")
DATES = re.compile(r"^[<>]?\d+(?:-\d+)?$")
MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
SECTOR_WORD = re.compile(r"^[A-Za-z]*$")


class DictionaryError(ValueError):
    """A line of a dictionary that cannot be read; names the file and line."""

    def __init__(self, source: str | Path, line: int, reason: str) -> None:
        super().__init__(f"{source}:{line}: {reason}")
        self.source = str(source)
        self.line = line
        self.reason = reason


OnError = Callable[[DictionaryError], None] | None


@dataclass
class ActorEntry:
    """One actor of a dictionary: its name, synonyms and codes as written.

    names: the entry's name first, then its ``+`` synonyms, underscores read as spaces.
    codes: (code, dates) pairs in file order; dates is "" for the default code.
    """

    names: list[str]
    line: int
    codes: list[tuple[str, str]] = field(default_factory=list)


def dictionary_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines without comments (``#`` to the end of a line, ``<!-- -->`` blocks)."""
    in_comment = False
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), 1):
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if raw.lstrip().startswith("<!"):
            in_comment = "-->" not in raw
            continue
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line


def read_actor_entries(path: Path, on_error: OnError = None) -> Iterator[ActorEntry]:
    """The entries of a PETRARCH actor dictionary, in file order.

    on_error: called with each unreadable line, which is then skipped; None raises
        ``DictionaryError`` at the first one.
    """
    def report(number: int, reason: str) -> None:
        _report(on_error, DictionaryError(path, number, reason))

    entry: ActorEntry | None = None
    for number, line in dictionary_lines(path):
        codes = CODE.findall(line)
        rest = CODE.sub(" ", line)
        if "[" in rest or "]" in rest:
            report(number, f"unbalanced bracket in {line.strip()!r}")
            continue
        if line[0] == "+":
            if entry is None:
                report(number, f"synonym {line.strip()!r} before any actor")
                continue
            entry.names.append(clean_name(rest[1:]))
        elif line[0] not in " \t[":
            if entry is not None:
                yield entry
            entry = ActorEntry([clean_name(rest)], number)
        elif rest.strip():
            # the codes still count: a synonym that lost its '+' should not lose its roles
            report(number, f"indented text {rest.strip()!r}: codes go in brackets")
        if entry is None:
            report(number, "code before any actor")
            continue
        for code in codes:
            word, *rest = code.split(None, 1) or [""]
            dates = "".join("".join(rest).split())
            if not CODE_WORD.match(word) or (dates and not DATES.match(dates)):
                report(number, f"unreadable code [{code}]: write [CODE] or [CODE 080225-130225]"
                       " (dates YYMMDD or YYYYMMDD, '<DATE' until, '>DATE' from)")
                continue
            entry.codes.append((word.upper(), dates))
    if entry is not None:
        yield entry


def _report(on_error: OnError, error: DictionaryError) -> None:
    if on_error is None:
        raise error
    on_error(error)


def clean_name(text: str) -> str:
    """A dictionary name as words: underscores are spaces, spacing is single."""
    return " ".join(text.replace("_", " ").split())


def parse_date(value: str) -> str:
    """PETRARCH date (YYMMDD or YYYYMMDD) as YYYY-MM-DD; "" when unreadable or undated."""
    value = value.strip()
    if len(value) == 6:
        yy = int(value[:2])
        value = (f"20{value[:2]}" if yy <= YEAR_PIVOT else f"19{value[:2]}") + value[2:]
    if len(value) != 8 or not value.isdigit():
        return ""
    date = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return "" if value[4:] == "0000" else date


def split_code(code: str) -> tuple[str, str]:
    """PETRARCH code -> (country or international code, PLOVER sector or "").

    ``KORGOV`` is Korea's government; ``IGOUNO...`` and ``IGOEUR...`` are the UN's
    and the EU's; other ``IGO`` codes stay IGO.
    """
    country, rest = code[:3], code[3:]
    if country == "IGO":
        country, rest = (rest[:3], rest[3:]) if rest[:3] in ("UNO", "EUR") else ("IGO", rest)
    return country, CAMEO_TO_PLOVER_SECTOR.get(rest[:3], rest[:3])


def parse_role(code: str, dates: str) -> tuple[str, str, str, str] | None:
    """PETRARCH role ``KORGOV 080225-130225`` -> (country, sector, start, end), dated only."""
    dates = dates.strip()
    if not dates or len(code) < 3:
        return None
    country, sector = split_code(code)
    if dates.startswith(">"):
        start, end = parse_date(dates[1:]), ""
    elif dates.startswith("<"):
        start, end = "", parse_date(dates[1:])
    elif "-" in dates:
        start, end = (parse_date(d) for d in dates.split("-", 1))
    else:
        return None
    if not (start or end):
        return None
    return country, sector, start, end


# --- agents ----------------------------------------------------------------

def _agent_parts(line: str) -> tuple[str, str | None, str, str] | None:
    """``TERM {PLURAL} [~CODE]`` -> (term, plural or None, code before '~', code after);
    None when the line is not written so. String steps rather than one regex, which
    would backtrack on long runs of spaces."""
    head, bracket, tail = line.partition("[")
    code, close, after = tail.partition("]")
    prefix, tilde, suffix = code.strip().partition("~")
    if not (bracket and close and tilde) or after.strip() or \
            not (SECTOR_WORD.match(prefix) and SECTOR_WORD.match(suffix)):
        return None
    term, brace, plural_text = head.partition("{")
    plural_form, end_brace, rest = plural_text.partition("}")
    if brace and (not end_brace or rest.strip()) or not term.strip():
        return None
    return term.strip(), plural_form if brace else None, prefix, suffix


def plural(word: str) -> str:
    """English plural of an agent noun ("militia" -> "militias", "man" -> "men")."""
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def parse_agents(path: Path, cameo_sectors: bool, on_error: OnError = None) -> dict[str, str]:
    """Agent phrase -> PLOVER sector, with the file's macros and plurals expanded.

    cameo_sectors: the file writes CAMEO sectors (MED is media), translated to PLOVER.
    Codes written before the tilde (``[IGO~]``) name an actor code rather than a
    sector; an agent holds only a sector, so they are skipped.
    """
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for number, line in dictionary_lines(path):
        line = line.strip()
        macro = MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        found = _agent_parts(line)
        if not found:
            _report(on_error, DictionaryError(path, number, f"unreadable agent {line!r}: write "
                                              "TERM [~SECTOR] or TERM {PLURAL} [~SECTOR]"))
            continue
        term, plural_form, prefix, code = found
        if prefix:
            continue
        sector = code[:3].upper()
        if not sector:
            _report(on_error, DictionaryError(path, number, f"agent {term!r} has no sector"))
            continue
        if sector in NOT_ACTOR_SECTORS:
            continue
        if cameo_sectors:
            sector = CAMEO_TO_PLOVER_SECTOR.get(sector, sector)
        forms = [term]
        for name, words in macros.items():
            if name in term:
                forms = [term.replace(name, w) for w in words]
        for form in forms:
            phrase = form.replace("_", " ").strip().lower()
            if not phrase or "!" in phrase:
                continue
            out.setdefault(phrase, sector)
            if plural_form is None:
                words = phrase.split(" ")
                out.setdefault(" ".join(words[:-1] + [plural(words[-1])]), sector)
        if plural_form and plural_form.strip():
            out.setdefault(plural_form.replace("_", " ").strip().lower(), sector)
    return out
