"""Stage 1: validate policies/ and compile the rule data calc reads (calc/rules.json)."""

from __future__ import annotations

import subprocess
import sys

from .paths import ROOT


def run() -> None:
    subprocess.run([sys.executable, "-m", "policies.compile"], cwd=ROOT, check=True)
