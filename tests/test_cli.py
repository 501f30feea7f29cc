"""The command line end to end: exit codes, messages, formats, determinism.

Most tests share one loaded ``Coder`` (patched in where the commands build
theirs); the subprocess tests run the real entry points.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.writers.flat import columns

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "nara-summit.txt"
SHORT = "Japan and China agreed to hold talks. Japan accused China of coercion."


@pytest.fixture(scope="module")
def coder():
    from eventwire.coder import Coder

    return Coder()


@pytest.fixture
def run(coder, monkeypatch):
    """Invoke the CLI in-process with the shared coder; returns the Result."""
    monkeypatch.setattr("eventwire.coder.Coder", lambda model=None, actors=(): coder)

    def invoke(*args: str, stdin: str | bytes | None = None):
        return CliRunner().invoke(app, [str(a) for a in args], input=stdin)

    return invoke


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_codes_a_text_file_to_jsonl(run):
    result = run("code", ARTICLE, "--date", "2026-01-13")
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert records, "the sample article yields events"
    assert {r["doc_id"] for r in records} == {"nara-summit"}
    assert records[0]["id"] == "nara-summit-0001"
    assert all(r["event"] and "kind" not in r for r in records)
    assert result.stderr == ""


def test_output_is_byte_identical_across_runs(run):
    first = run("code", ARTICLE, "--date", "2026-01-13", "--what", "all")
    second = run("code", ARTICLE, "--date", "2026-01-13", "--what", "all")
    assert first.exit_code == 0
    assert first.stdout_bytes and first.stdout_bytes == second.stdout_bytes


def test_what_all_writes_kinds(run):
    result = run("code", ARTICLE, "--date", "2026-01-13", "--what", "all")
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    kinds = [r["kind"] for r in records]
    assert set(kinds) <= {"event", "quote", "actor"} and "event" in kinds
    assert kinds == sorted(kinds, key=["event", "quote", "actor"].index)
    assert all(next(iter(r)) == "kind" for r in records)


@pytest.mark.parametrize("what, kind", [("quotes", "quote"), ("actors", "actor")])
def test_what_selects_one_kind(run, what, kind):
    result = run("code", ARTICLE, "--date", "2026-01-13", "--what", what)
    assert result.exit_code == 0, result.stderr
    fields = list(type_of(kind).__dataclass_fields__)
    assert all(list(r) == fields for r in jsonl(result.stdout))


def test_actors_of_the_article(run):
    result = run("code", ARTICLE, "--date", "2026-01-13", "--what", "actors")
    codes = {r["code"] for r in jsonl(result.stdout)}
    assert {"JPN", "KOR", "CHN"} <= codes


def test_stdin(run):
    result = run("code", "-", "--date", "2026-01-13", stdin=SHORT)
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert records and {r["doc_id"] for r in records} == {"stdin"}
    assert records[0]["date"] == "2026-01-13"


def test_csv_has_schema_columns_and_one_row_per_event(run):
    as_jsonl = jsonl(run("code", ARTICLE, "--date", "2026-01-13").stdout)
    result = run("code", ARTICLE, "--date", "2026-01-13", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [name for name, _ in columns(type_of("event"))]
    assert [r["id"] for r in rows] == [r["id"] for r in as_jsonl]
    assert rows[0]["actor_code"] == ";".join(a["code"] or "" for a in as_jsonl[0]["actor"])


def type_of(kind: str) -> type:
    from eventwire.records import RECORD_KINDS

    return RECORD_KINDS[kind]


def test_parquet_needs_output(run):
    result = run("code", ARTICLE, "--format", "parquet")
    assert result.exit_code == 2
    assert "-o" in result.stderr and result.stdout == ""


def test_parquet_to_file(run, tmp_path):
    out = tmp_path / "sub" / "events.parquet"
    result = run("code", ARTICLE, "--date", "2026-01-13", "--format", "parquet", "-o", out)
    assert result.exit_code == 0, result.stderr
    table = pq.read_table(out)
    assert table.num_rows > 0 and "event" in table.column_names
    assert f"to {out}" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("fmt", ["icews", "gdelt"])
def test_planned_formats_are_usage_errors(run, fmt):
    result = run("code", ARTICLE, "--format", fmt)
    assert result.exit_code == 2
    assert "not available yet" in result.stderr


@pytest.mark.parametrize("args", [["--what", "everything"], ["--date", "13/01/2026"],
                                  ["--date", "2026-02-30"], ["--format", "xml"], ["--bogus"]])
def test_bad_options_are_usage_errors(run, args):
    result = run("code", ARTICLE, *args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_missing_path_is_a_usage_error(run, tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("code", missing, "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 2
    assert "nope.txt" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("name, content", [
    ("empty.txt", b""),
    ("blank.txt", b"  \n\n\t\n"),
    ("image.txt", bytes(range(256)) * 8),
    ("latin1.txt", "Caf\u00e9 d\u00e9j\u00e0 vu in S\u00e3o Paulo.".encode("latin-1")),
])
def test_unreadable_file_fails_with_its_name(run, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("code", path)
    assert result.exit_code == 1
    assert name in result.stderr
    assert result.stdout == ""
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_malformed_jsonl_line_is_reported_and_the_rest_coded(run, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "a", "text": "Japan and China agreed to hold talks.",
                    "date": "2026-01-13"}),
        '{"id": "b", "text": "broken',
        json.dumps({"id": "c", "text": "Russia accused Ukraine of shelling the plant."}),
    ]) + "\n", encoding="utf-8")
    result = run("code", corpus, "--date", "2025-12-01")
    assert result.exit_code == 1
    assert "corpus.jsonl:2" in result.stderr
    records = jsonl(result.stdout)
    assert {r["doc_id"] for r in records} == {"a", "c"}
    dates = {r["doc_id"]: r["date"] for r in records}
    assert dates["a"].startswith("2026") and dates["c"].startswith("2025")


def test_a_jsonl_line_over_max_line_bytes_is_reported_and_the_rest_coded(run, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    long = json.dumps({"id": "b", "text": SHORT * 20})
    corpus.write_text(json.dumps({"id": "a", "text": SHORT}) + "\n" + long + "\n")
    result = run("code", corpus, "--max-line-bytes", "500")
    assert result.exit_code == 1
    assert f"[E015] {corpus}:2: line of {len(long) + 1} bytes" in result.stderr
    assert {r["doc_id"] for r in jsonl(result.stdout)} == {"a"}


def test_jsonl_id_and_text_fields(run, tmp_path):
    corpus = tmp_path / "stories.jsonl"
    corpus.write_text(json.dumps({"story_id": "s1", "body": SHORT}) + "\n", encoding="utf-8")
    result = run("code", corpus, "--id-field", "story_id", "--text-field", "body",
                 "--date", "2026-01-13")
    assert result.exit_code == 0, result.stderr
    assert {r["doc_id"] for r in jsonl(result.stdout)} == {"s1"}


def test_five_megabyte_document_is_coded_or_refused_clearly(run, tmp_path):
    path = tmp_path / "huge.txt"
    sentence = "Japan and China agreed to hold talks in Beijing on Tuesday. "
    path.write_text(sentence * (5_000_000 // len(sentence)), encoding="utf-8")
    result = run("code", path, "--date", "2026-01-13")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 0:
        assert len(jsonl(result.stdout)) > 1000
    else:
        assert result.exit_code == 1
        assert "huge.txt" in result.stderr and "Traceback" not in result.stderr


def test_output_file_and_summary(run, tmp_path):
    out = tmp_path / "events.jsonl"
    result = run("code", ARTICLE, "--date", "2026-01-13", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    lines = out.read_text("utf-8").splitlines()
    assert f"wrote {len(lines)} records to {out}" in result.stderr


def test_demo_prints_tables_and_writes_jsonl(run, tmp_path):
    out = tmp_path / "demo" / "sample.jsonl"
    result = run("demo", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "events in nara-summit" in result.stdout and "quotes" in result.stdout
    assert str(out.name) in result.stdout
    records = jsonl(out.read_text("utf-8"))
    events = [r for r in records if r["kind"] == "event"]
    assert events and events[0]["id"] == "nara-summit-0001"
    assert all(r["doc_id"] == "nara-summit" for r in records)


def test_demo_matches_code_on_the_same_article(run, tmp_path):
    out = tmp_path / "sample.jsonl"
    run("demo", "-o", out)
    coded = run("code", ARTICLE, "--date", "2026-01-13", "--what", "all")
    assert out.read_bytes() == coded.stdout_bytes


def test_help_lists_every_command(run):
    result = run("--help")
    assert result.exit_code == 0
    for name in ("code", "demo", "evaluate"):
        assert name in result.stdout


def _entry(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_python_dash_m_codes_stdin():
    proc = _entry("code", "-", "--date", "2026-01-13", "--what", "all", stdin=SHORT)
    assert proc.returncode == 0, proc.stderr
    kinds = {json.loads(line)["kind"] for line in proc.stdout.splitlines()}
    assert "event" in kinds


def test_python_dash_m_usage_error_and_version():
    assert _entry("code", "/no/such/file.txt").returncode == 2
    version = _entry("--version")
    assert version.returncode == 0 and version.stdout.startswith("eventwire ")


def test_import_and_help_stay_light():
    code = ("import sys, eventwire, eventwire.cli; "
            "print(sorted(m for m in ('spacy', 'pandas', 'pyarrow') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_entry_point_exit_codes_and_outputs_survive_the_fast_exit(tmp_path):
    # The entry point ends the process without interpreter teardown: outputs must be
    # complete and exit codes kept.
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "good", "text": SHORT}) + "\n"
                    + json.dumps({"id": "blank", "text": "  "}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = _entry("code", str(docs), "--date", "2026-01-13", "-o", str(out))
    assert proc.returncode == 1
    assert "docs.jsonl:2" in proc.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["doc_id"] == "good" for line in lines)
