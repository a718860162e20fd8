"""A real headless browser for the tests of pages staff open: Debian's chromium, driven through
its chromedriver's W3C WebDriver protocol on the loopback (a few calls, so no client library).
The README's test command installs both. Offline: the browser has no network at all, so a page
that needed one would show it."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from typing import Iterator

INSTALL = "apt-get install chromium chromium-driver (see the README's test command)"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>")  # a proxy that is not there


class Browser:
    def __init__(self, base: str):
        self._base = base

    def call(self, method: str, path: str, body: dict | None = None):
        request = urllib.request.Request(
            f"{self._base}{path}", method=method, headers={"Content-Type": "application/json"},
            data=None if body is None else json.dumps(body).encode())
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{method} {path}: {json.loads(exc.read())['value']}") from None

    def get(self, url: str) -> None:
        self.call("POST", "/url", {"url": url})

    @property
    def title(self) -> str:
        return self.call("GET", "/title")

    def script(self, body: str, *args):
        return self.call("POST", "/execute/sync", {"script": body, "args": list(args)})

    def find(self, css: str) -> str:
        return self.call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT]

    def click(self, css: str) -> None:
        self.call("POST", f"/element/{self.find(css)}/click", {})

    def type(self, css: str, text: str) -> None:
        self.call("POST", f"/element/{self.find(css)}/value", {"text": text})

    def text(self, css: str) -> str:
        return self.call("GET", f"/element/{self.find(css)}/text")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def offline_browser() -> Iterator[Browser]:
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    assert chromium and chromedriver, f"the page tests need a headless browser: {INSTALL}"
    port = _free_port()
    driver = subprocess.Popen([chromedriver, f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        server = Browser(f"http://127.0.0.1:{port}")
        for _ in range(100):
            try:
                if server.call("GET", "/status")["ready"]:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        session = server.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": {"binary": chromium, "args": list(FLAGS)}}}})
        browser = Browser(f"http://127.0.0.1:{port}/session/{session['sessionId']}")
        try:
            browser.call("POST", "/goog/cdp/execute", {"cmd": "Network.enable", "params": {}})
            browser.call("POST", "/goog/cdp/execute", {"cmd": "Network.emulateNetworkConditions", "params": {
                "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}})
            yield browser
        finally:
            browser.call("DELETE", "")
    finally:
        driver.terminate()
        driver.wait(timeout=30)
