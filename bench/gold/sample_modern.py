"""Draw the candidate sentences of the modern-news gold, at random and reproducibly.

Sources (../shared/corpora, research use): the Guardian sample (249 articles, 2017-2019) and the
Reuters stories of 2020-02-25 (PLOVER story format). Each story is split into sentences by spaCy's
rule-based sentencizer (no statistical model, so the split never changes with a model version);
sentences of 6 to 80 words are kept. The two corpora are shuffled separately with SEED and then
interleaved (Guardian, Reuters, Guardian, ...), so both weigh the same whatever their size.
The first 1,500 candidates in this order were coded, every one (see README.md).

Usage: python bench/gold/sample_modern.py [--shared ../shared] [-o OUTPUT.jsonl]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

import spacy

SEED = 20261202
MIN_WORDS, MAX_WORDS = 6, 80


def guardian(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(story id, date, text) of the Guardian sample."""
    with zipfile.ZipFile(shared / "corpora" / "ngec_Guardian_SDF_sample.csv.zip") as archive:
        name = archive.namelist()[0]
        with archive.open(name) as raw:
            rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
            for row in rows:
                yield f"guardian-{row['']}", row["date"], row["text"]


def reuters(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(story id, date, text) of the Reuters 2020-02-25 stories."""
    path = shared / "corpora" / "fjty_reuters_2020-02-25_stories_plover_format.jsonl"
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            paragraphs = story["textInfo"]["textStory"]
            yield story["id"], story["date"], "\n".join(paragraphs)


def sentences(stories: Iterator[tuple[str, str, str]], corpus: str) -> list[dict]:
    """Every sentence of 6-80 words, with its story, date and position."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    out = []
    for story_id, date, text in stories:
        for paragraph in text.split("\n"):
            doc = nlp(paragraph)
            for sent in doc.sents:
                words = [t for t in sent if not t.is_punct and not t.is_space]
                if MIN_WORDS <= len(words) <= MAX_WORDS:
                    out.append({"corpus": corpus, "story": story_id, "date": date,
                                "text": sent.text.strip()})
    for number, item in enumerate(out):
        item["id"] = f"{item['story']}-s{number:05d}"
    return out


def interleave(*pools: list[dict]) -> list[dict]:
    """Round-robin over the shuffled pools until all are used."""
    rng = random.Random(SEED)
    shuffled = []
    for pool in pools:
        pool = list(pool)
        rng.shuffle(pool)
        shuffled.append(pool)
    out = []
    for index in range(max(len(p) for p in shuffled)):
        out.extend(pool[index] for pool in shuffled if index < len(pool))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("-o", "--output", type=Path,
                        default=Path(__file__).with_name("modern_candidates.jsonl"))
    args = parser.parse_args()
    pools = sentences(guardian(args.shared), "guardian"), sentences(reuters(args.shared), "reuters")
    ordered = interleave(*pools)
    with args.output.open("w", encoding="utf-8") as out:
        for rank, item in enumerate(ordered):
            out.write(json.dumps({"rank": rank, **item}, ensure_ascii=False) + "\n")
    print(f"{len(pools[0])} Guardian and {len(pools[1])} Reuters sentences -> {args.output}")


if __name__ == "__main__":
    main()
