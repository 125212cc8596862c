"""Control characters never reach the journal's titles or a printed message; bad argv bytes are refused."""

import subprocess
import sys
from datetime import date

from reflect.sanitize import clean_body, clean_line, has_undecodable, one_line
from tests.test_cli_entries import ROOT, assert_clean_failure, reflect  # noqa: F401 (fixture)


def test_clean_line_turns_controls_and_breaks_into_single_spaces():
    assert clean_line("  Refund\x1b]0;pwned\x07 at\nthe   till\r ") == "Refund ]0;pwned at the till"


def test_clean_body_keeps_lines_and_tabs_and_drops_other_controls():
    assert clean_body("one\r\ntwo\rthree\n\tfour\x1b[2J\x00\x7f") == "one\ntwo\nthree\n\tfour[2J"


def test_clean_body_keeps_unicode_writing():
    text = "Zoë said “thanks” 😀 — مرحبا\n日本語"
    assert clean_body(text) == text


def test_one_line_escapes_controls():
    assert one_line('Unknown meta-skill "a\nb\x1b"') == 'Unknown meta-skill "a\\nb\\x1b"'


def test_one_line_shortens_huge_messages():
    shown = one_line("x" * 100_000)
    assert len(shown) < 2100 and " … " in shown


def test_has_undecodable():
    assert has_undecodable("caf\udce9") and not has_undecodable("café")


def test_store_cleans_titles_and_bodies(journal):
    entry = journal.entries.add(day=date(2026, 11, 1), title="Bad\x1b[31m title\n", body="a\r\nb\x07")
    assert (entry.title, entry.body) == ("Bad [31m title", "a\nb")


def test_error_echoing_a_newline_is_one_line(reflect):
    result = reflect("add", "--skill", "line\nbreak", "words")
    assert_clean_failure(result, 'Unknown meta-skill "line\\nbreak"')


def test_argument_that_is_not_utf8_is_refused(reflect):
    result = subprocess.run([sys.executable, "-m", "reflect", "add", b"caf\xe9 latin-1"], capture_output=True,
                            env=reflect.env, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == ("reflect: an argument is not valid UTF-8 text (check your "
                                              "terminal's encoding); nothing was changed")
    assert not reflect.db.exists()


def test_very_long_journal_name_is_one_line(reflect):
    assert_clean_failure(reflect("list", "--db", "x" * 5000), "File name too long")


def test_entry_number_too_big_for_sqlite(reflect):
    reflect.ok("add", "one")
    assert_clean_failure(reflect("show", "9" * 30), "is not an entry number")


def test_list_and_show_print_no_control_characters_from_old_journals(reflect):
    import sqlite3

    reflect.ok("add", "--title", "clean", "body")
    conn = sqlite3.connect(reflect.db)  # as an older reflect, or an import, might have stored it
    conn.execute("UPDATE entries SET title = 'sneaky\x1b]0;owned\x07' WHERE id = 1")
    conn.commit()
    conn.close()
    assert "\x1b" not in reflect.ok("list") and "\x1b" not in reflect.ok("show", "1")


def test_shown_line_removes_direction_overrides_and_zero_width_characters():
    from reflect.sanitize import shown_line, shown_text

    spoof = "Invoice\u202egnp.exe \u2066x\u2069 zero\u200bwidth\u200d\ufeff \u2060joined\x1b[2J"
    assert shown_line(spoof) == "Invoicegnp.exe x zerowidth joined [2J"
    assert shown_text("line one\u202e\nline two\u200b") == "line one\nline two"
    assert one_line("bad \u202etitle") == "bad title"


def test_titles_are_shown_without_spoofing_characters(tmp_path, capsys, monkeypatch):
    from reflect.cli import main
    from reflect.journal import open_journal

    path = tmp_path / "journal.db"
    monkeypatch.setenv("REFLECT_DB", str(path))
    title = "Refund\u202eslip\u200b done"
    assert main(["add", "--title", title, "body"]) == 0
    with open_journal(path) as journal:
        [row] = journal.entries.list().rows
        assert row.title == title  # stored as written
    for argv in (["list"], ["show", "1"], ["search", "body"]):
        assert main(argv) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\u200b" not in out
    assert "Refundslip done" in out
