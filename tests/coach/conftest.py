"""Fixtures for the coach tests: the command line run in-process on a real journal file."""

from __future__ import annotations

import pytest

from reflect.cli import main


class Cli:
    """Runs ``reflect.cli.main(argv)`` in this process; returns (status, stdout, stderr)."""

    def __init__(self, capsys):
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        captured = self.capsys.readouterr()
        return status, captured.out, captured.err

    def ok(self, *argv: str) -> str:
        status, out, err = self(*argv)
        assert status == 0, err
        return out


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys) -> Cli:
    """The command line on a fresh journal in tmp_path, run from tmp_path, bundled framework."""
    for name in ("REFLECT_FRAMEWORK", "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REFLECT_DB", str(tmp_path / "journal.db"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)
    return Cli(capsys)
