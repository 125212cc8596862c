"""Holding an app's output until its browser tab connects (see :class:`Relay`)."""

from __future__ import annotations

from aiohttp import web


class Relay:
    """Where an app's output goes: held until a tab's websocket is attached, then sent there.

    It lets the first app start while the browser is still loading the page (the app's start
    is most of the wait); what it drew meanwhile, terminal set-up included, is sent first.
    """

    def __init__(self) -> None:
        self.held: list[tuple[str, object]] = []
        self.websocket: web.WebSocketResponse | None = None

    async def _send(self, kind: str, data) -> None:
        if self.websocket is None:
            self.held.append((kind, data))
            return
        try:
            await _deliver(self.websocket, kind, data)
        except ConnectionError:
            # The tab has gone and its app is being told to quit. Its output must still be
            # read to the end (textual-serve stops reading at the first failed send, and the
            # app, unread, would be killed before it could keep its draft): drop it here.
            pass

    async def write_bytes(self, data: bytes) -> None:
        await self._send("bytes", data)

    async def write_str(self, data: str) -> None:
        await self._send("str", data)

    async def close(self) -> None:
        await self._send("close", None)

    async def attach(self, websocket: web.WebSocketResponse) -> None:
        """Send what was held, in order, then everything as it comes."""
        while self.held:  # output arriving meanwhile joins the queue
            kind, data = self.held.pop(0)
            try:
                await _deliver(websocket, kind, data)
            except ConnectionError:
                pass
        self.websocket = websocket


async def _deliver(websocket: web.WebSocketResponse, kind: str, data) -> None:
    if kind == "bytes":
        await websocket.send_bytes(data)
    elif kind == "str":
        await websocket.send_str(data)
    else:
        await websocket.close()
