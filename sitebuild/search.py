"""What the site's search needs from the page build (issue 11).

Search lists first the results of the region being read: each page of a region (its page, its
worksheet, the pages of its aliases) names in its front matter (`search_first`) the site paths of
all of them; overrides/main.html puts them in a <meta name="search-first">, and
docs/assets/search-first.js puts the theme's result groups of those paths first. Sub-words of the
indexed text (学术论文 → 学术, 论文) are added by the hook sitebuild/search_words.py.
"""

from __future__ import annotations

import json


def region_paths(policy: dict) -> list[str]:
    """The site paths of a region's pages: its page, its worksheet, its aliases' pages."""
    ids = [policy["id"], f"{policy['id']}-worksheet"] + [a["id"] for a in policy.get("aliases", [])]
    return [f"regions/{i}/" for i in ids]


def front_matter_value(policy: dict) -> str:
    """`search_first` as the front matter holds it (a YAML flow list, which JSON is)."""
    return json.dumps(region_paths(policy))
