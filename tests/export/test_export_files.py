"""The core calls the CLI and the app write exports with: where files go, what they report."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest

from reflect.errors import ReflectError
from reflect.export.files import ExportResult, target_path, write_export
from reflect.entries.models import EntryFilter
from reflect.export.pack import write_review_pack
from tests.export.pack_journal import END, START, build


@pytest.fixture
def records(journal):
    return build(journal)


def test_export_goes_to_journals_in_the_current_folder_by_default(journal, tiny_framework, records, tmp_path,
                                                                  monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = write_export(journal, tiny_framework)
    assert result.path == tmp_path.joinpath("journals", "2026-11-24-reflections.md").relative_to(tmp_path)
    assert (result.entries, result.private_left_out, result.private_included) == (4, 1, 0)
    assert stat.S_IMODE(os.stat(result.path).st_mode) == 0o600
    assert "Old loaf" in result.path.read_text()


def test_export_of_a_period_into_a_folder(journal, tiny_framework, records, tmp_path):
    result = write_export(journal, tiny_framework, tmp_path, EntryFilter(date_from=START, date_to=END),
                          include_private=True)
    assert result.path == tmp_path / "2026-11-01-to-2026-11-24-reflections.md"
    assert (result.entries, result.private_included) == (4, 1)


def test_export_keeps_an_existing_file_unless_told(journal, tiny_framework, records, tmp_path):
    target = tmp_path / "mine.md"
    target.write_text("keep me")
    with pytest.raises(ReflectError, match="already exists; use --force"):
        write_export(journal, tiny_framework, target)
    assert target.read_text() == "keep me"
    write_export(journal, tiny_framework, target, overwrite=True)
    assert "Weighed flour" in target.read_text()


def test_review_pack_reports_path_and_counts(journal, tiny_framework, records, tmp_path):
    result = write_review_pack(journal, tiny_framework, tmp_path, html=True)  # since the first record
    assert result == ExportResult(path=tmp_path / "2026-11-24-review-pack.html", kind="review-pack", entries=4,
                                  private_left_out=1, private_included=0, objectives=2)
    assert result.summary() == (f"Wrote the review pack to {result.path}: 4 reflections, 2 objectives "
                                "(1 private reflection left out; --include-private adds them).")


def test_review_pack_of_a_chosen_period_is_named_by_it(journal, tiny_framework, records, tmp_path):
    result = write_review_pack(journal, tiny_framework, tmp_path, start=START, end=date(2026, 11, 15))
    assert result.path.name == "2026-11-01-to-2026-11-15-review-pack.md"
    assert result.entries == 2


def test_target_path():
    assert str(target_path(None, "x.md")) == os.path.join("journals", "x.md")
    assert target_path("a/b.md", "x.md").name == "b.md"
