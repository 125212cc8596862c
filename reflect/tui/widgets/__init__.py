"""Reusable widgets and pickers: the entry list, the filter bar, the Markdown text area,
and the meta-skill and criteria pickers (modal screens that return the chosen ids)."""
