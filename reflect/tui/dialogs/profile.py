"""The profile form: your name, employer, mentor, start date, optional units and review schedule
on one form. The units are chosen in a picker (enter on "Choose..."), as in the framework (``f``)."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.widgets import Button, Input

from reflect.review.profile import load_profile, save_profile
from reflect.tui.dialogs.form import FormDialog, field_label
from reflect.tui.dialogs.units_picker import UnitsPicker
from reflect.tui.widgets.date_field import DateField


class ProfileDialog(FormDialog):
    """Who you are and how your apprenticeship is set up. Dismisses with the saved profile."""

    heading = "Your profile"
    hint = "Exports and review packs use your name · enter: next field · ctrl+s saves · escape cancels"

    units: tuple[str, ...] | None = None  # the units as chosen on this form (None: as saved)

    def fields(self):
        profile = load_profile(self.app.journal)
        self.units = profile.units
        today = self.app.journal.today()
        yield field_label("Your name")
        yield Input(profile.name, id="name", compact=True, placeholder="as your mentor knows you")
        yield field_label("Employer")
        yield Input(profile.employer, id="employer", compact=True, placeholder="who you work for")
        yield field_label("Mentor")
        yield Input(profile.mentor, id="mentor", compact=True, placeholder="your mentor or manager")
        yield field_label("Started")
        yield DateField(profile.start_date, today=today, what="The start date", empty="not set",
                        placeholder="1/9/2026", id="start")
        yield field_label("First review")
        yield DateField(profile.review_start, today=today, what="The first review", ahead=True, empty="not set",
                        placeholder="5/1/2027", id="review-start")
        yield field_label("Reviews every")
        yield Input(profile.review_interval, id="interval", compact=True,
                    placeholder="12 weeks, 3 months, fortnightly, quarterly")
        yield field_label("Your units")
        yield Button(self._units_text(), id="units", compact=True, tooltip="Choose your optional units")

    def _units_text(self) -> str:
        # Short, to fit a narrow dialog: the picker lists them by name.
        count, needed = len(self.units or ()), self.app.framework.min_optional_units
        return f"{count} chosen" + (f", {needed} needed" if count < needed else "") + ": Choose..."

    @on(Button.Pressed, "#units")
    def _choose_units(self) -> None:
        def chosen(codes: tuple[str, ...] | None) -> None:
            if codes is not None:
                self.units = codes
                self.query_one("#units", Button).label = self._units_text()
        self.app.push_screen(UnitsPicker(self.app.framework, self.units or ()), chosen)

    def submit(self):
        journal = self.app.journal
        profile = replace(load_profile(journal), name=self.query_one("#name", Input).value,
                          employer=self.query_one("#employer", Input).value,
                          mentor=self.query_one("#mentor", Input).value,
                          start_date=self.query_one("#start", DateField).day,
                          review_start=self.query_one("#review-start", DateField).day,
                          review_interval=self.query_one("#interval", Input).value,
                          units=self.units if self.units is not None else load_profile(journal).units)
        saved = save_profile(journal, self.app.framework, profile)
        self.notify(f"Saved your profile{', ' + saved.name if saved.name else ''}.", title="Profile")
        return saved
