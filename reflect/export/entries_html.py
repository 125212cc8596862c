"""Entries on an HTML page, with their attached pictures shown and other files linked.

The pictures are the attachments sniffed as PNG, JPEG, GIF or WebP (never SVG, which can carry
script), put in the page itself as ``data:`` addresses (up to
:data:`~reflect.export.attachments.INLINE_BUDGET` bytes of them; the rest are linked): the page stays one self-contained
file that loads nothing from anywhere (its Content-Security-Policy allows ``data:`` images
and nothing else). Other files are linked to the files folder beside the page. Everything
here is HTML reflect writes itself, names escaped.
"""

from __future__ import annotations

import base64
from html import escape
from typing import TYPE_CHECKING, TextIO, cast

from reflect.attachments.sniff import media_type
from reflect.export.entry_block import EntryRenderer
from reflect.export.rows import iter_rows

if TYPE_CHECKING:
    from reflect.export.attachments import ExportedFile
    from reflect.export.html import HtmlPage
    from reflect.export.plan import ExportPlan
    from reflect.framework.standards import Framework
    from reflect.journal import Journal


def figures(journal: "Journal", files: "list[ExportedFile]", inline: frozenset[int]) -> str:
    """The pictures among ``files`` chosen to be ``inline`` (see
    :func:`reflect.export.attachments.inline_pictures`), as figures to show in the page; every
    file is linked in the entry's details already."""
    store = journal.attachments
    parts = []
    for f in files:
        if f.attachment_id not in inline or not media_type(f.media_type).is_image:
            continue
        data = base64.b64encode(store.read(store.get_by_id(f.attachment_id))).decode("ascii")
        name = escape(f.name)
        parts.append(f'<figure class="attachment"><img src="data:{f.media_type};base64,{data}" alt="{name}">'
                     f'<figcaption>{name} ({escape(f.describe())})</figcaption></figure>\n')
    return "".join(parts)


def write_entries_html(page: "HtmlPage", journal: "Journal", framework: "Framework", plan: "ExportPlan",
                       files: "dict[str, list[ExportedFile]] | None", *, criteria_text: bool = True) -> None:
    """Each entry of ``plan`` as an ``<article class="entry">``, its pictures at its end."""
    from reflect.export.attachments import inline_pictures

    files = files or {}
    inline = inline_pictures(files)
    render = EntryRenderer(framework, markers=False, criteria_text=criteria_text, files=files, pictures=False).render
    for entry in iter_rows(journal, plan.filters, redact=plan.redact):
        own = files.get(entry.uid)
        if not own:
            page.add(render(entry), wrap="entry")
            continue
        page.add_html('<article class="entry">\n')
        page.add(render(entry))
        page.add_html(figures(journal, own, inline))
        page.add_html("</article>\n")


def write_export_html(journal: "Journal", framework: "Framework", out: TextIO, plan: "ExportPlan",
                      files: "dict[str, list[ExportedFile]] | None" = None) -> None:
    """An export (`reflect export`) as one printable, self-contained HTML page."""
    from reflect.coach.export_guard import CardMaskingWriter
    from reflect.export.html import HtmlPage
    from reflect.export.markdown import header_lines, when

    title = "Reflective journal" + (f" \u2014 {plan.apprentice.strip()}" if plan.apprentice.strip() else "")
    with HtmlPage(cast(TextIO, CardMaskingWriter(out)), title) as page:
        page.add(header_lines(plan, framework, markers=False))
        write_entries_html(page, journal, framework, plan, files)
        page.add_html(f'<p class="generated">Made by reflect on {escape(when(plan.generated))}.</p>\n')
