"""A code block a mentor opened and never closed hides the rest of the file: the reader says
where it starts instead of guessing (and without re-reading the rest again and again)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reflect.errors import InputError
from reflect.importers.export_reader import MAX_LOOKALIKES
from reflect.export.format import COMMENTS_HINT
from tests.export.conftest import export_text, read_text


@pytest.mark.parametrize("count", [2, MAX_LOOKALIKES + 10])
def test_unclosed_fence_in_a_comment_is_named_by_its_line(journal, tiny_framework, count):
    for i in range(count):
        journal.entries.add(day=date(2026, 1, 1) + timedelta(days=i), title=f"Day {i}", body=f"Body {i}.\n")
    text = export_text(journal, tiny_framework).replace(COMMENTS_HINT + "\n", COMMENTS_HINT + "\n```\n", 1)
    line = text.splitlines().index("```") + 1
    with pytest.raises(InputError) as caught:
        read_text(text)
    assert str(caught.value).startswith(f"export.md, line {line}: a code block or HTML block opened on this line "
                                        "hides reflect's hidden lines below it")


def test_unclosed_html_comment_is_named_too(journal, tiny_framework):
    journal.entries.add(day=date(2026, 1, 1), title="One")
    journal.entries.add(day=date(2026, 1, 2), title="Two")
    text = export_text(journal, tiny_framework).replace(COMMENTS_HINT + "\n", COMMENTS_HINT + "\n<!-- oops\n", 1)
    with pytest.raises(InputError, match="a code block or HTML block opened on this line"):
        read_text(text)
