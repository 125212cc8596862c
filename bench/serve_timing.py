"""`reflect serve` in a browser: time from starting the command to its first screen in the tab.

Each run starts `reflect --db JOURNAL serve --no-open` afresh and loads its address in headless
Chromium (already running, as a person's browser usually is: its own start is not counted). The
clock runs from just before the command starts until the tab has drawn the newest reflection's
title, so it covers the server's start, the page and its script, the app process, opening the
journal and drawing the list. Skipped with a note where chromium, chromedriver or selenium are
missing (see :mod:`bench.browser`).
"""

from __future__ import annotations

from pathlib import Path

from bench.browser import browser_missing, headless_chromium, reflect_serve
from bench.timing import Timing, skipped

#: A run taking longer than this (seconds) to show the first screen is given up.
LIMIT_S = 60.0


def newest_title(journal: Path) -> str:
    """The title at the top of the journal's list: the text that shows the list is drawn."""
    from reflect.journal import open_journal

    with open_journal(journal, create=False) as opened:
        [top] = opened.entries.list(limit=1).rows
        return top.title


def time_browser_first_screen(journal: Path, *, runs: int, env: dict, cwd: Path) -> Timing:
    """One warm-up, then ``runs`` timed starts of `reflect serve` to its first screen."""
    why = browser_missing()
    if why:
        return skipped(f"skipped: {why}")
    # Titles are drawn in a column that may cut them: the first words are enough to know.
    marker = " ".join(newest_title(journal).split()[:3])
    result = Timing()
    with headless_chromium() as browser:
        for index in range(runs + 1):
            with reflect_serve(journal, env=env, cwd=cwd) as served:
                browser.clear()
                browser.driver.get(served.url)
                try:
                    seen = browser.wait_for(marker, timeout=LIMIT_S)
                except TimeoutError as error:
                    return skipped(f"failed: {error}"[:200])
            if index:  # the first run is the warm-up: bytecode and the page cache
                result.times_ms.append((seen - served.started_at) * 1000)
            browser.driver.get("about:blank")
    return result
