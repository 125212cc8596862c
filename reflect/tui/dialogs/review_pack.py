"""The review pack from the app: for the period being prepared or a completed review,
Markdown (for the mentor to write in), printable HTML, or a bundle (one zip with both and the
attached files), with the path shown and the HTML opened in the browser if asked.

:class:`ReviewPackDialog` writes the pack with the same core call as `reflect review export`
(:func:`reflect.export.pack.write_review_pack`) and answers with a :class:`PackWritten`;
:func:`pack_written` tells the person where it went and opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass
from pathlib import Path

from textual.widgets import Checkbox, Input, Label, Select

from reflect.errors import InputError
from reflect.tui.dialogs.form import FormDialog, field_label

if TYPE_CHECKING:
    from reflect.export.files import ExportResult

FORMATS = {"md": "Markdown: the mentor writes in it and sends it back", "html": "Printable HTML (for the browser)",
           "bundle": "Bundle: one zip with the Markdown, the HTML and the attached files"}


@dataclass(frozen=True)
class PackWritten:
    """What the dialog did: the core's ``ExportResult`` and whether to open it."""

    result: "ExportResult"
    open_it: bool


class ReviewPackDialog(FormDialog):
    """Write a review pack. ``review_id``: a completed review's own pack; None for the
    period being prepared. Dismisses with a :class:`PackWritten` (or None)."""

    heading = "Review pack for your mentor"
    hint = "ctrl+s writes it · escape cancels · the file is readable by you only"

    def __init__(self, review_id: int | None = None, include_private: bool = False,
                 folder: Path | None = None) -> None:
        super().__init__()
        self.review_id = review_id
        self.include_private = include_private
        self.folder = folder or Path.cwd() / "journals"

    def intro(self):
        if self.review_id is None:
            what = "Everything since your last review, with the record of the meeting to fill in."
        else:
            review = self.app.journal.reviews.get(self.review_id)
            when = review.agreed_on.strftime("%d/%m/%Y") if review.agreed_on else ""
            what = f"Review #{review.id}, agreed {when} with {review.mentor_name}, as it was agreed."
        yield Label(what, markup=False, id="pack-what")

    def fields(self):
        yield field_label("Format")
        yield Select([(label, kind) for kind, label in FORMATS.items()], allow_blank=False, value="md",
                     id="pack-format", compact=True)
        yield field_label("Folder")
        yield Input(str(self.folder), id="pack-folder", compact=True)
        yield field_label("")
        yield Checkbox("Open the HTML in the browser", True, id="pack-open", compact=True)
        yield field_label("")
        yield Checkbox("Replace a file of the same name", False, id="pack-replace", compact=True)

    def on_mount(self) -> None:
        self.query_one("#pack-format", Select).focus()

    def submit(self) -> PackWritten:
        from reflect.export.pack import write_review_pack
        from reflect.files import TargetExistsError, ensure_private_dir

        folder = self.query_one("#pack-folder", Input).value.strip()
        if not folder:
            raise InputError("Choose a folder to write to.")
        chosen = self.query_one("#pack-format", Select).value
        html = chosen == "html"
        path = Path(folder).expanduser()
        ensure_private_dir(path)
        replace = self.query_one("#pack-replace", Checkbox).value
        try:
            if chosen == "bundle":
                from reflect.export.bundle import pack_bundle

                result = pack_bundle(self.app.journal, self.app.framework, path, include_private=self.include_private,
                                     review_id=self.review_id, overwrite=replace)
            else:
                result = write_review_pack(self.app.journal, self.app.framework, path, html=html,
                                           include_private=self.include_private, review_id=self.review_id,
                                           overwrite=replace)
        except TargetExistsError as error:
            raise InputError(f"{error.path} is already there: tick \u201cReplace\u201d to write over it.") from None
        return PackWritten(result, html and self.query_one("#pack-open", Checkbox).value)


def pack_written(app, written: PackWritten | None) -> None:
    """Say where the pack went; open the HTML in the browser if that was asked for."""
    if written is None:
        return
    from reflect.tui.dialogs.export import result_message

    result = written.result
    app.notify(result_message(result), title="Review pack written", timeout=12)
    if written.open_it and result.path is not None:
        app.open_url(Path(result.path).resolve().as_uri())
