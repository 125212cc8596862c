"""The app says what the command line would warn about: a backup that could not be made (a
damaged journal, a full disk) and a journal that can only be read; the warning stays up."""

from __future__ import annotations

from .conftest import settle


def _errors(app) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def test_a_backup_that_could_not_be_made_is_shown_and_stays(make, journal):
    journal.backup_problem = ("today's automatic backup could not be made: The journal x is damaged "
                              "(btree page 7), so no backup was made and the good backups were kept.")
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        (shown,) = _errors(app)
        assert shown.startswith("Today's automatic backup could not be made") and "good backups were kept" in shown
        assert all(n.timeout >= 600 for n in app._notifications)


async def test_a_journal_that_can_only_be_read_is_said_so(make, journal):
    journal.read_only = True
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert any("can only be read here" in m for m in _errors(app))


async def test_a_healthy_journal_shows_no_warning(make):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert _errors(app) == []
