"""Build eventwire's event knowledge from the reference tables.

Reads (from ``--shared``, default ../shared):
  data/cameo/CAMEO.2.0.txt           PETRARCH2 verb dictionary (MIT, OEDA)
  data/plover/CAMEO2PLOVER-2021.txt  CAMEO -> PLOVER event, mode, context (CC BY-SA 4.0)
  data/cameo/cameo_codes.csv         CAMEO names and Goldstein scores

Writes (deterministic, sorted; the output is committed):
  src/eventwire/data/events/verbs.tsv          verb form -> block, default code
  src/eventwire/data/events/verb_patterns.jsonl one row per pattern: block, pre, post, code
  src/eventwire/data/events/cameo.tsv   CAMEO code -> Goldstein, PLOVER event/mode/context

Run: python scripts/build_events.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "events"

BLOCK_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE_RE = re.compile(r"\[([^\]]*)\]")
# CAMEO 08 splits: 081-083 are verbal concessions, 084-087 material retreats.
YIELD_SPLIT = {"081": "CONCEDE", "082": "CONCEDE", "083": "CONCEDE"}


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def primary_code(raw: str) -> str | None:
    """The source->target code of a PETRARCH code field ('042:043' -> '042')."""
    code = raw.strip().split(":")[0].strip()
    if not code or code == "---" or not code.isdigit():
        return None
    return code


def word(token: str) -> str:
    return token.rstrip("_").replace("_", " ").lower()


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME blocks: each '+WORD' line is a member (underscores join words)."""
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        text = strip_comment(line).strip()
        if text.startswith("&"):
            current = text.split()[0]
            synsets[current] = []
        elif text.startswith("+") and current:
            synsets[current].append(word(text[1:].split()[0]))
        elif not text:
            continue
        else:
            current = None
    return synsets


def tokenize_pattern(side: str) -> list[str]:
    """Split a pattern side into tokens, keeping {compound phrases} together."""
    return re.findall(r"\{[^}]*\}|[^\s(){}]+", side)


