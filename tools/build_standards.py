#!/usr/bin/env python3
"""Build ``data/standards.json`` from the framework text extracted from the SDS PDF.

Usage::

    python tools/build_standards.py            # (re)write data/standards.json
    python tools/build_standards.py --check    # exit 1 if data/standards.json is out of date
    python tools/build_standards.py --source PATH --output PATH

Standard library only.  The parser works in layers:

1. split the text into the front matter (meta-skills) and one chunk per unit, at each unit
   header (a line holding just a NOS code such as ``INSCS009`` or ``Work Situation URN: ...``);
2. split each unit into blocks (overview, performance, knowledge, skills, behaviours,
   metadata; goal and outline for SDS work situations), dropping running heads, page footers,
   stray page numbers and labels such as "You must be able to:";
3. split each block into numbered items.  The source prints item numbers in four ways, and
   each block is read in the way it uses:

   * *trailing*: the number is printed after the item ("... dealing with8." or a line "8.");
   * *leading*: "1. text", also several on one line ("... at all times 2. Agree with ...");
   * *prefixed*: "P1 text" / "K1 text" (the 2013 Skills CFA standards);
   * SDS work situations: "1. Text" at the start of a line, in two columns (performance,
     then knowledge, restarting at 1) whose tails can come after the goal/outline block.

The only wording changes are the artefact fixes listed above plus joining lines (a line ending
in "-" is joined without a space) and collapsing runs of whitespace to one space.  What the
parser cannot do is in ``tools/standards_corrections.py``; every correction must apply exactly
once or the build fails.

Skills and Behaviours items are numbered in the source, so their numbers are the source's.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from standards_corrections import CORRECTIONS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "data" / "source" / "customer-service-framework.txt"
DEFAULT_OUTPUT = ROOT / "data" / "standards.json"

SCHEMA_VERSION = 1

FRAMEWORK_ID = "sds-ma-customer-service-retail-travel"
FRAMEWORK_TITLE = "Modern Apprenticeship in Customer Service, Retail and Travel"
FRAMEWORK_SOURCE = (
    "Skills Development Scotland, Modern Apprenticeship framework for Customer Service, "
    "Retail and Travel: meta-skills, mandatory and optional work situations "
    "(text extracted from the PDF: data/source/customer-service-framework.txt)"
)

# SDS Skills 4.0 (SDS with the Centre for Work-based Learning, 2018) names the framework's
# three categories differently and gives each meta-skill sub-skills.  Neither is in the
# framework text; both are copied from the project's domain notes (shared guide, domain.md,
# "Meta-skills in SDS's own model"), which read them from a public copy of Skills 4.0.
SDS_CATEGORY_NAMES = {
    "Managing yourself": "Self-management",
    "Connecting with others": "Social intelligence",
    "Interacting with change": "Innovation",
}
SUB_SKILLS = {
    "focus": ["sorting", "attention", "filtering"],
    "integrity": ["self-awareness", "ethics", "self-control"],
    "adaptability": ["openness", "critical reflection", "adaptability", "self-learning",
                     "resilience"],
    "initiative": ["courage", "independent thinking", "risk taking", "decision making",
                   "self-belief", "self-motivation", "responsibility", "enterprising"],
    "communication": ["receiving information", "listening", "giving information",
                      "storytelling"],
    "feeling": ["empathy", "social conscience"],
    "collaboration": ["relationship building", "teamworking and collaboration",
                      "social perceptiveness", "global and cross-cultural competence"],
    "leadership": ["inspiring others", "influencing", "motivating others",
                   "developing others", "change catalyst"],
    "curiosity": ["observation", "questioning", "information sourcing",
                  "problem recognition"],
    "creativity": ["imagination", "idea generation", "visualising", "maker mentality"],
    "sense-making": ["pattern recognition", "holistic thinking", "synthesis",
                     "opportunity recognition", "analysis"],
    "critical-thinking": ["deconstruction", "logical thinking", "judgement",
                          "computational thinking"],
}

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

KIND_LETTER = {"performance": "P", "knowledge": "K", "skill": "S", "behaviour": "B"}

# NOS metadata labels in the order the source prints them; spelling varies between
# suites ("Version Number" / "Version number", "Keywords" / "Key words").
METADATA_LABELS = [
    ("developed_by", r"Developed by"),
    ("version", r"Version [Nn]umber"),
    ("date_approved", r"Date [Aa]pproved"),
    ("indicative_review_date", r"Indicative [Rr]eview [Dd]ate"),
    ("validity", r"Validity"),
    ("status", r"Status"),
    ("originating_organisation", r"Originating(?: [Oo]rganisation)?"),
    ("original_urn", r"Original URN"),
    ("relevant_occupations", r"Relevant [Oo]ccupations"),
    ("suite", r"Suite"),
    ("keywords", r"Key ?words"),
]

CODE_LINE = re.compile(r"^[A-Z][A-Z0-9]{4,}\d$")  # INSCS009, CFACSD5, PPL1HSL5 ...
WS_HEADER = re.compile(r"^Work Situation\s+URN:\s*(SDS\s?\d+)$")


class SourceError(Exception):
    """The source text is not laid out the way the parser expects."""


# --------------------------------------------------------------------------- text helpers


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: one space between, none after a line-end hyphen; collapse spaces."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not text:
            text = part
        elif re.search(r"[A-Za-z]-$", text):
            text += part
        else:
            text += " " + part
    return re.sub(r"\s+", " ", text).strip()


def paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs.

    A blank line ends a paragraph only after sentence punctuation: the PDF extraction also
    leaves blank lines in the middle of sentences.
    """
    result: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            result[-1].append(line)
        elif result[-1] and re.search(r"[.:!?]$", join_lines(result[-1])):
            result.append([])
    return [join_lines(p) for p in result if p]


