"""Smaller command-line fixes: "did you mean" for a mistyped command, a title limit with a
clear message, and `reflect demo --keep PATH` (in-process, through ``main(argv)``)."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.cli import main
from reflect.entries.store import TITLE_LIMIT
from reflect.errors import InputError


def run(capsys, *args):
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.mark.parametrize("typed, suggestion", [("ad", "add"), ("serch", "search"), ("profil", "profile")])
def test_a_mistyped_command_suggests_the_right_one(tmp_path, capsys, typed, suggestion):
    status, out, err = run(capsys, "--db", str(tmp_path / "j.db"), typed)
    assert status == 2 and out == ""
    assert err.strip().startswith(f'reflect: there is no command "{typed}": did you mean {suggestion}')
    assert not (tmp_path / "j.db").exists()  # nothing opened, nothing written


def test_no_suggestion_points_at_help(tmp_path, capsys):
    status, _, err = run(capsys, "--db", str(tmp_path / "j.db"), "zzzz")
    assert status == 2 and "reflect --help" in err and len(err.strip().splitlines()) == 1


def test_titles_have_a_limit_with_a_clear_message(journal, tmp_path, capsys):
    with pytest.raises(InputError, match=f"up to {TITLE_LIMIT} characters"):
        journal.entries.add(day=date(2026, 11, 20), title="x" * 330, body="")
    status, _, err = run(capsys, "--db", str(tmp_path / "k.db"), "add", "--title", "y" * (TITLE_LIMIT + 1), "Body")
    assert status == 2 and "this one has 121" in err and "Traceback" not in err
    entry = journal.entries.add(day=date(2026, 11, 20), title="z" * TITLE_LIMIT, body="")
    assert entry.title == "z" * TITLE_LIMIT


def test_an_imported_long_title_does_not_block_other_changes(journal):
    entry = journal.entries.add(day=date(2026, 11, 20), title="short", body="")
    journal.conn.execute("UPDATE entries SET title = ? WHERE id = ?", ["w" * 300, entry.id])
    changed = journal.entries.update(entry.id, body="more words")
    assert changed.body == "more words" and len(changed.title) == 300


def test_demo_keep_writes_the_sample_journal_and_keeps_it(tmp_path, capsys, monkeypatch):
    import reflect.tui.factory as factory

    opened = []
    monkeypatch.setattr(factory, "run", lambda journal, framework, demo: opened.append((journal.path, demo)) or 0)
    kept = tmp_path / "sample.db"
    status, out, _ = run(capsys, "demo", "--keep", str(kept))
    assert status == 0 and opened == [(kept, True)] and kept.exists()
    assert f"reflect --db {kept} list" in out
    status, out, _ = run(capsys, "--db", str(kept), "list", "-n", "1")
    assert status == 0 and out.strip()
    # Never over an existing file.
    before = kept.read_bytes()
    status, _, err = run(capsys, "demo", "--keep", str(kept))
    assert status == 2 and "already there" in err and kept.read_bytes() == before
