"""Fixtures for the review-workflow tests: a journal with the fixed clock (24 Nov 2026)."""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 11, 24)


@pytest.fixture
def objective(journal):
    """Make an objective with sensible defaults: ``objective(status="agreed", ...)``."""

    def make(specific: str = "Handle 3 complaints on my own", **fields):
        if fields.get("status") == "agreed":
            fields.setdefault("agreed_by", "Alex Smith")
        return journal.objectives.add(specific=specific, **fields)

    return make
