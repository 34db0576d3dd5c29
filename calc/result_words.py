"""A report's results in words: a year's state, its shortfall and the sentence that says it; a
line's amount, what its cap cut and what it credits; the one-sentence summary of a report.

The report carries these beside the numbers (calc/report.py), so a page shows them as they are
and never works out a gap or a cut itself (calc/schemas/report.schema.json names every field).
"""

from __future__ import annotations

from calc import rule_words, ruledata
from calc.ledger import EPSILON, Year
from calc.vocabulary import (
    APPLICATION_STATE, CATEGORY, CATEGORY_SHORT, STATUS, TARGET_FIELDS, TERMS, VERDICT_LABEL, YEAR_STATE, fmt, hours, target_label,
    year_list_text,
)


def year_state(year: Year) -> str:
    """met, short or unknown (the notice gives no figures, judges otherwise, or hands the person on)."""
    return "met" if year.met is True else "short" if year.met is False else "unknown"


def year_shortfall(year: Year) -> dict:
    """The hours a year still lacks per category and in total (None where the requirement is unknown)."""
    gap: dict = {}
    for category in CATEGORY:
        short = year.shortfall(category)
        gap[category] = None if short is None else hours(short if short > EPSILON else 0)
    known = gap["public"] is not None and gap["professional"] is not None
    gap["total"] = hours(gap["public"] + gap["professional"]) if known else None
    return gap


def state_text(year: Year, state: str, gap: dict) -> str:
    """The sentence under a year's heading."""
    if state == "met":
        if year.complete:
            return "该年度视为已完成全部学时。"
        return f"{CATEGORY['public']}和{CATEGORY['professional']}都已达到要求。"
    if state == "short" and not year.requirement.known:  # below the national floor
        least = ruledata.floor(year.year)
        floor = f"按全国规定每年累计不少于{fmt(least)}学时" if least else "没有学时"
        return f"通知没有给出该年度的要求，但{floor}，本年度合计 {fmt(year.total)} 学时，无论当年要求是多少都未达标。"
    if state == "short":
        parts = [f"{CATEGORY[c]}还差 {fmt(gap[c] or 0)} 学时" for c in CATEGORY if gap[c]]
        return f"{'，'.join(parts) or '尚未达到要求'}。"
    if not year.judged:
        return "按一般规定计算的学时仅供参考，不判断是否达标（见下方说明）。"
    if not year.requirement.annual:
        return "通知对这些年度不按每年学时判断（见下方说明）。"
    if year.requirement.outside:
        return "该年度在调入本地区以前，按原地区的规定判断；原地区当年的要求未知，所以无法判断。"
    if not year.requirement.known:
        return "本站收录的通知没有规定该年度的学时要求，所以无法判断。"
    return f"{YEAR_STATE['unknown']}。"


def requirement_prompt(year: Year) -> str | None:
    """Where the user may enter the year's figures themselves: the invitation to (None elsewhere,
    and for a person the notice hands to other rules: figures entered would not be judged either)."""
    if year.requirement.known or not year.requirement.annual or not year.judged:
        return None
    if year.requirement.outside:
        return "如您手头有原地区当年的通知，可以填写当年的要求："
    return "如您手头有当年的通知，可以填写当年的要求："


def moved(year: Year, category: str) -> tuple[float, list[int], float, list[int]]:
    """Make-up hours of a category: received and the years they came from, given and the years
    they went to."""
    received = given = 0.0
    sources: list[int] = []
    sinks: list[int] = []
    for line in year.lines:
        if line.kind != "make_up" or line.category != category:
            continue
        if line.hours > 0:
            received += line.hours
            sources.append(line.partner)
        else:
            given -= line.hours
            sinks.append(line.partner)
    return received, sources, given, sinks


