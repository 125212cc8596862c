"""Side files beside the journal: private, only the left-over ones (their process gone) are
offered, another journal's are never touched, and folding them in keeps every word."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from reflect.store import side_files


def dead_pid() -> int:
    """The id of a process that has just ended (and been waited for)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def left_by(side: side_files.SideFile, pid: int) -> side_files.SideFile:
    """The same side file as if process ``pid`` had written it."""
    target = side.path.with_name(side.path.name.replace(f".{side.pid}.", f".{pid}.", 1))
    side.path.rename(target)
    return side_files.SideFile(target, side.kind, pid, side.written_at)


def test_side_files_are_private_and_beside_the_journal(tmp_path):
    journal = tmp_path / "data" / "journal.db"
    side = side_files.new_side_file(journal, side_files.ADD, "words")
    assert side.path.parent == tmp_path / "data" / "unsaved"
    assert stat.S_IMODE(side.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(side.path.parent.stat().st_mode) == 0o700
    side_files.replace_text(side, "more words")
    assert side.read_text() == "more words"
    assert stat.S_IMODE(side.path.stat().st_mode) == 0o600
    assert [p.name for p in side.path.parent.iterdir()] == [side.path.name]  # no temporary left


def test_only_files_of_ended_processes_are_left_over(tmp_path):
    journal = tmp_path / "journal.db"
    mine = side_files.new_side_file(journal, side_files.ADD, "still being written")
    other = left_by(side_files.new_side_file(journal, side_files.ADD, "from a killed reflect"), dead_pid())
    running = left_by(side_files.new_side_file(journal, side_files.ADD, "another reflect, alive"), os.getppid())
    found = side_files.leftovers(journal)
    assert [s.path for s in found] == [other.path]
    assert mine.path.exists() and running.path.exists()


def test_another_journals_side_files_are_never_offered(tmp_path):
    left_by(side_files.new_side_file(tmp_path / "other.db", side_files.ADD, "not yours"), dead_pid())
    assert side_files.leftovers(tmp_path / "journal.db") == []


def test_edits_say_which_entry_and_revision(tmp_path):
    journal = tmp_path / "journal.db"
    side = left_by(side_files.new_side_file(journal, side_files.edit_kind(12, 3), "changed"), dead_pid())
    [found] = side_files.leftovers(journal, "edit")
    assert (found.entry_id, found.revision, found.read_text()) == (12, 3, "changed")
    assert side_files.leftovers(journal, side_files.ADD) == []
    assert side.path == found.path


def test_folding_in_keeps_the_words_and_removes_the_files(journal):
    path = journal.path
    app = left_by(side_files.new_side_file(path, side_files.APP, side_files.app_side_text(
        None, None, {"day": "24/11/2026", "title": "Kept aside", "body": "From a busy day"})), dead_pid())
    added = left_by(side_files.new_side_file(path, side_files.ADD, "Editor text\n"), dead_pid())
    empty = left_by(side_files.new_side_file(path, side_files.ADD, "  \n"), dead_pid())
    broken = left_by(side_files.new_side_file(path, side_files.APP, "{not json"), dead_pid())
    assert side_files.fold_into_drafts(journal) == 3
    drafts = {d.data["body"]: d for d in journal.drafts.pending()}
    # A file that cannot be read as the app's draft is still words: kept as they are.
    assert set(drafts) == {"From a busy day", "Editor text\n", "{not json"}
    assert drafts["From a busy day"].data["title"] == "Kept aside"
    for side in (app, added, empty, broken):
        assert not side.path.exists()


def _opens_of(path, monkeypatch) -> list:
    """Record every time this process opens ``path`` itself (not through SQLite)."""
    import builtins

    opened: list = []
    real_open, real_os_open = builtins.open, os.open

    def watching_open(file, *args, **kwargs):
        if str(file) == str(path):
            opened.append(file)
        return real_open(file, *args, **kwargs)

    def watching_os_open(file, *args, **kwargs):
        if str(file) == str(path):
            opened.append(file)
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watching_open)
    monkeypatch.setattr(os, "open", watching_os_open)
    return opened


def test_side_files_never_open_the_journal_file_while_it_is_open(tmp_path, monkeypatch):
    """Closing any descriptor of the journal drops SQLite's locks on it: another reflect could
    then checkpoint and remove the log this process is still writing to."""
    from reflect.journal import open_journal

    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        opened = _opens_of(path, monkeypatch)
        side = side_files.new_side_file(path, side_files.APP, '{"data": {"title": "t"}}')
        side_files.replace_text(side, '{"data": {"title": "u"}}')
        side_files.leftovers(path)
        side_files.fold_into_drafts(journal)
        assert opened == []


def test_a_second_connection_never_opens_the_journal_file_itself(tmp_path, monkeypatch):
    """The dashboard opens its own connection beside the app's: SQLite's locks must survive it."""
    from reflect.journal import open_journal

    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        opened = _opens_of(path, monkeypatch)
        with open_journal(path, create=False) as second:
            assert second.entries.count() == journal.entries.count() == 0
        assert opened == []
