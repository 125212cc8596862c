"""Helpers for the reliability tests: comparing a journal's whole content, making journals."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from reflect.journal import open_journal
from tests.conftest import FakeClock


def content_digest(path: Path) -> str:
    """A hash of every row of every table, in a fixed order: equal digests, equal journals.

    Reads through SQLite (not the bytes), so a checkpoint that only moves pages around does
    not count as a change, while any changed, added or removed row does.
    """
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        digest.update(str(conn.execute("PRAGMA user_version").fetchone()[0]).encode())
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'entries_fts%'"
            " ORDER BY name")]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        conn.close()


def fill(path: Path, count: int = 3, clock: FakeClock | None = None) -> None:
    """Make a journal at ``path`` with ``count`` entries (the second one private)."""
    with open_journal(path, clock=clock or FakeClock()) as j:
        for n in range(count):
            j.entries.add(day=date(2026, 11, 1 + n % 28), title=f"Entry {n + 1}",
                          body=f"Served customer number {n + 1}.", skills=["focus"],
                          criteria=["INSCS009.P8"], private=(n == 1))


@pytest.fixture
def filled(tmp_path) -> Path:
    """A journal with three entries, closed."""
    path = tmp_path / "journal" / "journal.db"
    fill(path)
    return path


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every reliability test runs with the network cut off in-process: a connection fails the test.

    (Real processes are checked by tests/reliability/test_privacy.py.)
    """
    import socket

    def refuse(*args, **kwargs):
        pytest.fail(f"reflect tried to open a network connection: {args[1:3]!r}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
