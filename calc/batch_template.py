"""The template a unit fills in (contract batch.md), built from calc's catalogue and vocabulary:
the headers, one example row for each region (a realistic record: the region's own year-grid
hours, an application this year) and a sheet 说明 saying what each header means.

    template(today) -> {"人员": rows, "成果": rows, "年度要求": rows, "说明": rows}
    template_xlsx(today) -> bytes      the four sheets
    template_csv(today) -> bytes       the 人员 sheet (a CSV holds no other), UTF-8 with a byte order mark

`today` (calc/clock.py) sets the years: the application year is today's, the year grid the five
years up to it. The build publishes template.xlsx and template.csv; tests read both back through
calc.batch.read.
"""

from __future__ import annotations

import csv
import io

from calc import ruledata
from calc.batch_cells import NO, YES
from calc.batch_columns import ACTIVITIES, HEADERS, NOTES, PEOPLE, REQUIREMENTS, without_note
from calc.catalogue import catalogue, policies
from calc.clock import as_of
from calc.vocabulary import ACTIVITY_FIELDS, CATEGORY, CATEGORY_SHORT, DEGREE, GENDER, LEVEL, MESSAGES, TARGET_FIELDS, TARGET_TYPE

GRID_YEARS = 5
ID_NOTE = "请不要填写身份证号：本工具不需要，标题含“身份证”“证件号”的列和像身份证号的内容都不会被读取。"
# the people of the examples: (name, 编号, application level, tenure years before today, hours short this year)
EXAMPLES = {
    "qinghai": ("马晓梅", "QH001", "intermediate", 6, 0),
    "xining": ("李建国", "XN002", "senior", 8, 0),
    "weihai": ("王海燕", "WH003", "intermediate", 4, 0),
    "hefei": ("张志强", "HF004", "intermediate", 4, 20),
    "hohhot": ("赵丽华", "HH005", None, 10, 0),  # no application: the yearly check alone
}
# 成果 examples: region -> (kind, {field: value as a person writes it})
ACHIEVEMENTS = {
    "qinghai": ("paper", {"authorship": "独著", "count": 1}),
    "hefei": ("patent", {"type": "国家发明专利", "rank": 1}),
}


def person_headers() -> list[tuple[str, str]]:
    """(header, person fact) of every fact some region declares, in rule-data order: batch.md's
    names where it gives one (任现职年份), else the label without its note."""
    by_fact = {key: header for header, (part, key) in HEADERS.items() if part == "person"}
    found = []
    for name, spec in ruledata.person_facts().items():
        header = by_fact.get(name) if name != "birth_date" else None  # 出生日期, its label (出生年月 also reads)
        found.append((header or without_note(spec["label"]), name))
    return found


def years(today) -> list[int]:
    this = as_of(today).year
    return list(range(this - GRID_YEARS + 1, this + 1))


def template(today=None) -> dict[str, list[list]]:
    """The template's sheets as rows, the header first."""
    span = years(today)
    this = span[-1]
    target = ["申报年度", "申报类型", "申报级别", "申报日期", "学历学位", "已取得副高"]
    facts = person_headers()
    grid = [f"{year}{CATEGORY_SHORT[c]}" for year in span for c in ("public", "professional")]
    people = [["姓名", "编号", "地区", *target, *(h for h, _ in facts), *grid]]
    for policy in policies():
        name, number, level, tenure, short = EXAMPLES.get(policy["id"], ("示例人员", policy["id"], "intermediate", 5, 0))
        declared = ruledata.declared_facts(ruledata.resolve(policy["id"]))
        chosen = {"tenure_start": this - tenure, "gender": GENDER["female"], "birth_date": "1975/3/8"}
        if "industry" in declared:  # the default choice, written as a person would (其他行业)
            industry = declared["industry"]
            chosen["industry"] = without_note(next(c["label"] for c in industry["choices"] if c["value"] == industry["default"]))
        applying = [this, TARGET_TYPE["review"], LEVEL[level], None, DEGREE["bachelor"], None] if level else [None] * 6
        row = [name, number, policy["name"], *applying]
        row += [chosen.get(fact) if fact in declared else None for _, fact in facts]
        for year in span:
            public, professional = figures(policy["id"], year)
            row += [public, professional - (short if year == this else 0)]
        people.append(row)
    return {PEOPLE: people, ACTIVITIES: achievements(this), REQUIREMENTS: requirements(span), NOTES: notes(span)}


def figures(policy_id: str, year: int) -> tuple[float, float]:
    """The year's 公需 and 专业 as the region's notice requires them, else 30 and 60 (the usual
    figures, 90 hours a year: 人社部令第25号)."""
    from calc.report import evaluate  # noqa: PLC0415

    report = evaluate({"version": 1, "policy": policy_id, "activities": grid_entry(policy_id, year)}, f"{year}-01-01")
    required = next((y["required"] for y in report["years"] if y["year"] == year), None)
    if not required or required["public"] is None:
        return 30, 60
    return required["public"], required["professional"]


