"""Errors that carry a message meant for the person using reflect.

Anything raised as a :class:`ReflectError` is shown as one plain line (CLI: on stderr with
exit status 2; app: as a notification). Any other exception is a bug.
"""


class ReflectError(Exception):
    """A problem the user can act on; ``str(error)`` is the whole message."""


class InputError(ReflectError, ValueError):
    """Something the user typed cannot be understood (a date, an id, a query)."""


class NotFoundError(ReflectError, LookupError):
    """A record the user named does not exist (or is in the trash when it should not be)."""


class JournalError(ReflectError):
    """The journal file cannot be opened or used safely (not SQLite, too new, locked, ...)."""


class JournalBusyError(JournalError):
    """Another reflect held the journal's write lock for longer than this one would wait."""


class FrameworkError(ReflectError):
    """A framework (standards) file is missing or malformed."""
