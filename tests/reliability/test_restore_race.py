"""restore-backup while other reflect processes keep adding entries: no saved word is lost.

Every "Added entry N" a writer reports must be in the restored journal (written after the
restore) or in the copy of the journal the restore replaced (written before it); a writer that
could not save says so in one line. Real processes, a real journal, a symlinked journal path.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time

from reflect.store.backup import list_backups
from tests.test_cli_entries import reflect  # noqa: F401 (fixture)

WRITERS = 3
AFTER = 2  # adds each writer makes once the restore has finished
MOST = 200  # a bound, so a restore that never returns cannot keep the writers going


def _titles(path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM entries")}
    finally:
        conn.close()


def test_restore_while_writers_add_loses_no_saved_entry(reflect, tmp_path):
    real = tmp_path / "data" / "journal.db"
    real.parent.mkdir()
    reflect.db.symlink_to(real)  # the journal is reached through a link, as with dotfiles
    reflect.ok("add", "--title", "before the backup", "kept by the backup")
    saved = tmp_path / "saved.db"
    reflect.ok("backup", str(saved))

    reported: list[str] = []
    failures: list[str] = []
    started = threading.Event()
    finished = threading.Event()

    def writer(k: int) -> None:
        # Writers keep adding until the restore is over (however slow the machine), then a
        # few more, so entries land on both sides of it.
        after = 0
        for n in range(MOST):
            if finished.is_set():
                after += 1
                if after > AFTER:
                    break
            title = f"writer {k} entry {n}"
            result = reflect("add", "--title", title, "words that must not be lost", process=True)
            if result.returncode == 0:
                assert re.search(r"Added entry \d+", result.stdout), result.stdout
                reported.append(title)
                if len(reported) >= WRITERS:
                    started.set()
            else:
                assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
                assert len(result.stderr.strip().splitlines()) == 1, result.stderr
                failures.append(result.stderr.strip())

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(WRITERS)]
    for thread in threads:
        thread.start()
    try:
        assert started.wait(60)
        # On a loaded machine writers may hold the journal for the whole wait: the restore then
        # refuses, changing nothing, and says to try again, as a person would.
        for _ in range(5):
            restored = reflect("restore-backup", str(saved), process=True)
            if "is open in another reflect" not in restored.stderr:
                break
        restored_at = len(reported)
    finally:
        finished.set()
        for thread in threads:
            thread.join(120)
    assert restored.returncode == 0, restored.stderr
    assert reflect.db.is_symlink() and reflect.db.resolve() == real.resolve()

    final = _titles(real)
    safety = [b.path for b in list_backups(reflect.db) if b.reason.startswith("before-restore")]
    assert len(safety) == 1
    replaced = _titles(safety[0])
    lost = [t for t in reported if t not in final and t not in replaced]
    assert lost == [], f"saved, reported, then lost: {lost} (failures: {failures})"
    # The race really happened: entries landed on both sides of the restore.
    assert "before the backup" in final and replaced & set(reported)
    assert restored_at < len(reported) and final & set(reported)
    # What the restore replaced holds only what was written before it, and the restored
    # journal nothing from then (it is the backup plus what came after).
    assert not (final & replaced) - {"before the backup"}
    # Writers that met the restore waited for it rather than failing.
    assert failures == []
