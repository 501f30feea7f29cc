"""Documentation cannot rot: commands, options, README quick start, CI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main

from eventwire.cli import app

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = (ROOT / "docs" / "cli.md").read_text("utf-8")
README = (ROOT / "README.md").read_text("utf-8")
GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)


def _code_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```[a-z]*\n(.*?)^```", markdown, flags=re.M | re.S)


def _section(markdown: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    assert match, f"no section {title!r}"
    return match.group(1)


def test_the_commands_of_the_contract_exist():
    assert {"code", "demo", "evaluate"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_is_documented(name):
    command = GROUP.commands[name]
    assert (command.help or "").strip(), f"{name} has no help text"
    assert f"## eventwire {name}" in CLI_DOC, f"docs/cli.md has no section for {name}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_has_help_and_is_documented(name):
    section = _section(CLI_DOC, f"eventwire {name}")
    for param in GROUP.commands[name].params:
        if param.param_type_name == "option":
            assert (param.help or "").strip(), f"{name} {param.opts} has no help"
            assert any(f"`{opt}" in section for opt in param.opts), \
                f"docs/cli.md does not document {name} {param.opts[0]}"


def test_readme_quick_start_is_exactly_make_demo_and_make_test():
    blocks = _code_blocks(_section(README, "Quick start"))
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]


def test_makefile_targets_match_the_readme():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^demo:.*\n\t\$\(PY\) -m eventwire demo$", makefile, flags=re.M)
    assert re.search(r"^test:.*\n\t\$\(PY\) -m pytest -q$", makefile, flags=re.M)
    assert "python -m pytest -q" in README


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test\b", script, flags=re.M)
    assert "set -euo pipefail" in script


def _readme_cli_examples() -> list[list[str]]:
    examples = []
    for block in _code_blocks(_section(README, "Command line")):
        for line in block.splitlines():
            line = line.split("#", 1)[0].split("|")[-1].strip()
            if line.startswith("eventwire "):
                examples.append(shlex.split(line)[1:])
    return examples


@pytest.mark.parametrize("argv", _readme_cli_examples(), ids=" ".join)
def test_readme_examples_use_real_commands_and_options(argv):
    command = GROUP.commands.get(argv[0])
    assert command is not None, f"README uses unknown command {argv[0]}"
    known = {opt for param in command.params for opt in param.opts}
    for arg in argv[1:]:
        if arg.startswith("-") and arg != "-":
            assert arg in known, f"README uses unknown option {arg} of {argv[0]}"
