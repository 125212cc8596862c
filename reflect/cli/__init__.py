"""The ``reflect`` command: with no arguments it opens the app; subcommands do one job each.

Every subcommand module has a ``register(subparsers, common)`` that adds its parsers, each
with a ``handler(ctx)`` default. Handlers raise :class:`~reflect.errors.ReflectError` for
anything the user can fix; :func:`main` turns that into one line on stderr and exit status 2.
Modules here import only what they need, and never textual, so reading commands start fast.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys

from reflect import __version__
from reflect.errors import ReflectError

#: Modules under reflect/cli/ whose commands make up `reflect`, in --help order.
COMMAND_MODULES = (
    "entries", "attachments", "check", "objectives", "activities", "feedback", "training", "assess", "review",
    "gaps", "stats", "units", "export", "standards", "profile", "config", "backup", "encryption", "app", "serve",
)

#: The module that registers each command. Running a command then imports and builds only
#: that module's part of the grammar: all of it costs ~30 ms of imports and argparse, half of
#: a quick command. A command missing here still works (it gets the whole grammar);
#: tests/test_cli_fast_path.py checks this table against what the modules register.
COMMANDS = {
    "add": "entries", "list": "entries", "ls": "entries", "search": "entries", "show": "entries",
    "edit": "entries", "delete": "entries", "rm": "entries", "restore": "entries", "trash": "entries",
    "attach": "attachments", "attachments": "attachments", "detach": "attachments", "attachment": "attachments",
    "objective": "objectives", "objectives": "objectives", "activity": "activities", "activities": "activities",
    "feedback": "feedback", "training": "training", "assess": "assess", "review": "review", "reviews": "review",
    "gaps": "gaps", "stats": "stats", "units": "units", "export": "export", "import": "export",
    "import-feedback": "export",
    "standards": "standards", "profile": "profile", "config": "config", "backup": "backup", "restore-backup": "backup",
    "doctor": "backup", "encrypt": "encryption", "decrypt": "encryption", "passphrase": "encryption",
    "unlock": "encryption", "lock": "encryption",
    "demo": "app", "serve": "serve", "check": "check",
}

#: Exit status for anything the user can fix (bad input, missing entry, unusable journal).
EXIT_USAGE = 2

DESCRIPTION = """\
reflect: a reflective-practice journal for Modern Apprenticeships.

With no command, opens the journal app. Your journal is one private file; choose another
with --db PATH or the REFLECT_DB environment variable."""

EPILOG = """\
examples:
  reflect                                  open the app
  reflect add --skill focus "Handled a tricky refund calmly"
  reflect list -n 5
  reflect search complaint --skill communication
  reflect demo                             try the app on a sample journal

