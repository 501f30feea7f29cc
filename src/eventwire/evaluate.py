"""Score eventwire's events against PLOVER gold sentences.

Gold comes in two shapes, detected per record: the PLOVER 0.5b1 gold-standard
file (``source``/``target``, ``event`` plus ``event_plover2``) and PLOVER 2
records (``actor``/``recipient``, ``event`` as a string or list; ``"NONE"``
marks a sentence with no political event). ``score`` is pure so tests can call
it without a model; ``evaluate`` reads, codes and scores.

Every gold file splits into a *dev* part, studied while rules are written, and
a *test* part that is only scored: a record's part is fixed by a hash of
``SPLIT_SEED`` and its id, so the split needs no list and holds for any file.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.errors import Errors, UsageError
from eventwire.ingest import InputDoc
from eventwire.kb.ontology import PLOVER_TYPES

# PLOVER 0.5b1 types that PLOVER 2 merged into others (PLOVER manual, CAMEO cue table).
LEGACY_TYPES: dict[str, str] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}
# Codes compared as equal: old CAMEO country codes in the 0.5b1 gold, and the UN
# and EU codes of PLOVER 2, which the 0.5b1 gold writes as IGO. Applied to both sides.
CODE_ALIASES: dict[str, str] = {
    "ITL": "ITA", "JAP": "JPN", "VTN": "VNM", "UNO": "IGO", "EUR": "IGO",
}
NONE = "NONE"
# Fixes every gold file's dev/test split (docs/accuracy.md); changing it reshuffles them.
SPLIT_SEED = "eventwire-gold-2026"
PARTS: tuple[str, ...] = ("all", "dev", "test")
CONFIDENCE_BINS = 10


def part_of(record_id: str, seed: str = SPLIT_SEED) -> str:
    """The part, ``dev`` or ``test``, that a gold record belongs to (half each)."""
    digest = hashlib.sha256(f"{seed}:{record_id}".encode()).digest()
    return "test" if digest[0] & 1 else "dev"


@dataclass
class GoldRecord:
    """One gold sentence: its accepted event types and actor/recipient country codes."""

    id: str
    text: str
    date: str | None
    events: list[str]  # accepted types; empty for a sentence with no political event
    actor_codes: list[str] = field(default_factory=list)
    recipient_codes: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class Predicted:
    """The parts of a predicted event that scoring looks at."""

    event: str
    confidence: float
    actor_codes: list[str]
    recipient_codes: list[str]
    event_text: str = ""


class HeldOut:
    """The test-part sentences of gold files, to keep them out of anything studied or
    trained on: the PLOVER gold standard draws sentences from the CAMEO codebook's
    examples, and the modern gold from the corpora eventwire's study samples are read from.
    A sentence matches when its words, lower-cased, are a test sentence's or share its
    opening (punctuation and spacing do not hide a repeat)."""

    OPENING = 60  # characters of comparable text that identify a repeated sentence

    def __init__(self, paths: Iterable[str | Path]) -> None:
        self.texts = [comparable(record.text) for path in paths
                      for record in read_gold(path, "test")[0]]
        self.openings = {text[:self.OPENING] for text in self.texts}

    def __contains__(self, text: str) -> bool:
        words = comparable(text)
        opening = words[:self.OPENING]
        return opening in self.openings or any(opening in other for other in self.texts) or \
            any(other[:self.OPENING] in words for other in self.texts)


def comparable(text: str) -> str:
    """Lower-case letters and digits, one space between words."""
    return " ".join("".join(c for c in word if c.isalnum()) for word in text.lower().split()
                    if any(c.isalnum() for c in word))


def read_gold(path: str | Path, part: str = "all") -> tuple[list[GoldRecord], list[str]]:
    """Read a gold JSONL file; bad lines are skipped and described, not fatal.

    part (str): ``all``, or only the ``dev`` or ``test`` part (see ``part_of``).
    RETURNS (tuple): the gold records and one message per skipped line (file:line).
    """
    if part not in PARTS:
        raise UsageError(Errors.E009.format(source="--part", reason=f"unknown part {part!r}"))
    path = Path(path)
    if not path.is_file():
        raise UsageError(Errors.E001.format(source=path))
    records: list[GoldRecord] = []
    problems: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(Errors.E005.format(source=source, reason=err.msg))
                continue
            try:
                record = parse_gold(data, number)
            except ValueError as err:
                problems.append(Errors.E009.format(source=source, reason=err))
                continue
            if part == "all" or part_of(record.id) == part:
                records.append(record)
    return records, problems


def parse_gold(data: Any, line: int = 0) -> GoldRecord:
    """Turn one gold JSON object (either format) into a ``GoldRecord``."""
    if not isinstance(data, dict):
        raise ValueError("gold record is not a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("gold record has no text")
    raw = data.get("event_plover2") or data.get("event")
    raw_types = raw if isinstance(raw, list) else [raw]
    events = [_plover_type(t) for t in raw_types if t]
    if not events:
        raise ValueError("gold record has no event type")
    if events == [NONE]:
        events = []
    unknown = [t for t in events if t not in PLOVER_TYPES]
    if unknown:
        raise ValueError(f"unknown event type {unknown[0]!r}")
    is_gsr = "actor" not in data and "recipient" not in data
    actors = data.get("source") if is_gsr else data.get("actor")
    recipients = data.get("target") if is_gsr else data.get("recipient")
    date = data.get("date")
    return GoldRecord(id=str(data.get("id") or f"line{line}"), text=text,
                      date=date if isinstance(date, str) and date else None, events=events,
                      actor_codes=_codes(actors), recipient_codes=_codes(recipients), line=line)


def _plover_type(value: Any) -> str:
    name = str(value).strip().upper()
    return LEGACY_TYPES.get(name, name)


def _codes(entities: Any) -> list[str]:
    """Distinct entity codes in order, aliases folded; a string or missing value has none."""
    if not isinstance(entities, list):
        return []
    codes = (str(e.get("code") or "").strip().upper() for e in entities if isinstance(e, dict))
    return list(dict.fromkeys(CODE_ALIASES.get(c, c) for c in codes if c))


def predicted(events: Iterable[Any]) -> list[Predicted]:
    """Read events given as ``Event`` records or their dicts."""
    out = []
    for event in events:
        data = event if isinstance(event, dict) else event.to_dict()
        out.append(Predicted(event=str(data.get("event") or NONE),
                             confidence=float(data.get("confidence") or 0.0),
                             actor_codes=_codes(data.get("actor")),
                             recipient_codes=_codes(data.get("recipient")),
                             event_text=str(data.get("event_text") or "")))
    return out


def top_event(events: list[Predicted]) -> Predicted | None:
    """The most confident event; ties go to the first in document order."""
    best = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def score(pairs: Iterable[tuple[GoldRecord, Iterable[Any]]]) -> dict[str, Any]:
    """Score predicted events against gold sentences.

    pairs (Iterable): (gold record, that sentence's predicted events) pairs; events
        are ``Event`` records or dicts with ``event``, ``confidence``, ``actor``, ``recipient``.
    RETURNS (dict): metrics (see docs/accuracy.md) plus ``errors``, the wrong sentences.
        Type, actor and recipient figures count the sentences with a gold event;
        ``precision`` counts every predicted event, no-event sentences included.
    """
    labels: list[tuple[str, str]] = []
    actor, recipient, actor_any = _Codes(), _Codes(), _Codes()
    precision = _Precision()
    covered = matched_any = 0
    errors: list[dict[str, Any]] = []
    for gold, events in pairs:
        preds = predicted(events)
        precision.add(gold, preds)
        top = top_event(preds)
        guess = top.event if top else NONE
        if not gold.events:
            if preds:
                errors.append(_error(gold, top, preds))
            continue
        covered += bool(preds)
        matched_any += any(p.event in gold.events for p in preds)
        truth = guess if guess in gold.events else gold.events[0]
        labels.append((truth, guess))
        top_actors = top.actor_codes if top else []
        top_recipients = top.recipient_codes if top else []
        actor.add(gold.actor_codes, top_actors)
        recipient.add(gold.recipient_codes, top_recipients)
        actor_any.add(gold.actor_codes, _best_match(gold.actor_codes, preds))
        actor_ok = not gold.actor_codes or set(top_actors) == set(gold.actor_codes)
        if truth != guess or not actor_ok:
            errors.append(_error(gold, top, preds))
    n = len(labels)
    return {
        "sentences": n,
        "coverage": _ratio(covered, n),
        "event_accuracy": _ratio(sum(t == g for t, g in labels), n),
        "any_event_match": _ratio(matched_any, n),
        **_type_scores(labels),
        "actor": actor.summary(),
        "recipient": recipient.summary(),
        "actor_any_event": actor_any.summary(),
        "precision": precision.summary(),
        "errors": errors,
    }


def _error(gold: GoldRecord, top: Predicted | None, preds: list[Predicted]) -> dict[str, Any]:
    """One wrong sentence, as the CLI lists it."""
    return {
        "id": gold.id, "line": gold.line, "text": gold.text,
        "gold": {"event": gold.events or [NONE], "actor": gold.actor_codes,
                 "recipient": gold.recipient_codes},
        "predicted": {"event": top.event if top else NONE,
                      "event_text": top.event_text if top else "",
                      "actor": top.actor_codes if top else [],
                      "recipient": top.recipient_codes if top else [],
                      "all_events": [p.event for p in preds]},
    }


class _Precision:
    """How many predicted events are right, overall, on no-event sentences and by confidence.

    An event is right when its type is one of its sentence's gold types; every
    event on a sentence with no gold event is wrong.
    """

    def __init__(self) -> None:
        self.sentences = self.events = 0
        self.none_sentences = self.none_clean = self.none_events = 0
        self.scored: list[tuple[float, bool]] = []

    def add(self, gold: GoldRecord, preds: list[Predicted]) -> None:
        self.sentences += 1
        self.events += len(preds)
        if not gold.events:
            self.none_sentences += 1
            self.none_clean += not preds
            self.none_events += len(preds)
        self.scored.extend((p.confidence, p.event in gold.events) for p in preds)

    def summary(self) -> dict[str, Any]:
        ranked = sorted(self.scored, key=lambda item: -item[0])
        bins = []
        right_so_far = 0
        for number in range(CONFIDENCE_BINS):
            start = number * len(ranked) // CONFIDENCE_BINS
            end = (number + 1) * len(ranked) // CONFIDENCE_BINS
            chunk = ranked[start:end]
            if not chunk:
                continue
            right = sum(ok for _, ok in chunk)
            right_so_far += right
            bins.append({"decile": number + 1, "events": len(chunk),
                         "confidence_max": chunk[0][0], "confidence_min": chunk[-1][0],
                         "precision": _ratio(right, len(chunk)),
                         "precision_down_to_here": _ratio(right_so_far, end)})
        return {
            "events": self.events,
            "event_precision": _ratio(sum(ok for _, ok in ranked), len(ranked)),
            "events_per_sentence": _ratio(self.events, self.sentences),
            "no_event_sentences": self.none_sentences,
            "no_event_clean": _ratio(self.none_clean, self.none_sentences),
            "events_on_no_event_sentences": self.none_events,
            "by_confidence": bins,
        }


def _best_match(gold_codes: list[str], preds: list[Predicted]) -> list[str]:
    """Actor codes of the event whose actors find most gold codes (first on ties)."""
    best: list[str] = []
    best_found = -1
    for pred in preds:
        found = len(set(gold_codes) & set(pred.actor_codes))
        if found > best_found:
            best, best_found = pred.actor_codes, found
    return best


class _Codes:
    """Running counts for one role over sentences whose gold names codes for it."""

    def __init__(self) -> None:
        self.sentences = self.exact = self.gold = self.found = self.predicted = 0

    def add(self, gold: list[str], pred: list[str]) -> None:
        if not gold:
            return
        gold_set, pred_set = set(gold), set(pred)
        self.sentences += 1
        self.exact += gold_set == pred_set
        self.gold += len(gold_set)
        self.found += len(gold_set & pred_set)
        self.predicted += len(pred_set)

    def summary(self) -> dict[str, Any]:
        return {"sentences": self.sentences, "gold_codes": self.gold,
                "code_recall": _ratio(self.found, self.gold),
                "code_precision": _ratio(self.found, self.predicted),
                "exact_set": _ratio(self.exact, self.sentences)}


def _type_scores(labels: list[tuple[str, str]]) -> dict[str, Any]:
    """Per-type, macro and micro precision/recall/F1 and the confusion table.

    ``NONE`` (no event found) is never a type of its own: it only costs recall.
    """
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for truth, guess in labels:
        confusion[truth][guess] += 1
    gold_count = Counter(t for t, _ in labels)
    pred_count = Counter(g for _, g in labels if g != NONE)
    hits = Counter(t for t, g in labels if t == g)
    types = [t for t in PLOVER_TYPES if gold_count[t] or pred_count[t]]
    per_type = {}
    for name in types:
        p = _ratio(hits[name], pred_count[name])
        r = _ratio(hits[name], gold_count[name])
        per_type[name] = {"precision": p, "recall": r, "f1": _f1(p, r),
                          "support": gold_count[name], "predicted": pred_count[name]}
    macro_p = _mean([s["precision"] for s in per_type.values()])
    macro_r = _mean([s["recall"] for s in per_type.values()])
    micro_p = _ratio(sum(hits.values()), sum(pred_count.values()))
    micro_r = _ratio(sum(hits.values()), len(labels))
    return {
        "macro": {"precision": macro_p, "recall": macro_r,
                  "f1": _mean([s["f1"] for s in per_type.values()])},
        "micro": {"precision": micro_p, "recall": micro_r, "f1": _f1(micro_p, micro_r)},
        "per_type": per_type,
        "confusion": {t: dict(sorted(row.items())) for t, row in sorted(confusion.items())},
    }


def _ratio(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def evaluate(gold_path: str | Path, coder: Any = None, model: str | None = None,
             batch_size: int = 32, part: str = "all",
             actors: Sequence[str | Path] = ()) -> dict[str, Any]:
    """Code every gold sentence with one ``Coder`` and score the events.

    gold_path (str | Path): gold JSONL, either format.
    part (str): score ``all`` records, or only the ``dev`` or ``test`` part.
    coder (Coder | None): a ready coder; None builds one with ``model``.
    model (str | None): spaCy model package when building the coder.
    actors (Sequence): the user's actor dictionaries when building the coder.
    RETURNS (dict): ``score``'s metrics plus the model, timing and skipped lines.
    """
    gold, problems = read_gold(gold_path, part)
    if coder is None:
        from eventwire.coder import Coder

        coder = Coder(model=model, actors=actors)  # after reading, so a bad path fails fast
    started = time.perf_counter()
    failed: list[str] = []

    def pairs() -> Iterator[tuple[GoldRecord, list[Any]]]:
        items = (InputDoc(doc_id=g.id, text=g.text, date=g.date, source=f"{gold_path}:{g.line}")
                 for g in gold)
        for record, doc in zip(gold, coder.pipe(items, batch_size=batch_size), strict=True):
            if doc.status != "ok":
                failed.append(doc.error or record.id)
            yield record, doc.events

    result = score(pairs())
    return {
        "gold": str(gold_path),
        "part": part,
        "model": getattr(coder, "model_name", None),
        "skipped_lines": len(problems),
        "problems": problems,
        "failed_documents": len(failed),
        "failures": failed,
        "seconds": round(time.perf_counter() - started, 2),
        **result,
    }


def precision_rows(precision: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) rows of the precision figures."""
    deciles = precision["by_confidence"]
    top = f"{_pct(deciles[0]['precision'])} / {_pct(deciles[-1]['precision'])}" if deciles else "-"
    return [
        ("Event precision (type right, all events)",
         f"{_pct(precision['event_precision'])} of {precision['events']}"),
        ("Events per sentence", f"{precision['events_per_sentence']:.2f}"),
        ("No-event sentences left clean",
         f"{_pct(precision['no_event_clean'])} of {precision['no_event_sentences']} "
         f"({precision['events_on_no_event_sentences']} events on them)"),
        ("Precision, top / bottom confidence decile", top),
    ]


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"