def category_text(year: Year, category: str) -> str:
    """A category's hours against its requirement, with what a make-up moved, as the year's card
    and the printed sheet show it: 30/30; 40 + 补学20 / 60（2024年补入）; 142/60（另有20学时补入2023年）."""
    needed = getattr(year.requirement, category) if year.requirement.known else None
    against = "" if needed is None else f"/{fmt(needed)}"
    received, sources, given, sinks = moved(year, category)
    if received > EPSILON:
        own = year.hours(category) - received
        years = "、".join(str(y) for y in sorted(set(sources)))
        return f"{fmt(own)} + {TERMS['make_up']}{fmt(received)}{' ' + against.replace('/', '/ ') if against else ''}（{years}年补入）"
    text = f"{fmt(year.hours(category))}{against}"
    if given > EPSILON:
        years = "、".join(str(y) for y in sorted(set(sinks)))
        text += f"（另有{fmt(given)}学时补入{years}年）"
    return text


def figures_text(year: Year) -> str:
    """A year's hours against its requirement in one line: 公需 35/30，专业 40 + 补学20 / 60（2024年补入）."""
    text = "，".join(f"{CATEGORY_SHORT[c]} {category_text(year, c)}" for c in CATEGORY)
    if not year.requirement.known:
        return text + f"（{TERMS['required']}{TERMS['unknown']}）"
    return text + "（按您填写的要求）" if year.requirement.source == "user" else text


PROFESSIONAL_FULL = "该年度专业科目学时已整体认定（按规定视为完成全年专业科目要求）。"


def year_words(year: Year) -> dict:
    state = year_state(year)
    gap = year_shortfall(year)
    blank = not year.entered and state != "met"
    return {
        "state": state,
        "state_label": TERMS["not_entered"] if blank else YEAR_STATE[state],
        "state_text": "没有填写任何已完成的学时。" if blank else state_text(year, state, gap),
        "shortfall": gap,
        "figures_text": figures_text(year),
        "category_text": {c: category_text(year, c) for c in CATEGORY},
        "requirement_prompt": requirement_prompt(year),
        "professional_full_text": PROFESSIONAL_FULL if year.professional_full else None,
    }


def line_words(line) -> dict:
    """A line's amount, its cap and what the cap cut, and what it credits (for the activity's card)."""
    amount, uncapped = hours(line.hours), hours(line.uncapped)
    cut = hours(max(0.0, line.uncapped - line.hours))
    label = CATEGORY.get(line.category)
    moved_out = line.kind == "make_up" and amount < 0 and line.partner is not None
    if moved_out:  # 合肥 顺延补学: the hours this year gives to the year before, never a negative amount
        amount_text = f"{label or ''} {fmt(-amount)}学时补入{line.partner}年".strip()
    elif label:
        amount_text = f"{label} {fmt(amount)}学时"
    else:  # 视同完成, 不计学时: the note says what it does
        amount_text = f"{fmt(amount)}学时" if amount else "不直接计学时"
    scope = rule_words.cap_with_scope(line.cap)
    if scope is None:
        cap_text = "无"
    else:
        cap_text = f"{scope}；本条" + (f"削减 {fmt(cut)} 学时" if cut > 0 else "未受上限影响")
    cut_text = None
    if cut > 0:
        cut_text = f"按规则应计 {fmt(uncapped)} 学时，因上限少计 {fmt(cut)} 学时" + (f"（{TERMS['cap']}：{scope}）" if scope else "") + "。"
    before = f"（未计上限前 {fmt(uncapped)} 学时）" if uncapped != amount else ""
    return {
        "category_label": label,
        "amount_text": amount_text,
        "cap_cut": cut,
        "cap_cut_text": cut_text,
        "cap_text": cap_text,
        "credit_text": f"{line.year}年{amount_text}" if moved_out else f"{line.year}年{label or ''}{fmt(amount)}学时{before}",
    }


def dates_read(scenario) -> dict[str, dict]:
    """The dates of the scenario as calc read them, in words beside each field (1973年5月1日; a
    year and month: 1973年5月): a page shows them by the field a person typed the date into."""
    found = {}
    born = scenario.person.birth_date
    if born is not None:
        day = getattr(born, "day", None)
        found["person.birth_date"] = {"value": born.isoformat(),
                                      "text": f"{born.year}年{born.month}月" + (f"{day}日" if day else "")}
    target = scenario.target
    if target is not None and target.date_given:
        found["target.date"] = {"value": target.date.isoformat(), "text": f"{target.date.year}年{target.date.month}月{target.date.day}日"}
    return found


