"""DESIGN.md's exit codes, in one place for every command.

2: a usage error (bad option, missing path, output that cannot be written);
1: the input failed (nothing could be coded). Messages go to stderr, prefixed
with "eventwire:" so scripts can tell them from data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from eventwire.errors import EventwireError, UsageError

USAGE = 2
FAILED = 1


def fail(message: object) -> None:
    """Print one error or warning line on stderr."""
    typer.echo(f"eventwire: {message}", err=True)


@contextmanager
def exit_codes(writing: str | Path | None = None, *, writes_stdout: bool = False) -> Iterator[None]:
    """Turn eventwire's errors into a message and an exit code.

    writing: the output path; an OSError then means it cannot be written (exit 2).
    writes_stdout: the output is stdout, for the same message.
    """
    try:
        yield
    except UsageError as err:
        fail(err)
        raise typer.Exit(USAGE) from err
    except EventwireError as err:
        fail(err)
        raise typer.Exit(FAILED) from err
    except OSError as err:
        if writing is None and not writes_stdout:
            raise
        fail(f"cannot write {writing or 'stdout'}: {err.strerror or err}")
        raise typer.Exit(USAGE) from err
