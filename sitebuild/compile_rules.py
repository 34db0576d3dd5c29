"""Stage 1: validate policies/ and compile the rule data calc reads (calc/rules.json)."""

from __future__ import annotations

import subprocess
import sys

from .paths import ROOT, RULES_JSON


def run() -> None:
    module = ROOT / "policies" / "compile.py"
    package = ROOT / "policies" / "compile" / "__main__.py"
    if not (module.exists() or package.exists()):
        state = "exists" if RULES_JSON.exists() else "is missing too"
        print(f"  skipped: policies/compile.py does not exist yet; calc/rules.json {state}")
        return
    subprocess.run([sys.executable, "-m", "policies.compile"], cwd=ROOT, check=True)
