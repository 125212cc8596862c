"""Reading JSON that came from outside: bounded in depth and in size.

Python's JSON decoder recurses once per nested array or object, so a few kilobytes of
``[[[[...`` exhaust the interpreter's stack and end the program with a RecursionError. No file
reflect reads (a framework, a jrnl export, the data line of an exported entry) needs more than
a handful of levels, so anything deeper than :data:`MAX_DEPTH` is refused before it is
decoded, as is text longer than the caller allows.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: Deepest nesting accepted: far more than any reflect or jrnl file uses (a framework has 4).
MAX_DEPTH = 64
#: Longest text accepted unless the caller says otherwise (characters).
MAX_CHARS = 64_000_000

# A JSON string, unrolled ("normal* (escape normal*)*") so it is matched in one fast pass.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_OPENING_RUN = re.compile(r"[\[{]+")


class JSONLimitError(ValueError):
    """The JSON is nested too deeply or is too long to be read safely."""


def loads(text: str, *, max_depth: int = MAX_DEPTH, max_chars: int = MAX_CHARS) -> Any:
    """``json.loads`` that refuses, with :class:`JSONLimitError` (a ValueError), text longer
    than ``max_chars`` or nested deeper than ``max_depth``; other faults raise as
    ``json.loads`` raises them (``json.JSONDecodeError``, also a ValueError)."""
    if len(text) > max_chars:
        raise JSONLimitError(f"it is too long ({len(text):,} characters; at most {max_chars:,} are read)")
    check_depth(text, max_depth)
    try:
        return json.loads(text)
    except RecursionError:  # a smaller stack than usual: still one clear refusal
        raise JSONLimitError("it is nested too deeply to read") from None


def check_depth(text: str, max_depth: int = MAX_DEPTH) -> None:
    """:class:`JSONLimitError` if brackets outside strings nest deeper than ``max_depth``."""
    if text.count("[") + text.count("{") <= max_depth:
        return  # cannot be deeper: skip the scan (most data lines of an export)
    # Strings cannot nest; with them gone, strip innermost pairs one level per pass (each pass
    # runs in C, so a 200 KB framework costs about a millisecond).
    skeleton = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for passes in range(max_depth):
        shorter = skeleton.replace("[]", "").replace("{}", "")
        if shorter == skeleton:
            # What is left never closes: the decoder would still go one level down for each
            # opening bracket in a row (and hit the recursion limit, or not, as the stack
            # allows) before saying the text is malformed.
            if passes + max(map(len, _OPENING_RUN.findall(skeleton)), default=0) > max_depth:
                raise JSONLimitError(f"it is nested more than {max_depth} levels deep")
            return  # balanced and shallow enough, or malformed: json.loads says which
        skeleton = shorter
    if "[]" in skeleton or "{}" in skeleton:
        raise JSONLimitError(f"it is nested more than {max_depth} levels deep")
