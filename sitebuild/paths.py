"""Where things are. Paths are not resolved, so a checkout reached through a symlink works."""

from pathlib import Path

ROOT = Path(__file__).absolute().parent.parent
CALC = ROOT / "calc"
RULES_JSON = CALC / "rules.json"
DOCS = ROOT / "docs"                # hand-written pages, calculator code, styles (in git)
STAGE = ROOT / "build" / "docs"     # what mkdocs reads: docs/ + generated pages (build output, not in git)
SITE = ROOT / "site"                # the built site (not in git)
NODE_PYODIDE = ROOT / "node_modules" / "pyodide"
MKDOCS_YML = ROOT / "mkdocs.yml"

# Inside docs/ (and so inside site/):
PYODIDE_DIR = "pyodide"             # runtime, lockfile and the calc wheel
CATALOGUE_JSON = "calculator/catalogue.json"

PYODIDE_VERSION = "314.0.7"         # must match package.json
