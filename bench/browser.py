"""A real browser on `reflect serve`: headless Chromium (the distribution's) through selenium.

Shared by the browser tests (tests/serve/) and the start-up benchmark (:mod:`bench.serve_timing`).
The page draws the terminal on a canvas, so what the app shows is read from what it sends: the
websocket frames in Chromium's performance log, with terminal escapes removed. The same log
lists every request the page made, which is how "nothing from the internet" is checked.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

#: Chromium as Debian installs it; the network is closed where this runs, so everything that
#: phones home is off (background networking shows up as refused connections otherwise).
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1100,720")
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78DEMc]")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_missing() -> str:
    """Why a browser cannot be driven here ("" when it can)."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    if chromium() is None:
        return "chromium is not installed"
    if shutil.which("chromedriver") is None:
        return "chromedriver (chromium-driver) is not installed"
    return ""


@dataclass
class Browser:
    """A driven Chromium tab, with what the served app has drawn so far."""

    driver: object
    screen: bytearray = field(default_factory=bytearray)
    urls: list[str] = field(default_factory=list)

    def pump(self) -> None:
        """Take in Chromium's log since the last call: requests made and frames received."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            method, params = message.get("method"), message.get("params", {})
            if method == "Network.requestWillBeSent":
                self.urls.append(params["request"]["url"])
            elif method == "Network.webSocketCreated":
                self.urls.append(params["url"])
            elif method == "Network.webSocketFrameReceived":
                frame = params["response"]
                data = frame["payloadData"]
                self.screen += base64.b64decode(data) if frame.get("opcode") == 2 else data.encode()

    def text(self) -> str:
        """Everything drawn since the last :meth:`clear`, escapes removed."""
        return ESCAPES.sub(b"", bytes(self.screen)).decode("utf-8", "replace")

    def clear(self) -> None:
        self.pump()
        self.screen.clear()

    def wait_for(self, text: str, timeout: float = 30.0) -> float:
        """Wait until ``text`` has been drawn; return the moment (time.time()) it was seen."""
        deadline = time.monotonic() + timeout
        while True:
            self.pump()
            if text in self.text():
                return time.time()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{text!r} not drawn within {timeout:g} s; drawn: {self.text()[-400:]!r}")
            time.sleep(0.05)

    def crash(self) -> None:
        """End the browser as a crash would (SIGKILL, no goodbye to any page); Linux only."""
        driver_pid = self.driver.service.process.pid
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                pid, rest = stat.read_text().split(" ", 1)
            except OSError:
                continue
            if int(rest.rsplit(")", 1)[1].split()[1]) == driver_pid:  # a child of chromedriver
                os.kill(int(pid), signal.SIGKILL)

    def keys(self, *keys: str) -> None:
        """Type into the page's terminal, as a person would."""
        from selenium.webdriver.common.by import By

        # xterm.js reads keys from a hidden text box: typing goes there, as a click would focus it.
        self.driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(*keys)


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """A fresh headless Chromium with its own profile folder, quit and removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="reflect-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    try:
        driver.set_page_load_timeout(30)
        yield Browser(driver)
    finally:
        try:
            driver.quit()
        except Exception:  # the browser was crashed on purpose: chromedriver still goes
            driver.service.stop()
        shutil.rmtree(profile, ignore_errors=True)


@dataclass
class Served:
    """A running `reflect serve --no-open`: its address and process."""

    url: str
    process: subprocess.Popen
    started_at: float  # time.time() just before the process started
    lines: queue.Queue = field(default_factory=queue.Queue)
    reader: threading.Thread | None = None

    def printed(self) -> str:
        """What the command printed after its address (all of it once the process has ended)."""
        if self.process.poll() is not None and self.reader is not None:
            self.reader.join(timeout=10)
        out = []
        while not self.lines.empty():
            out.append(self.lines.get())
        return "".join(out)

    @property
    def port(self) -> int:
        return int(self.url.split(":")[2].split("/")[0])

    @property
    def token(self) -> str:
        return self.url.split("token=")[1]


@contextmanager
def reflect_serve(db: Path, *, env: dict | None = None, cwd: Path | None = None,
                  timeout: float = 30.0) -> Iterator[Served]:
    """Start `reflect --db DB serve --no-open`; stop it with Ctrl+C (SIGINT) afterwards."""
    started_at = time.time()
    process = subprocess.Popen([sys.executable, "-m", "reflect", "--db", str(db), "serve", "--no-open"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True)
    reader.start()
    try:
        url = _address(lines, process, timeout)
        yield Served(url, process, started_at, lines, reader)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT if os.name != "nt" else signal.CTRL_C_EVENT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        process.stderr.close()


def _address(lines: queue.Queue, process: subprocess.Popen, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            if process.poll() is not None:
                raise RuntimeError(f"reflect serve ended: {process.stderr.read()}") from None
            continue
        if "http://" in line:
            return line.strip()
    raise TimeoutError("reflect serve printed no address")
