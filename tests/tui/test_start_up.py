"""Start-up: the garbage collector paused while the app starts comes back on once it is drawn."""

from __future__ import annotations

import gc

from reflect.tui.factory import pause_collector

from .conftest import wait_until


async def test_the_app_switches_the_garbage_collector_back_on_once_drawn(make, sample):
    app = make()
    pause_collector()
    try:
        assert not gc.isenabled()
        async with app.run_test() as pilot:
            await wait_until(pilot, gc.isenabled, "the collector back on")
            assert app.screen.query_one("#entries").option_count == 3  # drawn with the entries
    finally:
        gc.enable()


async def test_a_locked_journal_switches_it_back_on_too(tmp_path, framework):
    from reflect.tui.factory import make_locked_app

    app = make_locked_app(tmp_path / "secret.db", lambda: (None, None), blink=False, catch_bugs=False)
    pause_collector()
    try:
        async with app.run_test() as pilot:
            await wait_until(pilot, gc.isenabled, "the collector back on")
    finally:
        gc.enable()
