"""Exact and near-duplicate detection: hashes, MinHash signatures, the LSH index."""

from __future__ import annotations

from eventwire.dedup import (
    NearDuplicateIndex,
    band_keys,
    content_hash,
    from_bytes,
    signature,
    similarity,
    to_bytes,
)

STORY = (
    "Russian troops attacked Ukrainian villages near Kharkiv on Monday, regional officials "
    "said, and three people were killed. The governor said air defences shot down two drones "
    "overnight and that the shelling damaged a school and a hospital in the north of the region. "
    "Talks between the two sides are due to resume in Istanbul next week, diplomats said."
)
OTHER = (
    "Japan and South Korea agreed on Tuesday to deepen security cooperation, the two leaders "
    "said after a summit in Nara, where they also discussed trade, supply chains and tourism."
)


def test_exact_duplicates_ignore_spacing_only():
    assert content_hash(STORY) == content_hash("  " + STORY.replace(" ", "\n  ", 3) + "\n")
    assert content_hash(STORY) != content_hash(STORY.lower())


def test_republished_story_is_near_but_unrelated_story_is_not():
    republished = "UPDATE 2-Russian forces hit villages\n" + STORY + " (Reporting by staff)"
    assert similarity(signature(STORY), signature(republished)) >= 0.8
    assert similarity(signature(STORY), signature(OTHER)) < 0.2


def test_signature_round_trips_through_bytes_and_is_deterministic():
    sig = signature(STORY)
    assert (from_bytes(to_bytes(sig)) == sig).all()
    assert band_keys(sig) == band_keys(signature(STORY))


def _index(stored: dict[str, str]) -> NearDuplicateIndex:
    sigs = {doc_id: signature(text) for doc_id, text in stored.items()}
    bands: dict[int, list[str]] = {}
    for doc_id, sig in sigs.items():
        for key in band_keys(sig):
            bands.setdefault(key, []).append(doc_id)
    return NearDuplicateIndex(
        lambda keys: {k: bands[k] for k in keys if k in bands},
        lambda ids: {i: to_bytes(sigs[i]) for i in ids if i in sigs})


def test_index_finds_stored_and_same_batch_duplicates_in_order():
    headlines = [f"Headline number {n}: attack near Kharkiv\n" for n in range(10)]
    batch = [("other", signature(OTHER))] + [
        (f"copy{n}", signature(h + STORY)) for n, h in enumerate(headlines)]
    found = _index({"original": STORY}).check(batch)
    assert found[0] is None
    assert all(m is not None and m.doc_id == "original" for m in found[1:])

    found = _index({}).check(batch)
    assert found[0] is None and found[1] is None
    assert all(m is not None and m.doc_id == "copy0" for m in found[2:])
