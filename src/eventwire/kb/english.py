"""How common an English word is, from wordfreq's packaged frequency list.

Several stages ask whether a string is an ordinary English word: the text normaliser
(a word glued to the next one), the verb lexicon (a lemma the lemmatiser got wrong).
The list loads on first use; most texts never need it.
"""

from __future__ import annotations

import math
from functools import lru_cache


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def word_zipf(word: str) -> float:
    """Zipf frequency of one word (0 for a string English does not use, ~7 for "the")."""
    frequency = _frequencies().get(word.lower(), 0.0)
    return math.log10(frequency) + 9.0 if frequency > 0 else 0.0
