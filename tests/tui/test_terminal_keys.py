"""Every action of the app can be reached with a key the common terminals let through.

Windows Terminal, macOS Terminal and the usual Linux terminals (GNOME Terminal, Konsole,
xterm) keep some keys for themselves with their default settings: full screen, tabs,
scrolling, paste, Mission Control, and on Mac keyboards the function keys are brightness and
volume unless fn is held. An action bound only to such keys needs a second key (or a place in
the command palette, which ``ctrl+p`` opens everywhere). docs/keys.md is the map for people.
"""

import importlib
import inspect
import pkgutil

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

import reflect.tui
from reflect.tui.app import ReflectApp

#: Keys a common terminal keeps with its default settings (the app never sees the key).
TAKEN = {
    "f1": "GNOME Terminal opens its help",
    "f10": "GNOME Terminal opens its menu",
    "f11": "Windows Terminal and GNOME Terminal go full screen; macOS shows the desktop",
    "alt+enter": "Windows Terminal goes full screen",
    "alt+space": "Windows opens the window menu",
    "ctrl+v": "Windows Terminal pastes (the app gets the text, not the key)",
    "shift+insert": "Windows Terminal, xterm and GNOME Terminal paste",
    "ctrl+insert": "Windows Terminal copies",
    "ctrl+tab": "Windows Terminal switches tabs",
    "ctrl+comma": "Windows Terminal opens its settings",
    "ctrl+pageup": "GNOME Terminal and Konsole switch tabs",
    "ctrl+pagedown": "GNOME Terminal and Konsole switch tabs",
    "shift+pageup": "GNOME Terminal, Konsole and xterm scroll back",
    "shift+pagedown": "GNOME Terminal, Konsole and xterm scroll back",
    "home": "macOS Terminal scrolls its window (shift+home reaches the app)",
    "end": "macOS Terminal scrolls its window (shift+end reaches the app)",
    "pageup": "macOS Terminal scrolls its window (shift+pageup reaches the app)",
    "pagedown": "macOS Terminal scrolls its window (shift+pagedown reaches the app)",
    "ctrl+left": "macOS switches desktops (Mission Control)",
    "ctrl+right": "macOS switches desktops (Mission Control)",
    "ctrl+up": "macOS opens Mission Control",
    "ctrl+down": "macOS shows the app's windows",
}


def taken_by(key: str) -> str | None:
    """Why a terminal would keep ``key`` from the app, or None if they all pass it on."""
    if key in TAKEN:
        return TAKEN[key]
    if key.startswith("f") and key[1:].isdigit():
        return "Mac keyboards send brightness and volume instead, unless fn is held"
    if "ctrl+shift+" in key:
        return "terminals keep ctrl+shift for copy, paste, tabs and find"
    if key.startswith("alt+") or "+alt+" in key:
        return "macOS Terminal's Option key types accented letters unless set to act as Meta"
    return None


def _reflect_classes() -> list[type]:
    """Every widget, screen and app class defined in reflect.tui."""
    classes = []
    for module in pkgutil.walk_packages(reflect.tui.__path__, "reflect.tui."):
        loaded = importlib.import_module(module.name)
        classes += [c for _, c in inspect.getmembers(loaded, inspect.isclass)
                    if issubclass(c, DOMNode) and c.__module__ == loaded.__name__]
    return classes


def _keys_by_action(cls: type) -> dict[str, list[str]]:
    """The keys of each action ``cls`` binds itself (inherited bindings belong to the parent)."""
    found: dict[str, list[str]] = {}
    for binding in cls.__dict__.get("BINDINGS", []):
        if isinstance(binding, tuple):
            binding = Binding(*binding)
        for key in binding.key.split(","):
            found.setdefault(binding.action.removeprefix("app."), []).append(key.strip())
    return found


def _palette_actions() -> set[str]:
    from reflect.tui import commands

    return {command.action for command in commands.APP_COMMANDS}


def test_taken_keys_are_recognised():
    assert taken_by("f2") and taken_by("home") and taken_by("alt+x") and taken_by("ctrl+shift+s")
    assert taken_by("ctrl+s") is None and taken_by("ctrl+p") is None and taken_by("question_mark") is None


def test_the_scan_sees_the_app():
    classes = _reflect_classes()
    assert ReflectApp in classes and len(classes) > 20
    assert any("save" in _keys_by_action(c) for c in classes)


def test_every_action_has_a_key_every_terminal_passes_on():
    palette = _palette_actions()
    stuck = []
    for cls in _reflect_classes():
        for action, keys in _keys_by_action(cls).items():
            if all(taken_by(k) for k in keys) and action not in palette:
                stuck.append(f"{cls.__name__}: {action} only on {', '.join(keys)} ({taken_by(keys[0])})")
    assert stuck == []


def test_the_palette_and_quit_keys_pass_everywhere():
    assert taken_by(ReflectApp.COMMAND_PALETTE_BINDING) is None
    quit_keys = [k for b in App.BINDINGS if isinstance(b, Binding) and b.action == "quit" for k in b.key.split(",")]
    assert quit_keys and all(taken_by(k) is None for k in quit_keys)
