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