def blank_runs_removed(lines: list[str]) -> list[str]:
    out = [line.strip() for line in lines]
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return out


# --------------------------------------------------------------------------- chunking


def split_source(lines: list[str]) -> tuple[list[str], list[str], list[dict]]:
    """Return (front matter lines, optional-units front matter lines, unit chunks).

    A unit starts at a header line: a line holding only a NOS code, or "Work Situation URN:".
    Running heads repeat the unit's own code, so only a *different* code starts a new unit.
    """
    front: list[str] = []
    optional_front: list[str] = []
    units: list[dict] = []
    current: dict | None = None
    in_optional_front = False
    mandatory = True
    for raw in lines:
        s = raw.strip()
        code = urn = None
        if m := WS_HEADER.match(s):
            urn = m.group(1)
            code = urn.replace(" ", "")  # "SDS 0417" -> "SDS0417"
        elif CODE_LINE.match(s):
            code = s
        if code and (current is None or code != current["code"]):
            current = {
                "code": code,
                "kind": "work-situation" if urn else "nos",
                "urn": urn,
                "mandatory": mandatory,
                "lines": [],
            }
            units.append(current)
            in_optional_front = False
            continue
        if s == "Optional work situations":
            in_optional_front = True
            mandatory = False
            current = None
        if in_optional_front:
            optional_front.append(raw)
        elif current is None:
            front.append(raw)
        else:
            current["lines"].append(raw)
    return front, optional_front, units


# --------------------------------------------------------------------------- front matter


