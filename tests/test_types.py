"""The type check, part of the test run: mypy over reflect/ as Linux, Windows and macOS see it.

Code that would crash only on another platform (``os.getuid`` on Windows, say) fails here,
on whatever platform the tests run. The configuration is ``[tool.mypy]`` in pyproject.toml.
Each platform keeps its incremental cache in the temporary folder, so a re-run checks only
what changed.
"""

import hashlib
import tempfile
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_reflect_type_checks_on(platform):
    checkout = hashlib.sha256(str(ROOT.resolve()).encode()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"reflect-mypy-{checkout}-{platform}"
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--platform", platform,
                                "--cache-dir", str(cache), str(ROOT / "reflect")])
    assert status == 0, f"mypy --platform {platform}:\n{out}{err}"
    assert "Success" in out
