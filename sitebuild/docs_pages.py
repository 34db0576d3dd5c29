"""Stage 2: the Markdown pages of build/docs/, generated from the rule data (calc/rules.json).

build/docs/ (what MkDocs reads; build output) is rebuilt from scratch on every build: docs/
(hand-written pages, the calculator's code and styles) is copied in, then one page per region (regions/<id>.md, and a short page per
alias), a comparison page (compare.md) and a FAQ (faq.md) are written, and the navigation
(build/docs/.nav.json, read by sitebuild/mkdocs_nav.py). Nothing in build/docs/ is edited by hand.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import describe as d
from . import worksheet
from .paths import STAGE, DOCS, RULES_JSON

GENERATED = "<!-- 本页由 build.py 根据规则数据（calc/rules.json）生成，请勿手工编辑。 -->"


def load_rules(path: Path = RULES_JSON) -> dict:
    if not path.exists():
        raise SystemExit(f"build: {path} is missing: run `python -m policies.compile` (stage 1)")
    return json.loads(path.read_text("utf-8"))


def calculator_link(policy_id: str, depth: str = "../") -> str:
    return f"{depth}calculator/index.md?policy={policy_id}"


def policy_qr(policy_id: str, name: str) -> list[str]:
    """A printable QR code of calculator/?policy=<id>, drawn in the browser by
    calculator/policy-qr.js from the address the site is served at (unknown at build time)."""
    from html import escape

    return [
        f'<figure class="policy-qr" data-href="../../calculator/?policy={escape(policy_id)}" data-name="{escape(name)}">',
        f"<figcaption>扫码打开学时计算器（已选好{escape(name)}）。可打印本页张贴或放入通知。</figcaption>",
        "</figure>",
        "",
    ]


# ---- a region's page ------------------------------------------------------------------------


def _kind_section(policy: dict, kind: dict) -> list[str]:
    out = [f"#### {d.md(kind['name'])} {{ #{kind['id']} }}", ""]
    category = d.CATEGORY.get(kind.get("category"), d.md(kind.get("category")))
    if kind.get("category_field"):
        category = f"按所填“{d.md(d.field_label(kind, kind['category_field'])[0])}”计入公需科目或专业科目"
    facts = [
        ("类别", category),
        ("适用年度", d.years(kind.get("valid"))),
        ("折算标准", d.conversion(kind)),
        ("上限", d.cap(kind)),
        ("需要填写", d.fields(kind)),
    ]
    if kind.get("once_per_year") is not None and d.has_fixed_amount(kind):
        facts.append(("计算次数", "每年只计一次（同一年度录入多条，只计学时最高的一条）" if kind["once_per_year"] else "每项（每次）各计一次"))
    if kind.get("covered"):
        facts.append(("通知涉及的年度", f"通知只规定了{d.years(kind['covered'])}；其他年度不计入，并在结果中说明"))
    if kind.get("tenure_only"):
        facts.append(("条件", "须为任现职期间取得"))
    if kind.get("filing"):
        facts.append(("备案", f"须事前备案：{d.md(kind['filing']['reason'])}（{d.cites(policy, kind['filing']['cite'])}）"))
    if d.affects_title(policy, kind["id"]):
        facts.append(("作用", "影响职称申报的学时要求（见“职称申报的学时条件”）"))
    facts.append(("证明材料", d.evidence(policy, kind)))
    facts.append(("计算器中的类型代码", f"`{kind['id']}`"))
    out += ["| 项目 | 内容 |", "|---|---|"] + [f"| {k} | {v} |" for k, v in facts] + [""]
    rows = d.table_rows(kind)
    if rows:
        out += ["| 情形 | 学时 |", "|---|---|"] + [f"| {c} | {r} |" for c, r in rows] + [""]
    if kind.get("reading"):
        out += ["!!! note \"本站理解\"", f"    {d.md(kind['reading'])}", ""]
    for dated in kind.get("readings", []):
        out += [f"!!! warning \"{d.years(dated['years'])}：本站理解\"", f"    {d.md(dated['text'])}", ""]
        out += d.quotes(policy, dated["cite"], "    ")
    out += ["原文：", ""] + d.quotes(policy, kind.get("cite"))
    if kind.get("filing"):
        out += d.quotes(policy, kind["filing"]["cite"])
    return out


def _person(policy: dict) -> list[str]:
    facts = policy.get("person", [])
    out = ["## 需要您提供的个人信息", ""]
    if not facts:
        return out + ["本地区的规定不需要个人信息。", ""]
    out += ["本地区的规定用到以下个人信息，计算器只询问这些：", ""]
    for fact in facts:
        text = f"- **{d.md(fact['label'])}**"
        if fact.get("choices"):
            text += "：" + "、".join(d.md(c["label"]) for c in fact["choices"])
        if fact.get("help"):
            text += f"。{d.md(fact['help'])}"
        out.append(text)
    return out + [""]


def _handoffs(policy: dict) -> list[str]:
    rules = policy.get("handoffs", [])
    if not rules:
        return []
    out = ["## 按行业规定执行的人员", "",
           "以下人员的继续教育由通知交给行业主管部门或其他规定：计算器照常计算学时，但只供参考，不判断是否达标，"
           "职称申报的结论为“按行业主管部门的规定执行”。", ""]
    for rule in rules:
        out += [f"- **{d.md(rule['label'])}**：{d.md(rule['next_step'])}", ""] + d.quotes(policy, rule["cite"], "    ")
    return out


def _requirements(policy: dict) -> list[str]:
    out = ["## 每年学时要求", "", "| 年度 | 公需科目 | 专业科目 | 合计 | 依据 |", "|---|---|---|---|---|"]
    for r in policy.get("requirements", []):
        pub, pro, total = d.requirement(r)
        out.append(f"| {d.years(r.get('years'))} | {pub} | {pro} | {total} | {d.cites(policy, r.get('cite'))} |")
    out += ["", f"其他年度：{d.md(policy.get('unknown_years_note'))}", ""]
    for r in policy.get("requirements", []):
        if r.get("note"):
            out += [f"- {d.years(r.get('years'))}：{d.md(r['note'])}"]
    out += [""]
    for r in policy.get("requirements", []):
        out += d.quotes(policy, r.get("cite"))
    if policy.get("user_figures"):
        rule = policy["user_figures"]
        out += ["### 按行业主管部门的要求", "", d.md(rule["text"]) + "：计算器中可为任何年度填写您所在行业的要求，结果会注明“数字由您提供”。", ""]
        if rule.get("reading"):
            out += ['!!! note "本站理解"', f"    {d.md(rule['reading'])}", ""]
        out += d.quotes(policy, rule["cite"])
    if policy.get("transfer_in"):
        rule = policy["transfer_in"]
        out += ["### 自外地调入", "", d.md(rule["text"]), ""]
        if rule.get("reading"):
            out += ['!!! note "本站理解"', f"    {d.md(rule['reading'])}", ""]
        out += d.quotes(policy, rule["cite"])
    return out


def _carry_over(policy: dict) -> list[str]:
    out = ["## 结转与补学", ""]
    if not policy.get("make_up") and not policy.get("year_notes"):
        return out + ["通知没有关于结转或补学的规定。", ""]
    for m in policy.get("make_up", []):
        if m.get("previous_year_only"):
            where = "补上一年度的不足（只能补上一年度）"
        else:
            where = "补入" + "、".join(str(y) for y in m.get("targets") or []) + "年度的不足"
        facts = {f["name"]: f for f in policy.get("person", [])}
        flag = facts.get(m.get("person_flag") or "")
        who = f"（仅适用于：{d.md(flag['label'])}）" if flag else ""
        out += [f"- {d.years(m.get('donors'))}超出当年要求的学时，可按公需、专业分别{where}{who}。", ""]
        if m.get("reading"):
            out += ['!!! note "本站理解"', f"    {d.md(m['reading'])}", ""]
        out += d.quotes(policy, m.get("cite"))
    for n in policy.get("year_notes", []):
        out += [f"- {d.years(n.get('years'))}：{d.md(n.get('text'))}", ""] + d.quotes(policy, n.get("cite"))
    return out


def _readiness(policy: dict) -> list[str]:
    r = policy.get("readiness") or {}
    out = ["## 职称申报的学时条件", "", f"适用的申报年度：{d.years(r.get('applications'))}。{d.md(r.get('outside_note'))}", ""]
    out += ["| 申报 | 需要的学时 | 依据 |", "|---|---|---|"]
    for t in r.get("targets", []):
        out.append(f"| {d.target_who(t)} | {d.window(t.get('window') or {})} | {d.cites(policy, t.get('cite'))} |")
    out.append("")
    for t in r.get("targets", []):
        out += [f"**{d.md(t.get('label'))}**", ""]
        if t.get("reading"):
            out += ['!!! note "本站理解"', f"    {d.md(t['reading'])}", ""]
        out += d.quotes(policy, t.get("cite"))
    if r.get("exemptions"):
        out += ["### 免于或不作学时要求", ""]
        for e in r["exemptions"]:
            status = "学时仅作参考" if e.get("status") == "reference_only" else "不要求学时"
            out += [f"- **{d.md(e.get('label'))}**（{status}）", ""] + d.quotes(policy, e.get("cite"), "    ")
    if r.get("reductions"):
        out += ["### 按年龄减免", "", "| 性别 | 年龄 | 要求 | 依据 |", "|---|---|---|---|"]
        for x in r["reductions"]:
            age = f"{x.get('min_age')}—{x['max_age']}周岁" if x.get("max_age") else f"{x.get('min_age')}周岁及以上"
            frac = x.get("fraction")
            need = f"每项要求的 {frac[0]}/{frac[1]}" if frac else "不要求学时"
            out.append(f"| {d.GENDER.get(x.get('gender'), '')} | {age} | {need} | {d.cites(policy, x.get('cite'))} |")
        out.append("")
        readings = [r.get("reductions_reading")] + [x.get("reading") for x in r["reductions"]]
        for text in dict.fromkeys(t for t in readings if t):
            out += ['!!! note "本站理解"', f"    {d.md(text)}", ""]
    for w in r.get("window_conversions", []):
        out += ["### 整体折算", "", f"- {d.md(w.get('label'))}（{d.years(w.get('applications'))}申报）", ""]
        if w.get("reading"):
            out += ['!!! note "本站理解"', f"    {d.md(w['reading'])}", ""]
        out += d.quotes(policy, w.get("cite"))
    if r.get("transfer"):
        out += ["### 公务员转任", "", '!!! note "本站理解"', f"    {d.md(r['transfer']['reading'])}", ""]
        out += d.quotes(policy, r["transfer"].get("cite"))
    return out


def _deadlines(policy: dict) -> list[str]:
    out = ["## 截止时间", ""]
    if not policy.get("deadlines"):
        return out + ["通知没有规定具体的截止时间。", ""]
    out += ["| 日期 | 事项 | 对象 | 依据 |", "|---|---|---|---|"]
    for x in sorted(policy["deadlines"], key=lambda x: x.get("date", "")):
        out.append(f"| {d.md(x.get('date'))} | {d.md(x.get('what'))} | {d.WHO.get(x.get('who'), '')} | {d.cites(policy, x.get('cite'))} |")
    return out + [""]


def _readings(policy: dict) -> list[str]:
    out = ["## 本站对不明确条款的理解", "", "通知表述不够明确或前后不一致时，本站采用下列理解，计算结果中也会注明。", ""]
    items = [d.md(x) for x in d.all_readings(policy)]
    return out + ([f"- {t}" for t in items] or ["（无）"]) + [""]


def _documents(policy: dict) -> list[str]:
    out = ["## 依据文件", "", "| 文号 | 标题 | 发布机关 | 日期 |", "|---|---|---|---|"]
    for doc in policy.get("documents", {}).values():
        out.append(f"| {d.md(doc.get('number'))} | {d.md(doc.get('title'))} | {d.md(doc.get('issuer'))} | {d.md(doc.get('date'))} |")
    return out + [""]


def region_page(policy: dict) -> str:
    pid = policy["id"]
    out = [GENERATED, "", f"# {d.md(policy['name'])}继续教育学时规定", "", d.md(policy.get("summary")), ""]
    out += [
        f"[用学时计算器按{d.md(policy['name'])}规定计算]({calculator_link(pid)}){{ .md-button .md-button--primary }}",
        f"[打印手算表（不用计算器也能算）]({pid}-worksheet.md){{ .md-button }}",
        "",
        f"主管部门可在通知中使用链接 `calculator/?policy={pid}`，打开后计算器已选好{d.md(policy['name'])}。",
        "",
    ] + policy_qr(pid, policy["name"])
    for alias in policy.get("aliases", []):
        out += [f"{d.md(alias.get('name'))}：{d.md(alias.get('note'))}（计算器链接 `calculator/?policy={alias.get('id')}`）", ""]
    out += _person(policy) + _requirements(policy) + _handoffs(policy) + _carry_over(policy)
    out += ["## 学时折算规则", ""]
    kinds = policy.get("kinds", [])
    for category in ("public", "professional", None):
        members = [k for k in kinds if k.get("category") == category]
        if not members:
            continue
        out += [f"### {d.CATEGORY[category]}", ""]
        for kind in members:
            out += _kind_section(policy, kind)
    out += _readiness(policy) + _deadlines(policy) + _readings(policy) + _documents(policy)
    return "\n".join(out) + "\n"


def alias_page(alias: dict, policy: dict) -> str:
    return "\n".join([
        GENERATED, "", f"# {d.md(alias.get('name'))}继续教育学时规定", "",
        d.md(alias.get("note")), "",
        f"具体要求和折算规则见 [{d.md(policy['name'])}]({policy['id']}.md)。", "",
        f"[用学时计算器按{d.md(alias.get('name'))}计算]({calculator_link(alias['id'])}){{ .md-button .md-button--primary }}", "",
        f"主管部门可在通知中使用链接 `calculator/?policy={alias['id']}`。", "",
        *policy_qr(alias["id"], alias.get("name", "")),
    ])


# ---- comparison and FAQ ---------------------------------------------------------------------


def compare_page(policies: list[dict]) -> str:
    names = [f"[{d.md(p['name'])}](regions/{p['id']}.md)" for p in policies]
    out = [GENERATED, "", "# 各地对比", "", "各地区现行通知的主要规定并列如下；细节和原文见各地区页面。", ""]
    out += ["| 项目 | " + " | ".join(names) + " |", "|---|" + "---|" * len(policies)]

    def row(label: str, cells: list[str]) -> None:
        out.append(f"| {label} | " + " | ".join(cells) + " |")

    cells = []
    for p in policies:
        r = d.latest_requirement(p)
        if r is None:
            cells.append("未规定")
        else:
            pub, pro, total = d.requirement(r)
            cells.append(f"{d.years(r.get('years'))}：公需 {pub}，专业 {pro}，合计 {total}")
    row("每年学时要求", cells)
    row("其他年度", [d.md(p.get("unknown_years_note")) for p in policies])
    row("结转与补学", [
        "；".join([d.md(m.get("reading") or "可补学") for m in p.get("make_up", [])] + [d.md(n.get("text")) for n in p.get("year_notes", [])]) or "通知未规定"
        for p in policies
    ])
    row("可折算的活动类型", [f"{len(p.get('kinds', []))} 类" for p in policies])
    row("职称申报适用年度", [d.years((p.get("readiness") or {}).get("applications")) for p in policies])
    row("截止时间", [
        "；".join(f"{d.md(x.get('date'))} {d.md(x.get('what'))}" for x in sorted(p.get("deadlines", []), key=lambda x: x.get("date", ""))) or "通知未规定"
        for p in policies
    ])
    row("依据文件", ["；".join(d.md(doc.get("number")) for doc in p.get("documents", {}).values()) for p in policies])
    out.append("")

    by_kind: dict[str, dict[str, dict]] = {}
    for p in policies:
        for k in p.get("kinds", []):
            by_kind.setdefault(k["id"], {})[p["id"]] = k
    shared = [kid for kid, per in by_kind.items() if len(per) > 1]
    if shared:
        out += ["## 同类活动在各地的折算", "", "| 活动 | " + " | ".join(names) + " |", "|---|" + "---|" * len(policies)]
        for kid in sorted(shared):
            cells = []
            for p in policies:
                k = by_kind[kid].get(p["id"])
                if k is None:
                    cells.append("—")
                    continue
                text = f"{d.md(k['name'])}：{d.conversion(k)}"
                if k.get("cap") is not None:
                    text += f"，{d.cap(k)}"
                cells.append(text)
            out.append(f"| `{kid}` | " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out) + "\n"


def faq_page(policies: list[dict]) -> str:
    out = [GENERATED, "", "# 常见问题", "", "以下回答均由各地区通知的规则数据生成，并注明出处。", ""]

    out += ["## 每年需要多少学时？公需科目和专业科目各多少？", ""]
    for p in policies:
        parts = []
        for r in p.get("requirements", []):
            pub, pro, total = d.requirement(r)
            if r.get("annual", True):
                parts.append(f"{d.years(r.get('years'))}：每年公需科目 {pub} 学时、专业科目 {pro} 学时，合计 {total} 学时（{d.cites(p, r.get('cite'))}）")
            else:
                parts.append(f"{d.years(r.get('years'))}：{d.md(r.get('note'))}（{d.cites(p, r.get('cite'))}）")
        out.append(f"- **{d.md(p['name'])}**：{'；'.join(parts)}。{d.md(p.get('unknown_years_note'))}")
    out.append("")

    out += ["## 申报职称时，哪些年度的学时算数？", ""]
    for p in policies:
        r = p.get("readiness") or {}
        out.append(f"- **{d.md(p['name'])}**（{d.years(r.get('applications'))}申报）：")
        for t in r.get("targets", []):
            out.append(f"    - {d.target_who(t)}：{d.window(t.get('window') or {})}（{d.cites(p, t.get('cite'))}）")
        if r.get("outside_note"):
            out.append(f"    - {d.md(r['outside_note'])}")
    out.append("")

    out += ["## 学时可以结转到下一年，或者补学吗？", ""]
    for p in policies:
        items = [f"{d.md(m.get('reading') or '可补学')}（{d.cites(p, m.get('cite'))}）" for m in p.get("make_up", [])]
        items += [f"{d.md(n.get('text'))}（{d.cites(p, n.get('cite'))}）" for n in p.get("year_notes", [])]
        out.append(f"- **{d.md(p['name'])}**：{'；'.join(items) if items else '通知没有关于结转或补学的规定。'}")
    out.append("")

    out += [f"## {d.GROUP['achievement']}怎么折算？", ""]
    for p in policies:
        kinds = [k for k in p.get("kinds", []) if k.get("group") == "achievement"]
        if not kinds:
            out.append(f"- **{d.md(p['name'])}**：通知中没有单列这些成果的折算标准。")
            continue
        out.append(f"- **{d.md(p['name'])}**：")
        for k in kinds:
            rows = d.table_rows(k)
            detail = "：" + "；".join(f"{c} {r}" for c, r in rows[:-1]) if rows else ""
            cap = f"，{d.cap(k)}" if k.get("cap") is not None else ""
            out.append(f"    - [{d.md(k['name'])}](regions/{p['id']}.md#{k['id']})：{d.conversion(k)}{detail}{cap}（{d.years(k.get('valid'))}；{d.cites(p, k.get('cite'))}）")
    out.append("")

    out += ["## 哪些情况不要求学时，或者要求减少？", ""]
    for p in policies:
        r = p.get("readiness") or {}
        items = [f"{d.md(e.get('label'))}（{d.cites(p, e.get('cite'))}）" for e in r.get("exemptions", [])]
        for x in r.get("reductions", []):
            age = f"{x.get('min_age')}—{x['max_age']}周岁" if x.get("max_age") else f"{x.get('min_age')}周岁及以上"
            frac = x.get("fraction")
            items.append(f"{d.GENDER.get(x.get('gender'), '')}{age}：{'要求的 %d/%d' % tuple(frac) if frac else '不要求学时'}（{d.cites(p, x.get('cite'))}）")
        out.append(f"- **{d.md(p['name'])}**：{'；'.join(items) if items else '通知没有规定。'}")
    out.append("")

    out += ["## 哪些学习不计学时？", ""]
    for p in policies:
        items = [f"{d.md(k['name'])}：{d.conversion(k)}（{d.cites(p, k.get('cite'))}）" for k in p.get("kinds", []) if k.get("group") == "excluded"]
        items += [f"{d.md(k['name'])}：须事前备案，{d.md(k['filing']['reason'])}（{d.cites(p, k['filing']['cite'])}）" for k in p.get("kinds", []) if k.get("filing")]
        out.append(f"- **{d.md(p['name'])}**：{'；'.join(items) if items else '通知没有单列。'}")
    out.append("")

    out += ["## 同一类活动一年录入几次都算吗？", ""]
    for p in policies:
        items = [f"[{d.md(k['name'])}](regions/{p['id']}.md#{k['id']})（{d.conversion(k)}）" for k in p.get("kinds", []) if k.get("once_per_year") and d.has_fixed_amount(k)]
        out.append(f"- **{d.md(p['name'])}**：" + ("按规定每年只计一次：" + "；".join(items) if items else "没有按年只计一次的规定。"))
    out.append("")

    out += ["## 卫生、会计等行业的人员按什么规定？", ""]
    for p in policies:
        items = [f"{d.md(h['label'])}（{d.cites(p, h['cite'])}）：{d.md(h['next_step'])}" for h in p.get("handoffs", [])]
        out.append(f"- **{d.md(p['name'])}**：{'；'.join(items) if items else '通知没有把某些行业交给其他规定，按通知的一般规定执行。'}")
    out.append("")

    out += ["## 学时登记和审核的截止时间是什么时候？", ""]
    for p in policies:
        items = [f"{d.md(x.get('date'))} {d.md(x.get('what'))}（{d.cites(p, x.get('cite'))}）" for x in sorted(p.get("deadlines", []), key=lambda x: x.get("date", ""))]
        out.append(f"- **{d.md(p['name'])}**：{'；'.join(items) if items else '通知没有规定具体的截止时间。'}")
    out.append("")
    return "\n".join(out) + "\n"


# ---- the whole of docs/ ---------------------------------------------------------------------


def generate(rules: dict | None = None, docs: Path = STAGE) -> list[str]:
    rules = rules if rules is not None else load_rules()
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(DOCS, docs)
    policies = sorted(rules["policies"].values(), key=lambda p: p["id"])
    written = []

    def write(rel: str, text: str) -> None:
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        written.append(rel)

    region_nav = []
    for p in policies:
        write(f"regions/{p['id']}.md", region_page(p))
        region_nav.append({p["name"]: f"regions/{p['id']}.md"})
        for alias in p.get("aliases", []):
            write(f"regions/{alias['id']}.md", alias_page(alias, p))
            region_nav.append({alias["name"]: f"regions/{alias['id']}.md"})
    written += worksheet.write(docs, policies, rules.get("data_version"))  # sitebuild/worksheet.py
    write("compare.md", compare_page(policies))
    write("faq.md", faq_page(policies))
    nav = [
        {"首页": "index.md"},
        {"学时计算器": "calculator/index.md"},
        {"各地规定": region_nav},
        {"各地对比": "compare.md"},
        {"常见问题": "faq.md"},
        {"关于本站": "about.md"},
        {"隐私与安全": "privacy.md"},
        {"浏览器支持": "browsers.md"},
        {"性能": "performance.md"},
    ]
    (docs / ".nav.json").write_text(json.dumps(nav, ensure_ascii=False, indent=1), "utf-8")
    return written
