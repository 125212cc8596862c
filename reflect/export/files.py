"""Writing exports to files: where they go, and what was written.

`reflect export`, `reflect review export` and the app all write through here, so they agree on
the default place (``journals/`` under the current folder, named by date), on never replacing
a file without being asked, and on atomic, private (0600) files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from reflect.entries.models import EntryFilter
from reflect.files import TargetExistsError
from reflect.paths import expand

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework

#: Where exports go unless told otherwise (relative to the current folder).
DEFAULT_FOLDER = Path("journals")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the file (None for a stream) and its counts."""

    path: Path | None
    kind: str
    entries: int
    private_left_out: int = 0
    private_included: int = 0
    objectives: int = 0
    #: Attached files written beside it (in ``files_folder``), or into the bundle.
    attachments: int = 0
    files_folder: Path | None = None
    #: Attached files that were not written (the export went to stdout).
    attachments_not_written: int = 0
    #: Files attached to the private entries included, which never leave.
    private_files_left_out: int = 0

    def summary(self) -> str:
        """One sentence for people, e.g. ``Exported 42 entries to journals/x.md (3 private
        entries left out; --include-private adds them).``"""
        if self.kind == "review-pack":
            counts = (f"{_count(self.entries, 'reflection', 'reflections')}, "
                      f"{_count(self.objectives, 'objective', 'objectives')}")
            message = f"Wrote the review pack to {self.path or 'stdout'}: {counts}"
        else:
            message = f"Exported {_count(self.entries, 'entry', 'entries')} to {self.path or 'stdout'}"
        if self.private_left_out:
            one, many = ("reflection", "reflections") if self.kind == "review-pack" else ("entry", "entries")
            message += (f" ({_count(self.private_left_out, f'private {one}', f'private {many}')} left out; "
                        "--include-private adds them)")
        elif self.private_included:
            message += f" (including {self.private_included} private)"
        if self.attachments and self.files_folder is not None:
            message += f", with {_count(self.attachments, 'attached file', 'attached files')} in {self.files_folder}"
        elif self.attachments:
            message += f", with {_count(self.attachments, 'attached file', 'attached files')}"
        if self.private_files_left_out:
            n = self.private_files_left_out
            message += (f" ({_count(n, 'file', 'files')} attached to private "
                        f"{'entries' if self.kind != 'review-pack' else 'reflections'} "
                        f"{'stays' if n == 1 else 'stay'} in the journal: never exported)")
        if self.attachments_not_written:
            message += (f" ({_count(self.attachments_not_written, 'attached file was', 'attached files were')} "
                        "not written: export to a file to include them)")
        return message + "."


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def target_path(target: Path | str | None, default_name: str) -> Path:
    """The file to write: ``target`` itself, or ``default_name`` inside it when it is an
    existing folder, or inside :data:`DEFAULT_FOLDER` when no target is given."""
    if target is None:
        return DEFAULT_FOLDER / default_name
    target = expand(target)
    return target / default_name if target.is_dir() else target


def write_export(journal: "Journal", framework: "Framework", target: Path | str | None = None,
                 filters: EntryFilter = EntryFilter(), *, include_private: bool = False, overwrite: bool = False,
                 progress: Callable[[int, int], None] | None = None, redact: bool = False) -> ExportResult:
    """Export the entries ``filters`` select as Markdown to a private file, atomically: the
    core call behind `reflect export` and the app.

    ``target`` as in :func:`target_path`; the default name is ``2026-11-24-reflections.md``
    (today) or ``2026-09-01-to-2026-11-24-reflections.md`` when the filters give dates.
    Private entries are left out unless ``include_private``; an existing file is kept unless
    ``overwrite`` (:class:`~reflect.errors.ReflectError` says so). Card numbers are always
    masked; ``redact`` replaces all personal data with labels such as ``[phone]``.
    """
    from reflect.progress.evidence import read_snapshot
    from reflect.export.markdown import default_file_name, write_markdown
    from reflect.export.plan import plan_export
    from reflect.files import atomic_writer
    from reflect.store.own_files import refuse_journal_files

    from reflect.export.attachments import all_files, export_files, folder_for, private_files, write_files

    with read_snapshot(journal):
        plan = plan_export(journal, framework, filters, include_private=include_private, redact=redact)
        path = target_path(target, default_file_name(plan, journal.today()))
        refuse_journal_files(path, journal.path)  # not even with --force
        if path.exists() and not overwrite:
            raise TargetExistsError(path)  # before any attached file is written beside it
        files = export_files(journal, plan.filters, folder_for(path))
        # The files first: a Markdown file that exists links only to files that do.
        written = write_files(journal, all_files(files), path.parent, overwrite=overwrite, folder=folder_for(path))
        with atomic_writer(path, overwrite=overwrite) as handle:
            write_markdown(journal, framework, handle, plan, progress=progress, files=files)
    return ExportResult(path=path, kind="reflections", entries=plan.entries,
                        private_left_out=plan.private_left_out, private_included=plan.private_included,
                        attachments=written, files_folder=path.parent / folder_for(path) if written else None,
                        private_files_left_out=private_files(journal, plan.filters) if include_private else 0)