Run `reflect COMMAND --help` for a command's options and examples."""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with status 2 and one clear line (as everything else)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from reflect.sanitize import one_line

        self.exit(EXIT_USAGE, f"reflect: {one_line(message)} (see `{self.prog} --help`)\n")


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts, before or after the command name."""
    common = _Parser(add_help=False)
    group = common.add_argument_group("journal")
    # SUPPRESS keeps a value given before the command from being reset by the subparser.
    group.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                       help="journal file (default: $REFLECT_DB, else your data folder)")
    group.add_argument("--framework", metavar="FILE", default=argparse.SUPPRESS,
                       help="framework (standards) file to use instead of the journal's own")
    group.add_argument("--passphrase-fd", metavar="N", type=int, default=argparse.SUPPRESS,
                       help="read an encrypted journal's passphrase from file descriptor N "
                            "(or name a file in $REFLECT_PASSPHRASE_FILE)")
    return common


#: Options before the command that take a value (argparse accepts them abbreviated).
_VALUE_OPTIONS = ("--db", "--framework", "--passphrase-fd")


def command_word(argv: list[str]) -> str | None:
    """The command ``argv`` runs, found as argparse finds it; None if there is none or in doubt.

    Only ``--db``, ``--framework`` and ``--passphrase-fd`` (with their values) may come before it: anything else
    first (help, version, ``--``, a mistake) gives None, and with it the whole grammar.
    """
    value_next = False
    for token in argv:
        if value_next:
            value_next = False
            continue
        if not token.startswith("-") or token == "-":
            return token
        name = token.partition("=")[0]
        if len(name) < 3 or not any(option.startswith(name) for option in _VALUE_OPTIONS):
            return None
        value_next = "=" not in token
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command-line grammar: all of it, or with ``argv`` only what its command needs."""
    import importlib

    modules: tuple[str, ...] = COMMAND_MODULES
    command = command_word(argv) if argv is not None else None
    if command in COMMANDS:
        modules = (COMMANDS[command],)
    elif argv and len(argv[0]) > 3 and "--version".startswith(argv[0]):
        modules = ()  # argparse prints the version and stops at the first option
    common = common_options()
    parser = _Parser(prog="reflect", description=DESCRIPTION, epilog=EPILOG, parents=[common],
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"reflect {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for name in modules:
        importlib.import_module(f"reflect.cli.{name}").register(sub, common)
    parser.set_defaults(handler=lambda ctx: importlib.import_module("reflect.cli.app").run_app(ctx))
    return parser


def unknown_command(word: str) -> str:
    """One line for a mistyped command: the nearest commands, or where the list is."""
    import difflib

    from reflect.sanitize import one_line

    near = difflib.get_close_matches(word, COMMANDS, n=3, cutoff=0.5)
    if not near:
        near = [name for name in COMMANDS if name.startswith(word)][:3] if word else []
    hint = f"did you mean {' or '.join(near)}?" if near else "see `reflect --help` for the commands."
    return f'there is no command "{_clip(one_line(word), 40)}": {hint}'


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _utf8_argument(text: str) -> str:
    """An argument as the UTF-8 text it is, even where Python decoded it with an ASCII
    locale (LANG=C): its bytes are taken back and read as UTF-8 when they are that."""
    from reflect.sanitize import has_undecodable

    if not has_undecodable(text):
        return text
    try:
        return os.fsencode(text).decode("utf-8")
    except (UnicodeError, ValueError):
        return text  # truly not UTF-8: refused below


def _files_to_attach(argv: list[str]) -> bool:
    """Whether every argument that is not UTF-8 is a file `reflect attach` was given: a file's
    name on Linux may be any bytes, and the attachment gets a safe name of its own."""
    from reflect.sanitize import has_undecodable

    return command_word(argv) == "attach" and all(
        os.path.isfile(a) for a in argv if has_undecodable(a))


def _tolerant_output() -> None:
    """Let messages through whatever the terminal's encoding: a character it cannot show
    becomes ``?`` (stdout) or an escape (stderr) instead of stopping reflect mid-command,
    perhaps after it saved something and before it said so."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding in ("utf8", "utf8sig"):
            continue  # can show everything already
        try:
            getattr(stream, "reconfigure")(errors=errors)  # TextIOWrapper has it; TextIO does not say
        except (AttributeError, ValueError, OSError):
            pass  # not a text stream we can change (closed, or replaced by the caller)


def main(argv: list[str] | None = None) -> int:
    """Run reflect with ``argv`` (default: the process's arguments); return the exit status."""
    from reflect.cli.context import Context
    from reflect.sanitize import has_undecodable, one_line

    argv = [_utf8_argument(a) for a in (sys.argv[1:] if argv is None else argv)]
    _tolerant_output()
    if any(has_undecodable(a) for a in argv) and not _files_to_attach(argv):
        # Bytes that are not UTF-8 cannot be stored or printed faithfully: refuse them whole.
        print("reflect: an argument is not valid UTF-8 text (check your terminal's encoding); "
              "nothing was changed", file=sys.stderr)
        return EXIT_USAGE
    command = command_word(argv)
    if command is not None and command not in COMMANDS:
        print(f"reflect: {unknown_command(command)}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    ctx = Context(args)
    try:
        return args.handler(ctx) or 0
    except ReflectError as error:
        print(f"reflect: {one_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.DatabaseError as error:
        # Met mid-command: the journal stayed locked past the timeout, or is damaged.
        from reflect.journal import explain_sqlite_error
        from reflect.paths import journal_path

        where = journal_path(getattr(args, "db", None))
        print(f"reflect: {one_line(str(explain_sqlite_error(error, where)))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("reflect: interrupted; nothing more was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a traceback.
        sys.stderr.close()
        return 0
    except OSError as error:
        # A path the system refuses (too long, not allowed, a full disk) met outside the
        # places that already explain themselves: still one plain line, never a traceback.
        name = f"{_clip(str(error.filename))}: " if error.filename else ""
        print(f"reflect: {one_line(name + (error.strerror or str(error)))}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as error:
        cipher = sys.modules.get("reflect.store.cipher")
        if cipher is None or not cipher.is_database_error(error):
            raise
        # An encrypted journal's errors are SQLCipher's classes, not sqlite3's: same words.
        from reflect.journal import explain_sqlite_error
        from reflect.paths import journal_path

        where = journal_path(getattr(args, "db", None))
        print(f"reflect: {one_line(str(explain_sqlite_error(error, where)))}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        ctx.close()
