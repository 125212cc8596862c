"""The meta-skill picker: the framework's skills grouped by category, several may be chosen.

The highlighted skill's description and its sub-skills are shown beside the list as prompts
for reflection. Skills the reflection's own words suggest come first, under "Suggested", with
the words that matched. Space (or a click) ticks a skill, enter confirms, escape cancels. Dismisses
with the chosen ids in framework order, or None when cancelled.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from reflect.tui.text import skill_style
from reflect.tui.widgets.key_footer import KeyFooter

#: Option ids of suggested skills start with this (the same skill is listed in its category too).
SUGGESTED = "suggested:"


class SkillPicker(ModalScreen[tuple[str, ...] | None]):
    """Choose meta-skills (for tagging an entry, or for a filter)."""

    BINDINGS = [
        Binding("space", "toggle", "Tick"),
        Binding("enter", "done", "Done", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, framework, selected=(), *, title: str = "Meta-skills for this reflection",
                 suggested=()) -> None:
        super().__init__(classes="picker")
        #: Suggestions (reflect.coach.suggest.Suggestion) listed first.
        self.suggested = tuple(s for s in suggested if framework.skill(s.id))
        self.framework = framework
        self.selected = set(selected)
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.heading, classes="dialog-title")
            yield Label("", id="picker-count", classes="muted")
            with Horizontal():
                yield OptionList(*self._options(), id="skills", markup=False)
                with VerticalScroll(id="skill-about", can_focus=False):
                    yield Static(id="skill-help")
        yield KeyFooter()

    def _options(self) -> list[Option]:
        options: list[Option] = []
        if self.suggested:
            options.append(Option(Content.styled("SUGGESTED FROM WHAT YOU WROTE", "bold $text-muted"), disabled=True))
            options.extend(Option(self._prompt(self.framework.skill(s.id), s.words), id=SUGGESTED + s.id)
                           for s in self.suggested)
        for category in self.framework.categories:
            options.append(Option(Content.styled(category.name.upper(), "bold $text-muted"), disabled=True))
            for skill in self.framework.skills_in(category.id):
                options.append(Option(self._prompt(skill), id=skill.id))
        return options

    def _prompt(self, skill, words=()) -> Content:
        mark = "[x] " if skill.id in self.selected else "[ ] "
        matched = (f"  [{', '.join(words)}]", "italic $text-warning") if words else ""
        return Content.assemble(mark, (skill.name, skill_style(self.framework, skill.id)), matched)

    def on_mount(self) -> None:
        skills = self.query_one("#skills", OptionList)
        first = next((i for i, o in enumerate(skills.options) if o.id in self.selected), None)
        skills.highlighted = first if first is not None else 1
        self._show_count()

    @on(OptionList.OptionHighlighted, "#skills")
    def _describe(self, event: OptionList.OptionHighlighted) -> None:
        skill = self.framework.skill((event.option.id or "").removeprefix(SUGGESTED))
        if skill is None:
            return
        category = self.framework.category(skill.category)
        prompts = "\n".join(f"  • {s}" for s in skill.sub_skills)
        self.query_one("#skill-help", Static).update(Content.assemble(
            (skill.name, f"bold {skill_style(self.framework, skill.id)}"),
            (f"  {category.name if category else ''}\n\n", "$text-muted"),
            f"{skill.description[:1].upper()}{skill.description[1:]}\n\n",
            ("Think about:\n", "bold"),
            prompts,
        ))

    @on(OptionList.OptionSelected, "#skills")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.action_toggle()

    # The picker's own "toggle" (space) replaces DOMNode's toggle(attribute), which it never uses.
    def action_toggle(self) -> None:  # type: ignore[override]
        skills = self.query_one("#skills", OptionList)
        option = skills.highlighted_option
        if option is None or option.id is None:
            return
        sid = option.id.removeprefix(SUGGESTED)
        self.selected ^= {sid}
        skill = self.framework.skill(sid)
        words = {s.id: s.words for s in self.suggested}
        # A skill may be listed twice: among the suggestions and in its category.
        for option_id, prompt in ((sid, self._prompt(skill)), (SUGGESTED + sid, self._prompt(skill, words.get(sid)))):
            try:
                skills.replace_option_prompt(option_id, prompt)
            except OptionDoesNotExist:
                pass
        self._show_count()

    def _show_count(self) -> None:
        count = len(self.selected)
        self.query_one("#picker-count", Label).update(
            "None ticked yet: space ticks, enter when done." if not count else f"{count} ticked: enter when done.")

    def action_done(self) -> None:
        order = [s.id for s in self.framework.meta_skills]
        known = [s for s in order if s in self.selected]
        unknown = sorted(self.selected - set(order))  # kept: ids from an older framework
        self.dismiss(tuple(known + unknown))

    def action_cancel(self) -> None:
        self.dismiss(None)
