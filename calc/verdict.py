"""The verdict on a title application in words: the reasons (each with its clause), the citations,
and the report's `readiness` entry with what a page shows of it (status label, headline, the
window's years, the shortfall and the plan in sentences). calc/readiness.py decides; this module
says it.
"""

from __future__ import annotations

from calc import ruledata
from calc.exemption import Reduction
from calc.ledger import Year
from calc.vocabulary import CATEGORY, CATEGORY_SHORT, STATUS, TERMS, YEAR_STATE, fmt, target_label, year_list_text

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
        self.say(f"下一步：{rule['next_step'].strip()}")
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
            self.say("按年龄减免学时须知道性别和出生日期；未填写，按全额要求判断。")
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

    def conversion_needs_tenure(self, rule: dict) -> None:
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
        }
        result.update(extra)
        return result


def invalid_target() -> dict:
    """The entry for a title application that cannot be read (its errors are in the report)."""
    return {
        "status": "unknown", "years_needed": 0, "years_counted": [], "shortfall": [],
        "reasons": [TARGET_INVALID], "citations": [],
    }


# -- what a page shows of a verdict ------------------------------------------------------------------


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
        return f"要满足这次申报，最少还需 {fmt(plan['extra_hours'])} 学时："
    if status in ("ready", "exempt"):
        return "这次申报不需要再补学时。"
    if status == "industry_rules":
        return f"{STATUS['industry_rules']}，本站不给出补学计划。"
    if status == "reference_only":
        return f"{STATUS['reference_only']}，本站不给出补学计划。"
    window = result.get("window") or []
    if any(y in years and not years[y].requirement.known and years[y].requirement.annual for y in window):
        return "无法给出补学计划：部分年度的要求未知。填写这些年度的要求后再看。"
    return "无法给出补学计划，原因见上方说明。"


def with_words(result: dict, years: dict[int, Year]) -> dict:
    """The verdict's words for a page, added to the entry: its status label, the headline, the
    window's years with their state, the shortfall and the plan in sentences."""
    status = result["status"]
    label = STATUS[status]
    target = result.get("target")
    heading = f"{TERMS['title_application']}（{target}）" if target else TERMS["title_application"]
    counted = set(result.get("years_counted", []))
    short = {s["year"]: s for s in result.get("shortfall", [])}
    window = result.get("window") or []
    result["status_label"] = label
    result["heading"] = heading
    result["headline"] = f"{heading}：{label}"
    result["window_years"] = []
    for y in window:
        year = years.get(y)
        state = year_state(year.met) if year is not None else "unknown"
        gap = short.get(y)
        result["window_years"].append({
            "year": y,
            "state": state,
            "state_label": YEAR_STATE[state],
            "counted": y in counted,
            "shortfall_text": gap_text(gap, short=True) if gap and (gap["public"] or gap["professional"]) else None,
        })
    needed = result.get("years_needed") or 0
    if window:
        need = f"，需要其中 {needed} 个年度达标" if needed else ""
        result["window_text"] = f"可计入的年度：{year_list_text(window)}{need}；已计入 {len(counted)} 个。"
    elif needed:
        result["window_text"] = f"需要达标年度数：{needed}"
    else:
        result["window_text"] = None
    gaps = [f"{s['year']}年{gap_text(s) or YEAR_STATE['short']}" for s in result.get("shortfall", [])]
    result["shortfall_text"] = f"尚缺：{'；'.join(gaps)}。" if gaps else None
    result["plan_text"] = plan_text(result, years)
    return result


def year_state(met: bool | None) -> str:
    return "met" if met is True else "short" if met is False else "unknown"
