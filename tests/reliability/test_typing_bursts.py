"""Keys that arrive together (fast typing, a paste, a busy machine) land where the person
meant them: a tab among them moves on before the keys after it are handled. Driven in a
real pseudo-terminal, since only there do keys arrive in one burst."""

from __future__ import annotations

import os
import time

import pytest

from reflect.journal import open_journal
from tests.reliability.terminal import AppInTerminal, terminal_env

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals (POSIX)")


def _the_draft(db) -> dict:
    with open_journal(db) as journal:
        [draft] = journal.drafts.pending()
    return draft.data


def test_a_tab_in_a_burst_moves_from_the_title_to_the_reflection(tmp_path):
    db = tmp_path / "journal.db"
    with AppInTerminal(db, terminal_env(tmp_path)) as app:
        app.open_new_entry()
        os.write(app.fd, b"Lost child at the tills\tFound her mum by the door.")
        time.sleep(2.5)  # past the autosave
        app.kill()
    data = _the_draft(db)
    assert (data["title"], data["body"]) == ("Lost child at the tills", "Found her mum by the door.")


def test_a_tab_in_a_burst_moves_between_the_objective_boxes(tmp_path):
    db = tmp_path / "journal.db"
    with AppInTerminal(db, terminal_env(tmp_path)) as app:
        app.wait_for_journal()
        shown = app.mark()
        app.press("o")
        app.wait_for("No objectives yet", since=shown)
        shown = app.mark()
        app.press("n")
        app.wait_for("New objective", since=shown)
        os.write(app.fd, b"Lead the Monday huddle\t4 huddles led\tShadowed Morag twice")
        time.sleep(2.5)
        app.kill()
    form = _the_draft(db)["form"]
    assert (form["specific"], form["measure"], form["achievable"]) == (
        "Lead the Monday huddle", "4 huddles led", "Shadowed Morag twice")
