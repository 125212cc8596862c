"""Names of attached files, made safe to store, show and write on any system.

A name comes from someone's file system (or an export someone sent) and is written back to
disk when the file is exported or opened, so it must not be able to climb out of a folder
(``../../x``), be a device Windows reserves (``CON``, ``aux.txt``), hide itself (a leading
dot), disguise itself (control and direction characters), be longer than file systems
allow, or hold bytes that are not text. What is left is a plain file name; the store then
makes it unique on its item.
"""

from __future__ import annotations

import re
import unicodedata

from reflect.sanitize import shown_line

#: Longest name kept, in characters (file systems allow 255 bytes; UTF-8 takes up to four each,
#: and an export adds a folder and room for " (2)").
MAX_NAME = 100
#: What a file with no usable name is called (its type's extension is added).
FALLBACK = "attachment"

# Characters Windows refuses in a name, and both separators.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# Windows reserves these device names, whatever follows the first dot.
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$")


def safe_name(raw: str, extension: str = "") -> str:
    """``raw`` (a path or a bare name, possibly with undecodable bytes) as a safe file name.

    ``extension`` (the sniffed type's, such as ``.png``) names a file left with no name.
    """
    # The last part of a path, whichever separator it used: a name never carries folders.
    name = re.split(r"[/\\]", raw)[-1]
    # Bytes that were not UTF-8 arrive as lone surrogates: make each a visible mark.
    name = "".join("_" if "\ud800" <= c <= "\udfff" else c for c in name)
    name = unicodedata.normalize("NFC", shown_line(name))
    name = _FORBIDDEN.sub("_", name)
    # Leading dots hide a file (and ".." climbs); trailing dots and spaces Windows drops.
    name = name.strip(" .")
    if not name.strip("_"):
        name = ""
    if _RESERVED.match(name):
        name = "_" + name
    name = _shorten(name)
    return name or FALLBACK + extension


def _shorten(name: str) -> str:
    if len(name) <= MAX_NAME:
        return name
    stem, dot, ext = name.rpartition(".")
    if dot and 0 < len(ext) <= 10:
        return stem[:MAX_NAME - len(ext) - 1].rstrip(" .") + "." + ext
    return name[:MAX_NAME].rstrip(" .")


def numbered(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2).ext``, ``name (3).ext``... the first not in ``taken`` (compared
    without case: two names differing only in case are one file on Windows and macOS)."""
    lowered = {t.casefold() for t in taken}
    if name.casefold() not in lowered:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    for n in range(2, 10_000):
        candidate = f"{stem} ({n})" + (f".{ext}" if ext else "")
        if candidate.casefold() not in lowered:
            return candidate
    raise ValueError("too many files of the same name")  # pragma: no cover


def human_size(size: int) -> str:
    """``812 bytes``, ``14 kB``, ``2.3 MB`` (decimal units, as file managers show them)."""
    if size < 1000:
        return f"{size} byte{'' if size == 1 else 's'}"
    value = float(size)
    for unit in ("kB", "MB", "GB"):
        value /= 1000
        if value < 999.95 or unit == "GB":
            break
    return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