def planned_words(done, projected, planned: set[int]) -> dict[int, dict]:
    """What the planned entries add to each year (the ledger with them against the ledger without):
    {year: {planned: {public, professional, total}, planned_text, planned_lines}}; the hours are
    after caps and make-up, so a planned course that fills the year before shows there."""
    found = {}
    for number, year in projected.years.items():
        before = done.years.get(number)
        lines = [line for line in year.lines if line.activity in planned]
        added = {c: year.hours(c) - (before.hours(c) if before else 0.0) for c in CATEGORY}
        if not lines and all(abs(v) <= EPSILON for v in added.values()):
            continue
        added["total"] = added["public"] + added["professional"]
        parts = [f"{CATEGORY_SHORT[c]} {'+' if added[c] >= 0 else ''}{fmt(added[c])}" for c in CATEGORY if abs(added[c]) > EPSILON]
        after = YEAR_STATE[year_state(year)]
        found[number] = {
            "planned": {k: hours(v) for k, v in added.items()},
            "planned_text": f"{TERMS['planned']}：{'，'.join(parts) or '不增加学时'}（完成后{after}，尚未计入）",
            "planned_lines": [{**line.as_report(), **line_words(line)} for line in lines],
        }
    return found


def brief_text(report: dict) -> str:
    """The report in a few words, for the phone's result bar: the answer to the title application
    (职称申报：无法判断，先填写性别、出生日期) when there is one, else the years' summary."""
    verdict = report.get("readiness")
    if verdict and verdict.get("headline"):
        return f"{TERMS['title_application']}：{verdict['headline'].split('：', 1)[-1]}"
    return summary_text(report)


def summary_text(report: dict) -> str:
    """The report in one sentence (for a screen reader, the phone's result bar): each state's
    years, the verdict, how many entries need changing."""
    parts = []
    years = report.get("years", [])
    labels: dict[str, list[int]] = {}
    for year in years:  # as the application judges a year, where it differs (减免后达标)
        labels.setdefault((year.get("application") or year)["state_label"], []).append(year["year"])
    for label, found in labels.items():
        parts.append(f"{'、'.join(str(y) for y in found)}年{label}")
    verdict = report.get("readiness")
    if verdict:
        short = verdict.get("headline", "").split("：", 1)[-1] if verdict.get("headline") else STATUS[verdict["status"]]
        parts.append(f"{TERMS['title_application']}：{short}")
    if report.get("errors"):
        parts.append(f"{len(report['errors'])}处需要修改")
    return "；".join(parts) or "暂无数据"


# ---- the verdict on a title application (calc/readiness.py decides it) ------------------------------

NO_HOURS_YET = "按转任实际年限，尚无须完成学时的年度。"
HANDED_OFF = "按一般规定计算的各年度学时见上方，仅供参考，不作为是否符合要求的判断。"
TARGET_INVALID = "申报目标填写不完整或有误（见错误列表），无法判断。"
# what a fact decides, said where the verdict waits for it
DEPENDS = {
    "tenure_start": "任现职从哪一年起，决定核验哪些年度、哪些成果在任现职期间",
    "degree": "这次申报的学时要求因学历学位而不同",
    "has_deputy_senior": "是否已取得副高级职称，决定这次申报需要几个年度",
    "gender": "按年龄减免学时因性别而不同",
    "birth_date": "按年龄减免学时取决于申报时的年龄",
}


class Reasons:
    """The reasons of one verdict and their citations, in the order a person reads them."""

    def __init__(self, policy: dict):
        self.policy = policy
        self.lines: list[str] = []
        self.citations: list[str] = []

    def cite(self, cites: list[dict], policy: dict | None = None) -> str:
        text = ruledata.cites_text(policy or self.policy, cites)
        self.add_citations(text)
        return text

    def add_citations(self, text: str) -> None:
        for part in text.split("；"):
            if part and part not in self.citations:
                self.citations.append(part)

    def say(self, text: str) -> None:
        if text not in self.lines:
            self.lines.append(text)

    def rule(self, label: str, cites: list[dict], reading: str | None = None) -> None:
        """A clause the verdict rests on; where the site reads it, 本站理解 with the clause."""
        clause = self.cite(cites)
        if reading:
            self.say(f"{label}（{clause}）；{TERMS['reading']}：{reading.strip()}")
        else:
            self.say(f"{label}（{clause}）")


