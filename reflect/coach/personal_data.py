"""Personal data in what an apprentice writes: find it, say what to do, take it out.

A reflection used as evidence must be anonymised: no customer's or colleague's name, contact
details, card or booking numbers. :func:`find_personal_data` finds, with regular expressions
and a few checks each:

* e-mail addresses;
* UK phone numbers (07... mobiles, 01/02/03 and 08 numbers, +44), by their count of digits;
* payment card numbers: 13 to 19 digits that pass the Luhn check;
* UK postcodes (EH1 1YZ, G2 3AB), in capitals as they are written on an address;
* National Insurance numbers (two letters, six digits, A-D), with the letters HMRC never uses left out;
* dates of birth: a date after "born", "DOB", "date of birth" or "birthday";
* booking, account, order and membership references: a code with a digit after such words;
* names after a title (Mr, Mrs, Ms, Miss, Mx, Dr) or in "a customer called X", except
  brands that look like one ("Mr Kipling cakes", "Dr Martens").

What it leaves alone on purpose: prices, times, dates of events, product codes, store and
till numbers. :func:`redact` replaces each finding with a label such as ``[phone]``;
:func:`mask_cards` does only the card numbers (what is always done for someone else).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from reflect.jsonable import Record

__all__ = ["KINDS", "Finding", "find_personal_data", "mask_cards", "redact", "describe", "shown"]

#: kind -> (label written in its place, what it is in words, advice on what to write instead)
KINDS: dict[str, tuple[str, str, str]] = {
    "email": ("[email]", "an e-mail address", "remove it or write 'the customer's e-mail'"),
    "phone": ("[phone]", "a phone number", "remove it or write 'the customer'"),
    "card": ("[card]", "a payment card number", "remove it, and never write a card number down"),
    "postcode": ("[postcode]", "a postcode", "remove it or name just the town"),
    "ni": ("[NI number]", "a National Insurance number", "remove it"),
    "dob": ("[date of birth]", "a date of birth", "remove it or give an age range"),
    "reference": ("[reference]", "a booking or account reference", "remove it or write 'their booking'"),
    "name": ("[name]", "a person's name", "write 'the customer' or 'a colleague' instead"),
}


@dataclass(frozen=True)
class Finding(Record):
    """One piece of personal data: its ``kind`` (a key of :data:`KINDS`) and where it is."""

    kind: str
    start: int
    end: int
    text: str
    #: Where it is, when a check covers more than one text ("title" or "body").
    field: str = "body"

    @property
    def label(self) -> str:
        return KINDS[self.kind][0]

    @property
    def advice(self) -> str:
        """Plain advice, e.g. ``a phone number: remove it or write 'the customer'``."""
        _, what, todo = KINDS[self.kind]
        return f"{what}: {todo}"

    def json_shape(self) -> dict:
        return {"kind": self.kind, "label": self.label, "field": self.field, "start": self.start, "end": self.end,
                "text": shown(self), "advice": self.advice}


_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Runs of digits with single spaces or hyphens between groups, possibly after +44.
_DIGITS = re.compile(r"(?<![\w£$€.,:/])(?:\+44\s?(?:\(0\)\s?)?|0044\s?)?\(?\d[\d)]*(?:[ -]?\(?\d[\d)]*){2,}(?![\w:/]|[.,]\d)")
_POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b")
_NI = re.compile(r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
                 re.IGNORECASE)
_MONTHS = ("jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE = (rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}"
         rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})")
_DOB = re.compile(rf"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|born(?:\s+on)?|birth\s*day(?:\s+(?:is|was|of))?)"
                  rf"\s*,?\s*(?:is|was|:|-|of)?\s*({_DATE})", re.IGNORECASE)
_REFERENCE = re.compile(
    r"\b(?i:booking|reservation|confirmation|account|acct|order|membership|loyalty(?:\s+card)?|customer|member|"
    r"policy|ticket|pnr|case|claim)\s*(?i:ref(?:erence)?\.?|no\.?|number|num|id|code|#)?\s*"
    r"(?i:is|was|:|-|#)?\s*(?=[A-Z0-9-]*\d)([A-Z0-9][A-Z0-9-]{4,15}[A-Z0-9])\b")
# The cue above must name a reference ("booking ref", "account number", "PNR"); a bare
# "order 12345" reads as a reference too, but "order 3 boxes" does not (too short).
_REF_NEEDS_WORD = re.compile(r"\b(?:ref(?:erence)?|no\.?|number|num|id|code|#|pnr)\b|#", re.IGNORECASE)
_NAME = r"[A-Z]['’]?[A-Za-z][A-Za-z'’-]*"
_TITLE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+({_NAME}(?:[ -]{_NAME})?)")
_CALLED = re.compile(
    r"\b(?:customer|client|passenger|guest|lady|woman|man|gentleman|gent|person|girl|boy|caller|traveller|shopper|"
    r"colleague|mum|dad|husband|wife|son|daughter)\s+(?:called|named|by\s+the\s+name\s+of)\s+"
    rf"({_NAME}(?: {_NAME})?)|\b(?:(?i:his|her|their|whose)\s+name\s+(?:was|is))\s+({_NAME}(?: {_NAME})?)")
#: Names after a title that are brands or characters: "Mr Kipling cakes" in a shop is stock.
BRANDS = frozenset("""
    kipling muscle sheen whippy men bean freeze brain porter simms tumble blobby motivator potato
    martens marten oetker pepper who seuss jekyll hyde scholl beckmann
    selfridge
