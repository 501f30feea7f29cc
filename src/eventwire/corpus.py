"""Ingest: files and folders into the corpus store, each document once.

Folders are walked recursively in sorted order, so the same input always
gives the same documents with the same ids: a file's path below the folder
(without its suffix), a record's own id, or ``{file}-{line}``. A document
whose text was stored before is recorded as a duplicate of it (exactly or
nearly, see ``dedup``) and never coded; an unreadable one becomes a failed
row with its error, and the next one goes on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.corpus_readers import Columns, html_date, read_csv, read_warc
from eventwire.dedup import NearDuplicateIndex, band_keys, content_hash, signature, to_bytes
from eventwire.errors import Errors, InputError, UsageError
from eventwire.ingest import InputDoc, ReadLimits, parse_date, read_inputs
from eventwire.normalise import looks_like_html, normalise
from eventwire.store import Band, Signature, Store, utc_now

logger = logging.getLogger(__name__)

SINGLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml"})
RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
TABLE_SUFFIXES = frozenset({".csv"})
ARCHIVE_SUFFIXES = frozenset({".warc"})
KNOWN_SUFFIXES = SINGLE_SUFFIXES | RECORD_SUFFIXES | TABLE_SUFFIXES | ARCHIVE_SUFFIXES
BATCH = 500


@dataclass
class IngestReport:
    """What an ingest added, by outcome."""

    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    unchanged: int = 0
    skipped_files: list[str] = field(default_factory=list)
    skipped_links: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class _Item:
    """One input on its way in: a document, or the error that replaced it."""

    doc: InputDoc | None
    error: str | None
    doc_id: str


def find_files(paths: Iterable[str | Path], skipped: list[str] | None = None,
               follow_symlinks: bool = False,
               links: list[str] | None = None) -> Iterator[tuple[Path, str]]:
    """Input files with their id prefixes: files as given, folders walked recursively.

    A named file keeps its stem as id; a file found in a folder its path below
    the folder without suffixes, so ``a/x.txt`` and ``b/x.txt`` stay apart.
    Hidden files and unknown suffixes in folders are skipped (and listed in
    ``skipped``); so is every symlink, named or found, unless
    ``follow_symlinks`` (listed in ``links``). Followed links reach each real
    folder once, so a link loop ends.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_symlink() and not follow_symlinks:
            if links is not None:
                links.append(str(path))
        elif path.is_file():
            yield path, _strip_suffixes(Path(path.name))
        elif path.is_dir():
            for file in _walk(path, follow_symlinks, seen, links):
                if _kind_suffix(file) in KNOWN_SUFFIXES:
                    yield file, _strip_suffixes(file.relative_to(path))
                elif skipped is not None:
                    skipped.append(str(file))
        else:
            raise UsageError(Errors.E001.format(source=raw))


def _walk(folder: Path, follow_symlinks: bool, seen: set[Path],
          links: list[str] | None) -> Iterator[Path]:
    """Files below ``folder``, depth first in sorted order, hidden ones left out."""
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not follow_symlinks:
            if links is not None:
                links.append(str(entry))
        elif entry.is_dir():
            yield from _walk(entry, follow_symlinks, seen, links)
        elif entry.is_file():
            yield entry


def _kind_suffix(path: Path) -> str:
    """The suffix that says the format, under any .gz."""
    inner = Path(path.stem) if path.suffix.lower() == ".gz" else path
    return inner.suffix.lower()


