"""Privacy: no network at all, private files whatever the umask, nothing left in temp folders."""

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.reliability.terminal import AppInTerminal, poll, terminal_env
from tests.test_cli_entries import ROOT, Reflect

SECRET = "my manager shouted at me about the refund"

#: Replaces every way Python opens a connection with one that leaves a mark and refuses.
NO_NETWORK = '''
import os, socket

def _refuse(*args, **kwargs):
    with open(os.environ["REFLECT_NETWORK_MARK"], "a") as mark:
        mark.write(repr(args[1:3]) + "\\n")
    raise OSError("reflect tried to use the network")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse
socket.getaddrinfo = _refuse
socket.create_connection = _refuse
'''


@pytest.fixture
def offline(tmp_path):
    """A Reflect runner whose processes cannot open a socket without it being recorded."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK)
    runner = Reflect(tmp_path)
    runner.mark = tmp_path / "network-used"
    runner.env.update(PYTHONPATH=f"{guard}{os.pathsep}{ROOT}", REFLECT_NETWORK_MARK=str(runner.mark))
    return runner


def test_the_network_guard_catches_a_connection(offline):
    # Proves the guard works, so the next test's silence means something.
    code = "import urllib.request\ntry: urllib.request.urlopen('http://127.0.0.1:9', timeout=1)\nexcept OSError: pass"
    subprocess.run([sys.executable, "-c", code], env=offline.env, cwd=ROOT, timeout=60)
    assert offline.mark.exists()


def test_reflect_opens_no_connection(offline, tmp_path):
    offline.ok("add", "--skill", "kneading", "--criterion", "BAKE01.P1", "--private", SECRET)
    offline.ok("add", "--date", "yesterday", "second")
    for command in (["list"], ["search", "refund"], ["show", "1"], ["edit", "2", "--title", "x"],
                    ["standards"], ["standards", "--skills"], ["config"], ["backup"],
                    ["backup", "--list"], ["doctor"], ["delete", "2"], ["restore", "2"], ["trash"],
                    ["--help"], ["--version"]):
        result = offline(*command)
        assert result.returncode in (0, 1), (command, result.stderr)
    backup = next((tmp_path / "backups").iterdir())
    offline.ok("restore-backup", str(backup))
    assert not offline.mark.exists(), offline.mark.read_text()


def test_export_import_review_gaps_and_stats_open_no_connection(offline, tmp_path):
    offline.ok("add", "--skill", "kneading", "--criterion", "BAKE01.P1", "--private", SECRET)
    offline.ok("add", "--date", "yesterday", "--skill", "patience", "second")
    offline.ok("objective", "add", "Weigh every batch of flour within 2 weeks", "--skill", "kneading")
    export = tmp_path / "out" / "export.md"
    for command in (["export", "-o", str(export), "--include-private"], ["export", "-o", "-"],
                    ["import", "--dry-run", str(export)], ["--db", str(tmp_path / "other.db"), "import", str(export)],
                    ["review", "prepare"], ["review", "prepare", "--json"], ["review", "schedule"],
                    ["gaps"], ["gaps", "--json"], ["stats"], ["stats", "--json"], ["objective", "check", "1"],
                    ["units"], ["assess", "--help"], ["feedback", "list"], ["training", "list"],
                    ["activity", "list"]):
        result = offline(*command)
        assert result.returncode in (0, 1), (command, result.stderr)
    assert not offline.mark.exists(), offline.mark.read_text()


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals (POSIX)")
def test_the_app_opens_no_connection(offline, tmp_path):
    env = terminal_env(tmp_path, PYTHONPATH=offline.env["PYTHONPATH"], REFLECT_NETWORK_MARK=str(offline.mark))
    with AppInTerminal(tmp_path / "journal.db", env) as app:
        app.open_new_entry()
        app.type("Counter rush")
        app.press("tab", pause=0.4)
        app.type(SECRET)
        shown = app.mark()
        app.press("ctrl+s")
        app.wait_for('Saved "Counter rush', since=shown)
        app.back_to_journal()
        shown = app.mark()
        app.press("f")  # the framework browser too (every screen: the next test)
        app.wait_for("Bake bread", since=shown)
        app.press("ctrl+q")
        assert app.wait_exit() == 0
    assert not offline.mark.exists(), offline.mark.read_text()


async def test_the_app_headless_opens_no_connection(journal, tiny_framework):
    # In-process, every screen and dialog: the autouse no_network fixture fails on any connection.
    from reflect.tui.factory import make_app

    journal.entries.add(day=date(2026, 11, 20), title="First", body=SECRET, skills=["kneading"])
    app = make_app(journal, tiny_framework, blink=False, catch_bugs=False, autosave_delay=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Rush", "ctrl+g", "space", "enter", "ctrl+r", *"P1", "down", "space", "enter",
                          "ctrl+s", "escape")
        await pilot.press("t", "enter", "x", "escape", "d")  # a model's template, then discarded
        await pilot.press("f", "enter", "escape", "escape", "question_mark", "escape", "slash", "r", "escape")
        await pilot.press("ctrl+p", "t", "escape")
        await pilot.pause()
    assert [e.title for e in journal.entries.list().rows] == ["Rush", "First"]


def _drafts(db: Path) -> int:
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM drafts").fetchone()[0]
    finally:
        conn.close()


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def quiet_home(tmp_path):
    """An environment whose temporary, home and data folders are empty and apart from the journal."""
    temp, home = tmp_path / "tmp", tmp_path / "home"
    temp.mkdir()
    home.mkdir()
    env = terminal_env(tmp_path, TMPDIR=str(temp), HOME=str(home), XDG_DATA_HOME=str(home / "data"),
                       XDG_CACHE_HOME=str(home / "cache"), XDG_CONFIG_HOME=str(home / "config"),
                       XDG_STATE_HOME=str(home / "state"))
    return env, temp, home


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals (POSIX)")
def test_the_app_leaves_nothing_in_temporary_or_home_folders(quiet_home, tmp_path):
    env, temp, home = quiet_home
    db = tmp_path / "data" / "journal.db"
    with AppInTerminal(db, env) as app:
        app.open_new_entry()
        app.type("Counter rush")
        app.press("tab", pause=0.4)
        app.type(SECRET)
        poll(lambda: _drafts(db), "the draft to be kept")
        assert _tree(temp) == [] and _tree(home) == []  # not even while it runs
        shown = app.mark()
        app.press("ctrl+s")
        app.wait_for('Saved "Counter rush', since=shown)
        app.back_to_journal()
        app.press("ctrl+q")
        assert app.wait_exit() == 0
    assert _tree(temp) == []
    assert _tree(home) == []
    assert sorted(p.name for p in db.parent.iterdir()) == ["journal.db"]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals (POSIX)")
def test_the_demo_removes_its_sample_journal_when_it_quits(quiet_home, tmp_path):
    env, temp, home = quiet_home
    db = tmp_path / "mine" / "journal.db"
    with AppInTerminal(db, env, "demo") as app:
        app.wait_for("demo ·")  # the area bar marks the sample journal
        assert [p.name.startswith("reflect-demo-") for p in temp.iterdir()] == [True]
        app.press("ctrl+q")
        assert app.wait_exit() == 0
    assert _tree(temp) == []
    assert _tree(home) == []
    assert not db.parent.exists()  # the person's own journal was not even opened


PRIVATE_WORD = "Zanzibarquokka"  # in a private entry only: anywhere else, it leaked


@pytest.fixture
def with_private_entry(tmp_path):
    runner = Reflect(tmp_path)
    runner.ok("add", "--title", "Public day", "--skill", "kneading", "--criterion", "BAKE01.P1", "Served bread.")
    runner.ok("add", "--title", f"{PRIVATE_WORD} title", "--skill", "kneading", "--criterion", "BAKE01.P1",
              "--private", f"A {PRIVATE_WORD} body.")
    return runner


@pytest.mark.parametrize("command", [
    ["export", "-o", "-"], ["export", "-o", "{tmp}/out.md"], ["review", "prepare"], ["review", "prepare", "--json"],
    ["gaps", "--public", "--json"], ["stats", "--public", "--json"],
], ids=" ".join)
def test_a_private_entry_never_reaches_what_a_mentor_reads_unless_asked(with_private_entry, tmp_path, command):
    command = [part.replace("{tmp}", str(tmp_path)) for part in command]
    out = with_private_entry.ok(*command)
    written = (tmp_path / "out.md").read_text() if (tmp_path / "out.md").exists() else ""
    assert "Public day" in out + written or "--public" in command  # the command did report something
    assert PRIVATE_WORD not in out + written


@pytest.mark.parametrize("command", [["export", "-o", "-", "--include-private"],
                                     ["review", "prepare", "--include-private"]], ids=" ".join)
def test_a_private_entry_is_included_when_asked(with_private_entry, command):
    assert PRIVATE_WORD in with_private_entry.ok(*command)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_files_are_private_whatever_the_umask(tmp_path):
    runner = Reflect(tmp_path)
    runner.db = tmp_path / "data" / "journal.db"
    runner.env["REFLECT_DB"] = str(runner.db)

    def careless(*args):
        return subprocess.run([sys.executable, "-m", "reflect", *args], capture_output=True, text=True,
                              env=runner.env, cwd=ROOT, timeout=60, preexec_fn=lambda: os.umask(0))

    assert careless("add", SECRET).returncode == 0
    assert careless("add", "second").returncode == 0  # takes the daily backup
    assert careless("backup", f"{tmp_path}/usb/").returncode == 0
    assert careless("backup", str(tmp_path / "copy.db")).returncode == 0
    assert careless("restore-backup", str(tmp_path / "copy.db")).returncode == 0
    files = [runner.db, *(tmp_path / "data" / "backups").iterdir(), *(tmp_path / "usb").iterdir(),
             tmp_path / "copy.db"]
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    for folder in (runner.db.parent, tmp_path / "data" / "backups", tmp_path / "usb"):
        assert _mode(folder) == 0o700, folder


def test_sqlite_side_files_are_private_whatever_the_umask(tmp_path):
    code = ("import os; os.umask(0); from reflect.journal import open_journal\n"
            f"j = open_journal({str(tmp_path / 'j.db')!r})\n"
            "print(oct(os.stat(str(j.path) + '-wal').st_mode & 0o777), oct(os.stat(str(j.path) + '-shm').st_mode & 0o777))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.split() == ["0o600", "0o600"]


def _everything_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_no_temporary_files_left_and_nothing_written_outside_the_journal(tmp_path):
    runner = Reflect(tmp_path)
    temp = tmp_path / "tmp"
    temp.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    runner.db = tmp_path / "data" / "journal.db"
    script = tmp_path / "editor.py"
    script.write_text(f"import sys\nopen(sys.argv[1], 'a').write({SECRET!r})\n")
    runner.env.update(REFLECT_DB=str(runner.db), TMPDIR=str(temp), HOME=str(home),
                      XDG_DATA_HOME=str(home / "xdg"), XDG_CACHE_HOME=str(home / "cache"),
                      XDG_STATE_HOME=str(home / "state"), EDITOR=f"{sys.executable} {script}")
    import pty

    primary, secondary = pty.openpty()
    try:  # a terminal on stdin, so add opens the editor
        result = subprocess.run([sys.executable, "-m", "reflect", "add", "--private"], stdin=secondary,
                                capture_output=True, text=True, cwd=ROOT, timeout=60, env=runner.env)
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 0, result.stderr
    runner.ok("add", "second")
    runner.ok("edit", "1", "--title", "edited")
    runner.ok("backup", f"{tmp_path}/usb/")
    runner.ok("doctor")
    runner.ok("search", "manager")
    assert _everything_under(temp) == {}
    assert _everything_under(home) == {}
    leftovers = [p.name for p in runner.db.parent.rglob("*") if p.name.startswith(".") or p.suffix == ".part"]
    assert leftovers == []
    logs = [p for p in tmp_path.rglob("*.log")]
    assert logs == []


def test_in_process_network_guard_is_on():
    import socket

    with pytest.raises(BaseException, match="network connection"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
