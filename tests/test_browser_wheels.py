"""The third-party wheels the site ships to Pyodide for the 单位批量自查 page (sitebuild/
browser_wheels.py): pinned by version and SHA-256, the same versions the command line uses, taken
from the build's cache when it holds them with their hash (a rebuild downloads nothing), and
registered in the lockfile beside calc."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from sitebuild import browser_wheels

ROOT = Path(__file__).resolve().parent.parent


def test_the_pins_are_requirements_devs_versions():
    dev = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements-dev.txt").read_text("utf-8"), re.M))
    pins = browser_wheels.pins()
    assert {p.name for p in pins} == {"openpyxl", "et_xmlfile"}
    assert {p.name: p.version for p in pins} == {p.name: dev[p.name] for p in pins}


def fake_wheel(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


@pytest.fixture()
def pinned(tmp_path):
    """A requirements file pinning two made-up wheels, and their contents."""
    contents = {"openpyxl-3.1.5-py2.py3-none-any.whl": b"one", "et_xmlfile-2.0.0-py3-none-any.whl": b"two"}
    lines = [f"{name.split('-')[0]}=={name.split('-')[1]} --hash=sha256:{hashlib.sha256(data).hexdigest()}"
             for name, data in contents.items()]
    requirements = tmp_path / "wheels.txt"
    requirements.write_text("# pinned\n" + "\n".join(lines) + "\n", "utf-8")
    return requirements, contents


def test_a_rebuild_takes_the_wheels_from_the_cache_without_downloading(pinned, tmp_path, monkeypatch):
    requirements, contents = pinned
    cache = tmp_path / "cache"
    cache.mkdir()
    for name, data in contents.items():
        fake_wheel(cache, name, data)
    monkeypatch.setattr(browser_wheels, "download", lambda *a: pytest.fail("downloaded although the cache holds the files"))
    copies = browser_wheels.fetch(tmp_path / "out", requirements, cache)
    assert {p.name: p.read_bytes() for p in copies} == contents


def test_a_cached_file_with_another_hash_is_downloaded_again(pinned, tmp_path, monkeypatch):
    requirements, contents = pinned
    cache = tmp_path / "cache"
    cache.mkdir()
    fake_wheel(cache, "openpyxl-3.1.5-py2.py3-none-any.whl", b"tampered")
    fake_wheel(cache, "et_xmlfile-2.0.0-py3-none-any.whl", contents["et_xmlfile-2.0.0-py3-none-any.whl"])
    asked = []

    def download(reqs, folder):
        asked.append(reqs)
        for name, data in contents.items():
            fake_wheel(folder, name, data)

    monkeypatch.setattr(browser_wheels, "download", download)
    copies = browser_wheels.fetch(tmp_path / "out", requirements, cache)
    assert asked == [requirements]
    assert {p.name: p.read_bytes() for p in copies} == contents


def test_a_download_that_does_not_give_the_pinned_file_stops_the_build(pinned, tmp_path, monkeypatch):
    requirements, _ = pinned
    monkeypatch.setattr(browser_wheels, "download", lambda reqs, folder: fake_wheel(folder, "openpyxl-3.1.5-py2.py3-none-any.whl", b"x"))
    with pytest.raises(SystemExit, match="openpyxl==3.1.5 with sha256"):
        browser_wheels.fetch(tmp_path / "out", requirements, tmp_path / "cache")


def test_a_line_that_is_not_a_pin_stops_the_build(tmp_path):
    requirements = tmp_path / "wheels.txt"
    requirements.write_text("openpyxl>=3\n", "utf-8")
    with pytest.raises(SystemExit, match="wheels.txt:1"):
        browser_wheels.pins(requirements)


def test_the_built_lockfile_lists_them_beside_calc_with_their_hashes():
    lock = ROOT / "site" / "pyodide" / "pyodide-lock.json"
    if not lock.exists():
        pytest.skip("site/ is not built: run `python build.py`")
    packages = json.loads(lock.read_text("utf-8"))["packages"]
    assert set(packages) == {"calc", "openpyxl", "et-xmlfile"}
    for pin in browser_wheels.pins():
        entry = next(e for e in packages.values() if pin.matches(Path(e["file_name"])))
        assert entry["sha256"] == pin.sha256
        assert hashlib.sha256((lock.parent / entry["file_name"]).read_bytes()).hexdigest() == pin.sha256
    assert packages["openpyxl"]["depends"] == ["et-xmlfile"] and packages["calc"]["depends"] == []
