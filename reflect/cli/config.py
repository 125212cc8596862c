"""`reflect config`: the journal's settings (your name, framework file, review schedule...)."""

from __future__ import annotations

import argparse

from reflect.errors import InputError
from reflect.paths import expand
from reflect.store.settings import DEFAULTS


def _name(value: str) -> str:
    value = " ".join(value.split())
    if len(value) > 100:
        raise InputError("A name of up to 100 characters, please.")
    return value


def _weeks(value: str) -> int:
    try:
        weeks = int(value)
    except ValueError:
        raise InputError(f'"{value}" is not a whole number of weeks.') from None
    if not 1 <= weeks <= 104:
        raise InputError("Choose between 1 and 104 weeks.")
    return weeks


def _framework(value: str) -> str:
    from reflect.framework.standards import load_framework

    path = expand(value).resolve()
    load_framework(path)  # refuse a file that would break every later command
    return str(path)


def _day(value: str) -> str:
    from reflect.dates import parse_day

    return parse_day(value).isoformat()


def _interval(value: str) -> str:
    from reflect.review.schedule import parse_interval

    return str(parse_interval(value))


def _theme(value: str) -> str:
    return value.strip()


def _keep(value: str) -> int:
    try:
        keep = int(value)
    except ValueError:
        raise InputError(f'"{value}" is not a whole number of backups.') from None
    if not 1 <= keep <= 1000:
        raise InputError("Keep between 1 and 1000 automatic backups.")
    return keep


#: Each setting people may change, with the function that checks and converts its value.
SETTERS = {
    "apprentice_name": _name,
    "framework": _framework,
    "stale_weeks": _weeks,
    "review_start": _day,
    "review_interval": _interval,
    "theme": _theme,
    "backup_keep": _keep,
}


def register(sub, common) -> None:
    p = sub.add_parser(
        "config", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="show or change this journal's settings",
        epilog="settings: " + ", ".join(SETTERS) + "\n\nexamples:\n"
               "  reflect config\n  reflect config apprentice_name \"Jamie Reid\"\n"
               "  reflect config review_start 5/1/2027\n  reflect config review_interval \"3 months\"\n  reflect config framework ~/provider/framework.json\n"
               "  reflect config framework --unset      (back to the bundled framework)")
    p.add_argument("key", nargs="?", help="setting to show or change")
    p.add_argument("value", nargs="?", help="new value")
    p.add_argument("--unset", action="store_true", help="return the setting to its default")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_config, writes=True)


def cmd_config(ctx) -> int:
    from reflect.cli.output import print_json

    args = ctx.args
    settings = ctx.journal.settings
    if args.key is None:
        values = {k: v for k, v in settings.all().items() if k in SETTERS}
        if args.json:
            print_json(values, ctx.out)
        else:
            for key, value in values.items():
                ctx.print(f"{key:<22}{'' if value is None else value}")
        return 0
    key = args.key.replace("-", "_")
    if key not in SETTERS:
        raise InputError(f'Unknown setting "{args.key}". Settings: {", ".join(SETTERS)}.')
    if args.unset:
        settings.set(key, None)
        ctx.print(f"{key} is back to its default ({DEFAULTS.get(key)}).")
    elif args.value is None:
        value = settings.get(key)
        print_json(value, ctx.out) if args.json else ctx.print("" if value is None else value)
    else:
        settings.set(key, SETTERS[key](args.value))
        ctx.print(f"{key} = {settings.get(key)}")
    return 0
