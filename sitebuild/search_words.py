"""MkDocs hook: the search index also holds the words inside compound words (issue 11).

The theme's search plugin cuts Chinese text into words with jieba (mkdocs.yml, with the user
dictionary sitebuild/jieba_user_dict.txt), in jieba's accurate mode: 学术论文 stays one word, and
lunr matches a query only at the start of a word (论文 finds 论文… but not 学术论文). So the
heading 学术论文（含SCI…） was not found by 论文, and the page whose heading it is ranked below
pages that merely mention 论文 in their text.

After the plugin has written search/search_index.json, this hook adds to every entry the shorter
words jieba's search mode finds inside its words (学术论文 → 学术、论文): `title_words` from the
heading, `text_words` from the text, as two more index fields (mkdocs.yml gives them the boosts of
title and text). The theme indexes every field the index's config names and shows only title
and text, so nothing visible changes; each word is added once per entry.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")  # CJK ideographs
SEP = "\u200b"


def inner_words(text: str) -> str:
    """The words inside the text's Chinese words that the text does not hold as words of its own."""
    import jieba  # loaded by the search plugin, with the user dictionary, before the build

    plain = re.sub(r"<[^>]+>", " ", text)
    own = set(re.split(r"[\s\u200b]+", plain))
    found: dict[str, None] = {}
    for token in own:
        if len(token) > 2 and HAN.fullmatch(token):
            for word in jieba.cut_for_search(token):
                if len(word) > 1 and word != token and word not in own:
                    found[word] = None
    return SEP.join(found)


def add_inner_words(index_path: Path) -> None:
    data = json.loads(index_path.read_text("utf-8"))
    for doc in data["docs"]:
        for field, source in (("title_words", "title"), ("text_words", "text")):
            words = inner_words(doc.get(source) or "")
            if words:
                doc[field] = words
    index_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


@event_priority(-100)  # after the search plugin has written the index
def on_post_build(config):
    index_path = Path(config["site_dir"]) / "search" / "search_index.json"
    if index_path.exists():
        add_inner_words(index_path)
