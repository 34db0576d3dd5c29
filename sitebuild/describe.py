"""Chinese wording for the rule data (calc/rules.json), shared by the generated pages.

Every function takes the compiled data as it is (dicts and lists, as policies/schema.py dumps
them) and returns Markdown-safe text: values from the data pass through `md()`.
"""

from __future__ import annotations

import re

from calc import text as _calc_text

CATEGORY = {"public": "公需科目", "professional": "专业科目", None: "不计入公需、专业科目"}
TARGET_TYPE = {"review": "评审", "recognition": "认定", "series_change": "转系列", "appointment": "聘用"}
LEVEL = {
    "full_senior": "正高级", "senior": "副高级", "intermediate": "中级",
    "assistant": "助理级", "junior": "初级", "clerk": "员级",
}
DEGREE = {"college": "大专", "bachelor": "大学本科", "master": "硕士", "doctor": "博士"}
GROUP = _calc_text.GROUP  # the wording of each group is calc's (calc/text.py)
GENDER = {"male": "男", "female": "女"}
WHO = {"个人": "个人", "单位": "单位"}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: object) -> str:
    """Text from the data, safe inside Markdown (also inside table cells)."""
    if text is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def num(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def years(span: dict | None) -> str:
    span = span or {}
    lo, hi = span.get("from"), span.get("to")
    if lo and hi:
        return f"{lo}年" if lo == hi else f"{lo}—{hi}年"
    if lo:
        return f"{lo}年起"
    if hi:
        return f"{hi}年及以前"
    return "各年度"


def in_years(span: dict | None, year: int) -> bool:
    span = span or {}
    return (span.get("from") is None or year >= span["from"]) and (span.get("to") is None or year <= span["to"])


def amount(value: object) -> str:
    """A number, or a list of dated values ({years, value})."""
    if isinstance(value, list):
        return "；".join(f"{years(v.get('years'))} {num(v.get('value'))}" for v in value)
    return num(value)


def field_label(kind: dict, name: str) -> tuple[str, str]:
    for f in kind.get("fields", []):
        if f["name"] == name:
            return f.get("label") or name, f.get("unit") or ""
    return name, ""


def conversion(kind: dict, conv: dict | None = None) -> str:
    """The conversion rule of a kind in words (one line; tables are described row by row)."""
    conv = conv or kind["conversion"]
    method = conv["method"]
    if method == "as_stated":
        label, _ = field_label(kind, conv.get("field", "hours"))
        return f"按{md(label)}计"
    if method == "per_unit":
        label, unit = field_label(kind, conv["field"])
        per = num(conv.get("per", 1))
        unit_words = f"{per}{md(unit)}" if per != "1" else (md(unit) or md(label))
        return f"每{unit_words} {amount(conv['rate'])} 学时（{md(label)}）"
    if method == "fixed":
        return f"{amount(conv['amount'])} 学时"
    if method == "first_given":
        return "；未填时".join(conversion(kind, option) for option in conv["options"])
    if method == "table":
        text = "按下表" + ("取其中最高的一项，不累加" if conv.get("best_of_all") else "")
        if conv.get("per_year_of"):
            label, _ = field_label(kind, conv["per_year_of"])
            text += f"，计入{md(label)}中的每一年"
        return text
    if method == "whole_professional":
        return "视为完成当年专业科目的全部学时"
    if method == "whole_professional_tenure":
        return "视为完成任现职期间每一年专业科目的全部学时"
    if method == "complete_year":
        return "当年公需科目和专业科目均视为完成"
    if method == "complete_any_tenure_year":
        label, unit = field_label(kind, conv["field"])
        return f"{md(label)}达到{num(conv['at_least'])}{md(unit)}的，任现职期间任一年度视为完成"
    if method == "no_hours":
        return f"不计学时：{md(conv.get('reason'))}"
    return md(method)


def table_rows(kind: dict) -> list[tuple[str, str]]:
    """(condition label, result) for a table conversion."""
    conv = kind["conversion"]
    if conv["method"] != "table":
        return []
    rows = []
    for row in conv["rows"]:
        if row.get("hours") is not None:
            result = f"{num(row['hours'])} 学时"
        elif row.get("per_unit"):
            result = conversion(kind, row["per_unit"])
        elif row.get("as_stated"):
            result = conversion(kind, row["as_stated"])
        else:
            result = "视为完成任现职期间每一年专业科目的全部学时"
        rows.append((md(row.get("label")), result))
    rows.append(("其他情况", f"0 学时（{md(conv.get('otherwise'))}）"))
    return rows


def cap(kind: dict) -> str:
    value = kind.get("cap")
    if value is None:
        return "无"
    if isinstance(value, dict):
        value = value.get("per_year")
    return f"每年最多 {num(value)} 学时"


def fields(kind: dict) -> str:
    parts = []
    for f in kind.get("fields", []):
        text = md(f.get("label") or f["name"])
        if f.get("unit"):
            text += f"（{md(f['unit'])}）"
        if f.get("choices"):
            text += "：" + "、".join(md(c.get("label")) for c in f["choices"])
        if f.get("required_when"):
            text += f"（{md(f.get('required_note'))}）"
        elif not f.get("required", True):
            text += "（可选）"
        parts.append(text)
    for group in kind.get("one_of", []):
        parts.append("至少填写其一：" + "、".join(md(field_label(kind, n)[0]) for n in group))
    return "；".join(parts) or "只需年度"


def cite(policy: dict, c: dict) -> str:
    doc = policy.get("documents", {}).get(c.get("doc"), {})
    return f"{md(doc.get('number', c.get('doc')))} {md(c.get('section'))}"


def cites(policy: dict, items: list[dict] | None) -> str:
    return "；".join(cite(policy, c) for c in items or [])


def quotes(policy: dict, items: list[dict] | None, indent: str = "") -> list[str]:
    """Each citation as a block quote with its source: the clause's own words."""
    lines: list[str] = []
    for c in items or []:
        lines += [f"{indent}> {md(c.get('quote'))}", f"{indent}> ", f"{indent}> —— {cite(policy, c)}", ""]
    return lines


def window(w: dict) -> str:
    mode = w.get("mode")
    if mode == "since":
        text = f"自{w.get('since')}年以来任意{w.get('count')}个年度（可不连续）各自达到当年要求"
    elif mode == "recent":
        if w.get("span") == 2 and w.get("count") == 1:
            text = "申报当年或上一年达到当年要求"
        else:
            text = f"最近{w.get('span')}年（含申报当年）中有{w.get('count')}个年度达到当年要求"
    elif mode == "listed":
        text = "、".join(str(y) for y in w.get("years") or []) + "年各年度达到当年要求"
    elif mode == "tenure":
        text = "任现职以来每一年度达到当年要求"
        if w.get("average_before"):
            text += f"；{w['average_before']}年以前的年度合计平均每年不少于{num(w.get('average'))}学时"
    elif mode == "none":
        text = "不要求继续教育学时"
    else:
        text = md(mode)
    waived = [
        f"{v.get('year')}年{CATEGORY.get(v.get('category'), md(v.get('category')))}不作要求"
        for v in w.get("waive") or []
    ]
    return text + (f"（{'；'.join(waived)}）" if waived else "")


def target_who(t: dict) -> str:
    types = "、".join(TARGET_TYPE.get(x, md(x)) for x in t.get("types", []))
    levels = "、".join(LEVEL.get(x, md(x)) for x in t.get("levels", []))
    extra = []
    if t.get("degree"):
        extra.append("学历学位：" + "、".join(DEGREE.get(d, md(d)) for d in t["degree"]))
    if t.get("has_deputy_senior"):
        extra.append("已取得副高级职称")
    return f"{types}：{levels}" + (f"（{'，'.join(extra)}）" if extra else "")


def requirement(r: dict) -> tuple[str, str, str]:
    """(公需, 专业, 合计) of a requirement entry."""
    if not r.get("annual", True):
        return "不逐年考核", "不逐年考核", md(r.get("note")) or "—"
    pub, pro = r.get("public"), r.get("professional")
    total = num(pub + pro) if pub is not None and pro is not None else "—"
    return (num(pub) if pub is not None else "未规定", num(pro) if pro is not None else "未规定", total)


def latest_requirement(policy: dict) -> dict | None:
    annual = [r for r in policy.get("requirements", []) if r.get("annual", True)]
    return max(annual, key=lambda r: (r.get("years") or {}).get("from") or 0, default=None)


FIXED_AMOUNT = {"fixed", "whole_professional", "whole_professional_tenure", "complete_year", "complete_any_tenure_year"}


def has_fixed_amount(kind: dict) -> bool:
    """The rule gives a fixed amount (so whether it is given once a year matters)."""
    conv = kind["conversion"]
    if conv["method"] in FIXED_AMOUNT:
        return True
    return conv["method"] == "table" and any(r.get("hours") is not None or r.get("effect") for r in conv["rows"])


def affects_title(policy: dict, kind_id: str) -> bool:
    """A kind the title rules name (an exemption, the transfer rule, a window conversion)."""
    r = policy.get("readiness") or {}
    named = {(r.get("transfer") or {}).get("kind")}
    for e in r.get("exemptions", []):
        named |= {e.get("kind_in_window"), e.get("kind_in_application_year"), e.get("kind_any_year")}
    named |= {w.get("kind") for w in r.get("window_conversions", [])}
    return kind_id in named


def evidence(policy: dict, kind: dict) -> str:
    spec = kind.get("evidence") or {}
    if spec.get("cite"):
        return f"{md(spec.get('text'))}（{cites(policy, spec['cite'])}）"
    return f"{md(spec.get('text'))}（本站建议，通知未写明）" if spec.get("text") else "—"


def all_readings(policy: dict) -> list[str]:
    """Every reading the rule data states, in plain text (not yet Markdown-escaped)."""
    items = [x.get("text") for x in policy.get("readings", [])]
    items += [f"{k['name']}：{k['reading']}" for k in policy.get("kinds", []) if k.get("reading")]
    items += [f"{k['name']}（{years(x['years'])}）：{x['text']}" for k in policy.get("kinds", []) for x in k.get("readings", [])]
    items += [m["reading"] for m in policy.get("make_up", []) if m.get("reading")]
    r = policy.get("readiness") or {}
    items += [f"{t['label']}：{t['reading']}" for t in r.get("targets", []) if t.get("reading")]
    items += list(dict.fromkeys(x["reading"] for x in r.get("reductions", []) if x.get("reading")))
    if r.get("reductions_reading"):
        items.append(r["reductions_reading"])
    items += [w["reading"] for w in r.get("window_conversions", []) if w.get("reading")]
    if r.get("transfer"):
        items.append(f"公务员转任：{r['transfer']['reading']}")
    for key in ("user_figures", "transfer_in"):
        if (policy.get(key) or {}).get("reading"):
            items.append(policy[key]["reading"])
    return [i for i in items if i]
