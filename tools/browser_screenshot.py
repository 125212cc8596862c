"""Take the README's picture of `reflect serve`: the demo journal in headless Chromium.

    python tools/browser_screenshot.py [docs/serve.png]

Builds the sample journal in a temporary folder, serves it with `reflect serve --no-open`,
opens the address in the distribution's Chromium and saves what the tab shows.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import browser_missing, headless_chromium, reflect_serve  # noqa: E402
from reflect.demo.journal import build_demo_journal  # noqa: E402
from reflect.framework.standards import load_framework  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "serve.png")
    if browser_missing():
        print(f"cannot take the picture: {browser_missing()}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        build_demo_journal(db, load_framework(), date(2026, 11, 24))
        with reflect_serve(db, cwd=ROOT) as served, headless_chromium() as browser:
            browser.driver.set_window_size(1000, 640)
            browser.driver.get(served.url)
            browser.wait_for("queue cards")  # the preview of the newest reflection
            time.sleep(1.0)  # let the canvas catch up with the last frames
            browser.driver.save_screenshot(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
