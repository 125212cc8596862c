"""Errors become notifications, never a traceback that closes the app.

Textual stops a widget for good when one of its handlers raises, so errors are caught where
they happen: decorate handlers and actions that call the core with :func:`guarded`.

* A :class:`~reflect.errors.ReflectError` is something the person can fix: its one sentence
  is shown as an error notification.
* Anything else is a bug. The app first keeps every open editor's words as drafts, then says
  what happened; with ``catch_bugs=False`` (tests) the exception is raised as usual.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

from reflect.errors import JournalBusyError, ReflectError


def report(app: Any, error: BaseException) -> None:
    """Show ``error`` in the app (re-raise bugs when the app does not catch them)."""
    if isinstance(error, JournalBusyError):
        app.notify("The journal is busy: another reflect is writing to it (an import?), so that was not "
                   "done yet. Nothing you wrote is lost; try again in a moment.",
                   title="Journal busy", severity="warning", timeout=8)
        return
    if isinstance(error, ReflectError):
        app.notify(str(error), title="Could not do that", severity="error", timeout=8)
        return
    if not getattr(app, "catch_bugs", False):
        raise error
    app.log.error(f"unexpected error: {error!r}")
    rescue = getattr(app, "rescue_drafts", None)
    if rescue is not None:
        rescue()
    app.notify(f"Something went wrong ({type(error).__name__}: {error}). Your writing is kept as a draft.",
               title="Unexpected problem", severity="error", timeout=12)


def guarded(method: Callable) -> Callable:
    """Decorate a handler or action (sync or async) so its errors are shown, not fatal."""
    if inspect.iscoroutinefunction(method):
        @functools.wraps(method)
        async def run_async(self, *args, **kwargs):
            try:
                return await method(self, *args, **kwargs)
            except Exception as error:  # noqa: BLE001 - shown to the person, see report()
                report(self.app, error)
        return run_async

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as error:  # noqa: BLE001 - shown to the person, see report()
            report(self.app, error)
    return run
