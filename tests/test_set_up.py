"""The README's set-up commands are what CI runs, and the test environment is pinned."""

from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = next(line.strip() for line in readme.splitlines() if "python -m pytest" in line)
    tail = command.split(" && ", 2)[2]  # after creating and activating the venv, which CI does itself
    assert tail in ci


def test_the_test_command_installs_with_the_pinned_constraints():
    readme = (ROOT / "README.md").read_text()
    assert "pip install -c constraints.txt -e '.[test]'" in readme
    pins = [line for line in (ROOT / "constraints.txt").read_text().splitlines() if line and not line.startswith("#")]
    names = {line.split("==")[0].lower() for line in pins}
    assert all("==" in line for line in pins), "every line pins one exact release"
    assert {"textual", "rich", "pytest", "syrupy", "pytest-textual-snapshot"} <= names