def fact_label(policy: dict, fact: dict) -> str:
    if fact["part"] == "person":
        return ruledata.declared_facts(policy).get(fact["name"], {}).get("label", fact["name"])
    return next((f["label"] for f in TARGET_FIELDS if f["name"] == fact["name"]), fact["name"])


def with_labels(policy: dict, facts: list[dict]) -> list[dict]:
    return [{**f, "label": fact_label(policy, f)} for f in facts]


def defaults_assumed(say: Reasons, policy: dict, person) -> None:
    """A fact that hands people to other rules, left at its default: say which answer was assumed."""
    facts = ruledata.declared_facts(policy)
    said = set()
    for rule in policy.get("handoffs", []):
        for name in rule["person"]:
            spec = facts.get(name) or {}
            if name in person.facts or name in said or "default" not in spec:
                continue
            said.add(name)
            value = next((c["label"] for c in spec.get("choices") or [] if c["value"] == spec["default"]), spec["default"])
            say.say(f"“{spec['label']}”未选择，按“{value}”判断；{rule['label']}，请在职称申报中选择。")


def reduction_words(say: Reasons, decision) -> None:
    """An age reduction (呼和浩特 三(一)): the one the facts give, or that it waits for them."""
    policy, target, person = decision.scenario.policy, decision.target, decision.scenario.person
    rules = [r for r in policy["readiness"].get("reductions", []) if target.type in r["types"]]
    if not rules:
        return
    if not decision.share_known:
        say.say(f"按年龄减免学时（{say.cite(rules[0]['cite'][:1])}）须知道性别和出生日期；未填写时下面按全额要求列出。")
        return
    ages, rule, when = decision.ages, decision.share.rule, target.date.isoformat()
    age = f"{ages[0]}或{ages[-1]}" if len(ages) > 1 else str(ages[0])
    if rule is None:
        say.say(f"申报时（{when}）年满{age}周岁，不在按年龄减免学时的范围内（{say.cite(rules[0]['cite'][:1])}）。")
    elif rule.get("fraction") is None:
        say.say(f"申报时（{when}）年满{age}周岁，不再要求继续教育学时（{say.cite(rule['cite'])}）")
    else:
        say.rule(f"申报时（{when}）年满{age}周岁，每年要求减为规定学时的{decision.share.text}", rule["cite"], rule.get("reading"))
    if policy["readiness"].get("reductions_reading"):
        say.say(policy["readiness"]["reductions_reading"].strip())


def year_line(year: Year, call, share_text: str | None, share: float, waived: set[str]) -> str:
    """One year of the window as the application judges it: met or short, with its figures."""
    parts = []
    for category in CATEGORY:
        if category in waived:
            parts.append(f"{CATEGORY[category]}不作要求")
            continue
        needed = getattr(year.requirement, category)
        needed = None if needed is None else needed * share
        parts.append(f"{CATEGORY[category]}{fmt(year.hours(category))}/{fmt(needed)}")
    figures = "，".join(parts)
    if call.completed_by is not None:
        return f"{year.year}年：视同完成全部学时（{call.completed_by.name}）"
    if year.complete:
        return f"{year.year}年：视同完成全部学时"
    if not call.entered and call.state != "met":
        return f"{year.year}年：没有填写任何已完成的学时"
    if call.state == "met":
        return f"{year.year}年：达标（{figures}）"
    if call.state == "short" and call.floor:
        return f"{year.year}年：未达标（合计{fmt(year.total)}学时；当年要求未知，但按全国规定不少于{fmt(ruledata.floor(year.year) or 0)}学时）"
    if call.state == "short":
        short = "，".join(f"{CATEGORY[c]}差{fmt(call.gap[c])}学时" for c in CATEGORY if call.gap[c])
        return f"{year.year}年：未达标（{figures}；{short}）"
    return f"{year.year}年：无法判断（{figures}；当年要求未知，可填写您所在地通知的要求）"


