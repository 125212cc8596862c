"""Opening an export file to read it back: its lines, each bounded in length, with every way
that can fail (missing, a folder, not UTF-8, too big, unreadable) turned into one plain
sentence.

`reflect import` (:mod:`reflect.importers.markdown`) and `reflect import-feedback`'s record
of a review meeting (:mod:`reflect.importers.review_record_import`) read through here.
"""

from __future__ import annotations

import itertools
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from reflect.errors import InputError
from reflect.files import reading, require_regular_file

#: Longest line an export may hold (characters): a whole reflection in one paragraph is far
#: shorter, and a longer one is read no further, so a hostile file cannot fill the memory.
MAX_LINE_CHARS = 1_000_000


class _BoundedLines:
    """The lines of an open export, each at most :data:`MAX_LINE_CHARS` long (iterate), or
    all of them (``read()``)."""

    def __init__(self, stream: TextIO, name: str):
        self.stream, self.name = stream, name

    def __iter__(self) -> Iterator[str]:
        for number in itertools.count(1):
            line = self.stream.readline(MAX_LINE_CHARS + 1)
            if not line:
                return
            if len(line) > MAX_LINE_CHARS:
                raise InputError(f"{self.name}, line {number}: longer than {MAX_LINE_CHARS:,} characters, so "
                                 "not a reflect export; nothing was imported.")
            yield line

    def read(self) -> str:
        return "".join(self)


@contextmanager
def open_export(path: Path, *, max_bytes: int | None = None, shown_as: str | None = None) -> Iterator[Iterable[str]]:
    """The lines of an export to read (line ends kept as written), each at most
    :data:`MAX_LINE_CHARS` long; a file over ``max_bytes`` is refused before it is read. The
    ways that can fail, here or while reading it, become one plain sentence.

    Both `reflect import` and `reflect import-feedback` read through here."""
    name = shown_as or str(path)
    require_regular_file(path, "a reflect export")
    with reading(name, "an export file", ", so it is not a reflect export; nothing was imported"):
        with open(path, encoding="utf-8", newline="") as stream:
            size = os.fstat(stream.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise InputError(f"{name} is too big to read ({size / 1_000_000:.1f} MB; at most "
                                 f"{max_bytes // 1_000_000} MB); nothing was imported.")
            yield _BoundedLines(stream, name)
