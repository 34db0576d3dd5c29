"""Stage 3a: package calc/ as a pure-Python wheel (py3-none-any), with the standard library only.

The wheel holds every file under calc/ except caches and calc/schemas/ (the formats written down
for people and tests; the browser never reads them), so calc/rules.json (package data) is in it.
It is reproducible: files in sorted order with a fixed timestamp.
"""

from __future__ import annotations

import base64
import hashlib
import re
import tomllib
import zipfile
from pathlib import Path

from .paths import CALC, ROOT, RULES_JSON

DIST_NAME = "calc"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def calc_version() -> str:
    """[project].version of pyproject.toml when it names one, else 0.0.0."""
    pyproject = ROOT / "pyproject.toml"
    if pyproject.exists():
        version = tomllib.loads(pyproject.read_text("utf-8")).get("project", {}).get("version")
        if isinstance(version, str) and re.fullmatch(r"[0-9][0-9A-Za-z.+-]*", version):
            return version
    return "0.0.0"


def _package_files(package: Path) -> list[Path]:
    return sorted(
        p for p in package.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and "schemas" not in p.relative_to(package).parts
        and p.suffix not in {".pyc", ".pyo"}
    )


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(out_dir: Path, package: Path = CALC, rules: Path = RULES_JSON) -> Path:
    """The wheel of `package`, with `rules` as its rules.json (this build's rule data)."""
    version = calc_version()
    if not (package / "__init__.py").exists():
        raise SystemExit(f"build: {package}/__init__.py is missing: there is no calc package to ship")
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (f"{package.name}/{p.relative_to(package).as_posix()}",
         rules.read_bytes() if p == package / "rules.json" else p.read_bytes())
        for p in _package_files(package)
    ]
    entries.append((f"{dist_info}/METADATA", (
        "Metadata-Version: 2.1\n"
        f"Name: {DIST_NAME}\n"
        f"Version: {version}\n"
        "Summary: Continuing-education hours calculation core (standard library only)\n"
        "Requires-Python: >=3.12\n"
    ).encode()))
    entries.append((f"{dist_info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: sitebuild.wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    ).encode()))
    entries.append((f"{dist_info}/top_level.txt", f"{package.name}\n".encode()))
    record = "\n".join(_record_line(n, d) for n, d in entries) + f"\n{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    wheel = out_dir / f"{DIST_NAME}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return wheel
