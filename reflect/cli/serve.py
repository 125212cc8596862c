"""`reflect serve`: the app in a browser tab, served privately from this machine."""

from __future__ import annotations

import argparse

from reflect.errors import ReflectError

EPILOG = """\
The address works only on this computer (127.0.0.1) and carries a secret made fresh each time,
so nobody else can open your journal through it. One tab at a time writes to the journal.

examples:
  reflect serve                   open the journal in your web browser
  reflect serve --no-open         print the address to open yourself
  reflect serve --db work.db      a different journal"""


def register(sub, common) -> None:
    p = sub.add_parser("serve", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
                       help="open the app in your web browser (private to this computer)", epilog=EPILOG)
    p.add_argument("--no-open", action="store_true", help="print the address instead of opening the browser")
    p.set_defaults(handler=cmd_serve)


def app_argv(ctx) -> list[str]:
    """The options that make the browser's app open what `reflect` would: journal and framework."""
    argv = ["--db", str(ctx.journal_path.resolve())]
    framework = getattr(ctx.args, "framework", None)
    if framework:
        from pathlib import Path

        argv += ["--framework", str(Path(framework).expanduser().resolve())]
    return argv


def _check_before_serving(ctx) -> None:
    """Open the journal and framework here first, so a problem with either is one line now
    rather than a broken page in the browser; the app in the tab opens its own connection.

    An encrypted journal is not opened here: its passphrase is asked in the tab, by the app's
    unlock dialog, and the key lives only in that app's process (never in this server's).
    """
    from reflect.store import cipher

    path = ctx.journal_path
    if path.exists() and cipher.looks_encrypted(path):
        cipher.dbapi()  # without the extra, say how to install it now
        from reflect import paths

        chosen = paths.framework_option(getattr(ctx.args, "framework", None))
        if chosen is not None:  # the journal's own setting is checked by the app, once unlocked
            from reflect.framework.standards import load_framework

            load_framework(chosen)
        return
    ctx.journal
    ctx.framework


def cmd_serve(ctx) -> int:
    try:
        from reflect.serve.server import BrowserServer, python_command
    except ImportError as error:  # textual-serve or aiohttp missing from this installation
        raise ReflectError(f"reflect serve cannot start: {error.name or error} is not installed "
                           "(reinstall reflect to get it)") from None
    _check_before_serving(ctx)
    argv = app_argv(ctx)
    ctx.close()
    server = BrowserServer(python_command(argv))
    open_browser = not ctx.args.no_open

    def ready() -> None:
        if open_browser:
            from reflect import system

            if system.open_url(server.url):
                ctx.print(f"reflect is open in your browser. If it is not, open this address:\n  {server.url}")
            else:
                ctx.print(f"Open this address in your browser:\n  {server.url}")
        else:
            ctx.print(f"Open this address in your browser:\n  {server.url}")
        ctx.print("Keep this window open while you write; press Ctrl+C here to stop.", flush=True)

    server.serve(on_ready=ready)
    ctx.print("reflect serve stopped.")
    return 0
