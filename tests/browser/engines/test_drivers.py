"""A missing engine is an error that says what to install; the `engine` fixture (conftest.py)
turns it into a failure of the test, as the Chromium fixture does: never a silent skip."""

from __future__ import annotations

import pytest

from . import drivers


def test_missing_webkit_driver_says_what_to_install(monkeypatch):
    monkeypatch.setattr(drivers, "WEBKIT_DRIVER", "/nonexistent/WebKitWebDriver")
    with pytest.raises(drivers.EngineMissing, match="apt-get install -y webkit2gtk-driver"):
        drivers.WebKit()


def test_missing_firefox_says_what_to_install(monkeypatch):
    monkeypatch.setattr(drivers, "FIREFOX", "/nonexistent/firefox-esr")
    with pytest.raises(drivers.EngineMissing, match="apt-get install -y firefox-esr"):
        drivers.Firefox()

