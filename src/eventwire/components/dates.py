"""Stage "eventwire_dates": when each event happened.

Reads ``doc._.ew_events`` and ``doc._.ew_date`` (the publication date); sets
``event["date"]`` ("YYYY-MM-DD", "YYYY-MM" or "YYYY") and
``event["date_precision"]``, and adds the mode ``historical`` to events well
before the publication.

Temporal expressions are found with Matcher patterns (``data/dates/patterns.jsonl``)
and attached to an event through the dependency parse: a date modifies the
trigger's own clause ("met *in October*", "have dinner *Tuesday*"), or a clause
that the event completes ("suggestion *in November* that Japan could
intervene"). A date inside an actor's relative clause ("Yoon, who declared
martial law in December 2024") dates that clause only. Without a clue the
event gets the publication date.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from eventwire.extensions import register
from eventwire.kb.tables import read_lines, read_tsv
from eventwire.participants import means_verb

# Dependents that start another predication: their dates are not the trigger's.
BOUNDARY_DEPS = frozenset({
    "nsubj", "nsubjpass", "csubj", "csubjpass", "relcl", "acl", "advcl", "ccomp", "xcomp",
    "conj", "parataxis", "appos", "punct", "cc", "mark", "pcomp",
})
# Relations through which an event without a date of its own takes its governor's.
CLIMB_DEPS = frozenset({
    "conj", "xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "prep", "dobj", "attr",
    "oprd", "npadvmod", "nsubj", "nsubjpass", "appos", "dative", "agent",
})
# How a date may hang on a word of the clause other than through a preposition.
DIRECT_DEPS = frozenset({"npadvmod", "tmod", "advmod", "obl", "dep"})
# ... and how it may modify an event noun itself ("the 2025 summit"); on a noun further down
# the clause it dates that thing, not the act ("called for a postponement of the *April
# 21-26* Milan Design Week").
NOUN_DEPS = frozenset({"compound", "nummod", "amod", "poss", "nmod"})
PERIOD_PRECISION = {"day": "day", "time": "day", "week": "month", "month": "month",
                    "year": "year"}
YEARS = (1000, 2099)
# Precisions an act just before or after a dated one shares ("freed in 2017 after being
# acquitted" was acquitted in 2017).
COARSE_PRECISIONS = frozenset({"month", "year"})
# Conjunctions of a clause of the same time as the main one ("when they met in 1975").
SIMULTANEOUS_MARKS = frozenset({"when"})
# Tokens either side of a head word that a pattern may span.
WINDOW = 4
FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@dataclass(frozen=True)
class Resolved:
    """A date at a known precision; ``last`` is the latest day it may mean."""

    day: dt.date
    precision: str

    @property
    def text(self) -> str:
        return self.day.strftime(FORMATS[self.precision])

    @property
    def last(self) -> dt.date:
        if self.precision == "year":
            return dt.date(self.day.year, 12, 31)
        if self.precision == "month":
            following = self.day.replace(day=28) + dt.timedelta(days=4)
            return following - dt.timedelta(days=following.day)
        return self.day


@dataclass(frozen=True)
class DateWords:
    """The word tables of ``data/dates/words.tsv``, by kind."""

    weekday: dict[str, int]
    month: dict[str, int]
    direction: dict[str, str]
    hedge: frozenset[str]
    prep: dict[str, str]
    future_aux: frozenset[str]
    future_governor: frozenset[str]
    unit: dict[str, tuple[int, int, str]]
    number: dict[str, int]
    head: frozenset[str]


@lru_cache(maxsize=1)
def load_words() -> DateWords:
    """The packaged date word table, read once."""
    rows = read_tsv("dates", "words.tsv")

    def kind(name: str) -> list[dict[str, str]]:
        return [r for r in rows if r["kind"] == name]

    return DateWords(
        weekday={r["word"]: int(r["value"]) for r in kind("weekday")},
        month={r["word"]: int(r["value"]) for r in kind("month")},
        direction={r["word"]: r["value"] for r in kind("direction")},
        hedge=frozenset(r["word"] for r in kind("hedge")),
        prep={r["word"]: r["value"] for r in kind("prep")},
        future_aux=frozenset(r["word"] for r in kind("future_aux")),
        future_governor=frozenset(r["word"] for r in kind("future_governor")),
        unit={r["word"]: (int(r["value"]), int(r["typical"]), r["precision"])
              for r in kind("unit")},
        number={r["word"]: int(r["value"]) for r in kind("number")},
        head=frozenset(r["word"] for r in kind("head")) | {
            r["word"] for r in rows if r["kind"] in ("weekday", "month")} | {
            phrase.split()[-1] for phrase in load_periods()},
    )


def load_patterns() -> list[tuple[str, list[dict[str, Any]]]]:
    """(label, Matcher pattern) rows of ``data/dates/patterns.jsonl``, and one "period"
    pattern per named period of ``periods.tsv``."""
    rows = [json.loads(line) for line in read_lines("dates", "patterns.jsonl")]
    periods = [("period", [{"LOWER": word} for word in phrase.split()])
               for phrase in load_periods()]
    return [(row["label"], row["pattern"]) for row in rows] + periods


@lru_cache(maxsize=1)
def load_periods() -> dict[str, tuple[int, int]]:
    """Named periods of history (``periods.tsv``): phrase -> the years it began and ended."""
    return {row["phrase"]: (int(row["year"]), int(row["end"]))
            for row in read_tsv("dates", "periods.tsv")}


@lru_cache(maxsize=4096)
def parse_date(text: str, base: dt.date | None, prefer: str) -> Resolved | None:
    """dateparser on one expression, cached: it is slow and expressions repeat."""
    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    return Resolved(data.date_obj.date(), PERIOD_PRECISION.get(data.period or "day", "day"))


class DateResolver:
    """Turns the words of one temporal expression into a date."""

    def __init__(self, words: DateWords) -> None:
        self.words = words

    def resolve(self, label: str, tokens: list[str], pub: dt.date | None,
                future: bool) -> Resolved | None:
        """Date of an expression (lower-cased tokens) for an event in the given tense."""
        tokens = [t for t in tokens if t not in self.words.hedge]
        direction = "tense"
        if tokens and tokens[0] in self.words.direction and label in ("weekday", "month"):
            direction = self.words.direction[tokens.pop(0)]
        strict = direction != "tense"  # "last Tuesday" is never the publication day
        if direction == "tense":
            direction = "future" if future else "past"
        if label == "range":
            label, tokens = "year", tokens[:1]
        if label == "year":
            return Resolved(dt.date(int(tokens[0]), 1, 1), "year")
        if label == "period":
            years = next((y for phrase, y in load_periods().items()
                          if [w for w in phrase.split() if w != "-"] == tokens), None)
            if years is None or (pub is not None and years[1] >= pub.year):
                return None  # a period of the story's own time, or one not yet begun
            return Resolved(dt.date(years[0], 1, 1), "year")
        if label == "weekday" and pub is not None:
            day = self._weekday(self.words.weekday[tokens[0]], pub, direction)
            if strict and day == pub:
                day += dt.timedelta(days=7 if direction == "future" else -7)
            return Resolved(day, "day")
        if label == "month" and len(tokens) == 1 and pub is not None:
            day = self._month(self.words.month[tokens[0]], pub, direction)
            if strict and day.month == pub.month:  # "last January", written in January
                day = day.replace(year=day.year + (1 if direction == "future" else -1))
            return Resolved(day, "month")
        has_year = any(t.isdigit() and len(t) == 4 for t in tokens)
        if label == "month" and (has_year or pub is not None):
            # One day back makes "future" include the publication day itself.
            base = pub - dt.timedelta(days=1) if pub and direction == "future" else pub
            return parse_date(" ".join(tokens), base, direction)
        if label == "relative" and pub is not None:
            text = " ".join(self._relative_word(t) for t in tokens)
            return parse_date(text, pub, direction)
        return None

    def _relative_word(self, token: str) -> str:
        direction = self.words.direction.get(token)
        return {"past": "last", "future": "next"}.get(direction or "", token)

    @staticmethod
    def _weekday(weekday: int, pub: dt.date, direction: str) -> dt.date:
        delta = (weekday - pub.isoweekday()) % 7
        if direction == "future":
            return pub + dt.timedelta(days=delta)
        return pub - dt.timedelta(days=(7 - delta) % 7)

    @staticmethod
    def _month(month: int, pub: dt.date, direction: str) -> dt.date:
        year = pub.year
        if direction == "future" and month < pub.month:
            year += 1
        elif direction == "past" and month > pub.month:
            year -= 1
        return dt.date(year, month, 1)

    def shift(self, base: Resolved, unit: str, count: int | None, sign: int) -> Resolved:
        """``base`` moved by ``count`` units (None: a bare plural like "days")."""
        days, typical, vague_precision = self.words.unit[unit]
        precision = vague_precision if count is None else (
            "day" if days <= 7 else "month" if days <= 31 else "year")
        moved = base.day + dt.timedelta(days=sign * days * (count or typical))
        if PRECISION_RANK[base.precision] > PRECISION_RANK[precision]:
            precision = base.precision
        return Resolved(moved, precision)


PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Expression:
    """A temporal expression found in the text and what it hangs on."""

    label: str
    span: tuple[int, int]
    anchor: int  # the token it modifies
    relation: str  # the preposition's lower form, or the dependency label


@Language.factory(
    "eventwire_dates",
    requires=["doc._.ew_events", "token.dep"],
    assigns=["doc._.ew_events"],
    default_config={"historical_days": 365, "max_depth": 5, "max_climb": 4},
)
def make_dates(nlp: Language, name: str, historical_days: int, max_depth: int,
               max_climb: int) -> EventDates:
    return EventDates(nlp, name, historical_days=historical_days, max_depth=max_depth,
                      max_climb=max_climb)


class EventDates(Pipe):
    """Dates every event of a Doc from the expressions in its clause."""

    def __init__(self, nlp: Language, name: str, historical_days: int = 365,
                 max_depth: int = 5, max_climb: int = 4) -> None:
        register()
        self.name = name
        self.historical_days = historical_days
        self.max_depth = max_depth
        self.max_climb = max_climb
        self.words = load_words()
        self.resolver = DateResolver(self.words)
        self.matcher = Matcher(nlp.vocab)
        for label, pattern in load_patterns():
            self.matcher.add(label, [pattern])

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.set_dates(doc)
        except Exception as err:  # noqa: BLE001 - handed to the pipeline's handler
            self.get_error_handler()(self.name, self, [doc], err)
        return doc

    def set_dates(self, doc: Doc) -> None:
        """Write date, precision and the historical mode on every event."""
        pub = _parse_iso(doc._.ew_date)
        expressions = self.expressions(doc)
        by_anchor: dict[int, list[Expression]] = {}
        covering: dict[int, Expression] = {}
        for expr in expressions:
            by_anchor.setdefault(expr.anchor, []).append(expr)
            for i in range(*expr.span):
                covering[i] = expr
        for event in doc._.ew_events or []:
            trigger = doc[event["trigger"][0]]
            future = "future" in event["mode"] or self.is_future(trigger)
            found = self.date_of(doc, trigger, pub, future, by_anchor, covering, 0)
            if found is None:
                event["date"] = pub.isoformat() if pub else None
                event["date_precision"] = "day" if pub else "unknown"
                continue
            event["date"], event["date_precision"] = found.text, found.precision
            historical = pub is not None and (pub - found.last).days > self.historical_days
            if historical and "historical" not in event["mode"]:
                event["mode"].append("historical")

    def expressions(self, doc: Doc) -> list[Expression]:
        """The Doc's temporal expressions, longest match first where they overlap."""
        spans = [span for window in self._windows(doc)
                 for span in self.matcher(window, as_spans=True)
                 if all(_plausible(t) for t in span)]
        found = []
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            root = span.root
            if root.dep_ == "pobj" and root.head.dep_ == "prep":
                anchor, relation = root.head.head, root.head.lower_
            else:
                anchor, relation = root.head, root.dep_
            found.append(Expression(span.label_, (span.start, span.end), anchor.i, relation))
        return found

    def _windows(self, doc: Doc) -> list[Span]:
        """Stretches of text around date head words: the matcher runs only there."""
        windows: list[list[int]] = []
        for token in doc:
            if token.lower_ in self.words.head or token.shape_ == "dddd":
                start, end = max(token.i - WINDOW, 0), min(token.i + WINDOW + 1, len(doc))
                if windows and start <= windows[-1][1]:
                    windows[-1][1] = end
                else:
                    windows.append([start, end])
        return [doc[start:end] for start, end in windows]

    def date_of(self, doc: Doc, token: Token, pub: dt.date | None, future: bool,
                by_anchor: dict[int, list[Expression]], covering: dict[int, Expression],
                climbed: int) -> Resolved | None:
        """Date of the event whose trigger (or governing word) is ``token``."""
        expr = self.own_expression(token, by_anchor) or next(
            (found for child in token.children
             if (means := means_verb(child)) is not None and means.i == token.i and
             (found := self.own_expression(child, by_anchor)) is not None), None)
        if expr is not None:
            # a verb of means is dated by the act it is the means of: "used Silkworm
            # missiles to hit a ship *on Thursday*"
            return self._resolve(doc, expr, pub, future)
        expr = next((found for clause in token.children if _simultaneous(clause) and
                     (found := self.own_expression(clause, by_anchor)) is not None), None)
        if expr is not None:
            # "*When* Iran ceased arming the rebels *in March 1975*, Talabani fled": the
            # clause of time dates the act it is the time of
            return self._resolve(doc, expr, pub, future)
        head = token.head
        if climbed >= self.max_climb or head.i == token.i:
            return None
        if token.dep_ == "relcl":
            # "since August, when he met ...": the clause is dated by the date it modifies;
            # "a 1991 crackdown, which killed 14 civilians": what a dated act did, by its date
            # (or by that of the phrase the noun ends: "a 1991 crackdown against the
            # movement, which killed": the parser hangs the clause on the nearest noun)
            nouns = [head, head.head.head] if head.dep_ == "pobj" else [head]
            expr = covering.get(head.i) or (next(
                (e for noun in nouns for e in by_anchor.get(noun.i, [])
                 if e.relation in NOUN_DEPS), None) if _says_what_it_did(token) else None)
            return self._resolve(doc, expr, pub, future) if expr else None
        offset = self.offset(token)
        if offset is not None:
            governor, sign, unit, count = offset
            base = self.date_of(doc, governor, pub, self.is_future(governor), by_anchor,
                                covering, climbed + 1)
            if unit is None:
                # "was freed in 2017 after being acquitted": an act shortly before or after
                # a year or a month falls in it; a day's neighbour is not known to the day
                return base if base is not None and base.precision in COARSE_PRECISIONS \
                    else None
            base = base or (Resolved(pub, "day") if pub else None)
            return self.resolver.shift(base, unit, count, sign) if base else None
        if token.dep_ in CLIMB_DEPS:
            # A borrowed date is read in the tense of the clause that holds it: "will send
            # aid, the ministry said on Wednesday" is last Wednesday.
            return self.date_of(doc, head, pub, self.is_future(head), by_anchor, covering,
                                climbed + 1)
        return None

    def own_expression(self, trigger: Token,
                       by_anchor: dict[int, list[Expression]]) -> Expression | None:
        """The date nearest to the trigger in its own clause, if any."""
        for depth, token in self._clause(trigger):
            for expr in by_anchor.get(token.i, []):
                if self._dates_event(expr, depth):
                    return expr
        return None

    def _dates_event(self, expr: Expression, depth: int) -> bool:
        role = self.words.prep.get(expr.relation)
        if role is not None:
            return role in ("at", "start")
        return expr.relation in DIRECT_DEPS or (depth == 0 and expr.relation in NOUN_DEPS)

    def _clause(self, trigger: Token) -> Iterator[tuple[int, Token]]:
        """Words of the trigger's own clause, breadth first, with their depth."""
        frontier = [trigger]
        for depth in range(self.max_depth):
            yield from ((depth, t) for t in frontier)
            frontier = [c for t in frontier for c in t.children if self._enters(c)]
            if not frontier:
                return

    def _enters(self, child: Token) -> bool:
        if child.dep_ in BOUNDARY_DEPS:
            return False
        return child.dep_ != "prep" or self.words.prep.get(child.lower_) in (None, "at", "start")

    def offset(self, token: Token) -> tuple[Token, int, str | None, int | None] | None:
        """(governor, sign, unit, count) when the clause is "N days after/before" another."""
        word, holder = None, token
        marks = [c for c in token.children if c.dep_ == "mark"]
        if marks and self.words.prep.get(marks[0].lower_) == "offset":
            word, governor = marks[0].lower_, token.head
        elif token.dep_ in ("pcomp", "pobj") and self.words.prep.get(token.head.lower_) == "offset":
            word, holder, governor = token.head.lower_, token.head, token.head.head
        if word is None:
            return None
        sign = -1 if word == "after" else 1
        for owner in (holder, token):
            for child in owner.children:
                if child.dep_ == "npadvmod" and child.lower_ in self.words.unit:
                    # "a week after", but not "a few days after".
                    count = next((self._number(c) for c in child.children
                                  if c.dep_ == "nummod" or c.dep_ == "det"
                                  and not child.lower_.endswith("s")), None)
                    return governor, sign, child.lower_, count
        return governor, sign, None, None

    def _number(self, token: Token) -> int | None:
        text = token.lower_
        return int(text) if text.isdigit() else self.words.number.get(text)

    def is_future(self, trigger: Token) -> bool:
        """True when the trigger or a clause it completes is in the future tense."""
        token = trigger
        for _ in range(self.max_climb + 1):
            if token.lemma_.lower() in self.words.future_governor and token.i != trigger.i:
                return True
            if any(c.dep_ == "aux" and c.lower_ in self.words.future_aux for c in token.children):
                return True
            if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
                return False
            token = token.head
        return False

    def _resolve(self, doc: Doc, expr: Expression, pub: dt.date | None,
                 future: bool) -> Resolved | None:
        tokens = [t.lower_ for t in doc[expr.span[0]:expr.span[1]] if not t.is_punct]
        year = self._anaphoric_year(doc, expr)
        if year is not None:
            # "In August 2016, ... killed in an airstrike *that May*": the month of the
            # year the sentence has named
            return self.resolver.resolve(expr.label, tokens, dt.date(year, 12, 31), False)
        return self.resolver.resolve(expr.label, tokens, pub, future)

    @staticmethod
    def _anaphoric_year(doc: Doc, expr: Expression) -> int | None:
        """The year written earlier in the sentence of a bare month after "that" ("that
        May"), which names a month of a year already told."""
        start, end = expr.span
        if expr.label != "month" or end - start != 1 or start == 0 or \
                doc[start - 1].lower_ != "that":
            return None
        years = [int(t.text) for t in doc[doc[start].sent.start:start]
                 if t.shape_ == "dddd" and t.like_num and _plausible(t)]
        return years[-1] if years else None


def _simultaneous(clause: Token) -> bool:
    """An adverbial clause of the same time as its main clause ("*when* they met")."""
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in SIMULTANEOUS_MARKS and c.i < clause.i
        for c in clause.children)


def _says_what_it_did(clause: Token) -> bool:
    """Whether a relative clause's subject is its relative pronoun ("a crackdown *which*
    killed"): the clause tells what the noun it modifies did, not what was done to it."""
    return any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in clause.children)


def _plausible(token: Token) -> bool:
    """False for numbers that cannot be a year (4 digits) or a day of the month; each run of
    digits is one number ("9/11" is a day and a month, not 911)."""
    numbers = "".join(ch if ch.isdigit() else " " for ch in token.text).split()
    return all(YEARS[0] <= int(n) <= YEARS[1] if len(n) == 4 else 1 <= int(n) <= 31
               for n in numbers)


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
