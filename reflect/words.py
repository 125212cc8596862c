"""How many words a reflection has: whitespace-separated, as a person would count them.

Stored with each entry (``entries.words``) when it is written, so `reflect stats` adds up a
column instead of reading every entry's text.
"""

from __future__ import annotations


def count_words(text: str | None) -> int:
    """Words in ``text`` (runs of non-space characters); 0 for empty or None."""
    return len(text.split()) if text else 0


def entry_words(title: str | None, body: str | None) -> int:
    """Words in an entry: its title and its body."""
    return count_words(title) + count_words(body)
