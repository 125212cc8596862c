"""Every command, every option, hostile values: exit 0 or 2, never a traceback, journal unchanged.

The commands are found by walking ``reflect.cli.build_parser()``, so a command added later is
tested without touching this file. Each option or positional that takes a value is given each
hostile value in turn (other required positionals get an ordinary value). A run passes when:

* it exits 0 (a search for odd text can succeed and find nothing) or 2 (refused);
* no exception escapes, and a refusal is one line on stderr;
* the journal's rows are unchanged, unless the command is one that writes (its parser sets
  ``writes=True``) and it succeeded.

Most runs are in-process (fast); a seeded sample also runs as real processes, which adds
what only a real process meets: arguments that are not valid UTF-8, and the terminal's encoding.

Every command and every option is always tested, with the nastiest values (:data:`ALWAYS`:
empty, 100 KB, control characters, SQL injection, someone else's file, a full device, a named
pipe, bytes that are not UTF-8) and a seeded sample of the others, so a run takes well under a
minute. ``REFLECT_FULL_HOSTILE=1`` gives every option every value (several minutes), and
``REFLECT_HOSTILE_SEED=N`` draws another sample.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from reflect.cli import build_parser, main
from tests.conftest import TINY_FRAMEWORK
from tests.reliability.conftest import content_digest, fill
from tests.test_cli_entries import ROOT

#: Commands that open the full-screen app, or serve it to a browser until stopped: not something to
#: run headless in a loop (`reflect serve` has its own tests of bad input: tests/serve/).
INTERACTIVE = {"demo", "serve"}
#: Exit statuses a command documents beyond 0 and 2.
EXTRA_EXIT = {"doctor": {1}}  # 1: problems found (here: no journal at a hostile --db path)

HOSTILE = [
    "",
    " ",
    "x" * 100_000,
    "\u202eevil\u202c right-to-left",
    "😀🙈 emoji",
    "Zoë Ñandú 日本語",
    "".join(chr(c) for c in range(1, 32)),
    "\x1b[31mred\x1b]0;title\x07",
    "line\nbreak\r",
    "'; DROP TABLE entries; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "[click](javascript:alert(1)) # heading\n---",
    "../../etc/passwd",
    "{passwd}",  # an absolute path to someone else's file: a copy, in case a bug writes to it
    "{full}",  # a device that is always full: a private copy of /dev/full where possible
    "{fifo}",  # a named pipe: opening it to read waits for a writer that never comes
    "-1",
    "0",
    "99999999999999999999999",
    "1e308",
    "NaN",
    "%s%n{0}",
    "\udcff\udcfe",  # how Python hands over argv bytes that are not UTF-8
]

#: Given to every option in every run: the values most likely to break something.
ALWAYS = ["", "x" * 100_000, "".join(chr(c) for c in range(1, 32)), "'; DROP TABLE entries; --",
          "{passwd}", "{full}", "{fifo}", "\udcff\udcfe"]
assert all(value in HOSTILE for value in ALWAYS)
#: How many of the other values each option also gets, unless REFLECT_FULL_HOSTILE is set.
SAMPLED = 2
FULL = os.environ.get("REFLECT_FULL_HOSTILE", "") not in ("", "0")
SEED = os.environ.get("REFLECT_HOSTILE_SEED", "9")


def values_for(path: tuple[str, ...], slot: argparse.Action) -> list[str]:
    """The hostile values one option gets: all of them, or ALWAYS plus a seeded sample."""
    if FULL:
        return HOSTILE
    others = [v for v in HOSTILE if v not in ALWAYS]
    rng = random.Random(f"{SEED} {' '.join(path)} {slot.dest}")
    return ALWAYS + rng.sample(others, SAMPLED)


#: An ordinary value for a required positional that is not the one under test.
ORDINARY = {"id": "1", "ids": "1", "query": "customer", "body": "words", "key": "apprentice_name",
            "value": "Jamie", "action": None}


# -- walking the grammar -------------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser, prefix=()) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            seen = set()
            for name, sub in action.choices.items():
                if id(sub) in seen:  # an alias
                    continue
                seen.add(id(sub))
                nested = _subcommands(sub, prefix + (name,))
                found += nested or [(prefix + (name,), sub)]
    return found


def _slots(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The options and positionals that take a value."""
    return [a for a in parser._actions
            if a.nargs != 0 and not isinstance(a, (argparse._HelpAction, argparse._VersionAction,
                                                    argparse._SubParsersAction))]


