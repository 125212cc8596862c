"""A kill at any moment of `reflect encrypt` leaves one whole, readable journal."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reflect.journal import open_journal
from reflect.store import cipher
from reflect.store.db import SQLITE_MAGIC
from tests.cli_runner import ROOT
from tests.encryption.conftest import PASSPHRASE, fill, row_counts

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("original") / "journal.db"
    return path, fill(path, entries=300)


def _start_encrypt(path: Path, secret: Path, **env) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")}
    environment.update(REFLECT_DB=str(path), REFLECT_PASSPHRASE_FILE=str(secret), PYTHONPATH=str(ROOT), **env)
    return subprocess.Popen([sys.executable, "-m", "reflect", "encrypt"], env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _whole(path: Path, expected: dict[str, int]) -> str:
    """Open the journal as the next reflect would; which kind it is."""
    cipher.forget_keys()
    encrypted = path.read_bytes()[:16] != SQLITE_MAGIC
    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    with open_journal(path) as journal:
        assert row_counts(journal.conn) == expected
        assert journal.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return "encrypted" if encrypted else "plain"


def _copy(original: Path, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(mode=0o700)
    path = folder / "journal.db"
    shutil.copyfile(original, path)
    secret = folder / "secret"
    secret.write_text(PASSPHRASE + "\n")
    return path, secret


@pytest.mark.parametrize("point", ["exported", "before-replace"])
def test_a_crash_at_each_step_leaves_the_plain_journal_whole(original, tmp_path, point):
    source, expected = original
    path, secret = _copy(source, tmp_path / "j")
    process = _start_encrypt(path, secret, REFLECT_TEST_CRASH_AT=point)
    assert process.wait(timeout=60) == 137, process.stderr.read()
    assert _whole(path, expected) == "plain"
    # The next attempt sweeps the dead one's copy and finishes.
    finished = _start_encrypt(path, secret)
    assert finished.wait(timeout=60) == 0, finished.stderr.read()
    assert _whole(path, expected) == "encrypted"
    assert [p.name for p in path.parent.iterdir() if ".reflect-" in p.name] == []


def test_sigkill_at_random_moments_leaves_one_whole_journal(original, tmp_path):
    source, expected = original
    path, secret = _copy(source, tmp_path / "timing")
    started = time.monotonic()
    assert _start_encrypt(path, secret).wait(timeout=60) == 0
    duration = time.monotonic() - started
    chance = random.Random(19)
    seen = set()
    for n in range(6):
        path, secret = _copy(source, tmp_path / f"kill{n}")
        process = _start_encrypt(path, secret)
        time.sleep(chance.uniform(0.0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        seen.add(_whole(path, expected))
    assert seen <= {"plain", "encrypted"}
