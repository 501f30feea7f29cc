"""Score event linking against the hand-labelled gold, bench/gold/linking.jsonl.

The gold holds event mentions in candidate groups; mentions of one group with the same
``cluster`` report one real-world event, the others do not. A linker gets every mention of the
chosen part at once (all groups and corpora together) and is scored on the labelled pairs,
which are the pairs inside a group: pairwise precision, recall and F1, and B-cubed precision,
recall and F1 over the mentions (each mention's clusters cut to its own group, micro-averaged).
Links a linker makes between mentions of two groups are counted apart, not as errors: the gold
does not say that two groups report different events (see bench/gold/README.md).

Two linkers are scored: eventwire's ``eventwire.linking.link_events`` when the module exists,
and the analysts' baseline (one event per directed dyad of country codes, PLOVER type and day).

    python bench/linking.py [--gold bench/gold/linking.jsonl] [--part dev|test|all] [--json]
                            [--misses N] [--reasons] [--thresholds T [T ...]] [--round R]
                            [--folds K]

``--misses N`` (dev part only: the test part is never read mention by mention) prints, after
the table, up to N same-event pairs eventwire's linker left apart and up to N pairs it linked
wrongly, each with both mentions' type, date and precision, actor and recipient codes, place
and sentence, to find what the linker misses. ``--thresholds`` (dev part only) prints
eventwire's pairwise and B-cubed figures with the join threshold set to each value, the
precision/recall curve the threshold in ``linking.json`` is chosen on. ``--round R`` keeps
only the groups of one labelling round (1 to 6; the round is in each mention id, ``-r2-`` to
``-r6-`` before the event number, none in the first), to watch a new round's groups alone.
``--folds K`` (dev part only) estimates how the join threshold carries to unseen groups:
the dev groups fall in K folds (a group, and so each labelled pair, wholly in one), each
fold is scored at the threshold that gives the best pairwise F1 on the other K-1 folds, and
the held-out counts are pooled into one precision, recall and F1. The whole part is linked
at once at every threshold of the grid (``--thresholds``, or ``CV_THRESHOLDS``), as linking
uses no labels; only the choice of threshold sees them. ``--reasons`` (any part: counts
only) counts the same-event pairs the linker left apart by the first check that kept them
apart (other families, dates out of the window, conflicting dyads, other modes, a standing
act and a dated one, two acts of one story not coreferent, a score below the threshold, or
the clustering), to see where a part's recall goes without reading its mentions.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from eventwire.evaluate import part_of
from eventwire.records import Event

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "bench" / "gold" / "linking.jsonl"
CORPORA = ("reuters2020", "guardian", "reuters1987")
DOC_FIELDS = ("doc_id", "date", "url", "source", "title")

CV_THRESHOLDS = tuple(round(0.30 + 0.025 * n, 3) for n in range(21))  # 0.30 .. 0.80
_ROUND = re.compile(r"-r(\d+)-")  # "-r3-" before the event number: a later round's mention

Linker = Callable[[Sequence[Event], Mapping[str, Any]], dict[str, str]]


@dataclass(frozen=True)
class Mention:
    """One labelled event mention of the gold."""

    mention_id: str
    group: str
    cluster: str
    corpus: str
    doc: dict[str, Any]
    event: dict[str, Any]

    @property
    def part(self) -> str:
        """Dev or test, decided per group so that a group is never split."""
        return part_of(self.group)

    @property
    def round(self) -> int:
        """The labelling round the mention came in (1 without a round mark)."""
        found = _ROUND.search(self.mention_id)
        return int(found.group(1)) if found else 1

    def to_event(self) -> Event:
        """The coded event, with the mention's unique id and its story version's doc id."""
        return Event.from_dict({**self.event, "id": self.mention_id,
                                "doc_id": self.doc["doc_id"]})


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 with the counts they come from."""

    precision: float
    recall: float
    f1: float
    support: int  # labelled pairs (pairwise) or mentions (B-cubed)

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.support}


