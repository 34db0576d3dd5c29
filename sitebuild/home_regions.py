"""MkDocs hook: the home page's way in, a large button per region, each opening the calculator
for it (calculator/?policy=ID; issue 21).

The regions are those of this build's kinds catalogue (build/generated/calculator/catalogue.json,
`policies`: each region and alias calc lists, its id and its label, in calc's order), the list
the calculator asks from when no region is chosen: no list of regions is written by hand. The
page marks the place with MARKER on a line of its own (docs/index.md); a page that has the marker
but a build without a catalogue stops the build.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).absolute().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitebuild.describe import md  # noqa: E402
from sitebuild.paths import CATALOGUE_JSON, GENERATED_DIR  # noqa: E402

MARKER = "<!-- regions: a button per region (sitebuild/home_regions.py) -->"


def region_buttons(policies: list[dict], calculator: str = "calculator/index.md") -> str:
    """Markdown: the regions as buttons in a list of their own (a <nav> styled by assets/site.css)."""
    items = "\n".join(f"- [{md(p['label'])}]({calculator}?policy={p['id']}){{ .md-button .md-button--primary }}" for p in policies)
    return f'<nav class="home-regions" aria-label="选择地区，打开学时计算器" markdown>\n\n{items}\n\n</nav>'


def on_page_markdown(markdown: str, page, config, files) -> str:
    if MARKER not in markdown:
        return markdown
    catalogue = GENERATED_DIR / CATALOGUE_JSON
    if not catalogue.exists():
        raise PluginError(f"{catalogue} is missing: build the site with `python build.py`")
    policies = json.loads(catalogue.read_text("utf-8"))["policies"]
    return markdown.replace(MARKER, region_buttons(policies))
