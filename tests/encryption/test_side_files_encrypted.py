"""Writing kept beside an encrypted journal is never plain: sealed drafts, the editor's text in memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reflect.cli.editor import EditorSession
from reflect.errors import ReflectError
from reflect.journal import open_journal
from reflect.store import cipher, encryption, side_files
from tests.encryption.conftest import PASSPHRASE, files_holding_canaries

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")

WORDS = "The quokkasecret I could not say at the till."


@pytest.fixture
def unlocked(plain_journal):
    """An encrypted journal whose key this process knows (as the app's does once unlocked)."""
    path, _ = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    cipher.forget_keys()
    assert cipher.unlock(path, PASSPHRASE)
    return path


def _as_left_over(side: side_files.SideFile) -> Path:
    """Rename ``side`` as if the process that wrote it had died (no process has this id)."""
    dead = side.path.with_name(side.path.name.replace(f".{os.getpid()}.", ".999999999.", 1))
    side.path.rename(dead)
    return dead


def test_the_apps_draft_beside_a_busy_encrypted_journal_is_sealed(unlocked):
    text = side_files.app_side_text(None, None, {"day": "20/11/2026", "title": "Till", "body": WORDS})
    side = side_files.new_side_file(unlocked, side_files.APP, text)
    assert side.path.parent == side_files.side_folder(unlocked) and side.path.suffix == ".db"
    side_files.replace_text(side, text.replace("Till", "At the till"))
    assert files_holding_canaries(unlocked.parent) == []
    assert side.read_text() == text.replace("Till", "At the till")
    left = _as_left_over(side)
    with open_journal(unlocked) as journal:
        assert side_files.fold_into_drafts(journal) == 1
        [draft] = journal.drafts.pending()
    assert draft.data["body"] == WORDS and draft.data["title"] == "At the till"
    assert not left.exists()


def test_a_sealed_draft_is_never_dropped_while_its_journal_is_locked(unlocked):
    text = side_files.app_side_text(None, None, {"title": "Kept", "body": WORDS})
    left = _as_left_over(side_files.new_side_file(unlocked, side_files.APP, text))
    cipher.forget_keys()
    [found] = side_files.leftovers(unlocked)
    with pytest.raises(ReflectError, match="locked"):
        found.read_text()
    assert left.exists()  # still there for when the journal is unlocked


def test_the_editors_text_goes_to_memory_not_beside_the_journal(unlocked, tmp_path, monkeypatch):
    memory = tmp_path / "run-user"
    memory.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(memory))
    editor = tmp_path / "editor"
    editor.write_text(f"#!/bin/sh\necho \"$1\" > {tmp_path}/edited-path\nprintf '%s\\n' '{WORDS}' > \"$1\"\n")
    editor.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(editor))
    session = EditorSession.new(unlocked, side_files.ADD)
    assert session.edit().strip() == WORDS
    edited = Path((tmp_path / "edited-path").read_text().strip())
    assert memory in edited.parents and not edited.is_relative_to(unlocked.parent)
    assert [left.path for left in side_files._side_files(unlocked)] == [edited]  # found again after a kill
    session.done()
    assert not edited.exists()
    assert files_holding_canaries(unlocked.parent) == []


def test_without_a_folder_in_memory_the_editor_is_refused(unlocked, monkeypatch):
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("VISUAL", "true")
    with pytest.raises(ReflectError, match="no private folder in memory"):
        EditorSession.new(unlocked, side_files.ADD)
    assert not side_files.side_folder(unlocked).exists()


def test_a_plain_journals_side_files_are_unchanged(plain_journal):
    path, _ = plain_journal
    side = side_files.new_side_file(path, side_files.APP, "{}")
    assert side.path.suffix == ".json" and side.path.read_text() == "{}"


def test_an_encrypted_journals_side_files_never_open_it_while_it_is_open(unlocked, monkeypatch):
    from tests.test_side_files import _opens_of

    with open_journal(unlocked) as journal:
        opened = _opens_of(unlocked, monkeypatch)
        text = side_files.app_side_text(None, None, {"title": "t", "body": WORDS})
        _as_left_over(side_files.new_side_file(unlocked, side_files.APP, text))
        assert side_files.fold_into_drafts(journal) == 1
        cipher.connect(unlocked).close()  # a second connection in the same process
        assert opened == []
