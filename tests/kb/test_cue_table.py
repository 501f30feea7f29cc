"""The modality cue table reads one category per cue: a second row for the same relation and
word would silently override the first (the table loads into a dict)."""

from collections import defaultdict

from eventwire.kb.tables import read_tsv


def test_each_cue_has_one_category():
    categories: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in read_tsv("modality", "cues.tsv"):
        categories[(row["relation"], row["literal"])].add(row["category"])
    conflicting = {cue: sorted(found) for cue, found in categories.items() if len(found) > 1}
    assert not conflicting, conflicting
