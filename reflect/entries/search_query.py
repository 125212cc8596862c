"""Turn what a person types in the search box into a safe SQLite FTS5 MATCH expression.

FTS5 has its own query language (column filters ``title:``, ``NEAR(...)``, ``^``, ``+``,
parentheses, ...) and rejects malformed queries with an error, so raw user text must never
reach MATCH. :func:`to_fts_query` reads the text with these rules and writes every search
term as a double-quoted FTS5 string, so no user character can act as FTS5 syntax:

* Words are ANDed: ``angry customer`` -> ``"angry" "customer"``. Letters, digits and
  combining marks make up words; everything else separates them and is otherwise ignored,
  including ``( ) : ^ + - ' ;`` -- so ``title:foo`` is just the words ``title`` and ``foo``.
* A word with punctuation inside stays together as a phrase, as the tokenizer would have
  stored it: ``follow-up`` -> ``"follow up"``, ``e-mail`` -> ``"e mail"``.
* ``"double quoted text"`` is a phrase. Quotes pair from the left; an unpaired one is ignored.
* A trailing ``*`` asks for a prefix match: ``cust*`` -> ``"cust"*``, ``"angry cust"*`` too.
  With ``prefix_last`` (search as you type) the last bare word gets one as well, unless the
  text ends in whitespace, which says the word is finished. With ``min_prefix`` too, a last
  word shorter than that is left out until it grows: one or two letters match most of a big
  journal, so they narrow nothing and make every keystroke slow. A typed ``*`` still counts.
* Upper-case ``OR``, ``NOT`` and ``AND`` standing alone are operators; any other case is an
  ordinary word. ``OR`` binds tightest, as in web search: ``refund OR exchange angry``
  means (refund OR exchange) AND angry. ``NOT`` excludes the term or OR-group after it.
  ``AND`` is the same as leaving a space.
* Operators with nothing to act on (at either end, ``NOT`` alone) are dropped; of ``AND``
  and ``OR`` typed together the last counts, and a ``NOT`` holds until the next term.
  FTS5 cannot search for "everything except", so a query of only ``NOT`` terms is nothing.

A query may hold at most :data:`MAX_TERMS` terms, of them at most :data:`MAX_PREFIX_TERMS`
prefix searches: each short prefix matches thousands of words in a big journal, and FTS5 merges
them all (200 ``l* OR`` terms took 30 s), so more is refused with :class:`~reflect.errors.InputError`.

The result is ``None`` when nothing is left to search for (empty text, only punctuation, a
lone ``*``); callers should then show everything rather than run MATCH.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reflect.errors import InputError

#: Most terms (words or quoted phrases) one search may hold.
MAX_TERMS = 32
#: Most prefix terms (``cust*``) one search may hold.
MAX_PREFIX_TERMS = 8
_OPERATORS = frozenset({"AND", "OR", "NOT"})
# FTS5's unicode61 tokenizer keeps letters, numbers and private-use characters together;
# combining marks are kept too so decomposed accents ("cafe" + U+0301) stay in their word.
_WORD_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Mn", "Co"})


@dataclass
class _Term:
    words: list[str]
    prefix: bool
    bare: bool  # typed without quotes, so eligible for prefix_last
    end: int  # index just past the term in the input

    def render(self) -> str:
        # The words never contain a double quote; doubling is belt and braces.
        phrase = " ".join(self.words).replace('"', '""')
        return f'"{phrase}"' + ("*" if self.prefix else "")


def _words(text: str) -> list[str]:
    """Split ``text`` into words the way the FTS5 tokenizer would, dropping separators."""
    words, current = [], []
    for ch in text:
        if unicodedata.category(ch) in _WORD_CATEGORIES:
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _scan(text: str) -> list[_Term | str]:
    """Read the text into terms and operator names, left to right."""
    items: list[_Term | str] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
        elif text[i] == '"':
            close = text.find('"', i + 1)
            if close == -1:
                i += 1  # an unpaired quote is ignored; what follows is read as bare words
                continue
            prefix = text.startswith("*", close + 1)
            end = close + 1 + prefix
            if words := _words(text[i + 1:close]):
                items.append(_Term(words, prefix, bare=False, end=end))
            i = end
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] != '"':
                i += 1
            chunk = text[start:i]
            if chunk in _OPERATORS:
                items.append(chunk)
            elif words := _words(chunk):
                items.append(_Term(words, chunk.endswith("*"), bare=True, end=i))
    return items


def _clauses(items: list[_Term | str]) -> list[tuple[bool, list[_Term]]]:
    """Group terms into (negated, OR-group) clauses, dropping operators that act on nothing."""
    clauses: list[tuple[bool, list[_Term]]] = []
    negate = join_or = False
    for item in items:
        if item == "NOT":
            negate, join_or = True, False
        elif item == "OR":
            # OR needs a term on its left in the current clause; "NOT OR x" keeps the NOT.
            join_or = bool(clauses) and not negate
        elif isinstance(item, str):  # "AND", the last operator
            join_or = False
        elif join_or:
            clauses[-1][1].append(item)
            join_or = False
        else:
            clauses.append((negate, [item]))
            negate = False
    return clauses


class QueryTooBigError(InputError):
    """A search holds more terms than :data:`MAX_TERMS` or :data:`MAX_PREFIX_TERMS` allow."""


def _check_size(terms: list[_Term]) -> None:
    prefixes = sum(term.prefix for term in terms)
    if len(terms) > MAX_TERMS:
        raise QueryTooBigError(f"A search can hold at most {MAX_TERMS} words or phrases "
                               f"(this one has {len(terms)}); search for fewer.")
    if prefixes > MAX_PREFIX_TERMS:
        raise QueryTooBigError(f"A search can hold at most {MAX_PREFIX_TERMS} words ending in * "
                               f"(this one has {prefixes}); search for fewer.")


def to_fts_query(text: str, prefix_last: bool = True, min_prefix: int = 1) -> str | None:
    """Translate search-box text into an FTS5 MATCH expression, or ``None`` if it has no terms.

    The rules are in the module docstring. Every term is emitted as a quoted FTS5 string, so
    the result is always valid FTS5 syntax whatever ``text`` holds. With ``prefix_last`` the
    final unquoted word becomes a prefix search, for results that update as the person types;
    if that word is shorter than ``min_prefix`` characters it is left out for now.
    """
    items = _scan(text)
    last = items[-1] if items else None
    if prefix_last and isinstance(last, _Term) and last.bare and not last.prefix and last.end == len(text):
        if len(last.words[-1]) >= min_prefix:
            last.prefix = True
        elif len(last.words) > 1:
            last.words.pop()  # "follow-u": search the finished part, "follow"
        else:
            items.pop()

    _check_size([item for item in items if isinstance(item, _Term)])
    clauses = _clauses(items)
    included = [group for negated, group in clauses if not negated]
    excluded = [group for negated, group in clauses if negated]
    if not included:
        return None

    def render(group: list[_Term], alone: bool) -> str:
        joined = " OR ".join(term.render() for term in group)
        return joined if alone or len(group) == 1 else f"({joined})"

    alone = len(clauses) == 1
    parts = [render(group, alone) for group in included]
    # FTS5 only allows implicit AND between phrases, not before or after "( ... )".
    query = (" AND " if any(len(group) > 1 for group in included) else " ").join(parts)
    for group in excluded:
        query += " NOT " + render(group, alone=False)
    return query
