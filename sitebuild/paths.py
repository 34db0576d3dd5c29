"""Where things are. Paths are not resolved, so a checkout reached through a symlink works.

A build may take notices from more folders than policies/ and sources/ (a new region being tried
out, the test fixture): `python build.py --policies DIR --sources DIR --build DIR --site DIR`
sets the environment variables below before this module is imported. Such a build compiles its
rule data into BUILD/rules.json and packages that into the calculator; calc/rules.json (the
project's own notices) is left as it is.
"""

import os
from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent
CALC = ROOT / "calc"


def _dirs(name: str) -> list[Path]:
    return [Path(p).absolute() for p in os.environ.get(name, "").split(os.pathsep) if p]


EXTRA_POLICIES = _dirs("JXJY_POLICIES")  # more folders of policy files (--policies)
EXTRA_SOURCES = _dirs("JXJY_SOURCES")    # more folders of source texts (--sources)
BUILD = Path(os.environ.get("JXJY_BUILD") or ROOT / "build").absolute()   # intermediate output (not in git)
RULES_JSON = BUILD / "rules.json" if EXTRA_POLICIES or EXTRA_SOURCES else CALC / "rules.json"
DOCS = ROOT / "docs"                # hand-written pages, calculator code, styles (in git)
STAGE = BUILD / "docs"              # what mkdocs reads: docs/ + generated pages (build output, not in git)
SITE = Path(os.environ.get("JXJY_SITE") or ROOT / "site").absolute()      # the built site (not in git)
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
MKDOCS_YML = ROOT / "mkdocs.yml"

# Inside docs/ (and so inside site/):
PYODIDE_DIR = "pyodide"             # runtime, lockfile and the calc wheel
CATALOGUE_JSON = "calculator/catalogue.json"

PYODIDE_VERSION = "314.0.7"         # must match package.json
