"""The coach beside the editor: depth, advice, personal data and suggested tags.

It only shows what :func:`reflect.coach.check.check_text` says; the editor works it out a
moment after typing stops. Nothing here blocks a save. The depth and the writing advice are
about the apprentice's own reflection; for other evidence (a witness's words, an assessor's
observation) the panel keeps the personal data and the suggested tags, and says instead what
that kind of evidence should record.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from reflect.coach.check import depth_applies, kind_questions
from reflect.coach.personal_data import shown
from reflect.entries.kinds import REFLECTION, kind_label

DEPTH_MARKS = {1: "●○○", 2: "●●○", 3: "●●●"}


class CoachPanel(VerticalScroll, can_focus=False):
    """A scrolling box of advice; :meth:`show` fills it from an ``EntryCheck``."""

    def compose(self):
        yield Static("", id="coach-text")

    def on_mount(self) -> None:
        self.border_title = "Coach"

    def show(self, check, body: str, kind: str = REFLECTION) -> None:
        """Show ``check`` (of ``body``, to find the line of each piece of personal data), for an
        item of ``kind``."""
        depth = check.depth
        own = depth_applies(kind)
        self.border_title = f"Coach · {DEPTH_MARKS[depth.step]} {depth.level}" if own else f"Coach · {kind_label(kind)}"
        parts: list[Content] = []
        for finding in check.personal_data:
            where = "title: " if finding.field == "title" else f"line {body.count(chr(10), 0, finding.start) + 1}: "
            parts.append(Content.assemble(("! ", "bold $text-error"), where,
                                          (f"“{shown(finding)}” ", "bold"), finding.advice))
        if own:
            for advice in check.advice:
                parts.append(Content.assemble(("• ", "bold $text-warning"), advice.message,
                                              (f"  {advice.question}" if advice.question else "",
                                               "italic $text-muted")))
            if not check.advice and not check.personal_data:
                parts.append(Content.styled("✓ Reads as good evidence: first person, what you did, how it felt "
                                            "and what you learnt.", "$text-success"))
            parts.append(Content.styled(depth.reason, "$text-muted"))
        else:
            asks = " ".join(kind_questions(kind))
            parts.append(Content.assemble((f"{kind_label(kind).capitalize()}: ", "bold"), asks,
                                          ("  (advice on depth is for your own reflections)", "italic $text-muted")))
        best = check.suggested.best(3, 4)
        if best:
            names = [f"{s.name if s.kind == 'meta-skill' else s.id} ({', '.join(s.words[:2])})" for s in best]
            parts.append(Content.assemble(("Suggested: ", "bold"), ", ".join(names),
                                          ("  ctrl+g / ctrl+r show them first", "italic $text-muted")))
        self.query_one("#coach-text", Static).update(Content("\n").join(parts))
