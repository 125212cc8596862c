"""The layers hold and the core never imports textual: the command line stays fast and the
layers stay apart. The contracts themselves are in pyproject.toml ([tool.importlinter])."""

import subprocess
import sys
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).parent.parent
CORE_MODULES = sorted(
    "reflect." + ".".join(p.relative_to(ROOT / "reflect").with_suffix("").parts)
    for p in (ROOT / "reflect").rglob("*.py")
    if "tui" not in p.relative_to(ROOT).parts and p.name not in ("__main__.py",)
)


def test_import_contracts_are_kept(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_no_core_module_loads_textual_when_imported():
    """Runtime imports too (a lazy import inside a function is not in the contracts' sight
    until it runs): every core module is imported in one fresh interpreter, and the first one
    after which textual is loaded is named."""
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        sys.exit(f'{name} loads textual')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr


def test_core_modules_are_found():
    # The list above must really hold the core (a wrong glob would make the test pass vacuously).
    assert "reflect.journal" in CORE_MODULES and "reflect.export.pack" in CORE_MODULES
    assert not any(".tui" in name for name in CORE_MODULES)
