"""Issue 12, one vocabulary: calc owns every label and every sentence about a rule or a result
(calc/vocabulary.py, calc/rule_words.py, calc/result_words.py, calc/verdict.py); the calculator
page (docs/calculator/*.js), the 单位批量自查 page (docs/batch/*.js) and the site build (sitebuild/)
keep no table of such words.

The rule, for the page's code (README, "One vocabulary"):
- no object literal or [code, word] pair maps a code of the formats (a category, status, level,
  target type, degree, year state, group …) to Chinese words;
- no string in it holds a label calc gives a code (公需科目, 已达标, 学时条件已满足, 中级 …) or is
  one of calc's terms (依据, 本站理解 …) or fixed sentences;
- allowed: the page's own chrome, words about the page and not about a rule or a result (button
  captions 删除, section headings 补学计划, placeholders 请选择, hints on how to type a number, the
  print sheet's frame, and what the page says when Python cannot start, engine-failure.js: calc
  cannot speak when it is not running).
The browser test (tests/browser/test_one_vocabulary.py) checks the other half: what the page shows
of every kind of every region is calc's text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calc import vocabulary

ROOT = Path(__file__).resolve().parent.parent
# the calculator's and the 单位批量自查 page's (issue 23): the same rule for both
PAGE_CODE = sorted((ROOT / "docs" / "calculator").glob("*.js")) + sorted((ROOT / "docs" / "batch").glob("*.js"))
HAN = re.compile(r"[\u4e00-\u9fff]")
LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')
CODE_TABLES = ["category", "target_type", "level", "degree", "gender", "group", "status", "year_state", "required_source",
               "application_state", "verdict_label"]


def codes() -> set[str]:
    words = vocabulary.vocabulary()
    return {code for table in CODE_TABLES for code in words[table]}


def labels() -> set[str]:
    """Every label calc gives a code, and its own fixed words."""
    words = vocabulary.vocabulary()
    found = {label for table in CODE_TABLES for label in words[table].values()}
    found |= {words["no_category"], *words["messages"].values()}
    return found


def literals(path: Path) -> list[tuple[str, bool]]:
    """The string literals of a JavaScript file, comments left out, each with whether it is whole
    (a template literal gives its fixed parts, not whole)."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text("utf-8"), flags=re.S)
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    found = []
    for match in LITERAL.finditer(text):
        body = match.group(0)[1:-1]
        parts = re.split(r"\$\{[^}]*\}", body) if match.group(0).startswith("`") else [body]
        found += [(part, len(parts) == 1) for part in parts]
    return [(s, whole) for s, whole in found if HAN.search(s)]


def test_the_check_finds_the_tables_it_forbids(tmp_path: Path) -> None:
    sample = tmp_path / "labels.js"
    sample.write_text('export const CATEGORY = { public: "公需科目" };\nconst rows = [["professional", "专业科目"]];\n'
                      'const s = `公需科目和专业科目都已达到要求。`; // 公需科目 in a comment is fine\n', "utf-8")
    assert code_tables(sample) == ['public: "公需科目"', '["professional", "专业科目']
    assert own_words(sample) == ["公需科目", "专业科目", "公需科目和专业科目都已达到要求。"]


def code_tables(path: Path) -> list[str]:
    names = "|".join(sorted(codes(), key=len, reverse=True))
    text = path.read_text("utf-8")
    keyed = re.findall(rf'(?<![\w.$])(?:{names})\s*:\s*["\'`][^"\'`\n]*[\u4e00-\u9fff][^"\'`\n]*["\'`]', text)
    paired = re.findall(rf'\[\s*["\'](?:{names})["\']\s*,\s*["\'`][^"\'`\n]*[\u4e00-\u9fff]', text)
    return [re.sub(r"\s+", " ", m) for m in keyed + paired]


def own_words(path: Path) -> list[str]:
    """Literals that hold a label of calc's, or are one of its terms (as a whole string, or as a
    caption: 依据：)."""
    found = []
    terms = set(vocabulary.TERMS.values())
    for text, whole in literals(path):
        bare = text.strip()
        as_term = bare.rstrip("：") in terms and (whole or bare.endswith("："))
        if any(label in text for label in labels()) or as_term:
            found.append(text)
    return found


@pytest.mark.parametrize("path", PAGE_CODE, ids=lambda p: p.name)
def test_the_page_keeps_no_table_of_calcs_words(path: Path) -> None:
    assert code_tables(path) == []


@pytest.mark.parametrize("path", PAGE_CODE, ids=lambda p: p.name)
def test_the_page_words_no_label_or_term_of_calcs(path: Path) -> None:
    assert own_words(path) == []


def test_calc_keeps_its_tables_in_one_place() -> None:
    """Outside calc/vocabulary.py no module of calc or of the site build maps codes to Chinese."""
    modules = [p for p in sorted((ROOT / "calc").glob("*.py")) if p.name != "vocabulary.py"]
    modules += sorted((ROOT / "sitebuild").glob("*.py"))
    found = {p.name: code_tables(p) for p in modules}
    assert {name: tables for name, tables in found.items() if tables} == {}


def test_year_spans_are_worded_in_one_place() -> None:
    """2019—2020年 / 2025年起 / 2018年及以前: calc.vocabulary.years_text, nowhere else."""
    pattern = re.compile(r"年及以前")
    users = [p.relative_to(ROOT).as_posix() for p in [*(ROOT / "calc").glob("*.py"), *(ROOT / "sitebuild").rglob("*.py"),
                                                      *(ROOT / "sitebuild" / "templates").glob("*"), *PAGE_CODE]
             if pattern.search(p.read_text("utf-8"))]
    assert users == ["calc/vocabulary.py"]