def rested_readings(say: Reasons, decision) -> None:
    """The site's readings the drawn window's years rest on (本站理解 with the clause): a make-up
    that moved hours into or out of them, a kind's reading, a fixed amount counted once a year."""
    policy = decision.scenario.policy
    ledger, window = decision.ledger, decision.window
    if window is None:
        return
    for number in window.years:
        year = ledger.years.get(number)
        if year is None:
            continue
        for line in year.lines:
            if line.kind == "make_up" and line.reading:
                say.say(f"{TERMS['reading']}：{line.reading.strip()}（{line.citation}）")
                say.add_citations(line.citation)
            elif line.once_cut:
                kind = ruledata.kind_for(policy, line.kind, line.year) or {}
                say.say(f"{TERMS['reading']}：{line.name}{rule_words.once_per_year(kind) or ''}（{line.citation}）")
                say.add_citations(line.citation)
            elif line.reading and line.activity is not None and (line.hours or line.uncapped):
                say.say(f"{TERMS['reading']}：{line.name}——{line.reading.strip()}（{line.citation}）")
                say.add_citations(line.citation)


def judged_reasons(say: Reasons, decision) -> None:
    """The reasons of a verdict judged from the hours (calc/readiness.py `judged`)."""
    scenario, rule, shown = decision.scenario, decision.rule, decision.shown
    rules = scenario.policy["readiness"]
    say.rule(rule["label"], rule["cite"], rule.get("reading"))
    window = decision.window
    if decision.exempt_by == "transfer":
        say.say(NO_HOURS_YET)
    if window is not None and window.transfer_year is not None:
        say.say(f"{window.transfer_year}年从公务员岗位转任：{rules['transfer']['reading'].strip()}（{say.cite(rules['transfer']['cite'])}）")
    moved, before = decision.moved_in()
    if before:
        rule_in = scenario.policy["transfer_in"]
        say.say(
            f"{moved}年自外地调入：{rule_in['text'].strip().rstrip('。')}（{say.cite(rule_in['cite'])}）。"
            f"{year_list_text(before)}在调入以前，按原地区的规定判断" + (f"。{TERMS['reading']}：{rule_in['reading'].strip()}" if rule_in.get("reading") else "")
        )
    if shown is None:
        return
    if shown.conversion:
        used = shown.conversion["rule"]
        say.rule(used["label"], used["cite"], used.get("reading"))
    share = 0.0 if decision.share.exempt else decision.share.fraction
    for number, call in shown.calls.items():
        year = decision.ledger.peek(number)
        if call.completed_by is not None:
            say.add_citations(call.completed_by.citation)
        say.say(year_line(year, call, decision.share.text, share, window.waived.get(number, set())))
    if any(c.floor for c in shown.calls.values()):
        floor = ruledata.national()["floor"]
        say.say(f"{TERMS['reading']}：{floor['reading'].strip()}（{say.cite(floor['cite'], ruledata.national())}）")
    average = shown.average
    if average is not None:
        mean = average.total / len(average.years)
        span = year_list_text(average.years)
        if average.met:
            say.say(f"{span}共{fmt(average.total)}学时，平均每年{fmt(mean)}学时，达到平均每年{fmt(average.needed)}学时的要求。")
        else:
            say.say(f"{span}共{fmt(average.total)}学时，平均每年{fmt(mean)}学时，未达到平均每年{fmt(average.needed)}学时（还差{fmt(average.missing)}学时）。")
    if not window.all_years:
        met = [y for y, c in shown.calls.items() if c.state == "met"]
        either = [y for y, c in shown.calls.items() if c.state == "either"]
        if len(met) >= window.needed:
            say.say(f"已有{len(met)}个达标年度，满足所需的{window.needed}个。")
        else:
            say.say(f"需要{window.needed}个达标年度，目前{len(met)}个" + (f"，另有{len(either)}个年度无法判断。" if either else "。"))
    rested_readings(say, decision)


