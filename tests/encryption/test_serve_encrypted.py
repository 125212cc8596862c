"""`reflect serve` on an encrypted journal: the tab asks for the passphrase in the app's dialog.

A real `reflect serve` process and headless Chromium (skipped where they are missing, as in
tests/serve/test_in_browser.py). The server never holds the key: the app in the tab unlocks
the journal in its own process, and nothing decrypted is written beside the journal.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from bench.browser import browser_missing, headless_chromium
from reflect.journal import open_journal
from reflect.store import cipher, encryption
from tests.encryption.conftest import PASSPHRASE, files_holding_canaries
from tests.serve.conftest import serve  # noqa: F401  (the real `reflect serve`, as fixture)

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")

if browser_missing():
    pytest.skip(f"no browser to drive: {browser_missing()}", allow_module_level=True)

from selenium.webdriver.common.keys import Keys  # noqa: E402


def _wait_closed(browser, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while "-closed" not in (browser.driver.find_element("tag name", "body").get_attribute("class") or ""):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page never said reflect had closed; drawn: {browser.text()[-300:]!r}")
        time.sleep(0.05)


@pytest.fixture
def locked(tmp_path):
    """An encrypted journal holding one reflection with a canary word."""
    db = tmp_path / "journal.db"
    with open_journal(db) as journal:
        journal.entries.add(day=date(2026, 11, 20), title="Zanzibarcanary at the till",
                            body="A quokkasecret I told nobody.")
    encryption.encrypt(db, PASSPHRASE)
    cipher.forget_keys()
    return db


def test_the_tab_unlocks_the_journal_in_the_apps_dialog(serve, locked, tmp_path):
    with serve(locked) as served, headless_chromium() as browser:
        browser.driver.get(served.url)
        browser.wait_for("This journal is locked")
        browser.keys("not the passphrase", Keys.ENTER)
        browser.wait_for("does not open this journal (2 tries left)")
        browser.clear()
        browser.keys(PASSPHRASE, Keys.ENTER)
        browser.wait_for("Zanzibarcanary at the till")
        assert PASSPHRASE not in browser.text()  # the passphrase is never drawn
        browser.keys("n")
        browser.wait_for("New reflection")
        browser.keys("Written in the browser", Keys.TAB, "panicattack-at-till-4 words")
        browser.wait_for("till-4 words")
        browser.keys(Keys.CONTROL, "s")
        browser.wait_for('Saved "Written in the browser"')
    assert files_holding_canaries(tmp_path) == []  # journal, its -wal, backups: all encrypted
    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    with open_journal(locked, create=False) as journal:
        titles = sorted(row.title for row in journal.entries.list().rows)
    assert titles == ["Written in the browser", "Zanzibarcanary at the till"]


def test_a_locked_tab_that_gives_up_changes_nothing(serve, locked, tmp_path):
    before = locked.read_bytes()
    with serve(locked) as served, headless_chromium() as browser:
        browser.driver.get(served.url)
        browser.wait_for("This journal is locked")
        browser.keys(Keys.ESCAPE)
        _wait_closed(browser)  # the app in the tab has ended: the page says so
    assert locked.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("journal")) == ["journal.db"]
