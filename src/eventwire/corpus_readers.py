"""Corpus formats beyond single files: CSV tables, WARC web archives, HTML dates.

Each reader yields ``InputDoc`` objects and ``InputError`` values in file
order, like ``ingest.read_inputs``, so one bad row or record costs only
itself; a truncated archive stops that archive with an error naming the last
good record, and the next file goes on.
"""

from __future__ import annotations

import csv
import gzip
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from eventwire.errors import Errors, InputError
from eventwire.ingest import InputDoc, ReadLimits, bounded_lines, outlet_of, parse_date

_READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeError, csv.Error)
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
ARCHIVE_RECORDS = ("response", "resource", "conversion")
BOM = b"\xef\xbb\xbf"
SNIFF_REST = 4096  # bytes read after the last whole record to tell a clean end


@dataclass(frozen=True)
class Columns:
    """Which CSV columns (or JSON keys) hold each part of a document."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    source: str = "source"  # the outlet


def read_csv(path: Path, stem: str, columns: Columns, date: str | None = None,
             limits: ReadLimits | None = None) -> Iterator[InputDoc | InputError]:
    """Rows of a CSV file (gzipped if it ends in .gz) with a header line.

    stem (str): id prefix of rows without an id column (``{stem}-{row}``).
    date (str | None): publication date of rows without their own.
    limits (ReadLimits | None): caps on a line, a row and a field.
    A malformed row (an unclosed quote, a stray quote, more or fewer fields
    than the header) is reported with its line and skipped, and reading goes
    on with the line after it, so one bad quote never swallows the rows below.
    """
    name, limits = str(path), limits or ReadLimits()
    # Records are bounded by the line and record caps; fields are checked below.
    csv.field_size_limit(limits.record_bytes + limits.line_bytes)
    try:
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as raw:
            records = _csv_records(bounded_lines(raw, limits.line_bytes), limits)
            header = _csv_header(records, name, columns)
            if isinstance(header, InputError):
                yield header
                return
            for number, (line, found) in enumerate(records, start=1):
                where = f"{name}:row {number} (line {line})"
                if not isinstance(found, list):
                    yield InputError(found(source=where))
                    continue
                longest = max(map(len, found), default=0)
                if longest > limits.field_chars:
                    yield InputError(Errors.E015.format(
                        source=where, what="field", size=f"{longest} characters",
                        limit=limits.field_chars, option="--max-field-chars"))
                    continue
                if len(found) != len(header):
                    yield InputError(Errors.E016.format(
                        source=where, reason=f"{len(found)} fields, the header has "
                                             f"{len(header)}"))
                    continue
                yield _row(dict(zip(header, found, strict=True)), where, f"{stem}-{number}",
                           columns, date, name)
    except _READ_ERRORS as err:
        yield InputError(Errors.E009.format(source=name, reason=f"cannot read: {err}"))


def _csv_header(records: Iterator[tuple[int, list[str] | Callable[..., str]]], name: str,
                columns: Columns) -> list[str] | InputError:
    first = next(records, None)
    if first is None or not isinstance(first[1], list) or columns.text not in first[1]:
        found = ", ".join(first[1]) if first is not None and isinstance(first[1], list) else ""
        return InputError(Errors.E009.format(
            source=name, reason=f"no {columns.text!r} column in the header ({found})"))
    return first[1]


def _csv_records(lines: Iterator[tuple[bytes | None, int]],
                 limits: ReadLimits) -> Iterator[tuple[int, list[str] | Callable[..., str]]]:
    """Each CSV record with its first line: its fields, or its error message (given a source).

    Lines are joined while a quoted field is open (an odd number of quote
    characters so far). A record still open at the end of the file or past
    ``limits.record_bytes``, or whose lines do not parse as one record, had a
    stray or unclosed quote: it is reported at its first line and its other
    lines are read again as rows of their own.
    """
    pending: deque[tuple[int, bytes | None, int]] = deque()
    numbered = ((n, raw, size) for n, (raw, size) in enumerate(lines, start=1))

    def next_line() -> tuple[int, bytes | None, int] | None:
        return pending.popleft() if pending else next(numbered, None)

    while (line := next_line()) is not None:
        start, raw, size = line
        if raw is None:
            yield start, partial(Errors.E015.format, what="line", size=f"{size} bytes",
                                 limit=limits.line_bytes, option="--max-line-bytes")
            continue
        if start == 1:
            raw = raw.removeprefix(BOM)
        if not raw.strip():
            continue
        parts, data = [line], [raw]
        quotes, length = raw.count(b'"'), len(raw)
        while quotes % 2 and length <= limits.record_bytes:
            more = next_line()
            if more is None or more[1] is None:
                if more is not None:
                    pending.appendleft(more)
                break
            parts.append(more)
            data.append(more[1])
            quotes, length = quotes + more[1].count(b'"'), length + len(more[1])
        if quotes % 2 == 0 and length > limits.record_bytes:
            yield start, partial(Errors.E015.format, what="row", size=f"{length} bytes",
                                 limit=limits.record_bytes, option="--max-record-bytes")
            continue
        found = _parse_record(b"".join(data)) if quotes % 2 == 0 else None
        if not isinstance(found, str | None):
            yield start, found
            continue
        pending.extendleft(reversed(parts[1:]))
        if found is not None:
            reason = (found if len(parts) == 1
                      else f"a quote opened here does not close a field: {found}")
        elif length > limits.record_bytes:
            reason = (f"a quote opened here is not closed within {limits.record_bytes} bytes "
                      "(--max-record-bytes)")
        else:
            reason = "a quote opened here is never closed"
        yield start, partial(Errors.E016.format, reason=reason)


def _parse_record(record: bytes) -> list[str] | Callable[..., str] | str:
    """The fields of one whole CSV record, its decoding error, or why it is not one record."""
    try:
        text = record.decode("utf-8")
    except UnicodeDecodeError as err:
        return partial(Errors.E004.format, reason=f"byte 0x{record[err.start]:02x} at byte "
                                                  f"{err.start} of the row")
    try:
        return next(csv.reader([text], strict=True))
    except csv.Error as err:
        return str(err)


def _row(row: dict[str, str | None], where: str, fallback_id: str, columns: Columns,
         date: str | None, path: str) -> InputDoc | InputError:
    text = row.get(columns.text) or ""
    if not text.strip():
        return InputError(Errors.E002.format(source=where))
    own_date = (row.get(columns.date) or "").strip()
    if own_date:
        try:
            date = parse_date(own_date)
        except ValueError:
            return InputError(Errors.E012.format(source=where, value=own_date))
    url = row.get(columns.url) or None
    return InputDoc(doc_id=(row.get(columns.id) or "").strip() or fallback_id, text=text,
                    date=date, title=row.get(columns.title) or None, url=url, source=where,
                    outlet=outlet_of(row.get(columns.source), url, path))


def read_warc(path: Path, date: str | None = None,
              limits: ReadLimits | None = None) -> Iterator[InputDoc | InputError]:
    """HTML and plain-text responses of a WARC file (.warc or .warc.gz).

    Ids are the WARC record ids; redirects, errors and non-text payloads are
    skipped; a payload over ``limits.record_bytes`` (once decompressed) is
    reported and skipped without being read whole.
    """
    max_payload = (limits or ReadLimits()).record_bytes
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name, number, end = str(path), 0, 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for number, record in enumerate(records, start=1):
                item = (_warc_record(record, f"{name}:record {number}", date, max_payload,
                                     name)
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


def _warc_record(record: object, where: str, date: str | None, max_payload: int,
                 path: str) -> InputDoc | InputError | None:
    headers = record.rec_headers  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    if http is not None and not (http.get_statuscode() or "").startswith("2"):
        return None
    content_type = ((http or headers).get_header("Content-Type") or "").lower()
    if not content_type.startswith(TEXT_TYPES):
        return None
    payload = record.content_stream().read(max_payload + 1)  # type: ignore[attr-defined]
    length = headers.get_header("Content-Length")
    url = headers.get_header("WARC-Target-URI")
    label = f"{where} ({url})" if url else where
    if len(payload) > max_payload:
        return InputError(Errors.E015.format(
            source=label, what="payload", size=f"more than {max_payload} bytes",
            limit=max_payload, option="--max-record-bytes"))
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
                    is_html=not content_type.startswith("text/plain"), source=label,
                    outlet=outlet_of(None, url, path))


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