def parse_front(front: list[str]) -> tuple[dict, list[dict], list[dict]]:
    text_lines = [line.strip() for line in front]

    # Purpose: from "Purpose:" to the sentence announcing the three categories.
    start = text_lines.index("Purpose:") + 1
    end = next(i for i, s in enumerate(text_lines) if s.endswith("four meta-")) + 2
    purpose = paragraphs(text_lines[start:end])

    # "Managing yourself - focus, integrity, adaptability and initiative" (may wrap).
    categories: list[dict] = []
    i = end
    while len(categories) < 3:
        s = text_lines[i]
        if " - " in s:
            block = [s]
            while text_lines[i + 1]:
                i += 1
                block.append(text_lines[i])
            name, members = join_lines(block).split(" - ")
            *names, last = members.split(", ")
            names += last.split(" and ")  # "... adaptability and initiative"
            categories.append({"name": name, "members": names})
        i += 1

    intro_start = next(j for j, s in enumerate(text_lines) if s.startswith("Supported by"))
    intro_end = next(j for j, s in enumerate(text_lines) if s == categories[0]["name"])
    meta_skills_intro = paragraphs(text_lines[intro_start:intro_end])

    category_records: list[dict] = []
    skill_records: list[dict] = []
    for cat in categories:
        j = text_lines.index(cat["name"], intro_end)
        block: list[str] = []
        j += 1
        while not text_lines[j]:
            j += 1
        while text_lines[j]:
            block.append(text_lines[j])
            j += 1
        description = join_lines(block)
        cat_id = slug(cat["name"])
        category_records.append({
            "id": cat_id,
            "name": cat["name"],
            "sds_name": SDS_CATEGORY_NAMES[cat["name"]],
            "description": description,
        })
        clauses = [c.strip() for c in description.rstrip(".").split(";")]
        if len(clauses) != len(cat["members"]):
            raise SourceError(f"{cat['name']}: {len(clauses)} example clauses")
        for member, clause in zip(cat["members"], clauses):
            clause = re.sub(r"^and ", "", clause)
            if member.lower() not in clause.lower():
                raise SourceError(f"example for {member!r} not found in {clause!r}")
            skill_id = slug(member)
            skill_records.append({
                "id": skill_id,
                "name": member[0].upper() + member[1:],
                "category": cat_id,
                "description": clause,
                "sub_skills": SUB_SKILLS[skill_id],
            })

    extra = {"purpose": "\n\n".join(purpose), "meta_skills_intro": "\n\n".join(meta_skills_intro)}
    return extra, category_records, skill_records


def parse_optional_front(lines: list[str]) -> tuple[int, str, list[str]]:
    """Return (minimum optional units, the rule sentence, the list of optional unit titles)."""
    text_lines = [line.strip() for line in lines]
    rule = next(s for s in text_lines if s.startswith("A minimum of"))
    word = re.match(r"A minimum of (\w+) optional", rule).group(1)
    minimum = NUMBER_WORDS[word]
    k = text_lines.index(rule) + 2
    titles = []
    while text_lines[k]:
        titles.append(text_lines[k])
        k += 1
    return minimum, rule, titles


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# --------------------------------------------------------------------------- items


class Item:
    def __init__(self, number: int, section: str | None):
        self.number = number
        self.section = section
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return join_lines(self.parts)


PREFIXED = re.compile(r"^[PK](\d+)\s+(.*)$")
LEADING = re.compile(r"^(\d+)\.\s+\S")


def is_heading(lines: list[str], i: int, item_start: re.Pattern) -> bool:
    """A sub-heading: capitalised, after a blank line, and followed by an item's start."""
    s = lines[i]
    if not s or not s[0].isupper() or item_start.match(s):
        return False
    if i > 0 and lines[i - 1]:
        return False
    nxt = next((t for t in lines[i + 1:] if t), "")
    return bool(item_start.match(nxt))


def items_prefixed(lines: list[str]) -> list[Item]:
    items: list[Item] = []
    section = None
    for i, s in enumerate(lines):
        if not s:
            continue
        m = PREFIXED.match(s)
        if m and int(m.group(1)) == len(items) + 1:
            items.append(Item(len(items) + 1, section))
            items[-1].parts.append(m.group(2))
        elif is_heading(lines, i, PREFIXED):
            section = s
        elif items:
            items[-1].parts.append(s)
        else:
            raise SourceError(f"text before the first item: {s!r}")
    return items


