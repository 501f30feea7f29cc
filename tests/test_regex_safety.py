"""Every compiled pattern of eventwire runs in linear time on hostile text.

The test finds the patterns itself (module attributes, containers and classes
of every eventwire module, and cached zero-argument builders annotated to
return a pattern), so a pattern added later is checked without being listed.
Each one scans adversarial strings of about 30,000 characters in a child
process: a pattern that backtracks quadratically or exponentially overruns
the per-string time limit and is named in the failure.
"""

from __future__ import annotations

import importlib
import inspect
import multiprocessing
import pkgutil
import re
import time
from collections.abc import Iterator

import pytest

import eventwire

LENGTH = 30_000
# Linear scans of 30,000 characters take milliseconds; the quadratic ones this
# guards against took 17 s, the exponential one never ends.
LIMIT_SECONDS = 2.0
MAX_PIECES = 24
COMMON_CHARS = (" ", "\t", "\n", "\r", "a", "A", "Z", "z", "0", "-", ".", ",", "'", '"', "<",
                ">", "!", "/", "@", "#", "_", "\u00e9", "\u00c3", "\u00e2", "\u20ac",
                "\u0301", "\u200b", "\u00a0", "\u4e2d", "\u3000", "\u1100", "\u1161", "\x00")
COMMON_RUNS = ("<!---->", "<!--", "-->", "<!-- x -->\n", "</p>", "</p", "<?xml", "aB", "Ab",
               "a ", "\n ", " \n", "\n\n", "\r\n", "Aaaaaa", "aaaaaB", "Ã©", "â€™", "中文",
               "e\u0301", "a-", "a.", "a'", "1,", "\"a\" ")


def _modules() -> Iterator[object]:
    yield eventwire
    for info in pkgutil.walk_packages(eventwire.__path__, "eventwire."):
        if not info.name.endswith(".__main__"):  # importing it runs the command
            yield importlib.import_module(info.name)


def _patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield value
    elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


def _built_pattern(function: object) -> re.Pattern[str] | None:
    """The pattern a cached builder without parameters returns, when it is one."""
    if not hasattr(function, "cache_info"):
        return None
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    if signature.parameters or "Pattern" not in str(signature.return_annotation):
        return None
    result = function()
    return result if isinstance(result, re.Pattern) else None


def all_patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern reachable from an eventwire module, by ``module.name``."""
    found: dict[str, re.Pattern[str]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            owner = getattr(value, "__module__", module.__name__)
            if inspect.isclass(value) and owner == module.__name__:
                for attr, member in vars(value).items():
                    for pattern in _patterns_in(member):
                        found.setdefault(f"{module.__name__}.{name}.{attr}", pattern)
                continue
            built = _built_pattern(value) if owner == module.__name__ else None
            if built is not None:
                found.setdefault(f"{module.__name__}.{name}()", built)
            if isinstance(value, re.Pattern):
                found.setdefault(f"{module.__name__}.{name}", value)
                continue
            for k, pattern in enumerate(_patterns_in(value)):
                found.setdefault(f"{module.__name__}.{name}[{k}]", pattern)
    return found


def _category_char(category: object) -> str:
    name = str(category)
    if "DIGIT" in name:
        return "7"
    if "SPACE" in name:
        return " "
    return "a"


def literal_pieces(pattern: re.Pattern[str]) -> list[str]:
    """The pattern's own literal runs and sample characters of its classes."""
    from re import _constants as c
    from re import _parser

    pieces: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            pieces.append("".join(run))
            run.clear()

    def walk(items: object) -> None:
        for op, arg in items:
            if op is c.LITERAL:
                run.append(chr(arg))
                continue
            flush()
            if op is c.IN:
                for kind, value in arg:
                    if kind is c.LITERAL:
                        pieces.append(chr(value))
                    elif kind is c.RANGE:
                        pieces.extend((chr(value[0]), chr(value[1])))
                    elif kind is c.CATEGORY:
                        pieces.append(_category_char(value))
            elif op is c.NOT_LITERAL:
                pieces.append("x" if arg != ord("x") else "y")
            elif op is c.BRANCH:
                for branch in arg[1]:
                    walk(branch)
                    flush()
            elif op is c.SUBPATTERN:
                walk(arg[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                walk(arg[2])
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(arg[1])
            flush()
        flush()

    walk(_parser.parse(pattern.pattern, pattern.flags))
    unique = list(dict.fromkeys(p for p in pieces if p))
    if len(unique) > MAX_PIECES:  # a table-built class: its ends and some middle
        step = len(unique) // MAX_PIECES
        unique = unique[::step][:MAX_PIECES]
    return unique


def adversarial(pattern: re.Pattern[str]) -> dict[str, str]:
    """Long strings that make a backtracking pattern slow, by description."""
    strings: dict[str, str] = {}

    def add(label: str, unit: str, tail: str = "\x00") -> None:
        strings[label] = unit * (LENGTH // len(unit)) + tail

    for char in COMMON_CHARS:
        add(f"run of {char!r}", char)
    for unit in COMMON_RUNS:
        add(f"repeated {unit!r}", unit)
    strings["<!---->*22+x"] = "<!---->" * 22 + "x"
    pieces = literal_pieces(pattern)
    for piece in pieces:
        add(f"own piece {piece!r}", piece)
    for a, b in zip(pieces, pieces[1:], strict=False):
        add(f"own pieces {a!r}{b!r}", a + b)
    if pieces:
        add("all own pieces", "".join(pieces))
        add("all own pieces, spaced", " ".join(pieces) + " ")
    return strings


def _scan(jobs: list[tuple[str, re.Pattern[str]]], conn: object) -> None:
    """Child process: time every pattern on every string, reporting as it goes."""
    for label, pattern in jobs:
        for name, text in adversarial(pattern).items():
            conn.send(("start", f"{label} on {name}"))
            started = time.perf_counter()
            for _ in pattern.finditer(text):
                pass
            pattern.match(text)
            conn.send(("done", time.perf_counter() - started))
    conn.send(("end", None))


def test_the_walk_finds_the_known_patterns():
    names = set(all_patterns())
    assert "eventwire.normalise._GLUE_CANDIDATE" in names
    assert "eventwire.normalise._nfc_pattern()" in names
    assert "eventwire.components.quote_marks.PARAGRAPH" in names


def test_literal_pieces_take_the_pattern_apart():
    pieces = literal_pieces(re.compile(r"<!--(?:ab|c[x-z])*-->\s"))
    assert pieces[:4] == ["<!--", "ab", "c", "x"]
    assert "-->" in pieces and " " in pieces


def test_every_pattern_runs_in_linear_time():
    jobs = sorted(all_patterns().items())
    parent, child = multiprocessing.get_context("fork").Pipe()
    worker = multiprocessing.get_context("fork").Process(target=_scan, args=(jobs, child))
    worker.start()
    slow: list[str] = []
    try:
        while True:
            if not parent.poll(LIMIT_SECONDS * 30):
                pytest.fail("the pattern scan stopped reporting")
            kind, value = parent.recv()
            if kind == "end":
                break
            label = value
            if not parent.poll(LIMIT_SECONDS):
                slow.append(f"{label}: over {LIMIT_SECONDS} s, stopped")
                break
            _, seconds = parent.recv()
            if seconds > LIMIT_SECONDS:
                slow.append(f"{label}: {seconds:.1f} s")
    finally:
        worker.kill()
        worker.join()
    assert not slow, "\n".join(slow)
