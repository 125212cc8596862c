"""The Markdown export format: its markers, front matter and text escaping, shared by the
writer (:mod:`reflect.export.markdown`) and the reader (:mod:`reflect.importers.export_reader`).

An export is ordinary Markdown for people plus a few HTML comments for reflect. Viewers hide
HTML comments, so mentors never see them; reflect finds them with markdown-it-py. Every entry
is laid out as::

    <!-- reflect:entry {"uid": "…", "date": "2026-11-24", "title": "…", …} -->

    ## Tue 24 Nov 2026 — Calmed an angry customer

    - **Meta-skills:** Communication, Feeling
    - **Criteria:**
      - INSCS009.P2 — observe and listen …

    <!-- reflect:body {"lines": 12, "sha256": "…"} -->

    …the body, exactly ``lines`` lines, its headings moved two levels down…

    ### Mentor comments
    <!-- reflect:comments entry=<uid> -->
    *Mentor: write your comments for this entry under this line.*

and the file ends with ``<!-- reflect:end -->``. See docs/export.md for the full description.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
# c_make_encoder is private to CPython (typeshed leaves it out); the code falls back without it.
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, Callable, Iterable

from reflect import json_input

#: Version of the file format, written to the front matter as ``reflect_export``.
FORMAT_VERSION = 1

MARK_ENTRY = "<!-- reflect:entry "
MARK_BODY = "<!-- reflect:body "
MARK_COMMENTS = "<!-- reflect:comments "
MARK_END = "<!-- reflect:end -->"
MARK_CLOSE = " -->"
COMMENTS_HEADING = "### Mentor comments"
COMMENTS_HINT = "*Mentor: write your comments for this entry under this line.*"
#: A review pack's objectives have their comment place one level further down.
OBJECTIVE_COMMENTS_HEADING = "#### Mentor comments"
OBJECTIVE_COMMENTS_HINT = "*Mentor: write your comments on this objective under this line.*"
#: Heading level of an entry block (``## date - title``) and of an objective in a review pack.
#: A mentor's comment ends at a heading of its block's level or higher.
ENTRY_LEVEL = 2
OBJECTIVE_LEVEL = 3
#: What a comment place can be about, and the level of that block's heading.
COMMENT_TARGETS = {"entry": ENTRY_LEVEL, "objective": OBJECTIVE_LEVEL}

#: Line breaks exactly as markdown-it-py counts them (its normalize rule), so line numbers
#: from its token maps match ours. Never use str.splitlines: it also splits on \x0b, \x1c, …
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_KEPT = re.compile(r"(\r\n|\r|\n)")


def split_keeping_breaks(text: str) -> list[str]:
    """``[line, break, line, break, …, line]``: lines at even indexes, their breaks between."""
    return _LINE_BREAK_KEPT.split(text)


def count_lines(text: str) -> int:
    """How many lines ``text`` takes when written followed by a newline."""
    text += "\n"
    return text.count("\n") + text.count("\r") - text.count("\r\n")


@lru_cache(maxsize=1)
def block_parser():
    """A markdown-it-py parser (CommonMark) that reads only the block structure: headings,
    fences, HTML blocks, ... with their line ranges. Inline parsing would just cost time."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.core.ruler.disable(["inline", "text_join"])
    return md


# -- markers ------------------------------------------------------------------------------


def _refuse(value: Any) -> None:
    raise TypeError(f"cannot put {type(value).__name__} in a marker")


# json.dumps(value, ensure_ascii=False) without its per-call set-up: exports write two markers
# per entry. (c_make_encoder is CPython's C encoder; the fallback is the same, just slower.)
_ENCODE: Callable[..., Iterable[str]] = (c_make_encoder(None, _refuse, encode_basestring, None, ": ", ", ", False, False, True)
           if c_make_encoder else json.JSONEncoder(ensure_ascii=False, default=_refuse).iterencode)


def _json(value: Any) -> str:
    # ">" only occurs inside JSON strings, so escaping it keeps "-->" out of the comment.
    text = "".join(_ENCODE(value, 0) if c_make_encoder else _ENCODE(value))
    return text.replace(">", "\\u003e") if ">" in text else text


def entry_marker(data: dict) -> str:
    """The hidden line that starts an entry and carries its data."""
    return f"{MARK_ENTRY}{_json(data)}{MARK_CLOSE}"


def body_marker(data: dict) -> str:
    """The hidden line just before a body: how many lines it takes and how to restore it."""
    if data.keys() == {"lines", "sha256"} and type(data["lines"]) is int:
        # Most bodies: no need for the JSON encoder (exports write a marker per entry).
        digest = encode_basestring(str(data["sha256"])).replace(">", "\\u003e")
        return f'{MARK_BODY}{{"lines": {data["lines"]}, "sha256": {digest}}}{MARK_CLOSE}'
    return f"{MARK_BODY}{_json(data)}{MARK_CLOSE}"


def comments_marker(uid: str, target: str = "entry") -> str:
    """The hidden line that marks where mentor comments on entry (or objective) ``uid`` go."""
    return f"{MARK_COMMENTS}{target}={uid}{MARK_CLOSE}"


