"""The app's actions in one table: key, footer label, palette entry and help text.

Every action someone can reach from more than one place (a key on several screens, the command
palette, the help screen) is one :class:`AppAction` row in :data:`ACTIONS`. Screens take their
bindings for these from :func:`bindings` instead of typing the key again; the palette
(:mod:`reflect.tui.commands`) and the help screen
(:func:`reflect.tui.dialogs.common.keys_on_screen`) read the same rows, so a key changes in one
place. Keys that mean something on one screen only (``e`` edits the highlighted objective) stay
in that screen's ``BINDINGS`` with their tooltip as help text.

The main areas (:data:`AREAS`) are reached with a function key from every screen, the editors
included, because plain letters type there.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from reflect.entries.kinds import KIND_SECTIONS, kind_label
from reflect.entries.models import MODEL_NAMES
from reflect.entries.templates import TEMPLATES


@dataclass(frozen=True)
class AppAction:
    """One thing the app can do.

    ``action`` is run on the app (``ReflectApp.action_*``). ``key`` is its key ("" for palette
    only); ``label`` its short name in the footer and the header; ``title`` its name in the
    command palette (None: not offered there); ``help`` one line for the palette and the help
    screen. ``display`` overrides how the key is drawn; ``show`` puts it in the footer."""

    name: str
    action: str
    key: str = ""
    label: str = ""
    title: str | None = None
    help: str = ""
    display: str | None = None
    show: bool = True

    def binding(self, *, show: bool | None = None, priority: bool = False) -> Binding:
        """A Textual binding that runs this action on the app."""
        if not self.key:
            raise ValueError(f"{self.name} has no key to bind")
        return Binding(self.key, f"app.{self.action}", self.label, show=self.show if show is None else show,
                       key_display=self.display, tooltip=self.help, priority=priority)

    @property
    def key_hint(self) -> str:
        """The key as people see it ("n", "F2"), "" when it has none."""
        if not self.key:
            return ""
        if self.display:
            return self.display
        key = self.key.split(",")[0]
        return key.upper() if key.startswith("f") and key[1:].isdigit() else key


@dataclass(frozen=True)
class Area:
    """A main area of the app: its action, the screen it opens and the screens belonging to it."""

    name: str
    screen: str


#: The main areas, in the order the header shows them.
AREAS: tuple[Area, ...] = (
    Area("journal", "journal"),
    Area("progress", "dashboard"),
    Area("objectives", "objectives"),
    Area("logs", "feedback"),
    Area("review", "review"),
)

_ROWS: tuple[AppAction, ...] = (
    # Everywhere: help, quit and the main areas (function keys: letters type in the editors).
    AppAction("help", "help", "f1", "Help", "Help", "The keys of this screen, and tips", display="F1"),
    AppAction("quit", "quit", "ctrl+q", "Quit", None, "Quit (asks first if anything is unsaved)"),
    AppAction("area_journal", "area('journal')", "f2", "Journal", "Journal",
              "All your reflections, newest first", show=False),
    AppAction("area_progress", "area('progress')", "f3", "Progress", "Progress dashboard",
              "Gaps, progress and next steps: units, meta-skills, weeks", show=False),
    AppAction("area_objectives", "area('objectives')", "f4", "Objectives", "Objectives",
              "Your SMART objectives and their development activities", show=False),
    AppAction("area_logs", "area('logs')", "f5", "Logs", "Feedback log",
              "Feedback you received and what you did about it; mandatory training", show=False),
    AppAction("area_review", "area('review')", "f6", "Review", "Prepare review",
              "Everything since your last review, and your notes for it", show=False),
    # Writing.
    AppAction("new_entry", "new_entry", "n", "New", "New reflection", "Write a new reflection"),
    AppAction("new_from_template", "new_from_template", "t", "Template", "New reflection from a model",
              "Start from a model's headings and questions (Gibbs, Driscoll, Kolb, STAR), or write "
              "witness testimony, a product, an observation or a discussion"),
    AppAction("search", "search", "slash", "Search", "Search", "Find reflections as you type", display="/"),
    AppAction("undo_delete", "undo_delete", "u", "Undo", "Undo delete",
              "Bring back what you last deleted"),
    # A reflection's attached files (on the reflection's own page).
    AppAction("attach_file", "attach_file", "a", "Attach", "Attach a file",
              "Attach a file (a photo, a certificate, a card) to the reflection on screen"),
    AppAction("open_attachment", "open_attachment", "v", "Open file", "Open an attached file",
              "Open the highlighted attached file with your system's viewer"),
    AppAction("detach_attachment", "detach_attachment", "x", "Detach", "Detach a file",
              "Take the highlighted file off the reflection (u brings it back)"),
    # Other screens, by letter from the journal and by name in the palette.
    AppAction("framework", "show('framework')", "f", "Framework", "Browse framework",
              "Units, criteria and your evidence; choose your optional units"),
    AppAction("progress", "show('dashboard')", "g", "Progress", None,
              "Progress: gaps, meta-skills, weeks and next steps", show=False),
    AppAction("objectives", "show('objectives')", "o", "Objectives", None, "Your SMART objectives", show=False),
    AppAction("assessment", "show('assessment')", "a", "Assess", "Self-assessment",
              "Rate your meta-skills from 1 to 5 and see the trend", show=False),
    AppAction("review", "show('review')", "r", "Review", None, "Prepare your next review", show=False),
    AppAction("new_objective", "show('objective-editor')", "", "", "New objective",
              "Set a SMART objective, with advice as you type"),
    AppAction("activities", "show('activities')", "v", "Activities", "Activities",
              "Development activities of every objective: overdue, due, done"),
    AppAction("training", "show('training')", "t", "Training", "Training log",
              "Mandatory training: due, completed, certificates"),
    AppAction("reviews", "show('reviews')", "h", "Past reviews", "Past reviews", "Your completed reviews, as agreed (read-only)"),
    AppAction("profile", "show('profile')", "p", "Profile", "Profile",
              "Your name, employer, mentor, start date, units and review schedule", show=False),
    AppAction("review_pack", "review_pack", "", "", "Review pack",
              "The pack for your mentor, Markdown or printable HTML, with the record of the meeting to fill in"),
    AppAction("schedule", "show('schedule')", "", "", "Review schedule",
              "Set when your reviews are: the first date and how often"),
    AppAction("export", "export", "", "", "Export",
              "Reflections or a review pack for your mentor, as Markdown or printable HTML"),
    AppAction("theme", "toggle_theme", "", "", "Switch light/dark theme",
              "Toggle between the light and the dark theme"),
    *(AppAction(f"template_{m}", f"new_entry('{m}')", "", "", f"New from template: {MODEL_NAMES[m]}",
                "Start with the model's headings and questions") for m in TEMPLATES),
    *(AppAction(f"new_{k}", f"new_entry('none', '{k}')", "", "", f"New {kind_label(k)}",
                "Evidence from beyond your own reflection, with its guiding questions") for k in KIND_SECTIONS),
)

#: Every action by name.
ACTIONS: dict[str, AppAction] = {row.name: row for row in _ROWS}


def bindings(*names: str, **shown: bool) -> list[Binding]:
    """Bindings for the named actions (``name=False`` keeps one out of the footer)."""
    return [ACTIONS[name].binding(show=shown.get(name)) for name in names]


def area_actions() -> list[AppAction]:
    """The actions that open the main areas, in header order."""
    return [ACTIONS[f"area_{area.name}"] for area in AREAS]


def everywhere() -> list[AppAction]:
    """Actions bound on the app itself: they work on every screen."""
    return [ACTIONS["help"], *area_actions(), ACTIONS["quit"]]
