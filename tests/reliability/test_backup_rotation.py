"""Backups that cannot be worn away: a damaged journal is never backed up over good copies,
a failing migration is backed up once, and rotation keeps a spread of days, weeks and months."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reflect.errors import JournalError
from reflect.journal import open_journal
from reflect.store import migrations
from reflect.store.backup import (
    BackupInfo,
    DamagedJournalError,
    automatic_backup,
    backup_to,
    kept_backups,
    list_backups,
)
from reflect.store.doctor import examine
from tests.conftest import FakeClock
from tests.reliability.conftest import fill

V1_SQL = Path(__file__).parent.parent / "data" / "journal_v1.sql"
NOON = datetime(2026, 6, 30, 12, tzinfo=timezone.utc)


def _daily(days: int, start: datetime = NOON) -> list[BackupInfo]:
    """One daily backup a day for ``days`` days up to ``start``, newest first."""
    return [BackupInfo(Path(f"b{n}.db"), start - timedelta(days=n), "daily") for n in range(days)]


def test_rotation_keeps_the_newest_and_a_spread_of_days_weeks_and_months():
    backups = _daily(400)
    kept = kept_backups(backups, keep=3, now=NOON)
    ages = sorted(int(p.stem[1:]) for p in kept)
    assert ages[:7] == list(range(7))  # the last 7 days (which include the newest 3)
    weeks = {(NOON - timedelta(days=a)).astimezone().isocalendar()[:2] for a in ages}
    months = {((NOON - timedelta(days=a)).astimezone().year, (NOON - timedelta(days=a)).astimezone().month)
              for a in ages}
    assert len(weeks) >= 4 and len(months) == 6
    assert max(ages) < 190 and len(kept) <= 3 + 7 + 4 + 6


def test_a_burst_of_backups_never_pushes_out_the_spread_behind_it():
    older = _daily(60)
    spread = kept_backups(older, keep=1, now=NOON)  # the spread alone
    burst = [BackupInfo(Path(f"burst{n}.db"), NOON + timedelta(minutes=n + 1), "before-repair") for n in range(50)]
    kept = kept_backups(sorted(burst + older, key=lambda b: b.taken_at, reverse=True), keep=10, now=NOON)
    # Fifty copies in one day cost at most the one they outdate: that day's older backup.
    assert spread - kept <= {Path("b0.db")}
    assert len(spread) >= 10 and sum(p.name.startswith("burst") for p in kept) == 10


def test_before_migration_copies_of_the_last_30_days_are_all_kept():
    copies = [BackupInfo(Path(f"m{n}.db"), NOON - timedelta(days=n, hours=1), "before-migration-v2") for n in range(40)]
    daily = _daily(3)
    everything = sorted(copies + daily, key=lambda b: b.taken_at, reverse=True)
    kept = kept_backups(everything, keep=1, now=NOON)
    assert {Path(f"m{n}.db") for n in range(30)} <= kept


def test_copies_known_to_be_damaged_never_take_a_place_in_the_spread():
    damaged = BackupInfo(Path("damaged.db"), NOON + timedelta(hours=1), "before-restore-damaged")
    kept = kept_backups([damaged, *_daily(10)], keep=1, now=NOON)
    assert Path("b0.db") in kept  # still the good one of its day


# -- a damaged journal ----------------------------------------------------------------------


def _damage_an_entries_page(path: Path) -> None:
    """Overwrite the page holding one entry's text: the file opens, SQLite's check fails."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    at = data.index(b"Served customer number 150.")
    page = at // page_size
    data[page * page_size: page * page_size + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


def test_a_damaged_journal_is_not_backed_up_and_ten_days_leave_every_good_backup(tmp_path):
    path = tmp_path / "journal.db"
    fill(path, count=300)
    clock = FakeClock(NOON)
    for day in range(10):
        clock.now = NOON + timedelta(days=day)
        automatic_backup(path, path, "daily", clock=clock)
    good = list_backups(path)
    _damage_an_entries_page(path)
    for day in range(10, 20):
        clock.now = NOON + timedelta(days=day)
        with open_journal(path, clock=clock, daily_backup=True) as journal:
            assert "is damaged" in journal.backup_problem
            assert "good backups were kept" in journal.backup_problem
    assert list_backups(path) == good


def test_a_damaged_journal_is_reported_loudly_by_a_writing_command(tmp_path, monkeypatch, capsys):
    from reflect.cli import main

    path = tmp_path / "journal.db"
    fill(path, count=300)
    _damage_an_entries_page(path)
    monkeypatch.setenv("REFLECT_DB", str(path))
    main(["config", "backup_keep", "12"])
    err = capsys.readouterr().err
    assert "warning" in err and "is damaged" in err and "no backup was made" in err
    assert list_backups(path) == []


def test_a_manual_backup_of_a_damaged_journal_is_refused_and_leaves_nothing(tmp_path):
    path = tmp_path / "journal.db"
    fill(path, count=300)
    _damage_an_entries_page(path)
    with pytest.raises(DamagedJournalError, match="no backup was made"):
        backup_to(path, tmp_path / "out", into_folder=True)
    assert list((tmp_path / "out").iterdir()) == []


def test_doctor_names_the_newest_backup_that_passes_its_check(tmp_path):
    path = tmp_path / "journal.db"
    fill(path, count=300)
    older = automatic_backup(path, path, "daily", clock=FakeClock(NOON))
    newer = automatic_backup(path, path, "daily", clock=FakeClock(NOON + timedelta(days=1)))
    _damage_an_entries_page(newer)
    (finding,) = [f for f in examine(path, clock=FakeClock(NOON + timedelta(days=1))) if f.check == "backups"]
    assert older.name in finding.message and f"failed the check: {newer.name}" in finding.message


def test_doctor_says_when_no_backup_passes_its_check(tmp_path):
    path = tmp_path / "journal.db"
    fill(path, count=300)
    only = automatic_backup(path, path, "daily", clock=FakeClock(NOON))
    _damage_an_entries_page(only)
    (finding,) = [f for f in examine(path) if f.check == "backups"]
    assert finding.level == "problem" and "None of the 1 backup(s)" in finding.message


# -- a migration that keeps failing ---------------------------------------------------------


def _v1_journal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_SQL.read_text())
    conn.close()


def test_a_migration_failing_on_every_run_is_backed_up_once_and_wears_nothing_away(tmp_path, monkeypatch):
    path = tmp_path / "journal.db"
    _v1_journal(path)
    clock = FakeClock(NOON)
    for day in range(8):
        clock.now = NOON + timedelta(days=day)
        automatic_backup(path, path, "daily", clock=clock)
    daily = [b for b in list_backups(path) if b.reason == "daily"]

    def broken_step(db):
        raise sqlite3.OperationalError("a step that cannot run on this journal")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken_step, *migrations.MIGRATIONS[2:]])
    for run in range(11):
        clock.now = NOON + timedelta(days=8, minutes=run)
        with pytest.raises(JournalError):
            open_journal(path, clock=clock)
    kept = list_backups(path)
    assert [b.reason for b in kept].count("before-migration-v1") == 1
    assert [b for b in kept if b.reason == "daily"] == daily
