"""Gold readers, scoring and the ``evaluate`` command."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import eventwire.cli.evaluate as cli_evaluate
from eventwire.errors import UsageError
from eventwire.evaluate import (
    GoldRecord,
    HeldOut,
    evaluate,
    parse_gold,
    part_of,
    read_gold,
    score,
)

GOLD = Path(__file__).parent / "data" / "gold_small.jsonl"


def ev(event: str, actor: list[str] = (), recipient: list[str] = (), confidence: float = 0.5
       ) -> dict[str, Any]:
    return {"event": event, "confidence": confidence,
            "actor": [{"entity_text": c, "code": c} for c in actor],
            "recipient": [{"entity_text": c, "code": c} for c in recipient]}


def gold(events: str | list[str], actor: list[str] = (), recipient: list[str] = ()
         ) -> GoldRecord:
    types = [events] if isinstance(events, str) else events
    return GoldRecord(id="g", text="t", date=None, events=types, actor_codes=list(actor),
                      recipient_codes=list(recipient))


class FakeCoder:
    """Answers from a table of canned events, so no model is needed."""

    model_name = "fake"

    def __init__(self, answers: dict[str, list[dict[str, Any]]]) -> None:
        self.answers = answers

    def pipe(self, items, batch_size: int = 32):
        for item in items:
            yield SimpleNamespace(status="ok", error=None, events=self.answers.get(item.doc_id, []))


def test_read_gold_both_formats() -> None:
    records, problems = read_gold(GOLD)
    assert problems == []
    by_id = {r.id: r for r in records}
    assert by_id["GSR-AGREE-1"].actor_codes == ["JPN", "CHN"]
    assert by_id["GSR-AGREE-1"].recipient_codes == []  # "" target
    assert by_id["GSR-DEMAND-1"].events == ["REQUEST"]  # event_plover2 wins
    assert by_id["GSR-FIGHT-1"].events == ["ASSAULT"]  # legacy type mapped
    assert by_id["GSR-FIGHT-1"].recipient_codes == []  # "diplomatic" target
    assert by_id["P2-ACCUSE-1"].recipient_codes == ["IRN"]
    assert by_id["P2-CONSULT-1"].events == ["CONSULT", "AGREE"]
    assert by_id["P2-CONSULT-1"].date == "2026-05-20"


def test_read_gold_skips_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"text": "A met B.", "event": "CONSULT"})
    path.write_text("\n".join([good, "{not json", json.dumps({"event": "AGREE"}),
                               json.dumps({"text": "x", "event": "CHAT"}), "[1]", good]) + "\n")
    records, problems = read_gold(path)
    assert len(records) == 2
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in problems] == ["2", "3", "4", "5"]
    assert "no text" in problems[1] and "CHAT" in problems[2]


def test_read_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not found"):
        read_gold(tmp_path / "nope.jsonl")


def test_parse_gold_source_none_has_no_actor_codes() -> None:
    record = parse_gold({"text": "x", "event": "AGREE", "source": None, "target": "economic"})
    assert record.actor_codes == [] and record.recipient_codes == []


def test_code_aliases_fold_both_sides() -> None:
    record = parse_gold({"text": "x", "event": "AGREE",
                         "source": [{"code": "ITL"}, {"code": "IGO"}, {"code": "jpn"}]})
    assert record.actor_codes == ["ITA", "IGO", "JPN"]
    result = score([(record, [ev("AGREE", actor=["ITA", "UNO", "JPN"])])])
    assert result["actor"]["exact_set"] == 1.0


def test_score_event_types_and_confusion() -> None:
    result = score([
        (gold("AGREE"), [ev("CONSULT", confidence=0.4), ev("AGREE", confidence=0.9)]),
        (gold("AGREE"), [ev("REJECT")]),
        (gold("ASSAULT"), []),
        (gold(["CONSULT", "AGREE"]), [ev("AGREE")]),
    ])
    assert result["sentences"] == 4
    assert result["coverage"] == 0.75
    assert result["event_accuracy"] == 0.5
    assert result["confusion"] == {"AGREE": {"AGREE": 2, "REJECT": 1},
                                   "ASSAULT": {"NONE": 1}}
    agree = result["per_type"]["AGREE"]
    assert (agree["precision"], agree["recall"], agree["support"]) == (1.0, 0.6667, 3)
    assert result["per_type"]["REJECT"]["precision"] == 0.0
    assert "NONE" not in result["per_type"]
    # micro: 2 right of 3 predicted, of 4 sentences
    assert result["micro"]["precision"] == 0.6667 and result["micro"]["recall"] == 0.5
    assert result["macro"]["recall"] == round((2 / 3 + 0 + 0) / 3, 4)
    assert len(result["errors"]) == 2


def test_score_ties_go_to_first_event() -> None:
    result = score([(gold("AGREE"), [ev("AGREE"), ev("CONSULT")])])
    assert result["event_accuracy"] == 1.0


def test_score_actor_codes() -> None:
    result = score([
        (gold("AGREE", actor=["JPN", "CHN"]), [ev("AGREE", actor=["JPN"], confidence=0.9),
                                               ev("CONSULT", actor=["JPN", "CHN"])]),
        (gold("REQUEST", actor=["FRA"], recipient=["RUS"]),
         [ev("REQUEST", actor=["FRA"], recipient=["RUS", "UKR"])]),
        (gold("PROTEST"), [ev("PROTEST", actor=["POL"])]),  # no gold codes: not counted
    ])
    actor = result["actor"]
    assert actor["sentences"] == 2 and actor["gold_codes"] == 3
    assert actor["code_recall"] == round(2 / 3, 4)
    assert actor["code_precision"] == 1.0
    assert actor["exact_set"] == 0.5
    assert result["actor_any_event"]["code_recall"] == 1.0
    assert result["actor_any_event"]["exact_set"] == 1.0
    recipient = result["recipient"]
    assert (recipient["sentences"], recipient["code_recall"]) == (1, 1.0)
    assert (recipient["code_precision"], recipient["exact_set"]) == (0.5, 0.0)


def test_score_reads_event_records() -> None:
    record = SimpleNamespace(to_dict=lambda: ev("AID", actor=["USA"]))
    result = score([(gold("AID", actor=["USA"]), [record])])
    assert result["event_accuracy"] == 1.0 and result["actor"]["exact_set"] == 1.0


def test_evaluate_with_fake_coder() -> None:
    coder = FakeCoder({"GSR-AGREE-1": [ev("AGREE", actor=["JPN", "CHN"])],
                       "P2-ACCUSE-1": [ev("ACCUSE", actor=["DEU"], recipient=["IRN"])]})
    result = evaluate(GOLD, coder=coder)
    assert result["sentences"] == 6 and result["model"] == "fake"
    assert result["event_accuracy"] == round(2 / 6, 4)
    assert result["skipped_lines"] == 0 and result["failed_documents"] == 0


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("evaluate")(cli_evaluate.evaluate_command)
    app.command("noop")(lambda: None)  # keeps "evaluate" a subcommand
    return app


def test_cli_missing_gold_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["evaluate", "--gold", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2
    assert "not found" in result.output


def test_cli_json_and_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    coder = FakeCoder({"GSR-AGREE-1": [ev("AGREE", actor=["JPN", "CHN"])]})
    monkeypatch.setattr(cli_evaluate, "evaluate",
                        lambda path, model=None, part="all", actors=():
                        evaluate(path, coder=coder, part=part))
    runner = CliRunner()
    out = runner.invoke(_app(), ["evaluate", "--gold", str(GOLD), "--json", "--errors", "1"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["sentences"] == 6 and len(data["errors"]) == 1
    human = runner.invoke(_app(), ["evaluate", "--gold", str(GOLD), "--errors", "2"])
    assert human.exit_code == 0
    assert "event-type accuracy" in human.output and "confusion" in human.output
    assert "GSR-DEMAND-1" in human.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text(GOLD.read_text() + "{oops\n")
    broken = runner.invoke(_app(), ["evaluate", "--gold", str(bad), "--json"])
    assert broken.exit_code == 1
    assert f"{bad}:7" in broken.stderr


@pytest.mark.model
def test_evaluate_with_model() -> None:
    from eventwire.coder import Coder

    result = evaluate(GOLD, coder=Coder())
    assert result["sentences"] == 6 and result["failed_documents"] == 0
    assert 0.0 <= result["event_accuracy"] <= 1.0


def test_no_event_gold_counts_only_in_precision() -> None:
    none = parse_gold({"id": "n1", "text": "Shares rose 2%.", "event": "NONE"})
    assert none.events == []
    clean, noisy = GoldRecord("a", "t", None, []), GoldRecord("b", "t", None, [])
    result = score([(clean, []), (noisy, [ev("ASSAULT"), ev("ACCUSE")]),
                    (gold("ASSAULT", ["SYR"]), [ev("ASSAULT", ["SYR"])])])
    assert result["sentences"] == 1 and result["event_accuracy"] == 1.0
    precision = result["precision"]
    assert precision["no_event_sentences"] == 2
    assert precision["no_event_clean"] == 0.5
    assert precision["events_on_no_event_sentences"] == 2
    assert precision["events_per_sentence"] == 1.0
    assert precision["event_precision"] == round(1 / 3, 4)
    assert [e["id"] for e in result["errors"]] == ["b"]


def test_precision_by_confidence_decile_is_ranked() -> None:
    pairs = [(gold("AGREE"), [ev("AGREE", confidence=0.9 - i / 100)]) for i in range(10)]
    pairs += [(GoldRecord(f"n{i}", "t", None, []), [ev("ASSAULT", confidence=0.2)])
              for i in range(10)]
    bins = score(pairs)["precision"]["by_confidence"]
    assert len(bins) == 10
    assert bins[0]["precision"] == 1.0 and bins[-1]["precision"] == 0.0
    assert bins[4]["precision_down_to_here"] == 1.0
    assert bins[-1]["precision_down_to_here"] == 0.5
    assert bins[0]["confidence_max"] >= bins[-1]["confidence_min"]


def test_parts_split_every_file_in_two_fixed_halves(tmp_path: Path) -> None:
    from eventwire.evaluate import part_of

    ids = [f"s{i}" for i in range(400)]
    parts = [part_of(i) for i in ids]
    assert parts == [part_of(i) for i in ids]  # fixed by the seed, not by order or run
    assert 150 < parts.count("test") < 250
    assert part_of("s1", seed="another") in ("dev", "test")
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": "x", "event": "AGREE"}) + "\n"
                            for i in ids))
    dev, _ = read_gold(path, "dev")
    test, _ = read_gold(path, "test")
    assert {r.id for r in dev} | {r.id for r in test} == set(ids)
    assert not {r.id for r in dev} & {r.id for r in test}
    with pytest.raises(UsageError):
        read_gold(path, "train")


def test_held_out_finds_a_test_sentence_however_punctuated(tmp_path: Path) -> None:
    ids = [f"s{i}" for i in range(20)]
    test_id = next(i for i in ids if part_of(i) == "test")
    dev_id = next(i for i in ids if part_of(i) == "dev")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({
        "id": i, "text": text, "event": "ASSAULT", "actor": [], "recipient": []})
        for i, text in ((test_id, "Rebels shelled the town of Idlib on Monday, killing two."),
                        (dev_id, "Turkey closed its border with Syria on Tuesday."))))
    held_out = HeldOut([gold])
    assert "REBELS shelled the town of Idlib on Monday -- killing two" in held_out
    assert "Rebels shelled the town of Idlib on Monday, killing two, officials said." in held_out
    assert "Turkey closed its border with Syria on Tuesday." not in held_out
