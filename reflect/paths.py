"""Where reflect keeps things: the journal file and the framework file.

Precedence, most specific first: a command-line option, then an environment variable, then
the default. Nothing here creates a file or folder; :mod:`reflect.journal` does that on first
use, with private permissions.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reflect.errors import InputError, JournalError

APP_NAME = "reflect"
JOURNAL_FILE = "journal.db"
DB_ENV = "REFLECT_DB"
FRAMEWORK_ENV = "REFLECT_FRAMEWORK"


def default_data_dir() -> Path:
    """The user's data folder for reflect (e.g. ``~/.local/share/reflect`` on Linux)."""
    from reflect.system import data_dir

    return data_dir(APP_NAME)


def expand(path: str | os.PathLike) -> Path:
    """``path`` with a leading ``~`` or ``~user`` expanded; :class:`InputError` (one plain
    line) when there is no such user or no home folder to expand it to."""
    try:
        return Path(path).expanduser()
    except RuntimeError:  # pathlib's "Could not determine home directory"
        head = str(path).split("/", 1)[0]
        raise InputError(f"Cannot use {path}: {head} is not a user with a home folder on this computer "
                         "(give the full path instead)") from None


def journal_path(option: str | os.PathLike | None = None) -> Path:
    """The journal to use: ``--db``, else ``$REFLECT_DB``, else the user's data folder."""
    if option:
        return expand(option)
    if os.environ.get(DB_ENV):
        return expand(os.environ[DB_ENV])
    return default_data_dir() / JOURNAL_FILE


def framework_option(option: str | os.PathLike | None = None) -> Path | None:
    """A framework file chosen for this run: ``--framework``, else ``$REFLECT_FRAMEWORK``.

    None means "no override": use the journal's own setting, else the bundled framework.
    """
    if option:
        return expand(option)
    if os.environ.get(FRAMEWORK_ENV):
        return expand(os.environ[FRAMEWORK_ENV])
    return None


def usable_journal_path(path: Path) -> bool:
    """Whether a journal file exists at ``path``; :class:`JournalError` if the path cannot be one.

    Catches what the file system says about the name itself (too long, a folder, a loop of
    links, no permission) before anything tries to create or open it.
    """
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as error:
        raise JournalError(f"Cannot use {path} as the journal: {error.strerror or error}") from None
    except ValueError:  # an embedded NUL: only possible from code, never from a shell
        raise JournalError("The journal path is not a valid file name") from None
    if stat.S_ISDIR(info.st_mode):
        raise JournalError(f"{path} is a folder, not a journal file")
    return True