def marker_json(line: str, prefix: str) -> dict:
    """The JSON object in a marker line; ValueError if the line is not such a marker."""
    line = line.rstrip("\r\n")
    if not (line.startswith(prefix) and line.endswith(MARK_CLOSE)):
        raise ValueError("not a marker line")
    data = json_input.loads(line[len(prefix):-len(MARK_CLOSE)])
    if not isinstance(data, dict):
        raise ValueError("the marker holds no object")
    return data


def comments_uid(line: str) -> str | None:
    """The entry uid in a comments marker line, or None if the line is not one."""
    target = comments_target(line)
    return target[1] if target and target[0] == "entry" else None


def comments_target(line: str) -> tuple[str, str] | None:
    """``("entry", uid)`` or ``("objective", uid)`` from a comments marker line; None if the
    line is not a whole, undamaged one."""
    line = line.rstrip("\r\n")
    if not (line.startswith(MARK_COMMENTS) and line.endswith(MARK_CLOSE)):
        return None
    kind, _, uid = line[len(MARK_COMMENTS):-len(MARK_CLOSE)].partition("=")
    uid = uid.strip()
    return (kind, uid) if kind in COMMENT_TARGETS and uid else None


# -- front matter -------------------------------------------------------------------------

#: Front matter longer than this is not reflect's (what reflect writes is well under 2 KB).
FRONT_MATTER_LIMIT = 64 * 1024


def front_matter(data: dict) -> str:
    """YAML front matter for ``data`` (strings, numbers, dates, None, nested mappings).

    Written by PyYAML, so whatever a mentor's editor does to it (re-quoting, lists, block
    scalars) reads back as YAML says it should.
    """
    import yaml  # only exports and imports need it

    class Dumper(yaml.SafeDumper):
        """Values that are text always in double quotes: a title like ``yes``, ``1.0`` or
        ``# x`` stays text in any YAML reader, and the file looks as it always has."""

    Dumper.add_representer(_Text, lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style='"'))
    body = yaml.dump(_quoted(data), Dumper=Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=1_000)
    return "---\n" + body + "---\n"


class _Text(str):
    """A value to write in double quotes (keys stay plain)."""


def _quoted(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _quoted(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_quoted(v) for v in value]
    return _Text(value) if isinstance(value, str) else value


def parse_front_matter(lines: Iterable[str]) -> dict:
    """The mapping held in front matter (the lines between the ``---`` fences).

    Dates come back as ISO text, as they are everywhere else in reflect. Anything that is not
    a YAML mapping of reasonable size raises :class:`ValueError` with the reason in words.
    """
    import yaml

    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    if len(text) > FRONT_MATTER_LIMIT:
        raise ValueError("its front matter is far too long to be reflect's")
    try:
        # YAML's [ ] and { } nest as JSON's do, and its parser recurses as deep: refuse first.
        json_input.check_depth(text)
        data = yaml.safe_load(text)
    except json_input.JSONLimitError:
        raise ValueError("its front matter is nested too deeply to be reflect's") from None
    except RecursionError:  # deep block nesting (indentation) under a smaller stack
        raise ValueError("its front matter is nested too deeply to be reflect's") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (front matter line {mark.line + 1})" if mark is not None else ""
        raise ValueError(f"its front matter is not readable YAML{where}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("its front matter is not a list of names and values")
    return _dates_as_text(data)


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    return value


# -- text inside Markdown -------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# Characters that would start emphasis, code, links, HTML, tables or strikethrough.
_SPECIAL = re.compile(r"([\\`*_\[\]<|~])|&(?=#?\w+;)")


# Characters inline() never changes: letters, digits and common punctuation ("_" is in \w
# but is special, so it is checked apart). Most titles hold nothing else and no double
# spaces; checking that first costs a tenth of the steps below (an export escapes 100,000).
_UNUSUAL = re.compile(r"[^\w .,;:!?'\"()/+=%@-]")


def inline(text: str) -> str:
    """``text`` as literal inline Markdown on one line (for titles, names, criterion text)."""
    if not (_UNUSUAL.search(text) or "_" in text or "  " in text or text[:1] == " " or text[-1:] == " "):
        return text
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    text = " ".join(text.split())
    if _SPECIAL.search(text):
        text = _SPECIAL.sub(lambda m: "\\" + m.group(), text)
    if text.endswith("#"):
        # A run of "#" at the end of a heading would be read as its closing sequence.
        bare = text.rstrip("#")
        text = bare + "\\#" * (len(text) - len(bare))
    return text


def table(head: list[str], rows: list[list[str]], right: tuple[int, ...] = ()) -> list[str]:
    """A pipe table padded into columns, so it reads as a table in a text editor too.

    Cells must already be inline Markdown (see :func:`inline`); columns in ``right`` are
    right-aligned (numbers).
    """
    widths = [max(len(r[i]) for r in [head, *rows] + [["---"] * len(head)]) for i in range(len(head))]

    def line(cells):
        padded = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "| " + " | ".join(padded) + " |"

    rule = "| " + " | ".join(("-" * (w - 1) + ":") if i in right else "-" * w for i, w in enumerate(widths)) + " |"
    return [line(head), rule, *(line(r) for r in rows)]
