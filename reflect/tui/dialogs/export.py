"""Export from the app: reflections or a review pack, Markdown, printable HTML or a bundle
(one zip with both and the attached files).

:class:`ExportDialog` only gathers the choices (what, which period, private or not, which
folder) and answers with an :class:`ExportRequest`; :func:`run_export` does the writing with
the same core calls as `reflect export` and `reflect review export`, so the files are the
same whichever way they were made. :func:`export_chosen` is what the app does with the answer:
ask about personal data, ask before replacing a file, write, and say where it went.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from reflect.words import plural
from reflect.errors import InputError
from reflect.files import TargetExistsError
from reflect.paths import expand
from reflect.tui.guard import report
from reflect.tui.dialogs.form import ConfirmDialog, FormDialog, field_label
from reflect.tui.widgets.date_field import DateField
from reflect.tui.widgets.key_footer import KeyFooter

#: What can be exported, as offered in the dialog.
KINDS = {
    "reflections": "Reflections (Markdown)",
    "pack": "Review pack for your mentor (Markdown)",
    "pack-html": "Review pack for your mentor (printable HTML)",
    "pack-bundle": "Review pack bundle for your mentor (one zip: Markdown, HTML, attached files)",
    "bundle": "Reflections bundle (one zip: Markdown, HTML, attached files)",
}


@dataclass(frozen=True)
class ExportRequest:
    """The choices made in the dialog."""

    kind: str
    folder: Path
    start: date | None = None
    end: date | None = None
    include_private: bool = False
    #: Replace personal data with labels; None until the apprentice has been asked (if need be).
    redact: bool | None = None


class ExportDialog(FormDialog):
    """Choose what to export and where. Dismisses with an :class:`ExportRequest` (or None)."""

    heading = "Export for your mentor"
    hint = ("ctrl+s exports · escape cancels · files are readable by you only; a private "
            "reflection's attached files are never exported")

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd() / "journals"

    def fields(self):
        today = self.app.journal.today()
        yield field_label("What")
        yield Select([(label, kind) for kind, label in KINDS.items()], allow_blank=False, value="pack",
                     id="kind", compact=True)
        yield field_label("From")
        yield DateField(None, today=today, what="From", empty="the start or last review", id="start")
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
    if request.kind in ("bundle", "pack-bundle"):
        from reflect.export.bundle import export_bundle, pack_bundle

        if request.kind == "bundle":
            return export_bundle(journal, framework, request.folder, EntryFilter(date_from=request.start,
                                 date_to=request.end), include_private=request.include_private,
                                 overwrite=overwrite, redact=bool(request.redact))
        return pack_bundle(journal, framework, request.folder, start=request.start, end=request.end,
                           include_private=request.include_private, overwrite=overwrite, redact=bool(request.redact))
    if request.kind == "reflections":
        filters = EntryFilter(date_from=request.start, date_to=request.end)
        return write_export(journal, framework, request.folder, filters, include_private=request.include_private,
                            overwrite=overwrite, redact=bool(request.redact))
    return write_review_pack(journal, framework, request.folder, start=request.start, end=request.end,
                             html=request.kind == "pack-html", include_private=request.include_private,
                             overwrite=overwrite, redact=bool(request.redact))


def personal_data_in(journal, request: ExportRequest):
    """The reflections the export would hold that have personal data in them."""
    from reflect.coach.export_guard import scan_rows
    from reflect.entries.models import EntryFilter
    from reflect.review.prep import review_period

    start, end = request.start, request.end
    if request.kind not in ("reflections", "bundle"):
        start, end = review_period(journal, start=start, end=end)
    chosen = EntryFilter(date_from=start, date_to=end, private=None if request.include_private else False)
    return scan_rows(journal.entries.iter_entries(chosen))


def ask_about_personal_data(app, request: ExportRequest, go_on) -> bool:
    """Before writing: if the export holds personal data and nobody has chosen yet, list it
    and ask whether to replace it with labels. ``go_on(request)`` carries on with the answer.
    True when the question was asked (the caller stops and waits for ``go_on``)."""
    if request.redact is not None:
        return False
    found = personal_data_in(app.journal, request)
    if not found:
        return False

    def answered(choice: str | None) -> None:
        if choice is not None:
            go_on(replace(request, redact=choice == "redact"))

    app.push_screen(PersonalDataFound(found), answered)
    return True


class PersonalDataFound(ModalScreen[str | None]):
    """Lists the personal data an export would hold; dismisses with "redact", "as-written" or None."""

    BINDINGS = [
        Binding("r", "answer('redact')", "Redact"),
        Binding("w", "answer('as-written')", "As written"),
        Binding("escape", "answer(None)", "Cancel"),
    ]

    def __init__(self, found) -> None:
        super().__init__()
        self.found = found

    def compose(self) -> ComposeResult:
        from reflect.coach.export_guard import summary_lines

        lines = summary_lines(self.found, redacted=False)[:-1]
        with Vertical(classes="dialog wide"):
            yield Label("Personal data in this export", classes="dialog-title")
            with VerticalScroll(id="personal-data-list"):
                yield Static("\n".join(lines), markup=False)
            yield Label("Replace it with labels such as [phone] and [name]? Your journal stays as it is; "
                        "card numbers are masked either way.", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Redact (r)", id="redact", variant="primary", compact=True)
                yield Button("Export as written (w)", id="as-written", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#redact", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss({"redact": "redact", "as-written": "as-written"}.get(event.button.id or ""))

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


def result_message(result) -> str:
    """What the app says after an export: the path, and what was left out."""
    what = "review pack" if result.kind == "review-pack" else "reflections"
    parts = [f"Wrote the {what} to {result.path}"]
    count = plural(result.entries)
    parts.append(f"({count}")
    if result.private_left_out:
        parts[-1] += f"; {result.private_left_out} private left out"
    if result.attachments:
        parts[-1] += f"; {result.attachments} attached file" + ("" if result.attachments == 1 else "s")
    parts[-1] += ")."
    return " ".join(parts)


def export_chosen(app, request: ExportRequest | None, *, overwrite: bool = False) -> None:
    """Write what the export dialog asked for and say where it went: first asking about personal
    data in it, and before replacing a file already there."""
    try:
        _export(app, request, overwrite)
    except Exception as error:  # noqa: BLE001 - shown to the person, see reflect.tui.guard
        report(app, error)


def _export(app, request: ExportRequest | None, overwrite: bool) -> None:
    if request is None or ask_about_personal_data(app, request, lambda r: export_chosen(app, r, overwrite=overwrite)):
        return
    try:
        result = run_export(app.journal, app.framework, request, overwrite=overwrite)
    except TargetExistsError as error:
        question = f"{error.path} is already there (an earlier export today?). Replace it?"
        app.push_screen(ConfirmDialog("Replace the file?", question, yes="Replace"),
                        lambda yes: export_chosen(app, request, overwrite=True) if yes else None)
        return
    message = result_message(result)
    if app.journal.encrypted:  # by design: the export is for a mentor; said, so nobody thinks it is locked
        message += " The journal is encrypted, but this export is plain text, readable by anyone who has it."
    if app.is_web:
        # In a browser tab the file is also offered as a download; it stays in the folder.
        app.deliver_binary(result.path)
        message += " It is also offered to your browser as a download."
    app.notify(message, title="Exported", timeout=10)
