"""PLOVER and CAMEO tables: event types, quad codes, scores, Goldstein values.

Loaded once from ``data/events/cameo.tsv`` (derived from the reference
tables), ``plover_overrides.tsv`` (eventwire's corrections, each with its
reason), ``mode_words.tsv`` (modes a named weapon or a strike makes more specific) and
``plover.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.kb.tables import read_tsv

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


# PLOVER types where every participant acts jointly unless it is a visit.
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
ANY_MODE = "*"  # a mode_words.tsv row whose weapon overrides whatever mode the code gives


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with its PLOVER translation ('' event: not an event)."""

    code: str
    name: str
    goldstein: float
    event: str
    mode: str
    context: str


# PLOVER quad codes of verbal cooperation and verbal conflict.
VERBAL_QUADS = frozenset({1, 3})


class Ontology:
    """Lookups between CAMEO codes and PLOVER types, modes and scores."""

    def __init__(self) -> None:
        self.cameo: dict[str, CameoCode] = {}
        for row in read_tsv("events", "cameo.tsv"):
            self.cameo[row["cameo"]] = CameoCode(
                code=row["cameo"], name=row["name"], goldstein=float(row["goldstein"] or 0),
                event=row["event"], mode=row["mode"], context=row["context"])
        for row in read_tsv("events", "plover_overrides.tsv"):
            base = self.cameo[row["cameo"]]
            self.cameo[row["cameo"]] = CameoCode(
                code=base.code, name=base.name, goldstein=base.goldstein,
                event=row["event"], mode=row["mode"], context=row["context"])
        self.mode_words: dict[tuple[str, str, str], str] = {
            (row["event"], row["from"], row["word"]): row["to"]
            for row in read_tsv("events", "mode_words.tsv")}
        self.quads: dict[str, int] = {}
        self.scores: dict[tuple[str, str], float] = {}
        for row in read_tsv("events", "plover.tsv"):
            self.quads[row["event"]] = int(row["quad"])
            self.scores[(row["event"], row["mode"])] = float(row["score"])

    def lookup(self, code: str) -> CameoCode | None:
        """The most specific known CAMEO code for ``code`` (4 -> 3 -> 2 digits)."""
        for length in (4, 3, 2):
            found = self.cameo.get(code[:length])
            if found is not None:
                return found
        return None

    def mode_from_words(self, event: str, mode: str, words: list[str]) -> str:
        """The mode a weapon or a kind of act among ``words`` gives the event ("drone strikes"
        are drone attacks, not any aerial ones; "went on strike" strikes, no boycott), else
        ``mode``."""
        for word in words:
            found = self.mode_words.get((event, mode, word)) or \
                self.mode_words.get((event, ANY_MODE, word))
            if found is not None:
                return found
        return mode

    def quad(self, event: str) -> int:
        return self.quads[event]

    def verbal(self, event: str) -> bool:
        """A verbal act (quad of verbal cooperation or conflict): said, not done."""
        return self.quads.get(event) in VERBAL_QUADS

    def intensity(self, event: str, modes: list[str]) -> float:
        """PLOVER conflict-cooperation score: the first mode with its own score, else the base."""
        for mode in modes:
            if (event, mode) in self.scores:
                return self.scores[(event, mode)]
        return self.scores[(event, "")]

    def cameo_for_event(self, event: str) -> CameoCode:
        """A representative CAMEO code for a PLOVER type (used when the type is re-coded)."""
        for code in sorted(self.cameo):
            if len(code) == 3 and self.cameo[code].event == event:
                return self.cameo[code]
        raise KeyError(event)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The packaged ontology, loaded once per process."""
    return Ontology()