def open_reasons(say: Reasons, decision) -> None:
    """What the verdict still waits for, or why it cannot be reached: the facts, the years' figures,
    a reading; the years over with nothing entered; an application whose date has passed."""
    policy = decision.scenario.policy
    for fact in with_labels(policy, decision.missing):
        say.say(f"结论取决于“{fact['label']}”（{DEPENDS.get(fact['name'], '它会改变结论')}），请填写。")
    if decision.unknown_years and decision.status == "unknown":
        say.say(f"{year_list_text(decision.unknown_years)}的要求未知，{must_text(decision)}：结论取决于这些年度的要求。")
    if decision.reading is not None:
        say.say(reading_text(say, decision.reading))
    if decision.empty_years:
        which = "这些年度" if len(decision.empty_years) > 1 else "该年度"
        say.say(f"{year_list_text(decision.empty_years)}没有填写任何已完成的学时，{which}已经结束：如果已经完成，请在每年的学时中填写。")
    if decision.open_years is not None and decision.open_years.over:
        say.say(f"申报日期（{decision.target.date.isoformat()}）已过：按当时已完成的学时判断。")


def must_text(decision) -> str:
    """How many of the years whose figures are unknown must turn out well."""
    count = len(decision.unknown_years)
    must = decision.must or count
    if must >= count:
        return "这些年度都须达标" if count > 1 else "该年度须达标"
    return f"其中{must}个年度达标即可"


def reading_text(say: Reasons, rule: dict) -> str:
    """A reduction whose clause, read either way, gives another verdict."""
    share = "{}/{}".format(*rule["fraction"])
    return (f"“规定学时的{share}”按公需科目、专业科目分别计算，和按两科合计计算，结论不同；条款（{say.cite(rule['cite'])}）"
            f"没有写明按哪一种（本站按分科目计算），请向人社局确认。")


def plan_line(plan: dict) -> str:
    """The plan as one instruction: 2025年补公需科目 30 学时、专业科目 60 学时."""
    return "；".join(
        f"{entry['year']}年补" + "、".join(f"{CATEGORY[c]} {fmt(entry[c])} 学时" for c in CATEGORY if entry[c])
        for entry in plan["years"]
    )


def gap_text(gap: dict, short: bool = False) -> str:
    """A year's missing hours per category: 公需科目 5 学时、专业科目 10 学时 (short: 公需差 5，专业差 10)."""
    if short:
        return "，".join(f"{CATEGORY_SHORT[c]}差 {fmt(gap[c])}" for c in CATEGORY if gap.get(c))
    return "、".join(f"{CATEGORY[c]} {fmt(gap[c])} 学时" for c in CATEGORY if gap.get(c))


def plan_text(decision, plan: dict | None, after: str | None) -> str:
    """What the plan says, whatever the verdict: the least extra hours, or why there is none."""
    status = decision.status
    if plan and plan["years"]:
        more = "除已计划的以外，" if after else ""
        if decision.plan_is_alternative and not decision.must_after_plan:
            return f"不论这些年度的要求是多少，{more}最少还需 {fmt(plan['extra_hours'])} 学时即可满足："
        if decision.plan_is_alternative:
            return f"补上 {fmt(plan['extra_hours'])} 学时，要求未知的年度中{decision.must_after_plan}个达标即可："
        return f"要满足这次申报，{more}最少还需 {fmt(plan['extra_hours'])} 学时："
    if status == "not_ready" and after == "ready":
        return "计划中的学时完成后即可满足这次申报，不需要再补其他学时。"
    if status in ("ready", "exempt"):
        return "这次申报不需要再补学时。"
    if status in ("industry_rules", "reference_only"):
        return f"{STATUS[status]}，本站不给出补学计划。"
    if decision.missing:
        return "先填写上面所说的信息，才能算出补学计划。"
    if status == "not_ready" and not decision.reachable:
        closed = decision.shown.closed if decision.shown else []
        if closed:
            return f"缺学时的{year_list_text(closed)}已经结束，无法再补学，所以没有补学计划。"
        return "缺学时的年度已经结束，无法再补学，所以没有补学计划。"
    if decision.unknown_years:
        return "无法给出补学计划：部分年度的要求未知。填写这些年度的要求后再看。"
    return "无法给出补学计划，原因见上方说明。"


