"""Open the app headless on a journal and note the moment its first screen shows entries.

Usage: ``python bench/app_probe.py JOURNAL MARK_FILE``. Run as a whole process by
:mod:`bench.app_timing`: the time from the process starting (imports included, as when a person
types ``reflect``) to the first screen with entries on it is what the app target (1 s) is about.
The moment is written to MARK_FILE as ``time.time()``; the app is then closed (not timed).
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: Give up after this long without entries on screen (the timing then fails with a note).
PATIENCE_S = 60.0


def entries_shown(app) -> bool:
    """Whether the journal screen is up with at least one entry in its list."""
    from reflect.tui.widgets.entry_list import EntryList

    try:
        return app.screen.query_one("#entries", EntryList).option_count > 0
    except Exception:  # noqa: BLE001 - not composed yet, or another screen on top
        return False


async def probe(journal_path: str, mark: Path) -> None:
    from reflect.journal import open_journal
    from reflect.framework.standards import load_framework
    from reflect.tui.factory import make_app, pause_collector

    with open_journal(journal_path, create=False) as journal:
        framework = load_framework()
        pause_collector()  # as reflect.tui.factory.run does before it builds the app
        app = make_app(journal, framework, blink=False)
        async with app.run_test(headless=True, size=(120, 40)) as pilot:
            deadline = time.monotonic() + PATIENCE_S
            while not entries_shown(app):
                if time.monotonic() > deadline:
                    raise SystemExit("the first screen showed no entries")
                await pilot.pause(0.005)
            await pilot.pause()  # let that frame be drawn
            mark.write_text(repr(time.time()))


if __name__ == "__main__":
    asyncio.run(probe(sys.argv[1], Path(sys.argv[2])))
