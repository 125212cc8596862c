"""Hostile input never ends in a traceback: JSON nested a thousand levels deep in every file
reflect reads, stdin closed or not UTF-8, ``~nouser/`` paths in every path option, oversized
files and lines. Each is one plain line on stderr, exit status 2, and the journal unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from reflect import json_input
from reflect.cli import main
from tests.reliability.conftest import content_digest, fill

DEEP = "[" * 1100 + "]" * 1100  # 2 KB: more than Python's JSON decoder can recurse


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_clean_line(status: int, err: str, *words: str) -> None:
    assert status == 2
    assert "Traceback" not in err and "Error:" not in err.split(":", 1)[0]
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reflect: "), err
    for word in words:
        assert word in lines[0], lines[0]


# -- the JSON reader itself ----------------------------------------------------------------

def test_json_deeper_than_the_limit_is_refused_before_decoding():
    ok = "[" * json_input.MAX_DEPTH + "]" * json_input.MAX_DEPTH
    assert json_input.loads(ok) is not None
    deeper = "[" * (json_input.MAX_DEPTH + 1) + "]" * (json_input.MAX_DEPTH + 1)
    for text in (deeper, DEEP, '{"a":' * 2000 + "1" + "}" * 2000, "[" * 5000):
        with pytest.raises(json_input.JSONLimitError):
            json_input.loads(text)


def test_brackets_inside_strings_do_not_count_as_depth():
    text = json.dumps({"title": "[" * 5000 + "\\\"{" * 100})
    assert json_input.loads(text)["title"].startswith("[[[")


def test_json_longer_than_allowed_is_refused():
    with pytest.raises(json_input.JSONLimitError, match="too long"):
        json_input.loads("[" + "1," * 100 + "1]", max_chars=50)


# -- every reader, through the command line ---------------------------------------------------

@pytest.fixture
def setup(tmp_path, monkeypatch):
    path = tmp_path / "journal.db"
    fill(path)
    monkeypatch.setenv("REFLECT_DB", str(path))
    monkeypatch.delenv("REFLECT_FRAMEWORK", raising=False)
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP)
    return path, deep


def deep_export(tmp_path, capsys, kind: str) -> os.PathLike:
    """A real export (or review pack) whose first entry's data line holds deeply nested JSON."""
    target = tmp_path / f"{kind}.md"
    argv = ["export", "-o", str(target)] if kind == "export" else ["review", "export", "-o", str(target)]
    assert main(argv) == 0
    capsys.readouterr()
    lines = target.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("<!-- reflect:entry "))
    lines[at] = '<!-- reflect:entry {"a": ' + DEEP + "} -->"
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


@pytest.mark.parametrize("command", ["import", "import-feedback"])
def test_deep_json_in_an_export_is_one_line(setup, tmp_path, capsys, command):
    path, _ = setup
    target = deep_export(tmp_path, capsys, "export")
    before = content_digest(path)
    status, _, err = run(capsys, command, str(target))
    # import names the line; import-feedback reads past a data line it cannot use.
    assert_one_clean_line(status, err, *(["line"] if command == "import" else []))
    assert content_digest(path) == before


@pytest.mark.parametrize("command", ["import", "import-feedback"])
def test_deep_nesting_in_an_exports_front_matter_is_one_line(setup, tmp_path, capsys, command):
    path, _ = setup
    target = tmp_path / "export.md"
    assert main(["export", "-o", str(target)]) == 0
    capsys.readouterr()
    # YAML's flow collections nest as JSON's do, and its parser recurses as deep.
    text = target.read_text(encoding="utf-8").replace("---\n", "---\nextra: " + DEEP + "\n", 1)
    target.write_text(text, encoding="utf-8")
    before = content_digest(path)
    status, _, err = run(capsys, command, str(target))
    assert_one_clean_line(status, err, "front matter", "nested too deeply")
    assert content_digest(path) == before


def test_deep_json_in_a_jrnl_export_is_one_line(setup, tmp_path, capsys):
    path, _ = setup
    jrnl = tmp_path / "j.json"
    jrnl.write_text('{"tags": {}, "entries": ' + DEEP + "}")
    before = content_digest(path)
    status, _, err = run(capsys, "import", "--from", "jrnl", str(jrnl))
    assert_one_clean_line(status, err, "nested")
    assert content_digest(path) == before


@pytest.mark.parametrize("how", ["option", "environment", "standards check", "journal setting"])
def test_deep_json_as_a_framework_is_one_line(setup, capsys, monkeypatch, how):
    path, deep = setup
    if how == "option":
        argv = ["--framework", str(deep), "list"]
    elif how == "environment":
        monkeypatch.setenv("REFLECT_FRAMEWORK", str(deep))
        argv = ["list"]
    elif how == "standards check":
        argv = ["standards", "check", str(deep)]
    else:
        # A journal whose framework setting points at such a file: every command read it.
        from reflect.journal import open_journal

        with open_journal(path) as journal:
            journal.settings.set("framework", str(deep))
        argv = ["list"]
    status, _, err = run(capsys, *argv)
    assert_one_clean_line(status, err, str(deep), "nested")
    if how == "journal setting":
        assert "config framework --unset" in err
        assert main(["config", "framework", "--unset"]) == 0
        capsys.readouterr()
        assert main(["list"]) == 0


