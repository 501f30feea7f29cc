"""Knowledge compiled once per machine: plain tuples and dicts loaded with marshal.

Building the actor knowledge base and the gazetteer from their tables costs
most of eventwire's start-up, nearly all of it creating Python objects and
index dicts; the same structures as plain tuples load with marshal several
times faster (pickling the built objects is not faster: it creates them one
by one too). The compiled form lives in the user's cache directory
(``$EVENTWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwire`` or
``~/.cache/eventwire``), named by a hash of the source tables, of the module that
converts to and from the plain form, of eventwire's version and of the
Python version (marshal's format is Python's own). It is
written atomically, so parallel workers never read half a file; a cache that
cannot be written or read is ignored and the tables are read as before.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from eventwire.kb.resources import data_path

T = TypeVar("T")
log = logging.getLogger(__name__)


class LazyRecords(Mapping[Any, Any]):
    """A compiled table whose records become objects when first read: most of the
    18,000 people, 28,000 aliases and 15,000 verb patterns are never looked at in
    a run, so none of them is built at start-up."""

    def __init__(self, make: Callable[[Any], Any], raw: dict[Any, Any]) -> None:
        self._make = make
        self._raw = raw
        self._made: dict[Any, Any] = {}

    def __getitem__(self, key: Any) -> Any:
        try:
            return self._made[key]
        except KeyError:
            record = self._made[key] = self._make(self._raw[key])
            return record

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[Any]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def cache_dir() -> Path:
    """Where compiled knowledge is kept."""
    explicit = os.environ.get("EVENTWIRE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "eventwire"


def compiled(name: str, sources: Iterable[tuple[str, ...]], build: Callable[[], T],
             dump: Callable[[T], Any], load: Callable[[Any], T]) -> T:
    """``build()``'s result, from the cache when the sources have not changed.

    sources: packaged data paths (parts under ``eventwire/data``) the result is built from.
    dump / load: to and from the plain (marshal-able) form.
    """
    code = Path(sys.modules[load.__module__].__file__ or __file__)
    path = cache_dir() / f"{name}-{_fingerprint(name, sources, code)}.marshal"
    try:
        return load(marshal.loads(path.read_bytes()))
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError) as err:
        log.debug("ignoring unreadable compiled knowledge %s: %s", path, err)
    value = build()
    try:
        _write_atomically(path, marshal.dumps(dump(value)))
        for stale in path.parent.glob(f"{name}-*.marshal"):
            if stale != path:  # compiled from tables or code that have changed since
                stale.unlink(missing_ok=True)
    except (OSError, ValueError) as err:
        log.debug("cannot keep compiled knowledge in %s: %s", path, err)
    return value


def _fingerprint(name: str, sources: Iterable[tuple[str, ...]], code: Path) -> str:
    """Changes with the tables, with the code that reads and writes the plain form,
    and with the Python version."""
    from eventwire import __version__

    digest = hashlib.sha256(f"{name}|{__version__}|{sys.version}".encode())
    digest.update(code.read_bytes())
    for parts in sources:
        digest.update("/".join(parts).encode())
        digest.update(data_path(*parts).read_bytes())
    return digest.hexdigest()[:20]


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