""".split())
# Words after "called" that are not names ("a customer called Monday", "called The Range").
_NOT_NAMES = frozenset("""
    i the a an and but so then back in on at to about for this that we our they he she it my his her their
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december christmas easter today yesterday earlier later again
""".split())


def find_personal_data(text: str) -> list[Finding]:
    """Every piece of personal data in ``text``, in order, none overlapping.

    Each kind is looked for only where it can be: numbers when there are enough digits,
    names next to a title or "called", references next to "booking", "account"... Finding
    those places takes plain string searches, far quicker than running every pattern over
    all the text (a whole journal is checked before an export).
    """
    if not text:
        return []
    found: list[Finding] = []
    lower = text.lower()
    digits = digit_count(text)
    if "@" in text:
        for match in _EMAIL.finditer(text):
            found.append(Finding("email", match.start(), match.end(), match.group(0)))
    if digits >= 4:
        for match in _near(text, lower, _DOB_CUES, _DOB, 15, 45):
            found.append(Finding("dob", match.start(1), match.end(1), match.group(1)))
    if digits >= 10:
        for match in _DIGITS.finditer(text):
            kind = _number_kind(match.group(0))
            if kind:
                start, end = match.span()
                if text[start] == "(" and ")" not in match.group(0):
                    start += 1
                found.append(Finding(kind, start, end, text[start:end]))
    if digits >= 6:
        for match in _NI.finditer(text):
            found.append(Finding("ni", match.start(), match.end(), match.group(0)))
    if digits >= 2:
        for match in _POSTCODE.finditer(text):
            if any(c.isdigit() for c in match.group(0)[-3:]):
                found.append(Finding("postcode", match.start(), match.end(), match.group(0)))
    if digits:
        for match in _near(text, lower, _REFERENCE_CUES, _REFERENCE, 0, 50):
            cue = text[match.start():match.start(1)]
            if _REF_NEEDS_WORD.search(cue) or len(match.group(1)) >= 6:
                found.append(Finding("reference", match.start(1), match.end(1), match.group(1)))
    for match in _near(text, text, _TITLES, _TITLE, 0, 45):
        name = _name(match.group(1))
        if _bare(name.split()[0]) not in BRANDS and _bare(name.split()[-1]) not in _NOT_NAMES:
            found.append(Finding("name", match.start(1), match.start(1) + len(name), name))
        elif _bare(name.split()[0]) not in BRANDS:
            found.append(Finding("name", match.start(1), match.start(1) + len(name.split()[0]), name.split()[0]))
    for match in _near(text, lower, _CALLED_CUES, _CALLED, 25, 50):
        group = 1 if match.group(1) else 2
        name = _name(match.group(group))
        if _bare(name.split()[0]) not in _NOT_NAMES:
            if len(name.split()) == 2 and _bare(name.split()[1]) in _NOT_NAMES:
                name = name.split()[0]
            found.append(Finding("name", match.start(group), match.start(group) + len(name), name))
    return _without_overlaps(found)


_DOB_CUES = ("birth", "dob", "d.o.b", "born")
_REFERENCE_CUES = ("booking", "reservation", "confirmation", "account", "acct", "order", "membership", "loyalty",
                   "customer", "member", "policy", "ticket", "pnr", "case", "claim")
_TITLES = ("Mr", "Ms", "Miss", "Mx", "Dr")  # "Mrs" starts with "Mr"
_CALLED_CUES = ("called", "named", "name of", "name was", "name is")


def _near(text: str, haystack: str, cues: tuple[str, ...], pattern: re.Pattern, before: int, after: int):
    """Matches of ``pattern`` in ``text`` near each place a cue occurs in ``haystack`` (the
    text itself or its lower-case copy), each match once."""
    seen: set[tuple[int, int]] = set()
    for cue in cues:
        at = haystack.find(cue)
        while at != -1:
            start, end = max(0, at - before), min(len(text), at + len(cue) + after)
            while end < len(text) and not text[end].isspace():  # never cut a word: "Kipli|ng"
                end += 1
            for match in pattern.finditer(text, start, end):
                if match.span() not in seen:
                    seen.add(match.span())
                    yield match
            at = haystack.find(cue, at + len(cue))


def digit_count(text: str) -> int:
    """How many ASCII digits ``text`` has (bytes.translate: a tenth of a regular expression's time)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, b"0123456789"))


def _name(text: str) -> str:
    """A name without a possessive ending: "Smith's" is the name "Smith"."""
    return re.sub(r"['’]s$", "", text)


def _bare(word: str) -> str:
    return _name(word).lower()


_PRIORITY = {"email": 0, "card": 1, "dob": 2, "ni": 3, "phone": 4, "reference": 5, "postcode": 6, "name": 7}


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    """Keep the most telling finding where two overlap (an e-mail over a name in it, ...)."""
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (_PRIORITY[f.kind], f.start)):
        if not any(f.start < finding.end and finding.start < f.end for f in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


def _number_kind(candidate: str) -> str | None:
    """``card``, ``phone`` or None for a run of digits (with spaces, hyphens, +44)."""
    digits = re.sub(r"\D", "", candidate)
    international = candidate.startswith(("+44", "0044"))
    if international:
        national = "0" + digits[4:] if candidate.startswith("0044") else "0" + digits[2:]
        return "phone" if len(national) in (10, 11) and national[1] in "1235789" else None
    # Issuers' first digits: 2 and 5 (Mastercard), 3 (Amex), 4 (Visa), 6 (Maestro, Discover).
    # Thirteen digits are an old Visa length and a barcode's (EAN-13): only Visa's counts.
    if 13 <= len(digits) <= 19 and digits[0] in "23456" and luhn_ok(digits) \
            and (len(digits) > 13 or digits[0] == "4"):
        return "card"
    if digits.startswith("0") and len(digits) in (10, 11) and digits[1] in "12378":
        groups = re.split(r"[ -]+", candidate.strip("()"))
        # A phone number is written in two or three groups, or in one; six groups of two
        # ("01 02 03 04 05") reads as a list, not a number.
        return "phone" if len(groups) <= 4 else None
    return None


def luhn_ok(digits: str) -> bool:
    """The Luhn check every payment card number passes."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def redact(text: str, findings: Iterable[Finding] | None = None, kinds: Iterable[str] | None = None) -> str:
    """``text`` with each finding (default: all found) replaced by its label, e.g. ``[phone]``.

    ``kinds`` limits it to those kinds. Labels are not personal data, so redacting twice
    changes nothing more.
    """
    chosen = find_personal_data(text) if findings is None else list(findings)
    if kinds is not None:
        wanted = set(kinds)
        chosen = [f for f in chosen if f.kind in wanted]
    out, last = [], 0
    for finding in sorted(chosen, key=lambda f: f.start):
        out += [text[last:finding.start], finding.label]
        last = finding.end
    return "".join(out) + text[last:]


def mask_cards(text: str) -> str:
    """``text`` with payment card numbers replaced by ``[card]``: done to everything written
    for someone else, asked or not. Quick when there is no long run of digits (most texts)."""
    if digit_count(text) < 13 or not _LONG_DIGITS.search(text):
        return text
    return redact(text, kinds=("card",))


_LONG_DIGITS = re.compile(r"\d{4}[ -]?\d{4}[ -]?\d{4}")


def shown(finding: Finding) -> str:
    """The finding as safe to show on screen: card numbers keep only their last four digits."""
    if finding.kind == "card":
        return "•••• " + re.sub(r"\D", "", finding.text)[-4:]
    return finding.text


def describe(findings: Iterable[Finding]) -> str:
    """``2 phone numbers, 1 name`` - a count of each kind, in the order of :data:`KINDS`."""
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    parts = []
    for kind in KINDS:
        if kind in counts:
            what = KINDS[kind][1].split(" ", 1)[1]
            parts.append(f"{counts[kind]} {what if counts[kind] == 1 else _plural(what)}")
    return ", ".join(parts)


def _plural(what: str) -> str:
    if what.endswith("reference"):
        return what + "s"
    if what.endswith("birth"):
        return what.replace("date", "dates")
    if what.endswith("name"):
        return what.replace("name", "names")
    return what.replace("number", "numbers").replace("address", "addresses").replace("postcode", "postcodes")
