"""The verdict on a title application in words: the reasons (each with its clause), the citations,
and the report's `readiness` entry with what a page shows of it (status label, headline, the
window's years, the shortfall and the plan in sentences). calc/readiness.py decides; this module
says it.
"""

from __future__ import annotations

from calc import ruledata
from calc.exemption import Reduction
from calc.ledger import Year
from calc.vocabulary import (
    APPLICATION_STATE, CATEGORY, CATEGORY_SHORT, STATUS, TARGET_FIELDS, TERMS, VERDICT_LABEL, YEAR_STATE, fmt, hours, target_label,
    year_list_text,
)

NO_HOURS_YET = "按转任实际年限，尚无须完成学时的年度。"
HANDED_OFF = "按一般规定计算的各年度学时见上方，仅供参考，不作为是否符合要求的判断。"
TARGET_INVALID = "申报目标填写不完整或有误（见错误列表），无法判断。"


class Verdict:
    """The reasons and citations of one verdict, gathered as the application is judged."""

    def __init__(self, policy: dict, target):
        self.policy = policy
        self.target = target
        self.reasons: list[str] = []
        self.citations: list[str] = []
        self.missing: list[dict] = []  # facts not given that could change the verdict {part, name, label}
        self.conversion_waiting = False  # a whole-tenure conversion waits for 任现职
        self.next_text: str | None = None  # what to do next, where the rule data says it (a hand-off)

    def cite(self, cites: list[dict]) -> str:
        text = ruledata.cites_text(self.policy, cites)
        self.add_citations(text)
        return text

    def add_citations(self, text: str) -> None:
        for part in text.split("；"):
            if part not in self.citations:
                self.citations.append(part)

    def say(self, text: str) -> None:
        self.reasons.append(text)

    def missing_fact(self, part: str, name: str) -> None:
        """A fact the verdict waits for: a person fact of the rule data, or a field of the target."""
        if any(m["part"] == part and m["name"] == name for m in self.missing):
            return
        if part == "person":
            label = ruledata.declared_facts(self.policy).get(name, {}).get("label", name)
        else:
            label = next((f["label"] for f in TARGET_FIELDS if f["name"] == name), name)
        self.missing.append({"part": part, "name": name, "label": label})

    def defaults_assumed(self, policy: dict, person) -> None:
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
                self.say(f"“{spec['label']}”未选择，按“{value}”判断；{rule['label']}，请在职称申报中选择。")

    # -- what the notice says about this application ----------------------------------------------

    def outside_years(self, note: str) -> None:
        self.say(note.strip())

    def exempted(self, rule: dict) -> None:
        """An exemption of the notice (first among the reasons)."""
        self.reasons.insert(0, f"{rule['label']}（{self.cite(rule['cite'])}）")

    def reference_only(self, rule: dict, underlying: dict) -> dict:
        """The hours count only for reference: the verdict by the hours themselves stays, said so."""
        reasons = [f"{rule['label']}（{self.cite(rule['cite'])}）", f"仅供参考：按学时本身判断为“{STATUS[underlying['status']]}”。"]
        underlying["reasons"] = reasons + underlying["reasons"]
        underlying["status"] = rule.get("status", "reference_only")
        return underlying

    def handed_off(self, rule: dict) -> None:
        """The notice hands this person to other rules: whose, and what to do next."""
        self.say(f"{rule['label']}（{self.cite(rule['cite'])}）")
        self.next_text = rule["next_step"].strip()
        self.say(f"下一步：{self.next_text}")
        self.say(HANDED_OFF)

    def no_rule(self, by_degree: list[dict], degree_missing: bool) -> None:
        self.say(f"依据的通知没有规定{target_label(self.target)}的继续教育学时要求，无法判断。")
        if by_degree and degree_missing:
            self.say("该类申报的要求因学历学位而不同，请填写学历（学位）：" + "；".join(e["label"] for e in by_degree))

    def rule(self, rule: dict) -> None:
        self.say(f"{rule['label']}（{self.cite(rule['cite'])}）")
        if rule.get("reading"):
            self.say(f"本站理解：{rule['reading'].strip()}")

    def transfer(self, year: int, rule: dict) -> None:
        self.say(f"{year}年从公务员岗位转任：{rule['reading'].strip()}（{self.cite(rule['cite'])}）")

    def transfer_in(self, moved: int, before: list[int], rule: dict) -> None:
        span = f"{before[0]}—{before[-1]}年" if len(before) > 1 else f"{before[0]}年"
        self.say(
            f"{moved}年自外地调入：{rule['text'].strip().rstrip('。')}（{self.cite(rule['cite'])}）。"
            f"{span}在调入以前，按原地区的规定判断" + (f"。本站理解：{rule['reading'].strip()}" if rule.get("reading") else "")
        )

    def reduction(self, found: Reduction, reading: str | None) -> None:
        """An age reduction (呼和浩特), or why none could be looked for."""
        if found.facts_missing:
            cites = [c for r in self.policy["readiness"].get("reductions", []) if self.target.type in r["types"] for c in r["cite"]]
            self.say(f"按年龄减免学时（{self.cite(cites[:1])}）须知道性别和出生日期；未填写时按全额要求核对。")
            return
        rule = found.rule
        if rule is None:
            return
        when = self.target.date.isoformat()
        if rule.get("fraction") is None:
            self.say(f"申报时（{when}）年满{found.age}周岁，不再要求继续教育学时（{self.cite(rule['cite'])}）")
        else:
            top, bottom = rule["fraction"]
            self.say(f"申报时（{when}）年满{found.age}周岁，每年要求减为规定学时的{top}/{bottom}（{self.cite(rule['cite'])}）")
            if rule.get("reading"):
                self.say(f"本站理解：{rule['reading'].strip()}")
        if reading:
            self.say(reading.strip())

    # -- whole years filled for the application (calc/title_credits.py) ---------------------------

    def reduction_needs_facts(self, status: str) -> None:
        """Short of ready at the full requirement, while a reduction could still apply."""
        self.say(f"按全额要求为“{STATUS[status]}”；按年龄减免后可能不同（只需1/3或不要求学时），所以先填写性别和出生日期才能判断。")

    def conversion_needs_tenure(self, rule: dict) -> None:
        self.conversion_waiting = True
        self.say(f"{rule['label']}：须填写任现职年度才能确认学历（学位）是任现职期间取得的，暂未使用。")

    def conversion_used(self, rule: dict) -> None:
        self.say(f"{rule['label']}（{self.cite(rule['cite'])}）" + (f"。{rule['reading']}" if rule.get("reading") else ""))

    def year_completed(self, name: str, year: int, citation: str) -> None:
        self.say(f"{name}：视同完成{year}年的学时（{citation}）")
        self.add_citations(citation)

    # -- the window's years ---------------------------------------------------------------------------

    def year(self, year: Year, met: bool | None, gap: dict, waived: set[str], share: float) -> None:
        """One year of the window: met or short, with its figures."""
        parts = []
        for category in CATEGORY:
            if category in waived:
                parts.append(f"{CATEGORY[category]}不作要求")
                continue
            needed = getattr(year.requirement, category)
            needed = None if needed is None else needed * share
            parts.append(f"{CATEGORY[category]}{fmt(year.hours(category))}/{fmt(needed)}")
        figures = "，".join(parts)
        if year.complete:
            text = f"{year.year}年：视同完成全部学时"
        elif met is True:
            text = f"{year.year}年：达标（{figures}）"
        elif met is False:
            short = "，".join(f"{CATEGORY[c]}差{fmt(gap[c])}学时" for c in CATEGORY if gap[c])
            text = f"{year.year}年：未达标（{figures}；{short}）"
        elif not year.requirement.annual:
            text = f"{year.year}年：{year.requirement.note or '不按年度判断'}"
        else:
            source = "当年要求未知，可填写您所在地通知的要求" if year.requirement.source is None else ""
            text = f"{year.year}年：无法判断（{figures}；{source}）"
        self.say(text)

    def enough_years(self, met: int, needed: int) -> None:
        self.say(f"已有{met}个达标年度，满足所需的{needed}个。")

    def too_few_years(self, met: int, unknown: int, needed: int) -> None:
        self.say(f"需要{needed}个达标年度，目前{met}个" + (f"，另有{unknown}个年度无法判断。" if unknown else "。"))

    def average(self, early: list[int], total: float, needed: float) -> bool:
        """The years judged by their average (威海 2018年以前): whether they reach it, said."""
        average = total / len(early)
        span = f"{early[0]}—{early[-1]}年" if len(early) > 1 else f"{early[0]}年"
        if average + 1e-6 >= needed:
            self.say(f"{span}共{fmt(total)}学时，平均每年{fmt(average)}学时，达到平均每年{fmt(needed)}学时的要求。")
            return True
        missing = needed * len(early) - total
        self.say(f"{span}共{fmt(total)}学时，平均每年{fmt(average)}学时，未达到平均每年{fmt(needed)}学时（还差{fmt(missing)}学时）。")
        return False

    # -- the report's entry ---------------------------------------------------------------------------

    def result(self, status: str, window: list[int], **extra) -> dict:
        result = {
            "status": status,
            "target": target_label(self.target),
            "years_needed": extra.pop("years_needed", 0),
            "years_counted": extra.pop("years_counted", []),
            "window": window,
            "shortfall": extra.pop("shortfall", []),
            "reasons": self.reasons,
            "citations": self.citations,
            "missing": self.missing,
            "next_text": self.next_text,
        }
        result.update(extra)
        return result


