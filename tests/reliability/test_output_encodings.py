"""Output in any terminal encoding: what a terminal cannot show is replaced, never a crash,
and never after a save (a retry would add the entry twice). Real processes, since the encoding
of stdout is fixed when Python starts. File content (exports, also with ``-o -``) is UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reflect.journal import open_journal
from tests.reliability.conftest import fill

ENCODINGS = [
    {"PYTHONIOENCODING": "ascii"},
    {"PYTHONIOENCODING": "latin-1"},
    # A non-UTF-8 locale, as an old server or a minimal container has.
    {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
]
TITLE = "Ça va: Zoë’s “first” refund ✓"


@pytest.fixture
def journal_file(tmp_path):
    path = tmp_path / "journal.db"
    fill(path, 2)
    with open_journal(path) as journal:
        journal.entries.add(title=TITLE, body="Smiled — 😊 — and it went well.", day=journal.today(),
                            criteria=["SDS0223.K9"])
    return path


def reflect(path, encoding: dict, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "PYTHONIOENCODING", "PYTHONUTF8")}
    env.update(encoding, REFLECT_DB=str(path), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "reflect", *args], env=env, capture_output=True, timeout=60)


@pytest.mark.parametrize("encoding", ENCODINGS, ids=lambda e: "-".join(e.values()))
@pytest.mark.parametrize("argv", [["list"], ["show", "3"], ["search", "refund"],
                                  ["standards", "--unit", "SDS0223"]], ids=" ".join)
def test_reading_commands_replace_what_the_terminal_cannot_show(journal_file, encoding, argv):
    result = reflect(journal_file, encoding, *argv)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and result.stderr == b""
    assert result.stdout.strip()
    if argv[0] in ("list", "show"):
        assert b"va: Zo" in result.stdout  # the title is there, its odd characters replaced


@pytest.mark.parametrize("encoding", ENCODINGS, ids=lambda e: "-".join(e.values()))
def test_export_to_stdout_is_utf8_whatever_the_terminal(journal_file, encoding, tmp_path):
    result = reflect(journal_file, encoding, "export", "-o", "-")
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")  # strict: the export is whole UTF-8
    assert TITLE.replace("“", "\\“") in text or "Ça va" in text
    assert "😊" in text
    to_file = reflect(journal_file, encoding, "export", "-o", str(tmp_path / "out.md"))
    assert to_file.returncode == 0
    assert "😊" in (tmp_path / "out.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ENCODINGS, ids=lambda e: "-".join(e.values()))
def test_adding_with_a_title_the_terminal_cannot_show_saves_once_and_says_so(journal_file, encoding):
    result = reflect(journal_file, encoding, "add", "Ça va, merci — très bien")
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stdout.startswith(b"Added entry 4: ")
    with open_journal(journal_file) as journal:
        titles = [e.title for e in journal.entries.list().rows]
    assert titles.count("Ça va, merci — très bien") == 1


@pytest.mark.parametrize("encoding", ENCODINGS[:1], ids=lambda e: "-".join(e.values()))
def test_an_error_naming_text_the_terminal_cannot_show_is_still_one_line(journal_file, encoding):
    result = reflect(journal_file, encoding, "show", "Ça")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_save_whose_message_cannot_be_printed_still_succeeds_and_says_so(journal_file):
    # stdout on a full disk: the entry is saved, so the command must not fail (a retry would
    # add it twice); the message goes to stderr instead.
    env = dict(os.environ, REFLECT_DB=str(journal_file))
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "reflect", "add", "Saved once"], env=env,
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 0
    assert "Added entry 4: Saved once" in result.stderr and "stdout failed" in result.stderr
    assert "Traceback" not in result.stderr
    with open_journal(journal_file) as journal:
        assert [e.title for e in journal.entries.list().rows].count("Saved once") == 1