def application_years(decision) -> dict[int, dict]:
    """The years of the drawn window whose requirement the application changes (an age reduction, a
    category the window does not ask for) and that do not meet the year's own requirement: per
    year its state and figures as the application judges them (years[].application)."""
    shown, share = decision.shown, decision.share
    if shown is None:
        return {}
    fraction = 0.0 if share.exempt else share.fraction
    found = {}
    for number, call in shown.calls.items():
        year = decision.ledger.peek(number)
        skip = shown.window.waived.get(number, set())
        if (fraction >= 1 and not skip) or not year.requirement.known or year.complete or year.met is True:
            continue
        required, parts = {}, []
        for category in CATEGORY:
            if category in skip:
                required[category] = 0
                parts.append(f"{CATEGORY_SHORT[category]}不作要求")
                continue
            needed = getattr(year.requirement, category) * fraction
            required[category] = hours(needed)
            parts.append(f"{CATEGORY_SHORT[category]} {fmt(year.hours(category))}/{fmt(needed)}")
        required["total"] = hours(required["public"] + required["professional"])
        state = "met" if call.state == "met" else "short" if call.state == "short" else "unknown"
        label = APPLICATION_STATE[state] if fraction < 1 and state in APPLICATION_STATE else YEAR_STATE[state]
        basis = []
        if fraction < 1:
            basis.append(f"按年龄减免为{share.text}，原要求{CATEGORY_SHORT['public']}{fmt(year.requirement.public)}、"
                         f"{CATEGORY_SHORT['professional']}{fmt(year.requirement.professional)}")
        basis += [f"{number}年{CATEGORY[c]}不作要求" for c in CATEGORY if c in skip]
        found[number] = {
            "state": state,
            "state_label": label,
            "required": required,
            "figures_text": "，".join(parts) + f"（{'；'.join(basis)}）",
            "basis_text": "；".join(basis),
        }
    return found


def verdict_label(status: str, after: str | None, reachable: bool | None = None) -> str:
    """What the answer says: the status's label; 完成计划后可满足 where only the planned entries are
    missing; 不能满足 where nothing that can still happen would meet it (scenario.md, reachable)."""
    if after == "ready" and status == "not_ready":
        return VERDICT_LABEL["ready_after_plan"]
    if status == "not_ready" and reachable is False:
        return VERDICT_LABEL["cannot_be_met"]
    return STATUS[status]


def verdict_reasons(decision) -> Reasons:
    """Every reason of the verdict, each with its clause, in the order a person reads them."""
    from calc.next_step import handed_to  # noqa: PLC0415 (the next step's words of the same verdict)

    scenario = decision.scenario
    policy = scenario.policy
    say = Reasons(policy)
    case = decision.case
    if case == "invalid":
        say.say(TARGET_INVALID)
        return say
    if case == "outside":
        say.say(policy["readiness"]["outside_note"].strip())
        return say
    if case == "exempt":
        say.say(f"{decision.exemption['label']}（{say.cite(decision.exemption['cite'])}）")
        return say
    if case == "handoff":
        rule = decision.handoff
        say.say(f"{rule['label']}（{say.cite(rule['cite'])}）")
        say.say(f"{TERMS['next_step']}：{handed_to(rule)}")
        say.say(HANDED_OFF)
        return say
    if decision.exemption is not None:  # the hours are a reference only: said first
        rule = decision.exemption
        say.say(f"{rule['label']}（{say.cite(rule['cite'])}）")
        say.say(f"仅供参考：按学时本身判断为“{STATUS[decision.by_hours]}”。")
    defaults_assumed(say, policy, scenario.person)
    reduction_words(say, decision)
    if case == "no_rule":
        target = decision.target
        say.say(f"依据的通知没有规定{target_label(target)}的继续教育学时要求，无法判断。")
        if decision.by_degree and target.degree is None:
            say.say("该类申报的要求因学历学位而不同，请填写学历（学位）：" + "；".join(e["label"] for e in decision.by_degree))
        return say
    judged_reasons(say, decision)
    if decision.status not in ("ready", "exempt"):
        open_reasons(say, decision)
    return say


