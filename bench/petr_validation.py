"""Score eventwire on PETRARCH's unit-test sentences (PETR.UnitTest.records.xml).

The PETRARCH validation suite codes stylized sentences about made-up states
(Arnor, Gondor, the Shire) defined in its own dictionaries; eventwire reads them
with ``--actors`` (PETR.Validate.actors.txt and PETR.Validate.agents.txt), so
the figures measure event typing and role assignment, not the packaged
knowledge base. Each expected CAMEO code becomes a PLOVER type by the project's
own table (``kb.ontology``); codes that table does not know (the suite's
made-up 9xx codes) are counted apart.

The records are split like every gold set of the project (``evaluate.part_of``:
a record is in the test part when the first byte of SHA-256 of
``"eventwire-gold-2026:" + id`` is odd, else in the dev part). Study misses on
the dev part only (``--errors N``); the test part is only scored.

    python bench/petr_validation.py [--part dev|test] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.evaluate import part_of
from eventwire.kb.ontology import load_ontology
from eventwire.kb.petrarch import split_code

REPO = Path(__file__).resolve().parents[1]
RECORDS = "data/tests/PETR.UnitTest.records.xml"
DICTIONARIES = ("data/tests/PETR.Validate.actors.txt", "data/tests/PETR.Validate.agents.txt")


@dataclass(frozen=True)
class Expected:
    """One expected event: PETRARCH codes as written and the PLOVER type of its CAMEO code."""

    source: str
    target: str
    cameo: str
    plover: str  # "" when the project's table does not map the code


@dataclass
class Record:
    """One unit-test sentence and what PETRARCH should code in it."""

    id: str
    date: str
    text: str
    category: str
    events: list[Expected] = field(default_factory=list)
    no_events: bool = False
    error: str | None = None  # a test of PETRARCH's input checks, not of coding

    @property
    def part(self) -> str:
        return part_of(self.id)


def read_records(path: Path) -> list[Record]:
    """The sentences of a PETRARCH unit-test file, with their expected codings."""
    ontology = load_ontology()
    records = []
    for sentence in ET.parse(path).getroot().iter("Sentence"):
        day = sentence.get("date", "").strip()
        record = Record(id=sentence.get("id", "").strip(),
                        date=f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 else "",
                        text=" ".join((sentence.findtext("Text") or "").split()),
                        category=sentence.get("category", ""))
        for coding in sentence.iter("EventCoding"):
            if coding.get("noevents", "").strip().lower() == "true":
                record.no_events = True
            elif coding.get("error"):
                record.error = coding.get("error")
            else:
                cameo = coding.get("eventcode", "").strip()
                known = ontology.lookup(cameo) if cameo.isdigit() else None
                record.events.append(Expected(coding.get("sourcecode", "").strip(),
                                              coding.get("targetcode", "").strip(), cameo,
                                              known.event if known else ""))
        records.append(record)
    return records


def country(code: str) -> str | None:
    """The country or international part of a PETRARCH code ("BREGOV" -> "BRE"); None
    for text written in place of a code ('"THE MINISTRY OF MAGIC"') or an unknown
    country ("---GOV")."""
    if not code or not code[:3].isalpha():
        return None
    return split_code(code)[0]


def top_event(events: Sequence[Any]) -> Any | None:
    """The most confident event (the first of equals), as ``eventwire evaluate`` reads it."""
    return max(events, key=lambda e: e.confidence, default=None)


def found_code(code: str, events: Iterable[Any], role: str) -> bool:
    """Whether an event codes ``code`` in that role; for a recipient, a joint act (PLOVER
    codes all parties of a meeting as actors, with no recipient) counts its actors."""
    for event in events:
        side = event.recipient if role == "recipient" and event.recipient else \
            event.actor if role == "recipient" else getattr(event, role)
        if any(entity.code == code for entity in side):
            return True
    return False


def score(coded: list[tuple[Record, list[Any]]]) -> dict[str, Any]:
    """The headline figures of one part."""
    expected = [(r, e, events) for r, events in coded for e in r.events if e.plover]
    with_events = [(r, events) for r, events in coded if any(e.plover for e in r.events)]
    clean = [not events for r, events in coded if r.no_events]
    # per role: [codes expected, found in an event of the expected type, found in any event]
    counts = {"actor": [0, 0, 0], "recipient": [0, 0, 0]}
    type_found = 0
    for _, want, events in expected:
        same_type = [e for e in events if e.event == want.plover]
        type_found += bool(same_type)
        for role, code in (("actor", country(want.source)), ("recipient", country(want.target))):
            if code:
                counts[role][0] += 1
                counts[role][1] += found_code(code, same_type, role)
                counts[role][2] += found_code(code, events, role)
    top_right = sum((top := top_event(events)) is not None and
                    top.event in {e.plover for e in r.events}
                    for r, events in with_events)
    return {
        "sentences": len(coded),
        "sentences_with_expected_events": len(with_events),
        "expected_events": len(expected),
        "unmapped_expected_events": sum(not e.plover for r, _ in coded for e in r.events),
        "type_recall": _share(type_found, len(expected)),
        "top_event_accuracy": _share(top_right, len(with_events)),
        "actor_codes": counts["actor"][0],
        "actor_code_recall_same_type": _share(counts["actor"][1], counts["actor"][0]),
        "actor_code_recall_any_event": _share(counts["actor"][2], counts["actor"][0]),
        "recipient_codes": counts["recipient"][0],
        "recipient_code_recall_same_type": _share(counts["recipient"][1],
                                                  counts["recipient"][0]),
        "recipient_code_recall_any_event": _share(counts["recipient"][2],
                                                  counts["recipient"][0]),
        "no_event_sentences": len(clean),
        "no_event_clean": _share(sum(clean), len(clean)),
        "events_per_sentence": _share(sum(len(events) for _, events in coded), len(coded)),
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def misses(coded: list[tuple[Record, list[Any]]], limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` sentences with an expected event whose type was not coded, or a
    no-event sentence that got events; for study on the dev part."""
    found = []
    for record, events in coded:
        types = {e.event for e in events}
        if any(e.plover and e.plover not in types for e in record.events) or \
                record.no_events and events:
            found.append({
                "id": record.id, "category": record.category, "text": record.text,
                "expected": [f"{e.source} -> {e.target} {e.cameo} {e.plover or '?'}"
                             for e in record.events] or ["no event"],
                "coded": [f"{'+'.join(a.code or '?' for a in e.actor)} -> "
                          f"{'+'.join(r.code or '?' for r in e.recipient)} {e.event} "
                          f"{e.event_text!r} {e.confidence:.2f}" for e in events],
            })
    return found[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the reference folder holding data/tests")
    parser.add_argument("--part", choices=("dev", "test"), help="one part only (default both)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print the first N dev sentences with a miss (dev only)")
    parser.add_argument("--model", help="spaCy model package")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if args.errors and args.part != "dev":
        parser.error("--errors reads sentences: only with --part dev")
    from eventwire.coder import Coder
    from eventwire.ingest import InputDoc

    records = [r for r in read_records(args.shared / RECORDS) if r.error is None]
    parts = [args.part] if args.part else ["dev", "test"]
    coder = Coder(model=args.model, actors=[args.shared / d for d in DICTIONARIES])
    chosen = [r for r in records if r.part in parts]
    docs = coder.pipe(InputDoc(doc_id=r.id, text=r.text, date=r.date or None, source=r.id)
                      for r in chosen)
    coded = [(r, doc.events) for r, doc in zip(chosen, docs, strict=True)]
    result: dict[str, Any] = {"model": coder.model_name, "parts": {}}
    for part in parts:
        result["parts"][part] = score([(r, ev) for r, ev in coded if r.part == part])
    if args.errors:
        result["errors"] = misses(coded, args.errors)
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
        return
    show(result)


def show(result: dict[str, Any]) -> None:
    """The figures as a plain table, parts side by side, then any listed misses."""
    parts = list(result["parts"])
    print(f"PETRARCH unit tests, eventwire ({result['model']})")
    print(f"{'':34}" + "".join(f"{p:>9}" for p in parts))
    for key in next(iter(result["parts"].values())):
        values = [result["parts"][p][key] for p in parts]
        cells = [("-" if v is None else f"{100 * v:.1f}%" if isinstance(v, float) and
                  key != "events_per_sentence" else f"{v:.2f}" if isinstance(v, float)
                  else str(v)) for v in values]
        print(f"{key.replace('_', ' '):34}" + "".join(f"{c:>9}" for c in cells))
    for miss in result.get("errors", []):
        print(f"\n{miss['id']} ({miss['category']}): {miss['text']}")
        print("  expected: " + "; ".join(miss["expected"]))
        print("  coded:    " + ("; ".join(miss["coded"]) or "nothing"))


if __name__ == "__main__":
    main()
