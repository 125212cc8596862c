"""Export from the app: reflections or a review pack, Markdown or printable HTML.

:class:`ExportDialog` only gathers the choices (what, which period, private or not, which
folder) and answers with an :class:`ExportRequest`; :func:`run_export` does the writing with
the same core calls as `reflect export` and `reflect review export`, so the files are the
same whichever way they were made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.widgets import Checkbox, Input, Select

from reflect.errors import InputError
from reflect.paths import expand
from reflect.tui.dialogs.form import FormDialog, field_label
from reflect.tui.widgets.date_field import DateField

#: What can be exported, as offered in the dialog.
KINDS = {
    "reflections": "Reflections (Markdown)",
    "pack": "Review pack for your mentor (Markdown)",
    "pack-html": "Review pack for your mentor (printable HTML)",
}


@dataclass(frozen=True)
class ExportRequest:
    """The choices made in the dialog."""

    kind: str
    folder: Path
    start: date | None = None
    end: date | None = None
    include_private: bool = False


class ExportDialog(FormDialog):
    """Choose what to export and where. Dismisses with an :class:`ExportRequest` (or None)."""

    heading = "Export for your mentor"
    hint = "ctrl+s exports · escape cancels · files are readable by you only"

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd() / "journals"

    def fields(self):
        today = self.app.journal.today()
        yield field_label("What")
        yield Select([(label, kind) for kind, label in KINDS.items()], allow_blank=False, value="pack",
                     id="kind", compact=True)
        yield field_label("From")
        yield DateField(None, today=today, what="From", empty="the start (or the last review)", id="start")
        yield field_label("To")
        yield DateField(None, today=today, what="To", empty="today", id="end")
        yield field_label("Private")
        yield Checkbox("Include private reflections", False, id="private", compact=True)
        yield field_label("Folder")
        yield Input(str(self.folder), id="folder", compact=True)

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()

    def submit(self) -> ExportRequest:
        start, end = self.query_one("#start", DateField).day, self.query_one("#end", DateField).day
        if start and end and start > end:
            raise InputError("The period starts after it ends.")
        folder = self.query_one("#folder", Input).value.strip()
        if not folder:
            raise InputError("Choose a folder to write to.")
        return ExportRequest(kind=str(self.query_one("#kind", Select).value), folder=expand(folder),
                             start=start, end=end, include_private=self.query_one("#private", Checkbox).value)


def run_export(journal, framework, request: ExportRequest, *, overwrite: bool = False):
    """Write the export ``request`` asks for; returns the core's ``ExportResult``.

    Raises :class:`reflect.files.TargetExistsError` if the file is there already and
    ``overwrite`` is false, so the app can ask before replacing it.
    """
    from reflect.export.files import write_export
    from reflect.files import ensure_private_dir
    from reflect.entries.models import EntryFilter
    from reflect.export.pack import write_review_pack

    ensure_private_dir(request.folder)  # a folder the dialog names is a folder, even a new one
    if request.kind == "reflections":
        filters = EntryFilter(date_from=request.start, date_to=request.end)
        return write_export(journal, framework, request.folder, filters, include_private=request.include_private,
                            overwrite=overwrite)
    return write_review_pack(journal, framework, request.folder, start=request.start, end=request.end,
                             html=request.kind == "pack-html", include_private=request.include_private,
                             overwrite=overwrite)


def result_message(result) -> str:
    """What the app says after an export: the path, and what was left out."""
    what = "review pack" if result.kind == "review-pack" else "reflections"
    parts = [f"Wrote the {what} to {result.path}"]
    count = f"{result.entries} reflection" + ("" if result.entries == 1 else "s")
    parts.append(f"({count}")
    if result.private_left_out:
        parts[-1] += f"; {result.private_left_out} private left out"
    parts[-1] += ")."
    return " ".join(parts)
