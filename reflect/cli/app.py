"""`reflect` with no command, and `reflect demo`: the full-screen app."""

from __future__ import annotations

import argparse


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
                       help="open the app on a sample journal (your own journal is not touched)",
                       epilog="examples:\n  reflect demo\n  reflect demo --keep sample.db     "
                              "(then try: reflect --db sample.db list)")
    p.add_argument("--keep", metavar="PATH",
                   help="write the sample journal to PATH and keep it (never over an existing file)")
    p.set_defaults(handler=run_demo)


def run_app(ctx) -> int:
    """Open the app on the person's journal."""
    from reflect.tui.factory import run, run_locked

    ctx.args.writes = True  # the app writes: take the day's automatic backup as it opens
    if _locked(ctx):
        # The app asks for the passphrase in its own dialog before anything else, then opens
        # the journal with the key that gave (one app: the same session in a browser tab).
        return run_locked(ctx.journal_path, lambda: (ctx.journal, ctx.framework))
    return run(ctx.journal, ctx.framework)


def _locked(ctx) -> bool:
    """Whether the journal is encrypted and nothing here knows its key yet."""
    from reflect.cli.passphrase import script_source_given
    from reflect.store import cipher

    path = ctx.journal_path
    if not cipher.looks_encrypted(path) or script_source_given(ctx.args):
        return False  # a plain journal, or a script that gives the passphrase another way
    cipher.dbapi()  # without the extra, say how to install it
    return not cipher.remembered(path)  # `reflect unlock` may have kept its key


def run_demo(ctx) -> int:
    """Open the app on a fresh sample journal in a private temporary folder.

    The framework comes from --framework or $REFLECT_FRAMEWORK, else the bundled one: never
    from the person's own journal, which the demo must not even open.
    """
    from reflect import paths
    from reflect.framework.standards import load_framework
    from reflect.tui.factory import run_demo as demo

    from pathlib import Path

    keep = Path(ctx.args.keep).expanduser() if getattr(ctx.args, "keep", None) else None
    status = demo(load_framework(paths.framework_option(getattr(ctx.args, "framework", None))), keep=keep)
    if keep is not None:
        ctx.print(f"The sample journal is kept at {keep}: try `reflect --db {keep} list`.")
    return status
