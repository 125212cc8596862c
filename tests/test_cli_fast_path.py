"""Running one command builds only its part of the grammar (see reflect.cli.COMMANDS)."""

from __future__ import annotations

import importlib

import pytest

from reflect import cli


def _registered() -> dict[str, str]:
    """Every command name each module registers, by importing them all."""
    found = {}
    for module in cli.COMMAND_MODULES:
        parser = cli._Parser(prog="reflect")
        sub = parser.add_subparsers(parser_class=cli._Parser)
        importlib.import_module(f"reflect.cli.{module}").register(sub, cli.common_options())
        found.update(dict.fromkeys(sub.choices, module))
    return found


def test_every_command_is_in_the_table_with_its_module():
    assert cli.COMMANDS == _registered()


@pytest.mark.parametrize("argv, command", [
    (["list", "-n", "5"], "list"),
    (["--db", "j.db", "gaps"], "gaps"),
    (["--db=j.db", "stats", "--json"], "stats"),
    (["--d", "list", "search", "x"], "search"),  # a journal file called "list"
    (["--fr", "fw.json", "--db", "j.db", "units"], "units"),
    (["--framework=fw.json", "review", "prepare"], "review"),
    ([], None),
    (["--db", "j.db"], None),
    (["--help", "list"], None),
    (["-h"], None),
    (["--version"], None),
    (["--", "list"], None),
    (["--nonsense", "list"], None),
])
def test_command_word_is_found_as_argparse_finds_it(argv, command):
    assert cli.command_word(argv) == command


def _help(parser, command: str) -> str:
    sub = next(a for a in parser._actions if a.dest == "==SUPPRESS==" and hasattr(a, "choices"))
    return sub.choices[command].format_help()


@pytest.mark.parametrize("command", ["list", "gaps", "review", "import"])
def test_a_command_parses_the_same_with_only_its_module(command):
    argv = ["--db", "j.db", command]
    partial, whole = cli.build_parser(argv), cli.build_parser()
    assert _help(partial, command) == _help(whole, command)


def test_arguments_parse_the_same_with_only_the_command_module():
    argv = ["--db", "j.db", "list", "--skill", "focus", "-n", "3"]
    partial = vars(cli.build_parser(argv).parse_args(argv))
    whole = vars(cli.build_parser().parse_args(argv))
    assert {k: v for k, v in partial.items() if k != "handler"} == {k: v for k, v in whole.items() if k != "handler"}
    assert partial["handler"].__qualname__ == whole["handler"].__qualname__


def test_version_needs_no_command_module():
    parser = cli.build_parser(["--version"])
    assert not any(a.dest == "==SUPPRESS==" and getattr(a, "choices", None) for a in parser._actions)
    with pytest.raises(SystemExit) as stop:
        parser.parse_args(["--version"])
    assert stop.value.code == 0
