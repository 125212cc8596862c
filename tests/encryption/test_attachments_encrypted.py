"""Attached files in an encrypted journal: encrypted with it, and never copied out plain unasked."""

from __future__ import annotations

import pytest

from tests.cli_runner import Reflect
from tests.encryption.conftest import PASSPHRASE

#: The bytes of the attached file: they must never be readable in the encrypted journal's files.
SECRET_BYTES = b"Payslip-quokkasecret-0001 " * 200


@pytest.fixture
def reflect(tmp_path):
    run = Reflect(tmp_path)
    run.ok("add", "--title", "Payslip", "--no-advice", "My first payslip.")
    (tmp_path / "payslip.txt").write_bytes(SECRET_BYTES)
    run.ok("attach", "1", str(tmp_path / "payslip.txt"))
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    run.env["REFLECT_PASSPHRASE_FILE"] = str(secret)
    run.ok("encrypt", "--delete-plain-backups")
    return run


def test_the_file_is_encrypted_with_the_journal(reflect, tmp_path):
    for path in tmp_path.rglob("journal.db*"):
        assert b"quokkasecret" not in path.read_bytes(), path
    assert [a["name"] for a in reflect.json("attachments", "1")] == ["payslip.txt"]


def test_a_plain_copy_needs_a_yes(reflect, tmp_path):
    refused = reflect("attachment", "1", "payslip.txt", "--out", str(tmp_path / "copy.txt"))
    assert refused.returncode == 2 and "add --yes" in refused.stderr and "not" in refused.stderr
    assert not (tmp_path / "copy.txt").exists()
    done = reflect("attachment", "1", "payslip.txt", "--out", str(tmp_path / "copy.txt"), "--yes")
    assert done.returncode == 0 and "the copy of payslip.txt this writes is not" in done.stderr
    assert (tmp_path / "copy.txt").read_bytes() == SECRET_BYTES