def _argv(path: tuple[str, ...], parser, slot: argparse.Action, value: str, backup: str) -> list[str]:
    positionals = [a for a in parser._actions if not a.option_strings and a.nargs != 0
                   and not isinstance(a, argparse._SubParsersAction)]
    args = list(path)
    if slot.option_strings:
        args.append(f"{slot.option_strings[-1]}={value}")
    # Positionals up to the one under test, or up to the last required one.
    last = max([i for i, a in enumerate(positionals) if a is slot or a.nargs in (None, "+")] or [-1])
    for action in positionals[: last + 1]:
        if action is slot:
            args.append(value)
        elif action.choices:
            args.append(list(action.choices)[-1] if action.dest == "action" else list(action.choices)[0])
        elif action.dest == "file":
            args.append(backup)
        else:
            args.append(ORDINARY.get(action.dest) or "1")
    return args


PARSER = build_parser()
COMMANDS = [(path, p) for path, p in _subcommands(PARSER) if path[0] not in INTERACTIVE]


def _writes(parser) -> bool:
    return bool(parser.get_default("writes"))


# -- running -----------------------------------------------------------------------------


@pytest.fixture
def world(tmp_path, monkeypatch):
    """A journal with entries, a backup of it, and a working folder deep inside tmp_path."""
    journal = tmp_path / "data" / "journal.db"
    fill(journal, count=3)
    backup = tmp_path / "saved.db"
    shutil.copy(journal, backup)
    pristine = tmp_path / "pristine.db"
    shutil.copy(journal, pristine)
    cwd = tmp_path / "work" / "a" / "b"  # so ../../etc/passwd stays inside tmp_path
    cwd.mkdir(parents=True)
    (tmp_path / "etc").mkdir()
    passwd = tmp_path / "etc" / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    full = tmp_path / "full"
    try:
        os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except OSError:
        full.write_text("")  # not allowed to make devices: an empty file stands in
    monkeypatch.chdir(cwd)
    env = {"REFLECT_DB": str(journal), "REFLECT_FRAMEWORK": str(TINY_FRAMEWORK), "EDITOR": "false",
           "VISUAL": "", "NO_COLOR": "1", "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "xdg"),
           "TMPDIR": str(tmp_path), "REFLECT_BUSY_TIMEOUT": "1"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    yield {"journal": journal, "backup": str(backup), "pristine": pristine, "env": env, "cwd": cwd,
           "{passwd}": str(passwd), "{full}": str(full), "{fifo}": str(fifo)}
    # Tripwire: hostile values must only ever name copies, never the machine's own files.
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode), "/dev/full was replaced!"
    assert stat.S_ISCHR(os.stat(full).st_mode) or full.read_text() == "", "the copy of /dev/full was replaced"
    assert Path("/etc/passwd").read_bytes().startswith(b"root:"), "/etc/passwd was replaced!"


def resolve(value: str, world) -> str:
    """Put the sandboxed paths in place of their placeholders."""
    for token in ("{passwd}", "{full}", "{fifo}", "{backup}"):
        value = value.replace(token, world["backup"] if token == "{backup}" else world[token])
    return value


class Hung(Exception):
    """A run took far longer than any command should (e.g. waiting on a pipe)."""


def _hung(signum, frame):
    raise Hung("no answer after 20 s")


@pytest.fixture
def one_parser(monkeypatch):
    """Build the argument parser once, not on every run: building it is most of an in-process
    run's time, and parsing never changes it."""
    import reflect.cli

    parser = build_parser()
    monkeypatch.setattr(reflect.cli, "build_parser", lambda argv=None: parser)


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.StringIO("")
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(20)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else (0 if done.code is None else 2)
            except BaseException:
                return -1, out.getvalue(), traceback.format_exc()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        sys.stdin = stdin
    return code, out.getvalue(), err.getvalue()