def verdict_entry(decision, after: str | None = None) -> dict:
    """The report's `readiness` entry: the verdict decided by calc/readiness.py, in words."""
    from calc.next_step import next_step  # noqa: PLC0415 (it words a decision too)

    status = decision.status
    say = verdict_reasons(decision)
    shown = decision.shown
    window = decision.window
    years = list(window.years) if window is not None and decision.case == "judged" and status != "exempt" else []
    short = [dict(c.gap) for c in shown.calls.values() if c.state == "short"] if shown else []
    label = verdict_label(status, after, decision.reachable)
    target = target_label(decision.target) if decision.case != "invalid" else None
    heading = f"{TERMS['title_application']}（{target}）" if target else TERMS["title_application"]
    plan = decision.plan
    step = next_step(decision, plan, after, say.lines)
    entry = {
        "status": status,
        "years_needed": window.needed if years else 0,
        "years_counted": shown.counted if shown and years else [],
        # a handoff judges no year, but the hours are computed for reference: the years the general
        # rules look at, which a page offers for entering them
        "window": years or decision.handoff_years,
        "shortfall": short if years else [],
        "reasons": say.lines,
        "citations": say.citations,
        "missing": with_labels(decision.scenario.policy, decision.missing),
        "status_label": STATUS[status],
        "verdict_label": label,
        "heading": heading,
        "headline": f"{heading}：{label}" + (f"，{step['short']}" if step.get("short") else ""),
        "next_step": {k: v for k, v in step.items() if k != "short"},
    }
    if target:
        entry["target"] = target
    if decision.by_hours is not None:
        entry["by_hours"] = decision.by_hours
    if decision.handoff is not None and decision.handoff.get("contact"):
        entry["contact"] = dict(decision.handoff["contact"])
    if status in ("not_ready", "unknown"):
        entry["reachable"] = decision.reachable
    if plan is not None:
        entry["plan"] = plan
    if after:
        entry["after_plan"] = {"status": after, "status_label": STATUS[after]}
    application = application_years(decision)
    states = {y: c.state for y, c in shown.calls.items()} if shown else {}
    counted = set(entry["years_counted"])
    gaps = {g["year"]: g for g in short}
    entry["window_years"] = []
    for y in years:
        if y in application:
            state, state_label = application[y]["state"], application[y]["state_label"]
        else:
            state = {"met": "met", "short": "short"}.get(states.get(y), "unknown")
            state_label = YEAR_STATE[state]
        call = shown.calls.get(y) if shown else None
        if call is not None and not call.entered and state != "met":
            state_label = TERMS["not_entered"]
        gap = gaps.get(y)
        entry["window_years"].append({
            "year": y, "state": state, "state_label": state_label, "counted": y in counted,
            "entered": call.entered if call is not None else True,
            "shortfall_text": gap_text(gap, short=True) if gap and (gap["public"] or gap["professional"]) else None,
        })
    if years:
        need = f"，需要其中 {window.needed} 个年度达标" if window.needed else ""
        entry["window_text"] = f"可计入的年度：{year_list_text(years)}{need}；已计入 {len(counted)} 个。"
    else:
        entry["window_text"] = None
    missing_words = [f"{g['year']}年{gap_text(g) or YEAR_STATE['short']}" for g in short if g["public"] or g["professional"]]
    entry["shortfall_text"] = f"尚缺：{'；'.join(missing_words)}。" if status == "not_ready" and missing_words and after != "ready" else None
    entry["plan_text"] = plan_text(decision, plan, after)
    if decision.open_years is not None and decision.open_years.over and decision.case == "judged":
        today = decision.open_years.today
        year = today.year if today.year > decision.target.year else decision.target.year + 1
        if ruledata.in_years(year, decision.scenario.policy["readiness"]["applications"]):
            entry["recheck"] = {"year": year, "text": f"按{year}年申报再查一次"}
    return entry
