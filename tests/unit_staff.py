"""A unit's staff, made up, as a personnel office fills the 单位批量自查 template (contract
batch.md): the 人员 sheet (name, 编号, region by its Chinese name, an application this year for
most, tenure, gender, a birth date, 公需 and 专业 hours for each of the last years, some short),
the 成果 sheet (a few other activities of the person's region) and the 年度要求 sheet (the
template's: figures for the years a notice leaves open). Seeded: the same arguments give the same
file. Used by the batch page's browser tests and by the benchmark (scripts/bench.py: 2,000
staff, six years each)."""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from datetime import date

from calc import catalogue
from calc.batch_export import sheet_bytes
from calc.batch_template import requirements
from calc.vocabulary import GENDER, LEVEL, TARGET_TYPE

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国海燕志"
REGIONS = {"qinghai": "青海省", "xining": "西宁市", "weihai": "威海", "hefei": "合肥市", "hohhot": "呼和浩特市"}
# other activities a person of the region may have: (kind, {field: value as a person writes it})
OTHER = {
    "qinghai": [("paper", {"authorship": "独著", "count": 1}), ("patent", {"type": "发明专利", "rank": 1}), ("mentoring", {"days": 5})],
    "weihai": [("converted_other", {"hours": 20})],
    "hefei": [("patent", {"type": "国家发明专利", "rank": 1}), ("self_study", {"hours": 20})],
    "hohhot": [("advanced_seminar", {"hours": 16})],
}
LEVELS = ["intermediate", "intermediate", "senior", "full_senior", "assistant"]


def field_labels() -> dict[tuple[str, str], str]:
    """(policy, kind) -> {field: label} of the OTHER kinds, as the catalogue labels them."""
    found = {}
    for policy, kinds in OTHER.items():
        by_id = {k["id"]: k for k in catalogue(policy)["kinds"]}
        for kind, _ in kinds:
            found[(policy, kind)] = {f["name"]: f["label"].split("（")[0] for f in by_id[kind]["fields"]}
    return found


def staff(count: int, years: int = 6, this_year: int = 2025, seed: int = 23) -> dict[str, list[list]]:
    """The sheets 人员 and 成果 (rows, the header first) of `count` people."""
    rng = random.Random(seed)
    span = list(range(this_year - years + 1, this_year + 1))
    grid = [f"{year}{part}" for year in span for part in ("公需", "专业")]
    people = [["姓名", "编号", "地区", "申报年度", "申报类型", "申报级别", "任现职年份", "性别", "出生日期", *grid]]
    labels = field_labels()
    fields = sorted({label for found in labels.values() for label in found.values()})
    other = [["编号", "姓名", "年度", "类型", *fields]]
    names = {(p, k["id"]): k["name"] for p in OTHER for k in catalogue(p)["kinds"]}
    for i in range(count):
        policy = rng.choice(list(REGIONS))
        number = f"G{i + 1:05d}"
        applying = rng.random() < 0.8
        level = rng.choice(LEVELS)
        hours = []
        short = rng.random() < 0.2  # most people have done what each year asks
        for _ in span:
            hours += [rng.choice([30, 30, 24, 36] if short else [30, 36]), rng.choice([60, 48, 40, 72] if short else [60, 72])]
        people.append([
            rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), number, REGIONS[policy],
            this_year if applying else None, TARGET_TYPE["review"] if applying else None, LEVEL[level] if applying else None,
            this_year - rng.randint(3, 12), rng.choice(list(GENDER.values())),
            date(rng.randint(1965, 1995), rng.randint(1, 12), rng.randint(1, 28)), *hours,
        ])
        rules = "qinghai" if policy == "xining" else policy
        kinds = OTHER.get(rules, [])
        for kind, values in rng.sample(kinds, k=min(len(kinds), rng.randint(0, 2))):
            named = labels[(rules, kind)]
            cells = {named[name]: value for name, value in values.items()}
            other.append([number, None, rng.choice(span[-3:]), names[(rules, kind)], *(cells.get(f) for f in fields)])
    return {"人员": people, "成果": other, "年度要求": requirements(span)}


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    """The sheets as an .xlsx (openpyxl, through calc's own writer): dates as date cells."""
    return sheet_bytes(sheets)


def csv_text(rows: list[list], encoding: str = "gbk") -> bytes:
    """One sheet as a CSV the way Excel and WPS save it in China: GBK, CRLF, dates as 1975/3/8."""
    out = io.StringIO(newline="")
    shown = [["" if v is None else f"{v.year}/{v.month}/{v.day}" if isinstance(v, date) else v for v in row] for row in rows]
    csv.writer(out, lineterminator="\r\n").writerows(shown)
    return out.getvalue().encode(encoding)


def builtin_format(data: bytes, code: str, builtin: int) -> bytes:
    """The workbook with the custom number format `code` replaced by a built-in number, as Chinese
    Excel and WPS save 'yyyy年m月d日' cells (ECMA-376 18.8.30 zh-cn): openpyxl alone does not know it."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/styles.xml":
                text = content.decode()
                custom = re.search(rf'<numFmt numFmtId="(\d+)" formatCode="{re.escape(code)}"\s*/>', text)
                assert custom, text
                text = text.replace(custom.group(0), "").replace(f'numFmtId="{custom.group(1)}"', f'numFmtId="{builtin}"')
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()
