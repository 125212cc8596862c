"""Generated journals on disk, made once per size and seed and then reused from the cache."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from bench.compose import GENERATOR_VERSION, compose_entries
from bench.jrnl_format import write_jrnl_journal
from bench.reflect_writer import write_reflect_journal


@dataclass(frozen=True)
class Journals:
    """One generated data set: the reflect journal, the jrnl file, and facts for the commands."""

    size: int
    seed: int
    reflect_db: Path
    jrnl_txt: Path
    #: An entry in the middle of the journal (for `show`), and its day (for `jrnl -on`).
    sample_id: int
    sample_day: str
    #: How long generating took when it was made (0.0 when it came from the cache).
    seconds: float = 0.0
    #: Files attached across the journal (see :mod:`bench.attachment_files`).
    attachments: int = 0


def ensure_journals(cache: Path, size: int, seed: int, log=print, attachments: int = 0) -> Journals:
    """The journals for ``size`` and ``seed`` (with ``attachments`` files attached across the
    reflect journal), generating them if the cache lacks them."""
    cache.mkdir(parents=True, exist_ok=True)
    from reflect.store.migrations import CURRENT_VERSION

    # The schema version too: a journal cached by an older reflect would be upgraded (and
    # backed up) by the first command that opens it, inside the timings.
    stem = f"{size}-s{seed}-g{GENERATOR_VERSION}-v{CURRENT_VERSION}" + (f"-a{attachments}" if attachments else "")
    db, txt, meta_path = cache / f"reflect-{stem}.db", cache / f"jrnl-{stem}.txt", cache / f"meta-{stem}.json"
    if db.exists() and txt.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        return Journals(size, seed, db, txt, meta["sample_id"], meta["sample_day"], attachments=attachments)
    from reflect.framework.standards import load_framework

    started = time.perf_counter()
    log(f"generating {size:,} entries (seed {seed}) ...")
    entries = compose_entries(size, seed, load_framework())
    write_reflect_journal(db, entries, seed)
    write_jrnl_journal(txt, entries)
    sample = entries[len(entries) // 2]
    if attachments:
        from bench.attachment_files import add_attachments

        stored = add_attachments(db, attachments, seed, [e.id for e in entries if not e.private], sample.id)
        log(f"  attached {attachments:,} files ({stored / 2**20:.0f} MiB stored once each)")
    meta = {"size": size, "seed": seed, "sample_id": sample.id, "sample_day": sample.day.isoformat(),
            "generator_version": GENERATOR_VERSION}
    meta_path.write_text(json.dumps(meta, indent=2))
    seconds = time.perf_counter() - started
    log(f"  generated in {seconds:.1f} s: {db.name} ({db.stat().st_size / 2**20:.0f} MiB),"
        f" {txt.name} ({txt.stat().st_size / 2**20:.0f} MiB)")
    return Journals(size, seed, db, txt, sample.id, sample.day.isoformat(), seconds, attachments)
