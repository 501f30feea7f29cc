"""Hostile documents through the Coder: crashes, hangs and documents without a status.

Generates documents from a seed (empty, binary, UTF-16 read as Latin-1, HTML
junk, bidi controls, 200 KB runs, quote storms, mixed scripts, repeated HTML
comments, 30,000 CJK characters, deeply nested tags, NUL bytes, lone
surrogates, mojibake, one endless word), codes each in a forked process with a
per-document time limit, and prints every crash (an exception out of
``Coder.code``, with its stack), hang (over the limit; the process is killed
and forked again) and document without a status. The target is 0 of each.

A document's time limit is ``--limit`` plus its length over ``--chars-per-second``:
a 200 KB document coded at a normal pace is slow, not hung.

    python bench/fuzz.py [--n 1000] [--seed 7] [--limit 20] [--chars-per-second 5000]
                         [--kinds cjk,mojibake] [--json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

WORDS = ["Japan", "China", "accused", "met", "said", "the", "minister", "of", "in", "Beijing",
         "sanctions", "troops", "talks", "on", "Monday", "Kim", "Putin", "attacked", "a", "and"]
SCRIPTS = ["Москва", "北京", "東京", "서울", "القاهرة", "ירושלים", "Αθήνα", "नई दिल्ली", "Kyiv",
           "İstanbul", "Đà Nẵng"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u200e", "\u200f", "\u061c"]
TAGS = ["div", "p", "span", "b", "i", "a", "table", "td", "script", "style", "li"]


def _sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def _binary(rng: random.Random) -> str:
    return rng.randbytes(rng.randint(1, 4000)).decode("latin-1")


def _utf16(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(5)).encode("utf-16").decode("latin-1")


def _html_junk(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(5, 300)):
        tag = rng.choice(TAGS)
        parts.append(rng.choice([f"<{tag}>", f"</{tag}>", f"<{tag} class='x\"", "&amp;", "&#x0;",
                                 "&#xD800;", "<!--", "-->", "<![CDATA[", "]]>", "<?xml?>",
                                 "<?>", "\x08", "\x1b", _sentence(rng, 5), "<", ">", "&"]))
    return "".join(parts)


def _bidi(rng: random.Random) -> str:
    return "".join(rng.choice(BIDI) + w for w in _sentence(rng, 40).split())


def _long_run(rng: random.Random) -> str:
    unit = rng.choice(["a", " ", ".", "Japan ", "ab ", "\n", "-", "'"])
    return unit * (200_000 // len(unit))


def _quote_storm(rng: random.Random) -> str:
    marks = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u300c"]
    return "".join(rng.choice(marks) + (rng.choice(WORDS) if rng.random() < 0.5 else "")
                   for _ in range(rng.randint(100, 5000)))


def _mixed_script(rng: random.Random) -> str:
    return " ".join(rng.choice(SCRIPTS + WORDS) for _ in range(rng.randint(10, 2000))) + "."


def _html_comments(rng: random.Random) -> str:
    return rng.choice(["<!---->", "<!-- -->", "<!--x-->", "<!--"]) * rng.randint(10, 400)


def _cjk(rng: random.Random) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(30_000))


def _nested(rng: random.Random) -> str:
    depth = rng.randint(100, 5000)
    tag = rng.choice(TAGS)
    return f"<{tag}>" * depth + _sentence(rng) + f"</{tag}>" * rng.choice([0, depth])


def _nul(rng: random.Random) -> str:
    return "\x00".join(_sentence(rng).split()) + "\x00" * rng.randint(0, 1000)


def _surrogates(rng: random.Random) -> str:
    return "".join(chr(rng.randint(0xD800, 0xDFFF)) if rng.random() < 0.3 else w + " "
                   for w in _sentence(rng, 30).split())


def _mojibake(rng: random.Random) -> str:
    text = " ".join(_sentence(rng) for _ in range(5)) + " “Café” — naïve"
    return text.encode("utf-8").decode("latin-1") * rng.randint(1, 50)


def _one_word(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghij") for _ in range(rng.randint(1000, 100_000)))


def _whitespace(rng: random.Random) -> str:
    return "".join(rng.choice([" ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\u200b"])
                   for _ in range(rng.randint(1, 20_000)))


# kind -> (generator, weight); the slow kinds (200 KB, 30k CJK) are drawn less often
KINDS: dict[str, tuple[Callable[[random.Random], str], int]] = {
    "empty": (lambda rng: "", 2), "binary": (_binary, 8), "utf16": (_utf16, 8),
    "html_junk": (_html_junk, 10), "bidi": (_bidi, 8), "long_run": (_long_run, 2),
    "quote_storm": (_quote_storm, 8), "mixed_script": (_mixed_script, 8),
    "html_comments": (_html_comments, 6), "cjk": (_cjk, 2), "nested_tags": (_nested, 6),
    "nul": (_nul, 8), "lone_surrogates": (_surrogates, 8), "mojibake": (_mojibake, 8),
    "one_word": (_one_word, 4), "whitespace": (_whitespace, 4),
}


def documents(n: int, seed: int, kinds: list[str] | None = None) -> list[tuple[str, str]]:
    """``n`` (kind, text) pairs drawn from ``seed``: the same seed gives the same documents."""
    rng = random.Random(seed)
    names = kinds or list(KINDS)
    weights = [KINDS[k][1] for k in names]
    return [(kind, KINDS[kind][0](rng)) for kind in rng.choices(names, weights, k=n)]


def _code_loop(coder: Any, conn: Connection, server_end: Connection) -> None:
    """The forked coding process: code each text, answer its status or the crash's stack."""
    server_end.close()
    while True:
        try:
            doc_id, text = conn.recv()
        except EOFError:
            return
        try:
            doc = coder.code(text, doc_id=doc_id)
            conn.send(("ok", getattr(doc, "status", None), len(doc.events)))
        except Exception:
            conn.send(("crash", traceback.format_exc(), 0))


