"""The one way to build the app, for the command line and for tests alike.

``make_app`` wires a journal and a framework into a :class:`~reflect.tui.app.ReflectApp`;
``run`` opens it for a person; ``run_demo`` opens it on a throw-away sample journal.
"""

from __future__ import annotations

import gc
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework
    from reflect.tui.app import ReflectApp


def make_app(journal: "Journal", framework: "Framework", *, clock: Callable[[], datetime] | None = None,
             blink: bool = True, catch_bugs: bool = True, demo: bool = False,
             autosave_delay: float | None = None) -> "ReflectApp":
    """Build the app on ``journal`` and ``framework``.

    ``clock`` replaces the journal's clock (tests and snapshots use a fixed one); ``blink=False``
    stops cursors blinking (for identical screenshots); ``catch_bugs=False`` lets unexpected
    exceptions fail a test instead of becoming a notification; ``autosave_delay`` (seconds)
    shortens the wait before a draft is kept, for tests.
    """
    from reflect.tui.app import ReflectApp

    if clock is not None:
        journal.clock = clock
    options = {"autosave_delay": autosave_delay} if autosave_delay is not None else {}
    return ReflectApp(journal, framework, blink=blink, catch_bugs=catch_bugs, demo=demo, **options)


def pause_collector() -> None:
    """Switch Python's cyclic garbage collector off until the app's first screen is drawn.

    Start-up makes objects that live as long as the app (modules, classes, styles, widgets):
    the collector would walk them again and again for nothing, about a tenth of the start at
    100,000 entries. The app switches it back on after its first refresh
    (:meth:`~reflect.tui.app.ReflectApp.on_mount`), and :func:`run` when the app ends, whatever
    happened.
    """
    gc.disable()


def run(journal: "Journal", framework: "Framework", *, demo: bool = False) -> int:
    """Open the app in the terminal until the person quits; return the exit status."""
    pause_collector()
    try:
        app = make_app(journal, framework, demo=demo)
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0


def make_locked_app(path: Path, open_journal: Callable[[], tuple], *, blink: bool = True,
                    catch_bugs: bool = True) -> "ReflectApp":
    """The app on the encrypted journal at ``path``, asking for its passphrase first.

    ``open_journal()`` returns ``(journal, framework)`` once the passphrase is right (its key
    is then known to this process, so the journal opens without asking again).
    """
    from reflect.store import cipher
    from reflect.tui.app import ReflectApp
    from reflect.tui.locked import Locked

    locked = Locked(path.name, lambda passphrase: cipher.unlock(path, passphrase), open_journal)
    return ReflectApp(None, None, blink=blink, catch_bugs=catch_bugs, locked=locked)


def run_locked(path: Path, open_journal: Callable[[], tuple]) -> int:
    """Open the app on an encrypted journal that is still locked (see :func:`make_locked_app`)."""
    from reflect.errors import ReflectError

    pause_collector()
    try:
        app = make_locked_app(path, open_journal)
        locked = app.locked
        app.run()
    finally:
        gc.enable()
    if locked.problem:
        raise ReflectError(locked.problem)
    return app.return_code or 0


def run_demo(framework: "Framework", keep: Path | None = None) -> int:
    """Open the app on a sample journal in a private temporary folder, removed afterwards.

    With ``keep``, the sample journal is written to that path instead (never over an existing
    file) and left there, so the command line can be tried on it too. The person's own journal
    is never opened.
    """
    from reflect.demo.journal import build_demo_journal
    from reflect.errors import InputError
    from reflect.journal import open_journal

    if keep is not None:
        if keep.exists():
            raise InputError(f"{keep} is already there: give the sample journal a new file name.")
        if not keep.parent.is_dir():
            raise InputError(f"There is no folder {keep.parent} to keep the sample journal in.")
        build_demo_journal(keep, framework, date.today())
        with open_journal(keep) as journal:
            return run(journal, framework, demo=True)
    from reflect.system import private_temp_dir

    folder = private_temp_dir("reflect-demo-")
    try:
        path = folder / "demo-journal.db"
        build_demo_journal(path, framework, date.today())
        with open_journal(path) as journal:
            return run(journal, framework, demo=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
