"""Paths to eventwire's packaged data, found through importlib.resources."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """A file under ``eventwire/data`` (never relative to the working directory)."""
    return files("eventwire").joinpath("data", *parts)
