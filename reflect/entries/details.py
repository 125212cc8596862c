"""An item's kind and details as people read them: the lines `reflect show`, the app's detail
view and the exports print under the title.

One wording everywhere, so a witness testimony reads the same in the terminal, in the app and
in the pack a mentor or assessor gets: the witness, their role and relationship, how to reach
them, and whether (and when) they confirmed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from reflect.dates import format_short
from reflect.entries.kinds import REFLECTION, WITNESS, kind_label

if TYPE_CHECKING:
    from reflect.entries.models import Witness


class HasDetails(Protocol):
    """An entry, or an export's row of one: what :func:`detail_pairs` reads."""

    @property
    def kind(self) -> str: ...
    @property
    def witness(self) -> "Witness | None": ...
    @property
    def observer(self) -> str: ...
    @property
    def participants(self) -> str: ...


def confirmation(witness: "Witness | None") -> str:
    """"confirmed on 03/11/2026", "confirmed", or "not yet confirmed"."""
    if witness is None or not witness.confirmed:
        return "not yet confirmed"
    return f"confirmed on {format_short(witness.confirmed_on)}" if witness.confirmed_on else "confirmed"


def confirmed_answer(witness: "Witness | None") -> str:
    """"yes, on 03/11/2026", "yes" or "not yet": the answer to "confirmed by the witness?"."""
    if witness is None or not witness.confirmed:
        return "not yet"
    return f"yes, on {format_short(witness.confirmed_on)}" if witness.confirmed_on else "yes"


def detail_pairs(entry: HasDetails) -> list[tuple[str, str]]:
    """(label, value) for the kind and every detail the item has, in reading order.

    A reflection with no details gives nothing (the usual case shows nothing new). Details
    kept from an earlier kind are shown too: nothing stored is hidden.
    """
    pairs: list[tuple[str, str]] = []
    if entry.kind != REFLECTION:
        pairs.append(("Kind", kind_label(entry.kind).capitalize()))
    witness = entry.witness
    if witness is not None:
        for label, value in (("Witness", witness.name), ("Role", witness.role),
                             ("Relationship", witness.relationship), ("Contact", witness.contact)):
            if value:
                pairs.append((label, value))
    if witness is not None or entry.kind == WITNESS:
        pairs.append(("Confirmed by the witness", confirmed_answer(witness)))
    if entry.observer:
        pairs.append(("Observed by", entry.observer))
    if entry.participants:
        pairs.append(("Taking part", entry.participants))
    return pairs


def witness_line(witness: "Witness | None") -> str:
    """The witness in one line: "Amy Reid, Supervisor (my line manager), confirmed on 03/11/2026"."""
    if witness is None:
        return "no witness named"
    who = ", ".join(part for part in (witness.name, witness.role) if part)
    if witness.relationship:
        who += f" ({witness.relationship})"
    return f"{who}, {confirmation(witness)}"
