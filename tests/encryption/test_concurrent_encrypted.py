"""Two reflect processes writing one encrypted journal at once: nothing lost, nothing readable."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reflect.journal import open_journal
from reflect.store import cipher, encryption
from tests.cli_runner import ROOT
from tests.encryption.conftest import PASSPHRASE, files_holding_canaries

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")

WRITER = """
import sys, time
from datetime import date
from pathlib import Path
from reflect.journal import open_journal
from reflect.store import cipher
path, name, count, go, passphrase = sys.argv[1:]
cipher.set_passphrase_source(lambda _: passphrase)
while not Path(go).exists():
    time.sleep(0.001)
with open_journal(Path(path)) as journal:
    for n in range(int(count)):
        journal.entries.add(day=date(2026, 11, 20), title=f"{name} {n}", body=f"quokkasecret {name} {n}")
print("done")
"""


def test_two_processes_writing_an_encrypted_journal_lose_nothing(plain_journal, tmp_path):
    path, before = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    go = tmp_path / "go"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, "40", str(go), PASSPHRASE],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for name in ("first", "second")]
    go.touch()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0 and out.strip() == "done", err
    cipher.set_passphrase_source(lambda _: PASSPHRASE)
    with open_journal(path) as journal:
        titles = {row[0] for row in journal.conn.execute("SELECT title FROM entries")}
        assert journal.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(titles) == before["entries"] + 80
    assert {f"{name} {n}" for name in ("first", "second") for n in range(40)} <= titles
    go.unlink()
    assert files_holding_canaries(tmp_path) == []
