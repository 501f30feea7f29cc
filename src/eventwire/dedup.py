"""Exact and near-duplicate detection, so a story is coded once however often it is published.

Exact duplicates share a content hash (the text with its spacing collapsed).
Near-duplicates (a wire story under another headline, with a changed
dateline or a trailing correction) share most word shingles: MinHash
signatures (datasketch) are split into LSH bands, documents that share a band
are candidates, and a candidate counts when the estimated Jaccard similarity
of their shingles reaches the threshold.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16  # 16 bands of 8 rows: a pair at 0.8 similarity is a candidate 95% of the time
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.8
SHINGLE_WORDS = 3
MAX_SIGNATURE_CHARS = 200_000  # enough to tell stories apart; bounds the cost of huge inputs
SEED = 1
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """Hash of a text with its spacing collapsed: equal for exact duplicates."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping word n-grams of the case-folded text."""
    words = _WORD.findall(text[:MAX_SIGNATURE_CHARS].casefold())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> np.ndarray:
    """MinHash signature of a text (NUM_PERM unsigned 32-bit values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band (band number mixed in)."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.mean(a == b))


@dataclass
class Match:
    """The earlier document a new one duplicates."""

    doc_id: str
    similarity: float


class NearDuplicateIndex:
    """Finds near-duplicates among a batch of new documents and those stored before.

    lookup_bands (Callable): band keys -> {key: [doc ids]} of stored documents.
    lookup_signatures (Callable): doc ids -> {doc id: signature bytes}.
    threshold (float): the least estimated similarity that makes a duplicate.
    """

    def __init__(self, lookup_bands: Callable[[Sequence[int]], dict[int, list[str]]],
                 lookup_signatures: Callable[[Sequence[str]], dict[str, bytes]],
                 threshold: float = THRESHOLD) -> None:
        self.lookup_bands = lookup_bands
        self.lookup_signatures = lookup_signatures
        self.threshold = threshold

    def check(self, batch: Sequence[tuple[str, np.ndarray]]) -> list[Match | None]:
        """For each (doc_id, signature) in ingest order: its match, or None if it is new.

        New documents in the batch become candidates for the later ones.
        """
        keys = {doc_id: band_keys(sig) for doc_id, sig in batch}
        stored = self.lookup_bands([k for ks in keys.values() for k in ks])
        candidates = {c for ids in stored.values() for c in ids}
        sigs = {c: from_bytes(s) for c, s in self.lookup_signatures(sorted(candidates)).items()}
        local: dict[int, list[str]] = {}
        out: list[Match | None] = []
        for doc_id, sig in batch:
            found = _best(sig, _candidates(keys[doc_id], stored, local), sigs, self.threshold)
            out.append(found)
            if found is None:
                sigs[doc_id] = sig
                for key in keys[doc_id]:
                    local.setdefault(key, []).append(doc_id)
        return out


def _candidates(keys: Iterable[int], *indexes: dict[int, list[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for index in indexes:
        for key in keys:
            seen.update(dict.fromkeys(index.get(key, ())))
    return list(seen)


def _best(sig: np.ndarray, candidates: Iterable[str], sigs: dict[str, np.ndarray],
          threshold: float) -> Match | None:
    best: Match | None = None
    for candidate in candidates:
        if candidate not in sigs:
            continue
        score = similarity(sig, sigs[candidate])
        if score >= threshold and (best is None or score > best.similarity):
            best = Match(candidate, round(score, 4))
    return best
