"""`reflect serve` in a real browser: headless Chromium from the distribution, via selenium.

Skipped where chromium, chromedriver or selenium are missing. Few and bounded: each test is one
server and one browser, and every wait has a deadline.
"""

from __future__ import annotations

import sys
import time
from urllib.parse import urlsplit

import pytest

from bench.browser import browser_missing, headless_chromium
from reflect.journal import open_journal

if browser_missing():
    pytest.skip(f"no browser to drive: {browser_missing()}", allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

FIRST_SCREEN = "No reflections yet"


def open_page(browser, served) -> None:
    browser.clear()
    browser.urls.clear()
    browser.driver.get(served.url)
    browser.wait_for(FIRST_SCREEN)
    browser.wait_for("/ Search")  # the footer's keys: the app knows its tab has the keyboard


def pending_drafts(db, timeout: float = 20.0) -> list:
    """The journal's unsaved drafts, waiting until there is one (an app keeps it as it quits)."""
    deadline = time.monotonic() + timeout
    while True:
        with open_journal(db, create=False) as journal:
            drafts = journal.drafts.pending()
        if drafts or time.monotonic() > deadline:
            return drafts
        time.sleep(0.1)


def test_a_reflection_typed_in_the_browser_is_saved_and_nothing_leaves_the_machine(serve, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with serve(cwd=tmp_path) as served, headless_chromium() as browser:
        browser.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                       {"behavior": "allow", "downloadPath": str(downloads)})
        open_page(browser, served)
        # The keyboard is in the terminal from the start: no click needed before typing.
        ActionChains(browser.driver).send_keys("n").perform()
        browser.wait_for("New reflection")
        browser.keys("Refund at the till", Keys.TAB, "A customer wanted money back without a receipt.")
        browser.wait_for("without a receipt")
        browser.keys(Keys.CONTROL, "s")  # a key browsers use for themselves: it reaches the app
        browser.wait_for('Saved "Refund at the till"')

        # ctrl+p is the browser's print key; it reaches the app's palette. The export is written
        # to journals/ where reflect started, and the same file is downloaded by the browser.
        browser.keys(Keys.ESCAPE)
        browser.wait_for("/ Search")
        browser.clear()
        browser.keys(Keys.CONTROL, "p")
        browser.wait_for("Search for commands")
        browser.keys("Export")
        browser.wait_for("Reflections or a review pack")
        browser.keys(Keys.ENTER)
        browser.wait_for("ctrl+s exports")
        browser.keys(Keys.CONTROL, "s")
        browser.wait_for("offered to your browser")
        [written] = (tmp_path / "journals").iterdir()
        deadline = time.monotonic() + 20
        while not (downloads / written.name).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert (downloads / written.name).read_bytes() == written.read_bytes()
        assert "Refund at the till" in written.read_text(encoding="utf-8")

        # A second tab on the same address is told the journal is open in the first.
        first = browser.driver.current_window_handle
        browser.driver.switch_to.new_window("tab")
        browser.clear()
        browser.driver.get(served.url)
        browser.wait_for("already open in another tab")
        browser.driver.close()
        browser.driver.switch_to.window(first)

        # Reloading the driving tab hands the journal over to the reloaded page.
        browser.clear()
        browser.driver.refresh()
        browser.wait_for("Refund at the till")
        assert "already open" not in browser.text()

        # F-keys are reflect's area keys: F5 (a browser's reload key) opens the logs, and the page
        # stays as it is (a reload would show the journal again).
        browser.clear()
        browser.keys(Keys.F5)
        browser.wait_for("No feedback logged yet")

        outside = [u for u in browser.urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                   and urlsplit(u).netloc != f"127.0.0.1:{served.port}"]
        assert not outside, outside
        assert any(u.endswith(".ttf") for u in browser.urls)  # the font came from this server
    with open_journal(tmp_path / "journal.db", create=False) as journal:
        [summary] = journal.entries.list().rows
        entry = journal.entries.get(summary.id)
    assert (entry.title, entry.body) == ("Refund at the till", "A customer wanted money back without a receipt.")


def test_writing_left_when_the_tab_closes_or_the_browser_crashes_is_offered_back(serve, tmp_path):
    db = tmp_path / "journal.db"
    with serve() as served:
        with headless_chromium() as browser:
            open_page(browser, served)
            browser.keys("n")
            browser.wait_for("New reflection")
            browser.keys("Half a thought", Keys.TAB, "The customer was upset because")
            browser.wait_for("upset because")
            first = browser.driver.current_window_handle
            browser.driver.switch_to.new_window("tab")
            browser.driver.switch_to.window(first)
            browser.driver.close()  # mid-sentence, nothing saved
            [draft] = pending_drafts(db)
            assert draft.title == "Half a thought"

            browser.driver.switch_to.window(browser.driver.window_handles[0])
            browser.clear()
            browser.driver.get(served.url)
            browser.wait_for("Unsaved writing found")
            browser.keys(Keys.ENTER)
            browser.wait_for("upset because")
            browser.keys(" the refund took a week")
            browser.wait_for("took a week")
            if sys.platform != "linux":
                return
            browser.crash()
        deadline = time.monotonic() + 20
        while "took a week" not in pending_drafts(db)[0].data.get("body", "") and time.monotonic() < deadline:
            time.sleep(0.1)
        with headless_chromium() as browser:
            browser.driver.get(served.url)
            browser.wait_for("Unsaved writing found")
            browser.keys(Keys.ENTER)
            browser.wait_for("took a week")
