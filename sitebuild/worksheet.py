"""Stage 2b: a printable worksheet (手算表) for each region, from the rule data (calc/rules.json).

When the calculator cannot run in someone's browser (no WebAssembly, a browser too old, no
network), they can still work the answer out by hand: regions/<id>-worksheet.md holds the
region's yearly requirements, blank rows to convert each activity and to add up each year, and
every conversion with its rate and cap. The words and numbers are the region page's (sitebuild/
describe.py), from the same data the calculator uses. The region page links to it; so does the
calculator's message when Python cannot start (calculator/engine-failure.js). It prints on A4
portrait (docs/assets/worksheet.css; tests/browser/test_worksheet.py counts the sheets).
"""

from __future__ import annotations

from . import describe as d

BLANK_ACTIVITY_ROWS = 10
BLANK_YEAR_ROWS = 5


def path(policy_id: str) -> str:
    """The worksheet's page in build/docs/ (URL regions/<id>-worksheet/)."""
    return f"regions/{policy_id}-worksheet.md"


def _blank(headers: list[str], rows: int) -> list[str]:
    """A table to fill in by hand (HTML: its rows are empty, with room to write)."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    row = "<tr>" + "<td></td>" * len(headers) + "</tr>"
    return ['<table class="worksheet-blank">', f"<thead><tr>{head}</tr></thead>", "<tbody>", *[row] * rows, "</tbody>", "</table>"]


def _requirements(policy: dict) -> list[str]:
    out = ["## 一、每年学时要求", "", "| 年度 | 公需科目 | 专业科目 | 合计 |", "|---|---|---|---|"]
    for r in policy.get("requirements", []):
        pub, pro, total = d.requirement(r)
        out.append(f"| {d.years(r.get('years'))} | {pub} | {pro} | {total} |")
    out += ["", f"其他年度：{d.md(policy.get('unknown_years_note'))}", ""]
    return out


def _conversions(policy: dict) -> list[str]:
    out = [
        "## 四、折算标准",
        "",
        "| 学习或成果 | 类别 | 适用年度 | 折算标准 | 每年上限 |",
        "|---|---|---|---|---|",
    ]
    excluded = []
    for kind in policy.get("kinds", []):
        if kind["conversion"]["method"] == "no_hours":
            excluded.append(kind)
            continue
        rule = d.conversion(kind)
        rows = d.table_rows(kind)[:-1]  # the last row is "其他情况 0 学时"
        if rows:
            rule += "：" + "；".join(f"{label}（{result}）" for label, result in rows)
        if kind.get("tenure_only"):
            rule += "；须为任现职期间取得"
        cap = d.cap(kind) if kind.get("cap") is not None else "—"
        out.append(f"| {d.md(kind['name'])} | {d.CATEGORY.get(kind.get('category'))} | {d.years(kind.get('valid'))} | {rule} | {cap} |")
    out.append("")
    for kind in excluded:
        out += [f"- {d.conversion(kind)}", ""]
    return out


def page(policy: dict, data_version: object = None) -> str:
    pid, name = policy["id"], d.md(policy["name"])
    version = f"（规则数据版本 {d.md(data_version)}）" if data_version is not None else ""
    out = [
        "<!-- 本页由 build.py 根据规则数据（calc/rules.json）生成，请勿手工编辑。 -->",
        "",
        f"# {name}继续教育学时手算表",
        "",
        '<div class="worksheet" markdown>',
        "",
        f"学时计算器无法在您的浏览器中使用时，可以打印本页，按{name}的规定手工核算。表中的要求和折算标准"
        f"与[{name}的规定页]({pid}.md)、学时计算器用的是同一份规则数据{version}。结果仅供自查，以主管部门登记审核为准。",
        "",
        "姓名：＿＿＿＿＿＿＿＿　单位：＿＿＿＿＿＿＿＿＿＿＿＿　填表日期：＿＿＿＿＿＿",
        "",
    ]
    out += _requirements(policy)
    out += [
        "## 二、逐项折算",
        "",
        "每项学习或成果写一行：按“四、折算标准”算出学时，并写明计入公需科目还是专业科目。",
        "",
        *_blank(["年度", "学习或成果（类型、名称）", "公需/专业", "数量", "折算学时"], BLANK_ACTIVITY_ROWS),
        "",
        "## 三、每年合计",
        "",
        "同一类型的学时超过“每年上限”的部分不计。把每年的公需、专业学时分别相加，与“一、每年学时要求”比较。"
        f"结转与补学、职称申报的学时条件见[{name}的规定页]({pid}.md)。",
        "",
        *_blank(["年度", "公需科目：已得", "公需科目：要求", "专业科目：已得", "专业科目：要求", "是否达到"], BLANK_YEAR_ROWS),
        "",
    ]
    out += ['<div class="worksheet-standards" markdown>', ""] + _conversions(policy) + ["</div>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def write(docs, policies: list[dict], data_version: object = None) -> list[str]:
    """Write each region's worksheet into build/docs/; returns the pages written."""
    written = []
    for policy in policies:
        rel = path(policy["id"])
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page(policy, data_version), "utf-8")
        written.append(rel)
    return written
