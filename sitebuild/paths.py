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
DOCS = ROOT / "docs"                # hand-written pages, calculator code, styles (in git): MkDocs' docs_dir, never written
# What the build adds to docs/ (build output, not in git), laid out as in docs/: the generated pages,
# the bundles and the worker with its manifest (in place of their sources), catalogue.json, the
# Pyodide runtime, lockfile, calc wheel and snapshot. The hook sitebuild/mkdocs_generated.py gives
# them to MkDocs as generated files.
GENERATED_DIR = BUILD / "generated"
NAV_JSON = BUILD / "nav.json"       # the navigation (sitebuild/docs_pages.py), read by the same hook
SITE = Path(os.environ.get("JXJY_SITE") or ROOT / "site").absolute()      # the built site (not in git)
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
MKDOCS_YML = ROOT / "mkdocs.yml"

# Inside docs/ or GENERATED_DIR (and so inside site/):
PYODIDE_DIR = "pyodide"             # runtime, lockfile and the calc wheel
CATALOGUE_JSON = "calculator/catalogue.json"

PYODIDE_VERSION = "314.0.7"         # must match package.json