def invalid_target() -> dict:
    """The entry for a title application that cannot be read (its errors are in the report)."""
    return {
        "status": "unknown", "years_needed": 0, "years_counted": [], "shortfall": [],
        "reasons": [TARGET_INVALID], "citations": [], "missing": [], "next_text": TARGET_INVALID,
    }


# -- what a page shows of a verdict ------------------------------------------------------------------

# the decision's own keys (calc/readiness.py), used for the words and then left out of the report
INTERNAL = ("judged", "share", "share_text", "waived", "unknown_years", "closed_years", "next_text")


def gap_text(gap: dict, short: bool = False) -> str:
    """A year's missing hours per category: 公需科目 5 学时、专业科目 10 学时 (short: 公需差 5，专业差 10)."""
    if short:
        return "，".join(f"{CATEGORY_SHORT[c]}差 {fmt(gap[c])}" for c in CATEGORY if gap.get(c))
    return "、".join(f"{CATEGORY[c]} {fmt(gap[c])} 学时" for c in CATEGORY if gap.get(c))


def plan_text(result: dict, years: dict[int, Year]) -> str:
    """What the plan says, whatever the verdict: the least extra hours, or why there is none."""
    plan = result.get("plan")
    status = result["status"]
    if plan and plan["years"]:
        more = "除已计划的以外，" if result.get("after_plan") else ""
        return f"要满足这次申报，{more}最少还需 {fmt(plan['extra_hours'])} 学时："
    if status == "not_ready" and (result.get("after_plan") or {}).get("status") == "ready":
        return "计划中的学时完成后即可满足这次申报，不需要再补其他学时。"
    if status in ("ready", "exempt"):
        return "这次申报不需要再补学时。"
    if status == "industry_rules":
        return f"{STATUS['industry_rules']}，本站不给出补学计划。"
    if status == "reference_only":
        return f"{STATUS['reference_only']}，本站不给出补学计划。"
    if result.get("missing"):
        return "先填写上面所说的信息，才能算出补学计划。"
    if result.get("closed_years"):
        return f"缺学时的{year_list_text(result['closed_years'])}已经结束，无法再补学，所以没有补学计划。"
    window = result.get("window") or []
    if any(y in years and not years[y].requirement.known and years[y].requirement.annual for y in window):
        return "无法给出补学计划：部分年度的要求未知。填写这些年度的要求后再看。"
    return "无法给出补学计划，原因见上方说明。"


