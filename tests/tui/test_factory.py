"""The factory: one way to build the app; the demo runs on a throw-away copy."""

from __future__ import annotations

import stat
import sys
import types
from datetime import date, datetime, timezone
from pathlib import Path

from reflect.tui import factory
from reflect.tui.app import ReflectApp
from tests.conftest import FakeClock


def test_make_app_uses_the_given_journal_and_framework(journal, framework):
    app = factory.make_app(journal, framework)
    assert isinstance(app, ReflectApp)
    assert app.journal is journal and app.framework is framework


def test_make_app_puts_the_given_clock_on_the_journal(journal, framework):
    later = FakeClock(datetime(2027, 1, 5, 9, 0, tzinfo=timezone.utc))
    factory.make_app(journal, framework, clock=later)
    assert journal.today() == date(2027, 1, 5)


def test_demo_opens_a_private_temporary_journal_and_removes_it(framework, monkeypatch):
    seen = {}

    def build_demo_journal(path, fw, today):
        from reflect.journal import open_journal

        with open_journal(path) as demo:
            demo.entries.add(day=today, title="Sample reflection")
        seen["built"] = (Path(path), fw, today)

    def fake_run(journal, fw, *, demo=False):
        folder = journal.path.parent
        seen["run"] = (journal.path, demo, stat.S_IMODE(folder.stat().st_mode), journal.entries.count())
        return 0

    monkeypatch.setitem(sys.modules, "reflect.demo.journal", types.SimpleNamespace(build_demo_journal=build_demo_journal))
    monkeypatch.setattr(factory, "run", fake_run)
    assert factory.run_demo(framework) == 0
    path, demo, mode, count = seen["run"]
    assert demo and mode == 0o700 and count == 1
    assert seen["built"][0] == path and seen["built"][1] is framework
    assert not path.parent.exists()
