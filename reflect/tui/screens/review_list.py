"""Past reviews: the one being prepared (if any), then completed ones, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reflect.dates import format_long, format_short
from reflect.review.models import Review
from reflect.tui.guard import guarded
from reflect.tui.widgets.rows import Rows
from reflect.tui.actions import bindings
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp

EMPTY = "No reviews yet. Press r on the journal (or ctrl+p, Prepare review) to get ready for your first."


def review_row(review: Review) -> Content:
    """Two lines: when and with whom (or "being prepared"); the period it covers."""
    period = f"  covers {format_short(review.period_start)} to {format_short(review.period_end)}"
    if not review.read_only:
        return Content("\n").join([Content.assemble((f"#{review.id:<3} ", "$text-muted"),
                                                    ("Being prepared", "bold $text-warning")),
                                   Content.styled(period, "$text-muted")])
    when = format_long(review.agreed_on) if review.agreed_on else "(no date)"
    return Content("\n").join([Content.assemble((f"#{review.id:<3} ", "$text-muted"), (when, "bold"),
                                                f"  with {review.mentor_name}", ("  read-only", "italic $text-muted")),
                               Content.styled(period, "$text-muted")])


class ReviewListScreen(Screen):
    """Reviews; enter opens one (a completed one read-only, the draft to carry on preparing)."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "review"

    BINDINGS = [
        *bindings("review", review=True),
        Binding("escape", "back", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield AreaBar()
        yield Rows(id="reviews", markup=False, classes="rows")
        yield Static(EMPTY, id="reviews-empty", classes="empty-state", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Reviews"
        self.query_one("#reviews", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @guarded
    def reload(self) -> None:
        reviews = self.app.journal.reviews.list()
        listing = self.query_one("#reviews", OptionList)
        keep = listing.highlighted
        options: list = []
        for review in reviews:
            options += [Option(review_row(review), id=str(review.id)), None]
        listing.set_options(options)
        listing.display = bool(reviews)
        self.query_one("#reviews-empty").display = not reviews
        listing.highlighted = min(keep or 0, listing.option_count - 1) if reviews else None

    @on(OptionList.OptionSelected, "#reviews")
    def _open(self, event: OptionList.OptionSelected) -> None:
        from reflect.tui.screens.review import ReviewScreen

        option_id = event.option.id
        assert option_id is not None  # every review's option is made with its id
        self.app.push_screen(ReviewScreen(int(option_id)))

    def action_back(self) -> None:
        self.dismiss()