def read_gold(path: Path) -> list[Mention]:
    """Every mention of the gold file; a malformed line is reported with its number."""
    mentions, seen = [], set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                mention = Mention(row["mention_id"], row["group"], row["cluster"], row["corpus"],
                                  row["doc"], row["event"])
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{number}: not a gold mention ({error})") from error
            if mention.mention_id in seen:
                raise ValueError(f"{path}:{number}: mention {mention.mention_id} repeated")
            seen.add(mention.mention_id)
            mentions.append(mention)
    return mentions


def select(mentions: Iterable[Mention], part: str,
           round_: int | None = None) -> list[Mention]:
    """The mentions of one part (``dev``, ``test``) or all of them (``all``), and of one
    labelling round's groups when ``round_`` is given."""
    chosen = [m for m in mentions if part == "all" or m.part == part]
    if round_ is None:
        return chosen
    groups = {m.group for m in chosen if m.round == round_}
    return [m for m in chosen if m.group in groups]


def gold_pairs(mentions: Sequence[Mention]) -> dict[tuple[str, str], bool]:
    """Every labelled pair (the pairs inside a group): True when one real-world event."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.group].append(mention)
    pairs = {}
    for members in groups.values():
        for a, b in combinations(sorted(members, key=lambda m: m.mention_id), 2):
            pairs[(a.mention_id, b.mention_id)] = a.cluster == b.cluster
    return pairs


def _prf(true_positive: float, predicted: float, relevant: float, support: int) -> Scores:
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / relevant if relevant else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, support)


def pairwise(mentions: Sequence[Mention], predicted: Mapping[str, str]) -> Scores:
    """Pairwise scores over the labelled pairs; a mention the linker left out is alone."""
    pairs = gold_pairs(mentions)
    linked = {key: _same(predicted, *key) for key in pairs}
    true_positive = sum(1 for key, same in pairs.items() if same and linked[key])
    return _prf(true_positive, sum(linked.values()), sum(pairs.values()), len(pairs))


def bcubed(mentions: Sequence[Mention], predicted: Mapping[str, str]) -> Scores:
    """B-cubed scores: per mention, its gold and predicted clusters within its own group."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.group].append(mention)
    precision = recall = 0.0
    for members in groups.values():
        for m in members:
            gold = {o.mention_id for o in members if o.cluster == m.cluster}
            guess = {o.mention_id for o in members if _same(predicted, m.mention_id, o.mention_id)}
            guess.add(m.mention_id)
            precision += len(gold & guess) / len(guess)
            recall += len(gold & guess) / len(gold)
    count = len(mentions)
    if not count:
        return Scores(0.0, 0.0, 0.0, 0)
    p, r = precision / count, recall / count
    return Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0, count)


def cross_group_links(mentions: Sequence[Mention], predicted: Mapping[str, str]) -> int:
    """Predicted links between mentions of different groups (not labelled either way)."""
    by_cluster: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.mention_id in predicted:
            by_cluster[predicted[mention.mention_id]].append(mention)
    links = 0
    for members in by_cluster.values():
        sizes: dict[str, int] = defaultdict(int)
        for mention in members:
            sizes[mention.group] += 1
        total = len(members)
        links += (total * (total - 1) - sum(n * (n - 1) for n in sizes.values())) // 2
    return links


def _same(predicted: Mapping[str, str], a: str, b: str) -> bool:
    return a in predicted and b in predicted and predicted[a] == predicted[b]


def baseline(events: Sequence[Event], docs: Mapping[str, Any]) -> dict[str, str]:
    """The analysts' rule: one event per actor countries -> recipient countries, type and day."""
    def countries(entities: Iterable[Any]) -> str:
        return "+".join(sorted({e.code for e in entities if e.code}))

    return {e.id: f"{countries(e.actor)}>{countries(e.recipient)}|{e.event}|{(e.date or '')[:10]}"
            for e in events}


def eventwire_linker() -> tuple[Linker, Callable[..., Any]] | None:
    """eventwire's ``link_events`` and ``DocInfo``, or None when this eventwire has no linking."""
    try:
        linking = importlib.import_module("eventwire.linking")
    except ModuleNotFoundError as error:
        if error.name != "eventwire.linking":
            raise
        return None
    return linking.link_events, linking.DocInfo


