"""Text clean-up before parsing, keeping a map back to the source offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class NormalisedText:
    """``text`` is what the pipeline parses; ``source`` what offsets refer to.

    ``offsets[i]`` is the index in ``source`` of ``text[i]``; one extra entry
    maps the end of the text.
    """

    text: str
    source: str
    offsets: list[int]

    def to_source(self, index: int) -> int:
        return self.offsets[min(index, len(self.offsets) - 1)]


def normalise(text: str, is_html: bool | None = None) -> NormalisedText:
    return NormalisedText(text=text, source=text, offsets=list(range(len(text) + 1)))
