"""Markdown for the generated pages: escaping and the Jinja2 environment of sitebuild/templates/.

Every word of the pages comes from the rule data or from calc (calc/vocabulary.py, the labels;
calc/rule_words.py, the rules in words); this module only makes text safe inside Markdown and
lays out what Markdown has no short form for (a clause quoted with its source).

The templates escape by default: every `{{ … }}` passes through `md()`, unless it is `Raw`
(Markdown or HTML made on purpose: a link, an id in an attribute list, an escaped HTML value).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import jinja2

from calc import rule_words, ruledata, vocabulary

TEMPLATES = Path(__file__).with_name("templates")
GENERATED = "<!-- 本页由 build.py 根据规则数据（calc/rules.json）生成，请勿手工编辑。 -->"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


class Raw(str):
    """Text that is Markdown (or HTML) already: the templates put it in as it is."""


def md(text: object) -> str:
    """Text from the data, safe inside Markdown (also inside table cells)."""
    if text is None or isinstance(text, jinja2.Undefined):
        return ""
    if isinstance(text, Raw):
        return text
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def cites(policy: dict, items: list[dict] | None) -> str:
    """The clauses' places: 青人社厅函〔2025〕153号 附件4 2022年 学术论文；…"""
    return ruledata.cites_text(policy, items) if items else ""


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=md,
        autoescape=False,
    )
    env.filters["raw"] = Raw
    env.tests["fixed_amount"] = rule_words.has_fixed_amount
    env.filters["html"] = lambda text: Raw(html.escape(str(text)))
    env.globals.update(
        w=rule_words,  # the rules in words (calc)
        v=vocabulary,  # the labels (calc)
        years=vocabulary.years_text,
        cites=cites,
    )
    return env


_ENV: list[jinja2.Environment] = []


def render(template: str, **context: object) -> str:
    if not _ENV:
        _ENV.append(environment())
    return _ENV[0].get_template(template).render(**context)
