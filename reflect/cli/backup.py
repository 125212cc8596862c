"""Commands that keep the journal safe: backup, restore-backup and doctor."""

from __future__ import annotations

import argparse

_RAW = argparse.RawDescriptionHelpFormatter


def register(sub, common) -> None:
    """Add backup, restore-backup and doctor to ``reflect``."""
    p = sub.add_parser("backup", parents=[common], formatter_class=_RAW, help="copy the journal somewhere safe",
                       description="Copy the whole journal into one private file (safe while the app is open). "
                                   "With no DEST the copy goes into backups/ beside the journal.",
                       epilog="examples:\n  reflect backup\n  reflect backup /media/usb/          (a dated file in that folder)\n"
                              "  reflect backup ~/journal-before-review.db\n  reflect backup --list")
    p.add_argument("dest", nargs="?", metavar="DEST", help="file or folder (a name ending in / is a folder)")
    p.add_argument("--list", action="store_true", help="list the backups beside the journal instead")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore-backup", parents=[common], formatter_class=_RAW,
                       help="replace the journal with a backup (the current one is kept)",
                       description="Check FILE is an intact reflect journal, then, holding the journal alone, "
                                   "back it up and write FILE into it. Waits (up to 15 s) for other reflects, "
                                   "such as the app, to close the journal. An encrypted journal stays encrypted "
                                   "under its own passphrase; an encrypted backup made before the passphrase was "
                                   "changed asks for the passphrase it had then. An encrypted backup is never "
                                   "restored into a plain journal: encrypt the journal first.",
                       epilog="examples:\n  reflect backup --list\n"
                              "  reflect restore-backup ~/.local/share/reflect/backups/journal-2026-11-24T103000Z-daily.db")
    p.add_argument("file", metavar="FILE", help="the backup to restore")
    p.add_argument("--backup-passphrase-fd", metavar="N", type=int,
                   help="read an encrypted backup's own passphrase (one made before the passphrase was changed) "
                        "from file descriptor N (or $REFLECT_BACKUP_PASSPHRASE_FILE)")
    p.set_defaults(handler=cmd_restore_backup)

    p = sub.add_parser("doctor", parents=[common], formatter_class=_RAW, help="check the journal and explain any problem",
                       description="Check the journal file (integrity, links, search index, permissions, "
                                   "backups, criteria the framework lacks) without changing it. "
                                   "Exit status: 0 healthy, 1 problems found, 2 could not check.",
                       epilog="examples:\n  reflect doctor\n  reflect doctor --json\n"
                              "  reflect doctor --fix       (rebuild the search index if it is out of step)")
    p.add_argument("--fix", action="store_true", help="rebuild the search index if it does not match (backs up first)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_doctor)


def cmd_backup(ctx) -> int:
    from reflect.store.backup import backup_to, backups_folder, list_backups
    from reflect.cli.output import print_json
    from reflect.errors import JournalError
    from reflect.paths import expand

    path = ctx.journal_path
    if ctx.args.list:
        backups = list_backups(path)
        if ctx.args.json:
            print_json([{"path": str(b.path), "taken_at": b.taken_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         "reason": b.reason} for b in backups], ctx.out)
        elif not backups:
            ctx.print(f"No backups in {backups_folder(path)} yet. `reflect backup` makes one.")
        else:
            for b in backups:
                ctx.print(f"{b.taken_at.astimezone():%d/%m/%Y %H:%M}  {b.reason:<22}{b.path}")
        return 0
    if not path.exists():
        raise JournalError(f"No journal at {path} yet, so nothing to back up.")
    journal = ctx.journal
    if ctx.args.dest:
        # "~/usb/" names a folder: expanding must keep the slash that says so.
        dest = str(expand(ctx.args.dest)) + ("/" if ctx.args.dest.endswith("/") else "")
    else:
        dest = str(backups_folder(path)) + "/"
    target = backup_to(journal, dest, clock=journal.clock)
    count = journal.entries.count() + journal.entries.count(trashed=True)
    if ctx.args.json:
        print_json({"path": str(target), "entries": count}, ctx.out)
    else:
        ctx.print(f"Backed up {count} entr{'y' if count == 1 else 'ies'} to {target}")
    return 0


def cmd_restore_backup(ctx) -> int:
    from reflect.paths import expand
    from reflect.store.restore import restore_backup

    from reflect.cli.passphrase import install

    backup = expand(ctx.args.file)
    install(ctx.args, backup=backup)  # used only if the journal or the backup is encrypted
    done = restore_backup(backup, ctx.journal_path)
    ctx.print(f"Restored {done.entries} entr{'y' if done.entries == 1 else 'ies'} from {done.source} "
              f"into {done.journal}.")
    if done.safety_copy:
        ctx.print(f"The journal it replaced was kept as {done.safety_copy}")
    return 0


def cmd_doctor(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.cli.passphrase import install
    from reflect.store.doctor import NOTE, OK, PROBLEM, Finding, examine, healthy

    framework, framework_problem = _framework_for_doctor(ctx)
    install(ctx.args)  # an encrypted journal's passphrase, asked only if it is one
    findings = examine(ctx.journal_path, framework)
    if framework_problem:
        findings.append(Finding("framework", PROBLEM, framework_problem,
                                "Fix the file, or go back to the bundled framework with `reflect config framework --unset`."))
    if ctx.args.fix and any(f.check == "search" and f.level == PROBLEM for f in findings):
        findings = _fix_search(ctx, findings)
    if ctx.args.json:
        print_json({"healthy": healthy(findings), "journal": str(ctx.journal_path),
                    "findings": [f.to_json() for f in findings]}, ctx.out)
    else:
        marks = {OK: "ok     ", NOTE: "note   ", PROBLEM: "PROBLEM"}
        ctx.print(f"Checking {ctx.journal_path}")
        for f in findings:
            ctx.print(f"  {marks[f.level]}  {f.message}")
            if f.advice and f.level != OK:
                ctx.print(f"           {f.advice}")
        ctx.print("All is well." if healthy(findings) else "Problems found: see above for what to do.")
    return 0 if healthy(findings) else 1


def _framework_for_doctor(ctx):
    """The framework to check criteria against, read without opening (or upgrading) the journal."""
    from reflect import paths
    from reflect.errors import ReflectError
    from reflect.framework.standards import load_framework

    chosen = paths.framework_option(getattr(ctx.args, "framework", None))
    if chosen is None:
        chosen = _framework_setting(ctx.journal_path)
    try:
        return load_framework(chosen), None
    except ReflectError as error:
        return None, f"The framework in use cannot be loaded: {error}"


def _framework_setting(path):
    import json
    import sqlite3
    from pathlib import Path

    from reflect.store.backup import open_read_only
    from reflect.errors import ReflectError

    if not path.is_file():
        return None
    try:
        conn = open_read_only(path)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = 'framework'").fetchone()
        finally:
            conn.close()
        value = json.loads(row[0]) if row else None
        return Path(value) if value else None
    except (ReflectError, ValueError, OSError, sqlite3.Error):
        return None


def _fix_search(ctx, findings):
    from reflect.store.backup import automatic_backup
    from reflect.store.doctor import OK, Finding, rebuild_search_index

    journal = ctx.journal
    automatic_backup(journal, journal.path, "before-repair", clock=journal.clock)
    rebuild_search_index(journal)
    return [Finding("search", OK, "The search index was rebuilt from the entries.") if f.check == "search" else f
            for f in findings]