def items_leading(lines: list[str]) -> list[Item]:
    """Items printed as "1. text", possibly several on one line."""
    items: list[Item] = []
    section = None
    for i, s in enumerate(lines):
        if not s:
            continue
        if is_heading(lines, i, LEADING):
            section = s
            continue
        pos = 0
        while True:
            marker = re.compile(rf"(?:^|(?<=\s)){len(items) + 1}\.(?:\s|$)")
            m = marker.search(s, pos)
            if not m:
                break
            if items:
                items[-1].parts.append(s[pos:m.start()])
            elif s[pos:m.start()].strip():
                raise SourceError(f"text before the first item: {s!r}")
            items.append(Item(len(items) + 1, section))
            pos = m.end()
        if pos < len(s):
            if not items:
                raise SourceError(f"text before the first item: {s!r}")
            items[-1].parts.append(s[pos:])
    return items


def items_trailing(lines: list[str]) -> list[Item]:
    """Items whose number is printed after the text ("... with8." or a line "8.").

    Text after the last number continues the last item: an item cut by a page break has its
    number printed after its first part.  (No block in this style has sub-headings.)
    """
    items: list[Item] = []
    buf: list[str] = []
    for s in lines:
        if not s:
            continue
        n = len(items) + 1
        if s == f"{n}.":
            items.append(Item(n, None))
            items[-1].parts = buf
            buf = []
            continue
        m = re.match(rf"^(.*\D){n}\.$", s)
        if m:
            buf.append(m.group(1))
            items.append(Item(n, None))
            items[-1].parts = buf
            buf = []
            continue
        buf.append(s)
    if buf:
        if not items:
            raise SourceError(f"no numbered items in {buf!r}")
        items[-1].parts.extend(buf)
    return items


def read_items(lines: list[str]) -> list[Item]:
    if any(PREFIXED.match(s) and s.split()[0][1:] == "1" for s in lines):
        return items_prefixed(lines)
    # Leading style if the first line that is not a sub-heading starts with "1. "
    for i, s in enumerate(lines):
        if not s or is_heading(lines, i, LEADING):
            continue
        if LEADING.match(s) and s.startswith("1."):
            return items_leading(lines)
        break
    return items_trailing(lines)


# --------------------------------------------------------------------------- NOS units


BLOCK_START = [
    ("overview", re.compile(r"^Overview\b\s*(.*)$")),
    ("performance", re.compile(r"^Performance(?: criteria)?()$")),
    ("knowledge", re.compile(r"^Knowledge and(?: understanding)?()$")),
    ("skills", re.compile(r"^Skills\b\s*(.*)$")),
    ("behaviours", re.compile(r"^Behaviours()$")),
    ("links", re.compile(r"^Links to other NOS()$")),
    ("metadata", re.compile(r"^(Developed by\b.*)$")),
]
LABELS = {
    "performance": [r"^criteria$", r"^You must be able to:\s*"],
    "knowledge": [r"^understanding$", r"^You need to know and$", r"^understand:\s*"],
}


def is_running_head(s: str, code: str, title: str) -> bool:
    s = re.sub(r"\s+", " ", s)
    return (
        s in (code, title, f"{code} {title}")
        or re.fullmatch(rf"{re.escape(code)} {re.escape(title)} \d+", s) is not None
        or s.isdigit()
    )


def unit_title(lines: list[str]) -> tuple[str, int]:
    """The title follows the unit header, possibly wrapped; return it and the next index."""
    i = 0
    while not lines[i].strip():
        i += 1
    parts = []
    while i < len(lines) and lines[i].strip():
        parts.append(lines[i])
        i += 1
    return join_lines(parts), i


