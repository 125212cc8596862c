"""Small modal questions: leave with unsaved changes, recover a draft, pick a template, help.

Each is a ``ModalScreen[T]`` that dismisses with its answer; keys are listed in its footer.
"""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from reflect.entries.models import MODEL_NAMES
from reflect.entries.kinds import KIND_SECTIONS, kind_label
from reflect.entries.templates import TEMPLATES
from reflect.tui.actions import ACTIONS, everywhere
from reflect.tui.text import when
from reflect.tui.widgets.rows import Rows
from reflect.tui.widgets.key_footer import KeyFooter


class ConfirmLeave(ModalScreen[str | None]):
    """Unsaved changes: dismisses with "save", "discard", or None to keep editing."""

    BINDINGS = [
        Binding("s", "answer('save')", "Save"),
        Binding("d", "answer('discard')", "Discard"),
        Binding("escape", "answer(None)", "Keep editing"),
    ]

    def __init__(self, title: str, question: str = "Save your changes before leaving?") -> None:
        super().__init__()
        self.heading = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield Label(self.question)
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Discard changes", id="discard", variant="error", compact=True)
                yield Button("Keep editing", id="keep", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss({"save": "save", "discard": "discard"}.get(event.button.id or ""))

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


def leave_or_ask(screen, *, discard: Callable[[], None],
                 question: str = "Save your changes before leaving?") -> None:
    """Close an editing ``screen``, asking first if it has unsaved changes.

    The screen has ``dirty``, ``action_save() -> bool`` and ``close()``; ``discard`` is how it
    leaves when the person chooses to throw the changes away.
    """
    if not screen.dirty:
        screen.close()
        return

    def answered(answer: str | None) -> None:
        if answer == "save" and screen.action_save():
            screen.close()
        elif answer == "discard":
            discard()
    screen.app.push_screen(ConfirmLeave("Unsaved changes", question), answered)


class RecoverDraft(ModalScreen[tuple[str, int] | None]):
    """Unsaved drafts found at start: dismisses with ("recover", id), ("discard", id) or None."""

    BINDINGS = [
        Binding("enter", "choose('recover')", "Recover", priority=True),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape", "later", "Later"),
    ]

    def __init__(self, drafts) -> None:
        super().__init__()
        self.drafts = list(drafts)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            count = len(self.drafts)
            yield Label("Unsaved writing found", classes="dialog-title")
            yield Label(f"reflect closed before {'this draft was' if count == 1 else 'these drafts were'} "
                        "saved. Recover to carry on where you left off.")
            yield Rows(*(Option(self._prompt(d), id=str(d.id)) for d in self.drafts),
                             id="drafts", markup=False)
        yield KeyFooter()

    @staticmethod
    def _prompt(draft) -> Content:
        if draft.kind == "objective":
            kind = "changes to an objective" if draft.objective_id else "new objective"
        else:
            kind = "changes to a reflection" if draft.entry_id else "new reflection"
        return Content.assemble((draft.title, "bold"), (f"  {kind}, last typed {when(draft.updated_at)}", "$text-muted"))

    def action_choose(self, what: str) -> None:
        option = self.query_one("#drafts", OptionList).highlighted_option
        if option is not None and option.id:
            self.dismiss((what, int(option.id)))

    @on(OptionList.OptionSelected, "#drafts")
    def _clicked(self) -> None:
        self.action_choose("recover")

    def action_later(self) -> None:
        self.dismiss(None)


class TemplateChooser(ModalScreen[str | None]):
    """Pick a reflective model, or another kind of evidence with its guiding questions;
    dismisses with the model's id ("gibbs", ... or "none"), ``"kind:witness"`` and the like
    for a kind, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Start from a reflective model, or write other evidence", classes="dialog-title")
            options = [Option(Content.assemble((MODEL_NAMES[m], "bold"), "\n",
                                               (" → ".join(s.heading for s in TEMPLATES[m]), "$text-muted")),
                              id=m) for m in TEMPLATES]
            options.append(Option(Content.assemble((MODEL_NAMES["none"], "bold"), "\n",
                                                   ("no headings", "$text-muted")), id="none"))
            options += [Option(Content.assemble((kind_label(k).capitalize(), "bold"), "\n",
                                                (" → ".join(h for h, _ in KIND_SECTIONS[k]), "$text-muted")),
                               id=f"kind:{k}") for k in KIND_SECTIONS]
            yield Rows(*options, id="templates", markup=False)
        yield KeyFooter()

    @on(OptionList.OptionSelected, "#templates")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


TIPS = """\
## Good to know

Write a few lines after a shift: what happened, what you learned, what you'll do next.
Tag the **meta-skills** you used and link the **criteria** of your units: your mentor
reads them before each review.

- Everything you type is kept as a draft within seconds, even if the terminal closes.
- **ctrl+p** opens the command palette: every command, searchable.
- Search matches whole words and the start of the word you are typing; use quotes for a phrase.
- Deleted reflections go to the trash: press **u** to bring the last one back.
"""


def keys_on_screen(app) -> list[tuple[str, str]]:
    """What the help screen lists for the screen on top: its own keys (those kept out of a full
    footer too), then the keys that work everywhere, from the one table of actions."""
    keys = []
    for active in app.screen.active_bindings.values():
        binding = active.binding
        if active.node is app or not binding.description:
            continue  # the app's own keys are listed once, below
        # A screen's keys kept out of a full footer still belong here.
        if binding.show or binding.key == "enter" or binding.tooltip:
            keys.append((app.get_key_display(binding), binding.tooltip or binding.description))
    keys.append(("tab", "Move between parts of the screen"))
    keys += [(row.key_hint, f"{row.label}: {row.help}") for row in everywhere() if row.name.startswith("area_")]
    keys += [("F1 or ?", ACTIONS["help"].help), ("ctrl+p", "Command palette: every command, by name"),
             ("ctrl+q or q", ACTIONS["quit"].help)]
    return keys


class HelpScreen(ModalScreen[None]):
    """Keys of the screen underneath, and a few tips."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        width = max((len(key) for key, _ in self.keys), default=4) + 3
        lines = [Content.assemble((f"  {key:<{width}}", "bold $text-accent"), description)
                 for key, description in self.keys]
        with Vertical(classes="dialog wide tall"):
            with VerticalScroll(id="help-text"):
                yield Label("Keys on this screen", classes="dialog-title")
                yield Static(Content("\n").join(lines), id="help-keys")
                yield Markdown(TIPS)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#help-text").focus()  # arrows and page keys scroll

    def action_close(self) -> None:
        self.dismiss(None)
