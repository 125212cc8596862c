"""`reflect serve` is private by construction: loopback only, the Host it expects, the token.

These run the real command and speak HTTP to it; tests/serve/test_in_browser.py uses a browser.
"""

from __future__ import annotations

import asyncio
import http.client
import socket

import aiohttp
import pytest

from reflect.cli import main


def get(served, path: str, *, host: str | None = None, headers: dict | None = None,
        address: str = "127.0.0.1") -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(address, served.port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    if host != "(none)":
        connection.putheader("Host", f"127.0.0.1:{served.port}" if host is None else host)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_the_address_opens_the_page_which_links_nothing_outside(served):
    response = get(served, f"/?token={served.token}")
    assert response.status == 200
    page = response.body.decode()
    assert "textual.js" in page and "fonts.googleapis" not in page
    assert "https://" not in page and "http://" not in page  # every link is on this server
    policy = response.getheader("Content-Security-Policy")
    assert "default-src 'none'" in policy and f"connect-src http://127.0.0.1:{served.port} " in policy
    assert served.token in response.getheader("Set-Cookie") and "HttpOnly" in response.getheader("Set-Cookie")


@pytest.mark.parametrize("path", ["/", "/?token=", "/?token=guess", "/static/js/textual.js",
                                  "/reflect/page.css", "/ws", "/download/anything"])
def test_without_the_token_everything_is_refused(served, path):
    assert get(served, path).status == 403


def test_the_cookie_from_the_page_stands_for_the_token(served):
    cookie = {"Cookie": f"reflect-{served.port}={served.token}"}
    assert get(served, "/static/js/textual.js", headers=cookie).status == 200
    assert get(served, "/reflect/page.css", headers=cookie).status == 200
    assert get(served, "/static/js/textual.js", headers={"Cookie": f"reflect-{served.port}=guess"}).status == 403


@pytest.mark.parametrize("host", ["attacker.example:{port}", "localhost:{port}", "127.0.0.1", "127.0.0.1:1",
                                  "0.0.0.0:{port}", "", "(none)"])
def test_another_host_name_is_refused_even_with_the_token(served, host):
    # DNS rebinding: another site's page reaching 127.0.0.1 sends its own name as Host.
    response = get(served, f"/?token={served.token}", host=host.format(port=served.port))
    assert response.status == 421 or (host == "(none)" and response.status == 400)  # aiohttp's own refusal
    assert served.token not in response.body.decode()


def other_addresses() -> list[str]:
    """Addresses of this machine other than 127.0.0.1: another loopback one, and the LAN one."""
    found = ["127.0.0.2"]
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # a UDP "connect" sends nothing: it only picks a route
        found.append(probe.getsockname()[0])
    except OSError:
        pass  # no network at all: 127.0.0.2 still shows the socket is bound to 127.0.0.1 alone
    finally:
        probe.close()
    return [a for a in found if a != "127.0.0.1"]


@pytest.mark.parametrize("address", other_addresses())
def test_other_interfaces_are_not_listened_on(served, address):
    with pytest.raises(OSError):  # refused: nothing listens there
        socket.create_connection((address, served.port), timeout=5).close()


def test_a_websocket_from_another_sites_page_is_refused(served):
    headers = {"Cookie": f"reflect-{served.port}={served.token}", "Origin": "http://attacker.example",
               "Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
    assert get(served, "/ws", headers=headers).status == 403


async def read_until(ws, text: bytes, timeout: float = 30.0) -> bytes:
    seen = b""
    async with asyncio.timeout(timeout):
        while text not in seen:
            message = await ws.receive()
            assert message.type == aiohttp.WSMsgType.BINARY, message
            seen += message.data
    return seen


async def test_one_tab_drives_the_journal_and_a_second_is_told_it_is_open_elsewhere(serve):
    with serve() as running:
        cookies = {f"reflect-{running.port}": running.token}
        url = f"ws://127.0.0.1:{running.port}/ws?width=100&height=30"
        async with aiohttp.ClientSession(cookies=cookies) as session:
            async with session.ws_connect(url, origin=f"http://127.0.0.1:{running.port}") as first:
                await read_until(first, b"No reflections yet")
                async with session.ws_connect(url) as second:
                    told = await read_until(second, b"already open in another tab")
                    assert b"reload this page" in told
            # The first tab closed: its app has quit, and the next tab gets the journal.
            async with session.ws_connect(url) as third:
                await read_until(third, b"No reflections yet")


def test_ctrl_c_stops_the_server_cleanly(serve):
    with serve() as running:
        pass
    assert running.process.returncode == 0
    assert "stopped" in running.printed()


def test_a_journal_path_that_cannot_be_one_is_one_line_and_status_2(tmp_path, capsys):
    assert main(["--db", str(tmp_path), "serve", "--no-open"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reflect: ") and err.count("\n") == 1
