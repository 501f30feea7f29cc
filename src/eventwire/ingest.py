"""Input documents: what a reader hands to the ``Coder``.

``read_inputs`` turns one path (or ``-`` for stdin) into a stream of
``InputDoc`` objects and ``InputError`` values, so a caller codes every good
document and reports every bad one; a broken line never stops the file.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from eventwire.errors import Errors, InputError, UsageError

# Share of control bytes above which a file counts as binary.
BINARY_RATIO = 0.1
SNIFF_BYTES = 65536
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
SKIP_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of an over-long line


@dataclass(frozen=True)
class ReadLimits:
    """The most a reader holds in memory for one item; a bigger item is reported and skipped.

    The per-record caps sit well above the coder's 1,000,000-character limit,
    so they only turn away what could never be coded.
    """

    file_bytes: int = 200_000_000  # a whole file read at once (text, HTML, JSON), unzipped
    line_bytes: int = 10_000_000  # one line of JSONL or CSV
    record_bytes: int = 10_000_000  # one CSV row over all its lines, one WARC payload
    field_chars: int = 10_000_000  # one CSV field

    def __post_init__(self) -> None:
        for name, value in dataclasses.asdict(self).items():
            if value < 1:
                raise UsageError(f"--max-{name.replace('_', '-')} must be at least 1, "
                                 f"not {value}")


@dataclass
class InputDoc:
    """One document to code. ``source`` names it in error messages (file:line);
    ``outlet`` is who published it (see ``outlet_of``), for counting sources."""

    doc_id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    is_html: bool | None = None
    source: str = ""
    outlet: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any], index: int = 0) -> InputDoc:
        doc_id = str(data.get("id") or data.get("doc_id") or f"doc{index + 1}")
        return cls(doc_id=doc_id, text=data.get("text") or "", date=data.get("date"),
                   title=data.get("title"), url=data.get("url"),
                   is_html=data.get("is_html"), source=data.get("source") or doc_id,
                   outlet=data.get("outlet"))


def outlet_of(declared: object, url: str | None, path: str) -> str:
    """The outlet of a document: the record's own ``source`` field, else its URL's
    domain (lower case, without ``www.``), else the path it was ingested from.

    Every reader calls this one function, so the store's ``outlet`` column means
    the same whatever the input format.
    """
    if isinstance(declared, str) and declared.strip():
        return declared.strip()
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return path


def read_inputs(
    path: str | Path,
    date: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
    stdin: IO[bytes] | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[InputDoc | InputError]:
    """Documents of one input, with an ``InputError`` in place of each bad one.

    path (str | Path): a .txt, .html/.htm, .jsonl/.ndjson or .json file, any
        of them gzipped (.gz), or "-" for stdin; other suffixes read as text.
    date (str | None): publication date of plain documents and the default
        for records without their own "date".
    text_field, id_field (str): JSON keys of the text and the id.
    stdin (IO[bytes] | None): stream read for "-"; None is ``sys.stdin``.
    limits (ReadLimits | None): larger files and JSONL lines are reported
        rather than read into memory.
    RETURNS (Iterator): ``InputDoc`` or ``InputError`` values, in input order.
    Raises UsageError at once for a missing path, a directory or a bad date.
    """
    name = str(path)
    default_date = _usage_date(date, name)
    limits = limits or ReadLimits()
    max_bytes = limits.file_bytes
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _read_plain("stdin", "stdin", lambda: stream.read(max_bytes + 1),
                           default_date, None, max_bytes)
    file = Path(path)
    if file.is_dir():
        raise UsageError(Errors.E011.format(source=name))
    if not file.is_file():
        raise UsageError(Errors.E001.format(source=name))
    gzipped = file.suffix.lower() == ".gz"
    inner = Path(file.stem) if gzipped else file
    suffix, stem = inner.suffix.lower(), inner.stem
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(file, gzipped, stem, default_date, text_field, id_field,
                           limits.line_bytes)
    if not gzipped and file.stat().st_size > max_bytes:
        return iter([InputError(Errors.E013.format(
            source=name, size=file.stat().st_size, limit=max_bytes))])

    def load() -> bytes:
        with _open(file, gzipped) as handle:
            return handle.read(max_bytes + 1)

    if suffix == ".json":
        return _read_json(name, load, stem, default_date, text_field, id_field, max_bytes)
    is_html = True if suffix in HTML_SUFFIXES else (False if suffix == ".txt" else None)
    return _read_plain(name, stem, load, default_date, is_html, max_bytes)


def parse_date(value: object) -> str:
    """A publication date as YYYY-MM-DD.

    Accepts ISO dates and datetimes ("2026-01-13", "2026-01-13T09:30:00Z"),
    the basic form "20260113" and e-mail/RSS dates ("Tue, 13 Jan 2026 ...").
    Raises ValueError otherwise.
    """
    text = str(value).strip()
    if len(text) == 8 and text.isdigit():
        return Date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1)).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError) as err:
        raise ValueError(f"not a date: {text!r}") from err


def _usage_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as err:
        raise UsageError(Errors.E012.format(source=name, value=value)) from err


def _open(file: Path, gzipped: bool) -> IO[bytes]:
    return gzip.open(file, "rb") if gzipped else file.open("rb")


_READ_ERRORS = (OSError, EOFError, zlib.error)


def _read_plain(name: str, stem: str, load: Callable[[], bytes], date: str | None,
                is_html: bool | None, max_bytes: int) -> Iterator[InputDoc | InputError]:
    text = _load_text(name, load, max_bytes)
    if isinstance(text, InputError):
        yield text
        return
    yield InputDoc(doc_id=stem, text=text, date=date, is_html=is_html, source=name,
                   outlet=outlet_of(None, None, name))


def _load_text(name: str, load: Callable[[], bytes], max_bytes: int) -> str | InputError:
    """A whole file's text, or the error that names it: unreadable, binary, empty, too big."""
    try:
        return _decode_whole(name, load(), max_bytes)
    except InputError as err:
        return err
    except _READ_ERRORS as err:
        return InputError(Errors.E009.format(source=name, reason=f"cannot read: {err}"))