# -- stdin ------------------------------------------------------------------------------------

def test_closed_stdin_is_one_line_in_process(setup, capsys, monkeypatch):
    path, _ = setup
    before = content_digest(path)
    monkeypatch.setattr(sys, "stdin", None)  # what Python gives a program started with <&-
    status, _, err = run(capsys, "add", "--title", "t")
    assert_one_clean_line(status, err, "stdin is closed")
    assert content_digest(path) == before


def reflect_process(*args: str, env: dict, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reflect", *args], env=env, capture_output=True, **options)


def test_closed_and_undecodable_stdin_in_a_real_process(setup):
    path, _ = setup
    env = dict(os.environ, REFLECT_DB=str(path))
    before = content_digest(path)
    closed = subprocess.run(["sh", "-c", f'exec "{sys.executable}" -m reflect add --title t <&-'],
                            env=env, capture_output=True, text=True)
    assert closed.returncode == 2 and "Traceback" not in closed.stderr
    assert closed.stderr.strip().splitlines() == [
        "reflect: Cannot read the reflection: stdin is closed (give it as an argument instead); nothing was saved."]
    bad = reflect_process("add", "--title", "t", env=env, input=b"caf\xe9 \xff\xfe")
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
    assert b"not UTF-8" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert content_digest(path) == before


# -- ~nouser paths ----------------------------------------------------------------------------

NOUSER = "~reflect-no-such-user-xyz/file"


@pytest.mark.parametrize("argv", [
    ["--db", NOUSER + ".db", "list"],
    ["--framework", NOUSER + ".json", "list"],
    ["export", "-o", NOUSER + ".md"],
    ["review", "export", "-o", NOUSER + ".md"],
    ["backup", NOUSER + ".db"],
    ["backup", "~reflect-no-such-user-xyz/"],
    ["restore-backup", NOUSER + ".db"],
    ["import", NOUSER + ".md"],
    ["import", "--from", "jrnl", NOUSER + ".txt"],
    ["import-feedback", NOUSER + ".md"],
    ["config", "framework", NOUSER + ".json"],
    ["standards", "check", NOUSER + ".json"],
])
def test_a_path_for_a_user_that_does_not_exist_is_one_line(setup, capsys, argv):
    path, _ = setup
    before = content_digest(path)
    status, _, err = run(capsys, *argv)
    assert_one_clean_line(status, err, "~reflect-no-such-user-xyz", "not a user")
    assert content_digest(path) == before


@pytest.mark.parametrize("variable", ["REFLECT_DB", "REFLECT_FRAMEWORK"])
def test_a_nouser_path_in_the_environment_is_one_line(setup, capsys, monkeypatch, variable):
    monkeypatch.setenv(variable, NOUSER)
    status, _, err = run(capsys, "list")
    assert_one_clean_line(status, err, "not a user")


def test_a_tilde_path_for_this_user_is_expanded(setup, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    status, out, _ = run(capsys, "export", "-o", "~/out/x.md")
    assert status == 0 and (tmp_path / "out" / "x.md").exists()


# -- sizes ------------------------------------------------------------------------------------

def test_an_oversized_feedback_file_is_refused_before_it_is_parsed(setup, tmp_path, capsys):
    from reflect.importers.feedback import MAX_FILE_BYTES

    path, _ = setup
    target = deep_export(tmp_path, capsys, "export")
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(("Mentor comment words. " * 50 + "\n") * (MAX_FILE_BYTES // 1100 + 10))
    before = content_digest(path)
    status, _, err = run(capsys, "import-feedback", str(target))
    assert_one_clean_line(status, err, "too big")
    assert content_digest(path) == before


def test_a_line_longer_than_any_export_writes_is_refused(setup, tmp_path, capsys):
    from reflect.importers.export_file import MAX_LINE_CHARS

    path, _ = setup
    target = tmp_path / "long.md"
    target.write_text("---\nreflect_export: 1\nkind: \"reflections\"\n---\n" + "x" * (MAX_LINE_CHARS + 10) + "\n")
    status, _, err = run(capsys, "import", str(target))
    assert_one_clean_line(status, err, "line 5", "longer than")


def test_unclosed_brackets_are_refused_whatever_the_recursion_limit():
    """A text that opens 5,000 brackets and never closes them is too deep, not merely
    malformed: the refusal must not depend on how deep Python lets the decoder recurse."""
    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20_000)
    try:
        for text in ("[" * 5000, '{"a":' * 2000, "[[" + "[" * json_input.MAX_DEPTH + "]]"):
            with pytest.raises(json_input.JSONLimitError):
                json_input.loads(text)
    finally:
        sys.setrecursionlimit(limit)
    with pytest.raises(json.JSONDecodeError):  # shallow and malformed: the decoder says where
        json_input.loads("[[[1,")
