"""A minimal Textual app started the way the app probe starts reflect: the yardstick for start-up.

Usage: ``python bench/baseline_probe.py MARK_FILE``. A header, an option list of 50 rows, a
Markdown pane and a footer: what reflect's first screen is made of, with no journal behind it.
The moment its list shows rows (and that frame is drawn) is written to MARK_FILE as
``time.time()``, exactly as :mod:`bench.app_probe` does, so the two are measured alike.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

PATIENCE_S = 60.0


async def probe(mark: Path) -> None:
    from textual.app import App
    from textual.containers import Horizontal
    from textual.widgets import Footer, Header, Markdown, OptionList

    class Minimal(App):
        CSS = "Horizontal { height: 1fr; } OptionList, Markdown { width: 1fr; height: 1fr; }"

        def compose(self):
            yield Header()
            with Horizontal():
                yield OptionList(*(f"Row {n}: a title of a reflection" for n in range(50)), id="rows")
                yield Markdown("# A reflection\n\nSome *words* about a day at work.\n\n- one\n- two\n")
            yield Footer()

    app = Minimal()
    async with app.run_test(headless=True, size=(120, 40)) as pilot:
        deadline = time.monotonic() + PATIENCE_S
        while not app.screen.query("#rows") or app.screen.query_one("#rows", OptionList).option_count == 0:
            if time.monotonic() > deadline:
                raise SystemExit("the minimal app showed no rows")
            await pilot.pause(0.005)
        await pilot.pause()
        mark.write_text(repr(time.time()))


if __name__ == "__main__":
    asyncio.run(probe(Path(sys.argv[1])))