def _decode_whole(name: str, data: bytes, max_bytes: int) -> str:
    """Text of a whole file, or the InputError that says why there is none."""
    if len(data) > max_bytes:
        raise InputError(Errors.E013.format(source=name, size=f"more than {max_bytes}",
                                            limit=max_bytes))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(Errors.E009.format(source=name, reason=f"bad UTF-16: {err}")) from err
    else:
        if _looks_binary(data[:SNIFF_BYTES]):
            raise InputError(Errors.E003.format(source=name))
        text = _decode_utf8(name, data)
    if not text.strip():
        raise InputError(Errors.E002.format(source=name))
    return text


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes, or many control bytes that text files do not contain."""
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > BINARY_RATIO


def _decode_utf8(name: str, data: bytes, base: int = 0) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start:err.start + 1].hex()
        reason = f"byte 0x{bad} at byte offset {base + err.start}"
        raise InputError(Errors.E004.format(source=name, reason=reason)) from err


def _read_json(name: str, load: Callable[[], bytes], stem: str, date: str | None, text_field: str,
               id_field: str, max_bytes: int) -> Iterator[InputDoc | InputError]:
    text = _load_text(name, load, max_bytes)
    if isinstance(text, InputError):
        yield text
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield InputError(Errors.E005.format(source=f"{name}:{err.lineno}", reason=err.msg))
        return
    if isinstance(data, dict):
        yield _record(data, name, stem, date, text_field, id_field, name)
        return
    if not isinstance(data, list):
        yield InputError(Errors.E009.format(source=name,
                                            reason="expected a JSON object or a list of objects"))
        return
    for number, item in enumerate(data, start=1):
        yield _record(item, f"{name}[{number}]", f"{stem}-{number}", date, text_field, id_field,
                      name)


def _read_jsonl(file: Path, gzipped: bool, stem: str, date: str | None, text_field: str,
                id_field: str, max_line: int) -> Iterator[InputDoc | InputError]:
    name = str(file)
    try:
        with _open(file, gzipped) as handle:
            if _looks_binary(handle.peek(SNIFF_BYTES)[:SNIFF_BYTES]):
                yield InputError(Errors.E003.format(source=name))
                return
            yield from _jsonl_records(bounded_lines(handle, max_line), name, stem, date,
                                      text_field, id_field, max_line)
    except _READ_ERRORS as err:
        yield InputError(Errors.E009.format(source=name, reason=f"cannot read: {err}"))


def bounded_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[bytes | None, int]]:
    """Lines of a binary stream with their lengths, never more than ``limit`` bytes at once.

    A line longer than ``limit`` (its line break aside) comes as ``None`` with
    its length, read past in chunks rather than held whole.
    """
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        yield None, size


def _jsonl_records(lines: Iterable[tuple[bytes | None, int]], name: str, stem: str,
                   date: str | None, text_field: str, id_field: str,
                   max_line: int) -> Iterator[InputDoc | InputError]:
    offset, seen = 0, False
    for number, (raw, size) in enumerate(lines, start=1):
        where = f"{name}:{number}"
        start, offset = offset, offset + size
        if raw is None:
            seen = True
            yield InputError(Errors.E015.format(source=where, what="line", size=f"{size} bytes",
                                                limit=max_line, option="--max-line-bytes"))
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            data = json.loads(_decode_utf8(where, raw, start))
        except InputError as err:
            yield err
            continue
        except json.JSONDecodeError as err:
            yield InputError(Errors.E005.format(source=where, reason=err.msg))
            continue
        yield _record(data, where, f"{stem}-{number}", date, text_field, id_field, name)
    if not seen:
        yield InputError(Errors.E002.format(source=name))


def _record(data: Any, where: str, fallback_id: str, date: str | None, text_field: str,
            id_field: str, path: str) -> InputDoc | InputError:
    """One JSON record as an InputDoc; its own "date" overrides the default, its
    "source" names the outlet."""
    if not isinstance(data, dict):
        return InputError(Errors.E009.format(source=where, reason="record is not a JSON object"))
    text = data.get(text_field)
    if text is None:
        return InputError(Errors.E007.format(source=where))
    if not isinstance(text, str):
        return InputError(Errors.E009.format(source=where,
                                             reason=f"{text_field!r} is not a string"))
    if not text.strip():
        return InputError(Errors.E002.format(source=where))
    own_date = data.get("date")
    if own_date not in (None, ""):
        try:
            date = parse_date(own_date)
        except ValueError:
            return InputError(Errors.E012.format(source=where, value=own_date))
    doc_id = data.get(id_field)
    is_html = data.get("is_html")
    url = _optional_str(data.get("url"))
    return InputDoc(
        doc_id=str(doc_id) if doc_id not in (None, "") else fallback_id,
        text=text, date=date, title=_optional_str(data.get("title")), url=url,
        is_html=is_html if isinstance(is_html, bool) else None, source=where,
        outlet=outlet_of(data.get("source"), url, path))


def _optional_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)
