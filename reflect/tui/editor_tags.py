"""What the editor's item is tagged with: the meta-skills used and the criteria of the units it
is evidence for, chosen in pickers that suggest a few from what is written so far.

The tag bar's buttons count them (ctrl+g, ctrl+r) and the line under the bar names them, with
who the evidence names (see :mod:`reflect.tui.evidence_kind`) and the files attached to a saved
entry. The editor screen holds the chosen ``skills`` and ``criteria`` (read into its state with
everything else); :class:`EditorTags` changes them and what shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Button, Input, Label, TextArea

from reflect.tui.dialogs.criteria_picker import CriteriaPicker
from reflect.tui.dialogs.evidence import DETAIL_BUTTONS
from reflect.tui.dialogs.skill_picker import SkillPicker
from reflect.tui.text import in_framework_order, skill_name

if TYPE_CHECKING:
    from reflect.coach.suggest import Suggestions
    from reflect.tui.screens.editor import EditorScreen


class EditorTags:
    """Tags an editor's item with meta-skills and criteria, and shows its tags (see the module)."""

    def __init__(self, editor: EditorScreen) -> None:
        self.editor = editor

    def show(self) -> None:
        """The tag bar's buttons and the line under it: who is named, meta-skills, criteria, files."""
        editor = self.editor
        framework = editor.app.framework
        editor.query_one("#pick-skills", Button).label = f"Meta-skills ({len(editor.skills)})"
        editor.query_one("#pick-criteria", Button).label = f"Criteria ({len(editor.criteria)})"
        in_order = in_framework_order(framework, editor.skills)
        skills = ", ".join(skill_name(framework, s) for s in in_order) or "no meta-skills yet (ctrl+g)"
        criteria = ", ".join(editor.criteria) or "no criteria yet (ctrl+r)"
        files = len(editor.app.journal.attachments.list(editor.entry.id)) if editor.entry else 0
        attached = (f"  |  {files} attached file{'' if files == 1 else 's'} (on its page: a attaches, v opens)"
                    if files else "")
        who = editor.details.summary(editor.kind)
        editor.query_one("#tags", Label).update(f"{who + '  |  ' if who else ''}{skills}  |  {criteria}{attached}")
        button = editor.query_one("#pick-details", Button)
        button.label = DETAIL_BUTTONS.get(editor.kind, "Who")
        button.display = editor.kind in DETAIL_BUTTONS

    def pick_skills(self) -> None:
        """Choose the meta-skills used, with the three the text suggests most at the top."""
        editor = self.editor

        def chosen(result) -> None:
            if result is not None:
                editor.skills = tuple(result)
                self.show()
                editor.note_change()
        editor.app.push_screen(SkillPicker(editor.app.framework, editor.skills,
                                           suggested=self._suggested().skills[:3]), chosen)

    def pick_criteria(self) -> None:
        """Choose the criteria, the apprentice's own units first and five suggested at the top."""
        editor = self.editor

        def chosen(result) -> None:
            if result is not None:
                editor.criteria = tuple(result)
                self.show()
                editor.note_change()
        editor.app.push_screen(CriteriaPicker(editor.app.framework, editor.criteria,
                                              preferred_units=editor.app.my_units(),
                                              suggested=self._suggested().criteria[:5]), chosen)

    def _suggested(self) -> Suggestions:
        """What the text suggests now (worked out afresh: the picker may open mid-typing)."""
        from reflect.coach.suggest import suggest

        editor = self.editor
        text = f"{editor.query_one('#title', Input).value}\n{editor.query_one('#body', TextArea).text}"
        return suggest(text, editor.app.framework, skip=(), prefer_units=editor.app.my_units())
