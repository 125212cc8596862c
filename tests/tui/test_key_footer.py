"""The footer is rebuilt only when the keys it shows change, and then shows the new keys."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from reflect.tui.widgets.key_footer import KeyFooter

from .conftest import wait_until


def shown(app) -> list[tuple[str, str]]:
    return [(key.key_display, key.description) for key in app.screen.query_one(KeyFooter).query(FooterKey)]


async def test_refreshing_the_same_keys_keeps_the_footer(make, sample):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: ("e", "Edit") in shown(app), "the journal's footer")
        before = list(app.screen.query_one(KeyFooter).query(FooterKey))
        for _ in range(3):
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert list(app.screen.query_one(KeyFooter).query(FooterKey)) == before  # the same widgets


async def test_the_footer_follows_a_change_of_keys(make, sample):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: ("?", "Help") in shown(app), "help shown as ?")
        await pilot.press("slash")  # typing in the search box: ? types, so help is F1
        await wait_until(pilot, lambda: ("f1", "Help") in shown(app) or ("F1", "Help") in shown(app),
                         "help shown as F1 while typing")
        await pilot.press("escape")
        await wait_until(pilot, lambda: ("?", "Help") in shown(app), "help shown as ? again")


async def test_a_narrow_footer_keeps_help_and_quit_and_widening_brings_keys_back(make, sample):
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: ("e", "Edit") in shown(app), "the journal's footer")
        wide = shown(app)
        await pilot.resize_terminal(50, 20)
        await wait_until(pilot, lambda: len(shown(app)) < len(wide), "keys left out at 50 columns")
        narrow = shown(app)
        assert {"Help", "Quit"} <= {what for _, what in narrow}
        assert narrow == [key for key in wide if key in narrow]  # the same order, keys left out from the right
        keys = list(app.screen.query_one(KeyFooter).query(FooterKey))
        assert max(key.region.right for key in keys) <= 50
        await pilot.resize_terminal(120, 40)
        await wait_until(pilot, lambda: shown(app) == wide, "every key back at 120 columns")
