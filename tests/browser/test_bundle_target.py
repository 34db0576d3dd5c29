"""Issue 13: the JavaScript the calculator runs parses in the oldest browsers the support page
names (docs/browsers.md; sitebuild/bundle.py's TARGET, the esbuild target the bundle is compiled
for). esbuild given the target rewrites (or refuses) any syntax those browsers lack: a file it
leaves exactly as it leaves it for `esnext` holds none. Checked on every script of the built
site's calculator (the bundle, the worker, the QR modules) and on the Pyodide runtime's own."""

from __future__ import annotations

import re
import subprocess

import pytest

from sitebuild.bundle import ESBUILD, TARGET

from .conftest import ROOT, SITE


def lowered(code: str, target: str) -> str:
    done = subprocess.run([str(ESBUILD), "--loader=js", f"--target={target}", "--log-level=error"],
                          input=code, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, f"esbuild cannot compile this for {target}: {done.stderr}"
    return done.stdout


def newer_than_target(code: str) -> bool:
    return lowered(code, TARGET) != lowered(code, "esnext")


def shipped_scripts():
    scripts = sorted((SITE / "calculator").glob("*.js")) + sorted((SITE / "pyodide").glob("*/*.mjs"))
    return [p for p in scripts if p.is_file()]


def test_the_check_sees_newer_syntax():
    # Firefox supports the RegExp v flag from 116 (after 114), Safari from 17: esbuild rewrites it
    assert newer_than_target("export const letters = /[\\p{L}--[a-z]]/v;")
    assert not newer_than_target("export const a = b?.c ?? d; class A { #x = 1; static { A.y = 2; } }")


def test_there_are_scripts_to_check():
    names = {p.name for p in shipped_scripts()}
    assert {"app.js", "worker.js", "pyodide.mjs", "pyodide.asm.mjs"} <= names


@pytest.mark.parametrize("path", shipped_scripts(), ids=lambda p: p.relative_to(SITE).as_posix())
def test_script_parses_in_the_oldest_supported_browsers(path):
    assert not newer_than_target(path.read_text("utf-8")), f"{path.name} uses syntax newer than {TARGET}"


def test_the_support_page_names_the_target():
    page = (ROOT / "docs" / "browsers.md").read_text("utf-8")
    versions = dict(re.findall(r"([a-z]+)(\d[\d.]*)", TARGET))
    assert f"| {versions['chrome']} |" in page and f"| {versions['firefox']} |" in page
    assert f"iOS / iPadOS {versions['ios']}" in page and f"| {versions['safari']} |" in page