def doc_infos(mentions: Iterable[Mention], make: Callable[..., Any]) -> dict[str, Any]:
    """One doc info per story version, built by ``make`` (DocInfo or a stand-in)."""
    return {m.doc["doc_id"]: make(**{k: m.doc.get(k) for k in DOC_FIELDS}) for m in mentions}


def score(mentions: Sequence[Mention], predicted: Mapping[str, str]) -> dict[str, Any]:
    """All figures of one linker on some mentions, overall and per corpus."""
    rows = {}
    for corpus in ("all", *CORPORA):
        subset = [m for m in mentions if corpus == "all" or m.corpus == corpus]
        pairs = gold_pairs(subset)
        rows[corpus] = {"mentions": len(subset), "pairs": len(pairs),
                        "same": sum(pairs.values()),
                        "pairwise": pairwise(subset, predicted).to_dict(),
                        "bcubed": bcubed(subset, predicted).to_dict(),
                        "cross_group_links": cross_group_links(subset, predicted)}
    return rows


def run(mentions: Sequence[Mention]) -> dict[str, Any]:
    """Every available linker on the mentions, fed all at once."""
    events = [m.to_event() for m in mentions]
    results: dict[str, Any] = {}
    found = eventwire_linker()
    if found is None:
        results["eventwire"] = None
    else:
        link_events, doc_info = found
        results["eventwire"] = score(mentions, link_events(events, doc_infos(mentions, doc_info)))
    results["baseline"] = score(mentions, baseline(events, doc_infos(mentions, dict)))
    return results


def describe(mention: Mention) -> str:
    """One mention as the miss listing shows it: what linking compares."""
    event = mention.to_event()

    def parties(entities: Iterable[Any]) -> str:
        return ",".join(f"{e.code or '?'}:{e.entity_text}" for e in entities) or "-"

    place = event.event_loc.name if event.event_loc is not None else "-"
    sentence = " ".join(event.text.split())
    return (f"{event.event} {event.date} ({event.date_precision}, published "
            f"{mention.doc.get('date')}) {parties(event.actor)} -> {parties(event.recipient)} "
            f"at {place}, modes {','.join(event.mode) or '-'}, trigger {event.event_text!r}\n"
            f"      {sentence}")


def misses(mentions: Sequence[Mention], predicted: Mapping[str, str], limit: int) -> str:
    """Up to ``limit`` missed and ``limit`` wrong links over the labelled pairs, described."""
    by_id = {m.mention_id: m for m in mentions}
    missed, wrong = [], []
    for (a, b), same in gold_pairs(mentions).items():
        linked = _same(predicted, a, b)
        if same and not linked:
            missed.append((a, b))
        elif linked and not same:
            wrong.append((a, b))
    lines = []
    for title, pairs in ((f"missed same-event pairs: {len(missed)}", missed),
                         (f"wrongly linked pairs: {len(wrong)}", wrong)):
        lines += ["", title]
        for a, b in pairs[:limit]:
            lines += [f"- {by_id[a].group}: {a} | {b}", f"  A {describe(by_id[a])}",
                      f"  B {describe(by_id[b])}"]
    return "\n".join(lines)


# Why eventwire's linker left a same-event pair apart, in the order its checks run.
MISS_REASONS = ("family", "dates", "dyad", "modes", "standing", "same document", "score",
                "clustering")


def miss_reasons(mentions: Sequence[Mention], predicted: Mapping[str, str]) -> dict[str, int]:
    """How many labelled same-event pairs the linker left apart, by the first check that
    kept them apart: other families, dates out of the window, conflicting dyads, other
    modes, a standing act and a dated one, two acts of one story not coreferent, a score
    below the threshold, or clustering (scored above it, but a member of the cluster vetoed
    the other or a better cluster won). Counts only, so it may be run on the test part."""
    linking = importlib.import_module("eventwire.linking")
    rules = linking.load_rules()
    features = {m.mention_id: linking.mention(m.to_event(), rules) for m in mentions}
    counts = dict.fromkeys(MISS_REASONS, 0)
    for (a, b), same in gold_pairs(mentions).items():
        if same and not _same(predicted, a, b):
            counts[_miss_reason(linking, rules, features[a], features[b])] += 1
    return counts


