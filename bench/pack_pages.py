"""How many A4 pages the demo journal's review pack prints to, in a real browser.

    python bench/pack_pages.py [--keep FOLDER] [--chromium chromium]

Builds the demo journal (`reflect demo`'s) for today, writes its review pack as HTML (the
period since the last review, as `reflect review export --html` does), prints it to PDF
with headless Chromium and counts the pages with `pdfinfo` (poppler-utils). With --keep the
HTML and PDF stay in FOLDER, to look at (`pdftoppm -png`). Target: at most 15 pages.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reflect.demo.journal import build_demo_journal  # noqa: E402
from reflect.export.pack import write_review_pack  # noqa: E402
from reflect.framework.standards import load_framework  # noqa: E402
from reflect.journal import open_journal  # noqa: E402

TARGET = 15


def pages(html: Path, pdf: Path, chromium: str) -> int:
    """Print ``html`` to ``pdf`` with headless Chromium (A4 from the page's own @page rule)
    and return the number of pages."""
    profile = pdf.parent / "chromium-profile"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", f"--user-data-dir={profile}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", html.resolve().as_uri()],
                   check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="FOLDER", help="keep the HTML and PDF here")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="reflect-pack-pages-"))
    folder.mkdir(parents=True, exist_ok=True)
    framework = load_framework()
    db = folder / "demo.db"
    db.unlink(missing_ok=True)
    build_demo_journal(db, framework, date.today())
    with open_journal(db) as journal:
        result = write_review_pack(journal, framework, folder / "pack.html", html=True, overwrite=True)
    count = pages(result.path, folder / "pack.pdf", args.chromium)
    print(f"Demo review pack ({result.entries} reflections, {result.objectives} objectives): {count} A4 pages "
          f"(target at most {TARGET}){'' if count <= TARGET else ' MISSED'}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if count <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
