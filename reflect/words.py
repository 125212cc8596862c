"""How many words a reflection has: the one count used by the editor, `reflect stats` and exports.

A word is a run of letters or digits (with the apostrophes and hyphens inside it: "didn't",
"follow-up"); list bullets and punctuation on their own are not words. In a reflection's body,
Markdown headings (a model's section titles) and ``>`` lines (its guiding-question hints) are
the template's words, not the apprentice's, so they are not counted. Stored with each entry
(``entries.words``) when it is written, so `reflect stats` adds up a column instead of reading
every entry's text.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w[\w'’-]*")


def count_words(text: str | None) -> int:
    """Words in plain ``text`` (a title, a line); 0 for empty or None."""
    return len(_WORD.findall(text)) if text else 0


def is_template_line(line: str) -> bool:
    """A heading or a guiding-question hint: the template's words, not the writer's."""
    stripped = line.lstrip()
    return stripped.startswith(("#", ">"))


def body_words(body: str | None) -> int:
    """Words the person wrote in a reflection's body (headings and hints left out)."""
    if not body:
        return 0
    return sum(count_words(line) for line in body.splitlines() if not is_template_line(line))


def entry_words(title: str | None, body: str | None) -> int:
    """Words in an entry: its title and what was written in its body."""
    return count_words(title) + body_words(body)


def plural(n: int, one: str = "reflection", many: str | None = None) -> str:
    """``n`` with its noun, as people write it: "1 reflection", "2 reflections", "1,200 words";
    ``many`` for a plural that is not ``one`` + "s" ("criterion", "criteria")."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