class Runner:
    """A forked coding process, killed and forked again when a document overruns."""

    def __init__(self, coder: Any, limit: float, chars_per_second: float) -> None:
        self.coder, self.limit, self.chars_per_second = coder, limit, chars_per_second
        self.process: Any = None
        self.conn: Connection | None = None

    def code(self, doc_id: str, text: str) -> tuple[str, Any, int]:
        if self.process is None or not self.process.is_alive():
            self._fork()
        assert self.conn is not None
        self.conn.send((doc_id, text))
        if not self.conn.poll(self.limit + len(text) / self.chars_per_second):
            self.stop()
            return ("hang", None, 0)
        try:
            return self.conn.recv()
        except EOFError:
            code = self.process.exitcode if self.process else None
            self.stop()
            return ("crash", f"the coding process died (exit code {code})", 0)

    def _fork(self) -> None:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        self.process = context.Process(target=_code_loop, args=(self.coder, child, parent),
                                       daemon=True)
        self.process.start()
        child.close()
        self.conn = parent

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.process, self.conn = None, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="documents to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=float, default=20.0,
                        help="seconds any document may take before it counts as a hang")
    parser.add_argument("--chars-per-second", type=float, default=5_000.0,
                        help="each character adds 1/this to a document's limit, so a long "
                             "document coded at a normal pace is no hang (spaCy alone parses "
                             "about 20,000 characters of prose a second here, and runs of "
                             "short junk words at a third of that)")
    parser.add_argument("--kinds", help=f"only these kinds, comma-separated ({', '.join(KINDS)})")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()
    kinds = args.kinds.split(",") if args.kinds else None
    if kinds and not set(kinds) <= set(KINDS):
        parser.error(f"unknown kinds: {', '.join(sorted(set(kinds) - set(KINDS)))}")

    from eventwire.coder import Coder

    docs = documents(args.n, args.seed, kinds)
    runner = Runner(Coder(), args.limit, args.chars_per_second)
    problems: list[dict[str, Any]] = []
    statuses: Counter[str] = Counter()
    slowest: dict[str, float] = {}
    started = time.monotonic()
    try:
        for number, (kind, text) in enumerate(docs):
            doc_id = f"fuzz-{number}-{kind}"
            began = time.monotonic()
            outcome, detail, _ = runner.code(doc_id, text)
            took = time.monotonic() - began
            slowest[kind] = max(slowest.get(kind, 0.0), round(took, 1))
            if outcome == "ok" and detail in ("ok", "failed"):
                statuses[detail] += 1
                continue
            problem = {"doc": doc_id, "kind": kind, "chars": len(text),
                       "problem": "no status" if outcome == "ok" else outcome,
                       "detail": detail, "seconds": round(took, 1)}
            problems.append(problem)
            print(f"{problem['problem'].upper()} {doc_id} ({len(text)} chars, {took:.1f} s)"
                  + (f"\n{detail}" if isinstance(detail, str) else ""), file=sys.stderr)
    finally:
        runner.stop()
    count = Counter(p["problem"] for p in problems)
    summary = {"documents": len(docs), "seed": args.seed, "limit_s": args.limit,
               "chars_per_second": args.chars_per_second,
               "seconds": round(time.monotonic() - started, 1), "ok": statuses["ok"],
               "failed": statuses["failed"], "crashes": count["crash"], "hangs": count["hang"],
               "no_status": count["no status"], "slowest_s_by_kind": slowest,
               "problems_by_kind": dict(Counter(p["kind"] for p in problems))}
    print(json.dumps(summary, indent=None if args.json else 2))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
