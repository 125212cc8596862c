"""What a command handler works with: its arguments, the journal and the framework.

Both are opened lazily, on first use, so that ``reflect --help`` or ``reflect standards``
never create a journal file.
"""

from __future__ import annotations

import argparse
import io
import sys
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, TextIO

from reflect import paths

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework


class Context:
    """Arguments plus lazily opened journal and framework, for one run of a command."""

    def __init__(self, args: argparse.Namespace, out: TextIO | None = None):
        self.args = args
        self.out = out or sys.stdout
        self._journal: Journal | None = None

    @property
    def journal_path(self) -> Path:
        """The journal's path, checked to be usable as one (not a folder, not too long a name)."""
        path = paths.journal_path(getattr(self.args, "db", None))
        paths.usable_journal_path(path)
        return path

    @property
    def journal(self) -> "Journal":
        """The journal, opened (and created, with private permissions) on first use."""
        if self._journal is None:
            from reflect.cli.passphrase import install
            from reflect.journal import open_journal

            install(self.args)  # used only if the journal turns out to be encrypted
            # Commands that write take the day's automatic backup first; reading ones stay fast.
            self._journal = open_journal(self.journal_path, daily_backup=getattr(self.args, "writes", False))
            if self._journal.backup_problem:
                print(f"reflect: warning: {self._journal.backup_problem}", file=sys.stderr)
        return self._journal

    @cached_property
    def framework(self) -> "Framework":
        """The framework in force: --framework, $REFLECT_FRAMEWORK, the journal's, or bundled."""
        from reflect.errors import FrameworkError
        from reflect.framework.standards import load_framework

        path = self.framework_path()
        try:
            return load_framework(path)
        except FrameworkError as error:
            if path is not None and paths.framework_option(getattr(self.args, "framework", None)) is None:
                # Chosen by the journal's setting, so say how to get back to a working one.
                raise FrameworkError(f"{error} (this journal's framework setting; "
                                     "`reflect config framework --unset` goes back to the bundled one)") from None
            raise

    def framework_path(self) -> Path | None:
        """Which framework file applies (None: the bundled one)."""
        chosen = paths.framework_option(getattr(self.args, "framework", None))
        if chosen is not None:
            return chosen
        if self.journal_path.exists():
            setting = self.journal.settings.get("framework")
            if setting:
                return Path(setting)
        return None

    def print(self, *parts: object, **kwargs) -> None:
        """Print a message for people (titles in it shown safely: see :func:`shown_text`).

        Often it says that something was saved: if stdout cannot take it (a full disk, an I/O
        error), it goes to stderr instead and the command still succeeds, so that nobody
        retries a save that happened."""
        from reflect.sanitize import one_line, shown_text

        text = [shown_text(str(p)) for p in parts]
        try:
            print(*text, file=self.out, **kwargs)
            self.out.flush()
        except BrokenPipeError:
            raise  # the reader went away (`| head`): main() ends quietly
        except (OSError, ValueError) as error:  # ValueError: stdout was closed
            reason = getattr(error, "strerror", None) or str(error)
            print(f"reflect: {one_line(' '.join(text))} (shown here: stdout failed: {reason})", file=sys.stderr)

    @contextmanager
    def file_out(self) -> Iterator[TextIO]:
        """Where a file's content goes when it is written to stdout (``-o -``): UTF-8 whatever
        the terminal's encoding, as the same content written to a file would be."""
        buffer = getattr(self.out, "buffer", None)
        if buffer is None:  # already text only (a test's StringIO)
            yield self.out
            return
        self.out.flush()
        writer = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
        try:
            yield writer
            writer.flush()
        finally:
            writer.detach()  # leave the process's stdout open

    def close_journal(self) -> None:
        """Let go of the journal (commands that replace the file do, before they replace it)."""
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def close(self) -> None:
        self.close_journal()
        cipher = sys.modules.get("reflect.store.cipher")
        if cipher is not None:  # a passphrase's key lives as long as the command, no longer
            cipher.set_passphrase_source(None)
            cipher.forget_keys()
