"""Encrypted journals. Each test module skips itself, with the reason, where the encryption
extra is not installed; nothing here needs it to be imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reflect import system
from reflect.journal import open_journal
from reflect.store import cipher

#: Words written into the journal that must never be readable in an encrypted file.
CANARIES = (b"Zanzibarcanary", b"quokkasecret", b"panicattack-at-till-4")
PASSPHRASE = "correct horse battery staple"


def fill(path: Path, entries: int = 30) -> dict[str, int]:
    """A plain journal at ``path`` holding the canary words; its row counts by table."""
    with open_journal(path) as journal:
        for n in range(entries):
            journal.entries.add(day=date(2026, 11, 1 + n % 28), title=f"Shift {n} Zanzibarcanary",
                                body=f"I felt a quokkasecret and a panicattack-at-till-4 today ({n}).",
                                skills=["communication"])
        return row_counts(journal.conn)


def row_counts(conn) -> dict[str, int]:
    """Rows in every ordinary table of an open connection."""
    names = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def files_holding_canaries(folder: Path) -> list[str]:
    """Every file under ``folder`` (journal, -wal, -shm, backups) containing a canary word."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {word.decode()}" for word in CANARIES if word in data]
    return found


@pytest.fixture(autouse=True)
def fresh_keys():
    """Each test starts (and leaves) this process knowing no passphrase."""
    cipher.forget_keys()
    cipher.set_passphrase_source(None)
    yield
    cipher.forget_keys()
    cipher.set_passphrase_source(None)


@pytest.fixture(autouse=True)
def session_keys(monkeypatch) -> dict[str, bytes]:
    """The kernel's keyring, for tests in this process: a dict (nothing is left in the real one)."""
    kept: dict[str, bytes] = {}
    monkeypatch.setattr(system, "session_key", lambda name: kept.get(name))
    monkeypatch.setattr(system, "keep_session_key", lambda name, value, seconds: kept.update({name: value}) or True)
    monkeypatch.setattr(system, "drop_session_key", lambda name: kept.pop(name, None) is not None)
    return kept


@pytest.fixture
def plain_journal(tmp_path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "journal" / "journal.db"
    return path, fill(path)
