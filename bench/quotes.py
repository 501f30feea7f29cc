"""Quote attribution against PolNeAR: are annotated attributions found, and by whom?

Each article is normalised and run through the stages attribution needs
(actors, coreference, quotes). An annotated attribution is *found* when a
coded quote's text overlaps its content; a found attribution has the *right
speaker* when the coded speaker's words overlap the annotated source, or the
speaker resolves to the same entity as a mention inside that source (a source
"who" stands for the noun its relative clause describes). Only the
first annotator of an article counts. Shares are reported for every annotated
attribution, for those whose cue is a reporting word of eventwire's cue table
("speech"), and for those whose content holds a double quote mark ("direct");
*actor* is the share of found attributions whose speaker resolved to a known
actor (a mention with a name or country code), not just to words in the text.

    python bench/quotes.py [--n N] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.components.quotes import load_lexicon
from eventwire.normalise import NormalisedText, normalise
from eventwire.pipeline import build_nlp

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "data" / "tests" / "polnear_quotes_train_dev.jsonl.gz"
# Stages attribution depends on; the others are switched off to save time.
NEEDED = ("eventwire_actors", "eventwire_coref", "eventwire_quotes")
QUOTE_MARKS = ('"', "\u201c", "\u201d")
SUBSETS = ("all", "speech", "direct")

Offsets = list[list[int]]


def load_articles(n: int | None, path: Path = POLNEAR) -> Iterator[dict[str, Any]]:
    """PolNeAR articles with their first annotator's attributions, in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for count, line in enumerate(lines):
            if n is not None and count >= n:
                return
            yield json.loads(line)


def overlaps(spans: Offsets, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def score_article(nlp: Language, article: dict[str, Any], tally: Counter) -> None:
    """Add one article's counts to ``tally`` (keys: subset/measure)."""
    norm = normalise(article["text"], is_html=False)
    doc = nlp(norm.text)
    coded = list(_coded(doc, norm))
    tally["quotes"] += len(coded)
    annotations = article["annotations"][0]["attributions"] if article["annotations"] else []
    gold = [a for a in annotations if a.get("content")]
    for quote in coded:
        tally["quotes_matched"] += any(
            overlaps(a["content"]["offsets"], quote["start"], quote["end"]) for a in gold)
    cue_words = _cue_words(doc, norm)
    for attribution in gold:
        subsets = ["all"]
        cue = attribution.get("cue")
        if cue and any(overlaps(cue["offsets"], s, e) for s, e in cue_words):
            subsets.append("speech")
        if any(mark in attribution["content"]["text"] for mark in QUOTE_MARKS):
            subsets.append("direct")
        hits = [q for q in coded if overlaps(attribution["content"]["offsets"], q["start"],
                                             q["end"])]
        source = attribution.get("source")
        right = bool(hits and source) and any(
            _same_speaker(q, _with_antecedent(source["offsets"], doc, norm), doc, norm)
            for q in hits)
        for subset in subsets:
            tally[f"{subset}/gold"] += 1
            tally[f"{subset}/found"] += bool(hits)
            tally[f"{subset}/found_with_source"] += bool(hits and source)
            tally[f"{subset}/right_speaker"] += right
            tally[f"{subset}/actor_speaker"] += bool(hits and source) and any(
                q["speaker"] is not None and (q["speaker"].get("name") or q["speaker"].get("code"))
                for q in hits)


def _coded(doc: Doc, norm: NormalisedText) -> Iterator[dict[str, Any]]:
    mentions = doc._.ew_mentions or []
    for raw in doc._.ew_quotes or []:
        speaker = mentions[raw["speaker"]] if raw["speaker"] is not None else None
        named = raw.get("speaker_span")
        yield {"start": norm.to_source(raw["start_char"]),
               "end": norm.to_source_end(raw["end_char"]), "speaker": speaker,
               "named": [norm.to_source(named[0]), norm.to_source_end(named[1])] if named else None}


def _cue_words(doc: Doc, norm: NormalisedText) -> Offsets:
    """Source offsets of the document's words that are in the cue table."""
    lexicon = load_lexicon()
    first_words = {cue.split()[0] for cue in lexicon.preps}
    return [[norm.to_source(t.idx), norm.to_source_end(t.idx + len(t))] for t in doc
            if t.lemma_.lower() in lexicon.verbs or t.lower_ in first_words]


def _with_antecedent(source: Offsets, doc: Doc, norm: NormalisedText) -> Offsets:
    """An annotated source "who"/"which" also stands for the noun its clause describes."""
    spans = list(source)
    for token in doc:
        start = norm.to_source(token.idx)
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and overlaps(
                source, start, start + len(token)):
            noun = token.head.head
            phrase = doc[noun.left_edge.i:noun.i + 1]
            spans.append([norm.to_source(phrase.start_char),
                          norm.to_source_end(phrase.end_char)])
    return spans


def _same_speaker(quote: dict[str, Any], source: Offsets, doc: Doc,
                  norm: NormalisedText) -> bool:
    named = quote["named"]
    if named and overlaps(source, *named):
        return True
    speaker = quote["speaker"]
    if speaker is None:
        return False
    start = norm.to_source(speaker["start_char"])
    end = norm.to_source_end(speaker["end_char"])
    if overlaps(source, start, end):
        return True
    name = speaker.get("name")
    return bool(name) and any(
        m.get("name") == name and overlaps(source, norm.to_source(m["start_char"]),
                                           norm.to_source_end(m["end_char"]))
        for m in doc._.ew_mentions or [])


def summary(tally: Counter, articles: int) -> dict[str, Any]:
    """The shares the docs report, from the raw counts."""
    def share(num: int, den: int) -> float | None:
        return round(num / den, 3) if den else None

    result: dict[str, Any] = {"articles": articles, "quotes_coded": tally["quotes"],
                              "quote_precision": share(tally["quotes_matched"], tally["quotes"])}
    for subset in SUBSETS:
        result[subset] = {
            "annotated": tally[f"{subset}/gold"],
            "found": share(tally[f"{subset}/found"], tally[f"{subset}/gold"]),
            "right_speaker": share(tally[f"{subset}/right_speaker"],
                                   tally[f"{subset}/found_with_source"]),
            "actor_speaker": share(tally[f"{subset}/actor_speaker"],
                                   tally[f"{subset}/found_with_source"]),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=None, help="score the first N articles only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not POLNEAR.is_file():
        print(f"PolNeAR not found at {POLNEAR}", file=sys.stderr)
        return 2
    nlp = build_nlp()
    nlp.select_pipes(enable=[p for p in nlp.pipe_names
                             if p in NEEDED or not p.startswith("eventwire_")])
    tally: Counter = Counter()
    articles = 0
    for article in load_articles(args.n):
        score_article(nlp, article, tally)
        articles += 1
    result = summary(tally, articles)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"PolNeAR: {articles} articles, {result['quotes_coded']} quotes coded, "
          f"{result['quote_precision']} of them on an annotated attribution")
    print(f"{'subset':8} {'annotated':>9} {'found':>6} {'right speaker':>13} {'actor':>6}")
    for subset in SUBSETS:
        row = result[subset]
        print(f"{subset:8} {row['annotated']:>9} {row['found']!s:>6} "
              f"{row['right_speaker']!s:>13} {row['actor_speaker']!s:>6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
