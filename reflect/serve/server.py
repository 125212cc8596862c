"""The web server behind `reflect serve`: private to this machine and to whoever has the address.

Privacy comes from three checks on every request, before anything else runs:

* the socket listens on 127.0.0.1 only, on a port the system picks (never another interface);
* the Host header must be exactly ``127.0.0.1:PORT``: a page on another site that points its
  own name at 127.0.0.1 (DNS rebinding) sends its own name, and is refused;
* the secret token, made fresh for each run, must be in the address (``?token=``) or in the
  cookie the page sets from it (the page's script, fonts, websocket and downloads carry that).

The page is our own (``page.html``): it loads only the script, stylesheet and font shipped in
``textual-serve``, and its Content-Security-Policy stops the browser fetching anything else.

The first tab's app starts with the server, while the browser opens and loads the page (the
app's start is most of the wait); later tabs start theirs when they connect.

One tab drives the journal at a time. Each tab's websocket would start its own app process,
and two apps on one journal would each keep their own draft of the same reflection; so a
second tab is told, in its terminal, that the journal is open elsewhere. Closing the tab (or
the browser dying) closes the websocket: the app is asked to quit, which keeps any unsaved
writing as a draft, offered back when the journal is next opened.
"""

from __future__ import annotations

import asyncio
import hmac
import html
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path
from typing import Callable

from aiohttp import WSMsgType, web

from reflect.serve.relay import Relay

HERE = Path(__file__).parent
#: How long a new tab waits for a tab that still has the journal open to let it go.
HANDOVER_S = 2.0
#: How long a closing app gets to keep its draft and exit before it is stopped.
STOP_S = 10.0
#: The size the first app starts at, before its tab says its own (columns, rows).
FIRST_SIZE = (120, 36)
ELSEWHERE = (
    "\x1b[2J\x1b[H\x1b[1mreflect is already open in another tab or window.\x1b[0m\r\n\r\n"
    "One tab at a time writes to your journal, so that nothing you type is kept twice.\r\n"
    "Carry on in that tab, or close it and reload this page.\r\n"
)


def textual_serve_static() -> Path:
    """The folder of textual-serve's page assets (its terminal script, stylesheet and fonts)."""
    import textual_serve

    return Path(textual_serve.__file__).parent / "static"