def _strip_suffixes(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem = Path(name).stem if Path(name).suffix.lower() in KNOWN_SUFFIXES else name
    return (path.parent / stem).as_posix().removeprefix("./")


def read_corpus(paths: Iterable[str | Path], date: str | None = None,
                columns: Columns | None = None, skipped: list[str] | None = None,
                limits: ReadLimits | None = None,
                follow_symlinks: bool = False) -> Iterator[InputDoc | InputError]:
    """Every document of every input, in order, with an ``InputError`` for each bad one.

    Dates come from the record, else the HTML metadata, else ``date``.
    """
    report = IngestReport(skipped_files=skipped if skipped is not None else [])
    for item in _items(paths, date, columns or Columns(), limits or ReadLimits(),
                       follow_symlinks, report):
        yield item.doc if item.doc is not None else InputError(item.error)


def _items(paths: Iterable[str | Path], date: str | None, columns: Columns,
           limits: ReadLimits, follow_symlinks: bool, report: IngestReport) -> Iterator[_Item]:
    default = _usage_date(date)
    for file, file_id in find_files(paths, report.skipped_files, follow_symlinks,
                                    report.skipped_links):
        for number, found in enumerate(_read_file(file, file_id, columns, limits), start=1):
            if isinstance(found, InputError):
                yield _Item(None, str(found), f"{file_id}#{number}")
                continue
            if found.date is None and (found.is_html or looks_like_html(found.text[:2000])):
                found.date = html_date(found.text)
            found.date = found.date or default
            yield _Item(found, None, found.doc_id)


def _usage_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as err:
        raise UsageError(Errors.E012.format(source="--date", value=value)) from err


def _read_file(file: Path, file_id: str, columns: Columns,
               limits: ReadLimits) -> Iterator[InputDoc | InputError]:
    kind = _kind_suffix(file)
    if kind in TABLE_SUFFIXES:
        yield from read_csv(file, file_id, columns, limits=limits)
    elif kind in ARCHIVE_SUFFIXES:
        yield from read_warc(file, limits=limits)
    elif kind in RECORD_SUFFIXES:
        yield from read_inputs(file, text_field=columns.text, id_field=columns.id,
                               limits=limits)
    else:
        for found in read_inputs(file, limits=limits):
            yield found if isinstance(found, InputError) else dataclasses.replace(
                found, doc_id=file_id)


def ingest(store: Store, paths: Sequence[str | Path], date: str | None = None,
           columns: Columns | None = None,
           on_batch: Callable[[IngestReport], None] | None = None,
           limits: ReadLimits | None = None, follow_symlinks: bool = False) -> IngestReport:
    """Add the documents of ``paths`` to ``store`` as pending, duplicate or failed rows.

    date (str | None): publication date of documents that give none.
    columns (Columns | None): CSV columns / JSON keys of text, id, date, title, url.
    on_batch (Callable | None): called with the running report after each batch.
    limits (ReadLimits | None): caps on a file, a line, a record and a CSV field.
    follow_symlinks (bool): read symlinked files and folders (skipped otherwise).
    RETURNS (IngestReport): counts by outcome and every error message.
    Raises UsageError for a missing path or a bad date.
    """
    report = IngestReport()
    index = NearDuplicateIndex(store.band_matches, store.signatures)
    batch: list[_Item] = []
    for item in _items(paths, date, columns or Columns(), limits or ReadLimits(),
                       follow_symlinks, report):
        batch.append(item)
        if len(batch) == BATCH:
            _ingest_batch(store, index, batch, report)
            batch = []
            if on_batch is not None:
                on_batch(report)
    if batch:
        _ingest_batch(store, index, batch, report)
    if on_batch is not None:
        on_batch(report)
    return report


def _dedup_text(doc: InputDoc) -> str:
    """The text duplicates are judged on: the main text of HTML, else the input."""
    if doc.is_html or (doc.is_html is None and looks_like_html(doc.text[:2000])):
        try:
            return normalise(doc.text, is_html=True).text
        except InputError:
            return doc.text
    return doc.text


def _ingest_batch(store: Store, index: NearDuplicateIndex, batch: list[_Item],
                  report: IngestReport) -> None:
    texts = {id(item): _dedup_text(item.doc) for item in batch if item.doc is not None}
    hashes = {key: content_hash(text) for key, text in texts.items()}
    known = store.lookup("doc_id", [name for item in batch
                                    for name in _id_choices(item.doc_id, hashes.get(id(item)))])
    by_hash = store.lookup("content_hash", list(set(hashes.values())))
    rows: list[dict[str, Any]] = []
    replace: list[str] = []
    fresh: list[tuple[_Item, str]] = []
    seen_ids: set[str] = set()
    now, seq = utc_now(), store.next_seq()
    for item in batch:
        digest = hashes.get(id(item))
        doc_id, earlier = _assign_id(item.doc_id, digest, known, seen_ids)
        if doc_id is None:
            report.unchanged += 1
            continue
        if earlier is not None:
            replace.append(earlier)
        seen_ids.add(doc_id)
        row: dict[str, Any] = {"doc_id": doc_id, "seq": seq, "ingested_at": now,
                               "content_hash": digest}
        seq += 1
        rows.append(row)
        if item.doc is None:
            row.update(status="failed", error=item.error)
            report.failed += 1
            report.errors.append(item.error or doc_id)
            continue
        row.update(dataclasses.asdict(item.doc), doc_id=doc_id)
        original = by_hash.get(digest or "")
        if original is not None:
            row.update(status="duplicate", duplicate_of=original[0], similarity=1.0)
            report.duplicates += 1
            continue
        by_hash[digest or ""] = (doc_id, digest)
        row["status"] = "pending"
        fresh.append((item, doc_id))
    signatures = [(doc_id, signature(texts[id(item)])) for item, doc_id in fresh]
    matches = index.check(signatures)
    by_id = {row["doc_id"]: row for row in rows}
    keep_sigs, keep_bands = [], []
    for (doc_id, sig), match in zip(signatures, matches, strict=True):
        if match is not None:
            by_id[doc_id].update(status="duplicate", duplicate_of=match.doc_id,
                                 similarity=match.similarity)
            report.near_duplicates += 1
            continue
        report.added += 1
        keep_sigs.append(Signature(doc_id, to_bytes(sig)))
        keep_bands.extend(Band(n, key, doc_id) for n, key in enumerate(band_keys(sig)))
    store.add_documents(rows, keep_sigs, keep_bands, replace)


def _assign_id(doc_id: str, digest: str | None, known: dict[str, tuple[str, str | None]],
               seen: set[str]) -> tuple[str | None, str | None]:
    """The id a new row takes, and the earlier row it replaces.

    The same id with the same text is already stored (None: skip it); an id
    that earlier failed to read is replaced; an id reused for another text
    gets the text's hash appended, so neither story is lost.
    """
    if doc_id in known and doc_id not in seen:
        _, stored_hash = known[doc_id]
        if stored_hash is None:
            return doc_id, doc_id
        if stored_hash == digest:
            return None, None
    elif doc_id not in seen:
        return doc_id, None
    if digest is None:
        return None, None
    suffixed = _id_choices(doc_id, digest)[-1]
    if suffixed in seen or suffixed in known:
        return None, None
    return suffixed, None


def _id_choices(doc_id: str, digest: str | None) -> list[str]:
    """A document's own id, then the one it takes when another text holds that id."""
    return [doc_id] if digest is None else [doc_id, f"{doc_id}@{digest[:8]}"]
