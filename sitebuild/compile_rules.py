"""Stage 1: validate policies/ and compile the rule data calc reads (calc/rules.json).

With extra folders (`build.py --policies DIR --sources DIR`), the rule data of this build is
compiled into BUILD/rules.json instead, from policies/ and those folders together.
"""

from __future__ import annotations

import subprocess
import sys

from .paths import EXTRA_POLICIES, EXTRA_SOURCES, ROOT, RULES_JSON


def run() -> None:
    command = [sys.executable, "-m", "policies.compile"]
    if EXTRA_POLICIES or EXTRA_SOURCES:
        for folder in EXTRA_POLICIES:
            command += ["--policies", str(folder)]
        for folder in EXTRA_SOURCES:
            command += ["--sources", str(folder)]
        command += ["--out", str(RULES_JSON)]
    subprocess.run(command, cwd=ROOT, check=True)