def parse_nos(unit: dict) -> dict:
    title, i = unit_title(unit["lines"])
    code = unit["code"]
    blocks: dict[str, list[str]] = {}
    current = None
    for raw in unit["lines"][i:]:
        s = raw.strip()
        if is_running_head(s, code, title):
            s = ""
        if current != "metadata":
            for name, pattern in BLOCK_START:
                m = pattern.match(s)
                if m:
                    if name in blocks:
                        raise SourceError(f"{code}: second {name} block")
                    current = name
                    blocks[name] = []
                    s = m.group(1).strip()
                    break
        if current is None:
            if s:
                raise SourceError(f"{code}: text before the first block: {s!r}")
            continue
        for label in LABELS.get(current, []):
            s = re.sub(label, "", s)
        blocks[current].append(s.strip())

    record = {"code": code, "title": title, "kind": "nos", "mandatory": unit["mandatory"]}
    if "overview" in blocks:
        record["overview"] = "\n\n".join(paragraphs(blocks["overview"]))
    metadata = {}
    if "metadata" in blocks:
        metadata = parse_metadata(blocks["metadata"])
    if "links" in blocks:
        metadata["links_to_other_nos"] = join_lines(blocks["links"])
    if metadata:
        record["metadata"] = metadata

    criteria = []
    for block, kind in (("performance", "performance"), ("knowledge", "knowledge"),
                        ("skills", "skill"), ("behaviours", "behaviour")):
        if block not in blocks:
            continue
        lines = blank_runs_removed(blocks[block])
        if block == "behaviours" and lines[0].startswith("The following"):
            # An introductory sentence precedes the numbered behaviours.
            cut = lines.index("")
            record["behaviours_intro"] = join_lines(lines[:cut])
            lines = lines[cut + 1:]
        criteria += make_criteria(code, kind, read_items(lines))
    record["criteria"] = criteria
    return record


def parse_metadata(lines: list[str]) -> dict:
    text = join_lines(lines)
    found = []
    pos = 0
    for key, label in METADATA_LABELS:
        m = re.compile(rf"(?:^|(?<= )){label}(?= |$)").search(text, pos)
        if m:
            found.append((key, m.start(), m.end()))
            pos = m.end()
    metadata = {}
    for k, (key, _start, end) in enumerate(found):
        stop = found[k + 1][1] if k + 1 < len(found) else len(text)
        value = text[end:stop].strip()
        if value:
            metadata[key] = value
    return metadata


def make_criteria(code: str, kind: str, items: list[Item]) -> list[dict]:
    letter = KIND_LETTER[kind]
    out = []
    for item in items:
        out.append({
            "id": f"{code}.{letter}{item.number}",
            "kind": kind,
            "number": item.number,
            "section": item.section,
            "text": item.text,
        })
    return out


# --------------------------------------------------------------------------- work situations


WS_ITEM = re.compile(r"^(\d+)\.\s+(.*)$")


def parse_work_situation(unit: dict) -> dict:
    title, i = unit_title(unit["lines"])
    code = unit["code"]
    perf: list[Item] = []
    know: list[Item] = []
    goal: list[str] = []
    outline: list[str] = []
    note: list[str] = []
    tail: list[str] = []
    state = "start"
    for raw in unit["lines"][i:]:
        s = raw.strip()
        if s.isdigit():  # stray page number
            continue
        if state in ("outline", "note") and raw[:1].isspace() and s:
            # The rest of the two columns, printed after the goal and outline blocks; the
            # extraction indents its first line, while outline lines start at the margin.
            state = "tail"
        if state == "tail":
            tail.append(s)
            continue
        if s.startswith("Performance requirements"):
            state = "performance"
            continue
        if s == "Knowledge and understanding requirements":
            if perf:
                state = "knowledge"
            continue
        if s == "Goal of work situation:":
            state = "goal"
            continue
        if s == "Brief outline:":
            state = "outline"
            continue
        if state == "goal":
            goal.append(s)
        elif state in ("outline", "note"):
            if s.startswith("Note:"):
                state = "note"
                s = s[len("Note:"):]
            (note if state == "note" else outline).append(s)
        elif state in ("performance", "knowledge"):
            if not s:
                continue
            m = WS_ITEM.match(s)
            if m and state == "performance" and int(m.group(1)) == 1 and perf:
                state = "knowledge"  # the second column starts again at 1
            column = perf if state == "performance" else know
            if m and int(m.group(1)) == len(column) + 1:
                column.append(Item(len(column) + 1, None))
                column[-1].parts.append(m.group(2))
            elif column:
                column[-1].parts.append(s)
            else:
                raise SourceError(f"{code}: text before the first item: {s!r}")
        elif s:
            raise SourceError(f"{code}: unexpected text {s!r}")

    # Tails: first any text continuing the left column's last item, then numbered items
    # continuing the performance column, then those continuing the knowledge column.
    column = perf
    for s in tail:
        if not s:
            continue
        m = WS_ITEM.match(s)
        if m:
            n = int(m.group(1))
            if column is perf and n != len(perf) + 1:
                column = know
            if n != len(column) + 1:
                raise SourceError(f"{code}: cannot place item {n} after the outline")
            column.append(Item(n, None))
            column[-1].parts.append(m.group(2))
        else:
            column[-1].parts.append(s)

    record = {
        "code": code,
        "urn": unit["urn"],
        "title": title,
        "kind": "work-situation",
        "mandatory": unit["mandatory"],
        "goal": join_lines(goal),
        "outline": "\n\n".join(paragraphs(outline)),
    }
    if note:
        record["note"] = join_lines(note)
    record["criteria"] = (make_criteria(code, "performance", perf)
                          + make_criteria(code, "knowledge", know))
    return record


