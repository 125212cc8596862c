"""The entry commands, run as a person runs them: a real process on a real journal file."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import Reflect
from tests.conftest import TINY_FRAMEWORK  # noqa: F401

ROOT = Path(__file__).parent.parent


@pytest.fixture
def reflect(tmp_path) -> Reflect:
    return Reflect(tmp_path)


def assert_clean_failure(result, message: str) -> None:
    """Exit status 2, one line on stderr saying what is wrong, no traceback."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_add_then_show_as_json(reflect):
    out = reflect.ok("add", "--title", "Busy Saturday", "--date", "21/11/2026", "--skill", "kneading",
                     "--criterion", "bake01 p2", "--private", "Kneaded forty loaves.")
    assert "Added entry 1: Busy Saturday (Sat 21 Nov 2026) [private]" in out
    entry = reflect.json("show", "1")
    assert entry["date"] == "2026-11-21"
    assert entry["title"] == "Busy Saturday"
    assert entry["body"] == "Kneaded forty loaves."
    assert entry["skills"] == ["kneading"]
    assert entry["criteria"] == ["BAKE01.P2"]
    assert entry["private"] is True


def test_add_reads_body_from_stdin_and_titles_it_from_first_line(reflect):
    reflect.ok("add", input="# Counter rush\n\nServed the queue.\n")
    entry = reflect.json("show", "1")
    assert entry["title"] == "Counter rush"
    assert entry["body"] == "# Counter rush\n\nServed the queue.\n"


def test_add_uses_editor_when_stdin_is_a_terminal(reflect, tmp_path):
    script = tmp_path / "fake-editor.py"
    script.write_text("import sys\nopen(sys.argv[1], 'a').write('Wrote this in my editor.')\n")
    editor = f"{sys.executable} {script}"
    # A pseudo-terminal on stdin makes reflect think a person is at the keyboard.
    import pty

    primary, secondary = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "reflect", "add", "--model", "driscoll"],
                                stdin=secondary, capture_output=True, text=True, cwd=ROOT, timeout=60,
                                env=reflect.env | {"EDITOR": editor})
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 0, result.stderr
    body = reflect.json("show", "1")["body"]
    assert body.startswith("## What?")
    assert body.endswith("Wrote this in my editor.")


def test_list_shows_newest_first_and_json_has_required_keys(reflect):
    reflect.ok("add", "--date", "1/11/2026", "older")
    reflect.ok("add", "--date", "2/11/2026", "newer")
    lines = reflect.ok("list").splitlines()
    assert "newer" in lines[0] and "older" in lines[1]
    data = reflect.json("list", "-n", "1")
    assert len(data) == 1
    assert {"id", "date", "title", "body", "skills", "criteria", "private"} <= set(data[0])


def test_list_on_empty_journal_is_helpful(reflect):
    out = reflect.ok("list")
    assert "No reflections yet" in out


def test_list_filters_by_skill_unit_and_dates(reflect):
    reflect.ok("add", "--skill", "patience", "--criterion", "SERVE02.P1", "--date", "3/11/2026", "served")
    reflect.ok("add", "--skill", "kneading", "--date", "10/11/2026", "kneaded")
    assert [e["title"] for e in reflect.json("list", "--skill", "Patience")] == ["served"]
    assert [e["title"] for e in reflect.json("list", "--unit", "serve02")] == ["served"]
    assert [e["title"] for e in reflect.json("list", "--from", "5/11/2026")] == ["kneaded"]


def test_search_shows_highlighted_snippets(reflect):
    reflect.ok("add", "--title", "Counter", "A customer complained about the queue.")
    out = reflect.ok("search", "complaining")
    assert "[complained]" in out
    data = reflect.json("search", "complaining")
    assert data[0]["snippet"].count("**complained**") == 1


@pytest.mark.parametrize("query", ['"', "follow-up", "AND", "*", "'; DROP TABLE entries; --"])
def test_search_survives_awkward_queries(reflect, query):
    reflect.ok("add", "follow-up with the customer")
    result = reflect("search", query)
    assert result.returncode == 0, result.stderr


def test_edit_changes_fields(reflect):
    reflect.ok("add", "--skill", "kneading", "first words")
    reflect.ok("edit", "1", "--title", "Better", "--skill", "decorating", "--public")
    entry = reflect.json("show", "1")
    assert (entry["title"], entry["skills"], entry["body"]) == ("Better", ["decorating"], "first words")


