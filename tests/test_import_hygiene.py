"""The core never imports textual: the command line stays fast and the layers stay apart."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
CORE_MODULES = sorted(
    "reflect." + ".".join(p.relative_to(ROOT / "reflect").with_suffix("").parts)
    for p in (ROOT / "reflect").rglob("*.py")
    if "tui" not in p.relative_to(ROOT).parts and p.name not in ("__main__.py",)
)


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module):
    code = f"import sys, {module}; assert 'textual' not in sys.modules, 'textual was imported'"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