def application_state(met: bool | None, reduced: bool) -> tuple[str, str]:
    """A year's state for this application, and its label (减免后达标 where a reduction made it)."""
    state = year_state(met)
    if reduced and state in APPLICATION_STATE:
        return state, APPLICATION_STATE[state]
    return state, YEAR_STATE[state]


def application_years(result: dict, years: dict[int, Year]) -> dict[int, dict]:
    """The years of the window whose requirement the application changes (an age reduction, a
    category the window does not ask for) and that do not meet the year's own requirement: per
    year its state and figures as the application judges them (years[].application)."""
    judged = result.get("judged") or {}
    share = result.get("share", 1.0)
    waived = result.get("waived") or {}
    found = {}
    for number, (met, _gap) in judged.items():
        year = years.get(number)
        skip = waived.get(number, set())
        if year is None or (share >= 1 and not skip) or not year.requirement.known or year.complete or year.met is True:
            continue
        required, parts = {}, []
        for category in CATEGORY:
            if category in skip:
                required[category] = 0
                parts.append(f"{CATEGORY_SHORT[category]}不作要求")
                continue
            needed = getattr(year.requirement, category) * share
            required[category] = hours(needed)
            parts.append(f"{CATEGORY_SHORT[category]} {fmt(year.hours(category))}/{fmt(needed)}")
        required["total"] = hours(required["public"] + required["professional"])
        state, label = application_state(met, share < 1)
        basis = []
        if share < 1:
            basis.append(f"按年龄减免为{result.get('share_text')}，原要求{CATEGORY_SHORT['public']}{fmt(year.requirement.public)}、"
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


def verdict_label(result: dict) -> str:
    """What the answer says: the status's label, or 完成计划后可满足 where only the planned entries are missing."""
    after = result.get("after_plan")
    if after and after["status"] == "ready" and result["status"] == "not_ready":
        return VERDICT_LABEL["ready_after_plan"]
    return STATUS[result["status"]]


def with_words(result: dict, years: dict[int, Year]) -> dict:
    """The verdict's words for a page, added to the entry: its status label, the headline, the
    window's years with their state for this application, the shortfall and the plan in
    sentences, and the next step (calc/next_step.py)."""
    from calc.next_step import next_step  # noqa: PLC0415 (it words a verdict, this module's result)

    status = result["status"]
    label = verdict_label(result)
    target = result.get("target")
    heading = f"{TERMS['title_application']}（{target}）" if target else TERMS["title_application"]
    counted = set(result.get("years_counted", []))
    short = {s["year"]: s for s in result.get("shortfall", [])}
    window = result.get("window") or []
    judged = result.get("judged") or {}
    application = application_years(result, years)
    if result.get("plan") is None:
        result.pop("plan", None)
    if result.get("after_plan"):
        result["after_plan"]["status_label"] = STATUS[result["after_plan"]["status"]]
    step = next_step(result, years)
    result["status_label"] = STATUS[status]
    result["verdict_label"] = label
    result["heading"] = heading
    result["headline"] = f"{heading}：{label}" + (f"，{step['short']}" if step.get("short") else "")
    result["next_step"] = {k: v for k, v in step.items() if k != "short"}
    result["window_years"] = []
    for y in window:
        year = years.get(y)
        if y in application:
            state, state_label = application[y]["state"], application[y]["state_label"]
        else:
            met = judged[y][0] if y in judged else (year.met if year is not None else None)
            state = year_state(met)
            state_label = YEAR_STATE[state]
        gap = short.get(y)
        result["window_years"].append({
            "year": y,
            "state": state,
            "state_label": state_label,
            "counted": y in counted,
            "shortfall_text": gap_text(gap, short=True) if gap and (gap["public"] or gap["professional"]) else None,
        })
    if status in ("industry_rules", "exempt"):  # no year of the window is judged for it
        result["window_years"], window = [], []
    needed = result.get("years_needed") or 0
    if window:
        need = f"，需要其中 {needed} 个年度达标" if needed else ""
        result["window_text"] = f"可计入的年度：{year_list_text(window)}{need}；已计入 {len(counted)} 个。"
    elif needed:
        result["window_text"] = f"需要达标年度数：{needed}"
    else:
        result["window_text"] = None
    # a shortfall is said only where closing it changes the verdict: a plan that makes it ready
    gaps = [f"{s['year']}年{gap_text(s) or YEAR_STATE['short']}" for s in result.get("shortfall", [])]
    planned_enough = (result.get("after_plan") or {}).get("status") == "ready"  # the next step says it
    closing_helps = (status == "not_ready" or bool(result.get("plan"))) and not planned_enough
    result["shortfall_text"] = f"尚缺：{'；'.join(gaps)}。" if gaps and closing_helps and not result.get("missing") else None
    result["plan_text"] = plan_text(result, years)
    for key in INTERNAL:
        result.pop(key, None)
    return result


def year_state(met: bool | None) -> str:
    return "met" if met is True else "short" if met is False else "unknown"
