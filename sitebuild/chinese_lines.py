"""MkDocs hook: a line break inside Chinese text is not a space.

The hand-written pages (docs/*.md) wrap their Chinese paragraphs at about a hundred columns, and
Markdown keeps each line break as a newline in the HTML. A browser shows that newline as a space
unless it implements CSS Text's rule for breaks between East Asian wide characters; Chromium
(and the WebViews built on it) does not: the 性能 page read "整个列表都要重算 样式", one of 110
such spaces on that page and 206 on the 13 pages that had any. This hook removes a line break
(and the indentation around it) where both sides are Chinese characters or full-width
punctuation, also across the inline tags of emphasis and links between them; a break next to a
Latin word or a number stays a space, as it should. Preformatted text, scripts and styles are
left as they are.
"""

from __future__ import annotations

import re

# CJK ideographs and radicals, CJK punctuation (。、「」…), full-width forms (，：；（）…)
WIDE = r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
INLINE = r"(?:</?(?:a|abbr|b|em|i|mark|span|strong|time)\b[^>]*>)*"  # tags that do not break a line
BREAK = re.compile(rf"({WIDE}{INLINE})[ \t]*\n[ \t]*(?={INLINE}{WIDE})")
KEPT = re.compile(r"<(pre|script|style|textarea)\b.*?</\1\s*>", re.S | re.I)


def join_lines(html: str) -> str:
    """`html` with the line breaks between wide characters removed, outside KEPT elements."""
    parts = []
    at = 0
    for kept in KEPT.finditer(html):
        parts += [BREAK.sub(r"\1", html[at:kept.start()]), kept.group(0)]
        at = kept.end()
    parts.append(BREAK.sub(r"\1", html[at:]))
    return "".join(parts)


def on_page_content(html: str, page, config, files) -> str:
    return join_lines(html)
