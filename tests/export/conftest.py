"""Fixtures for the export and import tests: entries to export, and exporting to text."""

from __future__ import annotations

import io
from datetime import date

import pytest

from reflect.export.markdown import export_markdown
from reflect.importers.export_reader import ExportReader
from tests.test_cli_entries import Reflect


def export_text(journal, framework, filters=None, **options) -> str:
    """The export of ``journal`` as a string (as `reflect export -o -` writes it)."""
    out = io.StringIO(newline="")
    if filters is None:
        export_markdown(journal, framework, out, **options)
    else:
        export_markdown(journal, framework, out, filters, **options)
    return out.getvalue()


def read_text(text: str, name: str = "export.md") -> tuple[ExportReader, list]:
    """Read an export held in a string, as `reflect import` reads a file (line ends kept)."""
    reader = ExportReader(io.StringIO(text, newline=""), name)
    return reader, list(reader)


@pytest.fixture
def add(journal):
    """Add an entry with sensible defaults: ``add("Title", body="...", skills=[...])``."""

    def add_entry(title: str = "A day at work", *, day: date = date(2026, 11, 24), **fields):
        return journal.entries.add(day=day, title=title, **fields)

    return add_entry


class ReflectHere(Reflect):
    """The `Reflect` runner, but run from a folder of its own (exports land in ./journals/)."""

    def __init__(self, tmp_path):
        super().__init__(tmp_path)
        self.cwd = tmp_path / "work"
        self.cwd.mkdir()


@pytest.fixture
def reflect_here(tmp_path) -> ReflectHere:
    return ReflectHere(tmp_path)