# --------------------------------------------------------------------------- corrections


def apply_corrections(data: dict, corrections: list[dict]) -> None:
    units = {u["code"]: u for u in data["units"]}
    criteria = {c["id"]: c for u in data["units"] for c in u["criteria"]}
    for corr in corrections:
        target = corr["target"]
        if "." in target.split(":")[0]:
            obj, field = criteria[target], None
        else:
            code, path = target.split(":")
            obj = units[code]
            *parents, field = path.split(".")
            for p in parents:
                obj = obj.setdefault(p, {})
        action = corr["action"]
        if action == "note":
            if "note" in obj:
                raise SourceError(f"{target}: already has a note")
            obj["note"] = corr["note"]
        elif action == "replace":
            value = obj.get(field)
            if value is None or value.count(corr["old"]) != 1:
                raise SourceError(f"{target}: {corr['old']!r} not found exactly once")
            obj[field] = value.replace(corr["old"], corr["new"])
        elif action == "set":
            if obj.get(field) != corr["old"]:
                raise SourceError(f"{target}: expected {corr['old']!r}, found {obj.get(field)!r}")
            obj[field] = corr["new"]
        else:
            raise SourceError(f"unknown correction action {action!r}")


# --------------------------------------------------------------------------- build


def build(source: Path) -> dict:
    lines = source.read_text(encoding="utf-8").splitlines()
    front, optional_front, raw_units = split_source(lines)
    extra, categories, meta_skills = parse_front(front)
    minimum, rule, optional_titles = parse_optional_front(optional_front)

    units = []
    for unit in raw_units:
        if unit["kind"] == "nos":
            units.append(parse_nos(unit))
        else:
            units.append(parse_work_situation(unit))

    found = [u["title"] for u in units if not u["mandatory"]]
    if found != optional_titles:
        raise SourceError(f"optional units {found} do not match the list {optional_titles}")

    data = {
        "schema_version": SCHEMA_VERSION,
        "framework": {
            "id": FRAMEWORK_ID,
            "title": FRAMEWORK_TITLE,
            "source": FRAMEWORK_SOURCE,
            "min_optional_units": minimum,
            "optional_units_rule": rule,
            "purpose": extra["purpose"],
            "meta_skills_intro": extra["meta_skills_intro"],
        },
        "meta_skill_categories": categories,
        "meta_skills": meta_skills,
        "units": units,
    }
    apply_corrections(data, CORRECTIONS)
    # Metadata keys in the order the source prints them, whatever the corrections did.
    order = [key for key, _label in METADATA_LABELS] + ["links_to_other_nos"]
    for unit in units:
        if "metadata" in unit:
            unit["metadata"] = {k: unit["metadata"][k] for k in order if k in unit["metadata"]}
    return data


def render(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the output file is not up to date")
    args = parser.parse_args(argv)
    try:
        text = render(build(args.source))
    except (OSError, SourceError) as error:
        print(f"cannot build standards from {args.source}: {error}", file=sys.stderr)
        return 2
    if args.check:
        try:
            current = args.output.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{args.output} is out of date: run python tools/build_standards.py",
                  file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
