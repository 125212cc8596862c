"""The built wheel carries the framework, and an installed reflect finds it from anywhere."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr[-2000:]}")
    return next(out.glob("reflect-*.whl"))


def test_wheel_contains_framework_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "reflect/data/standards.json" in names
    assert "reflect/data/standards.schema.json" in names


def test_wheel_contains_the_browser_page(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("reflect/serve/page.html", "reflect/serve/static/page.css", "reflect/serve/static/page.js"):
        assert name in names


def test_installed_package_loads_bundled_framework_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        f"import sys; sys.path.insert(0, {str(site)!r});"
        "import reflect.framework.standards as s;"
        "fw = s.load_framework();"
        f"assert str(s.bundled_framework_path()).startswith({str(site)!r}), s.bundled_framework_path();"
        "print(len(fw.units))"
    )
    # -I: no user site, no current directory, no PYTHONPATH: only the unpacked wheel.
    result = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "25"
