"""Rules in words: how a kind converts, its cap, what an entry needs, the years a title
application looks at … as plain Chinese text, from the compiled rule data (calc/rules.json).

One place for these sentences: the catalogue ships them to the calculator page (calc/catalogue.py)
and the generated pages take them from here (sitebuild/, which only escapes them for Markdown and
lays them out). Every function takes the rule data as compiled (dicts and lists).
"""

from __future__ import annotations

from calc import methods, ruledata
from calc.ruledata import field_label
from calc.vocabulary import CATEGORY, DEGREE, GENDER, LEVEL, NO_CATEGORY, STATUS, TARGET_TYPE, TERMS, fmt, years_text

CAP_SCOPE = "同一类型当年所有条目合计"


def category(kind: dict) -> str:
    """Where the kind's hours go: 公需科目, 专业科目, or the field that chooses."""
    if kind.get("category_field"):
        return f"按所填“{field_label(kind, kind['category_field'])[0]}”计入{CATEGORY['public']}或{CATEGORY['professional']}"
    return CATEGORY.get(kind.get("category"), NO_CATEGORY)


def conversion(kind: dict, conv: dict | None = None) -> str:
    """The conversion rule of a kind in words (one line; a table is described row by row)."""
    conv = conv or kind["conversion"]
    return methods.of(conv).words(kind, conv)


def table_rows(kind: dict) -> list[list[str]]:
    """[case, result] rows of a table conversion, the last one for every other case."""
    method = methods.of(kind["conversion"])
    return method.rows(kind) if isinstance(method, methods.Table) else []


def cap(kind: dict) -> str:
    """每年最多 20 学时, or 无."""
    value = kind.get("cap")
    if value is None:
        return "无"
    if isinstance(value, dict):
        value = value.get("per_year")
    return f"每年最多 {fmt(value)} 学时"


def cap_with_scope(value: float | None) -> str | None:
    """A per-year cap as a line explains it: 每年最多 20 学时（同一类型当年所有条目合计）."""
    if value is None:
        return None
    return f"每年最多 {fmt(value)} 学时（{CAP_SCOPE}）"


def is_optional(kind: dict, spec: dict) -> bool:
    """A field an entry may leave out (one of a group that needs only one is not optional)."""
    return not (spec.get("required", True) and "default" not in spec) and not any(
        spec["name"] in group for group in kind.get("one_of", [])
    )


def caption(kind: dict, spec: dict) -> str:
    """A field's label as a form shows it: 篇数, 作者（可选）."""
    label = spec.get("label") or spec["name"]
    return f"{label}（{TERMS['optional']}）" if is_optional(kind, spec) else label


def one_of(kind: dict) -> list[str]:
    """Each group of fields of which one is enough: 论文篇数、字数至少填写一项。"""
    return [
        "、".join(field_label(kind, name)[0] for name in group) + "至少填写一项。" for group in kind.get("one_of", [])
    ]


def fields(kind: dict) -> str:
    """What an entry needs, in one line: 篇数（篇）；作者：独著、合著（可选）."""
    parts = []
    for f in kind.get("fields", []):
        text = f.get("label") or f["name"]
        if f.get("unit"):
            text += f"（{f['unit']}）"
        if f.get("choices"):
            text += "：" + "、".join(str(c.get("label")) for c in f["choices"])
        if f.get("required_when"):
            text += f"（{f.get('required_note')}）"
        elif not f.get("required", True):
            text += f"（{TERMS['optional']}）"
        parts.append(text)
    for group in kind.get("one_of", []):
        parts.append("至少填写其一：" + "、".join(field_label(kind, n)[0] for n in group))
    return "；".join(parts) or "只需年度"


def has_fixed_amount(kind: dict) -> bool:
    """The rule gives a fixed amount (so whether it is given once a year matters)."""
    return methods.of(kind["conversion"]).fixed(kind["conversion"])


def once_per_year(kind: dict) -> str | None:
    """How often a fixed amount counts, where the rule data says (None where it does not matter)."""
    if kind.get("once_per_year") is None or not has_fixed_amount(kind):
        return None
    if kind["once_per_year"]:
        return "每年只计一次（同一年度录入多条，只计学时最高的一条）"
    return "每项（每次）各计一次"


def covered(kind: dict) -> str | None:
    if not kind.get("covered"):
        return None
    return f"通知只规定了{years_text(kind['covered'])}；其他年度不计入，并在结果中说明"


def tenure_only(kind: dict) -> str | None:
    return "须为任现职期间取得" if kind.get("tenure_only") else None


def filing(policy: dict, kind: dict) -> str | None:
    spec = kind.get("filing")
    if not spec:
        return None
    return f"须事前备案：{spec['reason']}（{ruledata.cites_text(policy, spec['cite'])}）"


def affects_title(policy: dict, kind_id: str) -> bool:
    """A kind the title rules name (an exemption, the transfer rule, a window conversion)."""
    r = policy.get("readiness") or {}
    named = {(r.get("transfer") or {}).get("kind")}
    for e in r.get("exemptions", []):
        named |= {e.get("kind_in_window"), e.get("kind_in_application_year"), e.get("kind_any_year")}
    named |= {w.get("kind") for w in r.get("window_conversions", [])}
    return kind_id in named


def title_effect(policy: dict, kind: dict) -> str | None:
    return "影响职称申报的学时要求" if affects_title(policy, kind["id"]) else None


def evidence(policy: dict, kind: dict) -> str:
    """What to keep as proof, with where it comes from: the clause, or the site's advice."""
    spec = kind.get("evidence") or {}
    if not spec.get("text"):
        return "—"
    if spec.get("cite"):
        return f"{spec['text']}（{ruledata.cites_text(policy, spec['cite'])}）"
    return f"{spec['text']}（本站建议，通知未写明）"