def check(argv, code, err, changed, may_write) -> str | None:
    """What is wrong with one run, or None."""
    shown = [a if len(a) < 60 else a[:57] + "..." for a in argv]
    if code == -1 or "Traceback" in err:
        return f"{shown}: exception\n{err}"
    if code not in {0, 2} | EXTRA_EXIT.get(argv[0], set()):
        return f"{shown}: exit {code}: {err[:300]!r}"
    if code == 2 and len(err.strip().splitlines()) != 1:
        return f"{shown}: refusal is not one line: {err[:500]!r}"
    if changed and (code != 0 or not may_write):
        return f"{shown}: exit {code} but the journal changed"
    return None


def _reset(world) -> None:
    journal = world["journal"]
    for suffix in ("", "-wal", "-shm"):
        Path(str(journal) + suffix).unlink(missing_ok=True)
    shutil.copy(world["pristine"], journal)


@pytest.mark.parametrize("path,parser", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_hostile_values_for_every_option(world, one_parser, path, parser):
    problems = []
    baseline = content_digest(world["journal"])
    for slot in _slots(parser):
        for value in values_for(path, slot):
            argv = _argv(path, parser, slot, resolve(value, world), world["backup"])
            code, _, err = run_in_process(argv)
            changed = content_digest(world["journal"]) != baseline
            problem = check(argv, code, err, changed, _writes(parser))
            if problem:
                problems.append(problem)
            if changed:
                _reset(world)
    assert not problems, f"{len(problems)} bad runs:\n" + "\n".join(problems[:10])


def test_the_nastiest_values_are_always_given():
    for path, parser in COMMANDS:
        for slot in _slots(parser):
            values = values_for(path, slot)
            assert set(ALWAYS) <= set(values)
            assert len(set(values)) == (len(HOSTILE) if FULL else len(ALWAYS) + SAMPLED)


def test_the_sample_covers_every_value_somewhere():
    given = {v for path, parser in COMMANDS for slot in _slots(parser) for v in values_for(path, slot)}
    assert given == set(HOSTILE)


def test_every_command_is_covered():
    names = {p[0] for p, _ in COMMANDS}
    assert {"add", "list", "search", "show", "edit", "delete", "restore", "trash", "standards",
            "config", "backup", "restore-backup", "doctor"} <= names
    assert INTERACTIVE <= {p[0] for p, _ in _subcommands(PARSER)}, "INTERACTIVE names a command that is gone"


# -- a sample as real processes -------------------------------------------------------------


def _sample(count: int, seed: int = 9) -> list[tuple[list, bool]]:
    rng = random.Random(seed)
    cases = []
    for path, parser in COMMANDS:
        slots = _slots(parser)
        for _ in range(count):
            slot = rng.choice(slots)
            value = rng.choice(HOSTILE[:2] + HOSTILE[3:])  # 100 KB argv is fine, but slow to repeat
            cases.append((_argv(path, parser, slot, value, "{backup}"), _writes(parser)))
    return cases


@pytest.mark.parametrize("argv,may_write", _sample(3 if FULL else 1), ids=lambda v: None)
def test_hostile_values_in_a_real_process(world, argv, may_write):
    before = content_digest(world["journal"])
    argv = [resolve(a, world) for a in argv]
    # Real argv is bytes: Python's surrogate escapes go back to the invalid UTF-8 they stand for.
    raw = [os.fsencode(a) for a in argv]
    result = subprocess.run([sys.executable, "-m", "reflect", *raw], capture_output=True,
                            env=os.environ | {"PYTHONPATH": str(ROOT)}, cwd=world["cwd"], timeout=60)
    err = result.stderr.decode("utf-8", "replace")
    changed = content_digest(world["journal"]) != before
    assert check(argv, result.returncode, err, changed, may_write) is None


@pytest.mark.parametrize("command", [c for c, _ in COMMANDS if len(c) == 1])
def test_invalid_utf8_argument_in_a_real_process(world, command):
    before = content_digest(world["journal"])
    parser = dict(COMMANDS)[command]
    slot = _slots(parser)[0]
    argv = _argv(command, parser, slot, "\udcff", world["backup"])
    result = subprocess.run([sys.executable, "-m", "reflect", *map(os.fsencode, argv)], capture_output=True,
                            env=os.environ | {"PYTHONPATH": str(ROOT)}, cwd=world["cwd"], timeout=60)
    err = result.stderr.decode("utf-8", "replace")
    assert check(argv, result.returncode, err, content_digest(world["journal"]) != before,
                 _writes(parser)) is None
    assert "not valid UTF-8" in err
