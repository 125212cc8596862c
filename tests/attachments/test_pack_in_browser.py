"""The HTML review pack in a real headless Chromium: the attached picture is drawn, from the page
itself, under the page's own Content-Security-Policy.

Skipped where chromium, chromedriver or selenium are missing."""

from __future__ import annotations

from datetime import date

import pytest

from bench.browser import browser_missing, headless_chromium
from reflect.attachments.store import NewFile
from reflect.export.pack import write_review_pack
from tests.attachments import samples

if browser_missing():
    pytest.skip(f"no browser to drive: {browser_missing()}", allow_module_level=True)


def test_the_pack_shows_the_attached_photo(journal, framework, tmp_path):
    entry = journal.entries.add(day=date(2026, 11, 20), title="Thank-you card", body="A customer wrote to us.")
    journal.attachments.add(entry.id, [NewFile("card.png", samples.png(64, 48, (10, 160, 60))),
                                       NewFile("certificate.pdf", samples.pdf())])
    write_review_pack(journal, framework, tmp_path / "pack.html", html=True,
                      start=date(2026, 11, 1), end=date(2026, 11, 30))
    with headless_chromium() as browser:
        driver = browser.driver
        driver.get((tmp_path / "pack.html").as_uri())
        drawn = driver.execute_script(
            "const img = document.querySelector('figure.attachment img');"
            "return img && img.complete ? [img.naturalWidth, img.naturalHeight, img.alt] : null;")
        assert drawn == [64, 48, "card.png"]
        # The pixel itself: the browser decoded the picture, not just made room for it.
        pixel = driver.execute_script(
            "const img = document.querySelector('figure.attachment img');"
            "const c = document.createElement('canvas'); c.width = 1; c.height = 1;"
            "const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
            "return Array.from(g.getImageData(0, 0, 1, 1).data);")
        assert pixel == [10, 160, 60, 255]
        link = driver.execute_script(
            "return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))"
            ".find(h => h && h.endsWith('certificate.pdf'));")
        assert link is not None and link.startswith("pack_files/")