def bind_loopback() -> socket.socket:
    """A listening socket on 127.0.0.1 and a free port the system chooses."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.set_inheritable(False)
    return sock


def shell_command(argv: list[str]) -> str:
    """``argv`` as one command line (textual-serve starts the app through the shell)."""
    if os.name == "nt":
        return subprocess.list2cmdline(argv)
    import shlex

    # exec: the shell becomes the app, so stopping the process stops the app itself.
    return "exec " + shlex.join(argv)


class BrowserServer:
    """Serves the app started by ``command`` (an argv) to browser tabs on this machine."""

    def __init__(self, command: list[str], *, sock: socket.socket | None = None) -> None:
        self.command = shell_command(command)
        self.sock = sock or bind_loopback()
        self.port: int = self.sock.getsockname()[1]
        self.token = secrets.token_urlsafe(32)
        self.host = f"127.0.0.1:{self.port}"
        self.origin = f"http://{self.host}"
        self.url = f"{self.origin}/?token={self.token}"
        # Cookies belong to a host, not a port: two servers at once must not share one.
        self.cookie = f"reflect-{self.port}"
        self.sockets: set[web.WebSocketResponse] = set()
        #: The tab driving the journal, until its app has quit.
        self._driver: web.WebSocketResponse | None = None
        #: The app started with the server, for the first tab: (service, relay).
        self._ready_app: tuple | None = None
        from textual_serve.download_manager import DownloadManager

        self.downloads = DownloadManager()

    # -- the checks ----------------------------------------------------------------------------

    def _has_token(self, request: web.Request) -> bool:
        given = request.query.get("token") or request.cookies.get(self.cookie) or ""
        return hmac.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def guard(self, request: web.Request, handler: Callable) -> web.StreamResponse:
        """Refuse any request for another host name or without the token."""
        if request.headers.get("Host") != self.host:
            return web.Response(status=421, text="refused: this server answers only to " + self.host)
        if not self._has_token(request):
            return web.Response(status=403, text="refused: open reflect with the address `reflect serve` gave")
        response = await handler(request)
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    # -- the page ------------------------------------------------------------------------------

    def make_app(self) -> web.Application:
        """The aiohttp application: the page, the websocket, downloads, static files."""
        app = web.Application(middlewares=[self.guard])
        app.add_routes([
            web.get("/", self.handle_page),
            web.get("/ws", self.handle_websocket),
            web.get("/download/{key}", self.handle_download),
            web.static("/static", textual_serve_static()),
            web.static("/reflect", HERE / "static"),
        ])
        app.on_shutdown.append(self._close_sockets)
        return app

    async def handle_page(self, request: web.Request) -> web.Response:
        """The page: a terminal filling the window, fonts and script from this server only."""
        font_size = request.query.get("fontsize", "16")
        page = (HERE / "page.html").read_text(encoding="utf-8")
        page = page.replace("{{ws_url}}", html.escape(f"ws://{self.host}/ws"))
        page = page.replace("{{font_size}}", str(int(font_size)) if font_size.isdigit() else "16")
        response = web.Response(text=page, content_type="text/html")
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            f"img-src 'self' data:; connect-src {self.origin} ws://{self.host}; "
            "form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
        response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict", path="/")
        return response

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """An export the app offers to the browser (``App.deliver_binary``), as a download."""
        key = request.match_info["key"]
        try:
            meta = await self.downloads.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="no such download") from None
        response = web.StreamResponse()
        response.headers["Content-Type"] = meta.mime_type + (f"; charset={meta.encoding}" if meta.encoding else "")
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        name = meta.file_name.replace('"', "").replace("\\", "")
        response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
        await response.prepare(request)
        async for chunk in self.downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    # -- the app -------------------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab's terminal: starts the app for it, or says the journal is open elsewhere."""
        if request.headers.get("Origin", self.origin) != self.origin:
            raise web.HTTPForbidden(text="refused: another site's page")
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        self.sockets.add(websocket)
        try:
            if not await self._take_the_journal(websocket):
                await websocket.send_bytes(ELSEWHERE.encode())
                async for _ in websocket:  # stay until the tab goes, so the message stays up
                    pass
                return websocket
            try:
                await self._run_app(websocket, request)  # returns once its app has quit
            finally:
                self._driver = None
        finally:
            self.sockets.discard(websocket)
        return websocket

    async def _take_the_journal(self, websocket: web.WebSocketResponse) -> bool:
        """Make ``websocket``'s tab the one that drives the journal; False if another still does.

        A reloaded tab connects again while its old connection is still closing: it waits for
        that app to quit (up to :data:`STOP_S`). A tab whose connection stays open keeps the
        journal; the newcomer gives up after :data:`HANDOVER_S`.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + HANDOVER_S
        while self._driver is not None:  # checked and taken with no await between: no race
            closing = self._driver.closed
            if loop.time() > deadline + (STOP_S if closing else 0):
                return False
            await asyncio.sleep(0.05)
        self._driver = websocket
        return True

    async def _start_app(self, width: int, height: int):
        """Start an app for a tab to come: (service, relay)."""
        from textual_serve.app_service import AppService

        relay = Relay()
        service = AppService(self.command, write_bytes=relay.write_bytes, write_str=relay.write_str,
                             close=relay.close, download_manager=self.downloads)
        await service.start(width, height)
        return service, relay

    async def _start_first_app(self, app: web.Application) -> None:
        # Most of the wait for the first screen is the app starting: start it now, while the
        # browser opens and loads the page; the first tab to connect gets it.
        self._ready_app = await self._start_app(FIRST_SIZE[0], FIRST_SIZE[1])

    async def _run_app(self, websocket: web.WebSocketResponse, request: web.Request) -> None:
        def size(name: str, default: int) -> int:
            value = request.query.get(name, "")
            return int(value) if value.isdigit() else default

        width, height = size("width", 80), size("height", 24)
        ready, self._ready_app = self._ready_app, None
        if ready is not None and ready[0]._process.returncode is None:
            service, relay = ready
            await service.set_terminal_size(width, height)
        else:
            if ready is not None:
                await self._stop(ready[0])
            service, relay = await self._start_app(width, height)
        await relay.attach(websocket)
        try:
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                kind, *data = message.json()
                if kind == "stdin":
                    await service.send_bytes(data[0].encode("utf-8"))
                elif kind == "resize":
                    await service.set_terminal_size(data[0]["width"], data[0]["height"])
                elif kind == "ping":
                    await websocket.send_json(["pong", data[0]])
                elif kind == "blur":
                    await service.blur()
                elif kind == "focus":
                    await service.focus()
        finally:
            await self._stop(service)

    async def _stop(self, service) -> None:
        """Ask the app to quit (it keeps any unsaved writing as a draft); stop it if it hangs."""
        process = service._process  # textual-serve keeps it to itself; only a hung app needs it

        async def quit() -> None:
            await service.stop()  # returns when the app's output ends; its exit comes after
            if process is not None:
                await process.wait()

        try:
            await asyncio.wait_for(quit(), STOP_S)
        except (TimeoutError, ConnectionError):
            pass
        if process is not None and process.returncode is None:
            process.kill()
        if process is not None:
            await process.wait()

    async def _close_sockets(self, app: web.Application) -> None:
        # Ctrl+C: close every tab's websocket, so each app quits cleanly and keeps its draft.
        await asyncio.gather(*(ws.close() for ws in list(self.sockets)), return_exceptions=True)
        ready, self._ready_app = self._ready_app, None
        if ready is not None:  # no tab ever came for it
            await self._stop(ready[0])

    def serve(self, on_ready: Callable[[], None] | None = None, *, start_app_early: bool = True) -> None:
        """Serve until Ctrl+C (or SIGTERM); ``on_ready`` runs once the address answers.

        ``start_app_early`` starts the first tab's app with the server rather than when the tab
        connects (it sits idle, drawing nothing anyone sees, until then)."""

        async def ready(app: web.Application) -> None:
            if on_ready is not None:
                on_ready()

        app = self.make_app()
        app.on_startup.append(ready)
        if start_app_early:
            app.on_startup.append(self._start_first_app)
        web.run_app(app, sock=self.sock, print=None, access_log=None, shutdown_timeout=STOP_S + 2,
                    handle_signals=True)


def python_command(extra: list[str]) -> list[str]:
    """The app as this interpreter runs it: ``python -m reflect`` plus ``extra``."""
    return [sys.executable, "-m", "reflect", *extra]
