"""``eventwire evaluate``: score the coder against PLOVER gold sentences."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eventwire.cli.code import ACTORS_HELP
from eventwire.cli.exits import exit_codes
from eventwire.evaluate import NONE, PARTS, evaluate, precision_rows
from eventwire.kb.ontology import PLOVER_TYPES


def evaluate_command(
    gold: Annotated[Path, typer.Option("--gold",
                                       help="Gold JSONL (PLOVER 0.5b1 GSR or PLOVER 2).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model package.")] = None,
    errors: Annotated[int, typer.Option("--errors", min=0,
                                        help="Show the first N wrong sentences.")] = 0,
    part: Annotated[str, typer.Option("--part", help=f"Gold part to score: {', '.join(PARTS)}; "
                                      "dev is for study, test only for scoring.")] = "all",
    actors: Annotated[list[Path] | None, typer.Option(
        "--actors", help=ACTORS_HELP, show_default=False)] = None,
) -> None:
    """Score event types, actor codes and precision against gold records."""
    err = Console(stderr=True)
    with exit_codes():
        result = evaluate(gold, model=model, part=part, actors=actors or ())
    for problem in result["problems"] + result["failures"]:
        err.print(problem, highlight=False, markup=False)
    result["errors"] = result["errors"][:errors]
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        show(result, Console())
    if result["skipped_lines"] or result["failed_documents"]:
        raise typer.Exit(1)


def show(result: dict[str, Any], console: Console) -> None:
    """Print the summary, per-type and confusion tables and the listed errors."""
    console.print(_summary(result))
    console.print(_codes(result))
    console.print(_precision(result["precision"]))
    console.print(_per_type(result["per_type"]))
    console.print("\n[italic]confusion: gold down, predicted across (- = no event)[/italic]")
    console.print(_confusion(result["confusion"]))
    for item in result["errors"]:
        gold, pred = item["gold"], item["predicted"]
        console.print(f"\n[bold]{item['id']}[/bold] (line {item['line']})", highlight=False)
        console.print(item["text"], markup=False, highlight=False)
        console.print(f"  gold:      {'/'.join(gold['event'])}  actor={gold['actor']} "
                      f"recipient={gold['recipient']}", markup=False, highlight=False)
        console.print(f"  predicted: {pred['event']} {pred['event_text']!r}  "
                      f"actor={pred['actor']} recipient={pred['recipient']}  "
                      f"all={pred['all_events']}",
                      markup=False, highlight=False)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def _summary(result: dict[str, Any]) -> Table:
    table = Table(title=f"eventwire vs {result['gold']}, part {result['part']} "
                        f"({result['model']})")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_row("sentences with a gold event", str(result["sentences"]))
    table.add_row("skipped lines / failed documents",
                  f"{result['skipped_lines']} / {result['failed_documents']}")
    table.add_row("coverage (>= 1 event)", _pct(result["coverage"]))
    table.add_row("event-type accuracy (top event)", _pct(result["event_accuracy"]))
    table.add_row("some event of a gold type", _pct(result["any_event_match"]))
    for name in ("macro", "micro"):
        s = result[name]
        table.add_row(f"{name} P / R / F1",
                      " / ".join(_pct(s[k]) for k in ("precision", "recall", "f1")))
    table.add_row("seconds", str(result["seconds"]))
    return table


def _codes(result: dict[str, Any]) -> Table:
    table = Table(title="actor codes: top event, or the event that matches best")
    for column in ("role", "sentences", "gold codes", "found", "precision", "exact set"):
        table.add_column(column, justify="left" if column == "role" else "right")
    for key, label in (("actor", "actor (top)"), ("recipient", "recipient (top)"),
                       ("actor_any_event", "actor (best)")):
        s = result[key]
        table.add_row(label, str(s["sentences"]), str(s["gold_codes"]), _pct(s["code_recall"]),
                      _pct(s["code_precision"]), _pct(s["exact_set"]))
    return table


def _precision(precision: dict[str, Any]) -> Table:
    """Precision of all predicted events, and per confidence decile (most confident first)."""
    table = Table(title="precision: every predicted event; right = a gold type of its sentence")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for label, value in precision_rows(precision):
        table.add_row(label, value)
    for row in precision["by_confidence"]:
        cumulative = _pct(row["precision_down_to_here"])
        table.add_row(f"decile {row['decile']} (confidence {row['confidence_min']:.2f}"
                      f"-{row['confidence_max']:.2f}, {row['events']} events)",
                      f"{_pct(row['precision'])} (down to here {cumulative})")
    return table


def _per_type(per_type: dict[str, dict[str, Any]]) -> Table:
    table = Table(title="per event type")
    for column in ("type", "gold", "predicted", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for name, s in per_type.items():
        table.add_row(name, str(s["support"]), str(s["predicted"]), _pct(s["precision"]),
                      _pct(s["recall"]), _pct(s["f1"]))
    return table


ABBREVIATIONS: dict[str, str] = {
    "AGREE": "AGR", "CONSULT": "CNS", "SUPPORT": "SUP", "CONCEDE": "CNC", "COOPERATE": "COP",
    "AID": "AID", "RETREAT": "RET", "REQUEST": "REQ", "ACCUSE": "ACC", "REJECT": "REJ",
    "THREATEN": "THR", "PROTEST": "PRO", "SANCTION": "SAN", "MOBILIZE": "MOB", "COERCE": "COE",
    "ASSAULT": "ASL", NONE: "-",
}


def _confusion(confusion: dict[str, dict[str, int]]) -> Table:
    """Gold types down, predicted across, abbreviated so 17 columns fit 80 characters."""
    seen = {guess for row in confusion.values() for guess in row}
    columns = [t for t in PLOVER_TYPES if t in seen] + ([NONE] if NONE in seen else [])
    table = Table(box=None, padding=(0, 0, 0, 1))
    table.add_column("gold")
    for name in columns:
        table.add_column(ABBREVIATIONS[name], justify="right")
    for truth in (t for t in PLOVER_TYPES if t in confusion):
        row = confusion[truth]
        table.add_row(ABBREVIATIONS[truth], *(_cell(row.get(c, 0), c == truth) for c in columns))
    return table


def _cell(count: int, diagonal: bool) -> str:
    if not count:
        return "."
    return f"[green]{count}[/green]" if diagonal else str(count)
