"""A reflect process that writes as fast as it can: run two of these against one journal.

Usage: python -m tests.reliability.concurrent_writer JOURNAL NAME COUNT GO_FILE

Waits for GO_FILE to exist (so both start together), then adds COUNT entries, re-reads and
edits each one, saves an edit of the shared entry 1 from a stale revision every tenth time,
and lists the newest entries. Prints one JSON line: what it wrote and every error it saw.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from reflect.journal import open_journal
from reflect.entries.models import EntryFilter


def main(path: str, name: str, count: int, go: str) -> None:
    while not Path(go).exists():
        time.sleep(0.001)
    errors: list[str] = []
    added: list[str] = []
    conflicts = 0
    try:
        with open_journal(path) as journal:
            store = journal.entries
            for n in range(count):
                try:
                    entry = store.add(day=date(2026, 11, 1 + n % 28), title=f"{name} {n}",
                                      body=f"written by {name}", skills=["focus"])
                    added.append(entry.uid)
                    store.update(entry.id, expected_revision=entry.revision, body=f"edited by {name}")
                    if n % 10 == 0:
                        shared = store.get(1)
                        _, other = store.save_edit(1, shared.revision - 1 if shared.revision > 1 else 0,
                                                   body=f"{name} edit {n}")
                        conflicts += other is not None
                    store.list(EntryFilter(), limit=5)
                    store.search(EntryFilter(text=name), limit=5)
                except Exception as error:  # every error is a failure the test reports
                    errors.append(f"{type(error).__name__}: {error}")
    except Exception as error:
        errors.append(f"open: {type(error).__name__}: {error}")
    print(json.dumps({"name": name, "added": added, "conflicts": conflicts, "errors": errors}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
