"""Coded error messages and the exceptions eventwire raises.

The CLI maps ``UsageError`` to exit code 2; an ``InputError`` fails one
document (exit code 1 at the end of the run) while the others go on.
"""

from __future__ import annotations


class Errors:
    E001 = "[E001] {source}: file not found"
    E002 = "[E002] {source}: empty document"
    E003 = "[E003] {source}: looks like binary data, not text"
    E004 = "[E004] {source}: not valid UTF-8 ({reason})"
    E005 = "[E005] {source}: malformed JSON ({reason})"
    E006 = "[E006] {source}: document of {size} characters exceeds the limit of {limit}"
    E007 = "[E007] {source}: record has no text field"
    E008 = "[E008] {source}: no main text could be extracted from HTML"
    E009 = "[E009] {source}: {reason}"
    E010 = "[E010] unknown spaCy model {model!r}: install it or name another"
    E011 = "[E011] {source}: is a directory; code one file, or ingest a corpus"
    E012 = "[E012] {source}: invalid date {value!r} (use YYYY-MM-DD)"
    E013 = "[E013] {source}: file of {size} bytes exceeds the reader limit of {limit}"
    E014 = "[E014] {source}: not coded, failed {tries} times: {reason}"
    E015 = "[E015] {source}: {what} of {size} exceeds the reader limit ({option} {limit}); skipped"
    E016 = "[E016] {source}: malformed CSV row ({reason}); skipped"
    E017 = "[E017] {source}: coding failed in {error}"
    E018 = "[E018] {source}: no words to code (the text has no letters)"
    E019 = "[E019] {source}: actor dictionary: {reason}"


class EventwireError(Exception):
    """Base class of eventwire's own errors."""


class InputError(EventwireError):
    """One input document cannot be coded; the run goes on without it."""


class UsageError(EventwireError):
    """The command was called wrongly (missing path, bad option)."""


class DataError(EventwireError):
    """Packaged knowledge is missing or malformed."""
