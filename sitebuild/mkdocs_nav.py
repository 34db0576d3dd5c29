"""MkDocs hook: take the navigation from build/docs/.nav.json, which build.py writes with the pages.

The pages of the regions come from the rule data, so the navigation cannot be fixed in
mkdocs.yml. The file is a plain MkDocs `nav` list in JSON; without it MkDocs builds its default
navigation.
"""

import json
from pathlib import Path


def on_config(config):
    nav_file = Path(config["docs_dir"]) / ".nav.json"
    if nav_file.exists():
        config["nav"] = json.loads(nav_file.read_text("utf-8"))
    return config
