"""Switch between the app's main areas on a journal and time each switch (headless, in one process).

Usage: ``python bench/area_probe.py JOURNAL OUT_JSON ROUNDS``. The app opens as in
:mod:`bench.app_probe`; once its first screen has settled, each round presses the function key
of every main area in turn (Progress, Objectives, Logs, Review, then back to the Journal). A
switch is timed from the key press until the area's screen is the current one and it has
handled everything it was sent on the way in (composed, mounted, its first data loaded). The
app settles between switches, so work an area leaves for after its first paint is not counted
against the next. Writes ``{area: {"wall": [ms, ...], "cpu": [ms, ...]}}`` to OUT_JSON: the
switch's wall time and the process's CPU time (user + system) over the same span.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.app_probe import PATIENCE_S, entries_shown  # noqa: E402


async def probe(journal_path: str, out: Path, rounds: int) -> None:
    from reflect.framework.standards import load_framework
    from reflect.journal import open_journal
    from reflect.tui.actions import ACTIONS, AREAS
    from reflect.tui.factory import make_app
    from reflect.tui.screens import SCREENS

    order = [*AREAS[1:], AREAS[0]]  # from the journal to each area, then home again
    times: dict[str, dict[str, list[float]]] = {area.name: {"wall": [], "cpu": []} for area in order}
    with open_journal(journal_path, create=False) as journal:
        app = make_app(journal, load_framework(), blink=False)
        async with app.run_test(headless=True, size=(120, 40)) as pilot:
            deadline = time.monotonic() + PATIENCE_S
            while not entries_shown(app):
                if time.monotonic() > deadline:
                    raise SystemExit("the first screen showed no entries")
                await pilot.pause(0.005)
            await pilot.pause()
            for _ in range(rounds):
                for area in order:
                    screen = SCREENS[area.screen]
                    started, cpu = time.perf_counter(), time.process_time()
                    app.simulate_key(ACTIONS[f"area_{area.name}"].key)
                    while not isinstance(app.screen, screen):
                        if time.perf_counter() - started > PATIENCE_S:
                            raise SystemExit(f"{area.name} never opened")
                        await pilot.pause(0)
                    await pilot.pause(0)  # the new screen has handled what it was sent on opening
                    times[area.name]["wall"].append((time.perf_counter() - started) * 1000)
                    times[area.name]["cpu"].append((time.process_time() - cpu) * 1000)
                    await pilot.pause()  # settle (CPU idle) before the next switch
    out.write_text(json.dumps(times))


if __name__ == "__main__":
    asyncio.run(probe(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])))
