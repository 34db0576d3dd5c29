"""The next step of a verdict on a title application: what the person does now, in one sentence,
and what a page needs to offer it right there (readiness.next_step).

code               when                                               a page offers with it
none               the hours are enough, or not asked for             —
reference          the hours only count for reference                 —
industry           the notice hands the person to other rules         — (the authority, in the text)
fill_facts         a fact not given could change the verdict          `facts`: the person's or the target's fields
fill_requirements  years whose requirement is unknown decide it       `years`: those years' requirement fields
add_hours          hours that can still be taken make it enough       the plan's one-click entries (readiness.plan)
complete_plan      the planned entries, once done, make it enough     —
cannot_add         the years short of hours are over                  —
cannot_judge       the notices do not say (another year, no rule)     —

A step is offered only where taking it changes the verdict as it says (tests/test_next_step.py
takes every step and checks).
"""

from __future__ import annotations

from calc.ledger import Year
from calc.vocabulary import CATEGORY, fmt, year_list_text

READY = "学时符合这次申报的要求。请保留各项证明材料（“打印自查表”会列出每一项应保留的材料）。"
EXEMPT = "这次申报不要求继续教育学时（理由见下方说明）。"
REFERENCE = "学时只作评审参考，不决定能否申报；按学时本身的判断见下方说明。"
PLAN_DONE = "完成计划中的学时后即可满足；完成一项，就在该项上标为已完成。"


def plan_line(plan: dict) -> str:
    """The plan as one instruction: 2025年补公需科目 30 学时、专业科目 60 学时."""
    return "；".join(
        f"{entry['year']}年补" + "、".join(f"{CATEGORY[c]} {fmt(entry[c])} 学时" for c in CATEGORY if entry[c])
        for entry in plan["years"]
    )


def next_step(result: dict, years: dict[int, Year]) -> dict:
    """{code, text, short, facts, years}: `short` (or None) is what the headline adds to an
    undecided verdict (先填写性别、出生日期)."""
    status = result["status"]
    plan = result.get("plan")
    after = result.get("after_plan")
    step = {"code": "none", "text": READY, "short": None, "facts": [], "years": []}
    if status == "ready":
        return step
    if status == "exempt":
        return {**step, "text": EXEMPT}
    if status == "reference_only":
        return {**step, "code": "reference", "text": REFERENCE}
    if status == "industry_rules":
        return {**step, "code": "industry", "text": result.get("next_text") or result["reasons"][0]}
    missing = result.get("missing") or []
    if missing:
        labels = "、".join(m["label"] for m in missing)
        them = "它" if len(missing) == 1 else "这些信息"
        return {**step, "code": "fill_facts", "short": f"先填写{labels}", "facts": missing,
                "text": f"先填写{labels}：这次申报的结论取决于{them}。"}
    unknown = [y for y in result.get("unknown_years") or [] if y in years]
    if status == "unknown" and unknown:
        span = year_list_text(unknown)
        outside = [y for y in unknown if years[y].requirement.outside]
        why = "调入以前的年度按原地区的要求，" if outside else ""
        text = f"先填写{span}的学时要求：{why}本站收录的通知没有这些年度的要求，结论取决于它们。"
        if plan and plan["years"]:
            text += f"或者：{plan_line(plan)}，也可满足。"
        return {**step, "code": "fill_requirements", "short": f"先填写{span}的要求", "years": unknown, "text": text}
    if status == "not_ready":
        if after and after["status"] == "ready":
            return {**step, "code": "complete_plan", "text": PLAN_DONE}
        if plan and plan["years"]:
            more = "除已计划的以外，还需" if after else "还需"
            return {**step, "code": "add_hours", "text": f"{more}{plan_line(plan)}，才能满足。"}
        closed = result.get("closed_years") or []
        if closed:
            return {**step, "code": "cannot_add",
                    "text": f"{year_list_text(closed)}已经结束，缺的学时无法再补：按已有的学时，这次申报的学时条件不能满足。"}
    return {**step, "code": "cannot_judge", "text": result.get("next_text") or (result["reasons"] or ["无法判断。"])[0]}