def _miss_reason(linking: Any, rules: Any, a: Any, b: Any) -> str:
    vetoed = linking.kept_apart(a, b, rules)
    if vetoed is not None:
        return vetoed
    value = linking.score(a, b, rules)
    if value is None:
        return "same document"
    return "score" if value < rules.threshold else "clustering"


def reasons_table(counts: Mapping[str, int]) -> str:
    """The miss reasons as a Markdown table."""
    rows = [f"| {reason} | {n} |" for reason, n in counts.items()]
    return "\n".join(["", "| missed same-event pairs kept apart by | pairs |", "|---|---|",
                      *rows, f"| all | {sum(counts.values())} |"])


def threshold_curve(mentions: Sequence[Mention], thresholds: Sequence[float]) -> str:
    """Eventwire's figures with the join threshold set to each value, as a table."""
    linking = importlib.import_module("eventwire.linking")
    rules = linking.load_rules()
    events = [m.to_event() for m in mentions]
    docs = doc_infos(mentions, linking.DocInfo)
    lines = ["", "| threshold | pair P | pair R | pair F1 | B3 F1 |", "|---|---|---|---|---|"]
    for value in thresholds:
        predicted = linking.link_events(events, docs,
                                        dataclasses.replace(rules, threshold=value))
        p, b = pairwise(mentions, predicted), bcubed(mentions, predicted)
        mark = "**" if value == rules.threshold else ""
        lines.append(f"| {mark}{value:.3f}{mark} | {p.precision:.3f} | {p.recall:.3f} "
                     f"| {p.f1:.3f} | {b.f1:.3f} |")
    return "\n".join(lines)


def folds_of(mentions: Iterable[Mention], k: int) -> dict[str, int]:
    """Group -> fold (0..k-1): groups in the order of a hash of their names dealt round
    the folds, so folds are of near-equal size, stable, and blind to labels and order."""
    groups = sorted({m.group for m in mentions},
                    key=lambda g: hashlib.sha256(g.encode("utf-8")).hexdigest())
    return {group: n % k for n, group in enumerate(groups)}


@dataclass(frozen=True)
class CrossValidation:
    """Pooled held-out pairwise scores and the threshold each fold was scored at."""

    scores: Scores
    chosen: tuple[float, ...]  # per fold


def cross_validate(mentions: Sequence[Mention], predictions: Mapping[float, Mapping[str, str]],
                   k: int) -> CrossValidation:
    """Grouped K-fold cross-validation of the threshold: ``predictions`` holds the
    clusters at each candidate threshold; each fold takes the threshold with the best
    pairwise F1 on the other folds (the lowest on a tie) and is scored at it."""
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    fold = folds_of(mentions, k)
    by_id = {m.mention_id: m for m in mentions}
    pairs = gold_pairs(mentions)
    # counts[threshold][fold] = [linked and same, linked, same]
    counts = {t: [[0, 0, 0] for _ in range(k)] for t in predictions}
    for threshold, predicted in predictions.items():
        for (a, b), same in pairs.items():
            row = counts[threshold][fold[by_id[a].group]]
            linked = _same(predicted, a, b)
            row[0] += same and linked
            row[1] += linked
            row[2] += same
    pooled, chosen = [0, 0, 0], []
    for held in range(k):
        def train_f1(threshold: float, held: int = held) -> float:
            rest = [sum(c[i] for f, c in enumerate(counts[threshold]) if f != held)
                    for i in range(3)]
            return _prf(rest[0], rest[1], rest[2], 0).f1
        best = max(sorted(predictions), key=lambda t: (train_f1(t), -t))
        chosen.append(best)
        pooled = [p + c for p, c in zip(pooled, counts[best][held], strict=True)]
    return CrossValidation(_prf(pooled[0], pooled[1], pooled[2], len(pairs)), tuple(chosen))


