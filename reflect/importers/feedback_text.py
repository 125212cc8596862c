"""Reading the text of a file a mentor sent back, whatever their editor saved it as.

A file is read when its encoding is certain: UTF-8 (with or without the byte-order mark
Windows editors add) or UTF-16 with its byte-order mark. Line ends (``\\r\\n``, ``\\r``) become
``\\n``. Anything else is refused with the reason, never guessed at: a file saved as
Windows-1252 ("ANSI") would come in with its curly quotes and accents turned into the wrong
letters, so it is named as such and the person is told how to save it as UTF-8.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from reflect.errors import InputError
from reflect.export.format import LINE_BREAK
from reflect.files import reading, require_regular_file

#: Bytes Windows-1252 uses for curly quotes, dashes, the euro sign and the like; in UTF-8
#: they can only follow a lead byte, so a file with them standing alone was saved as "ANSI".
_CP1252_TYPICAL = set(range(0x80, 0xA0))

_FIX = "save it as UTF-8 (in most editors: Save As, then Encoding: UTF-8) and import it again"


def read_lines(path: Path, *, max_bytes: int | None = None) -> tuple[list[str], str]:
    """The file's lines (without line ends) and the encoding it was read as. A file over
    ``max_bytes`` is refused before more of it is read, so a hostile one cannot fill the memory."""
    name = str(path)
    require_regular_file(path, "a reflect export")
    with reading(name, "an export file"):
        with path.open("rb") as handle:
            data = handle.read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"{name} is too big to read (over {max_bytes // 1_000_000} MB); nothing was imported.")
    text, encoding = decode(data, name)
    return LINE_BREAK.split(text), encoding


def decode(data: bytes, name: str = "the file") -> tuple[str, str]:
    """``data`` as text and the name of its encoding; InputError saying why if it cannot be
    read without guessing."""
    for bom, codec, label in ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
                              (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
                              (codecs.BOM_UTF8, "utf-8-sig", "UTF-8")):
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError:
                raise InputError(f"{name} says it is {label} text but is damaged (it cannot be read as "
                                 f"{label}); nothing was imported.") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(_why_not_utf8(data, error, name)) from None
    if "\x00" in text:
        raise InputError(f"{name} holds zero bytes: it looks like UTF-16 text saved without its byte-order mark, "
                         f"or not text at all; {_FIX}. Nothing was imported.")
    return text, "UTF-8"


def _why_not_utf8(data: bytes, error: UnicodeDecodeError, name: str) -> str:
    if b"\x00" in data[:4096]:
        return (f"{name} looks like UTF-16 text saved without its byte-order mark, so reflect cannot be sure how "
                f"to read it; {_FIX}. Nothing was imported.")
    line = data[:error.start].count(b"\n") + 1
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return f"{name}, line {line}: this is not UTF-8 text (nor any text reflect can read safely); " \
               f"{_FIX}. Nothing was imported."
    if any(b in _CP1252_TYPICAL for b in data) or any(b >= 0xA0 for b in data):
        return (f"{name} was saved as Windows-1252 (\"ANSI\"), not UTF-8 (the first such character is on line "
                f"{line}); reading it would change letters and quotes, so {_FIX}. Nothing was imported.")
    return f"{name}, line {line}: this is not UTF-8 text; {_FIX}. Nothing was imported."  # pragma: no cover