def test_edit_failing_editor_changes_nothing(reflect):
    reflect.ok("add", "my words")
    result = reflect("edit", "1")  # EDITOR=false exits 1
    assert_clean_failure(result, "nothing was changed")
    assert reflect.json("show", "1")["body"] == "my words"


def test_delete_restore_and_empty_trash(reflect):
    reflect.ok("add", "keep")
    reflect.ok("add", "bin")
    assert "to the trash" in reflect.ok("delete", "2")
    assert [e["id"] for e in reflect.json("trash")] == [2]
    reflect.ok("restore", "2")
    assert reflect.json("trash") == []
    reflect.ok("delete", "2")
    assert_clean_failure(reflect("trash", "empty"), "--yes")
    assert "Removed 1" in reflect.ok("trash", "empty", "--yes")
    assert [e["id"] for e in reflect.json("list")] == [1]


def test_delete_with_one_bad_id_deletes_nothing(reflect):
    reflect.ok("add", "keep me")
    assert_clean_failure(reflect("delete", "1", "99"), "No entry 99")
    assert len(reflect.json("list")) == 1


BAD_INPUT = [
    (("add", "--skill", "kneeding", "x"), 'Unknown meta-skill "kneeding". Did you mean kneading?'),
    (("add", "--criterion", "BAKE01.P9", "x"), 'Unknown criterion "BAKE01.P9"'),
    (("add", "--date", "32/01/2026", "x"), "32/01/2026"),
    (("add", "--date", "02/13/2026", "x"), "02/13/2026"),
    (("add", "--time", "forever", "x"), "forever"),
    (("add", ""), "Nothing written"),
    (("show", "42"), "No entry 42"),
    (("show", "abc"), '"abc" is not an entry number'),
    (("edit", "42", "--title", "x"), "No entry 42"),
    (("restore", "1"), "No entry 1"),
    (("list", "--from", "1/12/2026", "--to", "1/11/2026"), "is after --to"),
    (("list", "-n", "0"), "between 1 and 100000"),
    (("list", "--unit", "NOPE1"), 'Unknown unit "NOPE1"'),
    (("frobnicate",), "there is no command \"frobnicate\""),
]


@pytest.mark.parametrize("args,message", BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_exits_2_with_one_clear_line(reflect, args, message):
    assert_clean_failure(reflect(*args), message)


def test_bad_add_leaves_no_half_written_entry(reflect):
    reflect.ok("add", "first")
    reflect("add", "--skill", "kneading", "--criterion", "NOPE.P1", "second")
    assert len(reflect.json("list")) == 1


def test_journal_that_is_not_sqlite_is_refused(reflect):
    reflect.db.write_text("not a database")
    assert_clean_failure(reflect("list"), "not an SQLite database")
    assert reflect.db.read_text() == "not a database"


def test_locked_journal_gives_clear_message(reflect):
    reflect.ok("add", "first")
    holder = sqlite3.connect(reflect.db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = reflect("add", "second", env={"REFLECT_BUSY_TIMEOUT": "0.2"})
    finally:
        holder.rollback()
        holder.close()
    assert_clean_failure(result, "busy")


def test_broken_framework_file_is_reported(reflect, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert_clean_failure(reflect("list", "--skill", "x", "--framework", str(bad)), "schema_version: missing")


def test_reading_commands_do_not_import_textual(reflect):
    reflect.ok("add", "x")
    code = ("import sys, runpy; sys.argv=['reflect','list'];"
            "from reflect.cli import main; main(); assert 'textual' not in sys.modules, 'textual imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=reflect.env, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_every_command_has_help_with_examples(reflect):
    for command in ("add", "list", "search", "show", "edit", "delete", "restore", "trash", "standards", "config"):
        out = reflect.ok(command, "--help")
        assert "examples:" in out, command


def _subcommands(parser, prefix=()):
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen = set()
            for name, sub in action.choices.items():
                if id(sub) not in seen:  # aliases share a parser
                    seen.add(id(sub))
                    yield from _subcommands(sub, prefix + (name,))
            return
    yield prefix, parser


def test_every_subcommand_of_every_command_has_examples():
    from reflect.cli import build_parser

    commands = list(_subcommands(build_parser()))
    assert len(commands) > 40  # the whole grammar, not a fast path's slice
    missing = [" ".join(path) for path, parser in commands if "examples:" not in parser.format_help()]
    assert missing == []
