"""Keeping control characters out of what reflect stores and prints.

Terminal control sequences (ESC, BEL, ...) pasted into a title or typed into an argument
could otherwise retitle a window, recolour a screen or hide text when a list or an error
message is printed, and a newline would split a one-line message. Text people write keeps
its line breaks and tabs; everything else in Unicode's "control" category goes.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible characters that change how the text around them reads: bidi embeddings, overrides
# and isolates (U+202E shows "evil\u202etxt.exe" as "evilexe.txt"), the Arabic letter mark, and
# zero-width spaces, joiners and marks that make two titles look alike.
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_MESSAGE_MAX = 2000


def clean_body(text: str) -> str:
    """Writing as stored: line endings made ``\\n``; control characters other than tab removed."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_line(text: str) -> str:
    """A one-line field (a title): any run of whitespace or control characters becomes one space."""
    return " ".join(_CONTROLS.sub(" ", text).split())


def shown_line(text: str) -> str:
    """A title (or any one line of someone's text) as it is safe to show: controls made
    spaces, as :func:`clean_line`, and direction overrides and zero-width characters removed,
    so nothing printed can reorder or disguise what is around it. The stored text keeps them."""
    return clean_line(_INVISIBLE.sub("", text))


def shown_text(text: str) -> str:
    """Several lines of text as safe to show: direction overrides and zero-width characters
    removed (line breaks kept)."""
    return _INVISIBLE.sub("", text)


def one_line(message: str) -> str:
    """A message safe to print as one line: controls shown as escapes, very long ones shortened,
    direction overrides and zero-width characters removed."""
    shown = "".join(_escape(c) if _is_control(c) else c for c in _INVISIBLE.sub("", message))
    if len(shown) > _MESSAGE_MAX:
        shown = shown[: _MESSAGE_MAX - 400] + " … " + shown[-300:]
    return shown


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc"


def _escape(char: str) -> str:
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{ord(char):02x}")


def has_undecodable(text: str) -> bool:
    """True if ``text`` holds lone surrogates: bytes that were not valid UTF-8, as Python passes them on."""
    return any("\ud800" <= c <= "\udfff" for c in text)