def threshold_predictions(mentions: Sequence[Mention],
                          thresholds: Sequence[float]) -> dict[float, dict[str, str]]:
    """Eventwire's clusters of all the mentions, linked at once, at each threshold."""
    linking = importlib.import_module("eventwire.linking")
    rules = linking.load_rules()
    events = [m.to_event() for m in mentions]
    docs = doc_infos(mentions, linking.DocInfo)
    return {t: linking.link_events(events, docs, dataclasses.replace(rules, threshold=t))
            for t in thresholds}


def cv_report(result: CrossValidation, k: int) -> str:
    """The cross-validation's figures as two lines."""
    s = result.scores
    return (f"\ncross-validation, {k} folds by group: pair P {s.precision:.3f} R {s.recall:.3f} "
            f"F1 {s.f1:.3f} ({s.support} pairs)\n"
            f"thresholds chosen per fold: {' '.join(f'{t:.3f}' for t in result.chosen)}")


def table(results: Mapping[str, Any], part: str) -> str:
    """The results as a Markdown table, one row per linker and corpus."""
    lines = [f"part: {part}", "",
             "| linker | corpus | mentions | pairs (same) | pair P | pair R | pair F1 "
             "| B3 P | B3 R | B3 F1 | cross-group links |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for linker, rows in results.items():
        if rows is None:
            lines.append(f"| {linker} | not available: eventwire.linking is missing "
                         "| | | | | | | | | |")
            continue
        for corpus, row in rows.items():
            p, b = row["pairwise"], row["bcubed"]
            lines.append(f"| {linker} | {corpus} | {row['mentions']} | {row['pairs']} "
                         f"({row['same']}) | {p['precision']:.3f} | {p['recall']:.3f} "
                         f"| {p['f1']:.3f} | {b['precision']:.3f} | {b['recall']:.3f} "
                         f"| {b['f1']:.3f} | {row['cross_group_links']} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--part", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", type=int, default=0, metavar="N",
                        help="list N missed and N wrong links of eventwire (dev part only)")
    parser.add_argument("--thresholds", type=float, nargs="+", metavar="T",
                        help="eventwire's figures at each join threshold (dev part only)")
    parser.add_argument("--round", type=int, dest="round_", metavar="R",
                        help="only the groups of labelling round R (1 to 6)")
    parser.add_argument("--reasons", action="store_true",
                        help="count eventwire's missed same-event pairs by what kept them "
                        "apart (counts only: any part)")
    parser.add_argument("--folds", type=int, metavar="K",
                        help="grouped K-fold cross-validation of the threshold over the grid "
                        "--thresholds or CV_THRESHOLDS (dev part only)")
    args = parser.parse_args(argv)
    if (args.misses or args.thresholds or args.folds) and args.part != "dev":
        print("error: --misses, --thresholds and --folds study the dev part only",
              file=sys.stderr)
        return 2
    if args.folds is not None and args.folds < 2:
        print("error: --folds needs at least 2 folds", file=sys.stderr)
        return 2
    try:
        mentions = select(read_gold(args.gold), args.part, args.round_)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    results = run(mentions)
    found = eventwire_linker()
    cv = None
    if args.folds and found is not None:
        grid = threshold_predictions(mentions, args.thresholds or CV_THRESHOLDS)
        cv = cross_validate(mentions, grid, args.folds)
    if args.json:
        output: dict[str, Any] = {"part": args.part, "linkers": results}
        if cv is not None:
            output["cross_validation"] = {"folds": args.folds, "chosen": list(cv.chosen),
                                          "pairwise": cv.scores.to_dict()}
        print(json.dumps(output, indent=2))
    else:
        print(table(results, args.part))
    if (args.misses or args.reasons) and found is not None:
        link_events, doc_info = found
        predicted = link_events([m.to_event() for m in mentions], doc_infos(mentions, doc_info))
        if args.misses:
            print(misses(mentions, predicted, args.misses))
        if args.reasons:
            print(reasons_table(miss_reasons(mentions, predicted)))
    if args.thresholds and not args.folds and found is not None:
        print(threshold_curve(mentions, args.thresholds))
    if cv is not None and not args.json:
        print(cv_report(cv, args.folds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
