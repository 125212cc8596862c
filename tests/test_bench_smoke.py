"""`python -m bench --quick` still runs and reports every row (the full benchmark is not run here)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.operations import OPERATIONS

ROOT = Path(__file__).parent.parent
MEASURED_NOW = ("version", "list", "search", "filter", "show", "gaps", "gaps-json", "stats", "review-prepare",
                "objectives", "export", "import-jrnl")


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    result = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return out, result.stdout, json.loads((out / "results.json").read_text())


def test_every_operation_has_a_row(quick_run):
    _, _, results = quick_run
    assert list(results["sizes"]) == ["1000"]
    rows = results["sizes"]["1000"]["commands"]
    assert [r["key"] for r in rows] == [op.key for op in OPERATIONS]


@pytest.mark.parametrize("key", MEASURED_NOW)
def test_existing_commands_have_time_and_memory(quick_run, key):
    _, _, results = quick_run
    row = next(r for r in results["sizes"]["1000"]["commands"] if r["key"] == key)
    assert row["reflect"]["note"] == ""
    assert row["reflect"]["median_ms"] > 0 and row["reflect"]["peak_mib"] > 0
    assert row["jrnl"] is None  # --quick leaves jrnl out, so no network is needed


def test_commands_not_built_yet_are_skipped_with_a_note_or_measured(quick_run):
    _, _, results = quick_run
    for row in results["sizes"]["1000"]["commands"]:
        assert "median_ms" in row["reflect"] or row["reflect"]["note"], row


def test_store_queries_are_timed(quick_run):
    _, _, results = quick_run
    queries = results["sizes"]["1000"]["queries"]
    assert any(q["label"] == 'as you type "customer complaint"' for q in queries)
    assert all(q["median_ms"] >= 0 and q["note"] == "" for q in queries)


def test_tables_are_printed_and_saved(quick_run):
    out, stdout, _ = quick_run
    saved = (out / "RESULTS.md").read_text()
    for text in (stdout, saved):
        assert "| operation | reflect ms, median (min–max) |" in text
        assert "| list -n 10 | " in text
        assert "| as you type \"cus\" | " in text


def test_saving_results_keeps_what_people_wrote_around_them(quick_run, tmp_path):
    from bench.report import END, START, save_results_md

    _, _, results = quick_run
    path = tmp_path / "RESULTS.md"
    path.write_text(f"# Results\n\nBefore/after notes.\n\n{START}\nold numbers\n{END}\n\n## Fixes\nkept\n")
    save_results_md(path, results)
    text = path.read_text()
    assert "Before/after notes." in text and "## Fixes\nkept" in text
    assert "old numbers" not in text and "| list -n 10 | " in text


def test_the_app_first_screen_is_timed(quick_run):
    _, _, results = quick_run
    app = results["sizes"]["1000"]["app"]
    assert app["note"] == "" and 0 < app["median_ms"] < 60_000


def test_the_import_starts_from_a_new_journal_every_run(quick_run):
    out, _, _ = quick_run
    import sqlite3

    conn = sqlite3.connect(out / "work" / "1000" / "imported.db")
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 1000
    conn.close()


def test_a_minimal_textual_app_is_timed_beside_the_app(quick_run):
    _, stdout, results = quick_run
    base = results["sizes"]["1000"]["app_baseline"]
    assert base["note"] == "" and 0 < base["median_ms"] < 60_000
    assert "minimal Textual app (header, list, Markdown, footer), same start" in stdout