def slots(side: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    """One slot per pattern element; a slot lists alternative (multi-)word strings."""
    result: list[list[str]] = []
    for tok in tokenize_pattern(side):
        if tok in {"$", "+", "^", "%"} or tok.startswith("^"):
            continue
        if tok.startswith("{"):
            inner = tok[1:-1].split()
            words = []
            for part in inner:
                if part.startswith("&"):
                    members = synsets.get(part)
                    words.append(members[0] if members else part[1:].lower())
                else:
                    words.append(word(part))
            result.append([" ".join(words)])
        elif tok.startswith("&"):
            members = synsets.get(tok.rstrip("_"), synsets.get(tok))
            if members:
                result.append(sorted(set(members)))
        else:
            result.append([word(tok)])
    return result


def parse_verbs(lines: list[str], synsets: dict[str, list[str]]) -> tuple[list, list]:
    verbs: list[tuple[str, str, str]] = []  # form, block, default code
    patterns: list[dict] = []
    block = None
    block_code = None
    for raw in lines:
        line = raw.rstrip("\n")
        m = BLOCK_RE.match(line)
        if m:
            block, block_code = m.group(1), primary_code(m.group(2)) or ""
            continue
        if block is None:
            continue
        text = strip_comment(line)
        if not text.strip():
            continue
        if text.startswith("-"):
            m = CODE_RE.search(text)
            if not m or "*" not in text:
                continue
            body = text[1:m.start()]
            pre, post = body.split("*", 1)
            patterns.append({
                "block": block,
                "pre": slots(pre, synsets),
                "post": slots(post, synsets),
                "code": primary_code(m.group(1)) or "",
            })
            continue
        # a verb line: FORM [{IRREGULAR FORMS}] [[code]]
        code_m = CODE_RE.search(text)
        own = primary_code(code_m.group(1)) if code_m else None
        if code_m and code_m.group(1).strip() == "---":
            own = ""
        head = text[: code_m.start()] if code_m else text
        forms_m = re.search(r"\{([^}]*)\}", head)
        base = head[: forms_m.start()] if forms_m else head
        base = base.split()[0] if base.split() else ""
        if not base:
            continue
        code = own if own is not None else block_code
        if base.startswith("+"):
            # multi-word verb (ASK_FOR): the first word is the verb, the rest a pattern
            parts = word(base[1:]).split()
            verbs.append((parts[0], block, block_code or ""))
            patterns.append({"block": block, "pre": [], "post": [[p] for p in parts[1:]],
                             "code": code or ""})
            continue
        verbs.append((word(base), block, code or ""))
        if forms_m:
            for form in forms_m.group(1).split():
                if not form.startswith("+"):
                    verbs.append((word(form), block, code or ""))
    return verbs, patterns


def parse_cameo2plover(path: Path) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        text = strip_comment(line).strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", text)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        event, mode, context = parts[:3]
        if event:
            table[m.group(1)] = (event, mode, context)
    return table


def plover_for(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """PLOVER type of a CAMEO code: the most specific row of the table, else rules.

    CAMEO 02 (appeals) is REQUEST: PLOVER's REQUEST covers all requests.
    CAMEO 01 (statements) is not an event.
    """
    for length in (4, 3, 2):
        key = code[:length]
        if len(key) == length and key in table:
            event, mode, context = table[key]
            if code[:2] == "08" and key == "08":
                event = YIELD_SPLIT.get(code[:3], "RETREAT")
            return event, mode, context
    if code.startswith("02"):
        return "REQUEST", "", ""
    if code.startswith("08"):
        return YIELD_SPLIT.get(code[:3], "RETREAT"), "", ""
    return "", "", ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_shared = Path(__file__).resolve().parents[2] / "shared"
    parser.add_argument("--shared", type=Path, default=default_shared)
    args = parser.parse_args()
    lines = (args.shared / "data/cameo/CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = parse_synsets(lines[:start])
    verbs, patterns = parse_verbs(lines[start:], synsets)
    table = parse_cameo2plover(args.shared / "data/plover/CAMEO2PLOVER-2021.txt")
    OUT.mkdir(parents=True, exist_ok=True)

    with open(OUT / "verbs.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# verb form -> PETRARCH2 verb block and default CAMEO code (empty: no event)\n")
        f.write("# Derived from CAMEO.2.0.txt (MIT, Open Event Data Alliance) by build_events.py\n")
        f.write("form\tblock\tcode\n")
        for form, block, code in sorted(set(verbs)):
            f.write(f"{form}\t{block}\t{code}\n")

    with open(OUT / "verb_patterns.jsonl", "w", encoding="utf-8") as f:
        seen = set()
        for pattern in patterns:
            line = json.dumps(pattern, sort_keys=True)
            if line not in seen:
                seen.add(line)
                f.write(line + "\n")

    with open(args.shared / "data/cameo/cameo_codes.csv", encoding="utf-8") as f:
        cameo_rows = list(csv.DictReader(f))
    with open(OUT / "cameo.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# CAMEO code -> name, Goldstein score, PLOVER event, mode, context\n")
        f.write("# From cameo_codes.csv and CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, OEDA)\n")
        f.write("cameo\tname\tgoldstein\tevent\tmode\tcontext\n")
        for row in sorted(cameo_rows, key=lambda r: r["code"]):
            code = row["code"].strip()
            event, mode, context = plover_for(code, table)
            name = row.get("name", "").strip().replace("\t", " ")
            goldstein = row.get("goldstein", "").strip()
            f.write("\t".join((code, name, goldstein, event, mode, context)) + "\n")
    print(f"{len(set(verbs))} verb forms, {len(seen)} patterns, {len(cameo_rows)} CAMEO codes")


if __name__ == "__main__":
    main()
