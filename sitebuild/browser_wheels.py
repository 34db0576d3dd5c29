"""Stage 3a': the third-party wheels the site ships to Pyodide (openpyxl and et_xmlfile, for the
单位批量自查 page), as exact files from PyPI.

sitebuild/browser-wheels.txt pins each by version and SHA-256. The files are fetched at build time
with `pip download --no-deps --only-binary=:all: --require-hashes` (from the index pip is
configured with: PyPI, or a mirror of it; the hash decides) into build/wheel-cache/, where a
rebuild finds them without downloading again, and copied next to the calc wheel; stage 3b
registers them in the lockfile. The site never fetches them from anywhere but itself, and only the
batch page asks for them (the calculator loads calc alone).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .paths import BUILD

REQUIREMENTS = Path(__file__).with_name("browser-wheels.txt")
CACHE = BUILD / "wheel-cache"
PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>\S+)\s+--hash=sha256:(?P<sha256>[0-9a-f]{64})\s*$")


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    sha256: str

    def matches(self, wheel: Path) -> bool:
        """A wheel file of this project and version (PEP 427 names: `_` for `-`, any case)."""
        project, version = wheel.name.split("-")[:2]
        return normalized(project) == normalized(self.name) and version == self.version


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def pins(requirements: Path = REQUIREMENTS) -> list[Pin]:
    found = []
    for number, line in enumerate(requirements.read_text("utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        if not match:
            raise SystemExit(f"build: {requirements}:{number}: expected NAME==VERSION --hash=sha256:HEX, got {line!r}")
        found.append(Pin(**match.groupdict()))
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cached(pin: Pin, cache: Path) -> Path | None:
    """The pinned file in the cache, if it is there with its hash."""
    return next((p for p in sorted(cache.glob("*.whl")) if pin.matches(p) and sha256(p) == pin.sha256), None)


def download(requirements: Path, cache: Path) -> None:
    """pip download every pin into the cache (pip checks the hashes; so does fetch())."""
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--require-hashes",
                   "--disable-pip-version-check", "--quiet", "-r", str(requirements), "-d", tmp]
        if subprocess.run(command).returncode != 0:
            raise SystemExit(f"build: pip could not download the wheels pinned in {requirements} (no network, or no index?)")
        for wheel in Path(tmp).glob("*.whl"):
            shutil.move(wheel, cache / wheel.name)


def fetch(out_dir: Path, requirements: Path = REQUIREMENTS, cache: Path = CACHE) -> list[Path]:
    """Each pinned wheel, checked by its hash, copied into out_dir; returns the copies."""
    wanted = pins(requirements)
    cache.mkdir(parents=True, exist_ok=True)
    if any(cached(pin, cache) is None for pin in wanted):
        download(requirements, cache)
    out_dir.mkdir(parents=True, exist_ok=True)
    copies = []
    for pin in wanted:
        wheel = cached(pin, cache)
        if wheel is None:
            raise SystemExit(f"build: no wheel of {pin.name}=={pin.version} with sha256 {pin.sha256} after pip download")
        if not wheel.name.endswith("-none-any.whl"):
            raise SystemExit(f"build: {wheel.name} is not a pure-Python wheel: Pyodide cannot load it from the lockfile")
        copies.append(Path(shutil.copyfile(wheel, out_dir / wheel.name)))
    return copies
