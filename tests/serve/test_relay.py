"""The relay between the first app (started with the server) and the tab that comes for it."""

from __future__ import annotations

import asyncio

from reflect.serve.relay import Relay


class Tab:
    """Stands in for a tab's websocket: records what it is sent, in order."""

    def __init__(self) -> None:
        self.sent: list = []

    async def send_bytes(self, data: bytes) -> None:
        await asyncio.sleep(0)  # a real send yields: output may arrive meanwhile
        self.sent.append(data)

    async def send_str(self, data: str) -> None:
        await asyncio.sleep(0)
        self.sent.append(data)

    async def close(self) -> None:
        self.sent.append("closed")


async def test_output_before_the_tab_arrives_is_sent_first_and_in_order():
    relay, tab = Relay(), Tab()
    await relay.write_bytes(b"\x1b[?1049h")  # terminal set-up, drawn before any tab exists
    await relay.write_bytes(b"first frame")
    await relay.write_str('["open_url", {}]')
    attaching = asyncio.create_task(relay.attach(tab))
    await asyncio.sleep(0)
    await relay.write_bytes(b"while attaching")  # joins the queue behind what was held
    await attaching
    await relay.write_bytes(b"live")
    await relay.close()
    assert tab.sent == [b"\x1b[?1049h", b"first frame", '["open_url", {}]', b"while attaching", b"live", "closed"]


async def test_an_app_that_ends_before_its_tab_comes_closes_the_tab_after_its_last_words():
    relay, tab = Relay(), Tab()
    await relay.write_bytes(b"goodbye")
    await relay.close()
    await relay.attach(tab)
    assert tab.sent == [b"goodbye", "closed"]


class ClosedTab(Tab):
    async def send_bytes(self, data: bytes) -> None:
        raise ConnectionResetError("Cannot write to closing transport")


async def test_output_for_a_tab_that_has_gone_is_dropped_not_raised():
    # textual-serve stops reading an app's output at the first failed send; the app, unread,
    # would then be killed before it had kept its draft.
    relay = Relay()
    await relay.attach(ClosedTab())
    await relay.write_bytes(b"a cursor blink after the tab closed")
    await relay.write_bytes(b"and the app's goodbye")
