"""The kind-of-evidence options of `reflect add` and `reflect edit`: --kind, the witness's
details, --observer and --participants (see :mod:`reflect.entries.kinds`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reflect.errors import InputError

if TYPE_CHECKING:
    import argparse

    from reflect.entries.models import Entry

#: Witness options and the Witness field each sets.
_WITNESS_OPTIONS = {"witness": "name", "witness_role": "role", "witness_relationship": "relationship",
                    "witness_contact": "contact"}


def add_kind_options(p: "argparse.ArgumentParser", editing: bool = False) -> None:
    """Add --kind and the details of witness testimony, observation and discussion."""
    group = p.add_argument_group("kind of evidence")
    group.add_argument("--kind", "-k", metavar="KIND",
                       help="reflection (the default), witness, product, observation or discussion")
    group.add_argument("--witness", "-w", metavar="NAME", help="witness testimony: who saw it")
    group.add_argument("--witness-role", metavar="ROLE", help="the witness's job, e.g. Team leader")
    group.add_argument("--witness-relationship", metavar="TEXT", help="theirs to you, e.g. my line manager")
    group.add_argument("--witness-contact", metavar="TEXT", help="how an assessor can reach them")
    confirm = group.add_mutually_exclusive_group()
    confirm.add_argument("--confirmed", nargs="?", const="", metavar="DATE",
                         help="the witness confirmed it (on DATE; put it after the text or give a date)")
    if editing:
        confirm.add_argument("--unconfirmed", action="store_true", help="the witness has not confirmed it")
    group.add_argument("--observer", metavar="NAME", help="observation: who observed you")
    group.add_argument("--participants", metavar="NAMES", help="professional discussion: who took part")


def kind_fields(args, current: "Entry | None" = None) -> dict:
    """The store fields the kind options given ask for (none when none were given).

    ``current`` is the entry being edited. Details must suit the kind the item will have:
    a witness for witness testimony, an observer for an observation, participants for a
    discussion; anything else is one plain error naming the option to add.
    """
    from reflect.dates import parse_day
    from reflect.entries.kinds import DETAIL_KINDS, REFLECTION, WITNESS, kind_label, resolve_kind
    from reflect.entries.models import Witness

    fields: dict = {}
    if args.kind is not None:
        fields["kind"] = resolve_kind(args.kind)
    kind = fields.get("kind", current.kind if current else REFLECTION)
    witness_given = {field: getattr(args, option) for option, field in _WITNESS_OPTIONS.items()
                     if getattr(args, option) is not None}
    unconfirmed = getattr(args, "unconfirmed", False)
    if witness_given or args.confirmed is not None or unconfirmed:
        if kind != WITNESS:
            raise InputError(f"Witness details are for {kind_label(WITNESS)}: add --kind witness.")
        witness = (current.witness if current else None) or Witness()
        witness = replace(witness, **witness_given)
        if args.confirmed is not None:
            try:
                on = parse_day(args.confirmed) if args.confirmed.strip() else None
            except InputError:
                raise InputError(f'"{args.confirmed[:40]}" is not a date for --confirmed: give the day the '
                                 "witness confirmed it, or put --confirmed after the text.") from None
            witness = replace(witness, confirmed=True, confirmed_on=on)
        if unconfirmed:
            witness = replace(witness, confirmed=False, confirmed_on=None)
        fields["witness"] = witness
    for option, wanted in DETAIL_KINDS.items():
        if option == "witness":
            continue
        value = getattr(args, option)
        if value is None:
            continue
        if kind != wanted:
            raise InputError(f"--{option} is for {kind_label(wanted)}: add --kind {wanted}.")
        fields[option] = value
    if kind == WITNESS:
        named = fields.get("witness") or (current.witness if current else None)
        if named is None or not named.name.strip():
            raise InputError(f"A {kind_label(WITNESS)} needs the witness's name: add --witness NAME.")
    return fields
