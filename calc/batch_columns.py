"""The columns of a unit's spreadsheet (contract batch.md): which header means what.

Headers are compared after NFKC with all whitespace removed; a year column (`YYYY公需`,
`YYYY专业`) also without 年, 科目, 学时 and brackets, so `2024年公需科目（学时）` is `2024公需`. The
words of the columns come from calc where calc has them: the target's fields and the activity's
(申报级别, 年度, 类型, 名称或备注 …: calc/vocabulary.py), each person fact's label (rule data; also
without its bracketed note: 自市外调入合肥的年份), 公需/专业 (CATEGORY_SHORT); the format's own
columns and their other names are batch.md's and are listed here (HEADERS).

A column is the Column it maps to: `part` is one of name, id, region (the 人员 sheet's own),
target / person (with `key`, the field or fact), grid (with `year` and `category`), kind, year,
activity (the 成果 sheet: `key` the activity's own field: title, evidence), field (a kind's
field, `key` the header as normalised, matched per row to the row's kind's labels), requirement (年度要求: `key` public or professional); None: unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from calc import ruledata
from calc.batch_cells import normalized
from calc.vocabulary import ACTIVITY_FIELDS, CATEGORY, CATEGORY_SHORT, TARGET_FIELDS

PEOPLE, ACTIVITIES, REQUIREMENTS, NOTES = "人员", "成果", "年度要求", "说明"  # the sheets (batch.md)
ID_WORDS = ("身份证", "证件号")  # a header holding one of them is an ID-card column: never read

# batch.md's own columns, and its other names for calc's fields (header -> (part, key))
HEADERS = {
    "姓名": ("name", None),
    "编号": ("id", None),
    "地区": ("region", None),
    "申报类型": ("target", "type"),
    "已取得副高": ("target", "has_deputy_senior"),
    "任现职年份": ("person", "tenure_start"),
    "出生年月": ("person", "birth_date"),
}
# the 成果 sheet: who it belongs to, and the activity's own fields by their labels (vocabulary)
ACTIVITY_HEADERS = {"编号": ("id", None), "姓名": ("name", None)}
_YEAR_COLUMN = re.compile(r"([0-9]{4})(.+)")


@dataclass(frozen=True)
class Column:
    part: str
    key: str | None = None
    year: int | None = None


def is_id_header(header: object) -> bool:
    written = normalized(header)
    return any(word in written for word in ID_WORDS)


def year_key(header: object) -> str:
    """A header as a year column is compared: 2024年公需科目（学时） -> 2024公需."""
    return re.sub(r"年|科目|学时|[()]", "", normalized(header))


def without_note(label: str) -> str:
    """A label without the bracketed note that ends it: 自市外调入合肥的年份（没有调入不填） ->
    自市外调入合肥的年份 (a bracket inside a label stays: 申报经济（金融、财税）、审计…)."""
    return re.sub(r"[(（][^()（）]*[)）]$", "", label) or label


def people_headers() -> dict[str, Column]:
    """Every header the 人员 sheet knows (normalised) -> its Column, years left out."""
    known: dict[str, Column] = {}
    for spec in TARGET_FIELDS:
        known[normalized(spec["label"])] = Column("target", spec["name"])
    for policy in ruledata.rules()["policies"].values():
        for spec in policy.get("person", []):
            for label in (spec["label"], without_note(spec["label"])):
                known.setdefault(normalized(label), Column("person", spec["name"]))
    for header, (part, key) in HEADERS.items():
        known[normalized(header)] = Column(part, key)
    return known


def grid_column(header: object) -> Column | None:
    """YYYY公需 / YYYY专业 (the region's year grid), or None."""
    match = _YEAR_COLUMN.fullmatch(year_key(header))
    if not match:
        return None
    for category in ("public", "professional"):
        if match.group(2) in (CATEGORY_SHORT[category], year_key(CATEGORY[category])):
            return Column("grid", category, int(match.group(1)))
    return None


def activity_headers() -> dict[str, Column]:
    """The 成果 sheet's own headers: 编号, 姓名 and the activity's fields (年度, 类型, 名称或备注 …)."""
    known = {normalized(h): Column(part, key) for h, (part, key) in ACTIVITY_HEADERS.items()}
    for spec in ACTIVITY_FIELDS:
        part = spec["name"] if spec["name"] in ("kind", "year") else "activity"
        known[normalized(spec["label"])] = Column(part, spec["name"])
    return known


def kind_field_labels() -> set[str]:
    """Every label a kind's field has in any region (normalised, also without its note): a 成果
    header that is none of them and none of activity_headers() is unknown."""
    found = set()
    for policy in ruledata.rules()["policies"].values():
        for kind in policy["kinds"]:
            for spec in kind.get("fields", []):
                found |= {normalized(spec["label"]), normalized(without_note(spec["label"]))}
    return found


def requirement_headers() -> dict[str, Column]:
    known = {normalized("地区"): Column("region"), normalized(_year_label()): Column("year")}
    for category in ("public", "professional"):
        known[CATEGORY_SHORT[category]] = Column("requirement", category)
    return known


def requirement_column(header: object, known: dict[str, Column]) -> Column | None:
    """年度要求's header: 地区, 年度, 公需 / 专业 (also 公需科目（学时）)."""
    return known.get(normalized(header)) or known.get(year_key(header))


def _year_label() -> str:
    return next(spec["label"] for spec in ACTIVITY_FIELDS if spec["name"] == "year")


def header_row(rows: list[tuple[int, list]], needed: tuple[str, ...], any_of: tuple[str, ...] = ()) -> int | None:
    """The index in `rows` of the first row holding every header of `needed` (and one of
    `any_of`, when given), or None."""
    for index, (_number, cells) in enumerate(rows):
        written = {normalized(c) for c in cells if c is not None}
        if all(h in written for h in needed) and (not any_of or any(h in written for h in any_of)):
            return index
    return None
