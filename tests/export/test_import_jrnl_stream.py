"""Reading a jrnl text file as it is imported: the same entries as reading it whole, in
memory that does not grow with the file, and a bad byte half-way still changes nothing."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.errors import ReflectError
from reflect.importers.jrnl import JrnlEntry, _split_title, _tags, _when, import_jrnl, iter_jrnl_text


def whole_file_reading(text: str) -> list[JrnlEntry]:
    """How reflect read a jrnl text before it streamed: the whole text, entry starts found by
    one regular expression. Kept here as the reference the streaming reader must agree with."""
    text = text.replace("\r\n", "\n")
    starts = [(m, when) for m in re.finditer(r"(?:^|\n)\[([^\]\n]+)\] ", text) if (when := _when(m.group(1)))]
    entries = []
    for i, (match, when) in enumerate(starts):
        end = starts[i + 1][0].start() if i + 1 < len(starts) else len(text)
        raw = text[match.end():end]
        first, _, rest = raw.partition("\n")
        starred = first.strip().endswith("*")
        if starred:
            raw = first.strip().rstrip("*").rstrip() + "\n" + rest
        title, body = _split_title(raw)
        line = text.count("\n", 0, match.start()) + (1 if match.group(0).startswith("\n") else 0) + 1
        entries.append(JrnlEntry(when, title, body, starred, tuple(_tags(raw)), line))
    return entries


# Headers that look dated but cannot be read stop the import (tests/export/test_import_jrnl.py),
# so only readable dates and bracketed text that is no date are mixed here.
PIECES = ["[2026-11-24 09:30] ", "[2026-02-01 7:05 PM] ", "[2026-07 14:23] ", "[not a date] ", "\n",
          "\r\n", "\r", " ", "*", "Served a customer.", "Then more", "@focus", "#team", "[x] "]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_streaming_reads_what_reading_the_whole_text_read(text):
    assert list(iter_jrnl_text(io.StringIO(text, newline="\n"))) == whole_file_reading(text)


def write_jrnl(path, count: int, tail: bytes = b"") -> None:
    lines = [f"[2026-01-{1 + i % 28:02d} 09:{i % 60:02d}] Entry {i}\nServed customer {i} @focus.\n"
             for i in range(count)]
    path.write_bytes("\n".join(lines).encode() + tail)


def test_a_bad_byte_late_in_the_file_imports_nothing(journal, framework, tmp_path):
    path = tmp_path / "journal.txt"
    write_jrnl(path, 3000, tail=b"\n[2026-02-01 10:00] Broken \xff entry\n")
    with pytest.raises(ReflectError, match="not UTF-8 text"):
        import_jrnl(journal, framework, path)
    assert journal.entries.count() == 0


def test_a_byte_order_mark_is_not_part_of_the_first_title(journal, framework, tmp_path):
    path = tmp_path / "journal.txt"
    path.write_bytes(b"\xef\xbb\xbf[2026-01-05 09:00] Title\nBody\n")
    import_jrnl(journal, framework, path)
    assert [e.title for e in journal.entries.iter_entries()] == ["Title"]


def test_progress_is_told_every_thousand_entries(journal, framework, tmp_path):
    path = tmp_path / "journal.txt"
    write_jrnl(path, 2500)
    told: list[int] = []
    result, notes = import_jrnl(journal, framework, path, progress=told.append)
    assert told == [1000, 2000]
    assert result.added == 2500
    assert notes == ["2500 entries have meta-skills from their @tags."]


def test_json_after_blank_lines_is_still_json(journal, framework, tmp_path):
    path = tmp_path / "export.json"
    path.write_text('\n\n  {"entries": [{"title": "T", "body": "B", "date": "2026-01-05", "time": "09:00"}]}')
    result, _ = import_jrnl(journal, framework, path)
    assert result.added == 1