def valid_label(kind: dict) -> str | None:
    """When a kind applies, as a select marks a kind that does not apply in the year chosen:
    2019—2020年适用 (None for a kind valid in every year)."""
    valid = kind.get("valid") or {}
    if valid.get("from") is None and valid.get("to") is None:
        return None
    return f"{years_text(valid)}{TERMS['valid']}"


def kind_facts(policy: dict, kind: dict) -> list[dict]:
    """A kind's rule as named, labelled facts ({name, label, text}), in the order a page lists them."""
    facts = [
        ("category", "类别", category(kind)),
        ("valid", "适用年度", years_text(kind.get("valid"))),
        ("rate", TERMS["rate"], conversion(kind)),
        ("cap", TERMS["cap"], cap(kind)),
        ("fields", "需要填写", fields(kind)),
        ("once_per_year", "计算次数", once_per_year(kind)),
        ("covered", "通知涉及的年度", covered(kind)),
        ("tenure_only", "条件", tenure_only(kind)),
        ("filing", "备案", filing(policy, kind)),
        ("title_effect", "作用", title_effect(policy, kind)),
        ("evidence", TERMS["evidence"], evidence(policy, kind)),
    ]
    return [{"name": name, "label": label, "text": text} for name, label, text in facts if text is not None]


def window(w: dict) -> str:
    """The years a title application looks at, in words."""
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
            text += f"；{w['average_before']}年以前的年度合计平均每年不少于{fmt(w.get('average'))}学时"
    elif mode == "none":
        text = STATUS["exempt"]
    else:
        text = str(mode)
    waived = [f"{v.get('year')}年{CATEGORY.get(v.get('category'), v.get('category'))}不作要求" for v in w.get("waive") or []]
    return text + (f"（{'；'.join(waived)}）" if waived else "")


def target_who(t: dict) -> str:
    """Who a title rule is for: 评审、认定：中级、副高级（学历学位：博士）."""
    types = "、".join(TARGET_TYPE.get(x, x) for x in t.get("types", []))
    levels = "、".join(LEVEL.get(x, x) for x in t.get("levels", []))
    extra = []
    if t.get("degree"):
        extra.append("学历学位：" + "、".join(DEGREE.get(d, d) for d in t["degree"]))
    if t.get("has_deputy_senior"):
        extra.append("已取得副高级职称")
    return f"{types}：{levels}" + (f"（{'，'.join(extra)}）" if extra else "")


def requirement(r: dict) -> tuple[str, str, str]:
    """(公需, 专业, 合计) of a requirement entry of the rule data."""
    if not r.get("annual", True):
        return "不逐年考核", "不逐年考核", r.get("note") or "—"
    pub, pro = r.get("public"), r.get("professional")
    total = fmt(pub + pro) if pub is not None and pro is not None else "—"
    return (fmt(pub) if pub is not None else "未规定", fmt(pro) if pro is not None else "未规定", total)


def requirement_sentence(r: dict) -> str:
    """A requirement entry in one sentence: 每年公需科目 30 学时、专业科目 60 学时，合计 90 学时."""
    pub, pro, total = requirement(r)
    if not r.get("annual", True):
        return r.get("note") or ""
    return f"每年{CATEGORY['public']} {pub} 学时、{CATEGORY['professional']} {pro} 学时，合计 {total} 学时"


def latest_requirement(policy: dict) -> dict | None:
    annual = [r for r in policy.get("requirements", []) if r.get("annual", True)]
    return max(annual, key=lambda r: (r.get("years") or {}).get("from") or 0, default=None)


def age_range(x: dict) -> str:
    return f"{x.get('min_age')}—{x['max_age']}周岁" if x.get("max_age") else f"{x.get('min_age')}周岁及以上"


def reduction(x: dict) -> str:
    """What an age reduction leaves of the requirement."""
    frac = x.get("fraction")
    return f"每项要求的 {frac[0]}/{frac[1]}" if frac else "不要求学时"


def gender(value: str | None) -> str:
    return GENDER.get(value or "", "")


def exemption_status(e: dict) -> str:
    return STATUS[e.get("status", "exempt")]


def make_up(policy: dict, m: dict) -> str:
    """A make-up rule in one sentence."""
    if m.get("previous_year_only"):
        where = "补上一年度的不足（只能补上一年度）"
    else:
        where = "补入" + "、".join(str(y) for y in m.get("targets") or []) + "年度的不足"
    facts = {f["name"]: f for f in policy.get("person", [])}
    flag = facts.get(m.get("person_flag") or "")
    who = f"（仅适用于：{flag['label']}）" if flag else ""
    return f"{years_text(m.get('donors'))}超出当年要求的学时，可按公需、专业分别{where}{who}。"


def person_fact(fact: dict) -> str:
    """A person fact as a region page lists it (without the label): its choices and help."""
    text = ""
    if fact.get("choices"):
        text += "：" + "、".join(c["label"] for c in fact["choices"])
    if fact.get("help"):
        text += f"。{fact['help']}"
    return text


def all_readings(policy: dict) -> list[str]:
    """Every reading the rule data states."""
    items = [x.get("text") for x in policy.get("readings", [])]
    items += [f"{k['name']}：{k['reading']}" for k in policy.get("kinds", []) if k.get("reading")]
    items += [f"{k['name']}（{years_text(x['years'])}）：{x['text']}" for k in policy.get("kinds", []) for x in k.get("readings", [])]
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
