"""The exit codes every command shares: usage 2, failed input 1, unwritable output 2."""

import pytest
import typer

from eventwire.cli.exits import exit_codes
from eventwire.errors import InputError, UsageError


def test_usage_error_exits_2_with_the_message(capsys):
    with pytest.raises(typer.Exit) as exit_, exit_codes():
        raise UsageError("no such file: x.txt")
    assert exit_.value.exit_code == 2
    assert "eventwire: no such file: x.txt" in capsys.readouterr().err


def test_input_error_exits_1(capsys):
    with pytest.raises(typer.Exit) as exit_, exit_codes():
        raise InputError("x.txt: empty document")
    assert exit_.value.exit_code == 1
    assert "x.txt: empty document" in capsys.readouterr().err


def test_os_error_names_the_output_being_written(capsys):
    with pytest.raises(typer.Exit) as exit_, exit_codes("out/events.csv"):
        raise PermissionError(13, "Permission denied")
    assert exit_.value.exit_code == 2
    assert "cannot write out/events.csv: Permission denied" in capsys.readouterr().err


def test_os_error_without_an_output_is_not_hidden():
    with pytest.raises(FileNotFoundError), exit_codes():
        raise FileNotFoundError(2, "No such file")

