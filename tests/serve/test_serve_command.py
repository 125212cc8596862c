"""`reflect serve` in process: what it opens, prints and passes to the app in the tab."""

from __future__ import annotations

import webbrowser

import pytest

from reflect.cli import main
from reflect.serve import server as serving


@pytest.fixture
def started(monkeypatch):
    """Run `reflect serve` up to the moment it would serve: note the server, open nothing."""
    seen = {}

    servers = []

    def serve(self, on_ready=None):
        seen["server"] = self
        servers.append(self)
        on_ready()

    monkeypatch.setattr(serving.BrowserServer, "serve", serve)
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    seen["opened"] = opened
    yield seen
    for server in servers:
        server.sock.close()


def test_serve_opens_the_default_browser_on_its_private_address(started, tmp_path, capsys):
    assert main(["--db", str(tmp_path / "j.db"), "serve"]) == 0
    server = started["server"]
    assert started["opened"] == [server.url]
    assert server.url.startswith("http://127.0.0.1:") and f"token={server.token}" in server.url
    assert server.sock.getsockname()[0] == "127.0.0.1"
    out = capsys.readouterr().out
    assert "open in your browser" in out and "Ctrl+C" in out


def test_no_open_prints_the_address_and_opens_nothing(started, tmp_path, capsys):
    assert main(["--db", str(tmp_path / "j.db"), "serve", "--no-open"]) == 0
    assert started["opened"] == []
    assert started["server"].url in capsys.readouterr().out


def test_the_tab_gets_the_same_journal_and_framework(started, tmp_path, monkeypatch):
    from tests.conftest import TINY_FRAMEWORK

    monkeypatch.chdir(tmp_path)
    assert main(["serve", "--no-open", "--db", "j.db", "--framework", str(TINY_FRAMEWORK)]) == 0
    command = started["server"].command
    assert f"--db {tmp_path / 'j.db'}" in command and f"--framework {TINY_FRAMEWORK}" in command
    assert (tmp_path / "j.db").exists()  # opened (and checked) before serving


def test_a_fresh_token_and_port_each_run(started, tmp_path):
    main(["--db", str(tmp_path / "j.db"), "serve", "--no-open"])
    first = started["server"]
    main(["--db", str(tmp_path / "j.db"), "serve", "--no-open"])
    second = started["server"]
    assert first.token != second.token and len(first.token) >= 40


def test_serve_is_listed_in_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "serve" in capsys.readouterr().out


@pytest.mark.parametrize("make_bad, message", [
    (lambda d: d / "notes.txt", "not a reflect journal"),
    (lambda d: d / "missing-framework.json", "framework"),
])
def test_bad_journal_or_framework_is_one_line_and_nothing_is_served(started, tmp_path, capsys, make_bad, message):
    bad = make_bad(tmp_path)
    bad.write_text("hello, this is not what reflect wants\n")
    args = ["--db", str(bad)] if bad.suffix == ".txt" else ["--db", str(tmp_path / "j.db"), "--framework", str(bad)]
    assert main(["serve", "--no-open", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "server" not in started and started["opened"] == []
