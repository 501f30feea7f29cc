"""``eventwire link``: link a corpus database's unlinked events into event clusters."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.exits import exit_codes


def link_command(
    db: Annotated[Path, typer.Option("--db", help="Corpus database (DuckDB file).")],
    relink: Annotated[bool, typer.Option(
        "--relink", help="Clear every cluster and link the whole corpus again "
                         "(the only way clusters are split).")] = False,
) -> None:
    """Link every unlinked event into clusters (one cluster per real-world event)."""
    from eventwire.corpus_linking import link_store
    from eventwire.errors import UsageError
    from eventwire.store import Store

    with exit_codes():
        if not db.is_file():
            raise UsageError(f"{db}: no such corpus database; create it with ingest")
        with Store(db) as store:
            report = link_store(store, relink=relink)
            clusters = store.con.execute(
                "SELECT count(DISTINCT cluster_id) FROM events").fetchall()[0][0]
    typer.echo(f"linked {report.events} events of {report.documents} documents in "
               f"{report.seconds:.1f}s; {clusters} clusters in the corpus", err=True)
