"""Corpus formats beyond single files: CSV tables, WARC web archives, HTML dates.

Each reader yields ``InputDoc`` objects and ``InputError`` values in file
order, like ``ingest.read_inputs``, so one bad row or record costs only
itself; a truncated archive stops that archive with an error naming the last
good record, and the next file goes on.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import Errors, InputError
from eventwire.ingest import InputDoc, parse_date

_READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeError, csv.Error)
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
ARCHIVE_RECORDS = ("response", "resource", "conversion")
SNIFF_REST = 4096  # bytes read after the last whole record to tell a clean end


@dataclass(frozen=True)
class Columns:
    """Which CSV columns (or JSON keys) hold each part of a document."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    url: str = "url"


def read_csv(path: Path, stem: str, columns: Columns,
             date: str | None = None) -> Iterator[InputDoc | InputError]:
    """Rows of a CSV file (gzipped if it ends in .gz) with a header line.

    stem (str): id prefix of rows without an id column (``{stem}-{row}``).
    date (str | None): publication date of rows without their own.
    """
    name = str(path)
    csv.field_size_limit(sys.maxsize)
    try:
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as raw, io.TextIOWrapper(
                raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or columns.text not in reader.fieldnames:
                yield InputError(Errors.E009.format(
                    source=name, reason=f"no {columns.text!r} column in the header "
                                        f"({', '.join(reader.fieldnames or [])})"))
                return
            for number, row in enumerate(reader, start=1):
                yield _row(row, f"{name}:row {number}", f"{stem}-{number}", columns, date)
    except _READ_ERRORS as err:
        yield InputError(Errors.E009.format(source=name, reason=f"cannot read: {err}"))


def _row(row: dict[str, str | None], where: str, fallback_id: str, columns: Columns,
         date: str | None) -> InputDoc | InputError:
    if any(_has_bad_bytes(value) for value in row.values() if isinstance(value, str)):
        return InputError(Errors.E004.format(source=where, reason="undecodable bytes"))
    text = row.get(columns.text) or ""
    if not text.strip():
        return InputError(Errors.E002.format(source=where))
    own_date = (row.get(columns.date) or "").strip()
    if own_date:
        try:
            date = parse_date(own_date)
        except ValueError:
            return InputError(Errors.E012.format(source=where, value=own_date))
    return InputDoc(doc_id=(row.get(columns.id) or "").strip() or fallback_id, text=text,
                    date=date, title=row.get(columns.title) or None,
                    url=row.get(columns.url) or None, source=where)


def _has_bad_bytes(value: str) -> bool:
    return any("\udc80" <= char <= "\udcff" for char in value)


def read_warc(path: Path, date: str | None = None) -> Iterator[InputDoc | InputError]:
    """HTML and plain-text responses of a WARC file (.warc or .warc.gz).

    Ids are the WARC record ids; redirects, errors and non-text payloads are skipped.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name, number, end = str(path), 0, 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for number, record in enumerate(records, start=1):
                item = (_warc_record(record, f"{name}:record {number}", date)
                        if record.rec_type in ARCHIVE_RECORDS else None)
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
                if item is not None:
                    yield item
            handle.seek(end)
            rest = handle.read(SNIFF_REST)
    except (ArchiveLoadFailed, ValueError, *_READ_ERRORS) as err:
        yield InputError(Errors.E009.format(
            source=name, reason=f"truncated or corrupt WARC after record {number}: {err}"))
        return
    if rest.strip():
        yield InputError(Errors.E009.format(
            source=name, reason=f"truncated or corrupt WARC: unreadable bytes after record "
                                f"{number} (offset {end})"))


def _warc_record(record: object, where: str, date: str | None) -> InputDoc | InputError | None:
    headers = record.rec_headers  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    if http is not None and not (http.get_statuscode() or "").startswith("2"):
        return None
    content_type = ((http or headers).get_header("Content-Type") or "").lower()
    if not content_type.startswith(TEXT_TYPES):
        return None
    payload = record.content_stream().read()  # type: ignore[attr-defined]
    length = headers.get_header("Content-Length")
    url = headers.get_header("WARC-Target-URI")
    label = f"{where} ({url})" if url else where
    if http is None and length is not None and len(payload) < int(length):
        raise EOFError(f"record cut short at {len(payload)} of {length} bytes")
    charset = _charset(content_type)
    try:
        text = payload.decode(charset)
    except (UnicodeDecodeError, LookupError) as err:
        return InputError(Errors.E004.format(source=label, reason=f"{charset}: {err}"))
    if not text.strip():
        return InputError(Errors.E002.format(source=label))
    record_id = (headers.get_header("WARC-Record-ID") or where).strip("<>")
    return InputDoc(doc_id=record_id.removeprefix("urn:uuid:"), text=text, date=date, url=url,
                    is_html=not content_type.startswith("text/plain"), source=label)


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            return value.strip("\"' ")
    return "utf-8"


def html_date(html: str) -> str | None:
    """The publication date an HTML page declares in its metadata, if any."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True,
                          outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    return found or None
