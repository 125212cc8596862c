"""`reflect encrypt`, `decrypt` and `passphrase` as people and scripts run them."""

from __future__ import annotations

import os

import pytest

from reflect.store.db import SQLITE_MAGIC
from tests.cli_runner import Reflect
from tests.encryption.conftest import PASSPHRASE, files_holding_canaries

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")


@pytest.fixture
def reflect(tmp_path):
    run = Reflect(tmp_path)
    run.ok("add", "Zanzibarcanary at the till")
    run.ok("backup")  # a plain backup, taken before encryption
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    run.secret = secret
    return run


def _with_passphrase(run, **more):
    return {"REFLECT_PASSPHRASE_FILE": str(run.secret), **more}


def test_encrypt_lists_the_plain_backups_and_deletes_them_when_asked(reflect):
    out = reflect.ok("encrypt", env=_with_passphrase(reflect))
    assert "Encrypted" in out and "1 older backup is not encrypted" in out
    assert reflect.db.read_bytes()[:16] != SQLITE_MAGIC
    assert files_holding_canaries(reflect.db.parent)  # the plain backup still holds the words
    out = reflect.ok("encrypt", "--delete-plain-backups", env=_with_passphrase(reflect))
    assert "Deleted 1 unencrypted backup" in out
    assert files_holding_canaries(reflect.db.parent) == []
    assert "Zanzibarcanary" in reflect.ok("list", env=_with_passphrase(reflect))


def test_without_a_terminal_or_a_passphrase_source_a_command_exits_2(reflect):
    reflect.ok("encrypt", env=_with_passphrase(reflect))
    before = reflect.db.read_bytes()
    result = reflect("list")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no terminal" in result.stderr
    assert "--passphrase-fd" in result.stderr
    assert reflect.db.read_bytes() == before


def test_a_wrong_passphrase_is_one_line_and_exit_2(reflect, tmp_path):
    reflect.ok("encrypt", env=_with_passphrase(reflect))
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n")
    before = reflect.db.read_bytes()
    for command in (["list"], ["add", "more"], ["decrypt"], ["passphrase"]):
        result = reflect(*command, env={"REFLECT_PASSPHRASE_FILE": str(wrong),
                                        "REFLECT_NEW_PASSPHRASE_FILE": str(wrong)})
        assert result.returncode == 2, command
        assert result.stderr.startswith("reflect: wrong passphrase") and result.stderr.count("\n") == 1
        assert reflect.db.read_bytes() == before


def test_the_passphrase_can_come_from_a_file_descriptor(reflect):
    reflect.ok("encrypt", env=_with_passphrase(reflect))
    read, write = os.pipe()
    os.write(write, (PASSPHRASE + "\n").encode())
    os.close(write)
    try:
        out = reflect.ok("--passphrase-fd", str(read), "search", "Zanzibarcanary")
    finally:
        os.close(read)
    assert "Zanzibarcanary" in out


def test_passphrase_then_decrypt_round_trip(reflect, tmp_path):
    reflect.ok("encrypt", env=_with_passphrase(reflect))
    new = tmp_path / "new"
    new.write_text("second passphrase\n")
    reflect.ok("passphrase", env=_with_passphrase(reflect, REFLECT_NEW_PASSPHRASE_FILE=str(new)))
    assert reflect("list", env=_with_passphrase(reflect)).returncode == 2
    reflect.ok("decrypt", env={"REFLECT_PASSPHRASE_FILE": str(new)})
    assert reflect.db.read_bytes()[:16] == SQLITE_MAGIC
    assert "Zanzibarcanary" in reflect.ok("list")


def test_the_passphrase_is_never_an_argument(reflect):
    result = reflect("encrypt", "--passphrase", PASSPHRASE)
    assert result.returncode == 2
    assert reflect.db.read_bytes()[:16] == SQLITE_MAGIC


def test_doctor_checks_inside_an_encrypted_journal(reflect):
    reflect.ok("encrypt", "--delete-plain-backups", env=_with_passphrase(reflect))
    out = reflect.ok("doctor", env=_with_passphrase(reflect))
    assert "The journal is encrypted." in out and "integrity check passed" in out
    locked = reflect("doctor")
    assert locked.returncode == 1 and "could not be opened" in locked.stdout


def test_an_export_from_an_encrypted_journal_says_it_is_plain(reflect, tmp_path):
    assert "plain text" not in reflect("export", "-o", str(tmp_path / "before.md")).stderr
    reflect.ok("encrypt", env=_with_passphrase(reflect))
    result = reflect("export", "-o", str(tmp_path / "out.md"), env=_with_passphrase(reflect))
    assert result.returncode == 0 and "this export is plain text" in result.stderr
    assert "Zanzibarcanary" in (tmp_path / "out.md").read_text()
    pack = reflect("review", "export", "--from", "01/01/2000", "-o", str(tmp_path / "pack.md"),
                   env=_with_passphrase(reflect))
    assert pack.returncode == 0 and "this export is plain text" in pack.stderr, pack.stderr


def test_doctor_checks_encrypted_backups_and_says_when_it_cannot(reflect, tmp_path):
    reflect.ok("encrypt", "--delete-plain-backups", env=_with_passphrase(reflect))
    reflect.ok("backup", env=_with_passphrase(reflect))
    out = reflect.ok("doctor", env=_with_passphrase(reflect))
    assert "the newest good one is" in out and "passes SQLite's check" not in out
    new = tmp_path / "new"
    new.write_text("second passphrase\n")
    reflect.ok("passphrase", env=_with_passphrase(reflect, REFLECT_NEW_PASSPHRASE_FILE=str(new)))
    out = reflect.ok("doctor", env={"REFLECT_PASSPHRASE_FILE": str(new)})
    assert "encrypted under another passphrase" in out and "PROBLEM" not in out


@pytest.mark.parametrize("answer, kept", [("y", 0), ("", 1)])
def test_on_a_terminal_encrypt_offers_to_delete_the_plain_backups(reflect, answer, kept):
    import pty
    import subprocess
    import sys

    from tests.cli_runner import ROOT

    controller, terminal = pty.openpty()
    try:
        env = reflect.env | _with_passphrase(reflect, PYTHONPATH=str(ROOT))
        process = subprocess.Popen([sys.executable, "-m", "reflect", "encrypt"], stdin=terminal,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        os.write(controller, (answer + "\n").encode())
        out, err = process.communicate(timeout=60)
    finally:
        os.close(controller)
        os.close(terminal)
    assert process.returncode == 0, err
    assert "Delete them now? [y/N]" in out
    backups = list((reflect.db.parent / "backups").glob("*.db"))
    assert len(backups) == kept
    assert (files_holding_canaries(reflect.db.parent) == []) == (kept == 0)
