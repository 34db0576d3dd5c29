"""Two more browser engines behind one small interface, for the main flows (issue 13).

- WebKitGTK (Safari's engine; Debian's webkit2gtk-driver) through selenium's WebKitGTK driver,
  in an X display of its own (Xvfb picks a free display number and says which: -displayfd).
- Firefox ESR (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi, in Node
  (firefox_driver.mjs beside this file, which answers one JSON command per line).

Both offer goto, run (a JavaScript function's source, called with JSON arguments; its JSON
result), wait_for (run until the function returns something true), click, fill, select, upload,
reload, pdf and close. Waiting is always on a condition in the page, polled; never a fixed sleep.

Each engine's clock shows TODAY (calc's verdicts depend on the day: the page passes the device's
local date): WebKitGTK's processes run under libfaketime (Debian's faketime; LD_PRELOAD is
inherited by the web process), moved back or forward to noon of that day and running on from
there; Firefox, which does not start under libfaketime, gets a script before each document that
moves the page's Date the same way (WebDriver BiDi's preload scripts, as puppeteer offers them).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from ..conftest import TODAY  # the day every browser's clock shows

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
FIREFOX = "/usr/bin/firefox-esr"
XVFB = "Xvfb"
NODE = "node"
POLL_S = 0.1
LOG_TAIL = 40  # lines of an engine's own log shown with a failed test
FAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1"


def seconds_to(day: str) -> int:
    """Seconds from now to noon of `day` (local time), for libfaketime's relative offset."""
    from datetime import datetime

    return round(datetime.fromisoformat(f"{day}T12:00:00").timestamp() - time.time())


class EngineMissing(Exception):
    """An engine or its driver is not installed: the message says what to install."""


class Engine:
    name = "?"
    version = "?"
    can_print = True  # pdf() gives the page as printed

    def run(self, function: str, *args):
        raise NotImplementedError

    def log_tail(self) -> str:
        """The last lines the engine's own processes wrote, for a failed test's report ("" if none)."""
        return ""

    def wait_for(self, function: str, *args, timeout: float = 90.0):
        """Poll `function(...args)` in the page until it returns a true value; return that value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(function, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: waited {timeout:.0f} s for {function}")
            time.sleep(POLL_S)


# ---- WebKitGTK ---------------------------------------------------------------------------------


class WebKit(Engine):
    name = "webkitgtk"
    can_print = False  # WebKitWebDriver 2.50 has no Print Page command ("Unknown command")

    def __init__(self):
        missing = [p for p, ok in [("webkit2gtk-driver", Path(WEBKIT_DRIVER).exists()), ("xvfb", shutil.which(XVFB)),
                                   ("faketime", Path(FAKETIME).exists())] if not ok]
        if missing:
            raise EngineMissing(f"{' and '.join(missing)} missing: apt-get install -y {' '.join(missing)} (scripts/test does it)")
        try:
            from selenium import webdriver
            from selenium.webdriver.webkitgtk.service import Service
        except ImportError as err:
            raise EngineMissing(f"selenium missing ({err}): pip install -r requirements-dev.txt (scripts/test does it)") from err
        self.xvfb, display = start_xvfb()
        try:
            clock = {"LD_PRELOAD": FAKETIME, "FAKETIME": f"{seconds_to(TODAY):+d}"}
            # WebKitWebDriver's output and the browser's (MiniBrowser and its web process inherit it):
            # nothing on a good run; a test that fails shows its last lines (conftest.py)
            self.log = Path(tempfile.mkstemp(prefix="webkitgtk-", suffix=".log")[1])
            service = Service(executable_path=WEBKIT_DRIVER, env={**os.environ, "DISPLAY": display, **clock},
                              log_output=str(self.log))
            options = webdriver.WebKitGTKOptions()
            self.driver = webdriver.WebKitGTK(options=options, service=service)
        except Exception:
            self.xvfb.terminate()
            self.log.unlink(missing_ok=True)
            raise
        self.driver.set_window_size(1280, 900)
        self.version = self.driver.capabilities.get("browserVersion", "?")

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def run(self, function: str, *args):
        return self.driver.execute_script(f"return ({function}).apply(null, arguments);", *args)

    def element(self, selector: str):
        return self.driver.find_element("css selector", selector)

    def click(self, selector: str) -> None:
        self.element(selector).click()

    def fill(self, selector: str, text: str) -> None:
        element = self.element(selector)
        element.clear()
        element.send_keys(text)

    def select(self, selector: str, value: str) -> None:
        from selenium.webdriver.support.select import Select

        Select(self.element(selector)).select_by_value(value)

    def upload(self, selector: str, path: Path) -> None:
        self.element(selector).send_keys(str(path))

    def reload(self) -> None:
        self.driver.refresh()

    def pdf(self) -> bytes:
        raise NotImplementedError("WebKitWebDriver cannot print")

    def log_tail(self) -> str:
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-LOG_TAIL:])

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.xvfb.terminate()
            self.xvfb.wait(timeout=10)
            self.log.unlink(missing_ok=True)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on the first free display; it writes the display's number to the pipe we give it."""
    read, write = os.pipe()
    process = subprocess.Popen(
        [XVFB, "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        process.terminate()
        raise EngineMissing("Xvfb did not start (no display number)")
    return process, f":{number}"


# ---- Firefox -----------------------------------------------------------------------------------


class Firefox(Engine):
    name = "firefox"

    def __init__(self):
        if not Path(FIREFOX).exists():
            raise EngineMissing("firefox-esr missing: apt-get install -y firefox-esr (scripts/test does it)")
        if not (ROOT / "node_modules" / "puppeteer-core").exists():
            raise EngineMissing("puppeteer-core missing: npm ci (package.json pins it; scripts/test does it)")
        if not shutil.which(NODE):
            raise EngineMissing("node missing: apt-get install -y nodejs npm")
        self.process = subprocess.Popen(
            [NODE, str(HERE / "firefox_driver.mjs"), FIREFOX, f"{TODAY}T12:00:00"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None, text=True, encoding="utf-8", cwd=ROOT,
        )
        self.next_id = 0
        self.version = self.call("version")

    def call(self, command: str, *args):
        self.next_id += 1
        self.process.stdin.write(json.dumps({"id": self.next_id, "cmd": command, "args": list(args)}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"firefox driver ended (exit {self.process.poll()}) during {command}")
        answer = json.loads(line)
        if answer.get("id") != self.next_id:
            raise RuntimeError(f"firefox driver answered {answer!r} to {command}")
        if "error" in answer:
            raise RuntimeError(f"firefox {command}: {answer['error']}")
        return answer.get("value")

    def goto(self, url: str) -> None:
        self.call("goto", url)

    def run(self, function: str, *args):
        return self.call("run", function, list(args))

    def click(self, selector: str) -> None:
        self.call("click", selector)

    def fill(self, selector: str, text: str) -> None:
        self.call("fill", selector, text)

    def select(self, selector: str, value: str) -> None:
        self.call("select", selector, value)

    def upload(self, selector: str, path: Path) -> None:
        self.call("upload", selector, str(path))

    def reload(self) -> None:
        self.call("reload")

    def pdf(self) -> bytes:
        return base64.b64decode(self.call("pdf"))

    def close(self) -> None:
        try:
            self.call("close")
        except (RuntimeError, OSError, ValueError):
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


ENGINES = {"webkitgtk": WebKit, "firefox": Firefox}