def grid_entry(policy_id: str, year: int) -> list[dict]:
    cell = catalogue(policy_id)["grid"]["public"]
    return [{"kind": cell["kind"], "year": year, cell["field"]: 0}]


def achievements(this: int) -> list[list]:
    """成果: 编号, 姓名, 年度, 类型, 名称或备注 and the example kinds' fields by their labels."""
    label = {spec["name"]: spec["label"] for spec in ACTIVITY_FIELDS}
    rows, columns = [], []
    for policy_id, (kind_id, values) in ACHIEVEMENTS.items():
        kind = next(k for k in catalogue(policy_id)["kinds"] if k["id"] == kind_id)
        labels = {f["name"]: without_note(f["label"]) for f in kind["fields"]}
        columns += [labels[name] for name in values if labels[name] not in columns]
        name, number = EXAMPLES[policy_id][:2]
        rows.append((number, name, this - 1, kind["name"], {labels[n]: v for n, v in values.items()}))
    header = ["编号", "姓名", label["year"], label["kind"], label["title"], *columns]
    return [header] + [[number, name, year, kind, None, *(values.get(c) for c in columns)]
                       for number, name, year, kind, values in rows]


def requirements(span: list[int]) -> list[list]:
    """年度要求: for the first region whose notice leaves years of the grid without figures, those
    years at 公需 30, 专业 60 (the unit takes them from its own notice)."""
    rows = [["地区", "年度", CATEGORY_SHORT["public"], CATEGORY_SHORT["professional"]]]
    from calc.report import evaluate  # noqa: PLC0415

    for policy in policies():
        if policy["alias_of"]:
            continue
        activities = [a for year in span for a in grid_entry(policy["id"], year)]
        report = evaluate({"version": 1, "policy": policy["id"], "activities": activities}, f"{span[-1]}-01-01")
        open_years = [y["year"] for y in report["years"] if y["required"] is None and y.get("annual", True)]
        if open_years:
            rows += [[policy["name"], year, 30, 60] for year in open_years]
            break
    return rows


def notes(span: list[int]) -> list[list]:
    """说明: each header and what it means, in calc's words where calc has them."""
    regions = "、".join(p["name"] for p in policies())
    target = {f["name"]: f for f in TARGET_FIELDS}
    rows = [["列", "说明"],
            ["姓名", "人员姓名，只用于显示，不参与计算。"],
            ["编号", "单位内部的编号（如工号），可不填；填写时不能重复，“成果”表按编号找到人员。" + ID_NOTE],
            ["地区", f"按哪个地区的通知计算：{regions}（也可只写“青海”“合肥”这样的简称）。"],
            ["申报年度", f"{target['year']['label']}：四位年份。与申报类型、申报级别一起说明要核对的职称申报；不申报的三列都不填。"],
            ["申报类型", f"{target['type']['label']}：" + "、".join(TARGET_TYPE.values())],
            ["申报级别", "、".join(LEVEL.values())],
            ["申报日期", f"{target['date']['help']}。可写 {span[-1]}-11-01 或 {span[-1]}年11月1日。"],
            ["学历学位", "、".join(DEGREE.values())],
            ["已取得副高", f"{target['has_deputy_senior']['help']}：填“{YES}”或“{NO}”。"]]
    for header, fact in person_headers():
        spec = ruledata.person_facts()[fact]
        used = "、".join(p["name"] for p in ruledata.rules()["policies"].values() if fact in ruledata.declared_facts(p))
        kind = spec["type"]
        how = ("填写“是”或“否”" if kind == "boolean" else "可填：" + "、".join(without_note(c["label"]) for c in spec["choices"])
               if kind == "choice" else "四位年份" if kind == "year" else "日期，如 1975-03-08、1975年3月8日；只知道年月时写 1975-03 或 1975年3月")
        rows.append([header, f"{spec['label']}（{used}的规定使用）。{spec.get('help') or ''}{how}。"])
    first, last = span[0], span[-1]
    rows.append([f"{first}公需 … {last}专业", f"{MESSAGES['grid']} 每列一个年度一个类别（“{last}公需”“{last}专业”，也可写“{last}年{CATEGORY['public']}（学时）”），"
                 "年度可增可减，空格表示没有填写，0 表示该年度该类别为 0 学时。"])
    rows.append([f"“{ACTIVITIES}”表", "论文、专利、课题等其他成果，每行一项：编号（或姓名）、年度、类型（该地区规定中的类型名称），以及该类型需要的各项（如作者情况、篇数）。"])
    rows.append([f"“{REQUIREMENTS}”表", "通知没有给出某年度的学时要求时，单位按本地文件填写的该年度要求：地区、年度、公需、专业，适用于该地区的每位人员。"])
    rows.append(["示例行", "表中的人员都是示例，请删除后填写本单位的人员。"])
    return rows


def template_xlsx(today=None) -> bytes:
    from calc.batch_export import sheet_bytes  # noqa: PLC0415

    sheets = template(today)
    return sheet_bytes(sheets, widths={NOTES: [22, 100]})


def template_csv(today=None) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows([["" if v is None else v for v in row] for row in template(today)[PEOPLE]])
    return out.getvalue().encode("utf-8-sig")
