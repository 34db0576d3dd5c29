"""The next step of a verdict on a title application: what the person does now, in one sentence,
and what a page needs to offer it right there (readiness.next_step), as of the day it is read.

code               when                                                   a page offers with it
none               the hours are enough, or not asked for                 —
reference          the hours only count for reference                     —
industry           the notice hands the person to other rules             — (the authority, in the text)
fill_facts         a fact not given can change the verdict                `facts` (and `years`)
fill_requirements  years whose requirement is unknown can change it       `years`: their requirement fields
confirm_reading    the clause read the other way gives another verdict    — (向人社局确认)
add_hours          hours open years can still take make it enough          the plan's one-click entries, and the
                                                                         `facts`/`years` the plan assumes
complete_plan      the planned entries, once done, make it enough         —
cannot_add         nothing that can still happen makes it enough          — (the report's `recheck`: a later year)
cannot_judge       the notices do not say (another year, no rule)         —

A step is offered only where taking it changes the verdict as it says (tests/test_next_step.py
takes every step and checks).
"""

from __future__ import annotations

from calc.vocabulary import year_list_text

READY = "学时符合这次申报的要求。请保留各项证明材料（“打印自查表”会列出每一项应保留的材料）。"
EXEMPT = "这次申报不要求继续教育学时（理由见下方说明）。"
REFERENCE = "学时只作评审参考，不决定能否申报；按学时本身的判断见下方说明。"
PLAN_DONE = "完成计划中的学时后即可满足；完成一项，就在该项上标为已完成。"


def handed_to(rule: dict) -> str:
    """What a person the notice hands to other rules does, and whom to ask (青海 六(八), 附件1)."""
    contact = rule.get("contact")
    return rule["next_step"].strip() + (f"政策咨询：{contact['name']} {contact['phone']}。" if contact else "")


def fill_words(decision, facts: list[dict]) -> tuple[str, str]:
    """What to fill in first, in a few words (先填写性别、2024年的要求), and how a sentence that
    follows names it (它, 这些)."""
    parts = [f["label"] for f in facts]
    if decision.unknown_years:
        parts.append(f"{year_list_text(decision.unknown_years)}的要求")
    return "先填写" + "、".join(parts), "它" if len(facts) + len(decision.unknown_years) == 1 else "它们"


def next_step(decision, plan: dict | None, after: str | None, reasons: list[str]) -> dict:
    """{code, text, short, facts, years}: `short` (or None) is what the headline adds to an
    undecided verdict (先填写性别、出生日期)."""
    from calc.result_words import must_text, plan_line, with_labels  # noqa: PLC0415 (words of the same verdict)

    status = decision.status
    step = {"code": "none", "text": READY, "short": None, "facts": [], "years": []}
    if status == "ready":
        return step
    if status == "exempt":
        return {**step, "text": EXEMPT}
    if status == "reference_only":
        return {**step, "code": "reference", "text": REFERENCE}
    if status == "industry_rules":
        return {**step, "code": "industry", "text": handed_to(decision.handoff)}
    if decision.case != "judged":
        return {**step, "code": "cannot_judge", "text": (reasons or ["无法判断。"])[0]}
    facts = with_labels(decision.scenario.policy, decision.missing)
    years = list(decision.unknown_years)
    short, listed = fill_words(decision, facts)
    asked = {**step, "facts": facts, "years": years}
    if status == "not_ready" and after == "ready":
        return {**step, "code": "complete_plan", "text": PLAN_DONE}
    if status == "unknown":
        if facts or years:
            code = "fill_facts" if facts else "fill_requirements"
            why = f"本站收录的通知没有这些年度的要求，{must_text(decision)}，" if years and not facts else ""
            text = f"{short}：{why}结论取决于{listed}。"
            if plan and plan["years"]:
                then = "不论这些年度的要求是多少都可满足" if not decision.must_after_plan else (
                    f"则其中{decision.must_after_plan}个年度达标即可")
                text += f"或者：{plan_line(plan)}，{then}。"
            return {**asked, "code": code, "short": short, "text": text}
        if decision.reading is not None:
            return {**step, "code": "confirm_reading", "short": "请向人社局确认",
                    "text": "请向人社局确认“1/3”按分科目还是按合计计算：两种算法结论不同（见下方说明）。"}
        return {**step, "code": "cannot_judge", "text": (reasons or ["无法判断。"])[0]}
    # not ready
    if decision.reachable and plan and plan["years"]:
        more = "除已计划的以外，还需" if after else "还需"
        if facts or years:  # what to fill in first decides whether the plan is enough
            assumed = f"{year_list_text(years)}的要求达到时" if years and not facts else "按最有利的情况"
            return {**asked, "code": "fill_facts" if facts else "fill_requirements", "short": short,
                    "text": f"{short}：{listed}决定还缺多少学时。{assumed}，{more}{plan_line(plan)}，才能满足。"}
        return {**asked, "code": "add_hours", "text": f"{more}{plan_line(plan)}，才能满足。"}
    if decision.reachable:
        if facts or years:
            return {**asked, "code": "fill_facts" if facts else "fill_requirements", "short": short,
                    "text": f"{short}：按现有的学时不能满足，{listed}决定还能否补足。"}
        if decision.reading is not None:
            return {**step, "code": "confirm_reading", "short": "请向人社局确认",
                    "text": "请向人社局确认“1/3”按分科目还是按合计计算：按合计计算时，补足学时后可以满足。"}
    closed = decision.shown.closed if decision.shown else []
    over = decision.open_years.over
    when = f"申报日期（{decision.target.date.isoformat()}）已过，" if over else ""
    years_over = f"{year_list_text(closed)}已经结束，" if closed else ""
    return {**step, "code": "cannot_add",
            "text": f"{when}{years_over}缺的学时无法再补：按已有的学时，这次申报的学时条件不能满足。"}
