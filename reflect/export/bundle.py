"""One zip for the mentor: the Markdown, the printable HTML and the attached files together.

``reflect export --bundle`` and ``reflect review export --bundle`` (and the app) write
``NAME.zip`` holding ``NAME.md``, ``NAME.html`` and ``NAME_files/`` exactly as they would be
written side by side, so unzipping it gives a folder whose links work, and `reflect import`
(or `import-feedback`) reads its Markdown back. The zip is written like every other export:
atomically, private (0600), never over a file unless asked. Everything in it comes from one
read snapshot of the journal.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from reflect import system
from reflect.entries.models import EntryFilter
from reflect.export.attachments import ExportedFile, all_files, export_files, private_files
from reflect.export.files import ExportResult, target_path

if TYPE_CHECKING:
    from reflect.framework.standards import Framework
    from reflect.journal import Journal


def export_bundle(journal: "Journal", framework: "Framework", target: Path | str | None = None,
                  filters: EntryFilter = EntryFilter(), *, include_private: bool = False, overwrite: bool = False,
                  redact: bool = False) -> ExportResult:
    """`reflect export --bundle`: the export as Markdown and HTML with its files, in one zip."""
    from reflect.export.entries_html import write_export_html
    from reflect.export.markdown import default_file_name, write_markdown
    from reflect.export.plan import plan_export
    from reflect.progress.evidence import read_snapshot

    with read_snapshot(journal):
        plan = plan_export(journal, framework, filters, include_private=include_private, redact=redact)
        stem = Path(default_file_name(plan, journal.today())).stem
        path = _zip_path(target, stem, journal, overwrite)
        stem = path.stem
        files = export_files(journal, plan.filters, f"{stem}_files")
        markdown, html = io.StringIO(), io.StringIO()
        write_markdown(journal, framework, markdown, plan, files=files)
        write_export_html(journal, framework, html, plan, files)
        count = _write_zip(journal, path, stem, markdown.getvalue(), html.getvalue(), all_files(files),
                           plan.generated, overwrite)
        hidden = private_files(journal, plan.filters) if include_private else 0
    return ExportResult(path=path, kind="reflections", entries=plan.entries, private_left_out=plan.private_left_out,
                        private_included=plan.private_included, attachments=count, private_files_left_out=hidden)


def pack_bundle(journal: "Journal", framework: "Framework", target: Path | str | None = None, *,
                start: date | None = None, end: date | None = None, include_private: bool = False,
                overwrite: bool = False, review_id: int | None = None, redact: bool = False) -> ExportResult:
    """`reflect review export --bundle`: the review pack as Markdown and HTML with its files."""
    from reflect.export.pack import build_review_pack, default_file_name, result_of
    from reflect.export.pack_writing import write_pack_html, write_pack_markdown
    from reflect.progress.evidence import read_snapshot

    with read_snapshot(journal):
        pack = build_review_pack(journal, framework, start=start, end=end, include_private=include_private,
                                 review_id=review_id, redact=redact)
        stem = Path(default_file_name(pack, dated=start is not None or end is not None, html=False)).stem
        path = _zip_path(target, stem, journal, overwrite)
        stem = path.stem
        files = export_files(journal, pack.plan.filters, f"{stem}_files")
        markdown, html = io.StringIO(), io.StringIO()
        write_pack_markdown(journal, framework, markdown, pack, files)
        write_pack_html(journal, framework, html, pack, files)
        count = _write_zip(journal, path, stem, markdown.getvalue(), html.getvalue(), all_files(files),
                           pack.plan.generated, overwrite)
        hidden = private_files(journal, pack.plan.filters) if include_private else 0
    return replace(result_of(pack, path), attachments=count, private_files_left_out=hidden)


def _zip_path(target: Path | str | None, stem: str, journal: "Journal", overwrite: bool) -> Path:
    from reflect.files import TargetExistsError
    from reflect.store.own_files import refuse_journal_files

    path = target_path(target, f"{stem}.zip")
    if path.suffix.lower() != ".zip":
        path = path.with_name(path.name + ".zip")
    refuse_journal_files(path, journal.path)  # not even with --force
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise TargetExistsError(path)
    return path


def _write_zip(journal: "Journal", path: Path, stem: str, markdown: str, html: str,
               files: Iterable[ExportedFile], generated: str, overwrite: bool) -> int:
    from reflect.files import atomic_writer

    stamp = datetime.fromisoformat(generated.replace("Z", "+00:00")).timetuple()[:6]
    store = journal.attachments
    count = 0

    def member(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = system.PRIVATE_FILE_MODE << 16  # unzipped private where the tool keeps modes
        return info

    with atomic_writer(path, overwrite=overwrite, binary=True) as handle:
        with zipfile.ZipFile(handle, "w") as archive:
            archive.writestr(member(f"{stem}.md"), markdown.encode("utf-8"))
            archive.writestr(member(f"{stem}.html"), html.encode("utf-8"))
            for f in files:
                archive.writestr(member(f.path), store.read(store.get_by_id(f.attachment_id)))
                count += 1
    return count
