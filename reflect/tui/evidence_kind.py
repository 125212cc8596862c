"""The editor's kind of evidence and its template: a reflection (perhaps with a reflective
model's headings), witness testimony, a product, an observation or a discussion; and, for
evidence from others, who saw, observed or took part.

The kind shows on a button at the right of the title's row. ctrl+t, or a click on that button,
offers every reflective model and every kind's guiding questions
(:class:`~reflect.tui.dialogs.common.TemplateChooser`). Choosing a kind with people to name asks
for them at once, when nobody is named yet (:class:`~reflect.tui.dialogs.evidence.EvidenceDetailsDialog`;
ctrl+o and the "Who" button open it too), and an untouched body takes the new kind's
questions. A reflective model is for the apprentice's own reflection: choosing one makes the
item a reflection again.

The editor screen holds what is chosen (its ``kind``, ``details`` and ``model``, read into its
state with everything else); :class:`EvidenceKind` changes them and what shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Button

from reflect.entries.kinds import REFLECTION, kind_label, kind_template
from reflect.entries.templates import template_body
from reflect.tui.dialogs.common import TemplateChooser
from reflect.tui.dialogs.evidence import DETAIL_BUTTONS, EvidenceDetails, EvidenceDetailsDialog
from reflect.tui.widgets.markdown_area import MarkdownArea

if TYPE_CHECKING:
    from reflect.tui.screens.editor import EditorScreen

#: What a template choice for a kind of evidence looks like (a model is its bare id).
KIND_TEMPLATE = "kind:"


def kind_button(kind: str) -> Button:
    """The kind of evidence, at the right of the title's row. Never focused (tab goes from the
    title straight into the writing): ctrl+t or a click chooses the kind."""
    button = Button(_kind_text(kind), id="kind", compact=True,
                    tooltip="The kind of evidence: your reflection, witness testimony, a product, an "
                            "observation or a discussion (ctrl+t)")
    button.can_focus = False
    return button


def _kind_text(kind: str) -> str:
    return f"{kind_label(kind).capitalize()} ▾"


class EvidenceKind:
    """Changes an editor's kind of evidence, its template and who it names (see the module)."""

    def __init__(self, editor: EditorScreen) -> None:
        self.editor = editor

    def choose_template(self) -> None:
        """Offer the reflective models and the kinds of evidence; the choice is used at once."""
        self.editor.app.push_screen(TemplateChooser(), self.use_template)

    def use_template(self, model: str | None) -> None:
        """Switch to a reflective model, adding its sections (at the end if something is already
        written); a kind of evidence's template makes the item that kind. None changes nothing."""
        if model is None:
            return
        editor = self.editor
        if model.startswith(KIND_TEMPLATE):
            kind = model[len(KIND_TEMPLATE):]
            if kind != editor.kind:
                self.set_kind(kind)
                return
            model, sections = "none", kind_template(kind)
        else:
            if editor.kind != REFLECTION:  # a reflective model is for the apprentice's own reflection
                editor.kind = REFLECTION
                self._show_kind()
                editor.tags.show()
            sections = template_body(model)
        editor.model = model
        body = editor.query_one("#body", MarkdownArea)
        start = 0
        if sections and not body.text.strip():
            body.load_text(sections)
        elif sections:
            start = body.document.end[0] + 1
            body.insert("\n\n" + sections, body.document.end)
        body.cursor_to_first_answer(start)
        body.focus()
        editor.note_change()

    def set_kind(self, kind: str) -> None:
        """Make the item ``kind`` of evidence: an untouched body takes that kind's guiding
        questions, and a kind with people to name asks for them."""
        editor = self.editor
        body = editor.query_one("#body", MarkdownArea)
        untouched = body.text.strip() in ("", kind_template(editor.kind).strip(),
                                          template_body(editor.model).strip())
        editor.kind = kind
        self._show_kind()
        if untouched:
            editor.model = "none"
            body.load_text(kind_template(kind))
            body.cursor_to_first_answer()
        if editor.entry is None:
            editor.title = f"New {kind_label(kind)}"
        editor.tags.show()
        editor.note_change()
        editor.ask_coach()  # at once: what the coach says depends on the kind
        if kind in DETAIL_BUTTONS and not editor.details.names_someone(kind):
            self.ask_who()

    def ask_who(self) -> None:
        """Open the form for who saw, observed or took part (a reflection or a product names
        nobody: it says how to choose a kind that does)."""
        editor = self.editor
        if editor.kind not in DETAIL_BUTTONS:
            editor.notify("A reflection or a product has nobody else to name: choose witness testimony, "
                          "observation or discussion as the kind first.", timeout=4)
            return

        def chosen(result: EvidenceDetails | None) -> None:
            if result is not None:
                editor.details = result
                editor.tags.show()
                editor.note_change()
        editor.app.push_screen(EvidenceDetailsDialog(editor.kind, editor.details), chosen)

    def _show_kind(self) -> None:
        button = self.editor.query_one("#kind", Button)
        button.label = _kind_text(self.editor.kind)
        button.refresh(layout=True)  # a button keeps its first width unless told
